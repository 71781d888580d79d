"""Where a long meeting's printed sheet turns the page (print_pages.py), without printing: the
real PDFs are measured in tests/test_sheet_writing_space.py and tests/browser."""

from __future__ import annotations

import itertools

import pytest

from generator.core.loader import load_bank
from generator.core.model import Bank
from generator.core.sheet import SheetRequest
from generator.core.tailor import build_sheet
from generator.rendering.documents import sheet_document, sheet_pages
from generator.rendering.print_pages import lines, text_width
from tests.conftest import BANK


@pytest.fixture(scope="module")
def bank() -> Bank:
    return load_bank([BANK])


def test_lines_break_at_spaces_only_where_the_column_is_full() -> None:
    words = "How did you get your start in this field, and what would you do differently?"
    assert lines(words, 500) == 1
    assert lines(words, text_width(words, 9) / 2) == 3  # half the width, a word carried over
    assert lines("Pourquoi\u00a0?", text_width("Pourquoi", 9)) == 1  # a no-break space
    assert text_width("é", 9) == text_width("e", 9)
    assert text_width("WWW", 9, bold=True) > text_width("iii", 9, bold=True)


@pytest.mark.parametrize("paper", ["letter", "a4"])
def test_every_long_sheet_is_cut_into_pages_in_order(bank: Bank, paper: str) -> None:
    for goal, role, minutes in itertools.product(bank.goals, bank.roles, (45, 60, 90)):
        sheet = build_sheet(bank, SheetRequest(goal=goal, role=role, minutes=minutes))
        pages = sheet_pages(sheet, paper)
        where = (goal, role, minutes, paper)
        assert 2 <= len(pages) <= (2 if minutes <= 60 else 3), where
        assert pages[0].start == 0 and pages[-1].end == len(sheet.questions), where
        assert all(a.end == b.start for a, b in itertools.pairwise(pages)), where
        assert [page.last for page in pages] == [False] * (len(pages) - 1) + [True], where
        assert all(page.end > page.start for page in pages[:-1]), where


def test_a_short_meetings_sheet_is_one_flow_and_a_long_ones_html_has_its_pages(
    bank: Bank,
) -> None:
    short = build_sheet(bank, SheetRequest(goal="student", minutes=30))
    assert sheet_pages(short, "letter") == ()
    assert 'class="ii-sheet ii-sheet--fit"' in sheet_document(short)
    long = build_sheet(bank, SheetRequest(goal="student", minutes=90))
    html = sheet_document(long, "a4")
    assert 'class="ii-sheet ii-sheet--paged"' in html
    assert html.count('<div class="ii-sheet__page">') == len(sheet_pages(long, "a4")) - 2
    # Every question once, in order, and the closing after the last prepared question.
    positions = [html.index(f'id="q-{q.id}"') for q in (*long.questions, *long.closing,
                                                          *long.extras)]
    assert positions == sorted(positions)
