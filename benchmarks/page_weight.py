"""What a first visit to each page costs, and how long search takes to answer its first query.

    .venv/bin/python benchmarks/page_weight.py [--site site] [--runs 3]

Run it with the project's venv Python (Playwright) after a build (`python3 tasks.py build`, or
any built site given with --site). For every page it prints the bytes a first visit transfers
before any interaction, over http (served by Python's http.server, no compression) and from
file://, as tests/browser/test_page_weight.py counts them against the budgets. Then, on two
pages, over http and from disk, the time from focusing the search box and typing a word to
the first result shown (the index and the worker start at that focus; lazy-search.js), the
median of --runs fresh pages. Not part of the tests: a time depends on the machine's load.
"""

from __future__ import annotations

import argparse
import functools
import statistics
import sys
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

from playwright.sync_api import Browser, Page, sync_playwright

ROOT = Path(__file__).resolve().parent.parent
PHONE = {"width": 390, "height": 844}
SEARCH_PAGES = ["index.html", "guide/afterwards.html"]
QUERY = "thank-you"


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def http_bytes(page: Page, url: str) -> int:
    finished = []
    page.on("requestfinished", lambda request: finished.append(request))
    page.goto(url, wait_until="networkidle")
    return sum(r.sizes()["responseHeadersSize"] + r.sizes()["responseBodySize"]
               for r in finished)


def file_bytes(page: Page, url: str) -> int:
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(url, wait_until="networkidle")
    paths = {Path(unquote(urlsplit(u).path)) for u in requested if u.startswith("file:")}
    return sum(path.stat().st_size for path in paths)


def first_answer_ms(browser: Browser, url: str) -> float:
    """From focusing the search box to the first result, in the page's own clock."""
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(url, wait_until="networkidle")
    elapsed = page.evaluate("""query => new Promise(resolve => {
      const input = document.querySelector(".md-search__input");
      const list = document.querySelector(".md-search-result__list");
      const start = performance.now();
      new MutationObserver((_, observer) => {
        if (list.children.length) { observer.disconnect(); resolve(performance.now() - start); }
      }).observe(list, {childList: true});
      input.focus();
      input.value = query;
      input.dispatchEvent(new Event("input", {bubbles: true}));
      input.dispatchEvent(new KeyboardEvent("keyup", {bubbles: true}));
    })""", QUERY)
    context.close()
    return float(elapsed)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, default=ROOT / "site", help="a built site")
    parser.add_argument("--runs", type=int, default=3, help="search timings per page (median)")
    args = parser.parse_args(argv)
    site = args.site.resolve()
    if not (site / "index.html").is_file():
        sys.exit(f"No built site in {site}: run `python3 tasks.py build` first.")
    pages = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html")
                   if p.name != "404.html")
    server = ThreadingHTTPServer(("127.0.0.1", 0),
                                 functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium",
                                             args=["--no-sandbox", "--disable-gpu"])
        print("| Page | First visit, http (KB) | First visit, file:// (KB) |")
        print("| --- | ---: | ---: |")
        for path in pages:
            row = []
            for measure, url in ((http_bytes, base + path), (file_bytes, (site / path).as_uri())):
                context = browser.new_context(viewport=PHONE)
                row.append(measure(context.new_page(), url) / 1000)
                context.close()
            print(f"| {path} | {row[0]:.0f} | {row[1]:.0f} |")
        print("\n| Page | First query answered, http (ms) | From file:// (ms) |")
        print("| --- | ---: | ---: |")
        for path in SEARCH_PAGES:
            times = [[first_answer_ms(browser, url) for _ in range(args.runs)]
                     for url in (base + path, (site / path).as_uri())]
            print(f"| {path} | " + " | ".join(
                f"{statistics.median(t):.0f} ({min(t):.0f}-{max(t):.0f})" for t in times) + " |")
        browser.close()
    server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
