"""The question survey page for career centres agrees with the question bank it describes."""

from __future__ import annotations

import itertools
import re

import pytest

from generator.core.loader import load_bank
from generator.core.sheet import SheetRequest
from generator.core.tailor import build_sheets
from generator.site.sheet_maker import MINUTE_STEPS
from tests.conftest import ROOT

SURVEY = ROOT / "content" / "career-centres" / "question-survey.md"


def table(heading: str) -> list[list[str]]:
    """The rows (cells stripped, header and rule left out) of the first table under a heading."""
    lines = SURVEY.read_text(encoding="utf-8").splitlines()
    start = lines.index(heading)
    rows = []
    for line in lines[start + 1:]:
        if line.startswith("#"):
            break
        if line.startswith("|"):
            rows.append([cell.strip() for cell in line.strip().strip("|").split("|")])
        elif rows:
            break
    assert len(rows) > 2, heading
    return rows[2:]


@pytest.fixture(scope="module")
def kinds() -> list[tuple[str, int, list[str]]]:
    return [(kind, int(count), re.findall(r"`([^`]+)`", ids))
            for kind, count, ids in table("## Kinds of question")]


def test_every_listed_id_is_in_the_bank(kinds) -> None:
    bank = load_bank([ROOT / "question_bank"])
    missing = {qid for _, _, ids in kinds for qid in ids if qid not in bank.questions}
    assert not missing


def test_every_kind_asked_by_two_or_more_sources_names_a_bank_question(kinds) -> None:
    assert len(kinds) >= 20
    assert [kind for kind, count, ids in kinds if count >= 2 and not ids] == []


def test_counts_match_the_guides_named_for_each_kind(kinds) -> None:
    keys = {row[0] for row in table("## The guides")}
    assert len(keys) >= 10
    guides = {kind: [key.strip() for key in names.split(",")]
              for kind, names in table("## Which guides ask each kind")}
    assert set(guides) == {kind for kind, _, _ in kinds}
    for kind, count, _ in kinds:
        named = guides[kind]
        assert len(set(named)) == len(named) == count, kind
        assert set(named) <= keys, kind


def test_the_banks_kinds_table_lists_every_kind_of_the_bank_with_its_title() -> None:
    bank = load_bank([ROOT / "question_bank"])
    rows = [(kind.strip("`"), title) for kind, title in table("## The bank's kinds")]
    assert rows == [(kind.id, kind.title) for kind in bank.kinds.values()]


def test_every_kind_asked_by_two_or_more_guides_reaches_a_sheet(kinds) -> None:
    """Issue 19: a kind many guides ask is on some sheet the sheet maker offers, not only in
    the bank."""
    bank = load_bank([ROOT / "question_bank"])
    requests = [SheetRequest(goal=g, role=r, industry=i, minutes=m) for g, r, i, m in
                itertools.product(bank.goals, bank.roles, [None, *bank.industries], MINUTE_STEPS)]
    reached = {q.id for sheet in build_sheets(bank, requests)
               for q in sheet.questions + sheet.extras + sheet.closing}
    assert [kind for kind, count, ids in kinds if count >= 2 and not set(ids) & reached] == []
