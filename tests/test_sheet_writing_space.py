"""Room to write on the printed sheets, measured on real WeasyPrint PDFs with a ruler
(`pdftotext -bbox-layout`): at least 12 mm under every prepared and closing question and 8 mm
under every "if time allows" question, the whole meeting on page 1 up to 30 minutes with
page 2's free space shared out too, at most two pages up to 60 minutes, and on a longer
meeting's sheet (45-90 minutes) the last page's free space shared out among its questions,
on Letter and A4. The same sheets printed by Chromium: tests/browser/test_long_sheet_print.py.
The sheet maker's own print (with the student's questions) is measured in
tests/browser/test_sheet_maker.py and tests/browser/test_sheet_maker_print.py."""

from __future__ import annotations

import itertools
import shutil
from pathlib import Path

import pytest

from generator.core.loader import load_bank
from generator.core.model import Bank
from generator.core.sheet import SheetRequest
from generator.core.tailor import build_sheet
from generator.rendering.documents import sheet_document, sheet_pages
from tests.conftest import BANK
from tests.pdf_layout import find_line, pdf_lines, space_below
from tests.test_pdf import MISSING

pytestmark = [
    pytest.mark.skipif(bool(MISSING), reason=f"WeasyPrint unavailable: {MISSING}"),
    pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler) missing"),
]
SHORT_MINUTES = (15, 20, 25, 30)  # page 1 holds the meeting
PAPERS = ("letter", "a4")
PAGE_HEIGHTS = {"letter": 792, "a4": 842}  # points
CLOSING_THANKS = "Thank them, and say when you will follow up."
# A long meeting's sheet: its most pages, and on its last page the most the room under one question
# may differ from another's, and the most paper left blank below the last line (mm).
LONG_PAGES = {45: 2, 60: 2, 90: 3}
LAST_PAGE_SPREAD = 4.0
LAST_PAGE_BLANK = 10.0


@pytest.fixture(scope="module")
def bank() -> Bank:
    return load_bank([BANK])


_PDFS: dict[str, Path] = {}


def _pdf(sheet, paper: str, folder: Path) -> Path:
    """The sheet's PDF; one that another test of this file has made already is not made again
    (WeasyPrint takes a second or two a sheet)."""
    from generator.rendering.pdf import pdf_bytes

    document = sheet_document(sheet, paper)
    if document not in _PDFS:
        path = folder / f"{sheet.goal.id}-{sheet.plan.minutes}-{paper}-{len(_PDFS)}.pdf"
        path.write_bytes(pdf_bytes(document))
        _PDFS[document] = path
    return _PDFS[document]


def assert_room_to_write(sheet, lines, heights, where: str) -> None:
    """12 mm under every prepared question and closing ask, 8 mm under "if time allows"; and
    every question whole on one page (its last words on the page of its first)."""
    for question in (*sheet.questions, *sheet.closing, *sheet.extras):
        first = find_line(lines, question.text)
        tail = " ".join(question.text.split()[-3:])
        # The lines below it in its column (the closing asks print side by side).
        column = [line for line in lines[lines.index(first):]
                  if line.page == first.page and not line.beside(first)]
        text = " ".join(line.text for line in column[:6])
        assert tail in text, f"{where}: {question.id} split between pages"
    for question in sheet.questions:
        room = space_below(lines, heights, question.text)
        assert room >= 12, f"{where}: {room:.1f} mm under {question.id}"
    for question in sheet.closing:
        room = space_below(lines, heights, question.text, until=CLOSING_THANKS)
        assert room >= 12, f"{where}: {room:.1f} mm under closing {question.id}"
    for question in sheet.extras:
        room = space_below(lines, heights, question.text)
        assert room >= 8, f"{where}: {room:.1f} mm under extra {question.id}"


@pytest.mark.parametrize(("minutes", "paper"), list(itertools.product(SHORT_MINUTES, PAPERS)))
def test_a_short_meetings_sheet_holds_the_whole_meeting_on_page_one_with_room_to_write(
    bank: Bank, minutes: int, paper: str, tmp_path: Path,
) -> None:
    """Every goal, with each role and with and without an industry, on two pages of the right
    size: page 1 holds the opening, the questions and the closing, and its free space goes
    under the questions, not to the bottom of the page; page 2's goes under the "if time
    allows" questions. (The long meetings' sheets:
    test_a_long_meetings_last_page_shares_its_free_space_among_its_questions.)"""
    roles = ["practitioner", "recruiter", "manager", "practitioner"]
    industries = [None, "healthcare", None, "technology"]
    for goal, role, industry in zip(bank.goals, roles, industries, strict=False):
        sheet = build_sheet(bank, SheetRequest(goal=goal, minutes=minutes, industry=industry,
                                               role=role))
        lines, heights = pdf_lines(_pdf(sheet, paper, tmp_path))
        where = f"{goal} {role} {minutes} min {paper}"
        assert len(heights) == 2, f"{where}: {len(heights)} pages"
        assert round(heights[0]) == PAGE_HEIGHTS[paper], (where, heights[0])
        assert_room_to_write(sheet, lines, heights, where)
        first_page = ["Opening", *(q.text for q in sheet.questions),
                      *(q.text for q in sheet.closing), CLOSING_THANKS]
        for text in first_page:
            assert find_line(lines, text).page == 1, f"{where}: {text}"
        assert space_below(lines, heights, CLOSING_THANKS) < 25, where
        assert find_line(lines, sheet.extras[0].text).page == 2, where
        last = max((line for line in lines if line.page == 2), key=lambda line: line.bottom)
        assert space_below(lines, heights, last.text) < 25, (where, last.text)
        for question in sheet.extras:
            assert space_below(lines, heights, question.text) > 30, (where, question.id)


def test_a_short_meeting_gets_more_room_per_question_than_a_long_one(
    bank: Bank, tmp_path: Path,
) -> None:
    rooms = {}
    for minutes in (15, 30):
        sheet = build_sheet(bank, SheetRequest(goal="explore", minutes=minutes))
        lines, heights = pdf_lines(_pdf(sheet, "letter", tmp_path))
        rooms[minutes] = min(space_below(lines, heights, q.text) for q in sheet.questions)
    assert rooms[15] > rooms[30] + 10, rooms


def test_what_is_known_is_filled_in_instead_of_left_blank(bank: Bank) -> None:
    sheet = build_sheet(bank, SheetRequest(goal="student", role="recruiter", format="video",
                                           industry="healthcare", minutes=20))
    html = sheet_document(sheet)
    for slot, value in (("role-title", "A recruiter"), ("format-title", "Video call"),
                        ("industry-title", "Healthcare")):
        assert f'data-ii-slot="{slot}">{value}</dd>' in html
    assert 'data-ii-slot="name"></dd>' in html


def assert_last_page_shares_its_space(sheet, paper: str, lines, heights, where: str) -> None:
    """The last page of a long meeting's sheet: the pages print as planned (print_pages.py)
    with the closing whole on the last, and its free space shared out as room to write under
    its questions, so the rooms differ by little (an "if time allows" question's least room is
    3.7 mm less, sheet.css, and is counted with it) and little paper is left blank below."""
    last = len(heights)
    assert last == len(sheet_pages(sheet, paper)) <= LONG_PAGES[sheet.plan.minutes], (
        f"{where}: {last} pages")
    for text in [*(q.text for q in sheet.closing), CLOSING_THANKS]:
        assert find_line(lines, text, last), f"{where}: {text} not on page {last}"
    rooms = {}
    for question in sheet.questions[sheet_pages(sheet, paper)[-1].start:]:
        rooms[question.id] = space_below(lines, heights, question.text, page=last)
    # The closing's row: the least room, under its longest ask.
    rooms["closing"] = min(space_below(lines, heights, q.text, until=CLOSING_THANKS, page=last)
                           for q in sheet.closing)
    for question in sheet.extras:
        rooms[question.id] = space_below(lines, heights, question.text, page=last) + 3.7
    spread = max(rooms.values()) - min(rooms.values())
    assert spread <= LAST_PAGE_SPREAD, f"{where}: rooms differ by {spread:.1f} mm: {rooms}"
    bottom = max((line for line in lines if line.page == last), key=lambda line: line.bottom)
    blank = space_below(lines, heights, bottom.text, page=last)
    assert blank <= LAST_PAGE_BLANK, f"{where}: {blank:.1f} mm blank at the bottom"


@pytest.mark.parametrize(("minutes", "paper"), list(itertools.product(LONG_PAGES, PAPERS)))
def test_a_long_meetings_last_page_shares_its_free_space_among_its_questions(
    bank: Bank, minutes: int, paper: str, tmp_path: Path,
) -> None:
    roles = ["recruiter", "manager", "practitioner", "practitioner"]
    industries = ["technology", None, "healthcare", None]
    for goal, role, industry in zip(bank.goals, roles, industries, strict=False):
        sheet = build_sheet(bank, SheetRequest(goal=goal, minutes=minutes, industry=industry,
                                               role=role))
        lines, heights = pdf_lines(_pdf(sheet, paper, tmp_path))
        where = f"{goal} {role} {minutes} min {paper}"
        assert_room_to_write(sheet, lines, heights, where)
        assert_last_page_shares_its_space(sheet, paper, lines, heights, where)
