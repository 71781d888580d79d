"""Where the text of a real PDF sits, read with `pdftotext -bbox-layout` (poppler), so tests can
measure the room left to write under each question as a reader with a ruler would: down from
its last line to the next text in the same column (the closing asks print side by side)."""

from __future__ import annotations

import re
import subprocess
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

MM = 72 / 25.4  # PDF points in a millimetre
_NS = "{http://www.w3.org/1999/xhtml}"
# Lines closer than this belong to one paragraph (a question and its follow-up).
_SAME_BLOCK = 4.0


@dataclass(frozen=True)
class Line:
    page: int  # from 1
    top: float  # points from the top of the page
    bottom: float
    text: str
    left: float = 0.0  # points from the left edge of the page
    right: float = 0.0

    def beside(self, other: Line) -> bool:
        """Whether the two lines share no stretch of the page's width (different columns)."""
        return self.right <= other.left or other.right <= self.left


def pdf_lines(pdf: Path) -> tuple[list[Line], list[float]]:
    """Every text line of a PDF in page and top-to-bottom order, and each page's height."""
    xml = subprocess.run(["pdftotext", "-bbox-layout", str(pdf), "-"], capture_output=True,
                         text=True, check=True).stdout
    root = ET.fromstring(xml)
    lines, heights = [], []
    for number, page in enumerate(root.iter(f"{_NS}page"), start=1):
        heights.append(float(page.get("height", "0")))
        for line in page.iter(f"{_NS}line"):
            words = " ".join(word.text or "" for word in line.iter(f"{_NS}word"))
            lines.append(Line(number, float(line.get("yMin", "0")), float(line.get("yMax", "0")),
                              words, float(line.get("xMin", "0")), float(line.get("xMax", "0"))))
    lines.sort(key=lambda line: (line.page, line.top))
    return lines, heights


def _starts(line: Line, text: str) -> bool:
    words = text.split()
    mine = re.sub(r"^\d+\.\s*", "", line.text)
    if mine.startswith(" ".join(words[:4])):
        return True
    # A narrow column (a closing ask, four side by side) may hold fewer than four words on the
    # first line: "Puis-je vous" of "Puis-je vous recontacter plus tard ...".
    first = mine.split()
    return 2 <= len(first) < 4 and first == words[:len(first)]


def find_line(lines: list[Line], text: str, page: int | None = None) -> Line:
    """The line on which `text` (a question, a heading) begins, on `page` if given. Of lines
    that begin with the same four words, the first that shares the most of `text`."""
    found = [line for line in lines if _starts(line, text) and page in (None, line.page)]
    if not found:
        raise AssertionError(f"not in the PDF: {text!r}" + (f" on page {page}" if page else ""))
    return max(found, key=lambda line: (_shared(line, text), -found.index(line)))


def _shared(line: Line, text: str) -> int:
    """How many words `text` and the line begin with alike."""
    count = 0
    for mine, theirs in zip(re.sub(r"^\d+\.\s*", "", line.text).split(), text.split(),
                            strict=False):
        if mine != theirs:
            break
        count += 1
    return count


def space_below(lines: list[Line], heights: list[float], text: str,
                bottom_margin_mm: float = 7, until: str | None = None,
                page: int | None = None) -> float:
    """Millimetres of empty paper between the last line of the paragraph that begins with
    `text` and the next line below it in the same column (or the page's bottom margin), or
    the line that begins with `until`: the closing asks sit side by side, and the room under
    each goes down to the thanks line below the row."""
    first = find_line(lines, text, page)
    # The lines below on the same page that share some of the first line's width: a list
    # number printed as a line of its own, and text in the next column, are not in the way.
    column = [line for line in lines[lines.index(first) + 1:]
              if line.page == first.page and not line.beside(first)]
    paragraph = [first]
    while column and column[0].top - paragraph[-1].bottom < _SAME_BLOCK:
        paragraph.append(column.pop(0))
    bottom = max(line.bottom for line in paragraph)
    if until is not None:
        below = find_line(lines, until, page).top
    else:
        below = column[0].top if column else heights[first.page - 1] - bottom_margin_mm * MM
    return (below - bottom) / MM
