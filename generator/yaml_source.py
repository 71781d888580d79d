"""The values a bank file holds, with the line of each, and reading a file's bytes.

Parsing itself is in yaml_parse, imported only when a file is not in the parse cache: a command
that finds every file cached never pays for importing PyYAML.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from generator.errors import BankError, Problem

MAX_FILE_BYTES = 1_000_000


class Mapping(dict[str, Any]):
    """A YAML mapping that remembers where it and each of its keys stand."""

    line: int
    key_lines: dict[str, int]


class Sequence(list[Any]):
    """A YAML sequence that remembers where it and each of its items stand."""

    line: int
    item_lines: list[int]


def read_bank_file(path: Path) -> bytes:
    """The bytes of a bank file, refusing one too large to be hand-written."""
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        message = f"file is {size / 1_000_000:.1f} MB; a bank file may be at most 1 MB"
        raise BankError([Problem(path, 1, message)])
    return path.read_bytes()
