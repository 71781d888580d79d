"""The language menu, as a student uses it: from disk and under a sub-path it opens the same page
in French, and the sheet maker there shows the same sheet, with the same questions, in French."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import Page

from .conftest import open_maker, scripts_ran, watch

pytestmark = pytest.mark.browser

MAKER = "sheets/make.html"
EXAMPLE = "#goal=student&role=recruiter&format=video&industry=healthcare&minutes=20"
SHEET_IDS = "el => Array.from(el.querySelectorAll('li.ii-q[id]')).map(li => li.id)"


def choose_language(page: Page, name: str) -> None:
    page.locator(".md-header__option .md-select button").first.hover()
    page.locator(f"a[data-ii-language]:has-text('{name}')").click()


def start(where: str, built_site: Path, sub_path_url: str) -> str:
    return built_site.as_uri() + "/" if where == "file" else sub_path_url


@pytest.mark.parametrize("where", ["file", "sub-path"])
def test_the_menu_opens_the_same_sheet_in_french_and_back(
    where: str, built_site: Path, sub_path_url: str, new_page: Callable[..., Page],
) -> None:
    page = new_page(color_scheme="light", viewport={"width": 1280, "height": 900})
    log = watch(page)
    root = start(where, built_site, sub_path_url)
    open_maker(page, root + MAKER + EXAMPLE)
    sheet = page.locator(".ii-sheet")
    english_ids = sheet.evaluate(SHEET_IDS)
    assert english_ids
    choose_language(page, "Français")
    page.wait_for_url(f"{root}fr/{MAKER}{EXAMPLE}")
    scripts_ran(page)
    assert page.locator("html").get_attribute("lang") == "fr"
    assert page.locator("#ii-maker-goal").input_value() == "student"
    assert page.locator(".ii-sheet").evaluate(SHEET_IDS) == english_ids
    status = page.locator("[data-ii-maker-status]").text_content() or ""
    assert "Sheet for" not in status and status.strip()
    choose_language(page, "English")
    page.wait_for_url(f"{root}{MAKER}{EXAMPLE}")
    assert page.locator("html").get_attribute("lang") == "en"
    assert not log.console_errors and not log.page_errors, log


def test_on_a_phone_the_menu_keeps_the_section_being_read(
    site_url: str, new_page: Callable[..., Page],
) -> None:
    page = new_page(color_scheme="dark", viewport={"width": 390, "height": 844})
    page.goto(site_url + "guide/asking.html#what-to-write")
    choose_language(page, "Français")
    page.wait_for_url(site_url + "fr/guide/asking.html#what-to-write")
    heading = page.locator("#what-to-write")
    assert heading.count() == 1
    assert "What to write" not in (heading.text_content() or "")
    assert heading.is_visible()
