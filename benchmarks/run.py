"""Measure how the generator's cost grows with the size of the question bank.

    python3 tasks.py bench                      # sizes 100, 1,000, 10,000; 3 runs each
    python3 tasks.py bench --quick              # smoke run: sizes 100, 1,000; 1 run
    python3 tasks.py bench --sizes 1000 --runs 5 --skip serve,pdf

(`tasks.py bench` runs `.venv/bin/python benchmarks/run.py` with the same arguments.) The
shipped bank is always measured too, as the first column. Each command is a fresh process,
timed from start to exit, with its own peak memory, and runs cold: no cache of any kind but
the PDF cache of the one row that says so. The report is printed and also written to
benchmarks/work/last-run.md; README.md explains every row. The benchmarks are never part of
the tests: a slow machine must not fail a build.
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

import report
from measure import MeasureError, Summary
from project import SHIPPED
from suite import Bench

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
WORK = HERE / "work"  # git-ignored
DEFAULT_SIZES = (100, 1_000, 10_000)
# The issue asks to be told, not to have sizes silently shrunk, when a build gets this slow.
SLOW_BUILD_SECONDS = 180
OPTIONAL = ("serve", "pdf", "yaml")


def parse(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python3 tasks.py bench", description=__doc__.split("\n\n")[0],
        epilog="Rows and targets are explained in benchmarks/README.md.",
    )
    parser.add_argument("--sizes", type=lambda text: sorted({int(s) for s in text.split(",")}),
                        help="synthetic bank sizes, comma-separated (default: 100,1000,10000);"
                        " the shipped bank is always measured too")
    parser.add_argument("--runs", type=int, help="runs per measurement; the median is shown "
                        "(default: 3)")
    parser.add_argument("--quick", action="store_true",
                        help="smoke run: no warm-up; sizes 100,1000 and one run unless given")
    parser.add_argument("--skip", default="", help=f"leave out some of: {','.join(OPTIONAL)}")
    parser.add_argument("--output", type=Path, help="also write the report (Markdown) here")
    parser.add_argument("--keep", action="store_true",
                        help="keep the work folder (banks, pages, sites) for inspection")
    args = parser.parse_args(argv)
    sizes = args.sizes or ([100, 1_000] if args.quick else list(DEFAULT_SIZES))
    args.sizes = [SHIPPED, *sizes]
    args.runs = args.runs or (1 if args.quick else 3)
    args.skip = {item for item in args.skip.split(",") if item}
    if args.skip - set(OPTIONAL) or args.runs < 1 or min(sizes) < 1:
        parser.error(f"--skip takes some of {OPTIONAL}; --runs and --sizes must be positive")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse(argv)
    if signal.getsignal(signal.SIGINT) == signal.SIG_IGN:
        # Started in the background (`cmd &`), we inherit an ignored Ctrl+C, and so would
        # `mkdocs serve`, which then could not shut down cleanly. A handled signal is reset to
        # the default in a child, so handling it here gives the server its Ctrl+C back.
        signal.signal(signal.SIGINT, signal.default_int_handler)
    WORK.mkdir(exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix="run-", dir=WORK))
    started, load = time.perf_counter(), os.getloadavg()[0]
    try:
        print(f"Generating banks of {', '.join(f'{s:,}' for s in args.sizes[1:])} questions in "
              f"{tmp} ...", file=sys.stderr, flush=True)
        bench = Bench(tmp, args.sizes, args.skip)
        if not args.quick:
            # One unmeasured pass over the shipped bank: compiles .pyc files and fills the
            # operating system's file cache, so the first measured run is not the odd one out.
            print("Warming up ...", file=sys.stderr, flush=True)
            bench.run_size(bench.variants[args.sizes[0]], 0, record=False)
        for run in range(1, args.runs + 1):
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
    text = render(results, args, info, time.perf_counter() - started, bench.notes)
    print(text)
    for path in (WORK / "last-run.md", args.output):
        if path is not None:
            path.write_text(text + "\n", encoding="utf-8")
    return 0


def render(results: report.Results, args: argparse.Namespace, info: dict[str, str],
           elapsed: float, notes: list[str]) -> str:
    found = report.ratios(results, args.sizes)
    when = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    parts = [
        f"## Results ({when}, {elapsed / 60:.1f} minutes)", "",
        report.tables(results, args.sizes, args.runs), "",
        "## Ratios and targets", "", report.ratio_table(found), "",
        "## Machine", "", report.machine_table(info),
    ]
    slow = [size for size in args.sizes
            if (size, "build") in results and results[size, "build"].median > SLOW_BUILD_SECONDS]
    if slow:
        parts += ["", f"NOTE: mkdocs build took over {SLOW_BUILD_SECONDS} s at "
                  f"{', '.join(report.column(s) for s in slow)} questions."]
    parts += [f"\nNOTE: {note}" for note in notes]
    missed = [item.name for item in found if item.verdict == "NOT met"]
    parts += ["", f"Targets NOT met: {len(missed)}" if missed else "All targets met."]
    return "\n".join(parts)


if __name__ == "__main__":
    sys.exit(main())
