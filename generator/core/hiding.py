"""What hiding an item does to the items that name it.

A centre hides an industry, a category or a template of the guide with `hide:` in its own
folder. Other items of the guide's bank still name it (six questions name `healthcare`), and
those references are in files the centre cannot edit. So hiding follows the references: a
hidden id is taken out of every list that names it; an item left suiting nothing (a question for
the hidden industry only) or belonging to a hidden item (a question in a hidden category) is
hidden with it. A goal's or role's recipe (`kinds`) that names a kind no question can answer
for it any more, because of a hide, leaves that kind out. The bank remembers what was hidden,
so a page of the guide that shows a hidden template leaves it out instead of failing
(generator.site.inserts).

What hiding still breaks (the default role hidden, an industry left with too few questions) is
the centre's to fix, and its file is the one it can edit: such a problem is reported at the
`hide:` line that causes it (`blame_hides`), never inside the guide's bank.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping, MutableMapping
from pathlib import Path
from typing import Any

from generator.core.errors import Problem
from generator.core.model import SECTIONS, Item
from generator.core.value_types import FieldSpec, Reference, References, Suits, field_specs

Hidden = set[tuple[str, str]]  # (section, id)
HideEntry = tuple[str, str, Path, int]  # (section, id, file, line) of one id under `hide:`
RECIPES = ("goals", "roles")  # the sections whose `kinds` list the kinds their sheets ask


def follow_hides(merged: MutableMapping[str, dict[str, Item]], hidden: Hidden) -> Hidden:
    """Apply `hidden` (already removed from `merged`) to the items that name those ids, in
    place; returns every id hidden, those given and those hidden with them."""
    hidden = set(hidden)
    changed = True
    while changed:  # an item hidden with another may be named by a third
        changed = False
        for name, section in SECTIONS.items():
            specs = field_specs(section.model)
            for ident, item in list(merged[name].items()):
                kept = _without_hidden(item, specs, hidden)
                if kept is None:
                    del merged[name][ident]
                    hidden.add((name, ident))
                    changed = True
                elif kept is not item:
                    merged[name][ident] = kept
    return hidden


def _without_hidden(item: Item, specs: Mapping[str, FieldSpec], hidden: Hidden) -> Item | None:
    """`item` with hidden ids left out of its lists; None when it must be hidden too."""
    changes: dict[str, Any] = {}
    for key, spec in specs.items():
        kind, target = spec.value_type, spec.value_type.refers_to
        value = getattr(item, key)
        if target is None or value is None:
            continue
        if isinstance(kind, Reference):
            if (target, value) in hidden:
                return None
        elif isinstance(kind, Suits | References):
            left = tuple(v for v in value if (target, v) not in hidden)
            if len(left) == len(value):
                continue
            if not left and (isinstance(kind, Suits) or spec.required):
                return None  # it suited only hidden items; `()` would not mean "all"
            # An emptied optional list (a goal's `focus`) goes back to the field's default.
            changes[key] = left or spec.default
    return dataclasses.replace(item, **changes) if changes else item


def follow_recipes(merged: MutableMapping[str, dict[str, Item]],
                   before: Mapping[str, Item]) -> None:
    """Leave out of each goal's and role's recipe the kinds that no question suits for it any
    more, where one did `before` anything was hidden; in place."""
    now = list(merged["questions"].values())
    for section in RECIPES:
        for ident, item in list(merged[section].items()):
            kinds = getattr(item, "kinds", ())
            kept = tuple(kind for kind in kinds
                         if _answered(kind, section, ident, now)
                         or not _answered(kind, section, ident, before.values()))
            if kept and len(kept) < len(kinds):
                changes: dict[str, Any] = {"kinds": kept}
                merged[section][ident] = dataclasses.replace(item, **changes)


def _answered(kind: str, section: str, ident: str, questions: Any) -> bool:
    """Some question of `kind` suits the goal or role `ident` (no list: it suits all)."""
    return any(getattr(q, "kind", None) == kind and ident in (getattr(q, section) or (ident,))
               for q in questions)


def blame_hides(problems: list[Problem], hides: list[HideEntry],
                problems_with: Callable[[list[HideEntry]], list[Problem]]) -> list[Problem]:
    """`problems` with those that only hiding causes moved to the `hide:` lines that cause
    them; `problems_with(entries)` gives the problems with only those entries applied."""
    baseline = set(problems_with([]))
    caused = [p for p in problems if p not in baseline]
    if not caused:
        return problems
    # Each hide on its own, to name the one at fault; a problem no single hide causes is
    # reported once, at the first of the hides that cause it together.
    alone = {entry: set(problems_with([entry])) for entry in hides} if len(hides) > 1 else {}
    kept = [p for p in problems if p in baseline]
    for problem in caused:
        at_fault = [entry for entry in hides if problem in alone.get(entry, ())]
        for section, ident, path, line in at_fault or hides[:1]:
            what = f"the {SECTIONS[section].singular} {ident!r}"
            if not at_fault and len(hides) > 1:
                what = f"{what} and the other {len(hides) - 1} hidden items together"
            kept.append(Problem(path, line, f"hide: {what} cannot be hidden: {problem.message}"))
    return kept
