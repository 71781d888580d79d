"""The benchmarks' one runner: `python3 tasks.py bench [COMMAND] [OPTIONS]` runs it with the
venv's Python (`--help` lists both). The default command, growth, times every row of MEASURES
as a fresh process, from cold, for the shipped bank and synthetic ones, and judges ratios and
times against issue 13's targets; `startup` is its start-up rows alone; the other commands are
in pages.py. README.md says what
every table means; dated runs go in RESULTS.md. No test's verdict depends on a time.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib.metadata
import itertools
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import NamedTuple

import measure
import synth
import yaml
from measure import BIN

# The rows in table order (README.md). All run with the PDF cache off but the one saying so.
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
RSS_UNIT = 1 if sys.platform == "darwin" else 1024  # ru_maxrss: bytes on macOS, else KiB


class Sample(NamedTuple):
    seconds: float  # wall time: what a person waits for
    peak_bytes: int | None = None  # the process's own peak RSS
    cpu_seconds: float | None = None  # user + system: less disturbed by other load


Samples = dict[tuple[int, str], list[Sample]]  # by bank size and row


class Ratio(NamedTuple):
    """A ratio of two rows' medians, or (unit "s") one row's, and its target (None: for
    information). The verdict is on wall times; CPU times, which other work on a shared
    machine disturbs much less, are judged beside it."""

    name: str
    value: float
    cpu_value: float | None
    target: float | None
    unit: str = "x"


def judge(value: float | None, target: float | None) -> str:
    return "-" if value is None else "(info)" if target is None else (
        "met" if value <= target else "NOT met")


def median(samples: list[Sample], field: str) -> float | None:
    values = [getattr(sample, field) for sample in samples]
    return statistics.median(values) if None not in values else None


def column(size: int) -> str:
    return "shipped bank" if size == SHIPPED else f"{size:,}"


def ratios(samples: Samples, sizes: list[int]) -> list[Ratio]:
    """Every ratio and time the report shows, in order."""
    found: list[Ratio] = []

    def add(name: str, top: tuple[int, str], target: float | None,
            bottom: tuple[int, str] | None = None) -> None:
        def value(field: str) -> float | None:
            upper = median(samples[top], field)
            lower = median(samples[bottom], field) if bottom else 1.0
            return upper / lower if upper is not None and lower else None

        if top in samples and (bottom is None or bottom in samples) and (
                wall := value("seconds")) is not None:
            found.append(Ratio(name, wall, value("cpu_seconds"), target, "x" if bottom else "s"))

    for size in sizes:  # like for like: neither build makes PDFs
        add(f"Generator overhead at {column(size)}: {MEASURES['build-nopdf']} / build, plain",
            (size, "build-nopdf"), MAX_OVERHEAD.get(size), (size, "plain"))
    pairs = list(itertools.pairwise([size for size in sizes if size != SHIPPED]))
    if {1_000, 10_000} <= set(sizes) and (1_000, 10_000) not in pairs:
        pairs.append((1_000, 10_000))  # the pair with the target
    for low, high in pairs:
        for key in ("check", "build-nopdf", "build"):
            add(f"Growth {low:,} -> {high:,} questions: {MEASURES[key]}", (high, key),
                MAX_GROWTH if (low, high) == (1_000, 10_000) else None, (low, key))
    for size in sizes:
        for key in ("sheet-md", "sheet-html", "sheet-pdf"):
            add(f"Start-up at {column(size)}: {MEASURES[key]} / {MEASURES[BASELINE]}",
                (size, key), MAX_STARTUP if size == SHIPPED and key != "sheet-pdf" else None,
                (size, BASELINE))
        for key in ("sheet-md", "sheet-html") if size in MAX_SHEET_SECONDS else ():
            add(f"Time at {column(size)}: {MEASURES[key]}", (size, key), MAX_SHEET_SECONDS[size])
    return found


def report(samples: Samples, sizes: list[int], runs: int, repeats: int) -> list[str]:
    """Wall time (± half the range, as a share of the median), CPU time and peak memory; then
    every ratio and time against its target."""
    def number(value: float | None) -> str:
        return "-" if value is None else f"{value:.3f}" if value < 1 else f"{value:.2f}"

    def wall(rows: list[Sample]) -> str:
        middle, seconds = median(rows, "seconds") or 1, [row.seconds for row in rows]
        return number(middle) + (f" ±{(max(seconds) - min(seconds)) / 2 / middle:.0%}"
                                 if len(rows) > 1 else "")

    keys = [key for key in MEASURES if any((size, key) in samples for size in sizes)]
    lines: list[str] = []
    for title, rows, cell in [
        (f"Median wall time in seconds over {runs} run(s) ({repeats * runs} samples for check,"
         f" the sheets and the baseline; {2 * runs} for the plain build and the plugin build"
         " without PDFs), ± half the min-max range:", keys, wall),
        ("Median CPU time (user + system) in seconds:", keys,
         lambda rows: number(median(rows, "cpu_seconds"))),
        ("Peak memory (RSS of the process, MiB):", keys, lambda rows: f"{peak / 2**20:.0f}" if (
            peak := median(rows, "peak_bytes")) else "-")]:
        lines += [title, "", "| Measure | " + " | ".join(
            column(size) + (" q" if size else "") for size in sizes) + " |",
            "| --- |" + " ---: |" * len(sizes), *(f"| {MEASURES[key]} | " + " | ".join(
                cell(samples[size, key]) if (size, key) in samples else "-" for size in sizes)
                + " |" for key in rows), ""]
    lines += ["## Ratios and targets", "",
              "| Ratio or time | Wall time | (CPU time) | Target | Result | (by CPU time) |",
              "| --- | ---: | ---: | ---: | --- | --- |"]
    for r in ratios(samples, sizes):
        lines.append(f"| {r.name} | {r.value:.2f}{r.unit} | " + (
            "-" if r.cpu_value is None else f"{r.cpu_value:.2f}{r.unit}") + " | " + (
            "-" if r.target is None else f"<= {r.target:g}{r.unit}") + f" | "
            f"{judge(r.value, r.target)} | {judge(r.cpu_value, r.target) if r.target else ''} |")
    return lines


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


def run_measured(command: list[str | Path], cwd: Path, env: dict[str, str],
                 stdout: Path | None = None) -> Sample:
    """`command` in a fresh process: its wall time, and its own peak RSS and CPU time from
    `os.wait4` on its pid (not RUSAGE_CHILDREN, the maximum over every child so far)."""
    with tempfile.TemporaryFile() as errors, contextlib.ExitStack() as stack:
        out = stack.enter_context(stdout.open("wb")) if stdout else subprocess.DEVNULL
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, env=env, stdout=out, stderr=errors)
        _, status, usage = os.wait4(process.pid, 0)
        elapsed = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)  # Popen must not reap again
        if process.returncode:
            errors.seek(0)
            sys.exit(f"{' '.join(map(str, command))} exited with {process.returncode}:\n"
                     + errors.read().decode("utf-8", "replace")[-4000:])
    return Sample(elapsed, usage.ru_maxrss * RSS_UNIT, usage.ru_utime + usage.ru_stime)


class Growth:
    """The growth benchmark: a copy of the site's sources (edits to the project during a run
    change nothing measured), a bank of each size in it, and every sample so far."""

    def __init__(self, tmp: Path, sizes: list[int], skip: set[str], repeats: int) -> None:
        self.tmp, self.repeats, self.project = tmp, repeats, tmp / "project"
        self.skip = skip | (PDF_ROWS if "pdf" in skip else set())
        for name in ("content", "site_overrides", "generator"):
            shutil.copytree(measure.ROOT / name, self.project / name,
                            ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        shutil.copy(measure.ROOT / "mkdocs.yml", self.project / "base.yml")
        (self.project / "question_bank").mkdir()  # read first by the plugin: empty
        # `generator` from the copy, the PDF cache off, .pyc files kept as on a user's machine.
        self.env = {**{k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"},
                    "PYTHONPATH": os.pathsep.join(filter(None, [str(self.project), os.environ.get(
                        "PYTHONPATH")])), "INFOINTERVIEW_CACHE_DIR": "", "NO_MKDOCS_2_WARNING":
                    "1", "DISABLE_MKDOCS_2_WARNING": "true", "SOURCE_DATE_EPOCH": "1767225600"}
        self.banks = {size: self.add_bank(size) for size in sizes}
        self.goal = synth.read_vocabulary(self.banks[sizes[0]])["goals"][0]
        self.samples: Samples = {}
        self.notes: list[str] = []

    def add_bank(self, size: int) -> Path:
        """A bank (synth.py; a copy of the shipped one for SHIPPED) and its configs, which
        inherit base.yml (INHERIT replaces lists: `plugins` is theirs): "plugin"
        as mkdocs.yml, "nopdf", and "plain" (no plugin: the pages `infointerview pages`
        writes)."""
        bank = self.project / ("bank-shipped" if size == SHIPPED else f"bank-{size}")
        if size == SHIPPED:
            shutil.copytree(synth.SHIPPED_BANK, bank)
        else:
            synth.write_bank(size, bank)

        def ours(**options: object) -> dict[str, object]:
            return {"plugins": ["search", "offline", {"infointerview": {
                "banks": [bank.name], **options}}]}

        for kind, settings in (("plugin", ours()), ("nopdf", ours(pdf=False)), ("plain", {
                "docs_dir": f"pages-{bank.name}", "plugins": ["search", "offline"]})):
            (self.project / f"{kind}-{bank.name}.yml").write_text(yaml.safe_dump(
                {"INHERIT": "base.yml", **settings}, sort_keys=False), encoding="utf-8")
        return bank

    def sample(self, size: int, key: str, command: list[str | Path], run: int,
               stdout: Path | None = None, fresh: Path | None = None) -> None:
        """`command` as a fresh process (`repeats` times if sub-second). `fresh`, a file or
        folder it writes, is removed first: left from the run before, it would change the work."""
        env = {**self.env, "INFOINTERVIEW_CACHE_DIR": str(self.tmp / f"pdf-cache-{size}")
               } if key == "build-pdfcache" else self.env
        for _ in range(0 if key in self.skip else self.repeats if key in FAST else 1):
            if fresh is not None and fresh.is_dir():
                shutil.rmtree(fresh)
            elif fresh is not None:
                fresh.unlink(missing_ok=True)
            self.record(size, key, run_measured(command, self.project, env, stdout), run)

    def record(self, size: int, key: str, sample: Sample, run: int) -> None:
        if run:  # run 0 warms up: .pyc files, the file cache
            self.samples.setdefault((size, key), []).append(sample)
            print(f"  run {run}  {column(size):>12}  {MEASURES[key]:<37} "
                  f"{sample.seconds:8.3f} s", file=sys.stderr, flush=True)

    def run_size(self, size: int, run: int) -> None:
        bank, iv, mkdocs = self.banks[size], BIN / "infointerview", BIN / "mkdocs"
        pages = self.project / f"pages-{bank.name}"
        self.sample(size, "check", [iv, "check", "--bank", bank], run)
        self.sample(size, "pages", [iv, "pages", "--output", pages, "--content",
                                    self.project / "content", "--bank", bank], run, fresh=pages)
        if not (self.tmp / f"pdf-cache-{size}").exists():  # filled as the last build would be
            self.sample(size, "build-pdfcache", [mkdocs, "build", "-f", self.project / (
                f"plugin-{bank.name}.yml"), "-d", self.tmp / "site-prime"], 0)
        # The overhead target's two builds alternate, twice a run, so load falls on both.
        for key, kind in [("plain", "plain"), ("build-nopdf", "nopdf")] * 2 + [
                ("build", "plugin"), ("build-pdfcache", "plugin")]:
            site = self.tmp / f"site-{key}-{size}"
            self.sample(size, key, [mkdocs, "build", "-f", self.project / (
                f"{kind}-{bank.name}.yml"), "-d", site], run, fresh=site)
        files = [{p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}
                 for site in (self.tmp / f"site-{k}-{size}" for k in ("build-nopdf", "plain"))]
        if run == 1 and files[0] != files[1]:  # the overhead ratio is fair only for like files
            self.notes.append(f"At {column(size)} questions the plugin build (no PDFs) and the "
                              f"plain build made different files: {sorted(files[0] ^ files[1])}")
        self.startup(size, run)

    def startup(self, size: int, run: int) -> None:
        """The baseline right before the sheets, so that all see the same load."""
        self.sample(size, BASELINE, [BIN / "python", "-c", "import yaml, jinja2"], run)
        sheet: list[str | Path] = [BIN / "infointerview", "sheet", "--goal", self.goal,
                                   "--bank", self.banks[size]]
        self.sample(size, "sheet-md", sheet, run, stdout=self.tmp / "sheet.md")
        for key, target in (("sheet-html", self.tmp / "sheet.html"),
                            ("sheet-pdf", self.tmp / "sheet.pdf")):
            self.sample(size, key, [*sheet, "--output", target], run, fresh=target)


def growth(args: argparse.Namespace, sizes: list[int], step: str, repeats: int) -> str:
    """Growth.`step` (run_size or startup) `args.runs` times over `sizes`; the report."""
    started, load_before = time.perf_counter(), measure.load()
    with measure.work_folder("run-", args.keep) as tmp:
        print(f"Making banks of {', '.join(map(column, sizes))} questions in {tmp} ...",
              file=sys.stderr, flush=True)
        bench = Growth(tmp, sizes, args.skip, repeats)
        for run in range(1 if args.quick else 0, args.runs + 1):  # 0 warms up the shipped bank
            for size in sizes if run else sizes[:1]:
                getattr(bench, step)(size, run)
    missed = sum(judge(r.value, r.target) == "NOT met" for r in ratios(bench.samples, sizes))
    text = "\n".join([
        f"## Results ({datetime.now(UTC):%Y-%m-%d %H:%M} UTC, "
        f"{(time.perf_counter() - started) / 60:.1f} minutes)", "",
        *report(bench.samples, sizes, args.runs, repeats), "", "## Machine", "", "| | |",
        "| --- | --- |", *machine(), f"| Load averages (1, 5, 15 min), start / end | "
        f"{load_before} / {measure.load()} |", *(f"\nNOTE: {note}" for note in bench.notes),
        "", f"Targets NOT met: {missed}" if missed else "All targets met."])
    for path in (measure.WORK / "last-run.md", args.output):
        if path is not None:
            path.write_text(text + "\n", encoding="utf-8")
    return text


def sheet_maker(sizes: list[int], changes: int) -> str:
    """The sheet maker page of a site built (without PDFs) from the shipped bank and from a
    synthetic bank of each size: its weight and update time (pages.py)."""
    import pages  # Playwright: only for the pages' commands

    with measure.work_folder("sheet-maker-") as tmp:
        bench, sites = Growth(tmp, [SHIPPED, *sorted(set(sizes))], set(), 1), {}
        for size, bank in bench.banks.items():
            print(f"Building the site of {column(size)} ...", file=sys.stderr, flush=True)
            sites[column(size)] = (tmp / f"site-{size}", bank)
            run_measured([BIN / "mkdocs", "build", "-f", f"nopdf-{bank.name}.yml", "-d",
                          sites[column(size)][0]], bench.project, bench.env)
        return pages.sheet_maker(sites, changes)


def main(argv: list[str] | None = None) -> None:
    def numbers(text: str) -> list[int]:
        if not all(part.isdigit() and int(part) > 0 for part in text.split(",")):
            raise argparse.ArgumentTypeError(f"not positive whole numbers: {text!r}")
        return [int(part) for part in text.split(",")]

    parser = argparse.ArgumentParser(prog="python3 tasks.py bench", description=__doc__)
    parser.add_argument("command", nargs="?", default="growth", choices=[
        "growth", "startup", "sheet-maker", "search", "lighthouse"])
    parser.add_argument("--runs", type=lambda text: numbers(text)[0], help=(
        "runs, the medians shown (default growth 3 or 1 with --quick, startup 20, search 5, "
        "lighthouse 5)"))
    parser.add_argument("--sizes", type=numbers,
                        help="growth, sheet-maker: synthetic banks (default 100,1000,10000)")
    parser.add_argument("--quick", action="store_true",
                        help="growth as a smoke run: no warm-up, sizes 100,1000, one run")
    parser.add_argument("--skip", type=lambda text: set(text.split(",")), default=set(),
                        help="growth: pdf (leave out every row that renders PDFs)")
    parser.add_argument("--output", type=Path, help="growth: also write the report here")
    parser.add_argument("--keep", action="store_true", help="growth: keep the work folder")
    parser.add_argument("--changes", type=lambda text: numbers(text)[0], default=25,
                        help="sheet-maker: changes timed per bank (default 25)")
    parser.add_argument("--site", type=Path, default=measure.ROOT / "site",
                        help="search: a built site (default site)")
    parser.add_argument("--pages", help="lighthouse: only these pages, such as index.html")
    parser.add_argument("--runs-for", action="append", default=[], metavar="N:PAGE,...",
                        help="lighthouse: N runs, not --runs, for these pages (repeatable)")
    args = parser.parse_args(argv)
    if args.skip - {"pdf"}:
        parser.error("--skip takes pdf")
    args.sizes = args.sizes or ([100, 1_000] if args.quick else [100, 1_000, 10_000])
    args.runs = args.runs or {"growth": 1 if args.quick else 3, "startup": 20, "search": 5,
                              "lighthouse": 5}.get(args.command)
    if args.command == "growth":
        print(growth(args, [SHIPPED, *sorted(set(args.sizes))], "run_size", 3))
    elif args.command == "startup":
        args.skip, args.quick = {"pdf"}, False
        print(growth(args, [SHIPPED], "startup", 1))
    else:
        sys.path.insert(0, str(measure.ROOT))  # this checkout's generator, for the sheet maker
        import pages  # Playwright: only for these commands

        print(sheet_maker(args.sizes, args.changes) if args.command == "sheet-maker"
              else pages.search(args.site.resolve(), args.runs)
              if args.command == "search" else
              pages.lighthouse(args.runs, args.runs_for, args.pages))


if __name__ == "__main__":
    main()
