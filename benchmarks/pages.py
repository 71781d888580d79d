"""The site's pages in a browser (README.md says what each table means): the sheet maker's
weight and update time as the bank grows, and the first search's answer, in Chromium through
Playwright; and Lighthouse on every page beside a plain Material page of the same text, each
page followed at once by its reference in every round, so that the machine's load falls on both.
"""

from __future__ import annotations

import gzip
import json
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import html5lib
import yaml
from measure import (
    BIN,
    CHROMIUM,
    HERE,
    LAUNCH,
    ROOT,
    WORK,
    load,
    median_range,
    run_measured,
    say,
    serve,
    table,
    work_folder,
)
from playwright.sync_api import sync_playwright

# The sheet maker and the first search, in Chromium.
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


def sheet_maker(sizes: list[int], changes: int) -> str:
    """The sheet maker page of a site built without PDFs from each bank; then the verdicts."""
    from run import SHIPPED, Growth, column  # run.py imports this module: its banks and builds

    from generator.core.loader import load_bank  # this checkout's (main puts it first)
    from generator.site.sheet_maker import DATA_PATH, SUITS_PATH
    from generator.site.sheet_maker_page import maker_pages

    def weight(paths: Iterable[Path], zipped: bool = False) -> int:
        return sum(len(gzip.compress(path.read_bytes(), mtime=0)) if zipped else
                   path.stat().st_size for path in paths)

    rows, gzipped, medians = [], [], []  # the table's rows; each bank's data, median update
    requests: list[Any] = []  # the page's, each time
    with work_folder("sheet-maker-") as tmp, sync_playwright() as playwright:
        bench = Growth(tmp, [SHIPPED, *sorted(set(sizes))], set(), 1)
        browser = playwright.chromium.launch(**LAUNCH)
        for size, bank in bench.banks.items():
            say(f"Building the site of {column(size)} ...")
            bench.build(size, "build-nopdf", 0)
            site, loaded = tmp / f"site-build-nopdf-{size}", load_bank([bank])
            start = time.perf_counter()
            maker_pages(loaded, downloads=False)
            seconds = time.perf_counter() - start
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            requests.clear()
            page.on("request", lambda request: requests.append(request))
            page.add_init_script(
                f"localStorage.setItem('infointerview.meetings', {json.dumps(KEPT)});"
                "sessionStorage.setItem('infointerview.openMeeting', 'm0');")
            page.goto((site / "sheets" / "make.html").as_uri(), wait_until="networkidle")
            page.locator(".ii-sheet").wait_for(state="visible")
            assert page.locator(".ii-meetings__name").count() == MEETINGS
            rng, times = random.Random(1), []
            for _ in range(changes):
                axis = rng.choice(AXES)
                options = page.eval_on_selector_all(f"#ii-maker-{axis} option:not(:checked)",
                                                    "options => options.map(o => o.value)")
                times.append(page.evaluate(CHANGE_JS, [axis, rng.choice(options)]))
            page.close()
            data = [site / DATA_PATH, site / SUITS_PATH]
            visited = {Path(unquote(urlsplit(request.url).path)) for request in requests
                       if request.url.startswith("file:")}  # each once, as the browser reads it
            gzipped.append(weight(data, True))
            medians.append(statistics.median(times))
            rows.append([column(size), *(f"{value / 1000:,.1f} KB" for value in (
                weight([site / "sheets" / "make.html"]), weight(data), weight(data, True),
                weight(visited), weight(visited, True))), f"{medians[-1]:.1f} ms",
                f"{max(times):.1f} ms", f"{seconds:.1f} s"])
    return "\n".join([*table(
        ["Bank", "Page HTML", "Data (raw)", "Data (gzip)", "First visit (raw)",
         "First visit (gzip)", f"Update, median of {changes}", "Update, slowest",
         "Making the page"], rows), "",
        f"Shipped bank data under 150 KB gzip: {'met' if gzipped[0] < 150_000 else 'NOT met'}.",
        f"Update under 50 ms at {rows[-1][0]}: {'met' if medians[-1] < 50 else 'NOT met'}."])


def search(site: Path, runs: int, query: str = "thank-you") -> str:
    """The first search on two pages, each time in a fresh page (lazy-search.js starts the index
    and its worker at the search box's focus)."""
    if not (site / "index.html").is_file():
        sys.exit(f"No built site in {site}: run `python3 tasks.py build` first.")
    with serve(site) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(**LAUNCH)

        def answered(address: str) -> float:
            page = browser.new_page(viewport={"width": 390, "height": 844})  # its own context
            page.goto(address, wait_until="networkidle")
            result = float(page.evaluate(SEARCH_JS, query))
            page.close()
            return result

        rows = [[path, *(median_range([answered(address) for _ in range(runs)], "{:.0f}")
                         for address in (url + path, (site / path).as_uri()))]
                for path in ("index.html", "guide/afterwards.html")]
    return "\n".join(table(["Page", "First query answered, http (ms)", "From file:// (ms)"],
                           rows))


# Lighthouse against plain Material.
LIGHTHOUSE = "lighthouse@12.8.2"  # 13 needs Node 22.19; Debian 12 has Node 20
OURS, PLAIN = "ours", "plain Material"
TOLERANCE = 0.02  # issue 25: each page at or above its plain Material page, minus this
# The second table: each run report's audit, as median (range); times in ms.
METRICS = {"FCP": "first-contentful-paint", "LCP": "largest-contentful-paint",
           "TBT": "total-blocking-time", "CLS": "cumulative-layout-shift",
           "Speed index": "speed-index", "Main thread": "mainthread-work-breakdown",
           "Weight (KiB)": "total-byte-weight", "Elements": "dom-size"}
# An article's blocks that become the reference's blocks, with the Markdown that starts them.
BLOCKS = {**{f"h{n}": "#" * n + " " for n in range(1, 7)}, "li": "- ", **dict.fromkeys((
    "p", "dt", "dd", "td", "th", "summary", "caption", "figcaption", "label", "legend", "button",
    "option"), "")}
HIDDEN = {"script", "style", "template", "svg"}


def article_blocks(page_html: str) -> list[tuple[str, str]]:
    """The visible text of a Material page's article, block by block, each with the Markdown
    that starts it: ("## ", "Opening and rapport"), ("- ", ...), ("", a paragraph)."""
    blocks: list[tuple[str, str]] = []
    text: list[str] = []

    def flush(prefix: str) -> None:
        if words := " ".join("".join(text).split()):
            blocks.append((prefix, words))
        text.clear()

    def walk(element: Any, prefix: str) -> None:  # the text before a block is its parent's
        tag = element.tag.rpartition("}")[2] if isinstance(element.tag, str) else None  # comment
        if tag is None or tag in HIDDEN or "headerlink" in element.get("class", "").split():
            return
        if tag in BLOCKS:
            flush(prefix)
            prefix = BLOCKS[tag]
        text.append(element.text or "")
        for child in element:
            walk(child, prefix)
            text.append(child.tail or "")
        if tag in BLOCKS:
            flush(prefix)

    for article in html5lib.parse(page_html, namespaceHTMLElements=False).iter("article"):
        if "md-content__inner" in article.get("class", "").split():
            walk(article, "")
            flush("")
    return blocks


def write_reference(site: Path, project: Path) -> list[str]:
    """The plain Material project (README.md) for the built `site`: each page of ours with an
    article (404 aside), at its path, its text escaped. Returns the pages' paths."""
    found = {page.relative_to(site).as_posix(): article_blocks(page.read_text("utf-8"))
             for page in site.rglob("*.html")}
    paths = sorted(path for path, blocks in found.items() if blocks and path != "404.html")
    for path in paths:
        markdown = "\n\n".join(prefix + re.sub(r"([\\`*_{}\[\]()>#+\-.!])", r"\\\1", text)
                                 .replace("&", "&amp;").replace("<", "&lt;")
                                 for prefix, text in found[path])
        # Consecutive list items in one tight list.
        markdown = re.sub(r"^(- .*)\n\n(?=- )", r"\1\n", markdown, flags=re.MULTILINE)
        page = project / "docs" / Path(path).with_suffix(".md")
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text(markdown + "\n", encoding="utf-8")
    config = {"site_name": "Informational interviews", "use_directory_urls": False,
              "theme": {"name": "material", "language": "en", "font": False}}
    (project / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), "utf-8")
    return paths


def lighthouse(runs: int, runs_for: list[str], wanted: str | None) -> str:
    """`runs` rounds (N for the pages `runs_for` names as N:PAGE,...) of every page (or those
    `wanted` names) of our site, each followed at once by its reference; the report."""
    command = HERE / ".lighthouse" / "node_modules" / ".bin" / "lighthouse"
    if not command.exists():  # benchmarks/.lighthouse is git-ignored; npm installs it once
        subprocess.run(["npm", "install", "--no-fund", "--no-audit", "--prefix",
                        str(command.parents[2]), LIGHTHOUSE], check=True)
    counts = {path: int(n) for spec in runs_for
              for n, paths in [spec.split(":", 1)] for path in paths.split(",")}
    started, load_before = datetime.now(UTC), load()
    folder = WORK / "lighthouse-reports"  # each run's JSON
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    with (work_folder("lighthouse-") as work, serve(work / "site") as ours,
          serve(work / "reference" / "site") as plain):  # served once built
        say("Building the sites ...")
        run_measured([BIN / "mkdocs", "build", "-d", work / "site"], ROOT)
        pages = write_reference(work / "site", work / "reference")
        run_measured([BIN / "mkdocs", "build"], work / "reference")
        if unknown := {*(wanted or "").split(","), *counts} - {"", *pages}:
            sys.exit(f"No such pages: {', '.join(sorted(unknown))}")
        pages = [path for path in pages if not wanted or path in wanted.split(",")]
        reports: dict[tuple[str, str], list[dict[str, Any]]] = {}
        for run in range(1, max([runs, *counts.values()]) + 1):
            for number, path in enumerate(pages):
                for kind in (OURS, PLAIN) if run <= counts.get(path, runs) else ():
                    output = folder / f"{number:02d}-{kind[0]}-run{run}.json"
                    # The other categories do not vary from run to run: the first round
                    # scores them, the others performance alone (and no page screenshot),
                    # which takes a third less time.
                    result = subprocess.run(
                        [command, (ours if kind == OURS else plain) + path, "--output=json",
                         "--quiet", f"--output-path={output}", "--no-enable-error-reporting",
                         "--chrome-flags=--headless --no-sandbox --disable-gpu",
                         *([] if run == 1 else ["--only-categories=performance",
                                                "--disable-full-page-screenshot"])],
                        env={**os.environ, "CHROME_PATH": CHROMIUM}, capture_output=True,
                        text=True, check=False, timeout=600)
                    report = json.loads(output.read_text("utf-8")) if output.exists() else {}
                    if result.returncode or "runtimeError" in report or not report:
                        sys.exit(f"Lighthouse failed on {path} ({kind}): "
                                 f"{report.get('runtimeError') or result.stderr[-3000:]}")
                    reports.setdefault((path, kind), []).append(report)
                    say(f"  {path:<48} {kind:<16} run {run}: "
                        f"{report['categories']['performance']['score']:.2f}")
            text = lighthouse_report(reports, pages, started, load_before)
            (WORK / "lighthouse.md").write_text(text + "\n", encoding="utf-8")
    return text


def lighthouse_report(reports: dict[tuple[str, str], list[dict[str, Any]]], pages: list[str],
                      started: datetime, load_before: str) -> str:
    """The two tables (README.md), then the machine's load at the start and now."""
    def scores(path: str, kind: str, category: str = "performance") -> list[float]:
        return [report["categories"][category]["score"] for report in reports[path, kind]
                if category in report["categories"]]  # rounds 2-5 score performance only

    def metric(report: dict[str, Any], key: str) -> float:
        value = float(report["audits"][key].get("numericValue") or 0)
        return value / 1024 if key == "total-byte-weight" else value

    runs, rows, met = sorted({len(reports[path, OURS]) for path in pages}), [], 0
    for path in pages:
        ours, plain = scores(path, OURS), scores(path, PLAIN)
        difference = statistics.median(ours) - statistics.median(plain)
        overlap = min(ours) <= max(plain) and min(plain) <= max(ours)
        met += (ok := round(difference, 2) >= -TOLERANCE)
        rows.append([path, len(ours), median_range(ours), median_range(plain),
                     f"{difference:+.2f}, {'within' if overlap else 'beyond'} the runs' spread",
                     "yes" if ok else "**no**", *(" / ".join(
                         f"{statistics.median(scores(path, kind, category)):.2f}"
                         for kind in (OURS, PLAIN)) for category in (
                             "accessibility", "best-practices", "seo"))])
    metrics = [[f"{path}, {kind}" if kind == PLAIN else path, *(median_range(
        [metric(report, key) for report in reports[path, kind]],
        "{:.3f}" if name == "CLS" else "{:,.0f}") for name, key in METRICS.items())]
        for path in pages for kind in (OURS, PLAIN)]
    return "\n".join([
        f"## Lighthouse ({started:%Y-%m-%d %H:%M} UTC, {LIGHTHOUSE}, mobile, default settings, "
        f"runs per page: {'-'.join(map(str, sorted({runs[0], runs[-1]})))})", "",
        "Performance, median (range) of each page's runs, its plain Material page run right"
        " after it in each round; the other categories, ours / plain Material:", "", *table(
            ["Page", "Runs", "Ours", "Plain Material", "Difference",
             f"At or above plain - {TOLERANCE}", "Accessibility", "Best practices", "SEO"],
            rows, "lrrrllrrr"),
        "", f"{met} of {len(pages)} pages at or above plain Material minus {TOLERANCE}.", "",
        "Metrics and diagnostics, median (range); times in ms, CLS a share of the viewport:", "",
        *table(["Page", *METRICS], metrics), "",
        f"Load averages (1, 5, 15 min) at the start: {load_before}; at the end: "
        f"{load()} ({datetime.now(UTC):%H:%M} UTC)."])
