"""Printing a sheet page prints the sheet alone, black on white: records on one page, sheets on one sheet of paper."""

from __future__ import annotations

import io
from collections.abc import Callable

import pypdf
import pytest
from playwright.sync_api import Page

pytestmark = pytest.mark.browser

SHEET = "sheets/career-change.html"
SCHEMES = {"light": "default", "dark": "slate"}
SCREEN_ONLY = {
    "header": ".md-header",
    "tabs": ".md-tabs",
    "navigation": ".md-sidebar",
    "navigation links": ".md-nav",
    "footer": ".md-footer",
    "search": ".md-search",
    "print button": "button[data-ii-print]",
}
BLACK = "rgb(0, 0, 0)"
WHITE = "rgb(255, 255, 255)"

# The colour actually behind an element: the first ancestor (or itself) with a background.
BACKGROUND_JS = """el => {
  for (let node = el; node; node = node.parentElement) {
    const colour = getComputedStyle(node).backgroundColor;
    if (colour !== "rgba(0, 0, 0, 0)" && colour !== "transparent") return colour;
  }
  return "rgb(255, 255, 255)";  // the canvas
}"""


def pdf_page_count(pdf: bytes) -> int:
    return len(pypdf.PdfReader(io.BytesIO(pdf)).pages)


@pytest.fixture(params=list(SCHEMES))
def print_page(request: pytest.FixtureRequest, site_url: str,
               new_page: Callable[..., Page]) -> Page:
    page = new_page(color_scheme=request.param, viewport={"width": 1280, "height": 900})
    page.goto(site_url + SHEET)
    assert page.get_attribute("body", "data-md-color-scheme") == SCHEMES[request.param]
    # The print button is shown by script; check it exists on screen before it must vanish.
    assert page.locator("button[data-ii-print]").is_visible()
    page.emulate_media(media="print")
    return page


def test_print_shows_the_sheet_only(print_page: Page) -> None:
    page = print_page
    shown = [name for name, selector in SCREEN_ONLY.items()
             if any(element.is_visible() for element in page.locator(selector).all())]
    assert not shown, f"visible in print: {shown}"
    assert page.locator(".ii-sheet").is_visible()
    assert page.locator(".ii-sheet .ii-q__text").count() > 0


def test_print_is_black_on_white(print_page: Page) -> None:
    page = print_page
    for selector in (".ii-sheet .ii-q__text", ".ii-sheet h1", ".ii-sheet h2"):
        for element in page.locator(selector).all():
            colour = element.evaluate("el => getComputedStyle(el).color")
            assert colour == BLACK, f"{selector} prints in {colour}"
            background = element.evaluate(BACKGROUND_JS)
            assert background == WHITE, f"{selector} prints on {background}"
    assert page.evaluate("getComputedStyle(document.body).backgroundColor") == WHITE


@pytest.mark.parametrize("scheme", list(SCHEMES))
def test_every_handout_prints_on_one_sheet_of_paper(
    scheme: str, pages: list[str], site_url: str, new_page: Callable[..., Page]
) -> None:
    """The browser's own print of each goal's sheet, the sheet maker, each record and the
    checklist, on both papers. Records and the checklist take one page; a 30-minute sheet
    takes two (one sheet printed on both sides) with the whole meeting on page 1."""
    printable = [name for name in pages
                 if name.startswith(("sheets/", "records/")) and name != "sheets/index.html"]
    printable.append("guide/checklist.html")
    assert len(printable) >= 8
    page = new_page(color_scheme=scheme, viewport={"width": 1280, "height": 900})
    too_long = []
    for name in printable:
        page.goto(site_url + name)  # returns once the page's scripts have run (new_page)
        page.emulate_media(media="print")
        sheet = name.startswith("sheets/")
        for paper in ("Letter", "A4"):
            pdf = page.pdf(format=paper, print_background=True)
            count = pdf_page_count(pdf)
            if count != (2 if sheet else 1):
                too_long.append(f"{name} takes {count} pages of {paper}")
            first = pypdf.PdfReader(io.BytesIO(pdf)).pages[0].extract_text()
            if sheet and "Thank them, and say when you will follow up." not in first:
                too_long.append(f"{name}: the closing is not on page 1 of {paper}")
    assert not too_long, too_long
