"""Choose and order the questions for one meeting: a pure, deterministic function of the bank
and the request. Nothing here reads files or knows about HTML, Markdown or MkDocs.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterable
from dataclasses import dataclass

from generator.core.model import Bank, Question, Tip
from generator.core.sheet import (
    Plan,
    Sheet,
    SheetRequest,
    check_request,
)

# Career-centre guides advise 5-10 questions for a 20-30 minute meeting: about 2-3 prepared
# questions per 10 minutes of question time, that is one question per four minutes.
MINUTES_PER_QUESTION = 4
# Who else to talk to, anything I should have asked, may I follow up: a closing takes about
# three asks; from LONG_MEETING minutes there is time for one more (may I mention your name).
MAX_CLOSING_ASKS = 3
LONG_MEETING = 45
# With an industry chosen, about a third of the prepared questions are written for it.
INDUSTRY_SHARE = 3
# Whose list gives the next kind of a recipe: the goal's twice, then the role's once.
GOAL_TURNS = (0, 0, 1)
# The agenda said aloud names at most this many topics: more is a list nobody remembers.
MAX_AGENDA = 4


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
    for thousands, so the work shared by many sheets is done once: the bank is put in order of
    preference once, the questions that suit a goal, role and industry are grouped by kind once
    for all lengths and formats, and a format's tips once."""
    order = _BankOrder.of(bank)
    suiting = Suiting(sorted(bank.questions.values(), key=order.preference))
    ranked: dict[tuple[str, str, str | None], _Ranked] = {}
    tips: dict[str, _FormatTips] = {}
    sheets = []
    for request in requests:
        check_request(bank, request)
        key = (request.goal, request.role, request.industry)
        if key not in ranked:
            ranked[key] = _Ranked.of(bank, request, suiting.pick(request))
        if request.format not in tips:
            tips[request.format] = _FormatTips.of(bank, request.format)
        sheets.append(_sheet(bank, request, ranked[key], tips[request.format], order))
    return sheets


def recipe(bank: Bank, goal: str, role: str) -> list[str]:
    """The kinds a sheet for this goal and role asks, most important first, keeping only kinds
    that both list: the goal's next two kinds, then the role's next one, and so on, each kind
    once. So the goal, the student's reason for the meeting, sets most of the order, the role
    brings forward what that person knows best, and a kind the role does not list is never
    asked (a recruiter is not asked about doing the job)."""
    every = tuple(bank.kinds)
    goal_kinds = bank.goals[goal].kinds or every
    role_kinds = bank.roles[role].kinds or every
    both = set(goal_kinds) & set(role_kinds)
    queues = [[k for k in goal_kinds if k in both], [k for k in role_kinds if k in both]]
    order: dict[str, None] = {}
    turns = itertools.cycle(GOAL_TURNS)
    while len(order) < len(both):
        queue = queues[next(turns)]
        while queue and queue[0] in order:
            queue.pop(0)
        if queue:
            order[queue.pop(0)] = None
    return list(order)


@dataclass(frozen=True)
class _BankOrder:
    """Each category's and kind's place in the conversation and each question's place in the
    bank."""

    category: dict[str, int]
    kind: dict[str, int]
    question: dict[str, int]

    @classmethod
    def of(cls, bank: Bank) -> _BankOrder:
        return cls(
            category={category: index for index, category in enumerate(bank.categories)},
            kind={kind: index for index, kind in enumerate(bank.kinds)},
            question={question: index for index, question in enumerate(bank.questions)},
        )

    def in_conversation(self, question: Question) -> tuple[int, int, int]:
        return (self.category[question.category], self.kind[question.kind],
                self.question[question.id])

    def preference(self, question: Question) -> tuple[int, int, int, int]:
        """Among questions of one kind: one written for the reader's industry first, then
        `core` before `optional`, then the one written most closely for the reader (for their
        goal, then for the role they meet), then bank order."""
        specific = 2 * (question.goals is not None) + (question.roles is not None)
        return (
            question.industries is None, not question.is_core, -specific,
            self.question[question.id],
        )


@dataclass(frozen=True)
class _Ranked:
    """For one goal, role and industry: each kind of the recipe that some suiting question
    has, in recipe order, with its questions best first; closing asks apart."""

    asked: list[list[Question]]  # opening and questions
    closing: list[list[Question]]

    @classmethod
    def of(cls, bank: Bank, request: SheetRequest, fitting: list[Question]) -> _Ranked:
        closing_ids = bank.categories_at("closing")
        by_kind: dict[str, list[Question]] = {}
        for question in fitting:  # already best first
            by_kind.setdefault(question.kind, []).append(question)
        kinds = [by_kind[k] for k in recipe(bank, request.goal, request.role) if k in by_kind]
        return cls(
            asked=[group for group in kinds if group[0].category not in closing_ids],
            closing=[group for group in kinds if group[0].category in closing_ids],
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
    count = plan.question_count
    prepared, rest = _pick(ranked.asked, count, max(1, round(count / INDUSTRY_SHARE)))
    # Rapport questions only make sense at the start, never as "if time allows" extras.
    opening_ids = bank.categories_at("opening")
    extras = [q for q in rest if q.category not in opening_ids][:plan.extra_count]
    asks = MAX_CLOSING_ASKS + (request.minutes >= LONG_MEETING)
    closing = [group[0] for group in ranked.closing][:asks]
    return Sheet(
        request=request,
        plan=plan,
        goal=bank.goals[request.goal],
        role=bank.roles[request.role],
        format=bank.formats[request.format],
        industry=bank.industries[request.industry] if request.industry else None,
        questions=tuple(sorted(prepared, key=order.in_conversation)),
        extras=tuple(sorted(extras, key=order.in_conversation)),
        closing=tuple(sorted(closing, key=order.in_conversation)),
        reminders=tips.reminders,
        after=tips.after,
        categories=dict(bank.categories),
        topics=_agenda(bank, prepared, order),
        alternatives=tuple(q for group in ranked.asked for q in group
                           if q.category not in opening_ids),
    )


def _pick(
    kinds: list[list[Question]], count: int, industry_share: int
) -> tuple[list[Question], list[Question]]:
    """One question of each kind in recipe order: the first `count` are prepared, the rest
    wait for "if time allows". About a third of the prepared questions (`industry_share`)
    are written for the chosen industry, when the recipe's kinds have them: enough that the
    choice shows on every sheet, while the general questions an adviser expects keep the rest.
    """
    chosen: list[Question] = []
    industry = 0
    for group in kinds:
        full = industry >= industry_share and len(chosen) < count
        question = next((q for q in group if not (full and q.industries)), None)
        if question is not None:
            chosen.append(question)
            industry += len(chosen) <= count and question.industries is not None
    prepared, rest = chosen[:count], chosen[count:]
    # Too few industry questions among the first kinds: bring the best later ones forward,
    # each in place of the least important general question (which moves back to the rest).
    for question in [q for q in rest if q.industries]:
        general = [q for q in prepared if q.industries is None]
        if industry >= industry_share or not general:
            break
        prepared.remove(general[-1])
        prepared.append(question)
        rest.remove(question)
        rest.insert(0, general[-1])
        industry += 1
    return prepared, rest


def _agenda(bank: Bank, prepared: list[Question], order: _BankOrder) -> tuple[str, ...]:
    """What the agenda read aloud names: the most important kinds on the sheet (at most
    MAX_AGENDA, so it stays one breath), in the order they will be asked."""
    phrases: dict[str, Question] = {}
    for question in prepared:  # in recipe order: the most important first
        phrase = bank.kinds[question.kind].agenda
        if phrase and phrase not in phrases and len(phrases) < MAX_AGENDA:
            phrases[phrase] = question
    return tuple(sorted(phrases, key=lambda p: order.in_conversation(phrases[p])))


def _fits_format(tip: Tip, format_id: str) -> bool:
    return tip.formats is None or format_id in tip.formats
