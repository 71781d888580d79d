"""Every fact of the five source articles is taught in the guide, under the heading the inventory names.

`tests/facts.yml` lists each fact in our own words, with the page and heading that teach it and a
few key terms that the section must contain. A section runs from its heading to the next heading
of the same or a higher level. Pages are read as a reader sees them: insert comments are filled in
from the question bank first.
"""

from __future__ import annotations

import re
from functools import cache

import pytest
import yaml

from generator.core.loader import load_bank
from generator.site.inserts import expand_inserts
from tests.conftest import BANK, ROOT

CONTENT = ROOT / "content"
FACTS_FILE = ROOT / "tests" / "facts.yml"
FIELDS = {"source", "fact", "page", "heading", "terms"}
OPTIONAL = {"note"}

_HEADING = re.compile(r"^(#{1,6})[ \t]+(.*?)[ \t]*#*[ \t]*$")
_ATTRS = re.compile(r"[ \t]*\{[^}]*\}$")
_FENCE = re.compile(r"^[ \t]*(`{3,}|~{3,})")
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")


def _load() -> dict:
    with FACTS_FILE.open(encoding="utf-8") as stream:
        return yaml.safe_load(stream)


INVENTORY = _load()
SOURCES: dict[str, dict] = INVENTORY["sources"]
FACTS: list[dict] = INVENTORY["facts"]
# What the guide teaches beyond the five articles (Dalton's method, laws, our own advice).
OTHER_SOURCES: dict[str, dict] = INVENTORY["other_sources"]
ADDED: list[dict] = INVENTORY["added_facts"]


def _fact_id(fact: dict) -> str:
    words = " ".join(str(fact.get("fact", "")).split())
    return f"{fact.get('source')}: {words[:70]}"


@cache
def _bank():
    return load_bank([BANK])


@cache
def _page(name: str) -> str:
    """The page's Markdown with its insert comments filled in."""
    path = CONTENT / name
    return expand_inserts(path.read_text(encoding="utf-8"), _bank(), path)


def _headings(markdown: str) -> list[tuple[int, int, str]]:
    """(line index, level, text as written) for every heading outside code blocks."""
    found, fence = [], None
    for index, line in enumerate(markdown.splitlines()):
        opening = _FENCE.match(line)
        if opening:
            marker = opening.group(1)[0] * 3
            if fence is None:
                fence = marker
            elif marker == fence:
                fence = None
            continue
        match = None if fence else _HEADING.match(line)
        if match:
            found.append((index, len(match.group(1)), _ATTRS.sub("", match.group(2)).strip()))
    return found


def section(markdown: str, heading: str) -> str | None:
    """The text under `heading`, up to the next heading of the same or a higher level."""
    lines = markdown.splitlines()
    headings = _headings(markdown)
    for position, (index, level, text) in enumerate(headings):
        if text == heading:
            end = next((i for i, lvl, _ in headings[position + 1:] if lvl <= level), len(lines))
            return "\n".join(lines[index + 1:end])
    return None


def _plain(text: str) -> str:
    """Lower case, as a reader sees it: link text without its target, no emphasis marks, one kind
    of apostrophe and single spaces."""
    text = _LINK.sub(r"\1", text).replace("\u2019", "'").replace("*", "")
    return " ".join(text.lower().split())


def test_the_inventory_file_has_every_field_for_every_fact() -> None:
    problems = []
    for number, fact in enumerate(FACTS, start=1):
        keys = set(fact)
        if not keys >= FIELDS or not keys <= FIELDS | OPTIONAL:
            problems.append(f"fact {number}: fields {sorted(keys)}")
        elif fact["source"] not in SOURCES:
            problems.append(f"fact {number}: unknown source {fact['source']!r}")
        elif not (isinstance(fact["terms"], list) and 2 <= len(fact["terms"]) <= 4):
            problems.append(f"fact {number}: needs 2 to 4 terms, has {fact['terms']!r}")
    assert problems == []


def test_the_inventory_covers_all_five_articles_with_enough_facts() -> None:
    assert len(SOURCES) == 5
    counts = {key: sum(fact["source"] == key for fact in FACTS) for key in SOURCES}
    assert all(count >= 10 for count in counts.values()), counts
    assert 60 <= len(FACTS) <= 140


def test_the_sources_page_names_each_article_under_its_own_anchor() -> None:
    page = (CONTENT / "sources.md").read_text(encoding="utf-8")
    for source in SOURCES.values():
        assert source["title"] in page, source["title"]
        assert "{#" + source["anchor"] + "}" in page, source["anchor"]


def test_no_chapter_hides_a_source_behind_one_of_our_source_articles() -> None:
    vague = re.compile(r"one of our source articles|another (?:source )?article", re.IGNORECASE)
    offenders = [path.name for path in CONTENT.rglob("*.md") if vague.search(path.read_text("utf-8"))]
    assert offenders == []


def test_each_added_fact_names_a_section_of_the_sources_page() -> None:
    page = (CONTENT / "sources.md").read_text(encoding="utf-8")
    for key, source in OTHER_SOURCES.items():
        assert source["title"] in page and "{#" + source["anchor"] + "}" in page, key
    problems = [f"added fact {number}: fields {sorted(fact)}"
                for number, fact in enumerate(ADDED, start=1)
                if not FIELDS <= set(fact) <= FIELDS | OPTIONAL or fact["source"] not in OTHER_SOURCES
                or not 2 <= len(fact["terms"]) <= 4]
    assert problems == []
    assert len(ADDED) >= 25  # every topic of issue 26 and the settled points of issue 19


@pytest.mark.parametrize("fact", FACTS + ADDED, ids=_fact_id)
def test_each_fact_is_taught_under_its_heading(fact: dict) -> None:
    assert (CONTENT / fact["page"]).is_file(), f"no page {fact['page']}"
    text = section(_page(fact["page"]), fact["heading"])
    assert text is not None, f"{fact['page']} has no heading {fact['heading']!r}"
    missing = [term for term in fact["terms"] if _plain(term) not in _plain(text)]
    assert missing == [], f"{fact['page']} # {fact['heading']}: missing {missing}"


@pytest.mark.parametrize("fact", [f for f in FACTS if "note" in f], ids=_fact_id)
def test_where_a_source_is_wrong_or_outdated_the_note_says_so(fact: dict) -> None:
    assert len(fact["note"].split()) >= 8, "a note should explain what is wrong and why"


def test_a_section_ends_at_the_next_heading_of_the_same_or_higher_level() -> None:
    page = "# Top\nintro\n## A\none\n### A1\ntwo\n```\n# not a heading\n```\n## B {#b}\nthree\n"
    assert section(page, "A") == "one\n### A1\ntwo\n```\n# not a heading\n```"
    assert section(page, "A1") == "two\n```\n# not a heading\n```"
    assert section(page, "B") == "three"
    assert section(page, "not a heading") is None
