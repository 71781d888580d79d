"""Pages in Chromium: the sheet maker's weight and update time as the bank grows, and what a
first visit to each page of a built site transfers (`run.py sheet-maker`, `run.py page-weight`).
"""

from __future__ import annotations

import gzip
import random
import statistics
import time
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import yaml
from measure import CHROMIUM, ROOT
from playwright.sync_api import sync_playwright

PHONE = {"width": 390, "height": 844}
AXES = ("goal", "role", "format", "industry", "minutes")
KEPT_MEETINGS = 50  # kept on the device (issue 20): every change writes them all again
# Before the page's scripts: KEPT_MEETINGS meetings with typed details, the first one open.
KEPT_JS = """(count) => {
  const meetings = [];
  for (let i = 0; i < count; i += 1) {
    meetings.push({id: 'm' + i, updated: '', choice: {goal: '', role: '', format: '',
      industry: '', minutes: ''}, items: [{own: 'My own question number ' + i + '?'}],
      extras: {}, contact: {name: 'Contact ' + i, title: 'Nurse', organisation: 'Hospital',
      date: '2026-05-04T09:30', connection: 'My tutor', notes: 'Notes '.repeat(40),
      intro: 'I study nursing. '.repeat(5)}});
  }
  localStorage.setItem('infointerview.meetings', JSON.stringify({version: 2, meetings}));
  sessionStorage.setItem('infointerview.openMeeting', 'm0');
}"""
# One change: set a control, send its change event, read a layout value (the handler is
# synchronous, so the time includes the new sheet laid out).
CHANGE_JS = """([axis, value]) => {
  const select = document.getElementById('ii-maker-' + axis);
  const start = performance.now();
  select.value = value;
  select.dispatchEvent(new Event('change', {bubbles: true}));
  document.querySelector('.ii-sheet').getBoundingClientRect();
  return performance.now() - start;
}"""
# From focusing the search box and typing to the first result shown.
SEARCH_JS = """query => new Promise(resolve => {
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
})"""


def _browser(playwright: Any) -> Any:
    return playwright.chromium.launch(executable_path=CHROMIUM,
                                      args=["--no-sandbox", "--disable-gpu"])


def sheet_maker(name: str, bank_folder: Path, out: Path, changes: int
                ) -> tuple[list[str], int, float]:
    """One row: the page (sheets/make.md as HTML without Material's theme, which every page
    shares) and its files, raw and gzip; the build's time for them; updates in Chromium. Also
    its data's gzip bytes and the median update in ms, for the verdicts."""
    import markdown  # the generator's, from the project

    from generator.core.loader import load_bank
    from generator.rendering.render import stylesheet
    from generator.site.sheet_maker import DATA_PATH, SUITS_PATH
    from generator.site.sheet_maker_page import PAGE_PATH, maker_pages
    bank = load_bank([bank_folder])
    start = time.perf_counter()
    made = maker_pages(bank, downloads=False)
    seconds = time.perf_counter() - start
    _, front, body = made[PAGE_PATH].split("---\n", 2)
    scripts = yaml.safe_load(front)["scripts"]  # as site_overrides/main.html links them
    html = PAGE_PATH.replace(".md", ".html")
    files = {html: '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Sheet '
             f"maker</title><style>{stylesheet('sheet.css')}</style></head><body><main "
             'class="md-content__inner md-typeset">' + markdown.markdown(
                 body, extensions=["md_in_html", "attr_list", "tables"]) + "</main>"
             + "".join(f'<script src="../{path}" defer></script>' for path in scripts)
             + "</body></html>",
             DATA_PATH: made[DATA_PATH], SUITS_PATH: made[SUITS_PATH]}
    for path in set(scripts) - set(files):
        files[path] = (ROOT / "site_overrides" / path).read_text(encoding="utf-8")
    raw = {path: text.encode("utf-8") for path, text in files.items()}
    for path, data in raw.items():
        (out / path).parent.mkdir(parents=True, exist_ok=True)
        (out / path).write_bytes(data)
    zipped = {path: len(gzip.compress(data, mtime=0)) for path, data in raw.items()}
    with sync_playwright() as playwright:
        browser = _browser(playwright)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.add_init_script(f"({KEPT_JS})({KEPT_MEETINGS})")
        page.goto((out / html).as_uri())
        page.locator(".ii-sheet").wait_for(state="visible")
        assert page.locator(".ii-meetings__name").count() == KEPT_MEETINGS
        options = {axis: page.eval_on_selector_all(f"#ii-maker-{axis} option",
                                                   "os => os.map(o => o.value)") for axis in AXES}
        rng, times = random.Random(1), []
        for _ in range(changes):
            axis = rng.choice(AXES)
            current = page.input_value(f"#ii-maker-{axis}")
            value = rng.choice([v for v in options[axis] if v != current])
            times.append(page.evaluate(CHANGE_JS, [axis, value]))
        browser.close()
    data, median = (DATA_PATH, SUITS_PATH), statistics.median(times)
    cells = [name, *(f"{size / 1000:,.1f} KB" for size in (
        len(raw[html]), sum(len(raw[p]) for p in data), sum(zipped[p] for p in data),
        sum(map(len, raw.values())), sum(zipped.values()))),
        f"{median:.1f} ms", f"{max(times):.1f} ms", f"{seconds:.1f} s"]
    return cells, sum(zipped[p] for p in data), median


def page_weight(site: Path, base: str, runs: int, query: str = "thank-you",
                search_pages: tuple[str, ...] = ("index.html", "guide/afterwards.html")
                ) -> list[str]:
    """Every page's first visit, bytes before any interaction, over http (headers and bodies,
    uncompressed) and from file:// (the files' sizes); then the first search answer's time."""
    lines = ["| Page | First visit, http (KB) | First visit, file:// (KB) |",
             "| --- | ---: | ---: |"]
    with sync_playwright() as playwright:
        browser = _browser(playwright)

        def visit(url: str, script: str | None = None) -> float:
            """A first visit in a fresh context: its bytes, or what `script` returns."""
            context = browser.new_context(viewport=PHONE)
            page, requests = context.new_page(), []
            page.on("requestfinished" if url.startswith("http") else "request",
                    lambda request: requests.append(request))
            page.goto(url, wait_until="networkidle")
            if script:
                result = float(page.evaluate(script, query))
            elif url.startswith("http"):
                result = sum(r.sizes()["responseHeadersSize"] + r.sizes()["responseBodySize"]
                             for r in requests)
            else:
                result = sum(path.stat().st_size for path in {Path(unquote(urlsplit(
                    r.url).path)) for r in requests if r.url.startswith("file:")})
            context.close()
            return result

        for path in sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html")
                           if p.name != "404.html"):
            lines.append(f"| {path} | {visit(base + path) / 1000:.0f} | "
                         f"{visit((site / path).as_uri()) / 1000:.0f} |")
        lines += ["", "| Page | First query answered, http (ms) | From file:// (ms) |",
                  "| --- | ---: | ---: |"]
        for path in search_pages:
            times = [[visit(url, SEARCH_JS) for _ in range(runs)]
                     for url in (base + path, (site / path).as_uri())]
            lines.append(f"| {path} | " + " | ".join(
                f"{statistics.median(t):.0f} ({min(t):.0f}-{max(t):.0f})" for t in times) + " |")
        browser.close()
    return lines
