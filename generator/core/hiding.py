"""What hiding an item does to the items that name it.

A centre hides an industry, a category or a template of the guide with `hide:` in its own
folder. Other items of the guide's bank still name it (six questions name `healthcare`), and
those references are in files the centre cannot edit. So hiding follows the references: a
hidden id is taken out of every list that names it; an item left suiting nothing (a question for
the hidden industry only) or belonging to a hidden item (a question in a hidden category) is
hidden with it. The bank remembers what was hidden, so a page of the guide that shows a hidden
template leaves it out instead of failing (generator.site.inserts).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, MutableMapping
from typing import Any

from generator.core.model import SECTIONS, Item
from generator.core.value_types import FieldSpec, Reference, References, Suits, field_specs

Hidden = set[tuple[str, str]]  # (section, id)


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
