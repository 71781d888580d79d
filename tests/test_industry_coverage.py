"""Choosing an industry must change the sheet: the shipped bank offers industry questions to
every reader, whatever their goal, the role of the person they meet and the meeting format."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from generator.core.coverage import MIN_INDUSTRY_CATEGORIES, MIN_INDUSTRY_CORE
from generator.core.errors import BankError
from generator.core.loader import load_bank
from generator.core.model import QUESTION_LENGTH, Bank, Question
from generator.core.sheet import SheetRequest
from generator.core.tailor import build_sheet
from tests.conftest import BANK

MIN_INDUSTRIES = 14
# Prepared industry questions a sheet must carry, by meeting length in minutes.
# Issue 12: at least 1 at 20 minutes, at least 2 at 30 minutes or more.
MIN_ON_SHEET = {20: 1, 30: 2, 45: 2, 60: 2, 90: 2}


@pytest.fixture(scope="module")
def bank() -> Bank:
    return load_bank([BANK])


def combinations(bank: Bank):
    """Every goal, role, format and industry a reader can choose."""
    return itertools.product(bank.goals, bank.roles, bank.formats, bank.industries)


def is_industry_question(question: Question) -> bool:
    return question.industries is not None


def test_the_bank_has_at_least_fourteen_industries(bank: Bank) -> None:
    assert len(bank.industries) >= MIN_INDUSTRIES, list(bank.industries)


def problems_with(tmp_path: Path, overlay: str) -> list[str]:
    """What `check` (load_bank) says about the shipped bank with one overlay file on top."""
    (tmp_path / "ours.yml").write_text(overlay, encoding="utf-8")
    with pytest.raises(BankError) as caught:
        load_bank([BANK, tmp_path])
    return [f"{p.path.name}:{p.line}: {p.message}" for p in caught.value.problems]


FARMING = """industries:
  - id: farming
    title: Farming
    description: Farms.
questions:
  - {id: farm-one, text: What changes on a farm through the year?, category: industry,
     kind: trends, industries: [farming], priority: core, why: The year shapes the work.}
"""


def test_check_refuses_an_industry_without_three_core_questions_in_two_categories(
    tmp_path: Path,
) -> None:
    found = problems_with(tmp_path, FARMING)
    assert len(found) == 1
    assert found[0].startswith(
        f"ours.yml:2: industry 'farming' needs at least {MIN_INDUSTRY_CORE} core questions in "
        f"{MIN_INDUSTRY_CATEGORIES} or more categories for every goal and role; too few for "
        "explore/practitioner, ")


def test_check_refuses_an_industry_question_in_the_opening_or_the_closing(
    tmp_path: Path,
) -> None:
    found = problems_with(tmp_path, FARMING.replace("category: industry", "category: closing"))
    assert "ours.yml:6: category: question 'farm-one' is written for an industry, so it must be " \
        "asked among the prepared questions, not in category 'closing'" in found


def test_check_holds_every_question_to_the_lengths_a_sheet_prints(tmp_path: Path) -> None:
    long = "Why " * 60
    found = problems_with(tmp_path, FARMING.replace("What changes on a farm through the year?",
                                                    long.strip() + "?"))
    assert f"ours.yml:6: text: must be at most {QUESTION_LENGTH} characters but has 240" in found


# Needs the selection rule that gives about a third of a sheet to the chosen industry.
def test_every_sheet_of_20_minutes_or_more_carries_industry_questions(bank: Bank) -> None:
    short = []
    for goal, role, format_id, industry in combinations(bank):
        for minutes, needed in MIN_ON_SHEET.items():
            sheet = build_sheet(bank, SheetRequest(
                goal=goal, role=role, minutes=minutes, format=format_id, industry=industry,
            ))
            found = sum(is_industry_question(q) for q in sheet.questions)
            if found < needed:
                short.append(f"{goal}/{role}/{format_id}/{industry}, {minutes} minutes: "
                             f"{found} industry questions, needs {needed}")
    assert not short, "\n".join(short)
