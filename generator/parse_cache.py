"""A cache of parsed bank files, so unchanged YAML is not parsed again by every command.

Parsing is nearly all the cost of loading a large bank (libyaml builds a Python object for every
node). The cache is keyed by the SHA-256 of a file's bytes, so an edited file can never be
served stale, and it holds plain JSON, never pickles, so a planted cache file cannot run code.
Validation still runs on every load. Files that fail to parse are not cached.

Location: $INFOINTERVIEW_CACHE_DIR, else $XDG_CACHE_HOME/infointerview, else
~/.cache/infointerview. Set INFOINTERVIEW_CACHE_DIR to an empty value to turn it off.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
from pathlib import Path
from typing import Any

from generator.yaml_source import Mapping, Sequence

# Bump when yaml_source builds values differently, so old entries are no longer read.
FORMAT = 1


def cache_dir() -> Path | None:
    configured = os.environ.get("INFOINTERVIEW_CACHE_DIR")
    if configured is not None:
        return Path(configured) if configured else None
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "infointerview"


def _entry(data: bytes) -> Path | None:
    folder = cache_dir()
    if folder is None:
        return None
    return folder / f"parsed-v{FORMAT}-{hashlib.sha256(data).hexdigest()}.json"


def read(data: bytes) -> Any | None:
    """The parsed document for these file bytes, or None when it is not cached (or unreadable)."""
    entry = _entry(data)
    if entry is None:
        return None
    try:
        return _decode(json.loads(entry.read_text(encoding="utf-8")))
    except (OSError, ValueError, TypeError, KeyError, IndexError):
        return None  # missing, damaged or from elsewhere: parse the file instead


def write(data: bytes, document: Any) -> None:
    """Store a parsed document; a cache that cannot be written is simply not used."""
    entry = _entry(data)
    if entry is None:
        return
    with contextlib.suppress(OSError):
        entry.parent.mkdir(parents=True, exist_ok=True)
        # Write to a temporary file and rename it, so a reader never sees half an entry.
        handle, temporary = tempfile.mkstemp(dir=entry.parent, suffix=".tmp")
        with os.fdopen(handle, "w", encoding="utf-8") as output:
            json.dump(_encode(document), output, separators=(",", ":"))
        os.replace(temporary, entry)


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
