"""Profile one benchmarked command with cProfile, on a synthetic bank, and list its hot spots.

    .venv/bin/python benchmarks/hotspots.py build-nopdf --size 10000
    .venv/bin/python benchmarks/hotspots.py sheet-md --size 1000 --top 40 --sort tottime
    .venv/bin/python benchmarks/hotspots.py sheet-md --size shipped   # the shipped bank

It runs the command exactly as run.py does (fresh process, same project copy and config), but
under `python -m cProfile`, and prints the functions with the most time, then the same list
limited to the generator's own code, which is what a fix would change. Like every row of the
benchmark it runs cold, with the PDF cache off; --warm runs the command once unprofiled first,
which only warms the operating system's file cache and compiles .pyc files.
"""

from __future__ import annotations

import argparse
import io
import pstats
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import synth
from project import SHIPPED, Variant, add_variant, make_project, project_env

HERE = Path(__file__).resolve().parent
COMMANDS = ("check", "pages", "plain", "build-nopdf", "build", "sheet-md", "sheet-html",
            "sheet-pdf")


def command_for(name: str, variant: Variant, tmp: Path, goal: str) -> list[str]:
    """The script and arguments run.py measures for `name` (the console script is Python)."""
    bank, project = str(variant.bank), variant.project
    sheet = ["infointerview", "sheet", "--goal", goal, "--bank", bank]
    commands = {
        "check": ["infointerview", "check", "--bank", bank],
        "pages": ["infointerview", "pages", "--output", str(variant.pages),
                  "--content", str(project / "content"), "--bank", bank],
        "plain": ["mkdocs", "build", "-f", str(variant.plain_config), "-d", str(tmp / "site")],
        "build-nopdf": ["mkdocs", "build", "-f", str(variant.nopdf_config),
                        "-d", str(tmp / "site")],
        "build": ["mkdocs", "build", "-f", str(variant.hook_config), "-d", str(tmp / "site")],
        "sheet-md": sheet,
        "sheet-html": [*sheet, "--output", str(tmp / "sheet.html")],
        "sheet-pdf": [*sheet, "--output", str(tmp / "sheet.pdf")],
    }
    return commands[name]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("command", choices=COMMANDS)
    parser.add_argument("--size", type=lambda text: SHIPPED if text == "shipped" else int(text),
                        default=10_000, help="questions in the synthetic bank, or 'shipped'")
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--sort", choices=("cumulative", "tottime"), default="cumulative")
    parser.add_argument("--warm", action="store_true",
                        help="run the command once first (file cache and .pyc files only)")
    args = parser.parse_args(argv)
    bin_dir = Path(sys.executable).parent
    (HERE / "work").mkdir(exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix="profile-", dir=HERE / "work"))
    try:
        project = make_project(tmp / "project")
        variant = add_variant(project, args.size)
        if args.size == SHIPPED:
            shutil.copytree(synth.SHIPPED_BANK, variant.bank)
        else:
            synth.write_bank(args.size, variant.bank)
        env = project_env(project)
        goal = synth.read_vocabulary(variant.bank).goals[0]
        if args.command == "plain":  # the plain build needs the pre-rendered pages
            pages = command_for("pages", variant, tmp, goal)
            subprocess.run([str(bin_dir / pages[0]), *pages[1:]], cwd=project, env=env,
                           check=True, capture_output=True)
        script, *rest = command_for(args.command, variant, tmp, goal)
        if args.warm:
            subprocess.run([str(bin_dir / script), *rest], cwd=project, env=env, check=True,
                           capture_output=True)
        output = tmp / "profile.out"
        result = subprocess.run(
            [sys.executable, "-m", "cProfile", "-o", str(output), str(bin_dir / script), *rest],
            cwd=project, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
            check=False,
        )
        if result.returncode != 0:
            print(result.stderr[-4000:], file=sys.stderr)
            return 1
        print(report(output, args.sort, args.top))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


def report(output: Path, sort: str, top: int) -> str:
    stream = io.StringIO()
    stats = pstats.Stats(str(output), stream=stream)
    stats.sort_stats(sort)
    stream.write(f"All code, top {top} by {sort} time:\n")
    stats.print_stats(top)
    stream.write(f"\nThe generator's own code (generator/), top {top} by {sort} time:\n")
    stats.print_stats(r"[/\\]generator[/\\]", top)
    return stream.getvalue()


if __name__ == "__main__":
    sys.exit(main())
