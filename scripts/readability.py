#!/usr/bin/env python3
"""Reading level of the guide: Flesch-Kincaid grade of every page, as a reader sees it.

    .venv/bin/python scripts/readability.py

Pages are measured after their insert comments are filled in, with code blocks, tables of
commands and HTML tags left out: only the sentences a reader reads count.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.core.loader import load_bank  # noqa: E402
from generator.site.site_pages import content_pages  # noqa: E402

GUIDE = ("index.md", "guide/")
_VOWELS = re.compile(r"[aeiouy]+")


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


def measure() -> list[tuple[str, float, int]]:
    bank = load_bank([ROOT / "question_bank"])
    expanded = content_pages(bank, ROOT / "content")
    results = []
    for path in sorted((ROOT / "content").rglob("*.md")):
        name = path.relative_to(ROOT / "content").as_posix()
        if name.startswith(GUIDE) or name in GUIDE:
            level, words, _ = grade(prose(expanded.get(name, path.read_text(encoding="utf-8"))))
            results.append((name, level, words))
    return results


def average(results: list[tuple[str, float, int]]) -> float:
    """The word-weighted mean grade: a long chapter counts for more than a short one."""
    total = sum(words for _, _, words in results)
    return sum(level * words for _, level, words in results) / total


def main() -> None:
    results = measure()
    print(f"{'page':36} {'grade':>6} {'words':>6}")
    for name, level, words in results:
        print(f"{name:36} {level:6.1f} {words:6d}")
    total = sum(words for _, _, words in results)
    print(f"{'guide (word-weighted average)':36} {average(results):6.1f} {total:6d}")


if __name__ == "__main__":
    main()
