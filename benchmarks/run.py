"""Measure how the generator's cost grows with the size of the question bank.

    python3 tasks.py bench                      # sizes 100, 1,000, 10,000; 3 runs each
    python3 tasks.py bench --quick              # smoke run: sizes 100, 1,000; 1 run
    python3 tasks.py bench --sizes 1000 --runs 5 --skip serve,sheet-pdf

(`tasks.py bench` runs `.venv/bin/python benchmarks/run.py` with the same arguments.) Each
command is a fresh process, timed from start to exit, with its own peak memory. The report is
printed and also written to benchmarks/work/last-run.md; README.md explains every row. The
benchmarks are never part of the tests: a slow machine must not fail a build.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import measure
import report
import synth
from measure import MeasureError, Sample, Summary
from project import Variant, add_variant, make_project, project_env

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
WORK = HERE / "work"  # git-ignored
DEFAULT_SIZES = (100, 1_000, 10_000)
# The issue asks to be told, not to have sizes silently shrunk, when a build gets this slow.
SLOW_BUILD_SECONDS = 180
OPTIONAL = ("serve", "sheet-pdf")


def tools_folder() -> Path:
    """The folder with the project's `python`, `mkdocs` and `infointerview` (the venv)."""
    for folder in (Path(sys.executable).parent, ROOT / ".venv" / "bin"):
        if (folder / "mkdocs").exists() and (folder / "infointerview").exists():
            return folder
    sys.exit("Cannot find mkdocs and infointerview; run `python3 tasks.py bench` instead.")


class Bench:
    """One benchmark run: the project copy, the banks, and every sample taken so far."""

    def __init__(self, tmp: Path, sizes: list[int], skip: set[str]) -> None:
        self.bin = tools_folder()
        self.tmp = tmp
        self.project = make_project(tmp / "project")
        self.env = project_env(self.project)
        self.notes: list[str] = []
        self.skip = set(skip)
        self.samples: dict[tuple[int, str], list[Sample]] = {}
        self.baseline: list[Sample] = []
        self.variants: dict[int, Variant] = {}
        self.goal = ""
        (tmp / "serve-tmp").mkdir()
        self.pdf = self.pdf_available()
        for size in sizes:
            variant = add_variant(self.project, size)
            synth.write_bank(size, variant.bank)
            self.variants[size] = variant
        self.goal = synth.read_vocabulary(self.variants[sizes[0]].bank).goals[0]

    def pdf_available(self) -> bool:
        """Whether WeasyPrint imports; without it, leave out what needs it, and say so."""
        probe = subprocess.run([self.tool("python"), "-c", "import weasyprint"], env=self.env,
                               capture_output=True, text=True, check=False)
        if probe.returncode == 0:
            return True
        reason = (probe.stderr.strip().splitlines() or ["unknown error"])[-1]
        self.notes.append(
            f"WeasyPrint does not import ({reason}): the PDF sheet and the full build (with "
            "PDF handouts) were left out, and `mkdocs serve` ran without PDF handouts."
        )
        print(f"WARNING: {self.notes[-1]}", file=sys.stderr)
        self.skip |= {"sheet-pdf", "build"}
        return False

    def tool(self, name: str) -> Path:
        return self.bin / name

    def record(self, size: int, key: str, sample: Sample, run: int) -> None:
        self.samples.setdefault((size, key), []).append(sample)
        peak = f"  {sample.peak_bytes / 2**20:5.0f} MiB" if sample.peak_bytes else ""
        label = report.MEASURES[key]
        print(f"  run {run}  {size:>6,} q  {label:<28} {sample.seconds:8.3f} s{peak}",
              file=sys.stderr, flush=True)

    def timed(self, command: list[str | Path], stdout: Path | None = None) -> Sample:
        return measure.run_measured(command, cwd=self.project, env=self.env, stdout=stdout)

    def run_size(self, variant: Variant, run: int, record: bool = True) -> None:
        """Every measurement for one bank size, once. Builds start from an empty site folder."""
        size, bank = variant.size, variant.bank
        note: Callable[[str, Sample], None] = (
            (lambda key, sample: self.record(size, key, sample, run)) if record
            else (lambda key, sample: None)
        )
        iv = self.tool("infointerview")
        note("check", self.timed([iv, "check", "--bank", bank]))
        shutil.rmtree(variant.pages, ignore_errors=True)  # write every page, every run
        note("pages", self.timed([iv, "pages", "--output", variant.pages,
                                  "--content", self.project / "content", "--bank", bank]))
        builds = (("plain", variant.plain_config), ("build-nopdf", variant.nopdf_config),
                  ("build", variant.hook_config))
        for key, config in builds:
            if key in self.skip:
                continue
            site = self.tmp / f"site-{key}-{size}"
            shutil.rmtree(site, ignore_errors=True)
            note(key, self.timed([self.tool("mkdocs"), "build", "-f", config, "-d", site]))
        if run == 1:
            self.compare_sites(size)
        sheet = [iv, "sheet", "--goal", self.goal, "--bank", bank]
        note("sheet-md", self.timed(sheet, stdout=self.tmp / "sheet.md"))
        for key, suffix in (("sheet-html", ".html"), ("sheet-pdf", ".pdf")):
            if key in self.skip:
                continue
            target = self.tmp / f"sheet{suffix}"
            target.unlink(missing_ok=True)  # an unchanged file is not rewritten; always write
            note(key, self.timed([*sheet, "--output", target]))
        if "serve" not in self.skip:
            self.serve(variant, run, note)

    def compare_sites(self, size: int) -> None:
        """The overhead ratio is fair only if both builds made the same files: say if not."""
        hook, plain = (_files(self.tmp / f"site-{key}-{size}") for key in ("build-nopdf", "plain"))
        if hook != plain:
            only_hook, only_plain = sorted(hook - plain), sorted(plain - hook)
            self.notes.append(
                f"At {size:,} questions the hook build (no PDFs) and the plain build made "
                f"different files: only in the hook build {only_hook[:5]}, only in the plain "
                f"build {only_plain[:5]}."
            )

    def serve(self, variant: Variant, run: int, note: Callable[[str, Sample], None]) -> None:
        edited = sorted((variant.bank / "questions").glob("*.yml"))[0]
        marker = f"zzbench{variant.size}r{run}t{time.time_ns() % 10**6}"  # new on every run
        new_text = synth.mark_question(edited.read_text(encoding="utf-8"), marker)
        result = measure.serve_rebuild(
            self.tool("mkdocs"), variant.hook_config if self.pdf else variant.nopdf_config,
            edited, new_text, "questions/index.html",
            marker, env=self.env, tmp=self.tmp / "serve-tmp",
        )
        note("serve-start", Sample(result.first_build, result.peak_bytes))
        note("serve-rebuild", Sample(result.rebuild))

    def run_baseline(self, run: int) -> None:
        sample = self.timed([self.tool("python"), "-c", "import yaml, jinja2"])
        self.baseline.append(sample)
        print(f"  run {run}  {'':>8}  {report.BASELINE_LABEL:<28} {sample.seconds:8.3f} s",
              file=sys.stderr, flush=True)


def _files(site: Path) -> set[str]:
    return {path.relative_to(site).as_posix() for path in site.rglob("*") if path.is_file()}


def parse(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python3 tasks.py bench", description=__doc__.split("\n\n")[0],
        epilog="Rows and targets are explained in benchmarks/README.md.",
    )
    parser.add_argument("--sizes", type=lambda text: sorted({int(s) for s in text.split(",")}),
                        help="bank sizes, comma-separated (default: 100,1000,10000)")
    parser.add_argument("--runs", type=int, help="runs per measurement; the median is shown "
                        "(default: 3)")
    parser.add_argument("--quick", action="store_true",
                        help="smoke run: sizes 100,1000, one run, no warm-up (unless given)")
    parser.add_argument("--skip", default="", help=f"leave out some of: {','.join(OPTIONAL)}")
    parser.add_argument("--output", type=Path, help="also write the report (Markdown) here")
    parser.add_argument("--keep", action="store_true",
                        help="keep the work folder (banks, pages, sites) for inspection")
    args = parser.parse_args(argv)
    args.sizes = args.sizes or ([100, 1_000] if args.quick else list(DEFAULT_SIZES))
    args.runs = args.runs or (1 if args.quick else 3)
    args.skip = {item for item in args.skip.split(",") if item}
    if args.skip - set(OPTIONAL) or args.runs < 1 or min(args.sizes) < 1:
        parser.error(f"--skip takes some of {OPTIONAL}; --runs and --sizes must be positive")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse(argv)
    WORK.mkdir(exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix="run-", dir=WORK))
    started, load = time.perf_counter(), os.getloadavg()[0]
    try:
        print(f"Generating banks of {', '.join(f'{s:,}' for s in args.sizes)} questions in "
              f"{tmp} ...", file=sys.stderr, flush=True)
        bench = Bench(tmp, args.sizes, args.skip)
        if not args.quick:
            # One unmeasured pass over the smallest bank: compiles .pyc files and fills the
            # disk cache, so the first measured run is not the odd one out.
            print("Warming up ...", file=sys.stderr, flush=True)
            bench.run_size(bench.variants[args.sizes[0]], 0, record=False)
        for run in range(1, args.runs + 1):
            bench.run_baseline(run)
            for size in args.sizes:
                bench.run_size(bench.variants[size], run)
        info = report.machine(bench.tool("python"))
        # Other work on the machine slows the wall times; the CPU times suffer less.
        info["Load average (1 min), start / end"] = f"{load:.2f} / {os.getloadavg()[0]:.2f}"
    except MeasureError as error:
        print(f"\nA measured command failed:\n{error}", file=sys.stderr)
        return 1
    finally:
        if args.keep:
            print(f"Kept the work folder {tmp}", file=sys.stderr)
        else:
            shutil.rmtree(tmp, ignore_errors=True)
    results = {key: Summary.of(samples) for key, samples in bench.samples.items()}
    baseline = Summary.of(bench.baseline)
    text = render(results, baseline, args, info, time.perf_counter() - started, bench.notes)
    print(text)
    for path in (WORK / "last-run.md", args.output):
        if path is not None:
            path.write_text(text + "\n", encoding="utf-8")
    return 0


def render(results: report.Results, baseline: Summary, args: argparse.Namespace,
           info: dict[str, str], elapsed: float, notes: list[str]) -> str:
    found = report.ratios(results, baseline, args.sizes)
    when = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    parts = [
        f"## Results ({when}, {elapsed / 60:.1f} minutes)", "",
        report.tables(results, baseline, args.sizes, args.runs), "",
        "## Ratios and targets", "", report.ratio_table(found), "",
        "## Machine", "", report.machine_table(info),
    ]
    slow = [size for size in args.sizes
            if (size, "build") in results and results[size, "build"].median > SLOW_BUILD_SECONDS]
    if slow:
        parts += ["", f"NOTE: mkdocs build took over {SLOW_BUILD_SECONDS} s at "
                  f"{', '.join(f'{s:,}' for s in slow)} questions."]
    parts += [f"\nNOTE: {note}" for note in notes]
    missed = [item.name for item in found if item.verdict == "NOT met"]
    parts += ["", f"Targets NOT met: {len(missed)}" if missed else "All targets met."]
    return "\n".join(parts)


if __name__ == "__main__":
    sys.exit(main())
