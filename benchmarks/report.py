"""The benchmark's report: the tables, the ratios and times against their targets, the machine."""

from __future__ import annotations

import itertools
import json
import os
import platform
import subprocess
from dataclasses import dataclass
from pathlib import Path

from measure import Summary
from project import SHIPPED  # the column of the shipped bank: the start-up target is about it

# Row keys in the order the tables show them, with what each measures (see README.md). Every
# row runs with the PDF cache off, except the one that says otherwise.
MEASURES: dict[str, str] = {
    "check": "infointerview check",
    "pages": "infointerview pages",
    "plain": "mkdocs build, plain",
    "build-nopdf": "mkdocs build, plugin, no PDFs",
    "build": "mkdocs build, full",
    "build-pdfcache": "mkdocs build, full, PDF cache filled",
    "sheet-md": "sheet, Markdown",
    "sheet-html": "sheet, HTML",
    "sheet-pdf": "sheet, PDF",
    "serve-start": "serve, first build",
    "serve-seen": "serve, edit seen",
    "serve-rebuild": "serve, rebuild",
    "yaml-ours": "YAML parse, ours, with lines (in-process)",
    "yaml-plain": "YAML parse, yaml.compose (in-process)",
    "baseline": 'python -c "import yaml, jinja2"',
}
BASELINE = "baseline"
# Rows timed inside one process (best of several rounds), not as a process of their own.
IN_PROCESS = {"yaml-ours", "yaml-plain"}
PACKAGES = ("infointerview", "mkdocs", "mkdocs-material", "Markdown", "pymdown-extensions",
            "Jinja2", "PyYAML", "click", "weasyprint")
# Issue 13's targets, all on the cold path: the generator adds at most 10% to a plain build of
# the same pages at 1,000 questions and 25% at 10,000; ten times the questions cost at most 11
# times the time; a sheet from the shipped bank starts at most twice as slowly as Python
# importing its two libraries, and one from 10,000 questions takes under a second; an edit is
# in the browser within a second at 1,000 questions; our YAML parse with line numbers costs at
# most 1.5 times libyaml's plain compose of the same files.
MAX_OVERHEAD = {1_000: 1.10, 10_000: 1.25}
MAX_GROWTH, MAX_SHEET, MAX_PARSE = 11.0, 2.0, 1.5
SHEET_SECONDS = {10_000: 1.0}
SERVE_SECONDS = {1_000: 1.0}

Results = dict[tuple[int, str], Summary]


def column(size: int) -> str:
    return "shipped bank" if size == SHIPPED else f"{size:,}"


@dataclass(frozen=True)
class Ratio:
    """A ratio of two rows, or (unit "s") one row's time, with its target if it has one."""

    name: str
    value: float  # of median wall times; the verdict is on this
    cpu_value: float | None  # the same of median CPU times: if far off, the machine was busy
    target: float | None  # None: shown for information only
    unit: str = "x"

    @property
    def verdict(self) -> str:
        return _verdict(self.value, self.target)

    @property
    def cpu_verdict(self) -> str:
        """The same judged on CPU times, which other work on a shared machine disturbs less;
        the report shows it beside the verdict, which stays on wall times."""
        return "-" if self.cpu_value is None else _verdict(self.cpu_value, self.target)


def _verdict(value: float, target: float | None) -> str:
    if target is None:
        return "(info)"
    return "met" if value <= target else "NOT met"


def ratios(results: Results, sizes: list[int]) -> list[Ratio]:
    """Every ratio and time the report judges, in order. `sizes` may include SHIPPED."""
    found: list[Ratio] = []

    def ratio(
        name: str, top: tuple[int, str], bottom: Summary | None, target: float | None
    ) -> None:
        if top not in results or bottom is None or bottom.median <= 0:
            return
        upper = results[top]
        cpu = upper.cpu / bottom.cpu if upper.cpu and bottom.cpu else None
        found.append(Ratio(name, upper.median / bottom.median, cpu, target))

    def seconds(name: str, key: tuple[int, str], target: float | None) -> None:
        if key in results:
            found.append(Ratio(name, results[key].median, results[key].cpu, target, "s"))

    for size in sizes:
        # Like for like: the plain build has no PDF handouts, so neither may the plugin build.
        ratio(f"Generator overhead at {column(size)}: {MEASURES['build-nopdf']} / build, plain",
              (size, "build-nopdf"), results.get((size, "plain")), MAX_OVERHEAD.get(size))
    synthetic = [size for size in sizes if size != SHIPPED]
    pairs = list(itertools.pairwise(synthetic))
    if 1_000 in synthetic and 10_000 in synthetic and (1_000, 10_000) not in pairs:
        pairs.append((1_000, 10_000))  # the pair the target is about, even if not adjacent
    for low, high in pairs:
        target = MAX_GROWTH if (low, high) == (1_000, 10_000) else None
        for key in ("check", "build-nopdf", "build"):
            ratio(f"Growth {low:,} -> {high:,} questions: {MEASURES[key]}",
                  (high, key), results.get((low, key)), target)
    for size in sizes:
        for key in ("sheet-md", "sheet-html", "sheet-pdf"):
            target = MAX_SHEET if size == SHIPPED and key != "sheet-pdf" else None
            ratio(f"Start-up at {column(size)}: {MEASURES[key]} / {MEASURES[BASELINE]}",
                  (size, key), results.get((size, BASELINE)), target)
        for key in ("sheet-md", "sheet-html"):
            if size in SHEET_SECONDS:
                seconds(f"Time at {column(size)}: {MEASURES[key]}", (size, key),
                        SHEET_SECONDS[size])
        seconds(f"Time at {column(size)}: {MEASURES['serve-rebuild']} (edit to reload)",
                (size, "serve-rebuild"), SERVE_SECONDS.get(size))
        ratio(f"YAML parse at {column(size)}: ours, with lines / yaml.compose with libyaml",
              (size, "yaml-ours"), results.get((size, "yaml-plain")), MAX_PARSE)
    return found


def _seconds(summary: Summary | None) -> str:
    if summary is None:
        return "-"
    # The spread is half the range around the median, as a share of it: noise at a glance.
    spread = (summary.high - summary.low) / 2 / summary.median if summary.median else 0.0
    text = f"{summary.median:.3f}" if summary.median < 1 else f"{summary.median:.2f}"
    return f"{text} ±{spread:.0%}" if summary.runs > 1 else text


def _cpu(summary: Summary | None) -> str:
    if summary is None or summary.cpu is None:
        return "-"
    return f"{summary.cpu:.3f}" if summary.cpu < 1 else f"{summary.cpu:.2f}"


def _mebibytes(summary: Summary | None) -> str:
    if summary is None or summary.peak_bytes is None:
        return "-"
    return f"{summary.peak_bytes / 2**20:.0f}"


def tables(results: Results, sizes: list[int], runs: int) -> str:
    keys = [key for key in MEASURES if any((size, key) in results for size in sizes)]
    head = "| Measure | " + " | ".join(f"{column(size)} q" if size else column(size)
                                       for size in sizes) + " |"
    rule = "| --- |" + " ---: |" * len(sizes)
    sections = (
        (f"Median wall time in seconds over {runs} run(s) ({3 * runs} samples for the sub-second"
         f" commands: check, sheets, baseline; {2 * runs} for the plain build and the plugin build"
         " without PDFs; the in-process YAML rows are each run's best round), ± half the"
         " min-max range:",
         _seconds, keys),
        # A server's CPU time is known only for its whole life, so serve rows have none.
        ("Median CPU time (user + system) in seconds:", _cpu,
         [k for k in keys if not k.startswith("serve")]),
        # The server's peak over both of its builds is on its "first build" row; the in-process
        # rows share one process, whose peak says nothing about either.
        ("Peak memory (RSS of the process, MiB):", _mebibytes,
         [k for k in keys if k not in {"serve-seen", "serve-rebuild", *IN_PROCESS}]),
    )
    lines: list[str] = []
    for title, cell, rows in sections:
        lines += [title, "", head, rule]
        for key in rows:
            cells = [cell(results.get((size, key))) for size in sizes]
            lines.append(f"| {MEASURES[key]} | " + " | ".join(cells) + " |")
        lines.append("")
    return "\n".join(lines[:-1])


def ratio_table(found: list[Ratio]) -> str:
    lines = ["| Ratio or time | Wall time | (CPU time) | Target | Result | (by CPU time) |",
             "| --- | ---: | ---: | ---: | --- | --- |"]
    for item in found:
        unit = item.unit
        target = f"<= {item.target:g}{unit}" if item.target is not None else "-"
        cpu = f"{item.cpu_value:.2f}{unit}" if item.cpu_value is not None else "-"
        by_cpu = item.cpu_verdict if item.target is not None else ""
        lines.append(f"| {item.name} | {item.value:.2f}{unit} | {cpu} | {target} | "
                     f"{item.verdict} | {by_cpu} |")
    return "\n".join(lines)


def machine(python: Path) -> dict[str, str]:
    """What the numbers depend on: CPU, cores, memory, OS, Python and package versions."""
    info = {
        "CPU": _cpu_model(),
        "Cores": str(os.cpu_count()),
        "Memory": _memory(),
        "OS": platform.platform(),
    }
    # The versions are those of the interpreter that runs the measured commands (the venv).
    script = (
        "import json, sys, importlib.metadata as m, yaml\n"
        f"names = {list(PACKAGES)!r}\n"
        "def version(n):\n"
        "    try:\n        return m.version(n)\n"
        "    except m.PackageNotFoundError:\n        return 'not installed'\n"
        "print(json.dumps({'Python': sys.version.split()[0],"
        " 'libyaml': str(yaml.__with_libyaml__),"
        " **{n: version(n) for n in names}}))"
    )
    result = subprocess.run([str(python), "-c", script], capture_output=True, text=True, check=True)
    info.update(json.loads(result.stdout))
    return info


def _cpu_model() -> str:
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.is_file():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    return platform.processor() or platform.machine()


def _memory() -> str:
    try:
        total = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    except (ValueError, OSError, AttributeError):
        return "unknown"
    return f"{total / 2**30:.1f} GiB"


def machine_table(info: dict[str, str]) -> str:
    lines = ["| | |", "| --- | --- |"]
    lines += [f"| {key} | {value} |" for key, value in info.items()]
    return "\n".join(lines)
