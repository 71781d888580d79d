"""A long meeting's sheet (45-90 minutes) printed by Chromium, as a student prints the HTML file
the CLI writes: the same pages as WeasyPrint's PDF, the closing whole on the last page, and the
last page's free space shared out as room to write under its questions, on Letter and A4
(tests/test_sheet_writing_space.py holds the same checks for WeasyPrint)."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import Page

from generator.core.centre import Centre
from generator.core.loader import load_bank
from generator.core.model import Bank
from generator.core.sheet import SheetRequest
from generator.core.tailor import build_sheet
from generator.rendering import render
from generator.rendering.documents import sheet_document
from tests.conftest import BANK
from tests.pdf_layout import find_line, pdf_lines
from tests.test_sheet_writing_space import (
    CLOSING_THANKS,
    LONG_PAGES,
    assert_last_page_shares_its_space,
    assert_room_to_write,
)

pytestmark = pytest.mark.browser
PAPERS = {"letter": "Letter", "a4": "A4"}


@pytest.fixture(scope="module")
def bank() -> Bank:
    return load_bank([BANK])


@pytest.mark.parametrize(("minutes", "paper"), list(itertools.product(LONG_PAGES, PAPERS)))
def test_a_long_meetings_last_page_shares_its_free_space_in_chromium(
    bank: Bank, minutes: int, paper: str, new_page: Callable[..., Page], tmp_path: Path,
) -> None:
    page = new_page(color_scheme="light")
    page.emulate_media(media="print")
    for goal, role in zip(bank.goals, itertools.cycle(bank.roles), strict=False):
        sheet = build_sheet(bank, SheetRequest(goal=goal, role=role, minutes=minutes))
        page.set_content(sheet_document(sheet, paper))
        pdf = tmp_path / f"{goal}-{minutes}-{paper}.pdf"
        pdf.write_bytes(page.pdf(format=PAPERS[paper], print_background=True))
        lines, heights = pdf_lines(pdf)
        where = f"Chromium {goal} {role} {minutes} min {paper}"
        assert_room_to_write(sheet, lines, heights, where)
        assert_last_page_shares_its_space(sheet, paper, lines, heights, where)


@pytest.mark.parametrize("paper", list(PAPERS))
def test_a_centres_band_keeps_a_sheet_to_its_pages_in_chromium(
    bank: Bank, paper: str, new_page: Callable[..., Page], tmp_path: Path,
) -> None:
    """A browser prints the centre's band in the flow (WeasyPrint puts it in the margin): it
    takes its room inside page 1's column, and pushes nothing onto another page."""
    page = new_page(color_scheme="light")
    page.emulate_media(media="print")
    render.use_centre(Centre(name="Northfield University Careers Service, Faculty of Arts",
                             contact="careers@example.edu"))
    try:
        for minutes in (30, 60, 90):
            sheet = build_sheet(bank, SheetRequest(goal="explore", minutes=minutes))
            page.set_content(sheet_document(sheet, paper))
            pdf = tmp_path / f"centre-{minutes}-{paper}.pdf"
            pdf.write_bytes(page.pdf(format=PAPERS[paper], print_background=True))
            lines, heights = pdf_lines(pdf)
            where = f"Chromium with a centre, {minutes} min {paper}"
            assert find_line(lines, "From Northfield University").page == 1, where
            if minutes <= 30:
                assert len(heights) == 2, f"{where}: {len(heights)} pages"
                assert find_line(lines, CLOSING_THANKS).page == 1, where
            else:
                assert_last_page_shares_its_space(sheet, paper, lines, heights, where)
    finally:
        render.use_centre(None)
