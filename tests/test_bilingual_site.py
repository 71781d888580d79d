"""The project's own site in English and French, as `mkdocs build --strict` makes it: every
page in both languages, each marked with its language, no English of ours on a French page,
French PDFs tagged French, French search, and the sheet maker's French data within its budget
(issue 21). The browser side (menu from disk and under a sub-path, axe) is in tests/browser/.
"""

from __future__ import annotations

import gzip
import html
import io
import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from pypdf import PdfReader

from generator.core.bank_translations import text_fields, translate_bank
from generator.core.languages import LOCALES, load_language
from generator.core.loader import load_bank
from generator.core.model import SECTIONS
from tests.conftest import ROOT

FRENCH = "fr"
# The sheet maker's data, per language (issue 21: 150 KB gzipped).
DATA_BUDGET = 150 * 1000
# Shorter strings ("Goal", "Email") may be the same word in both languages or part of a name.
SHORTEST_CHECKED = 14
_TAGS = re.compile(r"<(script|style)\b.*?</\1>|<[^>]+>", re.S)
# Code (file names, ids, YAML keys) and text marked as English on purpose (the title of an
# English source, `<span lang="en">`) are not words left untranslated.
_NOT_PROSE = re.compile(r'<code\b.*?</code>|<(span|em|cite)\b[^>]*\blang="en"[^>]*>.*?</\1>', re.S)


def visible_text(page: str) -> str:
    """A page's text as a reader meets it, with the words of `aria-label`s and `title`s."""
    labels = " ".join(re.findall(r'(?:aria-label|title|placeholder)="([^"]*)"', page))
    prose = _NOT_PROSE.sub(" ", page)
    return " ".join(html.unescape(_TAGS.sub(" ", prose) + " " + labels).split())


def english_strings() -> dict[str, str]:
    """Our English words and their French: the catalogue's and the bank's, each long enough
    that finding it on a page means it was left untranslated."""
    french = load_language(FRENCH)
    pairs: dict[str, str] = {}
    with (LOCALES / "messages.pot").open("rb") as handle:
        for message in read_po(handle):
            msgid = message.id if isinstance(message.id, str) else message.id[0]
            if msgid and "%" not in msgid and "{" not in msgid:
                pairs[msgid] = french.gettext(msgid)
    english = load_bank([ROOT / "question_bank"])
    translated = translate_bank(english, [ROOT / "question_bank"], FRENCH).bank
    for name, section in SECTIONS.items():
        for ident, item in getattr(english, name).items():
            for field in text_fields(section.model):
                value = getattr(item, field)
                for text, theirs in zip(value if isinstance(value, tuple) else [value],
                                        _as_tuple(getattr(getattr(translated, name)[ident], field)),
                                        strict=False):
                    if text and "\n" not in text:
                        pairs[text] = theirs
    return {text: theirs for text, theirs in pairs.items()
            if len(text) >= SHORTEST_CHECKED and text != theirs and " " in text}


def _as_tuple(value: object) -> tuple:
    return value if isinstance(value, tuple) else (value,)


def english_pages(site: Path) -> list[str]:
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html")
                  if not p.relative_to(site).as_posix().startswith(f"{FRENCH}/"))


def test_every_page_has_a_french_page_marked_french(built_site: Path) -> None:
    pages = english_pages(built_site)
    assert len(pages) > 25
    for page in pages:
        if page == "404.html":
            continue
        french = (built_site / FRENCH / page).read_text("utf-8")
        assert re.search(r'<html lang="fr"', french), page
        english = (built_site / page).read_text("utf-8")
        assert re.search(r'<html lang="en"', english), page
        assert f'hreflang="{FRENCH}"' in english and 'hreflang="en"' in french, page


def test_no_french_page_shows_english_words_of_ours(built_site: Path) -> None:
    strings = english_strings()
    assert len(strings) > 500  # the catalogue's and the bank's: a check of nothing fails
    found = []
    for path in sorted((built_site / FRENCH).rglob("*.html")):
        text = visible_text(path.read_text("utf-8"))
        found += [f"{path.relative_to(built_site)}: {english!r}"
                  for english in strings if english in text]
    assert not found, f"{len(found)} English strings on French pages:\n" + "\n".join(found[:40])


def test_french_pdfs_are_tagged_french_and_english_ones_english(built_site: Path) -> None:
    french = sorted((built_site / FRENCH).rglob("*.pdf"))
    assert french, "no French PDFs were built"
    for path in french[:3]:
        assert PdfReader(io.BytesIO(path.read_bytes())).trailer["/Root"]["/Lang"] == FRENCH
    english = next(p for p in built_site.rglob("*.pdf") if FRENCH not in p.parts)
    assert PdfReader(io.BytesIO(english.read_bytes())).trailer["/Root"]["/Lang"] == "en"


def test_each_language_has_its_own_search_index_in_its_language(built_site: Path) -> None:
    french = (built_site / FRENCH / "search" / "search_index.json").read_text("utf-8")
    assert french.startswith('{"config":{"lang":["fr"]')
    assert "Demander la rencontre" in french and "Asking for the meeting" not in french


@pytest.mark.parametrize("language", ["", FRENCH])
def test_the_sheet_makers_data_stays_within_its_budget_in_each_language(
    built_site: Path, language: str,
) -> None:
    folder = built_site / language / "assets" / "javascripts"
    data = b"".join(path.read_bytes() for path in sorted(folder.glob("sheet-maker-data*.js")))
    assert data
    assert len(gzip.compress(data, 9)) <= DATA_BUDGET
