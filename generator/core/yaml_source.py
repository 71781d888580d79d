"""The values a bank file holds, with the line of each, and reading a file's bytes.

`YamlMapping` and `YamlList` are plain dict and list with lines attached; validation reads them
and the model never sees them.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Any

from generator.core.errors import BankError, Problem

MAX_FILE_BYTES = 1_000_000


class YamlMapping(dict[str, Any]):
    """A YAML mapping that remembers where it and each of its keys stand."""

    line: int
    key_lines: dict[str, int]
    tagged: bool = False  # written with a tag such as !ENV (read as TAGGED when it closes)


class YamlList(list[Any]):
    """A YAML sequence that remembers where it and each of its items stand."""

    line: int
    item_lines: list[int]
    tagged: bool = False


def read_bank_file(path: Path) -> bytes:
    """The bytes of a bank file, refusing one too large to be hand-written or not a plain file.

    The file is opened first and checked through the open handle, so what is checked is what
    is read; a FIFO or device is refused before any byte is read from it."""
    try:
        handle = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as error:
        raise _problem(path, f"cannot read the file: {error.strerror}") from None
    try:
        info = os.fstat(handle)
        if not stat.S_ISREG(info.st_mode):
            raise _problem(path, "not a regular file; a bank file must be a plain .yml file")
        if info.st_size > MAX_FILE_BYTES:
            message = f"file is {info.st_size / 1_000_000:.1f} MB; a bank file may be at most 1 MB"
            raise _problem(path, message)
        with os.fdopen(handle, "rb", closefd=False) as stream:
            data = stream.read(MAX_FILE_BYTES + 1)
    except OSError as error:
        raise _problem(path, f"cannot read the file: {error.strerror}") from None
    finally:
        os.close(handle)
    if len(data) > MAX_FILE_BYTES:  # grew while being read, or lied about its size
        raise _problem(path, "file is larger than 1 MB; a bank file may be at most 1 MB")
    return data


def _problem(path: Path, message: str) -> BankError:
    return BankError([Problem(path, 1, message)])
