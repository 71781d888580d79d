"""The site's pages in a browser (README.md says what each table means): the sheet maker's
weight and update time as the bank grows, and the first search's answer, in Chromium through
Playwright; and Lighthouse on every page beside a plain Material page of the same text, each
page followed at once by its reference in every round, so that the machine's load falls on both.
"""

from __future__ import annotations

import gzip
import html.parser
import itertools
import json
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import measure
import yaml
from playwright.sync_api import sync_playwright

AXES = ("goal", "role", "format", "industry", "minutes")
# Kept on the device before the page's scripts run (issue 20): 50 meetings with typed details,
# the first one open; every change writes them all again.
MEETINGS = 50
KEPT = json.dumps({"version": 2, "meetings": [{
    "id": f"m{i}", "updated": "", "choice": dict.fromkeys(AXES, ""), "extras": {},
    "items": [{"own": f"My own question number {i}?"}], "contact": {
        "name": f"Contact {i}", "title": "Nurse", "organisation": "Hospital",
        "date": "2026-05-04T09:30", "connection": "My tutor", "notes": "Notes " * 40,
        "intro": "I study nursing. " * 5}} for i in range(MEETINGS)]})
# One change: set a control and send its change event; the handler is synchronous, so reading
# a layout value after it includes the new sheet laid out.
CHANGE_JS = """([axis, value]) => {
  const select = document.getElementById('ii-maker-' + axis), start = performance.now();
  select.value = value;
  select.dispatchEvent(new Event('change', {bubbles: true}));
  document.querySelector('.ii-sheet').getBoundingClientRect();
  return performance.now() - start;
}"""
# From focusing the search box and typing to the first result shown.
SEARCH_JS = """query => new Promise(resolve => {
  const input = document.querySelector('.md-search__input'), start = performance.now();
  const list = document.querySelector('.md-search-result__list');
  new MutationObserver(() => list.children.length && resolve(performance.now() - start))
    .observe(list, {childList: true});
  input.focus();
  input.value = query;
  input.dispatchEvent(new Event('input', {bubbles: true}));
  input.dispatchEvent(new KeyboardEvent('keyup', {bubbles: true}));
})"""
LIGHTHOUSE = "lighthouse@12.8.2"  # 13 needs Node 22.19; Debian 12 has Node 20
OURS, PLAIN = "ours", "plain Material"
TOLERANCE = 0.02  # issue 25: each page at or above its plain Material page, minus this
Report = dict[str, Any]  # one Lighthouse JSON report


def chromium(playwright: Any) -> Any:
    return playwright.chromium.launch(executable_path=measure.CHROMIUM,
                                      args=["--no-sandbox", "--disable-gpu"])


def median_range(values: list[float], form: str = "{:.2f}") -> str:
    low, middle, high = (form.format(value) for value in (
        min(values), statistics.median(values), max(values)))
    return middle if low == high else f"{middle} ({low}-{high})"


def sheet_maker(sites: dict[str, tuple[Path, Path]], changes: int) -> str:
    """The table for each built site (by name: the site and its bank), and the verdicts."""
    with sync_playwright() as playwright:
        browser = chromium(playwright)
        rows = [maker_row(browser, name, site, bank, changes)
                for name, (site, bank) in sites.items()]
    return "\n".join([
        "| Bank | Page HTML | Data (raw) | Data (gzip) | First visit (raw) | First visit (gzip) |"
        f" Update, median of {changes} | Update, slowest | Making the page |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
        *("| " + " | ".join(cells) + " |" for cells, _, _ in rows), "",
        f"Shipped bank data under 150 KB gzip: {'met' if rows[0][1] < 150_000 else 'NOT met'}.",
        f"Update under 50 ms at {rows[-1][0][0]}: {'met' if rows[-1][2] < 50 else 'NOT met'}."])


def maker_row(browser: Any, name: str, site: Path, bank: Path, changes: int
              ) -> tuple[list[str], int, float]:
    """One bank's built sheet maker page: its HTML; its data, raw and gzip; every file a first
    visit from file:// asks for, raw and gzip; `changes` random updates; and the build's time
    for the page and its data. Also the data's gzip bytes and the median update in ms."""
    from generator.core.loader import load_bank  # this checkout's generator
    from generator.site.sheet_maker import DATA_PATH, SUITS_PATH
    from generator.site.sheet_maker_page import maker_pages
    loaded = load_bank([bank])
    start = time.perf_counter()
    maker_pages(loaded, downloads=False)
    seconds = time.perf_counter() - start
    page, requests = browser.new_page(viewport={"width": 1280, "height": 900}), list[Any]()
    page.on("request", lambda request: requests.append(request))
    page.add_init_script(f"localStorage.setItem('infointerview.meetings', {json.dumps(KEPT)});"
                         "sessionStorage.setItem('infointerview.openMeeting', 'm0');")
    page.goto((site / "sheets" / "make.html").as_uri(), wait_until="networkidle")
    page.locator(".ii-sheet").wait_for(state="visible")
    assert page.locator(".ii-meetings__name").count() == MEETINGS
    visited = file_paths(requests)
    rng, times = random.Random(1), []
    for _ in range(changes):
        axis = rng.choice(AXES)
        options = page.eval_on_selector_all(f"#ii-maker-{axis} option:not(:checked)",
                                            "options => options.map(o => o.value)")
        times.append(page.evaluate(CHANGE_JS, [axis, rng.choice(options)]))
    page.close()

    def size(paths: list[Path] | set[Path], zipped: bool = False) -> int:
        return sum(len(gzip.compress(path.read_bytes(), mtime=0)) if zipped else
                   path.stat().st_size for path in paths)

    data = [site / DATA_PATH, site / SUITS_PATH]
    return [name, *(f"{value / 1000:,.1f} KB" for value in (
        size([site / "sheets" / "make.html"]), size(data), size(data, True), size(visited),
        size(visited, True))), f"{statistics.median(times):.1f} ms", f"{max(times):.1f} ms",
        f"{seconds:.1f} s"], size(data, True), statistics.median(times)


def file_paths(requests: list[Any]) -> set[Path]:
    """The files a page asked for from file://, each once, as the browser reads it."""
    return {Path(unquote(urlsplit(r.url).path)) for r in requests if r.url.startswith("file:")}


def search(site: Path, runs: int, query: str = "thank-you") -> str:
    """From focusing the search box and typing to the first result shown, on two pages, over
    http and from file://, each in a fresh page at a phone's width (lazy-search.js starts the
    index and its worker at that focus). The bytes before it: tests/browser/test_page_weight.py."""
    if not (site / "index.html").is_file():
        sys.exit(f"No built site in {site}: run `python3 tasks.py build` first.")
    lines = ["| Page | First query answered, http (ms) | From file:// (ms) |",
             "| --- | ---: | ---: |"]
    with measure.serve({"site": site}) as urls, sync_playwright() as playwright:
        browser = chromium(playwright)

        def answered(url: str) -> float:
            context = browser.new_context(viewport={"width": 390, "height": 844})
            page = context.new_page()
            page.goto(url, wait_until="networkidle")
            result = float(page.evaluate(SEARCH_JS, query))
            context.close()
            return result

        for path in ("index.html", "guide/afterwards.html"):
            lines.append(f"| {path} | " + " | ".join(median_range(
                [answered(url) for _ in range(runs)], "{:.0f}")
                for url in (urls["site"] + path, (site / path).as_uri())) + " |")
    return "\n".join(lines)


# An article's blocks that become the reference's blocks, with the Markdown that starts them.
BLOCKS = {**{f"h{n}": "#" * n + " " for n in range(1, 7)}, "li": "- ", **dict.fromkeys((
    "p", "dt", "dd", "td", "th", "summary", "caption", "figcaption", "label", "legend", "button",
    "option"), "")}
HIDDEN = {"script", "style", "template", "svg"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr"}


class _ArticleText(html.parser.HTMLParser):
    """The visible text of a Material page's article, block by block, each with the Markdown
    that starts it: ("## ", "Opening and rapport"), ("- ", ...), ("", a paragraph)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[tuple[str, str]] = []
        self.depth = self.hidden = 0  # open elements inside the article; of them not shown
        self.prefixes: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        classes = (dict(attrs).get("class") or "").split()
        if not self.depth:
            self.depth = int(tag == "article" and "md-content__inner" in classes)
        elif tag not in VOID:
            self.depth += 1
            if self.hidden or tag in HIDDEN or "headerlink" in classes:
                self.hidden += 1
            elif tag in BLOCKS:
                self.flush()
                self.prefixes.append(BLOCKS[tag])

    def handle_endtag(self, tag: str) -> None:
        if self.depth and tag not in VOID:
            self.depth -= 1
            if self.hidden:
                self.hidden -= 1
            elif tag in BLOCKS:
                self.flush()
                self.prefixes.pop()
            if not self.depth:
                self.flush()

    def handle_data(self, data: str) -> None:
        if self.depth and not self.hidden:
            self.text.append(data)

    def flush(self) -> None:
        if text := " ".join("".join(self.text).split()):
            self.blocks.append((self.prefixes[-1] if self.prefixes else "", text))
        self.text.clear()


def article_blocks(page_html: str) -> list[tuple[str, str]]:
    reader = _ArticleText()
    reader.feed(page_html)
    reader.close()
    return reader.blocks


def write_reference(site: Path, project: Path) -> list[str]:
    """The plain Material project for the built `site`: Material's defaults (so search, MkDocs'
    default plugin; no custom_dir, hooks or theme features) but `use_directory_urls: false` (our
    paths) and `font: false` (no Google Fonts, as ours); a page for each page of ours that shows
    an article (404 aside), at the same path, with its text, every character escaped, and
    consecutive list items in one tight list. Returns the pages' paths."""
    paths = sorted(path for page in site.rglob("*.html") if (path := page.relative_to(
        site).as_posix()) != "404.html" and article_blocks(page.read_text("utf-8")))
    for path in paths:
        markdown, previous = "", None
        for prefix, text in article_blocks((site / path).read_text("utf-8")):
            if previous is not None:
                markdown += "\n" if prefix == previous == "- " else "\n\n"
            markdown += prefix + re.sub(r"([\\`*_{}\[\]()>#+\-.!])", r"\\\1", text).replace(
                "&", "&amp;").replace("<", "&lt;")
            previous = prefix
        page = project / "docs" / Path(path).with_suffix(".md")
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text(markdown + "\n", encoding="utf-8")
    config = {"site_name": "Informational interviews", "use_directory_urls": False,
              "theme": {"name": "material", "language": "en", "font": False}}
    (project / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), "utf-8")
    return paths


def audit(key: str) -> Callable[[Report], float]:
    return lambda report: float(report["audits"][key].get("numericValue") or 0)


# The second table: a value from each run's report, as median (range). Times in ms.
COLUMNS: dict[str, Callable[[Report], float]] = {
    "FCP": audit("first-contentful-paint"), "LCP": audit("largest-contentful-paint"),
    "TBT": audit("total-blocking-time"), "CLS": audit("cumulative-layout-shift"),
    "Speed index": audit("speed-index"), "Main thread": audit("mainthread-work-breakdown"),
    "Weight (KiB)": lambda r: audit("total-byte-weight")(r) / 1024,
    "Elements": audit("dom-size"),
}


def lighthouse(runs: int, runs_for: list[str], wanted: str | None) -> str:
    """Our site as mkdocs.yml builds it and its reference, built and served; `runs` rounds (N
    for the pages `runs_for` names as N:PAGE,...) of every page (or those `wanted` names),
    each followed at once by its reference; the report, rewritten after every round."""
    command = measure.HERE / ".lighthouse" / "node_modules" / ".bin" / "lighthouse"
    if not command.exists():  # benchmarks/.lighthouse is git-ignored
        if shutil.which("npm") is None:
            sys.exit("npm is needed to install Lighthouse (Debian: apt-get install npm).")
        subprocess.run(["npm", "install", "--no-fund", "--no-audit", "--prefix",
                        str(command.parents[2]), LIGHTHOUSE], check=True)
    counts = {path: int(n) for spec in runs_for
              for n, paths in [spec.split(":", 1)] for path in paths.split(",")}
    started, load_before = datetime.now(UTC), measure.load()
    folder = measure.WORK / "lighthouse-reports"  # each run's JSON
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    with measure.work_folder("lighthouse-") as work:
        print("Building the sites ...", file=sys.stderr, flush=True)
        sites = {OURS: work / "site", PLAIN: work / "reference" / "site"}
        subprocess.run([measure.BIN / "mkdocs", "build", "-q", "-d", sites[OURS]],
                       cwd=measure.ROOT, check=True)
        pages = write_reference(sites[OURS], sites[PLAIN].parent)
        subprocess.run([measure.BIN / "mkdocs", "build", "-q", "-d", sites[PLAIN]],
                       cwd=sites[PLAIN].parent, check=True)
        if unknown := {*(wanted or "").split(","), *counts} - {"", *pages}:
            sys.exit(f"No such pages: {', '.join(sorted(unknown))}")
        pages = [path for path in pages if not wanted or path in wanted.split(",")]
        reports: dict[tuple[str, str], list[Report]] = {}
        with measure.serve(sites) as urls:
            for run in range(1, max([runs, *counts.values()]) + 1):
                for number, path in enumerate(pages):
                    for kind in (OURS, PLAIN) if run <= counts.get(path, runs) else ():
                        output = folder / f"{number:02d}-{kind[0]}-run{run}.json"
                        result = subprocess.run(
                            [command, urls[kind] + path, "--output=json", "--quiet",
                             f"--output-path={output}", "--no-enable-error-reporting",
                             "--chrome-flags=--headless --no-sandbox --disable-gpu"],
                            env={**os.environ, "CHROME_PATH": measure.CHROMIUM},
                            capture_output=True, text=True, check=False, timeout=600)
                        report = json.loads(output.read_text("utf-8")) if output.exists() else {}
                        if result.returncode or "runtimeError" in report or not report:
                            sys.exit(f"Lighthouse failed on {path} ({kind}): "
                                     f"{report.get('runtimeError') or result.stderr[-3000:]}")
                        reports.setdefault((path, kind), []).append(report)
                        print(f"  {path:<48} {kind:<16} run {run}: "
                              f"{report['categories']['performance']['score']:.2f}",
                              file=sys.stderr, flush=True)
                text = lighthouse_report(reports, pages, started, load_before)
                (measure.WORK / "lighthouse.md").write_text(text + "\n", encoding="utf-8")
    return text


def lighthouse_report(reports: dict[tuple[str, str], list[Report]], pages: list[str],
                      started: datetime, load_before: str) -> str:
    """The two tables (README.md), then the machine's load at the start and now."""
    def scores(path: str, kind: str, category: str) -> list[float]:
        return [report["categories"][category]["score"] for report in reports[path, kind]]

    runs = sorted({len(reports[path, OURS]) for path in pages})
    lines = [f"## Lighthouse ({started:%Y-%m-%d %H:%M} UTC, {LIGHTHOUSE}, mobile, default "
             f"settings, runs per page: {'-'.join(map(str, sorted({runs[0], runs[-1]})))})", "",
             "Performance, median (range) of each page's runs, its plain Material page run right"
             " after it in each round; the other categories, ours / plain Material:", "",
             f"| Page | Runs | Ours | Plain Material | Difference | At or above plain - "
             f"{TOLERANCE} | Accessibility | Best practices | SEO |",
             "| --- | ---: | ---: | ---: | --- | --- | ---: | ---: | ---: |"]
    met = 0
    for path in pages:
        ours, plain = scores(path, OURS, "performance"), scores(path, PLAIN, "performance")
        difference = statistics.median(ours) - statistics.median(plain)
        overlap = min(ours) <= max(plain) and min(plain) <= max(ours)
        met += (ok := round(difference, 2) >= -TOLERANCE)
        lines.append(f"| {path} | {len(ours)} | {median_range(ours)} | {median_range(plain)} | "
                     f"{difference:+.2f}, {'within' if overlap else 'beyond'} the runs' spread"
                     f" | {'yes' if ok else '**no**'} | " + " | ".join(" / ".join(
                         f"{statistics.median(scores(path, kind, category)):.2f}" for kind in (
                             OURS, PLAIN)) for category in ("accessibility", "best-practices",
                                                            "seo")) + " |")
    lines += ["", f"{met} of {len(pages)} pages at or above plain Material minus {TOLERANCE}.",
              "", "Metrics and diagnostics, median (range); times in ms, CLS a share of the "
              "viewport:", "", "| Page | " + " | ".join(COLUMNS) + " |",
              "| --- |" + " ---: |" * len(COLUMNS)]
    for path, kind in itertools.product(pages, (OURS, PLAIN)):
        cells = [median_range([value(report) for report in reports[path, kind]],
                              "{:.3f}" if name == "CLS" else "{:,.0f}")
                 for name, value in COLUMNS.items()]
        lines.append(f"| {path}{', ' + kind if kind == PLAIN else ''} | " + " | ".join(cells)
                     + " |")
    return "\n".join([*lines, "", f"Load averages (1, 5, 15 min) at the start: {load_before}; "
                      f"at the end: {measure.load()} ({datetime.now(UTC):%H:%M} UTC)."])
