"""The growth benchmark's report: its rows, the ratios and times judged against issue 13's
targets (README.md), and its tables. Verdicts are on wall times; CPU times, which other work on a
shared machine disturbs less, are judged beside them."""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from measure import SHIPPED, Summary, column

# The rows in table order (see README.md). All run with the PDF cache off but the one saying so.
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
MAX_OVERHEAD = {1_000: 1.10, 10_000: 1.25}  # build with our plugin / plain build
MAX_GROWTH, MAX_SHEET, MAX_PARSE = 11.0, 2.0, 1.5  # 1,000 -> 10,000; sheet / baseline; YAML
SHEET_SECONDS, SERVE_SECONDS = {10_000: 1.0}, {1_000: 1.0}
Results = dict[tuple[int, str], Summary]


@dataclass(frozen=True)
class Ratio:
    """A ratio of two rows' medians, or (unit "s") one row's, with its target if it has one."""

    name: str
    value: float  # of wall times: the verdict
    cpu_value: float | None  # of CPU times
    target: float | None  # None: for information
    unit: str = "x"

    @property
    def verdict(self) -> str:
        return _verdict(self.value, self.target)

    @property
    def cpu_verdict(self) -> str:
        return "-" if self.cpu_value is None else _verdict(self.cpu_value, self.target)


def _verdict(value: float, target: float | None) -> str:
    return "(info)" if target is None else "met" if value <= target else "NOT met"


def ratios(results: Results, sizes: list[int]) -> list[Ratio]:
    """Every ratio and time the report judges, in order."""
    found: list[Ratio] = []

    def ratio(name: str, top: tuple[int, str], bottom: tuple[int, str], target: float | None
              ) -> None:
        if top in results and bottom in results and results[bottom].median > 0:
            upper, lower = results[top], results[bottom]
            cpu = upper.cpu / lower.cpu if upper.cpu and lower.cpu else None
            found.append(Ratio(name, upper.median / lower.median, cpu, target))

    def seconds(name: str, key: tuple[int, str], target: float | None) -> None:
        if key in results:
            found.append(Ratio(name, results[key].median, results[key].cpu, target, "s"))

    for size in sizes:  # like for like: neither build makes PDFs
        ratio(f"Generator overhead at {column(size)}: {MEASURES['build-nopdf']} / build, plain",
              (size, "build-nopdf"), (size, "plain"), MAX_OVERHEAD.get(size))
    synthetic = [size for size in sizes if size != SHIPPED]
    pairs = list(itertools.pairwise(synthetic))
    if {1_000, 10_000} <= set(synthetic) and (1_000, 10_000) not in pairs:
        pairs.append((1_000, 10_000))  # the pair with the target
    for low, high in pairs:
        for key in ("check", "build-nopdf", "build"):
            ratio(f"Growth {low:,} -> {high:,} questions: {MEASURES[key]}", (high, key),
                  (low, key), MAX_GROWTH if (low, high) == (1_000, 10_000) else None)
    for size in sizes:
        for key in ("sheet-md", "sheet-html", "sheet-pdf"):
            ratio(f"Start-up at {column(size)}: {MEASURES[key]} / {MEASURES[BASELINE]}",
                  (size, key), (size, BASELINE),
                  MAX_SHEET if size == SHIPPED and key != "sheet-pdf" else None)
        for key in ("sheet-md", "sheet-html"):
            if size in SHEET_SECONDS:
                seconds(f"Time at {column(size)}: {MEASURES[key]}", (size, key),
                        SHEET_SECONDS[size])
        seconds(f"Time at {column(size)}: {MEASURES['serve-rebuild']} (edit to reload)",
                (size, "serve-rebuild"), SERVE_SECONDS.get(size))
        ratio(f"YAML parse at {column(size)}: ours, with lines / yaml.compose with libyaml",
              (size, "yaml-ours"), (size, "yaml-plain"), MAX_PARSE)
    return found


def _number(value: float) -> str:
    return f"{value:.3f}" if value < 1 else f"{value:.2f}"


def tables(results: Results, sizes: list[int], runs: int, repeats: int = 3) -> str:
    """Wall time (± half the range, as a share of the median), CPU time and peak memory."""
    keys = [key for key in MEASURES if any((size, key) in results for size in sizes)]
    sections = [
        (f"Median wall time in seconds over {runs} run(s) ({repeats * runs} samples for the"
         f" sub-second commands: check, sheets, baseline; {2 * runs} for the plain build and the"
         " plugin build without PDFs; the in-process YAML rows are each run's best round), ±"
         " half the min-max range:", keys, lambda s: _number(s.median) + (
             f" ±{(s.high - s.low) / 2 / s.median:.0%}" if s.runs > 1 and s.median else "")),
        # A server's CPU time is known only for its whole life; its peak covers both builds.
        ("Median CPU time (user + system) in seconds:",
         [k for k in keys if not k.startswith("serve")],
         lambda s: _number(s.cpu) if s.cpu is not None else "-"),
        ("Peak memory (RSS of the process, MiB):",
         [k for k in keys if k not in {"serve-seen", "serve-rebuild", "yaml-ours", "yaml-plain"}],
         lambda s: f"{s.peak_bytes / 2**20:.0f}" if s.peak_bytes else "-"),
    ]
    lines: list[str] = []
    for title, rows, cell in sections:
        lines += [title, "", "| Measure | " + " | ".join(
            column(size) + (" q" if size else "") for size in sizes) + " |",
            "| --- |" + " ---: |" * len(sizes)]
        lines += [f"| {MEASURES[key]} | " + " | ".join(
            cell(results[size, key]) if (size, key) in results else "-" for size in sizes)
            + " |" for key in rows]
        lines.append("")
    return "\n".join(lines[:-1])


def ratio_table(found: list[Ratio]) -> str:
    lines = ["| Ratio or time | Wall time | (CPU time) | Target | Result | (by CPU time) |",
             "| --- | ---: | ---: | ---: | --- | --- |"]
    for r in found:
        target = f"<= {r.target:g}{r.unit}" if r.target is not None else "-"
        cpu = f"{r.cpu_value:.2f}{r.unit}" if r.cpu_value is not None else "-"
        lines.append(f"| {r.name} | {r.value:.2f}{r.unit} | {cpu} | {target} | {r.verdict} | "
                     f"{r.cpu_verdict if r.target is not None else ''} |")
    return "\n".join(lines)
