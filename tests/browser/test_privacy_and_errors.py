"""No page talks to another host, logs an error or throws; search works without the network.

The guide promises privacy (no fonts, analytics or CDNs) and must work offline, so a request to
any host but the local server is a bug, however harmless it looks.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.sync_api import Page

from .conftest import PageLog, is_local, open_search_and_type, watch

pytestmark = pytest.mark.browser

DESKTOP = {"width": 1280, "height": 900}


def problems(name: str, log: PageLog, site_url: str) -> list[str]:
    """Everything a page should not have done, one line each."""
    found = [f"{name}: request to another host: {url}"
             for url in log.requests if not is_local(url, site_url)]
    found += [f"{name}: console error: {text}" for text in log.console_errors]
    found += [f"{name}: uncaught exception: {text}" for text in log.page_errors]
    return found


# That no page requests another host, logs an error or throws is checked on the walk over every
# page that test_page_weight.py makes over http (one walk instead of two).


def test_search_shows_results_without_external_requests(
    site_url: str, new_page: Callable[..., Page],
) -> None:
    page = new_page(color_scheme="light", viewport=DESKTOP)
    log = watch(page)
    page.goto(site_url + "sheets/index.html")
    results = open_search_and_type(page, "thank")
    page.wait_for_load_state("networkidle")
    assert results.count() > 0
    assert "thank" in results.first.inner_text().lower()
    meta = page.locator(".md-search-result__meta").inner_text()
    assert "matching" in meta, f"search result summary: {meta!r}"
    assert any("search" in url for url in log.requests), "the search index was never loaded"
    assert not problems("search", log, site_url), problems("search", log, site_url)
