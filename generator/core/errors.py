"""Problems found in the question bank, reported as `path:line: message`."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

# A report longer than this helps no one: the first problems and a count of the rest.
MAX_REPORTED = 200


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with one place in one file."""

    path: Path
    line: int
    message: str

    def __str__(self) -> str:
        if self.line == 0:  # a whole folder or file, not a place in a file
            return f"{display_path(self.path)}: {self.message}"
        return f"{display_path(self.path)}:{self.line}: {self.message}"


class BankError(Exception):
    """Raised when the question bank cannot be used; carries every problem found."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(set(problems))
        super().__init__("\n".join(str(p) for p in self.problems[:MAX_REPORTED]))

    def report(self) -> str:
        """Every problem with its source line under it, as Jinja shows template errors; each
        file is read once, however many problems it has."""
        sources = _SourceLines()
        lines = []
        for problem in self.problems[:MAX_REPORTED]:
            source = sources.line(problem.path, problem.line)
            lines.append(f"{problem}\n    {source}" if source else str(problem))
        count = len(self.problems)
        if count > MAX_REPORTED:
            lines.append(f"... and {count - MAX_REPORTED} more, not shown.")
        noun = "problem" if count == 1 else "problems"
        return "\n".join([*lines, f"Found {count} {noun} in the question bank."])


class ConfigError(Exception):
    """Raised when a site's plugin options in mkdocs.yml cannot be used; one problem a line,
    as `mkdocs.yml:LINE: option: message`, for the build and the command line alike."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(set(problems))
        super().__init__("\n".join(str(p) for p in self.problems[:MAX_REPORTED]))


class RequestError(Exception):
    """Raised when a sheet is asked for with values the bank does not know."""


class PdfUnavailable(Exception):
    """Raised when a PDF is asked for but WeasyPrint or the Pango library is missing."""


def display_path(path: Path | str) -> str:
    """A path relative to the working folder when it is inside it, so messages stay short,
    with any character that could not be shown or could forge a line of the report (a newline
    in a file name, bytes that are not UTF-8) written as an escape."""
    try:
        shown = os.path.relpath(path)
    except ValueError:  # another drive on Windows
        shown = str(path)
    return escape_text(shown)


def escape_text(text: str) -> str:
    """Text with unprintable characters as Python escapes (`\\n`, `\\x1b`, `\\udcff` as `\\xff`)."""
    if text.isprintable():
        return text
    out = []
    for character in text:
        code = ord(character)
        if 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8 (surrogateescape)
            out.append(f"\\x{code - 0xDC00:02x}")
        elif character.isprintable() and not 0xD800 <= code <= 0xDFFF:
            out.append(character)
        else:
            out.append(character.encode("unicode_escape", "backslashreplace").decode("ascii"))
    return "".join(out)


class _SourceLines:
    """The lines of the files a report quotes, each file read once and only if it is a plain
    file: a report never quotes bytes from anything else."""

    def __init__(self) -> None:
        self.files: dict[Path, list[str]] = {}

    def line(self, path: Path, number: int) -> str:
        if number < 1:
            return ""
        if path not in self.files:
            self.files[path] = _read_lines(path)
        lines = self.files[path]
        if number > len(lines):
            return ""
        text = escape_text(lines[number - 1].rstrip("\r\n").replace("\t", "    "))
        return text if len(text) <= 160 else text[:157] + "..."


def _read_lines(path: Path) -> list[str]:
    try:
        if path.is_symlink() or not path.is_file():
            return []
        with open(path, encoding="utf-8", errors="replace") as handle:
            return handle.read(2_000_000).splitlines()
    except OSError:
        return []
