"""Renamed ids: how an upgrade that renames a question (or any item) reaches a centre's overlay.

A release that renames or merges an id records it in the bank, in a `renamed:` section:

    renamed:
      questions:
        old-id: new-id

A centre's overlay written for the older release may still name the old id: to replace the
item, to hide it, or in a reference such as `category:`. Without this record that would be
"unknown id" at best, or a silent second copy of the question at worst. With it, every such
place gets a message naming the new id, at the centre's own line. Renaming an id is a breaking
change (CHANGELOG.md, "Versions and upgrades"), so the build stops rather than guessing.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from generator.core.errors import Problem
from generator.core.model import SECTIONS, Item
from generator.core.schema import RENAMED, by_section
from generator.core.value_types import Identifier, Invalid, show
from generator.core.yaml_source import YamlMapping


@dataclass(frozen=True)
class Rename:
    """`old` in `section` is now called `new`; recorded at path:line."""

    section: str
    old: str
    new: str
    path: Path
    line: int

    @property
    def singular(self) -> str:
        return SECTIONS[self.section].singular

    def hint(self) -> str:
        return f"the {self.singular} {self.old!r} was renamed {self.new!r}; write {self.new!r}"


# section -> old id -> its rename
Renames = dict[str, dict[str, Rename]]


def read_renamed(value: object, path: Path, line: int, problems: list[Problem]) -> list[Rename]:
    """The `renamed:` section of one file, each pair checked to be two ids."""
    found = []
    example = "questions: {old-id: new-id}"
    for section, pairs, key_line in by_section(RENAMED, example, value, path, line, problems):
        if not isinstance(pairs, YamlMapping):
            message = (f"{RENAMED}.{section}: expected a mapping of old id to new id, such as "
                       f"'old-id: new-id', but received: {show(pairs)}")
            problems.append(Problem(path, key_line, message))
            continue
        for old, new in pairs.items():
            pair_line = pairs.key_lines[old]
            try:
                Identifier().convert(old)
                Identifier().convert(new)
            except Invalid as error:
                problems.append(Problem(path, pair_line, f"{RENAMED}.{section}: {error}"))
                continue
            if old == new:
                message = f"{RENAMED}.{section}: {old!r} is renamed to itself"
                problems.append(Problem(path, pair_line, message))
                continue
            found.append(Rename(section, old, new, path, pair_line))
    return found


def collect(renames: list[Rename], problems: list[Problem]) -> Renames:
    """All folders' renames by section and old id; an old id renamed twice is a problem."""
    table: Renames = {}
    for rename in renames:
        known = table.setdefault(rename.section, {})
        first = known.get(rename.old)
        if first is not None and first.new != rename.new:
            message = (f"{RENAMED}.{rename.section}: {rename.old!r} is already renamed "
                       f"{first.new!r} at {first.path}:{first.line}")
            problems.append(Problem(rename.path, rename.line, message))
            continue
        known[rename.old] = rename
    return table


def check_renames(
    table: Renames, merged: Mapping[str, Mapping[str, Item]], hidden: set[tuple[str, str]]
) -> list[Problem]:
    """After merging: an item still defined under an old id, and a rename to nothing."""
    problems = []
    for section, renames in table.items():
        items = merged[section]
        for old, rename in renames.items():
            item = items.get(old)
            if item is not None and item.origin is not None:
                message = (f"{rename.hint()} to replace it, or choose another id for a new "
                           f"{rename.singular}")
                problems.append(Problem(item.origin.path, item.origin.line_of("id"), message))
            if rename.new not in items and (section, rename.new) not in hidden:
                message = f"{RENAMED}.{section}: no {rename.singular} {rename.new!r} to rename to"
                problems.append(Problem(rename.path, rename.line, message))
    return problems


def reference_hint(table: Renames, section: str, ident: str) -> str:
    """For a message about an unknown id: what it was renamed to, if it was."""
    rename = table.get(section, {}).get(ident)
    return f"; {rename.hint()}" if rename else ""
