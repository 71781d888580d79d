"""How the sheet maker page grows with the question bank: its weight and how fast it updates.

    .venv/bin/python benchmarks/sheet_maker.py                 # shipped bank, 100, 1,000, 10,000
    .venv/bin/python benchmarks/sheet_maker.py --sizes 100 --changes 10

For the shipped bank and each synthetic bank (benchmarks/synth.py) it writes the page the
build makes (sheets/make.md, turned into HTML with the site's Markdown extensions, without
Material's theme, which is the same on every page) and its data files, then:

- weight: the page's HTML plus its data files and script, raw and gzip-compressed (what a web
  server with compression sends);
- making the page: the time the build spends on the page and its data (every sheet through
  tailor.build_sheet), in this process;
- update: the time from a change of a control (goal, role, format, industry or minutes) to the
  updated sheet, laid out, in Chromium: the change handler runs synchronously, so the clock
  stops after it and a forced layout. The median of --changes changes, each to a different
  choice, is shown. The page opens with KEPT_MEETINGS meetings kept on the device (issue 20)
  and one of them open, so every change also writes the whole list to localStorage.

Targets (issue 10): an update under 50 ms at 10,000 questions, and the page's own data under
150 KB gzip for the shipped bank. Nothing here fails a build: it prints a table.
"""

from __future__ import annotations

import argparse
import gzip
import os
import random
import re
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

import markdown
from synth import write_bank  # this folder is on the path when the script runs

from generator.core.loader import load_bank
from generator.rendering.render import stylesheet
from generator.site.sheet_maker import DATA_PATH, SUITS_PATH
from generator.site.sheet_maker_page import PAGE_PATH, maker_pages

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SCRIPTS = ROOT / "site_overrides" / "assets" / "javascripts"
CHROMIUM = os.environ.get("INFOINTERVIEW_CHROMIUM") or "/usr/bin/chromium"  # as the browser tests
DATA_TARGET_GZIP = 150_000
UPDATE_TARGET_MS = 50
AXES = ("goal", "role", "format", "industry", "minutes")
KEPT_MEETINGS = 50
# Before the page's scripts run: KEPT_MEETINGS kept meetings, each with a changed sheet and
# typed details, the first one open in this tab (my-meetings.js reopens it).
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
# One change, timed in the page: set a control, send the change event the browser would send,
# and read a layout value so the time includes laying out the new sheet.
CHANGE_JS = """([axis, value]) => {
  const select = document.getElementById('ii-maker-' + axis);
  const start = performance.now();
  select.value = value;
  select.dispatchEvent(new Event('change', {bubbles: true}));
  document.querySelector('.ii-sheet').getBoundingClientRect();
  return performance.now() - start;
}"""


def write_site(bank_folder: Path, out: Path) -> dict[str, int]:
    """The page and its files under `out`, as the site has them; their sizes in bytes."""
    bank = load_bank([bank_folder])
    start = time.perf_counter()
    pages = maker_pages(bank, downloads=False)
    seconds = time.perf_counter() - start
    body = pages[PAGE_PATH].split("---\n", 2)[2]
    html = markdown.markdown(body, extensions=["md_in_html", "attr_list", "tables"])
    document = (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Sheet maker</title>'
        f"<style>{stylesheet('sheet.css')}</style></head>"
        f'<body><main class="md-content__inner md-typeset">{html}</main></body></html>'
    )
    files = {PAGE_PATH.replace(".md", ".html"): document,
             DATA_PATH: pages[DATA_PATH], SUITS_PATH: pages[SUITS_PATH],
             # Every script the page loads, besides its two data files.
             **{path: (SCRIPTS / path.removeprefix("assets/javascripts/")).read_text(
                 encoding="utf-8")
                for path in re.findall(r'src="\.\./(assets/javascripts/[^"]+)"', body)
                if path not in (DATA_PATH, SUITS_PATH)}}
    sizes = {}
    for path, text in files.items():
        target = out / path
        target.parent.mkdir(parents=True, exist_ok=True)
        data = text.encode("utf-8")
        target.write_bytes(data)
        sizes[path] = len(data)
        sizes[path + ".gz"] = len(gzip.compress(data, mtime=0))
    sizes["build_ms"] = round(seconds * 1000)
    return sizes


def update_times(page_file: Path, changes: int, seed: int = 1) -> list[float]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"],
        )
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.add_init_script(f"({KEPT_JS})({KEPT_MEETINGS})")
        page.goto(page_file.as_uri())
        page.locator(".ii-sheet").wait_for(state="visible")
        assert page.locator(".ii-meetings__name").count() == KEPT_MEETINGS
        options = {axis: page.eval_on_selector_all(
            f"#ii-maker-{axis} option", "os => os.map(o => o.value)") for axis in AXES}
        rng = random.Random(seed)
        times = []
        for _ in range(changes):
            axis = rng.choice(AXES)
            current = page.input_value(f"#ii-maker-{axis}")
            value = rng.choice([v for v in options[axis] if v != current])
            times.append(page.evaluate(CHANGE_JS, [axis, value]))
        browser.close()
    return times


def measure(name: str, bank_folder: Path, work: Path, changes: int) -> dict[str, object]:
    out = work / name
    sizes = write_site(bank_folder, out)
    times = update_times(out / PAGE_PATH.replace(".md", ".html"), changes)
    html = PAGE_PATH.replace(".md", ".html")
    data = (DATA_PATH, SUITS_PATH)
    return {
        "bank": name,
        "html": sizes[html],
        "data": sum(sizes[p] for p in data),
        "data_gz": sum(sizes[p + ".gz"] for p in data),
        "build_s": sizes.pop("build_ms") / 1000,
        "total": sum(v for k, v in sizes.items() if not k.endswith(".gz")),
        "total_gz": sum(v for k, v in sizes.items() if k.endswith(".gz")),
        "median_ms": statistics.median(times),
        "max_ms": max(times),
    }


def kb(size: object) -> str:
    return f"{int(size) / 1000:,.1f} KB"  # type: ignore[call-overload]


def table(rows: list[dict[str, object]], changes: int) -> str:
    lines = [
        f"| Bank | Page HTML | Data (raw) | Data (gzip) | All (raw) | All (gzip) "
        f"| Update, median of {changes} | Update, slowest | Making the page |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for row in rows:
        lines.append(
            f"| {row['bank']} | {kb(row['html'])} | {kb(row['data'])} | {kb(row['data_gz'])} "
            f"| {kb(row['total'])} | {kb(row['total_gz'])} | {row['median_ms']:.1f} ms "
            f"| {row['max_ms']:.1f} ms | {row['build_s']:.1f} s |"
        )
    shipped = next((r for r in rows if r["bank"] == "shipped"), None)
    largest = rows[-1]
    if shipped:
        verdict = "met" if int(shipped["data_gz"]) < DATA_TARGET_GZIP else "NOT met"  # type: ignore[call-overload]
        lines.append(f"\nShipped bank data under {DATA_TARGET_GZIP // 1000} KB gzip: {verdict}.")
    verdict = "met" if float(largest["median_ms"]) < UPDATE_TARGET_MS else "NOT met"  # type: ignore[arg-type]
    lines.append(f"Update under {UPDATE_TARGET_MS} ms at {largest['bank']}: {verdict}.")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="100,1000,10000",
                        help="comma-separated synthetic bank sizes (default 100,1000,10000)")
    parser.add_argument("--changes", type=int, default=25, help="changes timed per bank")
    args = parser.parse_args(argv)
    sizes = [int(size) for size in args.sizes.split(",") if size]
    (HERE / "work").mkdir(exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="sheet-maker-", dir=HERE / "work"))
    try:
        rows = [measure("shipped", ROOT / "question_bank", work, args.changes)]
        for size in sizes:
            bank = write_bank(size, work / f"bank-{size}")
            rows.append(measure(f"{size:,} questions", bank, work, args.changes))
            print(f"measured {size:,} questions", file=sys.stderr, flush=True)
        print(table(rows, args.changes))
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
