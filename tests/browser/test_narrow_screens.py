"""On a 320 px phone no guide page scrolls sideways: templates and the composer wrap.

320 CSS pixels is the width WCAG 1.4.10 (Reflow) asks content to fit without scrolling in two
directions.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.sync_api import Page

pytestmark = pytest.mark.browser

PHONE = {"width": 320, "height": 640}
SIDEWAYS_JS = "[document.scrollingElement.scrollWidth, document.scrollingElement.clientWidth]"


def test_no_guide_page_scrolls_sideways_at_320_pixels(
    pages: list[str], site_url: str, new_page: Callable[..., Page],
) -> None:
    guide = [name for name in pages if name.startswith("guide/")]
    assert "guide/messages.html" in guide and "guide/asking.html" in guide
    page = new_page(color_scheme="light", viewport=PHONE)
    too_wide = []
    for name in guide:
        page.goto(site_url + name)
        if name == "guide/messages.html":
            # A long unbroken word typed into the composer must wrap too.
            page.fill("#ii-field-field", "hospital-management-and-administration-in-rural-areas")
        scroll_width, client_width = page.evaluate(SIDEWAYS_JS)
        if scroll_width > client_width:
            too_wide.append(f"{name}: {scroll_width} px of content in {client_width} px")
    assert not too_wide, too_wide


def test_templates_are_not_code_blocks(site_url: str, new_page: Callable[..., Page]) -> None:
    page = new_page(color_scheme="light", viewport=PHONE)
    page.goto(site_url + "guide/asking.html")
    block = page.locator('[data-ii-template="outreach"]')
    assert block.evaluate("el => getComputedStyle(el).whiteSpace") == "pre-wrap"
    assert page.locator(".md-typeset pre code").count() == 0
    box = block.bounding_box()
    assert box is not None and box["x"] + box["width"] <= PHONE["width"]
