"""Score the site's pages with Lighthouse (mobile, default settings) beside plain Material pages.

    python3 benchmarks/lighthouse.py                 # one Lighthouse run per page
    python3 benchmarks/lighthouse.py --runs 3        # the median of three per page

Run it with the project's venv Python (`.venv/bin/python`), which has MkDocs. It installs
Lighthouse with npm into benchmarks/.lighthouse (git-ignored) if it is not there yet, builds the
site with the shipped bank and with a synthetic bank of 1,000 questions (`--size`), builds for
each a plain Material reference site (Material's defaults, search included) with the same text
on every page (lighthouse_sites.py), serves every site on 127.0.0.1 and runs Lighthouse on each
page and its reference with Debian's Chromium. It prints each page beside its reference
(lighthouse_report.py) and writes the report to benchmarks/work/lighthouse.md (each run's JSON
beside it).

Not part of the tests or of CI: Lighthouse's performance score depends on the machine's load
from one run to the next, so a page is only compared with its reference, run right after it in
each round of the same run of this script.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import lighthouse_report
import lighthouse_sites
from lighthouse_report import CATEGORIES, REFERENCE, Report

HERE = Path(__file__).resolve().parent
WORK = HERE / "work"  # git-ignored
INSTALL = HERE / ".lighthouse"  # git-ignored
# Lighthouse 13 needs Node 22.19 or later; Debian 12 ships Node 20, which Lighthouse 12 supports.
# A fixed version also keeps the scores comparable from one run of this script to the next.
PACKAGE = "lighthouse@12.8.2"
CHROMIUM = "/usr/bin/chromium"
CHROME_FLAGS = "--headless --no-sandbox --disable-gpu"
# Guide pages of different kinds and lengths: the home page with its cards, a long guide page, a
# short one with message templates (and the composer's copy buttons), and a ready-made sheet.
GUIDE_PAGES = {"Home": "index.html", "Guide: preparing": "guide/preparing.html",
               "Guide: asking": "guide/asking.html", "Sheet: explore": "sheets/explore.html"}
BANK_PAGE = "questions/index.html"


@dataclass(frozen=True)
class Page:
    """A page scored: its label, the site it is on (as build_sites names them) and its path.
    Its reference is the page at the same path on the site "reference-<site>"."""

    label: str
    site: str
    path: str

    @property
    def reference_site(self) -> str:
        return f"reference-{self.site}"


def pages(size: int) -> list[Page]:
    return [*(Page(label, "shipped", path) for label, path in GUIDE_PAGES.items()),
            Page("Question bank (shipped)", "shipped", BANK_PAGE),
            Page(f"Question bank ({size:,} questions)", f"bank-{size}", BANK_PAGE)]


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


def run_lighthouse(command: Path, url: str, output: Path) -> Report:
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


def score(command: Path, scored: list[Page], urls: dict[str, str], runs: int,
          folder: Path) -> dict[tuple[str, str], list[Report]]:
    """Every page's reports, by (site, path). The runs go in rounds, and within a round each
    page is followed at once by its reference, so that a change in the machine's load during
    the run falls on both alike."""
    reports: dict[tuple[str, str], list[Report]] = {}
    for run in range(1, runs + 1):
        for number, page in enumerate(scored, start=1):
            for site in (page.site, page.reference_site):
                output = folder / f"{number:02d}-{site}-run{run}.json"
                report = run_lighthouse(command, urls[site] + page.path, output)
                reports.setdefault((site, page.path), []).append(report)
                name = page.label + (f", {REFERENCE}" if site != page.site else "")
                print(f"  {name:<50} run {run}: " + " ".join(
                    f"{report['categories'][key]['score']:.2f}" for key in CATEGORIES),
                    file=sys.stderr, flush=True)
    return reports


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
    scored = pages(args.size)
    try:
        print("Building the sites ...", file=sys.stderr, flush=True)
        sites = lighthouse_sites.build_sites(work, mkdocs, args.size, {
            site: [page.path for page in scored if page.site == site]
            for site in {page.site for page in scored}})
        with lighthouse_sites.serve(sites) as urls:
            reports = score(command, scored, urls, args.runs, reports_folder)
    finally:
        if args.keep:
            print(f"Kept {work}", file=sys.stderr)
        else:
            shutil.rmtree(work, ignore_errors=True)
    results = [(page.label, lighthouse_report.summarise(reports[page.site, page.path]),
                lighthouse_report.summarise(reports[page.reference_site, page.path]))
               for page in scored]
    when = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    note = f"median of {args.runs} runs" if args.runs > 1 else "one run"
    text = lighthouse_report.render(
        results, args.runs,
        f"## Lighthouse ({when}, {PACKAGE}, mobile, default settings, {note})",
        f"Load average (1 min) at the start / end: {start_load:.2f} / "
        f"{os.getloadavg()[0]:.2f}. Synthetic bank: {args.size:,} questions.")
    print(text)
    (WORK / "lighthouse.md").write_text(text + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
