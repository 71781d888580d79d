"""Choosing an industry must change the sheet: the shipped bank offers industry questions to
every reader, whatever their goal, the role of the person they meet and the meeting format."""

from __future__ import annotations

import itertools

import pytest

from generator.core.loader import load_bank
from generator.core.model import Bank, Question
from generator.core.sheet import SheetRequest
from generator.core.tailor import build_sheet, suits
from tests.conftest import BANK

MIN_INDUSTRIES = 14
MIN_CORE_PER_SHEET = 3
MIN_CATEGORIES = 2
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


def test_every_goal_role_and_industry_has_three_core_industry_questions(bank: Bank) -> None:
    short = []
    for goal, role, format_id, industry in combinations(bank):
        request = SheetRequest(goal=goal, role=role, format=format_id, industry=industry)
        offered = [
            q for q in bank.questions.values()
            if is_industry_question(q) and q.is_core and suits(q, request)
        ]
        categories = {q.category for q in offered}
        if len(offered) < MIN_CORE_PER_SHEET or len(categories) < MIN_CATEGORIES:
            short.append(f"{goal}/{role}/{format_id}/{industry}: "
                         f"{len(offered)} core questions in {sorted(categories)}")
    assert not short, "\n".join(short)


def test_industry_questions_never_sit_in_the_opening_or_closing(bank: Bank) -> None:
    edges = set(bank.categories_at("opening")) | set(bank.categories_at("closing"))
    misplaced = [q.id for q in bank.questions.values()
                 if is_industry_question(q) and q.category in edges]
    assert not misplaced


def test_every_industry_question_is_short_and_says_why_to_ask_it(bank: Bank) -> None:
    too_long = [
        q.id for q in bank.questions.values()
        if is_industry_question(q) and (len(q.text) >= 200 or not q.why or len(q.why) >= 300)
    ]
    assert not too_long


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
