"""The guide's text: plain enough for its readers, and written in our own words."""

from __future__ import annotations

import importlib.util
import os
import re
import subprocess
import sys

import pytest

from generator.edition.guide_nav import GUIDE_NAV
from tests.conftest import ROOT

COPYCHECK = ROOT.parent / "shared" / "tools" / "copycheck.py"
GLOSSARY = "guide/glossary.md"


def _readability():
    spec = importlib.util.spec_from_file_location("readability", ROOT / "scripts" / "readability.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def measured():
    readability = _readability()
    return readability, readability.measure()


def test_the_guide_reads_at_grade_9_or_below(measured) -> None:
    readability, results = measured
    assert len(results) >= 15  # the home page, every chapter and the glossary are measured
    assert readability.average(results) <= 9.0
    assert all(level <= 10.0 for _, level, _, _ in results), results


def test_nearly_every_word_of_the_guide_is_a_common_english_word(measured) -> None:
    # A learner needs to know about 95% of the running words to follow a text, and 98% to read
    # it with ease (the README names the studies): at most 5% per page, 3% over the whole guide.
    readability, results = measured
    assert readability.average(results, 3) <= 3.0
    assert all(rare <= 5.0 for _, _, _, rare in results), results


def test_rare_words_are_counted_and_names_are_not() -> None:
    readability = _readability()
    known = readability.common_words()
    share, counted, outside = readability.vocabulary(
        "The committee perused the manuscript. We met Dalton and Ana in Toronto.", known)
    # Dalton, Ana and Toronto are names inside a sentence; 9 words are counted, 2 are rare.
    assert (counted, sorted(outside)) == (9, ["manuscript", "perused"])
    assert share == pytest.approx(100 * 2 / 9)
    # Forms of a listed word, and the words the glossary explains, are known.
    assert readability.vocabulary("Warmly, they offered referrals to alumni.", known)[2] == []


def test_the_home_page_states_the_reading_time_the_chapters_take(measured) -> None:
    readability, results = measured
    page = (ROOT / "content" / "index.md").read_text(encoding="utf-8")
    stated = [int(n) for n in re.findall(r"about (\d+) minutes", page)]
    expected = readability.reading_minutes(readability.reading_words(results))
    assert len(stated) == 2, stated
    for said, (reader, minutes) in zip(stated, expected.items(), strict=True):
        assert abs(said - minutes) <= 0.15 * minutes, (reader, said, minutes)
    words = int(re.search(r"about ([\d,]+) words", page).group(1).replace(",", ""))
    assert abs(words - readability.reading_words(results)) <= 1000


def test_flesch_kincaid_of_known_text() -> None:
    readability = _readability()
    # 11 words, 2 sentences, 13 syllables (hap-py, to-day): 0.39 * 11/2 + 11.8 * 13/11 - 15.59.
    level, words, sentences = readability.grade("The cat sat on the mat. It was happy there today.")
    assert (words, sentences) == (11, 2)
    assert level == pytest.approx(0.39 * 11 / 2 + 11.8 * 13 / 11 - 15.59)


@pytest.mark.skipif(not COPYCHECK.is_file() and not os.environ.get("CI"),
                    reason="shared/tools/copycheck.py is not beside the project")
def test_no_sentence_is_copied_from_the_source_articles() -> None:
    result = subprocess.run([sys.executable, str(COPYCHECK), str(ROOT)], capture_output=True,
                            text=True, check=False)
    assert result.stdout.strip().splitlines()[-1] == "copied runs: 0", result.stdout


def _reading_order() -> list[str]:
    """The home page, then the guide's pages in menu order, without the glossary itself."""
    guide = next(entry["The guide"] for entry in GUIDE_NAV if "The guide" in entry)
    return ["index.md", *(page for page in guide if isinstance(page, str) and page != GLOSSARY)]


def test_each_glossary_word_is_linked_where_a_reader_first_meets_it() -> None:
    glossary = (ROOT / "content" / GLOSSARY).read_text(encoding="utf-8")
    terms = [t for t in re.findall(r"^## (.+)$", glossary, re.MULTILINE) if t != "Check yourself"]
    assert len(terms) >= 20
    pages = {name: (ROOT / "content" / name).read_text(encoding="utf-8") for name in _reading_order()}
    unlinked = []
    for term in terms:
        anchor = re.sub(r"[^a-z0-9]+", "-", term.lower()).strip("-")
        words = r"[\s-]+".join(map(re.escape, term.lower().split()))
        use = re.compile(rf"\b{words}(?:s|es)?\b", re.IGNORECASE)
        first = next((name for name, text in pages.items() if use.search(text)), None)
        if first is None or f"glossary.md#{anchor}" not in pages[first]:
            unlinked.append(f"{term}: first used in {first}")
    assert unlinked == []
