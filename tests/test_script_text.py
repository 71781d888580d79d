"""The scripts' words (issue 21): declared once in generator/site/script_text.py, each one asked
for by some script, translated with gettext in the build's language and written for the page as
text.js, safely. tests/js/script-text.test.js checks the other way (every key a script asks for
is declared) and t() itself."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

from generator.core.languages import load_language, use_language
from generator.core.loader import load_bank
from generator.edition.plugin import PAGE_TEXT
from generator.rendering.render import compact_js
from generator.site.script_text import (
    CODE_TOOLS,
    MAKER_SCRIPTS,
    MAKER_TEXT_PATH,
    SCRIPT_TEXT,
    TEXT_PATH,
    script_catalogue,
    script_files,
    script_json,
)
from generator.site.site_pages import site_pages

ROOT = Path(__file__).resolve().parent.parent
SCRIPTS = ROOT / "site_overrides" / "assets" / "javascripts"
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
        text = script_files("/* helper */")[MAKER_TEXT_PATH]
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
    files = script_files("/* helper */\n")
    assert sorted(files) == sorted([TEXT_PATH, MAKER_TEXT_PATH])
    assert files[TEXT_PATH].endswith("/* helper */\n")
    assert "helper" not in files[MAKER_TEXT_PATH]
    words: dict[str, str] = {}
    for text in files.values():
        body = re.search(r"Object\.assign\(window\.infointerviewText \|\| \{\}, (\{.*?\})\);\n",
                         text, re.S)
        assert body is not None
        part = json.loads(body.group(1))
        assert not set(part) & set(words)
        words.update(part)
    assert words == SCRIPT_TEXT


def test_the_sheet_maker_pages_words_are_asked_for_only_there() -> None:
    """text-sheet-maker.js is loaded by the sheet maker page only: its words (the keys of
    MAKER_SCRIPTS) are asked for only by the scripts that run there."""
    maker_page = (ROOT / "generator" / "rendering" / "templates" / "page_sheet_maker.md.j2")
    listed = maker_page.read_text(encoding="utf-8")
    assert "{{ maker_text_path }}" in listed
    for name in MAKER_SCRIPTS:
        assert (SCRIPTS / f"{name}.js").is_file(), name
        assert f"assets/javascripts/{name}.js" in listed, name
    for key, scripts in asked_for().items():
        if key.split(".")[0] in MAKER_SCRIPTS:
            assert scripts <= MAKER_SCRIPTS, (key, scripts)


def test_our_scripts_are_served_without_comments_and_still_parse(tmp_path: Path) -> None:
    """The plugin serves our scripts through compact_js (plugin.on_post_build): only whole
    comment lines, indentation and blank lines go; every line of code stays, in order."""
    for script in sorted(SCRIPTS.glob("*.js")):
        source = script.read_text(encoding="utf-8")
        compact = compact_js(source)
        assert len(compact) < 0.85 * len(source), script.name
        code = iter(line.strip() for line in source.splitlines())
        assert all(any(line == kept for line in code) for kept in compact.splitlines()), script.name
        node = shutil.which("node")
        if node:
            copy = tmp_path / script.name
            copy.write_text(compact, encoding="utf-8")
            checked = subprocess.run([node, "--check", str(copy)], capture_output=True, text=True,
                                     check=False)
            assert checked.returncode == 0, (script.name, checked.stderr)
    # What it cannot be sure of, it leaves as it is.
    odd = "var a = 1; /* a comment after code\n// that goes on\n*/\nvar b = 2;\n"
    assert compact_js(odd) == odd
    assert compact_js("/* one */ var c = 3;\n") == "/* one */ var c = 3;\n"


def test_the_french_words_cover_every_text_and_keep_its_placeholders() -> None:
    """Each script text in the French catalogue: translated, the same `{name}`s, and a
    plural's words without braces (t() reads none inside them)."""
    french = load_language("fr")
    for english in sorted(set(SCRIPT_TEXT.values())):
        translated = french.gettext(english)
        assert english in french.translated and translated.strip(), english
        assert {m[0] for m in PLACEHOLDER.findall(english)} == \
            {m[0] for m in PLACEHOLDER.findall(translated)}, english
        for match in PLACEHOLDER.finditer(translated):
            assert "{" not in match.group(0)[1:], translated


def test_each_build_writes_its_text_js_with_the_helper() -> None:
    pages = site_pages(load_bank([ROOT / "question_bank"]))
    text = pages[TEXT_PATH]
    assert text.startswith("/* The words of this site's scripts")
    assert "window.infointerviewT = t;" in text
    assert "How our scripts ask for their words" not in text  # the helper's comments are left out
    assert MAKER_TEXT_PATH in pages
    assert f"- {MAKER_TEXT_PATH}\n" in pages["sheets/make.md"]


def test_infointerview_js_gets_its_text_through_the_page() -> None:
    """The plugin puts infointerview.js's one text into config.extra, main.html onto the
    script's element; the script reads it there (and text.js only without it)."""
    assert CODE_TOOLS in SCRIPT_TEXT
    main = (ROOT / "site_overrides" / "main.html").read_text(encoding="utf-8")
    plugin = (ROOT / "generator" / "edition" / "plugin.py").read_text(encoding="utf-8")
    script = (SCRIPTS / "infointerview.js").read_text(encoding="utf-8")
    assert f'"{PAGE_TEXT}" in config.extra' in main
    assert f'data-ii-code-tools="{{{{ config.extra.{PAGE_TEXT} | e }}}}"' in main
    assert "config.extra[PAGE_TEXT] = script_catalogue()[CODE_TOOLS]" in plugin
    assert 'getAttribute("data-ii-code-tools")' in script
