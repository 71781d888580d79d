"""Problems found in the question bank, reported as `path:line: message`."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with one place in one file."""

    path: Path
    line: int
    message: str

    def __str__(self) -> str:
        if self.line == 0:  # a whole folder, not a place in a file
            return f"{display_path(self.path)}: {self.message}"
        return f"{display_path(self.path)}:{self.line}: {self.message}"

    def with_source(self) -> str:
        """The message plus the offending source line, as Jinja shows template errors."""
        source = source_line(self.path, self.line)
        return f"{self}\n    {source}" if source else str(self)


class BankError(Exception):
    """Raised when the question bank cannot be used; carries every problem found."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(set(problems))
        super().__init__("\n".join(str(p) for p in self.problems))

    def report(self) -> str:
        count = len(self.problems)
        noun = "problem" if count == 1 else "problems"
        lines = [p.with_source() for p in self.problems]
        return "\n".join([*lines, f"Found {count} {noun} in the question bank."])


class RequestError(Exception):
    """Raised when a sheet is asked for with values the bank does not know."""


class PdfUnavailable(Exception):
    """Raised when a PDF is asked for but WeasyPrint or the Pango library is missing."""


def display_path(path: Path) -> str:
    """A path relative to the working folder when it is inside it, so messages stay short."""
    try:
        return os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return str(path)


def source_line(path: Path, line: int) -> str:
    # Reading the file again is cheap and only happens when there is an error to show.
    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            for number, text in enumerate(handle, start=1):
                if number == line:
                    text = text.rstrip("\r\n").replace("\t", "    ")
                    return text if len(text) <= 160 else text[:157] + "..."
    except OSError:
        return ""
    return ""
