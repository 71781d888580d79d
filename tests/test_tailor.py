"""The tailoring rules, on the shipped bank: what a reader sees change when they change inputs."""

from __future__ import annotations

import itertools

import pytest

from generator.core.errors import RequestError
from generator.core.loader import load_bank
from generator.core.model import Bank
from generator.core.sheet import SheetRequest
from generator.core.tailor import Suiting, build_sheet, build_sheets, plan_for, suits
from tests.conftest import BANK


@pytest.fixture(scope="module")
def bank() -> Bank:
    return load_bank([BANK])


def ids(questions) -> list[str]:
    return [q.id for q in questions]


@pytest.mark.parametrize(("minutes", "prepared"), [(10, 2), (15, 3), (20, 4), (30, 6), (45, 10), (60, 14), (90, 21)])
def test_question_count_follows_the_meeting_length(bank: Bank, minutes: int, prepared: int) -> None:
    sheet = build_sheet(bank, SheetRequest(goal="explore", minutes=minutes))
    assert len(sheet.questions) == prepared
    # About 2-3 prepared questions per 10 minutes of question time.
    assert 2 <= prepared / (sheet.plan.question_minutes / 10) <= 3 or minutes == 10


def test_longer_meetings_never_get_fewer_questions(bank: Bank) -> None:
    counts = [len(build_sheet(bank, SheetRequest(goal="student", minutes=m)).questions)
              for m in range(10, 91)]
    assert counts == sorted(counts)


def test_same_inputs_give_the_same_sheet(bank: Bank) -> None:
    request = SheetRequest(goal="career-change", role="manager", minutes=45, format="video",
                           industry="healthcare")
    first = build_sheet(bank, request)
    again = build_sheet(load_bank([BANK]), request)
    assert ids(first.questions) == ids(again.questions)
    assert ids(first.extras) == ids(again.extras)


def test_different_goals_give_visibly_different_sheets(bank: Bank) -> None:
    sheets = {goal: set(ids(build_sheet(bank, SheetRequest(goal=goal, minutes=45)).questions))
              for goal in bank.goals}
    for first, second in itertools.combinations(sheets, 2):
        shared = sheets[first] & sheets[second]
        # Every goal asks about a normal day and the hard parts, but not much more in common.
        assert len(shared) <= len(sheets[first]) * 3 // 4, (first, second, shared)


def test_within_a_kind_a_core_question_comes_before_an_optional_one(bank: Bank) -> None:
    for goal, role in itertools.product(bank.goals, bank.roles):
        request = SheetRequest(goal=goal, role=role, minutes=30)
        fitting = [q for q in bank.questions.values() if suits(q, request)]
        for question in build_sheet(bank, request).questions:
            if not question.is_core:
                assert not any(q.is_core and q.kind == question.kind for q in fitting), question.id


def test_rapport_questions_are_never_left_for_the_end(bank: Bank) -> None:
    for goal, minutes in itertools.product(bank.goals, range(10, 91, 5)):
        sheet = build_sheet(bank, SheetRequest(goal=goal, minutes=minutes))
        assert all(q.category != "opening" for q in sheet.extras), (goal, minutes)


def test_questions_follow_conversation_order(bank: Bank) -> None:
    rank = {category: index for index, category in enumerate(bank.categories)}
    sheet = build_sheet(bank, SheetRequest(goal="job-search", minutes=60))
    positions = [rank[q.category] for q in sheet.questions]
    assert positions == sorted(positions)


def test_closing_asks_are_always_present(bank: Bank) -> None:
    for goal, role, minutes in itertools.product(bank.goals, bank.roles, (10, 30, 90)):
        sheet = build_sheet(bank, SheetRequest(goal=goal, role=role, minutes=minutes))
        # Three asks, and from 45 minutes a fourth (may I mention your name).
        assert len(sheet.closing) == (3 if minutes < 45 else 4), (goal, role, minutes)
        assert all(q.category == "closing" for q in sheet.closing)
        assert not any(q.category == "closing" for q in sheet.questions + sheet.extras)


def test_questions_suit_the_role_and_goal(bank: Bank) -> None:
    sheet = build_sheet(bank, SheetRequest(goal="student", role="recruiter", minutes=60))
    for question in sheet.questions + sheet.extras + sheet.closing:
        assert question.roles is None or "recruiter" in question.roles
        assert question.goals is None or "student" in question.goals
        assert question.industries is None


def test_an_industry_adds_its_own_questions(bank: Bank) -> None:
    for industry in bank.industries:
        sheet = build_sheet(bank, SheetRequest(goal="explore", minutes=30, industry=industry))
        assert any(q.industries == (industry,) for q in sheet.questions), industry


def test_reminders_fit_the_format(bank: Bank) -> None:
    for meeting_format in bank.formats:
        sheet = build_sheet(bank, SheetRequest(goal="explore", format=meeting_format))
        assert sheet.reminders, meeting_format
        assert all(t.formats is None or meeting_format in t.formats for t in sheet.reminders)
    video = build_sheet(bank, SheetRequest(goal="explore", format="video")).reminders
    phone = build_sheet(bank, SheetRequest(goal="explore", format="phone")).reminders
    assert ids(video) != ids(phone)


def test_sheets_made_together_are_the_sheets_made_one_at_a_time(bank: Bank) -> None:
    # The sheet maker asks for every choice at once, and build_sheets shares work between them;
    # in any order, each sheet must be what the CLI prints for that choice alone.
    requests = [
        SheetRequest(goal=goal, role=role, format=format_, industry=industry, minutes=minutes)
        for goal, role, format_, industry, minutes in itertools.product(
            reversed(list(bank.goals)), bank.roles, bank.formats,
            [None, "healthcare", "law"], [15, 45, 90])
    ]
    together = build_sheets(bank, requests)
    for request, sheet in zip(requests, together, strict=True):
        alone = build_sheet(bank, request)
        assert (ids(sheet.questions), ids(sheet.extras), ids(sheet.closing)) == (
            ids(alone.questions), ids(alone.extras), ids(alone.closing)), request
        assert (ids(sheet.reminders), ids(sheet.after)) == (ids(alone.reminders), ids(alone.after))


def test_which_questions_suit_a_choice_is_what_suits_says_for_each(bank: Bank) -> None:
    questions = list(bank.questions.values())
    suiting = Suiting(questions)
    for goal, role, industry in itertools.product(bank.goals, bank.roles, [None, *bank.industries]):
        request = SheetRequest(goal=goal, role=role, industry=industry)
        expected = [suits(q, request) for q in questions]
        assert suiting.flags(request) == expected, request
        assert suiting.pick(request) == list(itertools.compress(questions, expected))


def test_every_combination_up_to_an_hour_gives_a_full_sheet(bank: Bank) -> None:
    """Every goal x role x format x length from 15 to 60 minutes: full, with no repeats. A
    recruiter's recipe is shorter, so only its sheets may hold fewer questions than planned,
    and only when no kind of its recipe is left."""
    for goal, role, meeting_format, minutes in itertools.product(
        bank.goals, bank.roles, bank.formats, range(15, 61)
    ):
        plan = plan_for(minutes)
        sheet = build_sheet(bank, SheetRequest(goal, role, minutes, meeting_format))
        asked = ids(sheet.questions + sheet.extras + sheet.closing)
        assert len(asked) == len(set(asked)), (goal, role, minutes)
        if len(sheet.questions) < plan.question_count or len(sheet.extras) < plan.extra_count:
            assert role == "recruiter", (goal, role, minutes)
            kinds = {q.kind for q in sheet.questions + sheet.extras}
            assert not [q for q in sheet.alternatives if q.kind not in kinds], (goal, minutes)


def test_every_category_and_industry_is_reachable(bank: Bank) -> None:
    reached: set[str] = set()
    industries: set[str] = set()
    for goal, role, industry in itertools.product(bank.goals, bank.roles, [None, *bank.industries]):
        sheet = build_sheet(bank, SheetRequest(goal, role, 90, industry=industry))
        for question in sheet.questions + sheet.extras + sheet.closing:
            reached.add(question.category)
            industries.update(question.industries or ())
    assert reached == set(bank.categories)
    assert industries == set(bank.industries)


def test_an_unknown_industry_names_every_industry_of_the_bank(bank: Bank) -> None:
    with pytest.raises(RequestError) as caught:
        build_sheet(bank, SheetRequest(goal="explore", industry="space"))
    assert str(caught.value) == f"unknown industry 'space'. Expected one of: {list(bank.industries)}"


@pytest.mark.parametrize(
    ("request_", "message"),
    [
        (SheetRequest(goal="retire"), "unknown goal 'retire'. Expected one of: "
         "['explore', 'career-change', 'student', 'job-search']"),
        (SheetRequest(goal="explore", role="ceo"), "unknown role 'ceo'. Expected one of: "
         "['practitioner', 'manager', 'recruiter']"),
        (SheetRequest(goal="explore", format="letter"), "unknown format 'letter'. Expected one of: "
         "['in-person', 'video', 'phone']"),
        (SheetRequest(goal="explore", minutes=9), "minutes must be between 10 and 90 but received: 9"),
        (SheetRequest(goal="explore", minutes=91), "minutes must be between 10 and 90 but received: 91"),
    ],
)
def test_bad_requests_name_the_valid_choices(bank: Bank, request_: SheetRequest, message: str) -> None:
    with pytest.raises(RequestError) as caught:
        build_sheet(bank, request_)
    assert str(caught.value) == message
