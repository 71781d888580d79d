"""Score the site's pages with Lighthouse (mobile, default settings) beside plain Material pages.

    python3 benchmarks/lighthouse.py                 # one Lighthouse run per page
    python3 benchmarks/lighthouse.py --runs 3        # the median of three per page

Run it with the project's venv Python (`.venv/bin/python`), which has MkDocs. It installs
Lighthouse with npm into benchmarks/.lighthouse (git-ignored) if it is not there yet, builds the
site with the shipped bank and with a synthetic bank of 1,000 questions (`--size`), builds a
plain Material reference page with the same text as each bank page (lighthouse_sites.py),
serves every site on 127.0.0.1 and runs Lighthouse on each page with Debian's Chromium. It
prints the four category scores per page and the key metrics of the bank pages and their
references, and writes the report to benchmarks/work/lighthouse.md (each run's JSON beside it).

Not part of the tests or of CI: Lighthouse's performance score depends on the machine's load
from one run to the next, so the pages are compared within one run of this script.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import lighthouse_sites

HERE = Path(__file__).resolve().parent
WORK = HERE / "work"  # git-ignored
INSTALL = HERE / ".lighthouse"  # git-ignored
# Lighthouse 13 needs Node 22.19 or later; Debian 12 ships Node 20, which Lighthouse 12 supports.
# A fixed version also keeps the scores comparable from one run of this script to the next.
PACKAGE = "lighthouse@12.8.2"
CHROMIUM = "/usr/bin/chromium"
CHROME_FLAGS = "--headless --no-sandbox --disable-gpu"
CATEGORIES = {"performance": "Performance", "accessibility": "Accessibility",
              "best-practices": "Best practices", "seo": "SEO"}
METRICS = {"first-contentful-paint": ("FCP", "ms"), "largest-contentful-paint": ("LCP", "ms"),
           "total-blocking-time": ("TBT", "ms"), "cumulative-layout-shift": ("CLS", ""),
           "speed-index": ("Speed index", "ms")}


def pages(size: int) -> list[tuple[str, str, str]]:
    """(label, site, path) of every page scored; the bank pages are followed by their reference."""
    bank = f"bank-{size}"
    return [
        ("Home", "shipped", "index.html"),
        ("Guide: preparing", "shipped", "guide/preparing.html"),
        ("Guide: asking", "shipped", "guide/asking.html"),
        ("Sheet: explore", "shipped", "sheets/explore.html"),
        ("Question bank (shipped)", "shipped", "questions/index.html"),
        ("Plain Material page, same text (shipped)", "reference-shipped", "index.html"),
        (f"Question bank ({size:,} questions)", bank, "questions/index.html"),
        (f"Plain Material page, same text ({size:,})", f"reference-{bank}", "index.html"),
    ]


def lighthouse_command() -> Path:
    """Lighthouse's command, installed with npm into benchmarks/.lighthouse when missing."""
    command = INSTALL / "node_modules" / ".bin" / "lighthouse"
    if not command.exists():
        if shutil.which("npm") is None:
            sys.exit("npm is needed to install Lighthouse (Debian: apt-get install npm).")
        print(f"Installing {PACKAGE} into {INSTALL} ...", file=sys.stderr, flush=True)
        subprocess.run(["npm", "install", "--no-fund", "--no-audit", "--prefix", str(INSTALL),
                        PACKAGE], check=True)
    return command


def run_lighthouse(command: Path, url: str, output: Path) -> dict[str, Any]:
    """One Lighthouse run on `url`, its JSON report kept at `output`."""
    result = subprocess.run(
        [str(command), url, "--output=json", f"--output-path={output}", "--quiet",
         f"--chrome-flags={CHROME_FLAGS}", "--no-enable-error-reporting"],
        env={**os.environ, "CHROME_PATH": CHROMIUM}, capture_output=True, text=True,
        check=False, timeout=600,
    )
    if result.returncode != 0 or not output.exists():
        sys.exit(f"Lighthouse failed on {url}:\n{result.stderr[-3000:]}")
    report = json.loads(output.read_text(encoding="utf-8"))
    if report.get("runtimeError"):
        sys.exit(f"Lighthouse could not score {url}: {report['runtimeError']}")
    return report


def _median(values: list[float]) -> float:
    return statistics.median(values)


def summarise(reports: list[dict[str, Any]]) -> dict[str, Any]:
    """Median scores and metrics of several runs on one page, the spread of its performance
    score, and the audits that kept any other category below 1.00 in any run."""
    scores = {key: [r["categories"][key]["score"] for r in reports] for key in CATEGORIES}
    failed = sorted({
        audit["id"] for r in reports for key in CATEGORIES if key != "performance"
        for ref in r["categories"][key]["auditRefs"] if ref["weight"] > 0
        for audit in [r["audits"][ref["id"]]]
        if audit["score"] is not None and audit["score"] < 1
    })
    return {
        "diagnostics": diagnostics(reports),
        "scores": {key: _median(values) for key, values in scores.items()},
        "performance_range": (min(scores["performance"]), max(scores["performance"])),
        "metrics": {key: _median([r["audits"][key]["numericValue"] for r in reports])
                    for key in METRICS},
        "failed": failed,
    }


def diagnostics(reports: list[dict[str, Any]]) -> dict[str, Any]:
    """Where a page's time goes (medians over runs): its weight, its number of elements, the
    main thread's work (and the style and layout part of it), what blocks the first paint, and
    the element that moved in the largest layout shift."""
    def value(audit: str) -> float:
        return _median([r["audits"][audit].get("numericValue") or 0 for r in reports])

    def style_layout(report: dict[str, Any]) -> float:
        items = (report["audits"]["mainthread-work-breakdown"].get("details") or {}).get(
            "items", [])
        return sum(item["duration"] for item in items if item["group"] == "styleLayout")

    shifts = [item for r in reports for item in
              (r["audits"].get("layout-shifts", {}).get("details") or {}).get("items", [])]
    moved = max(shifts, key=lambda item: item.get("score", 0), default=None)
    snippet = (moved or {}).get("node", {}).get("snippet", "")
    return {
        "weight": value("total-byte-weight"), "elements": value("dom-size"),
        "main": value("mainthread-work-breakdown"),
        "style": _median([style_layout(r) for r in reports]),
        "blocking": _median([r["audits"]["render-blocking-resources"].get("metricSavings", {})
                             .get("FCP", 0) for r in reports]),
        "moved": snippet.split(">", 1)[0] + ">" if snippet else "none",
    }


def render(results: dict[str, dict[str, Any]], size: int, runs: int, load: str) -> str:
    when = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    note = f"median of {runs} runs" if runs > 1 else "one run"
    lines = [f"## Lighthouse ({when}, {PACKAGE}, mobile, default settings, {note})", "",
             "| Page | " + " | ".join(CATEGORIES.values()) + " |",
             "| --- |" + " ---: |" * len(CATEGORIES)]
    for label, summary in results.items():
        cells = [f"{summary['scores'][key]:.2f}" for key in CATEGORIES]
        low, high = summary["performance_range"]
        if runs > 1:
            cells[0] += f" ({low:.2f}-{high:.2f})"
        lines.append(f"| {label} | " + " | ".join(cells) + " |")
    lines += ["", "Key metrics of the question bank pages and their plain references:", "",
              "| Page | " + " | ".join(name for name, _ in METRICS.values()) + " |",
              "| --- |" + " ---: |" * len(METRICS)]
    for label, summary in results.items():
        if "Question bank" in label or "Plain Material" in label:
            cells = [f"{summary['metrics'][key]:.3f}" if unit == "" else
                     f"{summary['metrics'][key]:,.0f} {unit}"
                     for key, (_, unit) in METRICS.items()]
            lines.append(f"| {label} | " + " | ".join(cells) + " |")
    lines += ["", "Where their time goes (Lighthouse's diagnostics, medians):", "",
              "| Page | Weight | Elements | Main-thread work | of it style and layout | "
              "Render-blocking (FCP savings) | Largest layout shift moved |",
              "| --- | ---: | ---: | ---: | ---: | ---: | --- |"]
    for label, summary in results.items():
        if "Question bank" in label or "Plain Material" in label:
            d = summary["diagnostics"]
            moved = d["moved"].replace("|", "\\|")
            lines.append(f"| {label} | {d['weight'] / 1024:,.0f} KiB | {d['elements']:,.0f} | "
                         f"{d['main']:,.0f} ms | {d['style']:,.0f} ms | {d['blocking']:,.0f} ms "
                         f"| `{moved}` |")
    failed = {label: s["failed"] for label, s in results.items() if s["failed"]}
    lines += ["", "Audits below full marks outside performance: " + (
        "; ".join(f"{label}: {', '.join(ids)}" for label, ids in failed.items()) or "none") + ".",
        "", f"Load average (1 min) at the start / end: {load}. Synthetic bank: {size:,} questions."]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=1, help="Lighthouse runs per page (median)")
    parser.add_argument("--size", type=int, default=1_000, help="synthetic bank size")
    parser.add_argument("--keep", action="store_true", help="keep the built sites")
    args = parser.parse_args(argv)
    mkdocs = Path(sys.executable).parent / "mkdocs"
    if not mkdocs.exists():
        sys.exit("Run this with the project's venv: .venv/bin/python benchmarks/lighthouse.py")
    if not Path(CHROMIUM).exists():
        sys.exit(f"Lighthouse needs Chromium at {CHROMIUM}.")
    command = lighthouse_command()
    WORK.mkdir(exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="lighthouse-", dir=WORK))
    reports_folder = WORK / "lighthouse-reports"
    shutil.rmtree(reports_folder, ignore_errors=True)
    reports_folder.mkdir()
    start_load = os.getloadavg()[0]
    try:
        print("Building the sites ...", file=sys.stderr, flush=True)
        sites = lighthouse_sites.build_sites(work, mkdocs, args.size)
        results: dict[str, dict[str, Any]] = {}
        with lighthouse_sites.serve(sites) as urls:
            for number, (label, site, path) in enumerate(pages(args.size), start=1):
                reports = []
                for run in range(1, args.runs + 1):
                    output = reports_folder / f"{number:02d}-{site}-run{run}.json"
                    reports.append(run_lighthouse(command, urls[site] + path, output))
                    scores = reports[-1]["categories"]
                    print(f"  {label:<44} run {run}: " + " ".join(
                        f"{scores[key]['score']:.2f}" for key in CATEGORIES),
                        file=sys.stderr, flush=True)
                results[label] = summarise(reports)
    finally:
        if args.keep:
            print(f"Kept {work}", file=sys.stderr)
        else:
            shutil.rmtree(work, ignore_errors=True)
    load = f"{start_load:.2f} / {os.getloadavg()[0]:.2f}"
    text = render(results, args.size, args.runs, load)
    print(text)
    (WORK / "lighthouse.md").write_text(text + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
