"""Checks that need the whole merged bank: references between items, and enough questions."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from pathlib import Path

from generator.errors import Problem
from generator.model import Bank, Item, Origin
from generator.schema import SECTIONS
from generator.tailor import (
    DEFAULT_FORMAT,
    DEFAULT_MINUTES,
    DEFAULT_ROLE,
    SheetRequest,
    plan_for,
    suits,
)

# Sections every bank needs at least one item of, or no sheet can be made.
REQUIRED_SECTIONS = ("goals", "roles", "formats", "categories", "questions")


# Where each item was defined: section -> id -> Origin (kept by the loader).
Origins = Mapping[str, Mapping[str, Origin]]


def check_references(bank: Bank, origins: Origins) -> list[Problem]:
    problems = []
    for name, item, key, section, value in _references(bank):
        known = getattr(bank, section)
        if value not in known:
            singular = SECTIONS[section].singular
            message = f"{key}: unknown {singular} {value!r}. Expected one of: {list(known)}"
            origin = origins[name][item.id]
            problems.append(Problem(origin.path, origin.line_of(key), message))
    return problems


def _references(bank: Bank) -> Iterator[tuple[str, Item, str, str, str]]:
    """Every (section, item, key, other section, id) where an item names another item."""
    for name, section in SECTIONS.items():
        for item in getattr(bank, name).values():
            for spec in section.fields:
                if spec.refers_to is None:
                    continue
                value = getattr(item, spec.name)
                for ident in (value,) if isinstance(value, str) else value or ():
                    yield name, item, spec.name, spec.refers_to, ident


def check_coverage(bank: Bank, folder: Path, origins: Origins) -> list[Problem]:
    """Every goal must fill a default-length sheet for every role, closing asks included."""
    problems = []
    missing = [name for name in REQUIRED_SECTIONS if not getattr(bank, name)]
    if missing:
        return [Problem(folder, 0, f"the bank has no {name}") for name in missing]
    for section, default in (("roles", DEFAULT_ROLE), ("formats", DEFAULT_FORMAT)):
        if default not in getattr(bank, section):
            singular = SECTIONS[section].singular
            message = f"the bank has no {singular} {default!r}; the site's sheets use it"
            problems.append(Problem(folder, 0, message))
    plan = plan_for(DEFAULT_MINUTES)
    closing = bank.categories_at("closing")
    if not closing:
        return [*problems, Problem(folder, 0, "the bank has no category with 'place: closing'")]
    for goal in bank.goals.values():
        where = origins["goals"][goal.id]
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
