"""A first visit is light: each page's bytes before any interaction stay within its budget, and
search loads its index only when the reader first uses the search box (issue 25).

Budgets: a first visit to any page transfers at most 350 KB before the reader does anything;
the sheet maker and the question bank page, which carry their data, at most 700 KB. Counted
over http (the bytes each response took on the wire, headers included, as a static server
without compression sends them) and from file:// (the size of every file the page asked for,
the iframe-worker's frame included), in every language. The sheet maker's question finder
loads which questions suit a meeting (bank-suits.js) only when it is first used.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, Request

from .conftest import SEARCH_INPUT, SEARCH_RESULT, scripts_ran, site_pages, watch
from .test_privacy_and_errors import problems

pytestmark = pytest.mark.browser

KB = 1000
BUDGET = 350 * KB
# The two pages whose data is part of the page: every sheet's questions, every bank question.
DATA_PAGES = {"sheets/make.html": 700 * KB, "questions/index.html": 700 * KB}
INDEX = "search/search_index"  # .json over http, .js (the offline plugin's copy) from disk
PHONE = {"width": 390, "height": 844}


def in_the_language_root(path: str) -> str:
    """A page's path inside its language's site: `fr/sheets/make.html` is `sheets/make.html`."""
    first, _, rest = path.partition("/")
    return rest if rest and re.fullmatch(r"[a-z]{2,3}(-[A-Za-z0-9]+)*", first) else path


def budget(path: str) -> int:
    return DATA_PAGES.get(in_the_language_root(path), BUDGET)


MAKER = "sheets/make.html"
SUITS = "assets/javascripts/bank-suits.js"  # the question finder's, loaded when it is used


def visited_pages(site: Path) -> list[str]:
    # 404.html is left out: its links are root-absolute, for a server's error page.
    return [path for path in site_pages(site) if path != "404.html"]


# Pages loading at once in a walk over every page: each waits for half a second of quiet on
# the network (QUIET_SECONDS, as Playwright's "networkidle"), and the waits overlap.
AT_ONCE = 6
QUIET_SECONDS = 0.5
LONGEST_VISIT = 20.0
Visit = Callable[[], tuple[int, list[str]]]


class Traffic:
    """A page's requests from now on: each one started, and each one finished or failed."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.started: list[Request] = []
        self.finished: list[Request] = []
        self.failed: list[Request] = []
        self.last_event = time.monotonic()

        def keeper(requests: list[Request]) -> Callable[[Request], None]:
            def keep(request: Request) -> None:  # Playwright wants a function, not a method
                requests.append(request)
                self.last_event = time.monotonic()
            return keep

        self._listeners = [("request", keeper(self.started)),
                           ("requestfinished", keeper(self.finished)),
                           ("requestfailed", keeper(self.failed))]
        for event, listener in self._listeners:
            page.on(event, listener)

    def settled(self) -> tuple[int, int]:
        return len(self.started), len(self.finished) + len(self.failed)

    def wait_until_quiet(self) -> None:
        """Wait until the page's own scripts have run (they start after the first paint,
        after-paint.js), then until every request it made has ended and none has started for
        half a second. Playwright's "networkidle" is not enough: once reached it stays
        reached for the page, and it can be reached before those scripts start; the event
        saying a script's file finished can also come after the script has run."""
        scripts_ran(self.page)  # the other pages of a walk load meanwhile: their quiet counts
        deadline = time.monotonic() + LONGEST_VISIT
        while time.monotonic() < deadline:
            started, ended = self.settled()
            if started == ended and time.monotonic() - self.last_event >= QUIET_SECONDS:
                break
            self.page.wait_for_timeout(100)  # events are delivered while waiting
        else:
            raise AssertionError(f"{self.page.url}: still loading after {LONGEST_VISIT:.0f} s")
        for event, listener in self._listeners:
            self.page.remove_listener(event, listener)


def start_http(page: Page, url: str) -> Visit:
    """Start loading URL; a call that waits until the network is quiet and gives the bytes on
    the wire and the URLs."""
    traffic = Traffic(page)
    page.goto(url, wait_until="commit")

    def bytes_on_the_wire() -> tuple[int, list[str]]:
        traffic.wait_until_quiet()
        total = 0
        for request in traffic.finished:
            sizes = request.sizes()
            total += sizes["responseHeadersSize"] + sizes["responseBodySize"]
        return total, [request.url for request in traffic.finished]

    return bytes_on_the_wire


def start_file(page: Page, url: str) -> Visit:
    """Start loading a file:// URL; a call that waits until quiet and gives the sizes of every
    file asked for, and its URLs."""
    traffic = Traffic(page)
    page.goto(url, wait_until="commit")

    def file_sizes() -> tuple[int, list[str]]:
        traffic.wait_until_quiet()
        files = [request.url for request in traffic.started
                 if urlsplit(request.url).scheme == "file"]
        # Each file once: a browser reads a file it asked for twice from its cache.
        paths = {Path(unquote(urlsplit(url).path)) for url in files}
        return sum(path.stat().st_size for path in paths), files

    return file_sizes


def http_bytes(page: Page, url: str) -> tuple[int, list[str]]:
    """Load URL and wait until the network is quiet; the bytes on the wire and the URLs."""
    return start_http(page, url)()


@pytest.fixture(scope="module")
def phone_page(browser: Browser) -> Iterator[Callable[[], Page]]:
    """Fresh pages at a phone's width, each in its own context: an empty cache, as a first visit."""
    contexts: list[BrowserContext] = []

    def make() -> Page:
        context = browser.new_context(viewport=PHONE, color_scheme="light")
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()


def first_visit_tab(phone_page: Callable[[], Page]) -> Page:
    """A tab where every visit is a first visit: its cache is off (as DevTools' "Disable
    cache" does: every file is fetched, none comes from the memory or disk cache), and
    `forget` empties its storage between visits. A walk over every page uses a few of these
    rather than a fresh context per page, which costs each visit a new renderer process
    (about a core-second on our 2-core machine, a sixth of the whole suite over two walks);
    test_a_tab_with_its_cache_off_counts_what_a_fresh_browser_counts shows the counts agree."""
    page = phone_page()
    session = page.context.new_cdp_session(page)
    session.send("Network.enable")
    session.send("Network.setCacheDisabled", {"cacheDisabled": True})
    return page


def forget(page: Page) -> None:
    """Empty what a visit may have kept (Material keeps its settings in the storage)."""
    page.evaluate("() => { localStorage.clear(); sessionStorage.clear(); }")
    page.context.clear_cookies()


def pages_over_budget(paths: list[str], start: Callable[[Page, str], Visit],
                      address: Callable[[str], str], phone_page: Callable[[], Page],
                      base_url: str | None = None) -> list[str]:
    """Visit each page as a first visit; the pages over their budget. No page may load the
    search index on its own. With `base_url` (over http), also every request to another host,
    console error and uncaught exception, as lines (the privacy notice's promise,
    test_privacy_and_errors.py, checked on this walk rather than on a second walk over every
    page)."""
    tabs = [first_visit_tab(phone_page) for _ in range(min(AT_ONCE, len(paths)))]
    logs = [watch(tab) for tab in tabs]
    over = []
    for first in range(0, len(paths), AT_ONCE):
        visits = []
        for path, page, log in zip(paths[first:first + AT_ONCE], tabs, logs, strict=False):
            log.clear()
            visits.append((path, page, log, start(page, address(path))))
        for path, page, log, visit in visits:
            total, urls = visit()
            assert any(url.endswith(path) for url in urls), f"{path} was not loaded"
            if total > budget(path):
                over.append(f"{path}: {total / KB:.0f} KB, budget {budget(path) / KB:.0f} KB")
            assert not [url for url in urls if INDEX in url], f"{path} loaded the search index"
            if base_url is not None:
                assert log.requests, f"{path}: no requests recorded, so the recorder is broken"
                over += problems(path, log, base_url)
            forget(page)
    return over


def test_a_first_visit_to_any_page_over_http_stays_within_its_budget_and_on_the_site(
    built_site: Path, site_url: str, phone_page: Callable[[], Page],
) -> None:
    """404.html too: the server serves it at the root, where its root-absolute links work."""
    over = pages_over_budget(site_pages(built_site), start_http, lambda path: site_url + path,
                             phone_page, base_url=site_url)
    assert not over, "\n".join(over)


def test_a_first_visit_to_any_page_from_disk_stays_within_its_budget(
    built_site: Path, phone_page: Callable[[], Page],
) -> None:
    over = pages_over_budget(visited_pages(built_site), start_file,
                             lambda path: (built_site / path).as_uri(),
                             phone_page)
    assert not over, over


# A page whose scripts and data come after the first paint (the sheet maker), then a plain
# chapter in another language, visited after it in the same tab.
COMPARED = [MAKER, "fr/guide/during.html"]


@pytest.mark.parametrize("start", [start_http, start_file], ids=["http", "file"])
def test_a_tab_with_its_cache_off_counts_what_a_fresh_browser_counts(
    built_site: Path, site_url: str, phone_page: Callable[[], Page],
    start: Callable[[Page, str], Visit],
) -> None:
    """The walks above visit page after page in one tab with its cache off; each visit must
    count the same files and bytes as a visit in a browser that has never seen the site."""
    def address(path: str) -> str:
        return site_url + path if start is start_http else (built_site / path).as_uri()

    tab = first_visit_tab(phone_page)
    for path in COMPARED:  # the later pages come after other visits in the same tab
        total, urls = start(tab, address(path))()
        forget(tab)
        fresh_total, fresh_urls = start(phone_page(), address(path))()
        assert sorted(urls) == sorted(fresh_urls), path
        assert total == fresh_total, path


def search_then_find(page: Page, requested: list[str], tap_button: bool = False) -> None:
    """Nothing of search is asked for until the search box is used; then a query finds a page.
    With `tap_button`, search is opened as on a phone, with the header's search button."""
    page.wait_for_timeout(300)  # give an eager request time to show itself
    assert not [url for url in requested if INDEX in url or "workers/search" in url], requested
    if tap_button:
        page.locator("label.md-header__button[for=__search]").click()
        # Material puts the focus in the search box it opened.
        page.wait_for_function("document.activeElement.matches('.md-search__input')")
    else:
        page.locator(SEARCH_INPUT).focus()
    page.keyboard.type("thank-you")
    result = page.locator(SEARCH_RESULT).first
    result.wait_for(state="visible")
    assert [url for url in requested if INDEX in url], "the index was never loaded"
    link = result.locator("a").first.get_attribute("href") or ""
    assert ".html" in link, f"the first result links to {link!r}, not a page"


@pytest.mark.parametrize("path", ["guide/afterwards.html", "about/privacy.html"])
def test_search_loads_its_index_only_when_used_over_http(
    site_url: str, phone_page: Callable[[], Page], path: str,
) -> None:
    page = phone_page()
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(site_url + path, wait_until="networkidle")
    search_then_find(page, requested)


def test_search_loads_its_index_only_when_used_from_disk(
    built_site: Path, phone_page: Callable[[], Page],
) -> None:
    page = phone_page()
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto((built_site / "guide/afterwards.html").as_uri(), wait_until="networkidle")
    search_then_find(page, requested, tap_button=True)


def test_each_page_loads_only_the_scripts_it_uses(built_site: Path) -> None:
    """The composer's script only where a composer or a message template is, the sheet maker's
    and the bank's only on their pages; every script a page names exists."""
    for path in visited_pages(built_site):
        html = (built_site / path).read_text(encoding="utf-8")
        # Linked, or named for after-paint.js to add after the first paint (the sheet maker).
        scripts = re.findall(r'<script (?:src|type="text/x-after-paint" data-ii-after-paint)="([^"]+)"', html)
        for src in scripts:
            assert (built_site / path).parent.joinpath(src).resolve().is_file(), (path, src)
        names = {Path(src).name for src in scripts}
        uses_composer = "data-ii-composer=" in html or "data-ii-template=" in html
        assert ("composer.js" in names) == uses_composer, (path, sorted(names))
        page = in_the_language_root(path)
        assert ("sheet-maker.js" in names) == (page == "sheets/make.html"), (path, sorted(names))
        assert ("bank-filter.js" in names) == (page == "questions/index.html"), (path, names)
        # composer.css, written into the head (head_styles.py) where the composer's script is.
        head = html.split("</head>")[0]
        assert (".ii-template__actions" in head) == ("composer.js" in names), path
        assert "data-ii-filter" not in html or "bank-filter.js" in names, path


@pytest.mark.parametrize("path", [MAKER, f"fr/{MAKER}"])
def test_a_first_visit_to_the_sheet_maker_stays_within_its_budget(
    site_url: str, phone_page: Callable[[], Page], path: str,
) -> None:
    """In English and in French (longer words, so more data): within the budget, with neither
    the search index nor the question finder's data until they are used; then the finder
    loads its data and finds questions."""
    page = phone_page()
    total, urls = http_bytes(page, site_url + path)
    assert not [url for url in urls if INDEX in url], "the sheet maker loaded the search index"
    assert not [url for url in urls if SUITS in url], "the sheet maker loaded bank-suits.js"
    # Its data comes after the first paint (after-paint.js), and is counted here all the same.
    assert [url for url in urls if "sheet-maker-data.js" in url], "the data was not counted"
    assert total <= budget(path), f"{total / KB:.0f} KB, budget {budget(path) / KB:.0f} KB"
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.locator("#ii-maker-find").fill("a")
    page.locator("[data-ii-maker-found] li").first.wait_for()
    assert [url for url in requested if SUITS in url], "the finder did not load bank-suits.js"
