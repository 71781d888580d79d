"""Every sheet of the grid the sheet maker offers (goal x role x industry, "none" included, at
each of its lengths), read the way a career adviser would: one question per kind, the kinds the
meeting's recipe puts first, questions a recruiter can answer on a recruiter's sheet, an agenda
that promises only what the sheet asks, nothing left in brackets, and a bank that reaches sheets.

Expectations come from the bank (its kinds, recipes and questions), not from lists kept here.
"""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pytest

from generator.core.coverage import PLACEHOLDER
from generator.core.loader import load_bank
from generator.core.model import Bank
from generator.core.sheet import Sheet, SheetRequest
from generator.core.tailor import INDUSTRY_SHARE, build_sheets, recipe, suits
from generator.site.sheet_maker import MINUTE_STEPS
from tests.conftest import BANK, ROOT

# Roles whose sheets must ask about the hard parts from 20 minutes on: people who do the work
# or lead it can say what is hard about it; a recruiter's answer would be about recruiting.
HARD_PARTS, HARD_PARTS_ROLES, HARD_PARTS_FROM = "hard-parts", ("practitioner", "manager"), 20
# Issue 19: at least three quarters of the bank reaches some sheet of the grid.
MIN_REACH = 0.75


@pytest.fixture(scope="module")
def bank() -> Bank:
    return load_bank([BANK])


@pytest.fixture(scope="module")
def grid(bank: Bank) -> list[Sheet]:
    requests = [
        SheetRequest(goal=goal, role=role, industry=industry, minutes=minutes)
        for goal, role, industry, minutes in itertools.product(
            bank.goals, bank.roles, [None, *bank.industries], MINUTE_STEPS)
    ]
    return build_sheets(bank, requests)


def name(sheet: Sheet) -> str:
    r = sheet.request
    return f"{r.goal}/{r.role}/{r.industry or '-'}/{r.minutes}"


def everything(sheet: Sheet):
    return sheet.questions + sheet.extras + sheet.closing


def test_no_sheet_holds_two_questions_of_one_kind(grid: list[Sheet]) -> None:
    repeated = []
    for sheet in grid:
        kinds = [q.kind for q in everything(sheet)]
        if len(kinds) != len(set(kinds)):
            repeated.append(name(sheet))
    assert not repeated


def test_each_sheet_asks_the_first_kinds_of_its_recipe(bank: Bank, grid: list[Sheet]) -> None:
    """The first kinds of the recipe that some suiting question answers are all prepared
    questions; only the places kept for the industry's own questions may move the last ones
    to "if time allows"."""
    closing = bank.categories_at("closing")
    missing = []
    for sheet in grid:
        asked = {q.kind for q in sheet.questions}
        fitting = {q.kind for q in bank.questions.values()
                   if suits(q, sheet.request) and q.category not in closing}
        kinds = [k for k in recipe(bank, sheet.request.goal, sheet.request.role) if k in fitting]
        count = len(sheet.questions)
        kept = count - max(1, round(count / INDUSTRY_SHARE)) if sheet.request.industry else count
        missing += [f"{name(sheet)}: {k}" for k in kinds[:max(1, kept)] if k not in asked]
    assert not missing, missing[:20]


def test_the_hard_parts_are_asked_from_twenty_minutes_with_people_who_do_the_work(
    grid: list[Sheet],
) -> None:
    without = [name(s) for s in grid
               if s.request.role in HARD_PARTS_ROLES and s.request.minutes >= HARD_PARTS_FROM
               and HARD_PARTS not in {q.kind for q in s.questions}]
    assert not without, without[:20]


def test_a_recruiters_sheet_holds_only_questions_for_a_recruiter(bank: Bank, grid: list[Sheet]) -> None:
    recruiter_kinds = set(bank.roles["recruiter"].kinds)
    wrong = [
        f"{name(s)}: {q.id}" for s in grid if s.request.role == "recruiter"
        for q in everything(s) + s.alternatives
        if q.kind not in recruiter_kinds or (q.roles is not None and "recruiter" not in q.roles)
    ]
    assert not wrong, wrong[:20]


def test_the_agenda_names_only_kinds_on_the_sheet(bank: Bank, grid: list[Sheet]) -> None:
    wrong = []
    for sheet in grid:
        phrases = {bank.kinds[q.kind].agenda for q in sheet.questions}
        wrong += [f"{name(sheet)}: {topic}" for topic in sheet.topics if topic not in phrases]
        if not sheet.topics:
            wrong.append(f"{name(sheet)}: no agenda")
    assert not wrong, wrong[:20]


def test_no_question_on_a_sheet_or_offered_by_swap_has_a_blank_in_brackets(
    grid: list[Sheet],
) -> None:
    blanks = {q.id for s in grid for q in everything(s) + s.alternatives
              if PLACEHOLDER.search(q.text)}
    assert not blanks


def test_swap_offers_only_questions_of_the_sheets_recipe_that_suit_it(
    bank: Bank, grid: list[Sheet],
) -> None:
    wrong = []
    for sheet in grid:
        kinds = set(recipe(bank, sheet.request.goal, sheet.request.role))
        wrong += [f"{name(sheet)}: {q.id}" for q in sheet.alternatives
                  if q.kind not in kinds or not suits(q, sheet.request)]
    assert not wrong, wrong[:20]


def test_every_core_question_reaches_some_sheet(bank: Bank, grid: list[Sheet]) -> None:
    reached = {q.id for sheet in grid for q in everything(sheet)}
    assert [q.id for q in bank.questions.values() if q.is_core and q.id not in reached] == []


def test_three_quarters_of_the_bank_reach_some_sheet(bank: Bank, grid: list[Sheet]) -> None:
    reached = {q.id for sheet in grid for q in everything(sheet)}
    assert len(reached) >= MIN_REACH * len(bank.questions), (len(reached), len(bank.questions))


def test_the_format_pages_overlay_example_puts_its_question_on_a_short_students_sheet(
    tmp_path: Path,
) -> None:
    page = (ROOT / "content" / "career-centres" / "question-bank-format.md").read_text("utf-8")
    [example] = [block for block in re.findall(r"```yaml\n(.*?)```", page, re.S)
                 if "kind: experience-that-counts" in block]
    (tmp_path / "ours.yml").write_text(example, encoding="utf-8")
    bank = load_bank([BANK, tmp_path])
    sheet = build_sheets(bank, [SheetRequest(goal="student", minutes=20)])[0]
    asked = {q.id: q.text for q in sheet.questions}
    assert asked["breaking-in-internships"].startswith("How much would a placement year help")
