"""The benchmarks' one runner (README.md says what each command measures and what its tables
mean; dated runs go in RESULTS.md; no test's verdict depends on a time): `growth` and `startup`
time commands as fresh processes, from cold, against issue 13's targets; the pages' commands
(`sheet-maker`, `search`, `lighthouse`) are in pages.py.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib.metadata
import os
import platform
import re
import shutil
import statistics
import sys
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import synth
import yaml
from measure import BIN, ROOT, WORK, Sample, load, run_measured, say, table, work_folder

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
    import pages

    print(growth(args) if args.command in ("growth", "startup")
          else pages.sheet_maker(args.sizes, args.changes) if args.command == "sheet-maker"
          else pages.search(args.site.resolve(), args.runs) if args.command == "search"
          else pages.lighthouse(args.runs, args.runs_for, args.pages))


if __name__ == "__main__":
    main()
