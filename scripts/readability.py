#!/usr/bin/env python3
"""Reading level of the guide, by two measures, for every page as a reader sees it.

    .venv/bin/python scripts/readability.py

Flesch-Kincaid grade measures sentence and word length. It rewards short sentences, but a short
sentence full of rare words is still hard for someone learning English, so a second measure
counts words: the share of running words outside the New General Service List (NGSL, 2,801 word
families chosen for learners of English; Browne, Culligan and Phillips 2013, CC BY-SA 4.0, from
the `ngsl` package). Names are left out, and the words our glossary explains count as known,
because each chapter links them to their explanation.

Pages are measured after their insert comments are filled in, with code blocks, tables of
commands and HTML tags left out: only the sentences a reader reads count.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.core.languages import available_languages  # noqa: E402
from generator.core.loader import load_bank  # noqa: E402
from generator.site.page_languages import translation_of  # noqa: E402
from generator.site.site_pages import content_pages  # noqa: E402

try:  # the test extras install it
    from ngsl.inverted_dictionary import INVERTED_DICTIONARY
    from ngsl.inverted_supplemental import INVERTED_SUPPLEMENTAL
except ImportError:
    INVERTED_DICTIONARY = INVERTED_SUPPLEMENTAL = None

GUIDE = ("index.md", "guide/")
GLOSSARY = ROOT / "content" / "guide" / "glossary.md"
_VOWELS = re.compile(r"[aeiouy]+")
_TOKEN = re.compile(r"[A-Za-z][A-Za-z']*")


def syllables(word: str) -> int:
    word = word.lower().strip("'")
    if len(word) <= 3:
        return 1
    word = re.sub(r"(?:[^laeiouy]es|ed|[^laeiouy]e)$", "", word)
    word = re.sub(r"^y", "", word)
    return max(1, len(_VOWELS.findall(word)))


def prose(markdown: str) -> str:
    """The text a reader reads: no front matter, code, HTML tags, link targets or markup."""
    text = re.sub(r"^---\n.*?\n---\n", "", markdown, flags=re.DOTALL)
    text = re.sub(r"^(`{3,}).*?^\1", "", text, flags=re.DOTALL | re.MULTILINE)
    text = re.sub(r"`[^`]*`", "", text)
    text = re.sub(r"<[^>]+>", " ", text)
    text = re.sub(r"\]\([^)]*\)", "]", text)
    text = re.sub(r'^\s*(?:[-*+]|\d+\.|#+|\?\?\?\+?|!!!)\s*(?:question|note|tip|warning)?\s*"?', "",
                  text, flags=re.MULTILINE)
    # A list item, heading or table cell is a unit of its own even without a full stop.
    lines = [line.strip(' |"') for line in text.splitlines()]
    ends = (".", "?", "!", ":")
    return " ".join(line if line.endswith(ends) else line + "." for line in lines if line)


def grade(text: str) -> tuple[float, int, int]:
    """Flesch-Kincaid grade level, with the word and sentence counts it came from."""
    sentences = [s for s in re.split(r"[.!?:]+", text) if re.search(r"[A-Za-z]", s)]
    words = re.findall(r"[A-Za-z][A-Za-z'-]*", text)
    if not words:
        return 0.0, 0, 0
    count = sum(syllables(w) for w in words)
    level = 0.39 * len(words) / len(sentences) + 11.8 * count / len(words) - 15.59
    return level, len(words), len(sentences)


def common_words() -> frozenset[str]:
    """Every form of the NGSL's word families (and its supplement: numbers, days, months), with
    the words of our glossary's headings, in lower case."""
    if INVERTED_DICTIONARY is None:  # say what to install rather than print a traceback
        sys.exit("readability.py: the word list needs the ngsl package: pip install -e '.[test]'")
    glossary = re.findall(r"^## (.+)$", GLOSSARY.read_text(encoding="utf-8"), re.MULTILINE)
    taught = {word.lower() for heading in glossary for word in _TOKEN.findall(heading)}
    listed = (*INVERTED_DICTIONARY, *INVERTED_SUPPLEMENTAL)
    return frozenset(word.lower() for word in listed) | taught


# The NGSL lists "good" and "bad" without these forms; a learner meets them as early as the base.
_IRREGULAR = frozenset({"better", "best", "worse", "worst"})


def _known(word: str, known: frozenset[str]) -> bool:
    # A plural of a listed word is listed too (the NGSL lists most, not all), and so is an adverb
    # made with -ly (polite, politely): a learner who knows one reads the other.
    forms = (word, word.removesuffix("s"), word.removesuffix("es"), word.removesuffix("ly"))
    return word in _IRREGULAR or any(form in known for form in forms)


def vocabulary(text: str, known: frozenset[str]) -> tuple[float, int, list[str]]:
    """The percentage of running words outside `known`, the words counted, and those outside.

    A capitalised word inside a sentence, or one in capitals (TIARA, HR), is taken for a name and
    not counted; at the start of a sentence a capital says nothing, so the word is looked up."""
    outside, counted, start = [], 0, True
    for match in re.finditer(r"[A-Za-z][A-Za-z']*|[.!?:]", text):
        token = match.group()
        if token in ".!?:":
            start = True
            continue
        first, start = start, False
        word = token.split("'")[0]  # don't -> don, person's -> person: the list holds both
        if not word or (word.isupper() and len(word) > 1 and not first):
            continue
        if word.lower() not in known and word[0].isupper() and not first:
            continue
        counted += 1
        if not _known(word.lower(), known):
            outside.append(word.lower())
    share = 100 * len(outside) / counted if counted else 0.0
    return share, counted, outside


def measure() -> list[tuple[str, float, int, float]]:
    """(page, Flesch-Kincaid grade, words, percentage of words outside the common-word list)."""
    bank = load_bank([ROOT / "question_bank"])
    expanded = content_pages(bank, ROOT / "content")
    known = common_words()
    results = []
    for path in sorted((ROOT / "content").rglob("*.md")):
        name = path.relative_to(ROOT / "content").as_posix()
        if translation_of(name, available_languages()):
            continue  # the common-English-word measures do not apply to the French pages
        if name.startswith(GUIDE) or name in GUIDE:
            text = prose(expanded.get(name, path.read_text(encoding="utf-8")))
            level, words, _ = grade(text)
            results.append((name, level, words, vocabulary(text, known)[0]))
    return results


def average(results: list[tuple[str, float, int, float]], column: int = 1) -> float:
    """The word-weighted mean of a column (1: grade, 3: rare words): a long chapter counts for
    more than a short one."""
    total = sum(row[2] for row in results)
    return sum(row[column] * row[2] for row in results) / total


# Reading speed in words a minute. 240 is close to the mean that Brysbaert (2019) found for adults
# reading non-fiction silently in their first language; for a reader of English as a second
# language we assume half of that, our own cautious estimate. The home page states both times.
SPEEDS = {"fluent": 240, "second language": 120}
# Pages a reader looks things up in, rather than reads through.
REFERENCE = ("guide/glossary.md", "guide/checklist.md")


def reading_words(results: list[tuple[str, float, int, float]]) -> int:
    """The words of the chapters, read from start to end (the home page and reference pages not)."""
    return sum(row[2] for row in results if row[0].startswith("guide/") and row[0] not in REFERENCE)


def reading_minutes(words: int) -> dict[str, int]:
    return {reader: round(words / speed) for reader, speed in SPEEDS.items()}


def main() -> None:
    results = measure()
    print(f"{'page':36} {'grade':>6} {'words':>6} {'rare %':>7}")
    for name, level, words, rare in results:
        print(f"{name:36} {level:6.1f} {words:6d} {rare:7.1f}")
    total = sum(row[2] for row in results)
    print(f"{'guide (word-weighted average)':36} {average(results):6.1f} {total:6d} "
          f"{average(results, 3):7.1f}")
    print("rare %: share of words outside the NGSL's 2,801 common word families (names left out;")
    print("words the glossary explains count as known).")
    print("Targets: grade 9 or below, rare 3% or below (5% on any one page).")
    words = reading_words(results)
    minutes = reading_minutes(words).items()
    times = ", ".join(f"{reader} reader {count} min" for reader, count in minutes)
    print(f"reading time of the chapters ({words} words): {times}")


if __name__ == "__main__":
    main()
