"""Checks that need the whole merged bank: every id an item names must exist, and no heading
takes a question's anchor."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from generator.core.errors import Problem
from generator.core.model import QUESTION_ANCHOR, SECTIONS, Bank, Item
from generator.core.renames import Renames, reference_hint
from generator.core.value_types import field_specs


def check_references(bank: Bank, renames: Renames | None = None) -> list[Problem]:
    """An id that names nothing; if it was renamed, the message says what it is called now."""
    problems = []
    for item, key, section, value in _references(bank):
        known = getattr(bank, section)
        if value not in known:
            singular = SECTIONS[section].singular
            hint = reference_hint(renames or {}, section, value)
            message = (f"{key}: unknown {singular} {value!r}{hint}" if hint
                       else f"{key}: unknown {singular} {value!r}. Expected one of: {list(known)}")
            if item.origin is not None:  # a bank made in code has no file to point at
                problems.append(Problem(item.origin.path, item.origin.line_of(key), message))
    return problems


def _references(bank: Bank) -> Iterator[tuple[Item, str, str, str]]:
    """Every (item, key, other section, id) where an item names another item."""
    for name, section in SECTIONS.items():
        for item in getattr(bank, name).values():
            for key, spec in field_specs(section.model).items():
                if spec.value_type.refers_to is None:
                    continue
                value = getattr(item, key)
                for ident in (value,) if isinstance(value, str) else value or ():
                    yield item, key, spec.value_type.refers_to, ident


def heading_anchor(title: str) -> str:
    """The anchor Python-Markdown's toc gives a heading (its default `slugify`)."""
    text = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode("ascii")
    text = re.sub(r"[^\w\s-]", "", text).strip().lower()
    return re.sub(r"[-\s]+", "-", text)


def check_anchors(bank: Bank) -> list[Problem]:
    """The question bank page has a heading per category and an anchor per question, so a
    category titled "Q money" would take the anchor of question `money`: links to it break."""
    anchors = {QUESTION_ANCHOR.format(ident): ident for ident in bank.questions}
    problems = []
    for category in bank.categories.values():
        anchor = heading_anchor(category.title)
        if anchor in anchors and category.origin is not None:
            problems.append(Problem(category.origin.path, category.origin.line_of("title"), (
                f"title: its heading's anchor #{anchor} on the question bank page is the "
                f"anchor of question {anchors[anchor]!r}; change the title")))
    return problems
