"""Score the site's pages with Lighthouse (mobile, default settings) beside plain Material pages.

    python3 benchmarks/lighthouse.py                 # one Lighthouse run per page
    python3 benchmarks/lighthouse.py --runs 3        # the median of three per page
    python3 benchmarks/lighthouse.py --themed-reference --pages home,guide-preparing
    python3 benchmarks/lighthouse.py --every-page --runs 5   # every page of the shipped build
    python3 benchmarks/lighthouse.py --from-reports          # the report of a stopped run

Run it with the project's venv Python (`.venv/bin/python`), which has MkDocs. It installs
Lighthouse with npm into benchmarks/.lighthouse (git-ignored) if it is not there yet, builds the
site with the shipped bank and with a synthetic bank of 1,000 questions (`--size`), builds for
each a plain Material reference site (Material's defaults, search included) with the same text
on every page (lighthouse_sites.py), serves every site on 127.0.0.1 and runs Lighthouse on each
page and its reference with Debian's Chromium. With --themed-reference each page also has a
second reference, "Material as we configure it": the same plain pages with our mkdocs.yml's
theme palette and features, and nothing else of ours. --pages scores only the pages named
(their keys, as `--help` lists them). It prints each page beside its references
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
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit

import lighthouse_report
import lighthouse_sites
from lighthouse_report import CATEGORIES, OURS, REFERENCE, THEMED, Report

HERE = Path(__file__).resolve().parent
WORK = HERE / "work"  # git-ignored
INSTALL = HERE / ".lighthouse"  # git-ignored
# Lighthouse 13 needs Node 22.19 or later; Debian 12 ships Node 20, which Lighthouse 12 supports.
# A fixed version also keeps the scores comparable from one run of this script to the next.
PACKAGE = "lighthouse@12.8.2"
CHROMIUM = os.environ.get("INFOINTERVIEW_CHROMIUM") or "/usr/bin/chromium"  # as the browser tests
CHROME_FLAGS = "--headless --no-sandbox --disable-gpu"
# Guide pages of different kinds and lengths: the home page with its cards, a long guide page, a
# short one with message templates (and the composer's copy buttons), and a ready-made sheet.
GUIDE_PAGES = {"Home": "index.html", "Guide: preparing": "guide/preparing.html",
               "Guide: asking": "guide/asking.html", "Sheet: explore": "sheets/explore.html"}
BANK_PAGE = "questions/index.html"


# The references a page can have: the site's name prefix (as build_sites names them) and the
# name of its rows in the report.
REFERENCES = {"themed": THEMED, "reference": REFERENCE}


@dataclass(frozen=True)
class Page:
    """A page scored: its label, the site it is on (as build_sites names them) and its path.
    Its references are the pages at the same path on the sites "reference-<site>" (plain
    Material) and "themed-<site>" (Material as we configure it)."""

    label: str
    site: str
    path: str

    @property
    def key(self) -> str:
        """The label as --pages takes it: "Guide: preparing" -> "guide-preparing"."""
        return re.sub(r"[^a-z0-9]+", "-", self.label.lower().replace(",", "")).strip("-")

    def sites(self, themed: bool) -> dict[str, str]:
        """The sites this page is scored on, each with its name in the report: ours first."""
        return {self.site: OURS, **{f"{prefix}-{self.site}": name
                                    for prefix, name in REFERENCES.items()
                                    if themed or prefix == "reference"}}


def pages(size: int, keys: str | None = None) -> list[Page]:
    """The pages scored: all, or those named in `keys` ("home,guide-preparing"; a label such as
    "Guide: preparing" is taken too)."""
    every = [*(Page(label, "shipped", path) for label, path in GUIDE_PAGES.items()),
             Page("Question bank (shipped)", "shipped", BANK_PAGE),
             Page(f"Question bank ({size:,} questions)", f"bank-{size}", BANK_PAGE)]
    if keys is None:
        return every
    wanted = {Page(key, "", "").key for key in keys.split(",") if key.strip()}
    unknown = wanted - {page.key for page in every}
    if unknown or not wanted:
        sys.exit(f"--pages: unknown {', '.join(sorted(unknown)) or 'none given'}; the pages "
                 f"are {', '.join(page.key for page in every)}")
    return [page for page in every if page.key in wanted]


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
          folder: Path, themed: bool) -> dict[tuple[str, str], list[Report]]:
    """Every page's reports, by (site, path). The runs go in rounds, and within a round each
    page is followed at once by its references, so that a change in the machine's load during
    the run falls on all alike."""
    reports: dict[tuple[str, str], list[Report]] = {}
    for run in range(1, runs + 1):
        for number, page in enumerate(scored, start=1):
            for site, kind in page.sites(themed).items():
                output = folder / f"{number:02d}-{site}-run{run}.json"
                report = run_lighthouse(command, urls[site] + page.path, output)
                reports.setdefault((site, page.path), []).append(report)
                name = page.label + (f", {kind}" if kind != OURS else "")
                print(f"  {name:<60} run {run}: " + " ".join(
                    f"{report['categories'][key]['score']:.2f}" for key in CATEGORIES),
                    file=sys.stderr, flush=True)
    return reports


def report_from_files(folder: Path) -> int:
    """Write the report from the JSON reports a run kept ("NN-<site>-runR.json"), each page
    with the rounds that finished for both it and its plain Material reference."""
    found: dict[tuple[str, str], dict[str, Report]] = {}
    for file in sorted(folder.glob("*-run*.json")):
        number, rest = file.stem.split("-", 1)
        site, run = rest.rsplit("-run", 1)
        kind = REFERENCE if site.startswith("reference-") else (
            THEMED if site.startswith("themed-") else OURS)
        report = json.loads(file.read_text(encoding="utf-8"))
        path = urlsplit(report["requestedUrl"]).path.lstrip("/")
        found.setdefault((number, path), {}).setdefault(run, {})[kind] = report
    results = []
    rounds = []
    for (_, path), by_run in sorted(found.items()):
        complete = [run for run, kinds in by_run.items() if {OURS, REFERENCE} <= set(kinds)]
        if not complete:
            continue
        rounds.append(len(complete))
        results.append((path, {kind: lighthouse_report.summarise(
            [by_run[run][kind] for run in complete]) for kind in (OURS, REFERENCE)}))
    if not results:
        sys.exit(f"No page with its reference in {folder}")
    return write_report(
        results, max(rounds),
        f"## Lighthouse ({PACKAGE}, mobile, default settings, from the kept reports: "
        f"{min(rounds)}-{max(rounds)} runs per page)",
        f"Pages: {len(results)}. Load average (1 min) when the report was written: "
        f"{os.getloadavg()[0]:.2f}.")


def write_report(results: list[tuple[str, dict[str, lighthouse_report.Summary]]], runs: int,
                 heading: str, footer: str) -> int:
    """Print the report and keep it in benchmarks/work/lighthouse.md."""
    text = lighthouse_report.render(results, runs, heading, footer)
    print(text)
    (WORK / "lighthouse.md").write_text(text + "\n", encoding="utf-8")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=1, help="Lighthouse runs per page (median)")
    parser.add_argument("--size", type=int, default=1_000, help="synthetic bank size")
    parser.add_argument("--keep", action="store_true", help="keep the built sites")
    parser.add_argument("--themed-reference", action="store_true",
                        help=f"also score each page against {THEMED}: the plain reference "
                             "with our mkdocs.yml's theme palette and features")
    parser.add_argument("--pages", help="comma-separated pages to score, of: "
                        + ", ".join(page.key for page in pages(1_000)).replace("1000", "<size>"))
    parser.add_argument("--every-page", action="store_true",
                        help="score every page of the site built with the shipped bank, each "
                             "beside the reference page of the same path (--pages is ignored)")
    parser.add_argument("--from-reports", action="store_true",
                        help="only write the report from the JSON reports kept in "
                             "benchmarks/work/lighthouse-reports (of a run stopped early: "
                             "each page with the runs it finished, ours and plain Material)")
    args = parser.parse_args(argv)
    if args.from_reports:
        return report_from_files(WORK / "lighthouse-reports")
    mkdocs = Path(sys.executable).parent / "mkdocs"
    if not mkdocs.exists():
        sys.exit("Run this with the project's venv: .venv/bin/python benchmarks/lighthouse.py")
    if not Path(CHROMIUM).exists():
        sys.exit(f"Lighthouse needs Chromium at {CHROMIUM}.")
    # With --every-page the pages are known once the site is built; none is named before.
    scored = [] if args.every_page else pages(args.size, args.pages)
    command = lighthouse_command()
    WORK.mkdir(exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="lighthouse-", dir=WORK))
    reports_folder = WORK / "lighthouse-reports"
    shutil.rmtree(reports_folder, ignore_errors=True)
    reports_folder.mkdir()
    start_load = os.getloadavg()[0]
    try:
        print("Building the sites ...", file=sys.stderr, flush=True)
        sites = lighthouse_sites.build_sites(work, mkdocs, args.size, {
            site: [page.path for page in scored if page.site == site]
            for site in {page.site for page in scored} | ({"shipped"} if args.every_page
                                                          else set())},
            themed=args.themed_reference)
        if args.every_page:
            scored = [Page(path, "shipped", path)
                      for path in lighthouse_sites.site_pages(sites["shipped"])]
        with lighthouse_sites.serve(sites) as urls:
            reports = score(command, scored, urls, args.runs, reports_folder,
                            args.themed_reference)
    finally:
        if args.keep:
            print(f"Kept {work}", file=sys.stderr)
        else:
            shutil.rmtree(work, ignore_errors=True)
    results = [(page.label, {kind: lighthouse_report.summarise(reports[site, page.path])
                             for site, kind in page.sites(args.themed_reference).items()})
               for page in scored]
    when = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    note = f"median of {args.runs} runs" if args.runs > 1 else "one run"
    return write_report(
        results, args.runs,
        f"## Lighthouse ({when}, {PACKAGE}, mobile, default settings, {note})",
        f"Load average (1 min) at the start / end: {start_load:.2f} / "
        f"{os.getloadavg()[0]:.2f}. Synthetic bank: {args.size:,} questions.")


if __name__ == "__main__":
    sys.exit(main())
