"""The kinds of value a bank field can hold, each a class that validates and converts one
value, as MkDocs' `config_options` do. A field is declared once, in `model.py`, with one of
these; validation (`schema.py`), the model's attributes and the format page's field table are
all read from that declaration.

Messages follow MkDocs ("Expected one of: [...] but received: 'x'"): they quote the bad value,
and the caller adds `path:line: key:`.
"""

from __future__ import annotations

import dataclasses
import functools
import re
import types
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from generator.core.yaml_source import YamlList

ID_PATTERN = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
# Long enough for any sentence a sheet prints, short enough that no text can make a page's
# layout (or WeasyPrint's) take minutes: one question or tip is a sentence or two.
LINE_LENGTH = 400
BLOCK_LENGTH = 4000
TITLE_LENGTH = 120


class Invalid(Exception):
    """A value that does not fit its field; the message says why and quotes it."""


def show(value: Any) -> str:
    """Quote a received value the way MkDocs does, without dumping whole structures."""
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, str) and len(value) > 60:
        return repr(value[:57] + "...")
    return repr(value)


class ValueType:
    """One kind of value. `refers_to` names the section whose ids it holds, if any."""

    refers_to: str | None = None

    def describe(self) -> str:
        """What the value is, for the format page's field tables."""
        raise NotImplementedError

    def convert(self, value: Any) -> Any:
        raise NotImplementedError


@dataclass(frozen=True)
class Identifier(ValueType):
    reserved: tuple[str, ...] = ()

    def describe(self) -> str:
        taken = f"; not {', '.join(f'`{r}`' for r in self.reserved)}" if self.reserved else ""
        return f"an id: lowercase letters, digits and hyphens{taken}"

    def convert(self, value: Any) -> str:
        ident = _identifier(value)
        if ident in self.reserved:
            raise Invalid(
                f"{ident!r} is reserved by the site's pages; choose another id "
                f"(reserved: {list(self.reserved)})"
            )
        return ident


@dataclass(frozen=True)
class Reference(ValueType):
    refers_to: str | None = None

    def describe(self) -> str:
        return f"an id from `{self.refers_to}`"

    def convert(self, value: Any) -> str:
        return _identifier(value)


@dataclass(frozen=True)
class Text(ValueType):
    """One line of text; runs of spaces (which YAML folding leaves) become one space."""

    max_length: int = LINE_LENGTH

    def describe(self) -> str:
        return f"text, at most {self.max_length} characters"

    def convert(self, value: Any) -> str:
        if not isinstance(value, str):
            raise Invalid(f"expected text but received: {show(value)}")
        return _bounded(" ".join(value.split()), self.max_length)


@dataclass(frozen=True)
class Block(ValueType):
    """Several lines of text, kept as lines."""

    max_length: int = BLOCK_LENGTH

    def describe(self) -> str:
        return f"text of several lines, at most {self.max_length} characters"

    def convert(self, value: Any) -> str:
        if not isinstance(value, str):
            raise Invalid(f"expected text but received: {show(value)}")
        return _bounded("\n".join(line.rstrip() for line in value.strip().splitlines()),
                        self.max_length)


@dataclass(frozen=True)
class Choice(ValueType):
    choices: tuple[str, ...] = ()

    def describe(self) -> str:
        return "one of " + ", ".join(f"`{choice}`" for choice in self.choices)

    def convert(self, value: Any) -> str:
        if not isinstance(value, str) or value not in self.choices:
            raise Invalid(f"Expected one of: {list(self.choices)} but received: {show(value)}")
        return value


@dataclass(frozen=True)
class Flag(ValueType):

    def describe(self) -> str:
        return "`true` or `false`"

    def convert(self, value: Any) -> bool:
        if not isinstance(value, bool):
            raise Invalid(f"expected true or false but received: {show(value)}")
        return value


@dataclass(frozen=True)
class WholeNumber(ValueType):
    maximum: int = 0

    def describe(self) -> str:
        return f"a whole number from 0 to {self.maximum}"

    def convert(self, value: Any) -> int:
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise Invalid(f"expected a whole number (0 or more) but received: {show(value)}")
        if value > self.maximum:
            raise Invalid(f"must be at most {self.maximum} but received: {value}")
        return value


@dataclass(frozen=True)
class Texts(ValueType):
    max_length: int = LINE_LENGTH

    def describe(self) -> str:
        return f"a list of texts, each at most {self.max_length} characters"

    def convert(self, value: Any) -> tuple[str, ...]:
        return _list_of(value, Text(self.max_length).convert)


@dataclass(frozen=True)
class References(ValueType):
    refers_to: str | None = None

    def describe(self) -> str:
        return f"a list of ids from `{self.refers_to}`"

    def convert(self, value: Any) -> tuple[str, ...]:
        ids = _list_of(value, _identifier)
        if not ids:
            raise Invalid("must not be an empty list; leave the key out")
        return ids


@dataclass(frozen=True)
class Suits(ValueType):
    """Who an item suits: `all` (kept as None) or a list of ids."""

    refers_to: str | None = None

    def describe(self) -> str:
        return f"`all` (the default) or a list of ids from `{self.refers_to}`"

    def convert(self, value: Any) -> tuple[str, ...] | None:
        if value == "all":
            return None
        try:
            ids = _list_of(value, _identifier)
        except Invalid as error:
            raise Invalid(str(error).replace("a list", "a list or 'all'", 1)) from None
        if not ids:
            raise Invalid("must not be an empty list; leave the key out, or write 'all'")
        return ids


def _identifier(value: Any) -> str:
    if isinstance(value, str) and ID_PATTERN.match(value):
        return value
    raise Invalid(
        f"expected lowercase letters, digits and hyphens (like 'my-id') but received: {show(value)}"
    )


def _bounded(text: str, max_length: int) -> str:
    if not text:
        raise Invalid("must not be empty")
    if len(text) > max_length:
        raise Invalid(f"must be at most {max_length} characters but has {len(text)}")
    return text


def _list_of(value: Any, convert: Any) -> tuple[Any, ...]:
    if not isinstance(value, YamlList):
        raise Invalid(f"expected a list but received: {show(value)}")
    return tuple(convert(item) for item in value)


@dataclass(frozen=True)
class FieldSpec:
    """How one key of a bank item is declared."""

    value_type: ValueType
    required: bool
    default: Any
    doc: str


def declare(value_type: ValueType, doc: str, *, required: bool = True,
            default: Any = None) -> Any:
    """A model field with its bank declaration attached (read back by `field_specs`)."""
    spec = FieldSpec(value_type, required, default, doc)
    if required:
        return dataclasses.field(metadata={"spec": spec})
    return dataclasses.field(default=default, metadata={"spec": spec})


@functools.cache  # a class's fields never change, and every item of the bank asks for them
def field_specs(model: type) -> Mapping[str, FieldSpec]:
    """The declared bank keys of a model class, in declaration order."""
    return types.MappingProxyType({
        item.name: item.metadata["spec"]
        for item in dataclasses.fields(model) if "spec" in item.metadata
    })
