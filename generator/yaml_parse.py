"""Parse one YAML file safely, keeping the line number of every value for error messages.

PyYAML's constructors drop line numbers, so we compose the node tree (with libyaml's C parser
when it is installed, which is several times faster) and build plain values ourselves. Doing the
construction here also lets us refuse what a data file never needs: aliases (the "billion
laughs" attack expands them), Python object tags, and deep nesting.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from generator.errors import BankError, Problem
from generator.yaml_source import Mapping, Sequence

try:  # libyaml is optional; the pure-Python parser gives the same nodes, only slower.
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

MAX_DEPTH = 20
_TAG = "tag:yaml.org,2002:"
_STR = _TAG + "str"
_SCALAR_TAGS = {_TAG + name for name in ("str", "int", "float", "bool", "null", "timestamp")}


def parse_yaml(path: Path, data: bytes) -> Any:
    """Parse the bytes of `path`; raise BankError naming the file and line of a problem."""
    text = _decode(path, data)
    _refuse_tab_indentation(path, text)
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 1
        raise _error(path, line, f"YAML syntax error: {_describe(error)}") from None
    except yaml.YAMLError as error:
        raise _error(path, 1, f"YAML syntax error: {error}") from None
    if node is None:
        raise _error(path, 1, "file is empty; expected a mapping such as 'questions:'")
    return _Builder(path).build(node, depth=0)


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


def _refuse_tab_indentation(path: Path, text: str) -> None:
    # YAML forbids tabs for indentation, but PyYAML's own message for it is cryptic.
    for number, line in enumerate(text.splitlines(), start=1):
        indent = line[: len(line) - len(line.lstrip(" \t"))]
        if "\t" in indent:
            raise _error(path, number, "tab character in indentation; indent with spaces")


def _describe(error: yaml.MarkedYAMLError) -> str:
    context = error.context or ""
    mark = error.context_mark
    if context and mark and error.problem_mark and mark.line != error.problem_mark.line:
        context += f" (from line {mark.line + 1})"
    return "; ".join(part.strip() for part in (context, error.problem or "") if part)


def _error(path: Path, line: int, message: str) -> BankError:
    return BankError([Problem(path, line, message)])


class _Builder:
    """Turns composed nodes into values, refusing aliases, unknown tags and deep nesting."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.seen: set[int] = set()
        # One constructor per file: it caches every node it builds.
        self.constructor = yaml.constructor.SafeConstructor()

    def build(self, node: yaml.Node, depth: int) -> Any:
        line = node.start_mark.line + 1
        if id(node) in self.seen:
            raise _error(self.path, line, "anchors and aliases (&name, *name) are not supported")
        self.seen.add(id(node))
        if depth > MAX_DEPTH:
            raise _error(self.path, line, f"nested more than {MAX_DEPTH} levels deep")
        if isinstance(node, yaml.MappingNode) and node.tag == _TAG + "map":
            return self._mapping(node, depth, line)
        if isinstance(node, yaml.SequenceNode) and node.tag == _TAG + "seq":
            return self._sequence(node, depth, line)
        if isinstance(node, yaml.ScalarNode) and node.tag in _SCALAR_TAGS:
            # Most values are text; a date is only text to us too. Skip the constructor for both.
            if node.tag in (_STR, _TAG + "timestamp"):
                return node.value
            return self.constructor.construct_object(node)
        tag = node.tag.replace(_TAG, "!!", 1)
        raise _error(self.path, line, f"YAML tags such as {tag!r} are not allowed in a bank file")

    def _mapping(self, node: yaml.MappingNode, depth: int, line: int) -> Mapping:
        result = Mapping()
        result.line, result.key_lines = line, {}
        for key_node, value_node in node.value:
            key_line = key_node.start_mark.line + 1
            if not isinstance(key_node, yaml.ScalarNode):
                raise _error(self.path, key_line, "a mapping key must be plain text")
            key = str(key_node.value)
            if key in result.key_lines:
                first = result.key_lines[key]
                raise _error(self.path, key_line, f"duplicate key {key!r} (first at line {first})")
            result.key_lines[key] = key_line
            result[key] = self.build(value_node, depth + 1)
        return result

    def _sequence(self, node: yaml.SequenceNode, depth: int, line: int) -> Sequence:
        result = Sequence()
        result.line, result.item_lines = line, []
        for item in node.value:
            result.item_lines.append(item.start_mark.line + 1)
            result.append(self.build(item, depth + 1))
        return result
