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

from generator.core.loader import load_bank
from generator.core.model import Bank
from generator.core.sheet import SheetRequest
from generator.core.tailor import build_sheet
from generator.rendering.documents import sheet_document
from tests.conftest import BANK
from tests.pdf_layout import pdf_lines
from tests.test_sheet_writing_space import (
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
