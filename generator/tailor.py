"""Choose and order the questions for one meeting: a pure, deterministic function of the bank
and the request. Nothing here reads files or knows about HTML, Markdown or MkDocs.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from generator.errors import Problem, RequestError
from generator.model import Bank, Category, Format, Goal, Industry, Origin, Question, Role, Tip

MIN_MINUTES, MAX_MINUTES = 10, 90
DEFAULT_ROLE, DEFAULT_FORMAT, DEFAULT_MINUTES = "practitioner", "in-person", 30
# Career-centre guides advise 5-10 questions for a 20-30 minute meeting: about 2-3 prepared
# questions per 10 minutes of question time, that is one question per four minutes.
MINUTES_PER_QUESTION = 4
# Who else to talk to, may I mention you, may I follow up: a closing takes about three asks.
MAX_CLOSING_ASKS = 3
# Sections every bank needs at least one item of, or no sheet can be made.
REQUIRED_SECTIONS = ("goals", "roles", "formats", "categories", "questions")
# With an industry chosen, about a third of the prepared questions are written for it (at least
# one): enough that the choice shows on every sheet, while the general questions a career
# adviser expects (story, advice, who else to ask) keep the rest.
INDUSTRY_SHARE = 3


@dataclass(frozen=True)
class SheetRequest:
    goal: str
    role: str = DEFAULT_ROLE
    minutes: int = DEFAULT_MINUTES
    format: str = DEFAULT_FORMAT
    industry: str | None = None


@dataclass(frozen=True)
class Plan:
    """How a meeting's minutes are spent, and so how many questions to prepare."""

    minutes: int
    opening_minutes: int
    closing_minutes: int
    question_count: int
    extra_count: int

    @property
    def question_minutes(self) -> int:
        return self.minutes - self.opening_minutes - self.closing_minutes

    @property
    def total(self) -> int:
        return self.question_count + self.extra_count


@dataclass(frozen=True)
class Sheet:
    request: SheetRequest
    plan: Plan
    goal: Goal
    role: Role
    format: Format
    industry: Industry | None
    questions: tuple[Question, ...]
    extras: tuple[Question, ...]  # "if time allows"
    closing: tuple[Question, ...]
    reminders: tuple[Tip, ...]
    after: tuple[Tip, ...]
    categories: dict[str, Category]

    @property
    def topics(self) -> list[str]:
        """What the prepared questions cover, as said aloud in the agenda line."""
        seen = dict.fromkeys(q.category for q in self.questions)
        phrases = [self.categories[c].agenda for c in seen]
        return [phrase for phrase in phrases if phrase]


def plan_for(minutes: int) -> Plan:
    # A short meeting still needs its thanks and its closing, but each takes less time.
    edge = 2 if minutes < 20 else 3
    question_minutes = minutes - 2 * edge
    count = max(2, math.floor(question_minutes / MINUTES_PER_QUESTION + 0.5))
    extra = max(2, math.ceil(count / 3))
    return Plan(minutes, edge, edge, count, extra)


def check_request(bank: Bank, request: SheetRequest) -> None:
    """Raise RequestError naming the valid choices when the request asks for unknown things."""
    choices = {
        "goal": (request.goal, bank.goals),
        "role": (request.role, bank.roles),
        "format": (request.format, bank.formats),
        "industry": (request.industry, bank.industries),
    }
    for name, (value, known) in choices.items():
        if value is not None and value not in known:
            raise RequestError(
                f"unknown {name} {value!r}. Expected one of: {list(known)}"
            )
    if not MIN_MINUTES <= request.minutes <= MAX_MINUTES:
        raise RequestError(
            f"minutes must be between {MIN_MINUTES} and {MAX_MINUTES} "
            f"but received: {request.minutes}"
        )


def suits(question: Question, request: SheetRequest) -> bool:
    """Whether a question fits the goal, role and industry; industry questions need one."""
    return (
        (question.goals is None or request.goal in question.goals)
        and (question.roles is None or request.role in question.roles)
        and (
            question.industries is None
            or (request.industry is not None and request.industry in question.industries)
        )
    )


def build_sheet(bank: Bank, request: SheetRequest) -> Sheet:
    """The sheet for one meeting."""
    return build_sheets(bank, [request])[0]


def build_sheets(bank: Bank, requests: Iterable[SheetRequest]) -> list[Sheet]:
    """The sheets for many meetings, each exactly what build_sheet gives: the questions that
    suit a goal, role and industry are found and ranked once for all its lengths and formats
    (the sheet maker asks for thousands of sheets)."""
    rank = {category: index for index, category in enumerate(bank.categories)}
    ranked: dict[tuple[str, str, str | None], _Ranked] = {}
    sheets = []
    for request in requests:
        check_request(bank, request)
        key = (request.goal, request.role, request.industry)
        if key not in ranked:
            ranked[key] = _rank(bank, request, rank)
        sheets.append(_sheet(bank, request, ranked[key], rank))
    return sheets


@dataclass(frozen=True)
class _Ranked:
    """The questions that suit one goal, role and industry, best first, and their bank order."""

    core: list[Question]  # not closing asks
    optional: list[Question]
    closing: list[Question]
    order: dict[str, int]


def _rank(bank: Bank, request: SheetRequest, rank: dict[str, int]) -> _Ranked:
    closing_ids = bank.categories_at("closing")
    candidates = [q for q in bank.questions.values() if suits(q, request)]
    order = {question.id: index for index, question in enumerate(candidates)}  # bank order
    focus = set(bank.goals[request.goal].focus)

    def preference(question: Question) -> tuple[int, int, int, int]:
        # Core first; then the questions written for this reader (industry counts most, as
        # it is the reader's own choice); then conversation order, then bank order.
        specific = (
            2 * (question.industries is not None)
            + (question.goals is not None)
            + (question.roles is not None)
            + (question.category in focus)
        )
        tier = 0 if question.is_core else 1
        return (tier, -specific, rank[question.category], order[question.id])

    questions = sorted((q for q in candidates if q.category not in closing_ids), key=preference)
    return _Ranked(
        core=[q for q in questions if q.is_core],
        optional=[q for q in questions if not q.is_core],
        closing=sorted((q for q in candidates if q.category in closing_ids), key=preference),
        order=order,
    )


def _sheet(bank: Bank, request: SheetRequest, ranked: _Ranked, rank: dict[str, int]) -> Sheet:
    plan = plan_for(request.minutes)
    opening_ids = bank.categories_at("opening")
    industry_cap = max(1, round(plan.question_count / INDUSTRY_SHARE))
    tiers = (ranked.core, ranked.optional)
    chosen = _spread(tiers, plan.question_count, {}, industry_cap, set(), set())
    counts: dict[str, int] = {}
    for question in chosen:
        counts[question.category] = counts.get(question.category, 0) + 1
    # Rapport questions only make sense at the start, never as "if time allows" extras.
    chosen_ids = {q.id for q in chosen}  # ids, as comparing questions compares every field
    extras = _spread(tiers, plan.extra_count, counts, plan.extra_count, chosen_ids, opening_ids)

    def conversation(question: Question) -> tuple[int, int]:
        return rank[question.category], ranked.order[question.id]

    closing_asks = [q for q in ranked.closing if q.is_core][:MAX_CLOSING_ASKS] or ranked.closing[:2]
    return Sheet(
        request=request,
        plan=plan,
        goal=bank.goals[request.goal],
        role=bank.roles[request.role],
        format=bank.formats[request.format],
        industry=bank.industries[request.industry] if request.industry else None,
        questions=tuple(sorted(chosen, key=conversation)),
        extras=tuple(sorted(extras, key=conversation)),
        closing=tuple(sorted(closing_asks, key=conversation)),
        reminders=tuple(
            tip for tip in bank.tips.values()
            if tip.on_sheet and tip.stage != "after" and _fits_format(tip, request.format)
        ),
        after=tuple(
            tip for tip in bank.tips.values()
            if tip.on_sheet and tip.stage == "after" and _fits_format(tip, request.format)
        ),
        categories=dict(bank.categories),
    )


def _spread(
    tiers: tuple[list[Question], list[Question]], count: int, taken: dict[str, int],
    industry_cap: int, skip_ids: set[str], skip_categories: set[str],
) -> list[Question]:
    """Take `count` questions in preference order, core ones (the first tier) before any
    optional one, at most `industry_cap` industry questions, none of `skip_ids` or
    `skip_categories`.

    Within each tier a category may give at most `cap` questions, and the cap rises only when
    the tier cannot fill the sheet otherwise: a sheet that covers several topics serves a short
    meeting better than several questions on one topic.
    """
    chosen: list[Question] = []
    per_category = dict(taken)
    industry_count = 0
    for tier in tiers:
        cap = 1
        # Read lazily: a sheet is usually full long before a large bank's tier ends.
        left: Iterable[Question] = (
            q for q in tier if q.id not in skip_ids and q.category not in skip_categories
        )
        while len(chosen) < count:
            passed_over: list[Question] = []
            for question in left:
                if len(chosen) == count:
                    break
                is_industry = question.industries is not None
                if is_industry and industry_count >= industry_cap:
                    continue  # never taken: the sheet has its share of industry questions
                if per_category.get(question.category, 0) < cap:
                    chosen.append(question)
                    per_category[question.category] = per_category.get(question.category, 0) + 1
                    industry_count += is_industry
                else:
                    passed_over.append(question)
            if not passed_over:
                break
            left = passed_over
            cap += 1
    return chosen


def _fits_format(tip: Tip, format_id: str) -> bool:
    return tip.formats is None or format_id in tip.formats


def coverage_problems(bank: Bank, folder: Path) -> list[Problem]:
    """Every goal must fill a default-length sheet for every role, closing asks included."""
    problems = []
    missing = [name for name in REQUIRED_SECTIONS if not getattr(bank, name)]
    if missing:
        return [Problem(folder, 0, f"the bank has no {name}") for name in missing]
    for section, default in (("roles", DEFAULT_ROLE), ("formats", DEFAULT_FORMAT)):
        if default not in getattr(bank, section):
            singular = section[:-1]
            message = f"the bank has no {singular} {default!r}; the site's sheets use it"
            problems.append(Problem(folder, 0, message))
    plan = plan_for(DEFAULT_MINUTES)
    closing = bank.categories_at("closing")
    if not closing:
        return [*problems, Problem(folder, 0, "the bank has no category with 'place: closing'")]
    for goal in bank.goals.values():
        where = goal.origin or Origin(folder, 0)
        for role in bank.roles:
            request = SheetRequest(goal=goal.id, role=role)
            fitting = [q for q in bank.questions.values() if suits(q, request)]
            asks = sum(q.category in closing for q in fitting)
            prepared = len(fitting) - asks
            if prepared < plan.total:
                problems.append(Problem(where.path, where.line, (
                    f"goal {goal.id!r} has only {prepared} questions for role {role!r}; "
                    f"a {DEFAULT_MINUTES}-minute sheet needs at least {plan.total}"
                )))
            if not asks:
                problems.append(Problem(where.path, where.line, (
                    f"goal {goal.id!r} has no closing question for role {role!r}"
                )))
    return problems
