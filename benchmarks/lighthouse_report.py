"""What lighthouse.py reports: each page beside its references from the same run.

A page's references are plain Material with the same text and, on request, Material as we
configure it (the same, with our theme palette and features). A page's performance score moves
from one Lighthouse run to the next with the machine's load, so a page is only ever compared
with its own references, measured in the same rounds, and every median comes with its range: a
difference smaller than the runs' spread is not a difference.
"""

from __future__ import annotations

import itertools
import re
import statistics
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Any

CATEGORIES = {"performance": "Performance", "accessibility": "Accessibility",
              "best-practices": "Best practices", "seo": "SEO"}
# Lighthouse's key metrics: their names in the tables and how their values are written.
METRICS = {"first-contentful-paint": ("FCP", "{:,.0f}"),
           "largest-contentful-paint": ("LCP", "{:,.0f}"),
           "total-blocking-time": ("TBT", "{:,.0f}"),
           "cumulative-layout-shift": ("CLS", "{:.3f}"),
           "speed-index": ("Speed index", "{:,.0f}")}
# How the columns are named; a reference's rows too: "Home, plain Material".
OURS = "ours"
THEMED = "Material as we configure it"
REFERENCE = "plain Material"

Report = dict[str, Any]  # one Lighthouse JSON report


@dataclass(frozen=True)
class Spread:
    """The median of several runs and their range."""

    median: float
    low: float
    high: float

    @classmethod
    def of(cls, values: list[float]) -> Spread:
        return cls(statistics.median(values), min(values), max(values))

    def overlaps(self, other: Spread) -> bool:
        return self.low <= other.high and other.low <= self.high


@dataclass(frozen=True)
class Summary:
    """One page over all its runs."""

    scores: dict[str, Spread]
    metrics: dict[str, Spread]
    diagnostics: dict[str, Any]
    failed: list[str]  # audits that kept accessibility, best practices or SEO below 1.00


def summarise(reports: list[Report]) -> Summary:
    return Summary(
        scores={key: Spread.of([r["categories"][key]["score"] for r in reports])
                for key in CATEGORIES},
        metrics={key: Spread.of([r["audits"][key]["numericValue"] for r in reports])
                 for key in METRICS},
        diagnostics=diagnostics(reports),
        failed=sorted({
            audit["id"] for r in reports for key in CATEGORIES if key != "performance"
            for ref in r["categories"][key]["auditRefs"] if ref["weight"] > 0
            for audit in [r["audits"][ref["id"]]]
            if audit["score"] is not None and audit["score"] < 1
        }),
    )


def diagnostics(reports: list[Report]) -> dict[str, Any]:
    """Where a page's time goes (medians over runs): its weight, its number of elements, the
    main thread's work (the style and layout part of it, and the part Lighthouse charges to
    Material's bundle: its own script work and the style and layout it causes), what blocks
    the first paint (in all, and Lighthouse's estimate per file), and the element moved by the
    largest shift."""
    def median(values: list[float]) -> float:
        return statistics.median(values)

    def items(report: Report, audit: str) -> list[dict[str, Any]]:
        return (report["audits"].get(audit, {}).get("details") or {}).get("items", [])

    blocking_files: dict[str, list[float]] = {}
    for report in reports:
        for item in items(report, "render-blocking-resources"):
            name = PurePosixPath(item["url"].split("?")[0]).name
            blocking_files.setdefault(name, []).append(item["wastedMs"])
    # Material's bundle fetches the search index as it starts. Where the index had arrived
    # before the largest paint in the load Lighthouse watched (unthrottled), its simulation
    # counts the index's download into LCP; where it arrived after, it does not.
    index_first = [_index_before_largest_paint(r) for r in reports]
    moved = max((item for r in reports for item in items(r, "layout-shifts")),
                key=lambda item: item.get("score", 0), default=None)
    snippet = (moved or {}).get("node", {}).get("snippet", "")
    return {
        "weight": median([r["audits"]["total-byte-weight"]["numericValue"] for r in reports]),
        "elements": median([r["audits"]["dom-size"].get("numericValue") or 0 for r in reports]),
        "main": median([r["audits"]["mainthread-work-breakdown"]["numericValue"]
                        for r in reports]),
        "style": median([sum(item["duration"] for item in items(r, "mainthread-work-breakdown")
                             if item["group"] == "styleLayout") for r in reports]),
        "bundle": median([sum(item["total"] for item in items(r, "bootup-time")
                              if re.search(r"/bundle\.[^/]*\.js$", item["url"]))
                          for r in reports]),
        "blocking": median([r["audits"]["render-blocking-resources"].get("metricSavings", {})
                            .get("FCP", 0) for r in reports]),
        # A file counts where it blocked in at least half the runs; its median over those runs.
        "blocking_files": {name: median(values) for name, values in blocking_files.items()
                           if 2 * len(values) >= len(reports)},
        "moved": snippet.split(">", 1)[0] + ">" if snippet else "none",
        "index_first": (f"{sum(bool(x) for x in index_first)} of {len(reports)}"
                        if None not in index_first else "no search"),
    }


def _index_before_largest_paint(report: Report) -> bool | None:
    """Whether the search index had loaded before the largest paint; None without search."""
    requests = report["audits"]["network-requests"]["details"]["items"]
    ends = [r["networkEndTime"] for r in requests if "/search/search_index.json" in r["url"]]
    metrics = report["audits"]["metrics"]["details"]["items"][0]
    return ends[0] < metrics["observedLargestContentfulPaint"] if ends else None


def _spread(spread: Spread, runs: int, form: str = "{:.2f}") -> str:
    text = form.format(spread.median)
    if runs > 1:
        text += f" ({form.format(spread.low)}-{form.format(spread.high)})"
    return text


def _difference(ours: Spread, reference: Spread) -> str:
    text = f"{ours.median - reference.median:+.2f}"
    if ours.overlaps(reference):
        return f"{text}, within the runs' spread"
    return f"{text}, {'higher' if ours.low > reference.high else 'lower'}, beyond the runs' spread"


def _capital(name: str) -> str:
    return name[0].upper() + name[1:]


def render(results: list[tuple[str, dict[str, Summary]]], runs: int, heading: str,
           footer: str) -> str:
    """The report: scores, key metrics and diagnostics of each page, ours then its references.
    `results` holds each page's label and its summaries by column: OURS first, then THEMED
    (if it was scored) and REFERENCE."""
    columns = list(results[0][1])
    # Each column against the next; with three, ours against the last (plain Material) too.
    pairs = list(itertools.pairwise(columns))
    pairs += [(columns[0], columns[-1])] if len(columns) > 2 else []
    lines = [heading, "",
             f"Performance of each page and of its reference{'s' * (len(columns) > 2)} (same "
             f"text), median ({'range' if runs > 1 else 'one run'}); the other categories, "
             + " / ".join(columns) + ":", "",
             "| Page | " + " | ".join(_capital(c) for c in columns) + " | "
             + " | ".join(f"{_capital(a)} vs {b}" for a, b in pairs) + " | "
             + " | ".join(list(CATEGORIES.values())[1:]) + " |",
             "| --- |" + " ---: |" * len(columns) + " --- |" * len(pairs)
             + " ---: |" * (len(CATEGORIES) - 1)]
    for label, summaries in results:
        performance = {c: summaries[c].scores["performance"] for c in columns}
        lines.append(" | ".join([
            f"| {label}", *(_spread(performance[c], runs) for c in columns),
            *(_difference(performance[a], performance[b]) for a, b in pairs),
            *(" / ".join(f"{summaries[c].scores[key].median:.2f}" for c in columns)
              for key in list(CATEGORIES)[1:])]) + " |")
    rows = [(label if column == OURS else f"{label}, {column}", summary)
            for label, summaries in results for column, summary in summaries.items()]
    lines += ["", "Key metrics in ms (CLS: a fraction of the viewport), median"
              + (" (range)" if runs > 1 else "") + ":", "",
              "| Page | " + " | ".join(name for name, _ in METRICS.values()) + " |",
              "| --- |" + " ---: |" * len(METRICS)]
    for name, summary in rows:
        lines.append(f"| {name} | " + " | ".join(
            _spread(summary.metrics[key], runs, form) for key, (_, form) in METRICS.items())
            + " |")
    lines += ["", "Where the time goes (Lighthouse's diagnostics, medians):", "",
              "| Page | Weight | Elements | Main-thread work | of it style and layout | "
              "Material's bundle | Render-blocking (FCP savings) | Search index in LCP (runs) "
              "| Largest layout shift moved |",
              "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |"]
    for name, summary in rows:
        d = summary.diagnostics
        moved = d["moved"].replace("|", "\\|")
        lines.append(f"| {name} | {d['weight'] / 1024:,.0f} KiB | {d['elements']:,.0f} | "
                     f"{d['main']:,.0f} ms | {d['style']:,.0f} ms | {d['bundle']:,.0f} ms | "
                     f"{d['blocking']:,.0f} ms | {d['index_first']} | `{moved}` |")
    lines += ["", "Material's bundle: the time Lighthouse charges to `bundle.*.js` (its own "
              "script work and the style and layout it causes).", "",
              "Render-blocking requests (Lighthouse's estimate of each file's cost to the "
              "first paint, median ms):", ""]
    for name, summary in rows:
        files = sorted(summary.diagnostics["blocking_files"].items(), key=lambda kv: -kv[1])
        lines.append(f"- {name}: " + (", ".join(f"`{file}` {ms:,.0f}" for file, ms in files)
                                       or "none"))
    failed = {name: summary.failed for name, summary in rows if summary.failed}
    lines += ["", "Audits below full marks outside performance: " + (
        "; ".join(f"{name}: {', '.join(ids)}" for name, ids in failed.items()) or "none") + ".",
        "", footer]
    return "\n".join(lines)
