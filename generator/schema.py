"""The declared schema of every section of a bank file, and the checks of one item against it.

Messages follow MkDocs' config options ("Expected one of: [...] but received: 'x'"): they name
the key and quote the bad value, and the caller adds `path:line:`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator import model
from generator.errors import Problem
from generator.yaml_source import YamlList, YamlMapping

ID_PATTERN = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
TIARA = ("trends", "insights", "advice", "resources", "assignments")


@dataclass(frozen=True)
class Field:
    name: str
    type: str  # id | text | block | choice | bool | int | ids | suits | texts
    required: bool = True
    default: Any = None
    choices: tuple[str, ...] = ()
    refers_to: str | None = None  # the section whose ids an `ids`/`suits`/`ref` field names

    @property
    def optional(self) -> Field:
        return Field(self.name, self.type, False, self.default, self.choices, self.refers_to)


def _text(name: str) -> Field:
    return Field(name, "text")


def _suits(name: str, section: str) -> Field:
    return Field(name, "suits", required=False, refers_to=section)


_ID, _TITLE, _DESCRIPTION = Field("id", "id"), _text("title"), _text("description")


@dataclass(frozen=True)
class Section:
    """One top-level key of a bank file: its item type and the fields of each item."""

    name: str
    singular: str
    model: type
    fields: tuple[Field, ...]


SECTIONS: dict[str, Section] = {
    section.name: section
    for section in (
        Section("goals", "goal", model.Goal, (
            _ID, _TITLE, _DESCRIPTION, _text("emphasis"),
            Field("focus", "ids", required=False, default=(), refers_to="categories"),
        )),
        Section("roles", "role", model.Role, (_ID, _TITLE, _DESCRIPTION)),
        Section("formats", "format", model.Format, (_ID, _TITLE, _DESCRIPTION)),
        Section("industries", "industry", model.Industry, (_ID, _TITLE, _DESCRIPTION)),
        Section("categories", "category", model.Category, (
            _ID, _TITLE, _DESCRIPTION, Field("tiara", "choice", required=False, choices=TIARA),
            _text("agenda").optional,
            Field("place", "choice", required=False, default="questions",
                  choices=("opening", "questions", "closing")),
        )),
        Section("questions", "question", model.Question, (
            _ID, _text("text"), Field("category", "ref", refers_to="categories"),
            _suits("goals", "goals"), _suits("roles", "roles"),
            _suits("industries", "industries"),
            Field("priority", "choice", choices=("core", "optional")), _text("why"),
            Field("probes", "texts", required=False, default=()),
        )),
        Section("tips", "tip", model.Tip, (
            _ID, Field("kind", "choice", choices=("do", "dont")),
            Field("stage", "choice", choices=("before", "during", "after")), _text("text"),
            _text("why").optional, _suits("formats", "formats"),
            Field("on_sheet", "bool", required=False, default=False),
        )),
        Section("benefits", "benefit", model.Benefit, (
            _ID, _text("text"), _suits("goals", "goals"),
        )),
        Section("steps", "step", model.Step, (
            _ID, _TITLE, _text("text"),
            Field("phase", "choice", choices=("opening", "questions", "closing")),
            Field("minutes", "int", required=False),
        )),
        Section("templates", "template", model.Template, (
            _ID, _TITLE, _DESCRIPTION, Field("text", "block"),
        )),
        Section("avoid", "question to avoid", model.Avoid, (
            _ID, _text("question"), _text("reason"), _text("instead"),
        )),
    )
}
# `hide:` maps section names to lists of ids that earlier bank folders defined.
HIDE = "hide"
TOP_LEVEL_KEYS = sorted([*SECTIONS, HIDE])


def show(value: Any) -> str:
    """Quote a received value the way MkDocs does, without dumping whole structures."""
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, str) and len(value) > 60:
        return repr(value[:57] + "...")
    return repr(value)


def check_item(
    section: Section, item: Any, path: Path, line: int
) -> tuple[dict[str, Any] | None, list[Problem]]:
    """Check one item; return its field values (None if unusable) and the problems found."""
    if not isinstance(item, YamlMapping):
        message = f"{section.name}: each item must be a mapping (key: value) but received: "
        return None, [Problem(path, line, message + show(item))]
    problems: list[Problem] = []
    known = [f.name for f in section.fields]
    for key in item:
        if key not in known:
            problems.append(Problem(path, item.key_lines[key], _unknown_key(key, known)))
    values: dict[str, Any] = {}
    ident = item.get("id")
    label = f"{section.singular} {ident!r}" if isinstance(ident, str) else section.singular
    for spec in section.fields:
        if spec.name not in item or (item[spec.name] is None and not spec.required):
            if spec.required:
                message = f"{label} is missing the required key {spec.name!r}"
                problems.append(Problem(path, item.line, message))
            values[spec.name] = spec.default
            continue
        value, message = _convert(spec, item[spec.name])
        if message:
            problems.append(Problem(path, item.key_lines[spec.name], f"{spec.name}: {message}"))
        values[spec.name] = value
    return (None if problems else values), problems


def _unknown_key(key: str, known: list[str]) -> str:
    import difflib  # noqa: PLC0415 - only needed when there is a typing mistake to explain

    close = difflib.get_close_matches(key, known, n=1)
    if close:
        return f"unknown key {key!r} (did you mean {close[0]!r}?)"
    return f"unknown key {key!r}. Expected one of: {sorted(known)}"


def _convert(spec: Field, value: Any) -> tuple[Any, str | None]:
    """Return the cleaned value and None, or None and what is wrong with it."""
    kind = spec.type
    if kind == "id" or kind == "ref":
        return _identifier(value)
    if kind == "text":
        if not isinstance(value, str):
            return None, f"expected text but received: {show(value)}"
        cleaned = " ".join(value.split())  # YAML folding can leave runs of spaces
        return (cleaned, None) if cleaned else (None, "must not be empty")
    if kind == "block":
        if not isinstance(value, str):
            return None, f"expected text but received: {show(value)}"
        cleaned = "\n".join(line.rstrip() for line in value.strip().splitlines())
        return (cleaned, None) if cleaned else (None, "must not be empty")
    if kind == "choice":
        if value not in spec.choices or not isinstance(value, str):
            return None, f"Expected one of: {list(spec.choices)} but received: {show(value)}"
        return value, None
    if kind == "bool":
        if not isinstance(value, bool):
            return None, f"expected true or false but received: {show(value)}"
        return value, None
    if kind == "int":
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            return None, f"expected a whole number (0 or more) but received: {show(value)}"
        return value, None
    if kind == "texts":
        return _list_of(value, lambda text: _convert(Field(spec.name, "text"), text))
    if kind == "suits" and value == "all":
        return None, None
    suffix = " or 'all'" if kind == "suits" else ""
    ids, message = _list_of(value, _identifier)
    if message:
        return None, message.replace("a list", "a list" + suffix, 1)
    if not ids:
        instead = ", or write 'all'" if kind == "suits" else ""
        return None, f"must not be an empty list; leave the key out{instead}"
    return ids, None


def _identifier(value: Any) -> tuple[str | None, str | None]:
    if isinstance(value, str) and ID_PATTERN.match(value):
        return value, None
    return None, (
        "expected lowercase letters, digits and hyphens (like 'my-id') "
        f"but received: {show(value)}"
    )


def _list_of(value: Any, convert: Any) -> tuple[tuple[Any, ...] | None, str | None]:
    if not isinstance(value, YamlList):
        return None, f"expected a list but received: {show(value)}"
    items = []
    for item in value:
        converted, message = convert(item)
        if message:
            return None, message
        items.append(converted)
    return tuple(items), None
