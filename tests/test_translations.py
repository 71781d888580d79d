"""Our own words in other languages: the catalogue template is what the code says, the French
catalogue translates every message and keeps its placeholders, and a sheet made in French is
French. (The English output is guarded by the golden files, which did not change.)"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from generator.core.languages import ENGLISH, LOCALES, load_language, use_language
from generator.core.loader import load_bank
from generator.core.sheet import SheetRequest
from generator.core.tailor import build_sheet
from generator.rendering.documents import sheet_document, sheet_fragment, sheet_markdown
from scripts import messages
from tests.conftest import ROOT

POT = LOCALES / "messages.pot"
# The placeholders a translation must keep: %(name)s (filled by Python or Jinja) and {name}
# or {name|one|many} (filled by the page's script: only the name must stay).
_PYTHON = re.compile(r"%\((\w+)\)s")
_SCRIPT = re.compile(r"\{(\w+)(?:\|[^}]*)?\}")
_TAGS = re.compile(r"</?(strong|a)\b")


def _catalogue(path: Path):
    with path.open("rb") as handle:
        return read_po(handle)


def _placeholders(text: str) -> tuple[set[str], set[str], list[str]]:
    return set(_PYTHON.findall(text)), set(_SCRIPT.findall(text)), sorted(_TAGS.findall(text))


def _languages() -> list[str]:
    return sorted(path.parent.parent.name for path in LOCALES.glob("*/LC_MESSAGES/messages.po"))


def test_the_committed_template_is_a_fresh_extraction() -> None:
    assert POT.read_text(encoding="utf-8") == messages.template_text(), (
        "generator/locales/messages.pot is out of date: run `python3 tasks.py messages`")


def test_the_template_has_no_churn_and_is_sorted_by_file() -> None:
    text = POT.read_text(encoding="utf-8")
    for churn in ("POT-Creation-Date", "PO-Revision-Date", "Generated-By", "Copyright"):
        assert churn not in text
    assert not re.search(r"^#: .*:\d+", text, re.M), "no line numbers: a moved line is no change"
    firsts = [block.split("#: ", 1)[1].split()[0]
              for block in text.split("\n\n") if "#: " in block]
    assert firsts == sorted(firsts)
    assert "generator/rendering/templates/sheet_body.html.j2" in firsts
    assert "generator/site/composer.py" in firsts


@pytest.mark.parametrize("code", _languages())
def test_every_language_catalogue_is_up_to_date_with_the_template(code: str) -> None:
    path = LOCALES / code / "LC_MESSAGES" / "messages.po"
    assert path.read_text(encoding="utf-8") == messages.language_text(path, _catalogue(POT)), (
        f"{path.relative_to(ROOT)} is out of date: run `python3 tasks.py messages`")


def test_french_translates_every_message_and_keeps_its_placeholders() -> None:
    template = _catalogue(POT)
    french = _catalogue(LOCALES / "fr" / "LC_MESSAGES" / "messages.po")
    assert french.plural_forms == "nplurals=2; plural=(n > 1);"
    problems = []
    for message in template:
        if not message.id:
            continue
        found = french.get(message.id)
        if found is None or found.fuzzy or not all(found.string if isinstance(
                found.string, tuple) else [found.string]):
            problems.append(f"not translated: {message.id!r}")
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = found.string if isinstance(found.string, tuple) else (found.string,)
        for form, string in enumerate(strings):
            # A singular keeps the English singular's placeholders ("the page", not "1 pages").
            wanted = _placeholders(ids[0] if form == 0 else ids[-1])
            if _placeholders(string)[:2] != wanted[:2] or _placeholders(string)[2] != wanted[2]:
                problems.append(f"placeholders differ: {message.id!r} -> {string!r}")
    assert problems == []


def test_the_french_catalogue_compiles_and_names_itself() -> None:
    french = load_language("fr")
    assert (french.code, french.name) == ("fr", "Français")
    assert french.gettext("Question sheet: %(goal)s") == "Fiche de questions : %(goal)s"
    one = "**%(title)s** (about %(num)s minute): %(text)s"
    assert french.ngettext(one, one.replace("minute)", "minutes)"), 2) == (
        "**%(title)s** (environ %(num)s minutes) : %(text)s")


def test_a_sheet_made_in_french_is_french_and_says_so() -> None:
    bank = load_bank([ROOT / "tests" / "golden" / "bank"])
    request = SheetRequest(goal="explore", minutes=30, industry="health")
    with use_language(load_language("fr")):
        sheet = build_sheet(bank, request)
        fragment = str(sheet_fragment(sheet, downloads=True))
        document = sheet_document(sheet, "a4")
        markdown = sheet_markdown(sheet)
    assert '<html lang="fr">' in document
    for words in ("Fiche de questions :", "Ouverture", "Conclusion", "Après l&#39;entretien",
                  "Imprimer cette fiche", "Télécharger en PDF"):
        assert words in fragment or words.replace("&#39;", "'") in fragment, words
    assert "Question sheet" not in fragment and "Print this sheet" not in fragment
    assert "minutes avec" in markdown and "Question sheet" not in markdown
    # The script's slots are still there, around the French words.
    assert '<span data-ii-slot="minutes">30</span> minutes avec' in fragment
    with use_language(ENGLISH):
        assert '<html lang="en">' in sheet_document(build_sheet(bank, request), "a4")


def test_the_french_sheet_keeps_markdown_safe_values() -> None:
    # A bank's text placed into a translated sentence is still escaped for Markdown.
    bank = load_bank([ROOT / "tests" / "golden" / "bank"])
    with use_language(load_language("fr")):
        text = sheet_markdown(build_sheet(bank, SheetRequest(goal="explore", minutes=30)))
    assert "Fiche de questions :" in text
    assert "<script" not in text


@pytest.mark.parametrize("code", _languages())
def test_translated_front_matter_titles_stay_plain_yaml(code: str) -> None:
    # `title: {{ _("...") }}` in a page template is a plain YAML scalar: a translation with
    # ": " or " #", or one that starts with a YAML indicator, would break the page's front matter.
    templates = ROOT / "generator" / "rendering" / "templates"
    titles = {match for path in templates.rglob("*.md.j2")
              for match in re.findall(r'^title: \{\{ _\("([^"]+)"\) \}\}$',
                                      path.read_text(encoding="utf-8"), re.M)}
    assert titles
    language = load_language(code)
    for title in titles:
        words = language.gettext(title)
        assert ": " not in words and " #" not in words, (title, words)
        assert not re.match(r"""[-?:,\[\]{}#&*!|>'"%@`]""", words), (title, words)
