"""The site works opened from disk (file://) and served under a sub-path, as an LMS hosts it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from urllib.parse import urldefrag, urlsplit

import pytest
from playwright.sync_api import Page

from .conftest import open_search_and_type, scripts_ran, watch

pytestmark = pytest.mark.browser

DESKTOP = {"width": 1280, "height": 900}
# Home, a guide chapter, a generated sheet and the question bank: one of each kind of page.
SUB_PATH_PAGES = [
    "index.html",
    "guide/preparing.html",
    "guide/messages.html",
    "sheets/career-change.html",
    "questions/index.html",
]
LOCAL_SCHEMES = {"file", "data", "blob", "about"}

# Every same-origin URL the page refers to: links, stylesheets, scripts, icons, images.
REFERENCES_JS = """() => {
  const urls = [];
  for (const el of document.querySelectorAll("a[href], link[href]")) urls.push(el.href);
  for (const el of document.querySelectorAll("script[src], img[src]")) urls.push(el.src);
  return urls.filter(u => u.startsWith(location.origin + "/"));
}"""


def test_site_works_from_disk(built_site: Path, new_page: Callable[..., Page]) -> None:
    page = new_page(color_scheme="light", viewport=DESKTOP)
    log = watch(page)
    page.goto((built_site / "index.html").as_uri())
    # Follow a link the way a reader does, to a page in another folder.
    page.locator(".md-tabs__link", has_text="Question bank").click()
    page.wait_for_url("**/questions/index.html")
    scripts_ran(page)  # the bank's filter says how many questions it shows
    assert page.locator("[data-ii-filter-count]").inner_text().startswith("Showing ")
    results = open_search_and_type(page, "thank")
    assert results.count() > 0
    page.wait_for_load_state("networkidle")
    other = [url for url in log.requests if urlsplit(url).scheme not in LOCAL_SCHEMES]
    assert not other, f"requests that are not file://: {other}"
    assert not log.page_errors, log.page_errors
    assert not log.console_errors, log.console_errors


def broken_references(page: Page, site_root: str) -> list[str]:
    """Same-origin references on the loaded page that leave the site or do not answer 200."""
    problems = []
    urls = sorted({urldefrag(url).url for url in page.evaluate(REFERENCES_JS)})
    assert urls, "no same-origin references found"
    for url in urls:
        if not url.startswith(site_root):
            problems.append(f"{url} is outside the site's folder {site_root}")
            continue
        status = page.request.get(url).status
        if status != 200:
            problems.append(f"{url} answered {status}")
    return problems


@pytest.mark.parametrize("name", SUB_PATH_PAGES)
def test_site_works_under_a_sub_path(
    name: str, sub_path_url: str, new_page: Callable[..., Page],
) -> None:
    page = new_page(color_scheme="light", viewport=DESKTOP)
    failed: list[str] = []
    page.on("response", lambda response: response.status >= 400 and failed.append(
        f"{response.url} answered {response.status}"))
    page.on("requestfailed", lambda request: failed.append(f"{request.url} failed"))
    page.goto(sub_path_url + name, wait_until="networkidle")
    # Material's own stylesheet is applied (a missing one would leave an unstyled page).
    assert page.locator(".md-header").evaluate("el => getComputedStyle(el).position") == "sticky"
    problems = failed + broken_references(page, sub_path_url)
    assert not problems, f"{name} under /{urlsplit(sub_path_url).path.strip('/')}/:\n" + \
        "\n".join(problems)


def test_search_works_under_a_sub_path(sub_path_url: str, new_page: Callable[..., Page]) -> None:
    page = new_page(color_scheme="light", viewport=DESKTOP)
    page.goto(sub_path_url + "guide/preparing.html")
    results = open_search_and_type(page, "thank")
    link = results.first.locator("a").first.get_attribute("href") or ""
    assert link.startswith(sub_path_url), f"search result {link} leaves {sub_path_url}"
