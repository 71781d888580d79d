"""Checks of one bank item against its declaration (the fields of its model class).

Messages follow MkDocs' config options ("Expected one of: [...] but received: 'x'"): they name
the key and quote the bad value, and the caller adds `path:line:`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from generator.core.errors import Problem
from generator.core.model import SECTIONS, Origin, Section
from generator.core.value_types import Invalid, field_specs, show
from generator.core.yaml_source import YamlMapping

# `hide:` maps section names to lists of ids that earlier bank folders defined.
HIDE = "hide"
# `renamed:` maps section names to {old id: new id} (generator/core/renames.py).
RENAMED = "renamed"
TOP_LEVEL_KEYS = sorted([*SECTIONS, HIDE, RENAMED])

__all__ = ["HIDE", "RENAMED", "SECTIONS", "TOP_LEVEL_KEYS", "by_section", "check_item", "show"]


def by_section(
    key: str, example: str, value: Any, path: Path, line: int, problems: list[Problem]
) -> list[tuple[str, Any, int]]:
    """(section, its value, its line) of a top-level key whose value is keyed by section, such
    as `hide:` and `renamed:`; a value that is not a mapping, or an unknown section, is a
    problem reported here."""
    if not isinstance(value, YamlMapping):
        message = f"{key}: expected a mapping such as '{example}' but received: {show(value)}"
        problems.append(Problem(path, line, message))
        return []
    found = []
    for section, entry in value.items():
        key_line = value.key_lines[section]
        if section not in SECTIONS:
            message = f"{key}: unknown section {section!r}. Expected one of: {sorted(SECTIONS)}"
            problems.append(Problem(path, key_line, message))
            continue
        found.append((section, entry, key_line))
    return found


def check_item(section: Section, item: Any, path: Path, line: int) -> tuple[Any, list[Problem]]:
    """Check one item; return the model item (None if unusable) and the problems found."""
    if not isinstance(item, YamlMapping):
        message = f"{section.name}: each item must be a mapping (key: value) but received: "
        return None, [Problem(path, line, message + show(item))]
    specs = field_specs(section.model)
    problems = [
        Problem(path, item.key_lines[key], _unknown_key(key, list(specs)))
        for key in item if key not in specs
    ]
    values: dict[str, Any] = {}
    ident = item.get("id")
    label = f"{section.singular} {ident!r}" if isinstance(ident, str) else section.singular
    for name, spec in specs.items():
        if name not in item or (item[name] is None and not spec.required):
            if spec.required:
                message = f"{label} is missing the required key {name!r}"
                problems.append(Problem(path, item.line, message))
            values[name] = spec.default
            continue
        try:
            values[name] = spec.value_type.convert(item[name])
        except Invalid as error:
            problems.append(Problem(path, item.key_lines[name], f"{name}: {error}"))
    if problems:
        return None, problems
    origin = Origin(path, item.line, dict(item.key_lines))
    return section.model(**values, origin=origin), []


def _unknown_key(key: str, known: list[str]) -> str:
    import difflib  # noqa: PLC0415 - only needed when there is a typing mistake to explain

    close = difflib.get_close_matches(key, known, n=1)
    if close:
        return f"unknown key {key!r} (did you mean {close[0]!r}?)"
    return f"unknown key {key!r}. Expected one of: {sorted(known)}"
