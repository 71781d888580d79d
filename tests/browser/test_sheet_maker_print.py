"""A long meeting's sheet (45-90 minutes) printed from the sheet maker, with what a student adds:
the same rule for turning the page as the PDFs (print_pages.plan, applied in the browser by
sheet-pages.js), and on paper, measured with a ruler, the closing whole on the last page, room
to write under every question and the last page's free space shared out, on Letter and A4,
in English and French.
(The short meetings' page 1 is tested in tests/browser/test_sheet_maker.py.)"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page

from generator.core.loader import load_bank
from generator.core.model import Bank
from generator.core.sheet import SheetRequest
from generator.core.tailor import build_sheets
from generator.rendering import print_pages
from tests.conftest import BANK
from tests.pdf_layout import find_line, pdf_lines, space_below
from tests.test_sheet_writing_space import LAST_PAGE_BLANK, LAST_PAGE_SPREAD

from .conftest import open_maker
from .test_sheet_maker import LONG_INTRO, MAKER, OWN_QUESTIONS

pytestmark = pytest.mark.browser
LONG_MINUTES = (45, 60, 90)


@pytest.fixture(scope="module")
def bank() -> Bank:
    return load_bank([BANK])


def test_the_maker_turns_the_page_by_pythons_rule_for_every_long_sheet_of_the_grid(
    bank: Bank, site_url: str, new_page: Callable[..., Page],
) -> None:
    """The browser's copy of the rule (sheet-pages.js `plan`) cuts every long sheet of the
    goal x role x industry grid where print_pages.plan does, from the same heights, including
    sheets too long for any number of pages."""
    requests = [SheetRequest(goal=goal, role=role, industry=industry, minutes=minutes)
                for goal, role, industry, minutes in itertools.product(
                    bank.goals, bank.roles, [None, *bank.industries], LONG_MINUTES)]
    width, height = print_pages.BROWSER
    limit = height - print_pages.SPARE
    cases = []
    for sheet in build_sheets(bank, requests):
        sizes = print_pages.sheet_sizes(sheet, width)
        # Also on shorter pages: more pages, and on pages too short for anything, the fallback.
        cases += [(sizes, limit), (sizes, limit * 0.3), (sizes, 10.0)]
    page = new_page()
    open_maker(page, site_url + MAKER)
    got = page.evaluate(
        """([cases, heading]) => cases.map(([top, questions, tail, rows, limit]) =>
             window.infointerviewSheetPages.plan({top, questions, tail, rows}, {heading, limit})
               .map(p => [p.start, p.end, p.last]))""",
        [[[s.top, list(s.questions), s.tail, s.rows, lim] for s, lim in cases],
         print_pages.HEADING])
    want = [[[p.start, p.end, p.last] for p in print_pages.plan(s, lim)] for s, lim in cases]
    assert len(got) == len(want) == 3 * len(requests)
    assert got == want
    assert {len(pages) for pages in want[::3]} == {2, 3}
    assert max(len(pages) for pages in want[1::3]) > 3


def _printed_parts(page: Page) -> dict[str, Any]:
    """The sheet's texts as the student sees them: prepared questions (their own included) in
    order, closing asks, "if time allows", and the prepared questions of the last page."""
    return page.evaluate("""() => {
        const text = (nodes) => Array.from(nodes, n => n.querySelector('.ii-q__text').textContent);
        const sheet = document.querySelector('.ii-sheet');
        const lists = sheet.querySelectorAll('.ii-sheet__main > .ii-questions');
        return {
          prepared: text(sheet.querySelectorAll('.ii-sheet__main > .ii-questions > li')),
          closing: text(sheet.querySelectorAll('[data-ii-slot=closing] > li')),
          extras: text(sheet.querySelectorAll('[data-ii-slot=extras] > li')),
          thanks: sheet.querySelector('[data-ii-slot=thanks]').textContent,
          lastPage: sheet.querySelector('.ii-sheet__rest .ii-sheet__main')
            ? text(lists[lists.length - 1].children) : [],
          pages: sheet.classList.contains('ii-sheet--paged')
            ? 2 + sheet.querySelectorAll('.ii-sheet__page').length : 1,
        };
    }""")


@pytest.mark.parametrize(("language", "minutes"),
                         [*(("en", minutes) for minutes in LONG_MINUTES), ("fr", 60)])
def test_a_long_sheet_from_the_maker_prints_in_pages_that_share_their_free_space(
    language: str, minutes: int, site_url: str, new_page: Callable[..., Page], tmp_path: Path,
) -> None:
    """With a three-line introduction, a long organisation name and three questions of the
    student's own: the pages the maker laid out are the pages printed, the closing is whole on
    the last, 12 mm under every prepared and closing question and 8 mm under "if time
    allows", and on the last page the rooms are alike and little paper is left blank."""
    choice = f"#goal=career-change&role=practitioner&format=in-person&industry=healthcare&minutes={minutes}"
    page = new_page(viewport={"width": 1280, "height": 900})
    open_maker(page, site_url + ("fr/" if language == "fr" else "") + MAKER + choice)
    page.fill("#ii-maker-intro", LONG_INTRO)
    page.fill("#ii-maker-organisation", "Northfield University Hospitals NHS Foundation Trust, "
                                        "Clinical Research Facility")
    for text in OWN_QUESTIONS[:3]:
        page.fill("#ii-maker-own", text)
        page.click("[data-ii-maker-add]")
    parts = _printed_parts(page)
    assert OWN_QUESTIONS[0] in parts["prepared"]
    page.emulate_media(media="print")
    for paper in ("Letter", "A4"):
        pdf = tmp_path / f"maker-{minutes}-{paper}.pdf"
        pdf.write_bytes(page.pdf(format=paper, print_background=True))
        lines, heights = pdf_lines(pdf)
        where = f"maker {language} {minutes} min {paper}"
        thanks = parts["thanks"]
        last = len(heights)
        # What the student adds may take a page more than the bank's sheet (at most two pages
        # up to 60 minutes, tests/test_print_pages.py); never a page the maker did not lay out.
        assert last == parts["pages"] >= 2, f"{where}: {last} pages, laid out as {parts['pages']}"

        for text in parts["prepared"]:
            assert space_below(lines, heights, text) >= 12, (where, text)
        for text in [*parts["closing"], thanks]:
            assert find_line(lines, text, last), (where, text)
        rooms = {text: space_below(lines, heights, text, until=thanks, page=last)
                 for text in parts["closing"]}
        assert min(rooms.values()) >= 12, (where, rooms)
        rooms = {"closing": min(rooms.values())}
        for text in parts["lastPage"]:
            rooms[text] = space_below(lines, heights, text, page=last)
        for text in parts["extras"]:
            room = space_below(lines, heights, text, page=last)
            assert room >= 8, (where, text)
            rooms[text] = room + 3.7  # an "if time allows" question's least room is less
        spread = max(rooms.values()) - min(rooms.values())
        assert spread <= LAST_PAGE_SPREAD, f"{where}: rooms differ by {spread:.1f} mm: {rooms}"
        bottom = max((line for line in lines if line.page == last), key=lambda line: line.bottom)
        blank = space_below(lines, heights, bottom.text, page=last)
        assert blank <= LAST_PAGE_BLANK, f"{where}: {blank:.1f} mm blank at the bottom"
