"""The benchmarks' one runner (README.md says what each command measures and what its tables
mean; dated runs go in RESULTS.md; no test's verdict depends on a time): `growth` and `startup`
time commands as fresh processes, from cold, against issue 13's targets; `sheet-maker` and
`search` open built pages in Chromium through Playwright; `lighthouse` scores every page beside
a plain Material page of the same text, each page followed at once by its reference.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import gzip
import importlib.metadata
import json
import os
import platform
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, NamedTuple
from urllib.parse import unquote, urlsplit

import html5lib
import synth
import yaml

HERE = Path(__file__).resolve().parent
ROOT, WORK = HERE.parent, HERE / "work"  # WORK is git-ignored
BIN = Path(sys.executable).parent  # the venv's python, mkdocs and infointerview
CHROMIUM = os.environ.get("INFOINTERVIEW_CHROMIUM") or "/usr/bin/chromium"  # as the tests
LAUNCH: dict[str, Any] = {"executable_path": CHROMIUM,
                          "args": ["--no-sandbox", "--disable-gpu"]}
RSS_UNIT = 1 if sys.platform == "darwin" else 1024  # ru_maxrss: bytes on macOS, else KiB


class Sample(NamedTuple):
    seconds: float  # wall time: what a person waits for
    peak_bytes: int  # the process's own peak RSS
    cpu_seconds: float  # user + system: less disturbed by other load


def say(text: str) -> None:
    """Progress, on stderr: stdout has the report."""
    print(text, file=sys.stderr, flush=True)


def run_measured(command: list[str | Path], cwd: Path, env: dict[str, str] | None = None
                 ) -> Sample:
    """`command` in a fresh process, which must succeed: its wall time, and its own peak RSS and
    CPU time from `os.wait4` on its pid (not RUSAGE_CHILDREN, the maximum over every child)."""
    with tempfile.TemporaryFile() as errors:
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.DEVNULL,
                                   stderr=errors)
        _, status, usage = os.wait4(process.pid, 0)
        elapsed = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)  # Popen must not reap again
        if process.returncode:
            errors.seek(0)
            sys.exit(f"{' '.join(map(str, command))} exited with {process.returncode}:\n"
                     + errors.read().decode("utf-8", "replace")[-4000:])
    return Sample(elapsed, usage.ru_maxrss * RSS_UNIT, usage.ru_utime + usage.ru_stime)


def table(header: list[str], rows: Iterable[list[Any]], align: str = "") -> list[str]:
    """A Markdown table; `align`, l or r a column, defaults to the first left, the others right."""
    align = align or "l" + "r" * (len(header) - 1)
    lines = [header, ["---:" if side == "r" else "---" for side in align], *rows]
    return ["| " + " | ".join(map(str, cells)) + " |" for cells in lines]


def median_range(values: list[float], form: str = "{:.2f}") -> str:
    low, middle, high = (form.format(value) for value in (
        min(values), statistics.median(values), max(values)))
    return middle if low == high else f"{middle} ({low}-{high})"


@contextlib.contextmanager
def work_folder(prefix: str, keep: bool = False) -> Iterator[Path]:
    """A new folder under WORK, removed at the end unless `keep` (growth names it at the start)."""
    WORK.mkdir(exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix=prefix, dir=WORK))
    try:
        yield folder
    finally:
        if not keep:
            shutil.rmtree(folder, ignore_errors=True)


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass  # a line per request would bury the tables


@contextlib.contextmanager
def serve(folder: Path) -> Iterator[str]:
    """The folder at the root of a 127.0.0.1 port, uncompressed as many hosts send it: its URL."""
    handler = functools.partial(_Quiet, directory=str(folder))
    with ThreadingHTTPServer(("127.0.0.1", 0), handler) as server:
        threading.Thread(target=server.serve_forever, daemon=True).start()
        try:
            yield f"http://127.0.0.1:{server.server_address[1]}/"
        finally:
            server.shutdown()


def load() -> str:
    """The load averages (1, 5, 15 minutes), as `uptime` prints them: the machine is shared."""
    return ", ".join(f"{value:.2f}" for value in os.getloadavg())


# Growth and start-up. The rows in table order; all run with the PDF cache off but the one
# saying so.
MEASURES: dict[str, str] = {
    "check": "infointerview check", "pages": "infointerview pages",
    "plain": "mkdocs build, plain", "build-nopdf": "mkdocs build, plugin, no PDFs",
    "build": "mkdocs build, full", "build-pdfcache": "mkdocs build, full, PDF cache filled",
    "sheet-md": "sheet, Markdown", "sheet-html": "sheet, HTML", "sheet-pdf": "sheet, PDF",
    "baseline": 'python -c "import yaml, jinja2"',
}
SHIPPED, BASELINE = 0, "baseline"  # the shipped bank's "size"; the start-up's baseline row
FAST = {"check", "sheet-md", "sheet-html", BASELINE}  # sub-second: `repeats` samples a run
PDF_ROWS = {"build", "build-pdfcache", "sheet-pdf"}  # `--skip pdf`
MAX_OVERHEAD = {1_000: 1.10, 10_000: 1.25}  # build with our plugin / plain build
MAX_GROWTH, MAX_STARTUP = 11.0, 2.0  # 1,000 -> 10,000 questions; sheet / baseline
MAX_SHEET_SECONDS = {10_000: 1.0}

Samples = dict[tuple[int, str], list[Sample]]  # by bank size and row


def median(samples: list[Sample], field: str) -> float:
    return statistics.median(getattr(sample, field) for sample in samples)


def column(size: int) -> str:
    return "shipped bank" if size == SHIPPED else f"{size:,}"


def ratios(samples: Samples, sizes: list[int]) -> list[list[str]]:
    """The rows of "Ratios and targets": a ratio of two rows' medians, or (unit "s") one row's.
    The verdict is on wall times; CPU times, less disturbed by other load, are judged beside."""
    rows: list[list[str]] = []

    def add(name: str, target: float | None, top: tuple[int, str],
            bottom: tuple[int, str] | None = None) -> None:
        def value(field: str) -> float:
            return median(samples[top], field) / (median(samples[bottom], field) if bottom else 1)

        if top in samples and (bottom is None or bottom in samples):
            wall, cpu, unit = value("seconds"), value("cpu_seconds"), "x" if bottom else "s"
            verdicts = ["(info)", ""] if target is None else [
                "met" if ratio <= target else "NOT met" for ratio in (wall, cpu)]
            rows.append([name, f"{wall:.2f}{unit}", f"{cpu:.2f}{unit}",
                         "-" if target is None else f"<= {target:g}{unit}", *verdicts])

    for size in sizes:  # like for like: neither build makes PDFs
        add(f"Generator overhead at {column(size)}: {MEASURES['build-nopdf']} / build, plain",
            MAX_OVERHEAD.get(size), (size, "build-nopdf"), (size, "plain"))
    for low in sizes:
        for key in ("check", "build-nopdf", "build") if low and 10 * low in sizes else ():
            add(f"Growth {low:,} -> {10 * low:,} questions: {MEASURES[key]}",
                MAX_GROWTH if low == 1_000 else None, (10 * low, key), (low, key))
    for size in sizes:
        for key in ("sheet-md", "sheet-html", "sheet-pdf"):
            add(f"Start-up at {column(size)}: {MEASURES[key]} / {MEASURES[BASELINE]}",
                MAX_STARTUP if size == SHIPPED and key != "sheet-pdf" else None,
                (size, key), (size, BASELINE))
        for key in ("sheet-md", "sheet-html") if size in MAX_SHEET_SECONDS else ():
            add(f"Time at {column(size)}: {MEASURES[key]}", MAX_SHEET_SECONDS[size], (size, key))
    return rows


def report(samples: Samples, sizes: list[int], runs: int, repeats: int) -> list[str]:
    """The tables of wall time, CPU time and peak memory, then every ratio and its target."""
    def number(value: float) -> str:
        return f"{value:.3f}" if value < 1 else f"{value:.2f}"

    def wall(rows: list[Sample]) -> str:
        seconds = [row.seconds for row in rows]
        spread = (max(seconds) - min(seconds)) / 2 / statistics.median(seconds)
        return number(statistics.median(seconds)) + (f" ±{spread:.0%}" if len(rows) > 1 else "")

    keys = [key for key in MEASURES if any((size, key) in samples for size in sizes)]
    header = ["Measure", *(column(size) + (" q" if size else "") for size in sizes)]
    lines: list[str] = []
    for title, cell in [
        (f"Median wall time in seconds over {runs} run(s) ({repeats * runs} samples for check,"
         f" the sheets and the baseline; {2 * runs} for the plain build and the plugin build"
         " without PDFs), ± half the min-max range:", wall),
        ("Median CPU time (user + system) in seconds:",
         lambda rows: number(median(rows, "cpu_seconds"))),
        ("Peak memory (RSS of the process, MiB):",
         lambda rows: f"{median(rows, 'peak_bytes') / 2**20:.0f}")]:
        lines += [title, "", *table(header, ([MEASURES[key], *(
            cell(samples[size, key]) if (size, key) in samples else "-" for size in sizes)]
            for key in keys)), ""]
    return [*lines, "## Ratios and targets", "", *table(
        ["Ratio or time", "Wall time", "(CPU time)", "Target", "Result", "(by CPU time)"],
        ratios(samples, sizes), "lrrrll")]


def machine() -> list[str]:
    """What the numbers depend on, as table rows."""
    info = {"CPU": platform.processor() or platform.machine(), "Cores": os.cpu_count(),
            "Memory": f"{os.sysconf('SC_PAGE_SIZE') * os.sysconf('SC_PHYS_PAGES') / 2**30:.1f}"
            " GiB", "OS": platform.platform(), "Python": platform.python_version()}
    with contextlib.suppress(OSError, IndexError):  # Linux names the CPU model here
        info["CPU"] = re.findall(r"model name\s*: (.*)", Path("/proc/cpuinfo").read_text())[0]
    for name in ("mkdocs", "mkdocs-material", "Markdown", "Jinja2", "PyYAML", "weasyprint"):
        info[name] = importlib.metadata.version(name)
    return [f"| {key} | {value} |" for key, value in info.items()]


class Growth:
    """The growth benchmark: a copy of the site's sources (edits to the project during a run
    change nothing measured), a bank of each size in it, and every sample so far."""

    def __init__(self, tmp: Path, sizes: list[int], skip: set[str], repeats: int) -> None:
        self.tmp, self.skip, self.repeats, self.project = tmp, skip, repeats, tmp / "project"
        for name in ("content", "site_overrides", "generator"):
            shutil.copytree(ROOT / name, self.project / name,
                            ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        shutil.copy(ROOT / "mkdocs.yml", self.project / "base.yml")
        (self.project / "question_bank").mkdir()  # read first by the plugin: empty
        # `generator` from the copy; .pyc files kept as on a user's machine.
        self.env = {**os.environ, "PYTHONPATH": str(self.project), "NO_MKDOCS_2_WARNING": "1",
                    "DISABLE_MKDOCS_2_WARNING": "true", "SOURCE_DATE_EPOCH": "1767225600"}
        self.env.pop("PYTHONDONTWRITEBYTECODE", None)
        self.banks = {size: self.add_bank(size) for size in sizes}
        self.goal = synth.read_vocabulary(self.banks[sizes[0]])["goals"][0]
        self.samples: Samples = {}
        self.notes: list[str] = []

    def add_bank(self, size: int) -> Path:
        """A bank (synth.py; the shipped one for SHIPPED) and each build row's config, which
        inherits base.yml but for `plugins` (INHERIT replaces lists)."""
        bank = self.project / ("bank-shipped" if size == SHIPPED else f"bank-{size}")
        if size == SHIPPED:
            shutil.copytree(synth.SHIPPED_BANK, bank)
        else:
            synth.write_bank(size, bank)
        plugins, ours = ["search", "offline"], {"banks": [bank.name]}
        configs: dict[str, dict[str, Any]] = {
            "build": {"plugins": [*plugins, {"infointerview": ours}]},
            "build-nopdf": {"plugins": [*plugins, {"infointerview": {**ours, "pdf": False}}]},
            "plain": {"docs_dir": f"pages-{bank.name}", "plugins": plugins}}
        for key, settings in configs.items():
            (self.project / f"{key}-{bank.name}.yml").write_text(yaml.safe_dump(
                {"INHERIT": "base.yml", **settings}, sort_keys=False), encoding="utf-8")
        return bank

    def sample(self, size: int, key: str, command: list[str | Path], run: int,
               fresh: Path | None = None) -> None:
        """`command`, `repeats` times if sub-second, recorded from run 1 (0 warms up). `fresh`,
        a folder it writes, is removed first: left from the run before, it would change the work
        (a file is written over the same way)."""
        env = {**self.env, "INFOINTERVIEW_CACHE_DIR": str(self.tmp / f"pdf-cache-{size}")
               if key == "build-pdfcache" else ""}  # the PDF cache off but in its row
        for _ in range(0 if key in self.skip else self.repeats if key in FAST else 1):
            if fresh is not None:
                shutil.rmtree(fresh, ignore_errors=True)
            sample = run_measured(command, self.project, env)
            if run:
                self.samples.setdefault((size, key), []).append(sample)
                say(f"  run {run}  {column(size):>12}  {MEASURES[key]:<37} {sample.seconds:8.3f} s")

    def build(self, size: int, key: str, run: int) -> None:
        """The build row `key`, into a site folder of its own."""
        site = self.tmp / f"site-{key}-{size}"
        config = self.project / f"{key.removesuffix('-pdfcache')}-{self.banks[size].name}.yml"
        self.sample(size, key, [BIN / "mkdocs", "build", "-f", config, "-d", site], run, fresh=site)

    def run_size(self, size: int, run: int) -> None:
        bank, pages = self.banks[size], self.project / f"pages-{self.banks[size].name}"
        self.sample(size, "check", [BIN / "infointerview", "check", "--bank", bank], run)
        self.sample(size, "pages", [BIN / "infointerview", "pages", "--output", pages,
                                    "--content", self.project / "content", "--bank", bank],
                    run, fresh=pages)
        if not (self.tmp / f"pdf-cache-{size}").exists():  # filled as the last build would be
            self.build(size, "build-pdfcache", 0)
        # The overhead target's two builds alternate, twice a run, so load falls on both.
        for key in ["plain", "build-nopdf"] * 2 + ["build", "build-pdfcache"]:
            self.build(size, key, run)
        plugin, plain = ({path.relative_to(site).as_posix() for path in site.rglob("*")
                          if path.is_file()} for site in (self.tmp / f"site-build-nopdf-{size}",
                                                          self.tmp / f"site-plain-{size}"))
        if run == 1 and plugin != plain:  # the overhead ratio is fair only for like files
            self.notes.append(f"At {column(size)} questions the plugin build (no PDFs) and the "
                              f"plain build made different files: {sorted(plugin ^ plain)}")
        self.startup(size, run)

    def startup(self, size: int, run: int) -> None:
        """The baseline right before the sheets, so that all see the same load."""
        self.sample(size, BASELINE, [BIN / "python", "-c", "import yaml, jinja2"], run)
        sheet: list[str | Path] = [BIN / "infointerview", "sheet", "--goal", self.goal,
                                   "--bank", self.banks[size]]
        for key, suffix in (("sheet-md", "md"), ("sheet-html", "html"), ("sheet-pdf", "pdf")):
            self.sample(size, key, [*sheet, "--output", self.tmp / f"sheet.{suffix}"], run)


def growth(args: argparse.Namespace) -> str:
    """Every row (for `startup` its rows) `args.runs` times over each bank; the report."""
    started, load_before = time.perf_counter(), load()
    sizes, repeats = [SHIPPED, *sorted(set(args.sizes))], 1 if args.command == "startup" else 3
    with work_folder("run-", args.keep) as tmp:
        say(f"Making banks of {', '.join(map(column, sizes))} questions in {tmp} ...")
        bench = Growth(tmp, sizes, PDF_ROWS if args.skip else set(), repeats)
        step = bench.startup if args.command == "startup" else bench.run_size
        for run in range(1 if args.quick else 0, args.runs + 1):  # 0 warms up the shipped bank
            for size in sizes if run else sizes[:1]:
                step(size, run)
    missed = sum(row[4] == "NOT met" for row in ratios(bench.samples, sizes))
    text = "\n".join([
        f"## Results ({datetime.now(UTC):%Y-%m-%d %H:%M} UTC, "
        f"{(time.perf_counter() - started) / 60:.1f} minutes)", "",
        *report(bench.samples, sizes, args.runs, repeats), "", "## Machine", "", "| | |",
        "| --- | --- |", *machine(), f"| Load averages (1, 5, 15 min), start / end | "
        f"{load_before} / {load()} |", *(f"\nNOTE: {note}" for note in bench.notes),
        "", f"Targets NOT met: {missed}" if missed else "All targets met."])
    for path in filter(None, (WORK / "last-run.md", args.output)):
        path.write_text(text + "\n", encoding="utf-8")
    return text


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
    from playwright.sync_api import sync_playwright  # only for the pages' commands

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
    from playwright.sync_api import sync_playwright  # only for the pages' commands

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
                    result = subprocess.run(
                        [command, (ours if kind == OURS else plain) + path, "--output=json",
                         "--quiet", f"--output-path={output}", "--no-enable-error-reporting",
                         "--chrome-flags=--headless --no-sandbox --disable-gpu"],
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
        return [report["categories"][category]["score"] for report in reports[path, kind]]

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


def main(argv: list[str] | None = None) -> None:
    def numbers(text: str) -> list[int]:
        if not all(part.isdigit() and int(part) > 0 for part in text.split(",")):
            raise argparse.ArgumentTypeError(f"not positive whole numbers: {text!r}")
        return [int(part) for part in text.split(",")]

    parser = argparse.ArgumentParser(prog="python3 tasks.py bench", description=__doc__)
    parser.add_argument("command", nargs="?", default="growth", choices=[
        "growth", "startup", "sheet-maker", "search", "lighthouse"])
    parser.add_argument("--runs", type=lambda text: numbers(text)[0], help="runs, the medians "
                        "shown (default growth 3, 1 if --quick, startup 20, search, lighthouse 5)")
    parser.add_argument("--sizes", type=numbers,
                        help="growth, sheet-maker: synthetic banks (default 100,1000,10000)")
    parser.add_argument("--quick", action="store_true",
                        help="growth as a smoke run: no warm-up, sizes 100,1000, one run")
    parser.add_argument("--skip", choices=["pdf"], help="growth: leave out the rows making PDFs")
    parser.add_argument("--output", type=Path, help="growth: also write the report here")
    parser.add_argument("--keep", action="store_true", help="growth: keep the work folder")
    parser.add_argument("--changes", type=lambda text: numbers(text)[0], default=25,
                        help="sheet-maker: changes timed per bank (default 25)")
    parser.add_argument("--site", type=Path, default=ROOT / "site", help="search: a built site")
    parser.add_argument("--pages", help="lighthouse: only these pages, such as index.html")
    parser.add_argument("--runs-for", action="append", default=[], metavar="N:PAGE,...",
                        help="lighthouse: N runs, not --runs, for these pages (repeatable)")
    args = parser.parse_args(argv)
    args.sizes = args.sizes or ([100, 1_000] if args.quick else [100, 1_000, 10_000])
    args.runs = args.runs or {"growth": 1 if args.quick else 3, "startup": 20, "search": 5,
                              "lighthouse": 5}.get(args.command)
    if args.command == "startup":  # the shipped bank only, warmed up, no PDF
        args.sizes, args.skip, args.quick = [], "pdf", False
    sys.path.insert(0, str(ROOT))  # this checkout's generator, for the sheet maker
    print(growth(args) if args.command in ("growth", "startup")
          else sheet_maker(args.sizes, args.changes) if args.command == "sheet-maker"
          else search(args.site.resolve(), args.runs) if args.command == "search"
          else lighthouse(args.runs, args.runs_for, args.pages))


if __name__ == "__main__":
    main()
