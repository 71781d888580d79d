"""The printable checklist: a print button, and one-page PDFs on Letter and A4 built with the site."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import pypdf
import pytest
from playwright.sync_api import Page

from generator.core.loader import load_bank
from tests.conftest import BANK

pytestmark = pytest.mark.browser

PAGE = "guide/checklist.html"
PAPERS = {"US Letter": ("checklist-letter.pdf", (612, 792)), "A4": ("checklist-a4.pdf", (595, 842))}


@pytest.mark.parametrize("label", list(PAPERS))
def test_the_checklist_pdfs_are_one_page_with_every_tip(built_site: Path, label: str) -> None:
    name, size = PAPERS[label]
    reader = pypdf.PdfReader(io.BytesIO((built_site / "guide" / name).read_bytes()))
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == size
    text = " ".join(reader.pages[0].extract_text().split())
    for tip in load_bank([BANK]).tips.values():
        assert " ".join(tip.text.split()) in text, tip.id


@pytest.mark.parametrize("label", list(PAPERS))
def test_the_checklist_page_links_to_its_pdfs(
    label: str, site_url: str, new_page: Callable[..., Page],
) -> None:
    page = new_page(color_scheme="light", viewport={"width": 1280, "height": 900})
    page.goto(site_url + PAGE)
    link = page.get_by_role("link", name=label, exact=True)
    response = page.request.get(link.evaluate("a => a.href"))
    assert response.status == 200
    assert response.headers["content-type"] == "application/pdf"
    assert response.body().startswith(b"%PDF-")
    assert link.get_attribute("href") == PAPERS[label][0]


def test_the_print_button_prints_the_checklist(
    site_url: str, new_page: Callable[..., Page],
) -> None:
    page = new_page(color_scheme="light", viewport={"width": 1280, "height": 900})
    # Count calls to the browser's print dialog instead of opening it.
    page.add_init_script("window.__prints = 0; window.print = () => { window.__prints += 1; };")
    page.goto(site_url + PAGE)
    button = page.get_by_role("button", name="Print this checklist")
    assert button.is_visible()
    button.click()
    assert page.evaluate("window.__prints") == 1
    page.emulate_media(media="print")
    assert not button.is_visible()


def test_without_javascript_there_is_no_dead_print_button(
    site_url: str, new_page: Callable[..., Page],
) -> None:
    page = new_page(color_scheme="light", java_script_enabled=False)
    page.goto(site_url + PAGE)
    assert not page.get_by_role("button", name="Print this checklist").is_visible()
    assert page.get_by_role("link", name="A4", exact=True).is_visible()
