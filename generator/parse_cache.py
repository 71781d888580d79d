"""A cache of parsed bank files, so unchanged YAML is not parsed again by every command.

Parsing is nearly all the cost of loading a large bank (libyaml builds a Python object for every
node). An entry is keyed by the SHA-256 of a file's bytes, so an edited file can never be served
stale, and holds plain JSON. Files that fail to parse are not cached. When the whole bank is
unchanged the loader's bank cache answers first; this one helps after an edit to one file of
many, which is what `mkdocs serve` sees. The folder and its rules are in cache_store.
"""

from __future__ import annotations

import json
from typing import Any

from generator import cache_store
from generator.yaml_source import Mapping, Sequence

# Bump when yaml_source builds values differently, so old entries are no longer read.
FORMAT = 1
# Parsed files kept: one entry per bank file, and a large bank has dozens of files.
KEEP_ENTRIES = 2000


def _name(file_digest: str) -> str:
    return f"parsed-v{FORMAT}-{file_digest}.json"


def read(file_digest: str) -> Any | None:
    """The parsed document for a file's bytes (given by their SHA-256), or None when it is not
    cached (or is unreadable)."""
    data = cache_store.read(_name(file_digest))
    if data is None:
        return None
    try:
        return _decode(json.loads(data))
    except (ValueError, TypeError, KeyError, IndexError):
        return None  # damaged or from elsewhere: parse the file instead


def write(file_digest: str, document: Any) -> None:
    text = json.dumps(_encode(document), separators=(",", ":"))
    cache_store.write(_name(file_digest), text.encode("utf-8"), keep=KEEP_ENTRIES)


def _encode(value: Any) -> Any:
    if isinstance(value, Mapping):
        return {"m": value.line, "k": [[key, value.key_lines[key], _encode(item)]
                                       for key, item in value.items()]}
    if isinstance(value, Sequence):
        return {"s": value.line, "i": [[line, _encode(item)]
                                       for line, item in zip(value.item_lines, value, strict=True)]}
    return value


def _decode(value: Any) -> Any:
    if isinstance(value, dict) and "m" in value:
        mapping = Mapping()
        mapping.line, mapping.key_lines = value["m"], {}
        for key, line, item in value["k"]:
            mapping.key_lines[key] = line
            mapping[key] = _decode(item)
        return mapping
    if isinstance(value, dict) and "s" in value:
        sequence = Sequence()
        sequence.line, sequence.item_lines = value["s"], []
        for line, item in value["i"]:
            sequence.item_lines.append(line)
            sequence.append(_decode(item))
        return sequence
    if isinstance(value, (dict, list)):
        raise TypeError("not a cache entry")
    return value
