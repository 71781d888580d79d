"""The bank's coverage rules: what a whole bank (the shipped one, or it with a centre's overlay
on top) must hold for every sheet to come out right. `infointerview check`, the site build and
the plugin all run them through `load_bank`, so a rule a contributor can break is reported
with its file and line, not only by the project's tests.
"""

from __future__ import annotations

import itertools
import re
from pathlib import Path

from generator.core.errors import Problem
from generator.core.model import Bank, Item, Origin, Question
from generator.core.sheet import DEFAULT_FORMAT, DEFAULT_MINUTES, DEFAULT_ROLE, SheetRequest
from generator.core.tailor import Suiting, plan_for

# Sections every bank needs at least one item of, or no sheet can be made.
REQUIRED_SECTIONS = ("kinds", "goals", "roles", "formats", "categories", "questions")
# Every goal and role, with an industry chosen, must have this many `core` questions written
# for that industry, in at least this many categories: enough for a third of a sheet.
MIN_INDUSTRY_CORE = 3
MIN_INDUSTRY_CATEGORIES = 2
# A blank to fill in, "[your course]"; not a Markdown link "[text](...)", which is only text.
PLACEHOLDER = re.compile(r"\[[^\]]*\](?!\()")


def coverage_problems(bank: Bank, folder: Path) -> list[Problem]:
    """Every rule below, or the first missing piece that makes the others meaningless."""
    missing = [name for name in REQUIRED_SECTIONS if not getattr(bank, name)]
    if missing:
        return [Problem(folder, 0, f"the bank has no {name}") for name in missing]
    if not bank.categories_at("closing"):
        return [Problem(folder, 0, "the bank has no category with 'place: closing'")]
    suiting = Suiting(list(bank.questions.values()))
    return [
        *_defaults(bank, folder),
        *_placeholders(bank),
        *_recipes(bank, folder),
        *_full_sheets(bank, folder, suiting),
        *_industries(bank, folder, suiting),
    ]


def _where(item: Item, folder: Path, key: str = "id") -> tuple[Path, int]:
    origin = item.origin or Origin(folder, 0)
    return origin.path, origin.line_of(key)


def _defaults(bank: Bank, folder: Path) -> list[Problem]:
    problems = []
    for section, default in (("roles", DEFAULT_ROLE), ("formats", DEFAULT_FORMAT)):
        if default not in getattr(bank, section):
            message = f"the bank has no {section[:-1]} {default!r}; the site's sheets use it"
            problems.append(Problem(folder, 0, message))
    return problems


def _placeholders(bank: Bank) -> list[Problem]:
    """A sheet prints a question as written: a `[blank]` would be read out as it is."""
    return [
        Problem(*_where(q, Path("."), "text"), (
            f"text: question {q.id!r} has a [placeholder]; a sheet prints the question as it "
            "is, so write it the way you would ask it"
        ))
        for q in bank.questions.values() if PLACEHOLDER.search(q.text)
    ]


def _recipes(bank: Bank, folder: Path) -> list[Problem]:
    """Every kind a goal's or role's recipe names has a question that can answer it there."""
    problems = []
    # Each kind's questions, found once: not a scan of the bank per kind of every recipe.
    of_kind: dict[str, list[Question]] = {}
    for question in bank.questions.values():
        of_kind.setdefault(question.kind, []).append(question)
    for section in ("goals", "roles"):
        for item in getattr(bank, section).values():
            for kind in item.kinds:
                if kind in bank.kinds and not any(
                    item.id in (getattr(q, section) or (item.id,))
                    for q in of_kind.get(kind, ())
                ):
                    problems.append(Problem(*_where(item, folder, "kinds"), (
                        f"kinds: no question of kind {kind!r} suits {section[:-1]} "
                        f"{item.id!r}; add one or take the kind out of the list"
                    )))
    return problems


def _full_sheets(bank: Bank, folder: Path, suiting: Suiting) -> list[Problem]:
    """Every goal must fill a default-length sheet for every role, closing asks included."""
    problems = []
    plan = plan_for(DEFAULT_MINUTES)
    closing = bank.categories_at("closing")
    for goal in bank.goals.values():
        path, line = _where(goal, folder)
        for role in bank.roles:
            fitting = suiting.pick(SheetRequest(goal=goal.id, role=role))
            asks = sum(q.category in closing for q in fitting)
            kinds = len({q.kind for q in fitting if q.category not in closing})
            if kinds < plan.total:
                problems.append(Problem(path, line, (
                    f"goal {goal.id!r} has questions of only {kinds} kinds for role {role!r}; "
                    f"a {DEFAULT_MINUTES}-minute sheet asks {plan.total} kinds, one question each"
                )))
            if not asks:
                problems.append(Problem(path, line, (
                    f"goal {goal.id!r} has no closing question for role {role!r}"
                )))
    return problems


def _industries(bank: Bank, folder: Path, suiting: Suiting) -> list[Problem]:
    """An industry must change every sheet it is chosen for, and its questions belong among
    the prepared questions, never in the opening or the closing."""
    problems = []
    edges = bank.categories_at("opening") | bank.categories_at("closing")
    for question in bank.questions.values():
        if question.industries is not None and question.category in edges:
            problems.append(Problem(*_where(question, folder, "category"), (
                f"category: question {question.id!r} is written for an industry, so it must be "
                f"asked among the prepared questions, not in category {question.category!r}"
            )))
    # Only core questions written for industries count here: asking about them alone (in the
    # bank's order, as `suiting` holds them) gives the same lists for every goal, role and
    # industry without looking at every other question each time.
    core = Suiting([q for q in suiting.questions if q.industries is not None and q.is_core])
    for industry in bank.industries.values():
        short = []
        for goal, role in itertools.product(bank.goals, bank.roles):
            offered = core.pick(SheetRequest(goal=goal, role=role, industry=industry.id))
            if (len(offered) < MIN_INDUSTRY_CORE
                    or len({q.category for q in offered}) < MIN_INDUSTRY_CATEGORIES):
                short.append(f"{goal}/{role}")
        if short:
            problems.append(Problem(*_where(industry, folder), (
                f"industry {industry.id!r} needs at least {MIN_INDUSTRY_CORE} core questions "
                f"in {MIN_INDUSTRY_CATEGORIES} or more categories for every goal and role; "
                f"too few for {', '.join(short)}"
            )))
    return problems
