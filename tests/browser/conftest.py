"""Real-browser fixtures: the built site served over HTTP, and one Chromium per session.

Every test in this folder needs Chromium. Without it the tests are skipped on a developer's
machine, but fail when CI is set, so a CI image that lost Chromium cannot pass silently.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import (
    Browser,
    BrowserContext,
    ConsoleMessage,
    Locator,
    Page,
    sync_playwright,
)

from generator.edition.accessibility_check import serve as serve_site

# Debian's Chromium unless INFOINTERVIEW_CHROMIUM names another (a Chromium or Chrome binary).
CHROMIUM = Path(os.environ.get("INFOINTERVIEW_CHROMIUM") or "/usr/bin/chromium")
MISSING_CHROMIUM = (
    f"Chromium not found at {CHROMIUM}; install it with apt-get install chromium, "
    "or set INFOINTERVIEW_CHROMIUM to its path"
)
# Quiet, deterministic Chromium: no GPU, and none of the browser's own background traffic
# (updates, sync, safe browsing lists), which would otherwise show up as external requests.
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
# The sub-path the site is served under in the sub-path tests, as an LMS or a career centre's
# web server would host it.
SUB_PATH = "careers/guide/"
# Long enough for a slow 2-core machine, short enough that a hang fails quickly.
TIMEOUT_MS = 15_000


def _chromium_available() -> bool:
    return CHROMIUM.is_file() and os.access(CHROMIUM, os.X_OK)


def require_chromium() -> None:
    """Skip (developer machine) or fail (CI) when Chromium is missing."""
    if _chromium_available():
        return
    if os.environ.get("CI"):
        pytest.fail(MISSING_CHROMIUM, pytrace=False)
    pytest.skip(MISSING_CHROMIUM)


@pytest.fixture(autouse=True)
def _chromium_required() -> None:
    """Runs before every browser test, so not one of them is collected and then errors."""
    require_chromium()


# --- The site ---------------------------------------------------------------------------


def site_pages(site: Path) -> list[str]:
    """Every HTML page of a built site, as sorted POSIX paths relative to the site root.

    404.html is kept: the server serves it at the site root, where its root-absolute links
    (MkDocs writes them so the page works at any missing URL) resolve.
    """
    pages = sorted(path.relative_to(site).as_posix() for path in site.rglob("*.html"))
    # A walk that finds nothing would make every "for each page" test pass vacuously.
    assert "index.html" in pages, f"no index.html in {site}"
    return pages


@pytest.fixture(scope="session")
def pages(built_site: Path) -> list[str]:
    return site_pages(built_site)


# --- The HTTP server ----------------------------------------------------------------------


# The product's own server (`infointerview check-accessibility` serves a site with it).
serve = serve_site


@pytest.fixture(scope="session")
def site_url(built_site: Path) -> Iterator[str]:
    """The built site served at the root of a local server: "http://127.0.0.1:PORT/"."""
    with serve(built_site) as url:
        yield url


@pytest.fixture(scope="session")
def sub_path_url(built_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The built site served under SUB_PATH: "http://127.0.0.1:PORT/careers/guide/"."""
    parent = tmp_path_factory.mktemp("host")
    shutil.copytree(built_site, parent / SUB_PATH)
    with serve(parent) as url:
        yield url + SUB_PATH


def is_local(url: str, base_url: str) -> bool:
    """True for requests that stay on the local server (or are data:/blob: URLs in the page)."""
    parts = urlsplit(url)
    if parts.scheme in {"data", "blob", "about"}:
        return True
    return parts.netloc == urlsplit(base_url).netloc and parts.scheme in {"http", "https"}


# --- The browser --------------------------------------------------------------------------


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """One Chromium for the whole session (launching it costs about a second)."""
    require_chromium()
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        yield chromium
        chromium.close()


@dataclass
class PageLog:
    """What a page did: every request, console errors and uncaught exceptions."""

    requests: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)

    def clear(self) -> None:
        self.requests.clear()
        self.console_errors.clear()
        self.page_errors.clear()


def watch(page: Page) -> PageLog:
    """Record a page's requests, console errors and page errors from now on."""
    log = PageLog()
    page.on("request", lambda request: log.requests.append(request.url))

    def on_console(message: ConsoleMessage) -> None:
        if message.type == "error":
            log.console_errors.append(f"{message.text} ({message.location.get('url', '')})")

    page.on("console", on_console)
    page.on("pageerror", lambda error: log.page_errors.append(str(error)))
    return log


@pytest.fixture
def new_page(browser: Browser) -> Iterator[Callable[..., Page]]:
    """A factory of pages, each in a fresh context (own storage) with the given options.

    Contexts are closed when the test ends, so one test's palette choice or search state never
    leaks into the next.
    """
    contexts: list[BrowserContext] = []

    def make(**context_options: object) -> Page:
        context = browser.new_context(**context_options)
        context.set_default_timeout(TIMEOUT_MS)
        contexts.append(context)
        page = context.new_page()
        if context_options.get("java_script_enabled") is not False:
            navigations_wait_for_scripts(page)
        return page

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def page(new_page: Callable[..., Page]) -> Page:
    """A page in light mode at a desktop size, where Material shows tabs and sidebars."""
    return new_page(color_scheme="light", viewport={"width": 1280, "height": 900})


# --- The sheet maker -----------------------------------------------------------------------

def scripts_ran(page: Page) -> Page:
    """Wait until the page's own scripts have run. A page whose front matter lists scripts
    (the sheet maker, the composer, the records...) starts them after its first paint, once it
    has loaded (site_overrides/assets/javascripts/after-paint.js), so `goto`, which waits for
    the load event, returns before them."""
    if page.locator("script[data-ii-after-paint]").count():
        page.locator("html[data-ii-after-paint=ran]").wait_for(state="attached")
    return page


def navigations_wait_for_scripts(page: Page) -> None:
    """Make the page's goto, reload, go_back and go_forward return once the new page's own
    scripts have run (scripts_ran), as a reader's first tap comes after them; without this, a
    test could act on a control before its script is there. Not with `wait_until="commit"`
    or `"domcontentloaded"`, which ask to return early. A navigation by a click is waited
    for by the test (scripts_ran)."""
    def waiting(navigate: Callable[..., Any]) -> Callable[..., Any]:
        def navigate_and_wait(*args: Any, **kwargs: Any) -> Any:
            response = navigate(*args, **kwargs)
            if kwargs.get("wait_until") not in ("commit", "domcontentloaded"):
                scripts_ran(page)
            return response
        return navigate_and_wait

    for name in ("goto", "reload", "go_back", "go_forward"):
        setattr(page, name, waiting(getattr(page, name)))


def open_maker(page: Page, url: str) -> Page:
    """Open the sheet maker at `url`, its scripts run."""
    page.goto(url)
    page.locator("html[data-ii-after-paint=ran]").wait_for(state="attached")
    return page


# --- Material's search --------------------------------------------------------------------

SEARCH_INPUT = ".md-search__input"
SEARCH_RESULT = ".md-search-result__item"


def open_search_and_type(page: Page, query: str) -> Locator:
    """Search as a mouse user does; return the results once the first one is visible.

    The results come from Material's search worker, so seeing one proves the worker started,
    loaded the index and answered.
    """
    page.locator(SEARCH_INPUT).click()
    page.keyboard.type(query)
    results = page.locator(SEARCH_RESULT)
    results.first.wait_for(state="visible")
    settle(page)
    return results


def settle(page: Page) -> None:
    """Wait for CSS transitions to end: Material fades the search results in, and a colour
    measured mid-fade (by axe or by a test) is a colour nobody reads."""
    page.wait_for_function(
        "document.getAnimations().every(a => a.playState !== 'running')", polling=50,
    )
