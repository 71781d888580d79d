"""The scripts' words (issue 21): declared once in generator/site/script_text.py, each one asked
for by some script, translated with gettext in the build's language and written for the page as
text.js, safely. tests/js/script-text.test.js checks the other way (every key a script asks for
is declared) and t() itself."""

from __future__ import annotations

import json
import re
from pathlib import Path

from generator.core.languages import load_language, use_language
from generator.core.loader import load_bank
from generator.site.script_text import (
    SCRIPT_TEXT,
    TEXT_PATH,
    script_catalogue,
    script_catalogue_js,
    script_json,
)
from generator.site.site_pages import site_pages

ROOT = Path(__file__).resolve().parent.parent
SCRIPTS = ROOT / "site_overrides" / "assets" / "javascripts"
FRENCH = ROOT / "generator" / "locales" / "fr" / "script_text.fr.txt"
ASKED = re.compile(r'\bt\(\s*"([^"]+)"')
PLACEHOLDER = re.compile(r"\{(\w+)(?:\|([^|}]*)\|([^}]*))?\}")


def asked_for() -> dict[str, set[str]]:
    """key -> the scripts that ask for it."""
    found: dict[str, set[str]] = {}
    for script in sorted(SCRIPTS.glob("*.js")):
        for key in ASKED.findall(script.read_text(encoding="utf-8")):
            found.setdefault(key, set()).add(script.stem)
    return found


def test_every_declared_key_is_asked_for_by_some_script() -> None:
    unused = sorted(set(SCRIPT_TEXT) - set(asked_for()))
    assert unused == [], f"declared in script_text.py but no script asks for them: {unused}"


def test_keys_are_grouped_by_the_script_that_shows_them() -> None:
    """A key starts with the name of a script that asks for it (others may share it)."""
    for key, scripts in asked_for().items():
        assert key.split(".")[0] in scripts, (key, scripts)


def test_the_english_catalogue_is_the_declared_text() -> None:
    assert script_catalogue() == SCRIPT_TEXT


def test_the_catalogue_is_translated_in_the_active_language(tmp_path: Path) -> None:
    key = "sheet-maker.undone"
    folder = tmp_path / "xx" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    (folder / "messages.po").write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        f'msgid "{SCRIPT_TEXT[key]}"\nmsgstr "Annulé <&>."\n', encoding="utf-8")
    with use_language(load_language("xx", (tmp_path,))):
        translated = script_catalogue()
        text = script_catalogue_js("/* helper */")
    assert translated[key] == "Annulé <&>."
    assert translated["sheet-maker.type-first"] == SCRIPT_TEXT["sheet-maker.type-first"]
    assert "Annul\u00e9 \\u003c\\u0026\\u003e." in text
    assert script_catalogue()[key] == "Undone."  # outside the block: English again


def test_text_js_is_safe_in_a_script_element_and_reads_back() -> None:
    value = {"a": "</script><!-- & \u2028\u2029 \"quoted\" caf\u00e9"}
    written = script_json(value)
    for raw in ("<", ">", "&", "\u2028", "\u2029"):
        assert raw not in written
    assert json.loads(written) == value
    js = script_catalogue_js("/* helper */\n")
    assert js.endswith("/* helper */\n")
    body = re.search(r"window\.infointerviewText = (\{.*?\});\n", js, re.S)
    assert body is not None
    assert json.loads(body.group(1)) == SCRIPT_TEXT
    assert TEXT_PATH == "assets/javascripts/text.js"


def test_the_french_words_cover_every_text_and_keep_its_placeholders() -> None:
    """generator/locales/fr/script_text.fr.txt (msgid TAB msgstr), for the lead to merge into
    the French catalogue: one line for each text, the same `{name}`s, two plural words."""
    lines = FRENCH.read_text(encoding="utf-8").splitlines()
    pairs = dict(line.split("\t") for line in lines if line and not line.startswith("#"))
    assert sorted(pairs) == sorted(set(SCRIPT_TEXT.values()))
    for english, french in pairs.items():
        assert french.strip(), english
        assert {m[0] for m in PLACEHOLDER.findall(english)} == \
            {m[0] for m in PLACEHOLDER.findall(french)}, english
        # A plural's words hold no placeholder (t() reads no braces inside them).
        for match in PLACEHOLDER.finditer(french):
            assert "{" not in match.group(0)[1:], french


def test_each_build_writes_its_text_js_with_the_helper() -> None:
    text = site_pages(load_bank([ROOT / "question_bank"]))[TEXT_PATH]
    assert text.startswith("/* The words of this site's scripts")
    assert "window.infointerviewT = t;" in text
    assert "How our scripts ask for their words" not in text  # the helper's comment is left out
