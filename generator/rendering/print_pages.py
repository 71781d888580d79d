"""Where a long meeting's printed sheet turns the page.

A sheet for a meeting of up to FIRST_PAGE_MINUTES holds the meeting on page 1 (sheet.css,
`ii-sheet--fit`). A longer one takes two or three pages, and each page's free space, the last
one's too, is shared out as room to write under the questions on that page.

CSS alone cannot share out the free space of whatever happens to land on a page: a flex column
split across pages is laid out as one long column (Chromium) or badly (WeasyPrint). So the sheet
is cut into pages here, and each page is a column the page's height (`ii-sheet--paged`) whose
free space goes to its questions, as on page 1 of a short sheet. Where to cut comes from an
estimate of each part's printed height: lines of text from the glyph widths of Liberation Sans
(Arial's metric twin, the font sheet.css prints in), fixed heights from sheet.css's print rules.
The cuts leave every page some spare height, so that an estimate a little short never pushes
a page's last question onto the next page (tests/test_sheet_writing_space.py measures real PDFs).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from generator.core.languages import gettext
from generator.core.model import Question
from generator.core.sheet import Sheet
from generator.rendering.render import join_words

# Glyph advance widths of Liberation Sans for " " to "~", in 2048ths of an em.
_REGULAR = (
    569, 569, 727, 1139, 1139, 1821, 1366, 391, 682, 682, 797, 1196, 569, 682, 569, 569, 1139,
    1139, 1139, 1139, 1139, 1139, 1139, 1139, 1139, 1139, 569, 569, 1196, 1196, 1196, 1139, 2079,
    1366, 1366, 1479, 1479, 1366, 1251, 1593, 1479, 569, 1024, 1366, 1139, 1706, 1479, 1593, 1366,
    1593, 1479, 1366, 1251, 1479, 1366, 1933, 1366, 1366, 1251, 569, 569, 569, 961, 1139, 682,
    1139, 1139, 1024, 1139, 1139, 569, 1139, 1139, 455, 455, 1024, 455, 1706, 1139, 1139, 1139,
    1139, 682, 1024, 569, 1139, 1024, 1479, 1024, 1024, 1024, 684, 532, 684, 1196)
_BOLD = (
    569, 682, 971, 1139, 1139, 1821, 1479, 487, 682, 682, 797, 1196, 569, 682, 569, 569, 1139,
    1139, 1139, 1139, 1139, 1139, 1139, 1139, 1139, 1139, 682, 682, 1196, 1196, 1196, 1251, 1997,
    1479, 1479, 1479, 1479, 1366, 1251, 1593, 1479, 569, 1139, 1479, 1251, 1706, 1479, 1593, 1366,
    1593, 1479, 1366, 1251, 1479, 1366, 1933, 1366, 1366, 1251, 682, 569, 682, 1196, 1139, 682,
    1139, 1251, 1139, 1251, 1139, 682, 1251, 1251, 569, 569, 1139, 569, 1821, 1251, 1251, 1251,
    1251, 797, 1139, 682, 1251, 1139, 1593, 1139, 1139, 1024, 797, 573, 797, 1196)
_OTHER = {"\u2018": 569, "\u2019": 569, "\u201c": 1024, "\u201d": 1024, "\u2013": 1139,
          "\u2014": 2048, "\u2026": 2048, "\u00a0": 569}
_WIDEST = 2048  # any other character (a letter of another script, a symbol)
# Where a line may break: not at a no-break space (French puts one before "?").
_BREAKS = re.compile(r"[ \t\r\n]+")

MM = 25.4 / 72  # millimetres in a point
FONT = 9.0  # points: sheet.css prints the sheet at 9pt, line-height 1.15
LINE = FONT * 1.15 * MM  # a line of a question
PROBE_SIZE = FONT * 0.85  # the follow-up line (.ii-q__probe)
PROBE_LINE = PROBE_SIZE * 1.15 * MM
TIP_SIZE = FONT * 0.9  # reminders and "after the meeting"
TIP_LINE = TIP_SIZE * 1.15 * MM + 0.1 * TIP_SIZE * MM  # and each item's 0.1em margin
ROOM = 11.4  # --ii-write: room to write under a prepared question or closing ask
ROOM_EXTRA = 7.7  # --ii-write-extra: under an "if time allows" question
QUESTION_EDGE = 0.6  # a question's dotted rule and its 0.1em bottom margin
LIST_INDENT = 1.8 * FONT * MM  # .ii-questions padding-left
TICK = (1.2 * FONT + 1.5) * MM  # the tick box before a question: 0.75em, its border, 0.45em
EXTRAS_INDENT = (2.25 + 0.6 * FONT) * MM  # .ii-sheet__extras border-left and padding-left
CLOSING_GAP = 1.2 * FONT * MM  # between the closing asks side by side
HEADING = 5.4  # a section's heading (h2) and its margins
HEADER = 13.3  # the title line and the row of fields to fill in
TITLE_LINE = 5.2  # a second line, when the title and the meeting do not share one
OPENING = 32.1 - 2 * LINE  # the opening's steps and the introduction box, less the agenda
AGENDA_INDENT = 1.4 * FONT * MM  # .ii-steps padding-left
THANKS = 4.6  # the closing's last line ("Thank them, ...")
FOOTER = 6.7  # the footer's headings
CENTRE_BAND = 4.5  # a centre's line at the top of page 1, where a browser prints it

# Page content widths and heights, mm: the paper less the 12 mm side margins, and less the 7 mm
# top and bottom margins and 2 mm of slack for rounding (sheet.css, sheet_document.html.j2).
PAPERS = {"letter": (215.9 - 24, 263), "a4": (210.0 - 24, 281)}
# The sheet maker's print, in a browser on either paper: A4's narrower column, and Letter's page
# less sheet.css's 7 mm top and bottom margins and the 4 mm its page columns leave
# (`calc(100vh - 4mm)`).
BROWSER = (PAPERS["a4"][0], 279.4 - 14 - 4)
# Spare height left on each page, for the estimate's error. Text printed in a font with
# kerning is narrower than estimated here, so lines only ever come out fewer.
SPARE = 6.0


def text_width(text: str, size: float, bold: bool = False) -> float:
    """The width in mm of `text` on one line, in Liberation Sans of `size` points."""
    table = _BOLD if bold else _REGULAR
    units = 0
    for character in text:
        code = ord(character)
        if 32 <= code <= 126:
            units += table[code - 32]
            continue
        if character in _OTHER:
            units += _OTHER[character]
            continue
        base = unicodedata.normalize("NFD", character)[:1]  # é is as wide as e
        units += table[ord(base) - 32] if base and 32 <= ord(base) <= 126 else _WIDEST
    return units / 2048 * size * MM


def lines(text: str, width: float, size: float = FONT, bold: bool = False,
          first_indent: float = 0.0) -> int:
    """How many lines `text` takes in a column `width` mm wide, broken at spaces."""
    space = text_width(" ", size, bold)
    count, used, limit = 1, 0.0, width - first_indent
    for word in _BREAKS.split(text.strip()):
        needed = text_width(word, size, bold)
        if used and used + space + needed > limit:
            count, used, limit = count + 1, needed, width
        else:
            used += (space if used else 0.0) + needed
    return count


@dataclass(frozen=True)
class Page:
    """What one printed page of a long sheet holds: prepared questions [start, end), and, on
    the last page, the closing, the "if time allows" questions and the footer."""

    start: int
    end: int
    last: bool


@dataclass(frozen=True)
class Sizes:
    """A long sheet's least heights in mm: the title, fields and opening (`top`), each prepared
    question with its least room to write, and the `tail` (the closing, "if time allows" and
    the footer) with the number of its `rows` of questions that share a page's free space."""

    top: float
    questions: tuple[float, ...]
    tail: float
    rows: int


def page_plan(sheet: Sheet, paper: str, centre: bool = False) -> tuple[Page, ...]:
    """The pages of a long sheet printed on `paper`."""
    width, height = PAPERS[paper]
    return plan(sheet_sizes(sheet, width, centre), height - SPARE)


def sheet_sizes(sheet: Sheet, width: float, centre: bool = False) -> Sizes:
    """What `sheet` holds, in mm, in a column `width` mm wide; `centre`: a centre's band."""
    tail, rows = _tail(sheet, width)
    return Sizes(
        top=_top(sheet, width) + (CENTRE_BAND if centre else 0.0),
        questions=tuple(_question(q, width - LIST_INDENT, ROOM) for q in sheet.questions),
        tail=tail, rows=rows,
    )


def plan(sizes: Sizes, limit: float) -> tuple[Page, ...]:
    """The rule: as few pages of `limit` mm as hold the sheet, then the most room to write
    under every question that still fits, so each page's free space is as even as the
    estimate allows. The sheet maker applies it in the browser too (sheet-pages.js)."""
    total = len(sizes.questions)
    for count in range(1, total + 2):
        if _pack(sizes, limit, count, 0.0) is not None:
            break
    else:  # more than fits on any number of pages: the tail on a page of its own
        count = total + 1
    low, high = 0.0, limit
    while high - low > 0.25:
        middle = (low + high) / 2
        if _pack(sizes, limit, count, middle) is None:
            high = middle
        else:
            low = middle
    cuts = _pack(sizes, limit, count, low) or [total] * (count - 1)
    bounds = [0, *cuts, total]
    return tuple(Page(bounds[i], bounds[i + 1], i == count - 1) for i in range(count))


def _pack(sizes: Sizes, limit: float, count: int, extra: float) -> list[int] | None:
    """Where pages 2.. of `count` begin (indexes into the prepared questions) when each
    question takes `extra` mm more than its least height, or None if they do not fit."""
    cuts: list[int] = []
    used = sizes.top + HEADING
    for index, height in enumerate(sizes.questions):
        if used + height + extra > limit:
            if len(cuts) == count - 1:
                return None
            cuts.append(index)
            used = 0.0
        used += height + extra
    tail = sizes.tail + sizes.rows * extra
    if used + tail > limit:
        if len(cuts) == count - 1 or tail > limit:
            return None
        cuts.append(len(sizes.questions))
    return cuts if len(cuts) == count - 1 else None


def _question(question: Question, width: float, room: float) -> float:
    height = lines(question.text, width, bold=True, first_indent=TICK) * LINE
    if question.probes:
        follow_up = gettext("Follow-up: %(probe)s") % {"probe": question.probes[0]}
        height += lines(follow_up, width, PROBE_SIZE) * PROBE_LINE
    return height + room + QUESTION_EDGE


def _top(sheet: Sheet, width: float) -> float:
    """The title, the fields and the opening."""
    # The words as the sheet prints them, in the language being built.
    title = text_width(gettext("Question sheet: %(goal)s") % {"goal": sheet.goal.title},
                       FONT * 1.35, bold=True)
    meeting = gettext("%(minutes)s-minute meeting with %(role)s") % {
        "minutes": sheet.plan.minutes, "role": sheet.role.title}
    meta = text_width(f"{meeting} \u00b7 {sheet.format.title}"
                      + (f" \u00b7 {sheet.industry.title}" if sheet.industry else ""),
                      FONT, bold=True)
    header = HEADER + (TITLE_LINE if title + 4 + meta > width else 0.0)
    agenda = gettext('Agenda: "I would like to ask about %(topics)s. I will keep to %(minutes)s '
                     'minutes."') % {"topics": join_words(sheet.topics),
                                     "minutes": sheet.plan.minutes}
    return header + OPENING + max(2, lines(agenda, width - AGENDA_INDENT)) * LINE


def _tail(sheet: Sheet, width: float) -> tuple[float, int]:
    """The closing, the "if time allows" questions and the footer: their height, and how many
    rows of questions among them share the page's free space."""
    asks = len(sheet.closing)
    height, rows = 0.0, 0
    if asks:
        column = (width - (asks - 1) * CLOSING_GAP) / asks
        tallest = max(lines(q.text, column, bold=True, first_indent=TICK) for q in sheet.closing)
        height += HEADING + tallest * LINE + ROOM + QUESTION_EDGE + THANKS
        rows += 1
    if sheet.extras:
        height += HEADING + sum(_question(q, width - EXTRAS_INDENT - LIST_INDENT, ROOM_EXTRA)
                                for q in sheet.extras)
        rows += len(sheet.extras)
    column = (width - CLOSING_GAP) / 2 - TIP_SIZE * 1.2 * MM
    reminders = sum(lines(tip.text, column, TIP_SIZE) for tip in sheet.reminders)
    after = sum(lines(tip.text, column, TIP_SIZE) for tip in sheet.after) or 2
    height += FOOTER + max(reminders, after) * TIP_LINE
    return height, rows


def browser_metrics() -> dict[str, float]:
    """The numbers of the rule above that the sheet maker applies in the browser
    (sheet-pages.js), where the student's own questions, rewordings and introduction change
    the heights: written once here, and sent in the page's data."""
    width, height = BROWSER
    metrics = {
        "width": width, "limit": height - SPARE, "font": FONT, "line": LINE,
        "probeSize": PROBE_SIZE, "probeLine": PROBE_LINE, "tipSize": TIP_SIZE,
        "tipLine": TIP_LINE, "room": ROOM, "roomExtra": ROOM_EXTRA, "edge": QUESTION_EDGE,
        "listIndent": LIST_INDENT, "tick": TICK, "extrasIndent": EXTRAS_INDENT,
        "closingGap": CLOSING_GAP, "heading": HEADING, "header": HEADER,
        "titleLine": TITLE_LINE, "opening": OPENING, "agendaIndent": AGENDA_INDENT,
        "thanks": THANKS, "footer": FOOTER, "centre": CENTRE_BAND,
    }
    return {name: round(value, 3) for name, value in metrics.items()}
