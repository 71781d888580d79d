"""Choose and order the questions for one meeting: a pure, deterministic function of the bank
and the request. Nothing here reads files or knows about HTML, Markdown or MkDocs.
"""

from __future__ import annotations

import itertools
import math
import operator
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from generator.core.errors import Problem
from generator.core.model import Bank, Origin, Question, Tip
from generator.core.sheet import (
    DEFAULT_FORMAT,
    DEFAULT_MINUTES,
    DEFAULT_ROLE,
    Plan,
    Sheet,
    SheetRequest,
    check_request,
)

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


def plan_for(minutes: int) -> Plan:
    # A short meeting still needs its thanks and its closing, but each takes less time.
    edge = 2 if minutes < 20 else 3
    question_minutes = minutes - 2 * edge
    count = max(2, math.floor(question_minutes / MINUTES_PER_QUESTION + 0.5))
    extra = max(2, math.ceil(count / 3))
    return Plan(minutes, edge, edge, count, extra)


# What `suits` may read of a question: its goals, roles and industries, nothing else. Many
# questions share these, so `Suiting` asks `suits` once per distinct key.
_FitKey = tuple[tuple[str, ...] | None, tuple[str, ...] | None, tuple[str, ...] | None]


def _fit_key(question: Question) -> _FitKey:
    return question.goals, question.roles, question.industries


def suits(question: Question, request: SheetRequest) -> bool:
    """Whether a question fits the goal, role and industry; industry questions need one."""
    return _key_suits(_fit_key(question), request)


def _key_suits(key: _FitKey, request: SheetRequest) -> bool:
    goals, roles, industries = key
    return (
        (goals is None or request.goal in goals)
        and (roles is None or request.role in roles)
        and (
            industries is None
            or (request.industry is not None and request.industry in industries)
        )
    )


class Suiting:
    """Which of a fixed list of questions suit each request, for callers that ask about many
    requests (the sheet maker asks about hundreds). The answer is `suits`, asked once per
    distinct goals, roles and industries among the questions instead of once per question:
    at 10,000 questions there are about 700 of them."""

    def __init__(self, questions: list[Question]) -> None:
        keys: dict[_FitKey, int] = {}
        self.questions = questions
        self._key_of = [keys.setdefault(_fit_key(q), len(keys)) for q in questions]
        self._keys = list(keys)

    def flags(self, request: SheetRequest) -> list[bool]:
        """For each question, in order, whether it suits the request."""
        verdicts = [_key_suits(key, request) for key in self._keys]
        return list(map(verdicts.__getitem__, self._key_of))

    def pick(self, request: SheetRequest) -> list[Question]:
        """The questions that suit the request, in their order."""
        return list(itertools.compress(self.questions, self.flags(request)))


def build_sheet(bank: Bank, request: SheetRequest) -> Sheet:
    """The sheet for one meeting."""
    return build_sheets(bank, [request])[0]


def build_sheets(bank: Bank, requests: Iterable[SheetRequest]) -> list[Sheet]:
    """The sheets for many meetings, each exactly what build_sheet gives. The sheet maker asks
    for thousands, so the work shared by many sheets is done once: the bank is put in a goal's
    order of preference once per goal, the questions that suit a goal, role and industry are
    picked from it once for all lengths and formats, and a format's tips once."""
    order = _BankOrder.of(bank)
    preferred: dict[str, _Preferred] = {}
    ranked: dict[tuple[str, str, str | None], _Ranked] = {}
    tips: dict[str, _FormatTips] = {}
    sheets = []
    for request in requests:
        check_request(bank, request)
        if request.goal not in preferred:
            preferred[request.goal] = _Preferred.of(bank, request.goal, order)
        key = (request.goal, request.role, request.industry)
        if key not in ranked:
            ranked[key] = preferred[request.goal].rank(request)
        if request.format not in tips:
            tips[request.format] = _FormatTips.of(bank, request.format)
        sheets.append(_sheet(bank, request, ranked[key], tips[request.format], order))
    return sheets


@dataclass(frozen=True)
class _BankOrder:
    """Each category's place in the conversation and each question's place in the bank."""

    category: dict[str, int]
    question: dict[str, int]

    @classmethod
    def of(cls, bank: Bank) -> _BankOrder:
        return cls(
            category={category: index for index, category in enumerate(bank.categories)},
            question={question: index for index, question in enumerate(bank.questions)},
        )

    def in_conversation(self, question: Question) -> tuple[int, int]:
        return self.category[question.category], self.question[question.id]


@dataclass(frozen=True)
class _Tier:
    """Questions best first, and the categories among them."""

    questions: list[Question]
    categories: frozenset[str]

    @classmethod
    def of(cls, questions: list[Question]) -> _Tier:
        return cls(questions, frozenset(map(_category, questions)))


_category = operator.attrgetter("category")


@dataclass(frozen=True)
class _Ranked:
    """The questions that suit one goal, role and industry, best first."""

    core: _Tier  # not closing asks
    optional: _Tier
    closing_asks: list[Question]


@dataclass(frozen=True)
class _Preferred:
    """Every question in the order a sheet for one goal prefers them, in three parts."""

    core: Suiting  # not closing asks
    optional: Suiting
    closing: Suiting

    @classmethod
    def of(cls, bank: Bank, goal: str, order: _BankOrder) -> _Preferred:
        focus = set(bank.goals[goal].focus)

        def preference(question: Question) -> tuple[int, int, int, int]:
            # Core first; then the questions written for this reader (industry counts most,
            # as it is the reader's own choice); then conversation order, then bank order.
            specific = (
                2 * (question.industries is not None)
                + (question.goals is not None)
                + (question.roles is not None)
                + (question.category in focus)
            )
            tier = 0 if question.is_core else 1
            return (tier, -specific, *order.in_conversation(question))

        closing_ids = bank.categories_at("closing")
        preferred = sorted(bank.questions.values(), key=preference)
        return cls(
            core=Suiting([q for q in preferred if q.is_core and q.category not in closing_ids]),
            optional=Suiting(
                [q for q in preferred if not q.is_core and q.category not in closing_ids]
            ),
            closing=Suiting([q for q in preferred if q.category in closing_ids]),
        )

    def rank(self, request: SheetRequest) -> _Ranked:
        closing = self.closing.pick(request)
        return _Ranked(
            core=_Tier.of(self.core.pick(request)),
            optional=_Tier.of(self.optional.pick(request)),
            closing_asks=[q for q in closing if q.is_core][:MAX_CLOSING_ASKS] or closing[:2],
        )


@dataclass(frozen=True)
class _FormatTips:
    """The tips a sheet for one format shows: reminders, and the after-meeting checklist."""

    reminders: tuple[Tip, ...]
    after: tuple[Tip, ...]

    @classmethod
    def of(cls, bank: Bank, format_id: str) -> _FormatTips:
        tips = [tip for tip in bank.tips.values() if tip.on_sheet and _fits_format(tip, format_id)]
        return cls(
            reminders=tuple(tip for tip in tips if tip.stage != "after"),
            after=tuple(tip for tip in tips if tip.stage == "after"),
        )


def _sheet(
    bank: Bank, request: SheetRequest, ranked: _Ranked, tips: _FormatTips, order: _BankOrder
) -> Sheet:
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
    return Sheet(
        request=request,
        plan=plan,
        goal=bank.goals[request.goal],
        role=bank.roles[request.role],
        format=bank.formats[request.format],
        industry=bank.industries[request.industry] if request.industry else None,
        questions=tuple(sorted(chosen, key=order.in_conversation)),
        extras=tuple(sorted(extras, key=order.in_conversation)),
        closing=tuple(sorted(ranked.closing_asks, key=order.in_conversation)),
        reminders=tips.reminders,
        after=tips.after,
        categories=dict(bank.categories),
    )


def _spread(
    tiers: tuple[_Tier, _Tier], count: int, taken: dict[str, int],
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
        categories = tier.categories - skip_categories
        cap = 1
        # Read lazily: a sheet is usually full long before a large bank's tier ends.
        waiting: Iterator[Question] = (
            q for q in tier.questions if q.id not in skip_ids and q.category not in skip_categories
        )
        while len(chosen) < count and categories:
            below_cap = {c for c in categories if per_category.get(c, 0) < cap}
            passed_over: list[Question] = []
            ended = True
            for question in waiting:
                is_industry = question.industries is not None
                if is_industry and industry_count >= industry_cap:
                    continue  # never taken: the sheet has its share of industry questions
                if question.category in below_cap:
                    chosen.append(question)
                    per_category[question.category] = per_category.get(question.category, 0) + 1
                    industry_count += is_industry
                    if per_category[question.category] >= cap:
                        below_cap.discard(question.category)
                else:
                    passed_over.append(question)
                if len(chosen) == count or not below_cap:
                    # Full, or every category is at its cap, so the rest of this round could
                    # only be passed over: the next round reads them after `passed_over`, in
                    # the same order, without reading a large tier to its end.
                    ended = False
                    break
            if ended and not passed_over:
                break
            waiting = iter(passed_over) if ended else itertools.chain(passed_over, waiting)
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
    suiting = Suiting(list(bank.questions.values()))
    for goal in bank.goals.values():
        where = goal.origin or Origin(folder, 0)
        for role in bank.roles:
            fitting = suiting.pick(SheetRequest(goal=goal.id, role=role))
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
