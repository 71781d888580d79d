"""Parse one YAML file safely, keeping the line number of every value for error messages.

PyYAML's constructors drop line numbers, and its composer (libyaml's too) builds the node tree
by recursion: a file of 40,000 nested brackets overflows the C stack and kills the process.
So we read the parser's *events* (with libyaml's C parser when it is installed, several times
faster) and build plain values with an explicit stack, refusing what a data file never needs
before it can do harm: nesting deeper than MAX_DEPTH (checked as each level opens), anchors and
aliases (the "billion laughs" attack expands them), tags other than plain data, numbers too
long to be meant, and control characters, wherever they come from.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from generator.core.errors import BankError, Problem
from generator.core.yaml_source import YamlList, YamlMapping

try:  # libyaml is optional; the pure-Python parser gives the same events, only slower.
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

MAX_DEPTH = 20
# A whole number or a decimal in a bank is a count of minutes: 30 characters is generous, and
# Python refuses to convert numbers of more than 4,300 digits (YAML 1.1's 1:2:3 forms too).
MAX_NUMBER_CHARACTERS = 30
_TAG = "tag:yaml.org,2002:"
_STR, _TIMESTAMP = _TAG + "str", _TAG + "timestamp"
_PLAIN_DATA = {_TAG + name for name in ("str", "int", "float", "bool", "null", "timestamp")}
_COLLECTION_TAGS = {None, "!", _TAG + "map", _TAG + "seq"}
# Control characters (C0 but tab and line breaks, DEL, C1), lone surrogates, which no text file
# can hold but a YAML escape can make, and the two non-characters.
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_resolver = yaml.resolver.Resolver()


class _Tagged:
    """What a tagged value reads as when tags are ignored: a value we do not interpret."""

    def __repr__(self) -> str:
        return "a tagged value"


TAGGED = _Tagged()
_constructor = yaml.constructor.SafeConstructor()


def parse_yaml(path: Path, data: bytes, *, ignore_tags: bool = False) -> Any:
    """Parse the bytes of `path`; raise BankError naming the file and line of a problem.

    With `ignore_tags` (a site's mkdocs.yml, which MkDocs reads with tags such as `!ENV` and
    `!!python/name:`), a tagged value is read as `TAGGED` instead of refused: never resolved,
    never run."""
    text = _decode(path, data)
    _refuse_raw_characters(path, text, path if ignore_tags else None)
    loader = _Loader(text)
    try:
        document = _Builder(path, ignore_tags).build(loader.get_event)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 1
        if "maximum nesting depth" in (error.problem or ""):
            # Newer libyaml has its own, far higher limit, and its scanner can reach it first
            # while it reads ahead through a long run of "[": the same refusal, in our words.
            raise _error(path, line, _too_deep()) from None
        raise _error(path, line, f"YAML syntax error: {_describe(error)}") from None
    except yaml.YAMLError as error:
        raise _error(path, 1, f"YAML syntax error: {error}") from None
    finally:
        loader.dispose()
    if document is None:
        raise _error(path, 1, "file is empty; expected a mapping such as 'questions:'")
    return document


def _decode(path: Path, data: bytes) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        raise _error(
            path, 1, "file starts with a byte-order mark (BOM); save it as UTF-8 without BOM"
        )
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        column = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
        byte = data[error.start]
        raise _error(
            path, line, f"not valid UTF-8 (byte 0x{byte:02x} at column {column}); save as UTF-8"
        ) from None


def _refuse_raw_characters(path: Path, text: str, named: Path | None) -> None:
    # PyYAML reports a raw control character without its line, and its message for a tab in
    # the indentation is cryptic: find both ourselves, with the real line.
    found = CONTROL.search(text)
    if found:
        line = text.count("\n", 0, found.start()) + 1
        raise _error(path, line, _control_message(found.group(), named))
    if "\t" not in text:  # most files: no line to look at
        return
    for number, source_line in enumerate(text.splitlines(), start=1):
        indent = source_line[: len(source_line) - len(source_line.lstrip(" \t"))]
        if "\t" in indent:
            raise _error(path, number, "tab character in indentation; indent with spaces")


def _too_deep() -> str:
    return f"nested more than {MAX_DEPTH} levels deep"


def _control_message(character: str, path: Path | None = None) -> str:
    # A site's mkdocs.yml is read here too (with tags ignored): it is named, not called a bank.
    where = path.name if path is not None else "a bank file"
    return (
        f"control character U+{ord(character):04X} is not allowed in {where}; "
        "remove it or write the text without it"
    )


def _describe(error: yaml.MarkedYAMLError) -> str:
    context = error.context or ""
    mark = error.context_mark
    if context and mark and error.problem_mark and mark.line != error.problem_mark.line:
        context += f" (from line {mark.line + 1})"
    return "; ".join(part.strip() for part in (context, error.problem or "") if part)


def _error(path: Path, line: int, message: str) -> BankError:
    return BankError([Problem(path, line, message)])


class _Builder:
    """Builds values from parser events with an explicit stack: no recursion, so no depth of
    input can overflow anything, and the depth limit is checked before a level is entered.

    `build` is one loop with its names held locally: it runs once per event, tens of thousands
    of times for a large bank, and this keeps it close to libyaml's own compose in time."""

    def __init__(self, path: Path, ignore_tags: bool = False) -> None:
        self.path = path
        self.ignore_tags = ignore_tags

    def build(self, next_event: Any) -> Any:
        scalar_event, alias_event = yaml.ScalarEvent, yaml.AliasEvent
        mapping_start, sequence_start = yaml.MappingStartEvent, yaml.SequenceStartEvent
        mapping_end, sequence_end = yaml.MappingEndEvent, yaml.SequenceEndEvent
        stream_end = yaml.StreamEndEvent
        scalar = self._scalar
        document: Any = None
        # Open collections, innermost last, each with the key waiting for its value (or None).
        stack: list[list[Any]] = []
        while True:
            event = next_event()
            kind = event.__class__
            if kind is stream_end:
                return document
            line = event.start_mark.line + 1
            if kind is alias_event or getattr(event, "anchor", None):
                message = "anchors and aliases (&name, *name) are not supported"
                raise _error(self.path, line, message)
            if kind is scalar_event:
                value: Any = scalar(event, line)
            elif kind is mapping_start or kind is sequence_start:
                stack.append([self._open(event, line, len(stack)), None])
                continue
            elif kind is mapping_end or kind is sequence_end:
                value = stack.pop()[0]
                line = value.line
                if getattr(value, "tagged", False):
                    value = TAGGED
            else:  # stream and document start and end
                continue
            if not stack:
                document = value
                continue
            top = stack[-1]
            parent = top[0]
            if parent.__class__ is YamlList:
                parent.item_lines.append(line)
                parent.append(value)
            elif top[1] is None:  # a key
                if kind is not scalar_event:
                    raise _error(self.path, line, "a mapping key must be plain text")
                key = str(value) if value is not None else "null"
                if key in parent.key_lines:
                    first = parent.key_lines[key]
                    raise _error(self.path, line, f"duplicate key {key!r} (first at line {first})")
                parent.key_lines[key] = line
                top[1] = key
            else:
                parent[top[1]] = value
                top[1] = None

    def _open(self, event: Any, line: int, depth: int) -> YamlMapping | YamlList:
        tagged = event.tag not in _COLLECTION_TAGS
        if tagged and not self.ignore_tags:
            self._refuse_tag(event.tag, line)
        if depth >= MAX_DEPTH:
            raise _error(self.path, line, _too_deep())
        value: YamlMapping | YamlList
        if isinstance(event, yaml.MappingStartEvent):
            value = YamlMapping()
            value.key_lines = {}
        else:
            value = YamlList()
            value.item_lines = []
        value.line = line
        if tagged:  # built as usual (its depth counts), then read as TAGGED when it closes
            value.tagged = True
        return value

    def _scalar(self, event: Any, line: int) -> Any:
        tag = event.tag
        if tag is None or tag == "!":
            if event.style:  # quoted or a block: always text
                tag = _STR
            else:
                tag = _resolver.resolve(yaml.ScalarNode, event.value, event.implicit)
        if tag in (_STR, _TIMESTAMP):  # most values; a date is only text to us too
            value = event.value
            # Only an escape in a double-quoted scalar can make a control character: raw ones
            # were refused before parsing.
            if event.style == '"':
                found = CONTROL.search(value)
                if found:
                    named = self.path if self.ignore_tags else None
                    raise _error(self.path, line, _control_message(found.group(), named))
            return value
        if tag not in _PLAIN_DATA:
            if self.ignore_tags:
                return TAGGED
            self._refuse_tag(tag, line)
        if tag in (_TAG + "int", _TAG + "float") and len(event.value) > MAX_NUMBER_CHARACTERS:
            raise _error(self.path, line, (
                f"number of {len(event.value)} characters is too long; "
                f"a number here has at most {MAX_NUMBER_CHARACTERS}"
            ))
        try:
            return _constructor.construct_object(yaml.ScalarNode(tag, event.value))
        except (ValueError, yaml.YAMLError):
            raise _error(self.path, line, f"not a valid value: {event.value[:40]!r}") from None

    def _refuse_tag(self, tag: str | None, line: int) -> None:
        shown = (tag or "").replace(_TAG, "!!", 1)
        raise _error(self.path, line, f"YAML tags such as {shown!r} are not allowed in a bank file")
