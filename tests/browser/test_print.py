"""Printing a sheet page prints the sheet alone, black on white, on one page of Letter or A4."""

from __future__ import annotations

import re
import zlib
from collections.abc import Callable

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
PAGE_OBJECT = re.compile(rb"/Type\s*/Page(?![a-zA-Z])")
STREAM = re.compile(rb"stream\r?\n(.*?)\r?\nendstream", re.DOTALL)


def pdf_page_count(pdf: bytes) -> int:
    """Count page objects, including any inside compressed object streams (pure Python)."""
    count = len(PAGE_OBJECT.findall(pdf))
    for data in STREAM.findall(pdf):
        try:
            count += len(PAGE_OBJECT.findall(zlib.decompress(data)))
        except zlib.error:
            continue  # not a Flate stream (an image, a font): cannot hold page objects
    return count


def test_pdf_page_count_counts_pages() -> None:
    """The counter itself: page objects count, the page tree (/Type /Pages) does not."""
    fake = (b"1 0 obj << /Type /Pages /Count 2 >> endobj 2 0 obj << /Type /Page >> endobj "
            b"3 0 obj <</Type/Page/Parent 1 0 R>> endobj")
    hidden = zlib.compress(b"<< /Type /Page >>")
    assert pdf_page_count(fake) == 2
    assert pdf_page_count(fake + b"stream\n" + hidden + b"\nendstream") == 3


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


@pytest.mark.parametrize("paper", ["Letter", "A4"])
def test_sheet_prints_on_one_page(print_page: Page, paper: str) -> None:
    pdf = print_page.pdf(format=paper, print_background=True)
    assert pdf.startswith(b"%PDF")
    assert pdf_page_count(pdf) == 1, f"{SHEET} takes {pdf_page_count(pdf)} pages of {paper}"
