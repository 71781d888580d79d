"""The benchmarks' one runner (`python3 tasks.py bench ...` runs it with the venv's Python).

    run.py [--sizes 100,1000,10000] [--runs 3] [--quick] [--skip serve,pdf,yaml] [--output F]
    run.py startup [--runs 20]              a sheet's start-up against `import yaml, jinja2`
    run.py phases [--sizes shipped,1000,322:goals10] [--runs 3]
    run.py sheet-maker [--sizes 100,1000,10000] [--changes 25]
    run.py page-weight [--site site] [--runs 3]
    run.py lighthouse [--runs 5] [--runs-for 3:PATH,...] [--pages PATH,...] [--themed]

The first is the growth benchmark: every command of report.MEASURES as a fresh process, cold,
for the shipped bank and synthetic banks. README.md says what every table means; dated runs
go in RESULTS.md. Nothing here is part of the tests' pass or fail.
"""

from __future__ import annotations

import argparse
import json
import shutil
import signal
import statistics
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

import measure
import report
import synth
from measure import ROOT, SHIPPED, MeasureError, Sample, column, load, serve, work_folder
from report import BASELINE

BIN = Path(sys.executable).parent  # the venv's python, mkdocs and infointerview
FAST = {"check", "sheet-md", "sheet-html", BASELINE}  # sub-second: 3 samples a run
PDF_ROWS = {"build", "build-pdfcache", "sheet-pdf"}  # `--skip pdf`
SLOW_BUILD_SECONDS = 180  # a build this slow is pointed out, not hidden by smaller sizes


def child(args: list[str | Path], project: Path, env: dict[str, str]) -> dict[str, object]:
    """inprocess.py in a fresh process, in the project copy; its JSON."""
    script = measure.HERE / "inprocess.py"
    result = subprocess.run([str(BIN / "python"), str(script), *map(str, args)], cwd=project,
                            env=env, capture_output=True, text=True, check=False)
    if result.returncode:
        raise MeasureError(f"inprocess.py {args[0]} failed:\n{result.stderr[-4000:]}")
    return dict(json.loads(result.stdout))


class Bench:
    """The growth benchmark: the project copy, its banks, and every sample so far."""

    def __init__(self, tmp: Path, sizes: list[int], skip: set[str], repeats: int = 3) -> None:
        self.tmp, self.repeats = tmp, repeats
        self.project = measure.make_project(tmp / "project")
        self.env = measure.project_env(self.project)  # the PDF cache off: the cold path
        self.env_cache = measure.project_env(self.project, pdf_cache=tmp / "pdf-cache")
        self.skip = skip | (PDF_ROWS if "pdf" in skip else set())
        self.samples: dict[tuple[int, str], list[Sample]] = {}
        self.notes: list[str] = []
        self.variants = {size: measure.add_variant(self.project, size) for size in sizes}
        self.goal = synth.read_vocabulary(self.variants[sizes[0]].bank)["goals"][0]
        self.primed: set[int] = set()

    def sample(self, size: int, key: str, command: list[str | Path], run: int,
                stdout: Path | None = None, fresh: Path | None = None) -> None:
        """`command` as a fresh process (3 times if sub-second); run 0 is not recorded.
        `fresh` (a file or folder the command writes) is removed first: left from the run
        before, it would change the work."""
        if key in self.skip:
            return
        env = self.env_cache if key == "build-pdfcache" else self.env
        for _ in range(self.repeats if key in FAST else 1):
            if fresh is not None and fresh.is_dir():
                shutil.rmtree(fresh)
            elif fresh is not None:
                fresh.unlink(missing_ok=True)
            self.record(size, key, measure.run_measured(command, self.project, env, stdout), run)

    def record(self, size: int, key: str, sample: Sample, run: int) -> None:
        if run:
            self.samples.setdefault((size, key), []).append(sample)
            print(f"  run {run}  {column(size):>12}  {report.MEASURES[key]:<41} "
                  f"{sample.seconds:8.3f} s", file=sys.stderr, flush=True)

    def run_size(self, size: int, run: int) -> None:
        """Every row for one bank, once (run 0: the unmeasured warm-up)."""
        variant, iv, mkdocs = self.variants[size], BIN / "infointerview", BIN / "mkdocs"
        if size not in self.primed and "build-pdfcache" not in self.skip:
            # The PDF cache of "full, PDF cache filled", filled as the last build would have.
            measure.run_measured([mkdocs, "build", "-f", variant.config("plugin"), "-d",
                                  self.tmp / "site-prime"], self.project, self.env_cache)
            self.primed.add(size)
        self.sample(size, "check", [iv, "check", "--bank", variant.bank], run)
        self.sample(size, "pages", [iv, "pages", "--output", variant.pages, "--content",
                                    self.project / "content", "--bank", variant.bank], run,
                    fresh=variant.pages)
        # The overhead target's two builds alternate, twice a run, so load falls on both.
        for key, kind in [("plain", "plain"), ("build-nopdf", "nopdf")] * 2 + [
                ("build", "plugin"), ("build-pdfcache", "plugin")]:
            site = self.tmp / f"site-{key}-{size}"
            self.sample(size, key, [mkdocs, "build", "-f", variant.config(kind), "-d", site],
                        run, fresh=site)
        if run == 1 and not {"plain", "build-nopdf"} & self.skip:
            ours, plain = ({p.relative_to(site).as_posix() for p in site.rglob("*")
                            if p.is_file()} for site in (self.tmp / f"site-build-nopdf-{size}",
                                                         self.tmp / f"site-plain-{size}"))
            if ours != plain:  # the overhead ratio is fair only for the same files
                self.notes.append(f"At {column(size)} questions the plugin build (no PDFs) and "
                                  "the plain build made different files: only in ours "
                                  f"{sorted(ours - plain)[:5]}, only in the plain build "
                                  f"{sorted(plain - ours)[:5]}.")
        self.startup(size, run)
        if "yaml" not in self.skip:
            for name, times in child(["yaml", variant.bank, 5], self.project, self.env).items():
                assert isinstance(times, dict)
                self.record(size, f"yaml-{name}", Sample(times["seconds"],
                                                         cpu_seconds=times["cpu_seconds"]), run)
        if "serve" not in self.skip and size != SHIPPED:  # the edit needs synth.py's files
            self.serve(size, run)

    def startup(self, size: int, run: int) -> None:
        """The baseline right before the sheets, so that all see the same load."""
        bank = self.variants[size].bank
        self.sample(size, BASELINE, [BIN / "python", "-c", "import yaml, jinja2"], run)
        sheet: list[str | Path] = [BIN / "infointerview", "sheet", "--goal", self.goal,
                                   "--bank", bank]
        self.sample(size, "sheet-md", sheet, run, stdout=self.tmp / "sheet.md")
        for key, target in (("sheet-html", self.tmp / "sheet.html"),
                            ("sheet-pdf", self.tmp / "sheet.pdf")):
            self.sample(size, key, [*sheet, "--output", target], run, fresh=target)

    def serve(self, size: int, run: int) -> None:
        """Served without PDFs: the edit is to a question on no sheet, so none would change."""
        variant, marker = self.variants[size], f"zzbench{size}r{run}t{time.time_ns() % 10**6}"
        edited, text = synth.mark_first_question(variant.bank / "questions", marker)
        (self.tmp / "serve-tmp").mkdir(exist_ok=True)  # its temp site, apart from the project
        result = measure.serve_rebuild(BIN / "mkdocs", variant.config("nopdf"), edited, text,
                                       "questions/index.html", marker,
                                       {**self.env, "TMPDIR": str(self.tmp / "serve-tmp")})
        self.record(size, "serve-start", Sample(result["first_build"],
                                                int(result["peak"]) or None), run)
        self.record(size, "serve-seen", Sample(result["seen"]), run)
        self.record(size, "serve-rebuild", Sample(result["rebuild"]), run)
        if result["extra"]:
            self.notes.append(f"At {size:,} questions, run {run}, mkdocs serve built 2 or more "
                              "times after one edit.")


def growth(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python3 tasks.py bench", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", help="synthetic sizes (default 100,1000,10000)")
    parser.add_argument("--runs", type=int, help="runs; the medians are shown (default 3)")
    parser.add_argument("--quick", action="store_true",
                        help="smoke run: no warm-up, sizes 100,1000 and one run unless given")
    parser.add_argument("--skip", default="", help="some of serve,pdf,yaml")
    parser.add_argument("--output", type=Path, help="also write the report here")
    parser.add_argument("--keep", action="store_true", help="keep the work folder")
    args = parser.parse_args(argv)
    sizes = [SHIPPED, *sorted({int(s) for s in (args.sizes or (
        "100,1000" if args.quick else "100,1000,10000")).split(",")})]
    runs, skip = args.runs or (1 if args.quick else 3), set(filter(None, args.skip.split(",")))
    if skip - {"serve", "pdf", "yaml"} or runs < 1 or min(sizes[1:]) < 1:
        parser.error("--skip takes some of serve,pdf,yaml; --runs and --sizes must be positive")
    return bench(sizes, runs, skip, args.quick, args.keep, [args.output], Bench.run_size)


def startup(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="run.py startup", description=(
        "A sheet from the shipped bank, Markdown and HTML, against the baseline, interleaved."))
    parser.add_argument("--runs", type=int, default=20, help="runs (default 20)")
    args = parser.parse_args(argv)
    return bench([SHIPPED], args.runs, {"pdf"}, False, False, [], Bench.startup, repeats=1)


def bench(sizes: list[int], runs: int, skip: set[str], quick: bool, keep: bool,
          outputs: list[Path | None], step: object, repeats: int = 3) -> int:
    """Run `step` (Bench.run_size or Bench.startup) `runs` times over `sizes`; the report."""
    if signal.getsignal(signal.SIGINT) == signal.SIG_IGN:
        # Started with `&`, we inherit an ignored Ctrl+C, and so would `mkdocs serve`, which
        # could then not shut down cleanly; a handled signal is reset in a child.
        signal.signal(signal.SIGINT, signal.default_int_handler)
    started, load_before = time.perf_counter(), load()
    try:
        with work_folder("run-", keep) as tmp:
            print(f"Making banks of {', '.join(map(column, sizes))} questions in {tmp} ...",
                  file=sys.stderr, flush=True)
            measured = Bench(tmp, sizes, skip, repeats)
            for run in range(0 if not quick else 1, runs + 1):  # run 0 warms up: .pyc, caches
                for size in sizes[:1] if run == 0 else sizes:
                    step(measured, size, run)  # type: ignore[operator]
            info = measure.machine()  # run.py runs with the venv's Python
    except MeasureError as error:
        print(f"\nA measured command failed:\n{error}", file=sys.stderr)
        return 1
    info["Load averages (1, 5, 15 min), start / end"] = f"{load_before} / {load()}"
    results = {key: measure.Summary.of(samples) for key, samples in measured.samples.items()}
    found = report.ratios(results, sizes)
    slow = [column(size) for size in sizes if (size, "build") in results
            and results[size, "build"].median > SLOW_BUILD_SECONDS]
    missed = [item.name for item in found if item.verdict == "NOT met"]
    text = "\n".join([
        f"## Results ({datetime.now(UTC):%Y-%m-%d %H:%M} UTC, "
        f"{(time.perf_counter() - started) / 60:.1f} minutes)", "",
        report.tables(results, sizes, runs, repeats), "", "## Ratios and targets", "",
        report.ratio_table(found), "", "## Machine", "", "| | |", "| --- | --- |",
        *(f"| {key} | {value} |" for key, value in info.items()),
        *([f"\nNOTE: mkdocs build took over {SLOW_BUILD_SECONDS} s at {', '.join(slow)} "
           "questions."] if slow else []),
        *(f"\nNOTE: {note}" for note in measured.notes),
        "", f"Targets NOT met: {len(missed)}" if missed else "All targets met."])
    print(text)
    for path in (measure.WORK / "last-run.md", *outputs):
        if path is not None:
            path.write_text(text + "\n", encoding="utf-8")
    return 0


PHASES = {
    "import": "import the generator (and Jinja)",
    "parse": "parse the YAML (parse_yaml, every file)",
    "validate": "load_bank less the parse: checks, model, references, coverage",
    "content": "check the hand-written pages' inserts",
    "compile": "compile every template (Jinja, no bytecode cache)",
    "maker": "the sheet maker's and filter's data alone (data_assets; part of render)",
    "render": "render the site pages (site_pages, templates compiled)",
    "total": "total (what the plugin adds to a build, about)",
}


def phases(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="run.py phases", description=(
        "The plugin's work in a build, phase by phase: CPU ms, median of fresh processes. "
        "A size N:goals10 (roles10, industries10) has ten times the shipped goals."))
    parser.add_argument("--sizes", default="shipped,1000,10000")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    columns: dict[str, dict[str, float]] = {}
    with work_folder("phases-") as tmp:
        project = measure.make_project(tmp / "project")
        env = measure.project_env(project)
        for spec in args.sizes.split(","):
            size_text, _, scaled = spec.partition(":")
            size = SHIPPED if size_text == "shipped" else int(size_text)
            section = scaled.rstrip("0123456789")
            scale = {section: int(scaled[len(section):])} if scaled else None
            bank = measure.add_variant(project, size, scale).bank
            runs = [child(["phases", bank, project / "content"], project, env)
                    for _ in range(args.runs)]
            name = column(size) + (" q" if size else "") + (
                f", {section} x{scale[section]}" if scale else "")
            columns[name] = {key: statistics.median(float(r[key]) for r in runs)  # type: ignore[arg-type]
                             for key in PHASES}
    print(f"Median CPU time in ms over {args.runs} fresh processes:\n")
    print("| Phase | " + " | ".join(columns) + " |\n| --- |" + " ---: |" * len(columns))
    for key, label in PHASES.items():
        print(f"| {label} | " + " | ".join(f"{c[key] * 1000:.0f}" for c in columns.values())
              + " |")
    return 0


def sheet_maker(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="run.py sheet-maker", description=(
        "The sheet maker page's weight and update time, shipped bank and synthetic ones."))
    parser.add_argument("--sizes", default="100,1000,10000")
    parser.add_argument("--changes", type=int, default=25, help="changes timed per bank")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT))  # this checkout's generator
    import pages  # Playwright: only for the pages' benchmarks

    with work_folder("sheet-maker-") as work:
        rows = [pages.sheet_maker("shipped", synth.SHIPPED_BANK, work / "shipped", args.changes)]
        for size in (int(s) for s in args.sizes.split(",") if s):
            bank = synth.write_bank(size, work / f"bank-{size}")
            rows.append(pages.sheet_maker(f"{size:,} questions", bank, work / str(size),
                                          args.changes))
    print("| Bank | Page HTML | Data (raw) | Data (gzip) | All (raw) | All (gzip) | Update, "
          f"median of {args.changes} | Update, slowest | Making the page |\n"
          "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    print("\n".join("| " + " | ".join(cells) + " |" for cells, _, _ in rows))
    print(f"\nShipped bank data under 150 KB gzip: {'met' if rows[0][1] < 150_000 else 'NOT met'}."
          f"\nUpdate under 50 ms at {rows[-1][0][0]}: {'met' if rows[-1][2] < 50 else 'NOT met'}.")
    return 0


def page_weight(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="run.py page-weight", description=(
        "Bytes of a first visit to every page (http and file://), the first search's time."))
    parser.add_argument("--site", type=Path, default=ROOT / "site", help="a built site")
    parser.add_argument("--runs", type=int, default=3, help="search timings per page")
    args = parser.parse_args(argv)
    site = args.site.resolve()
    if not (site / "index.html").is_file():
        sys.exit(f"No built site in {site}: run `python3 tasks.py build` first.")
    import pages  # Playwright: only for the pages' benchmarks

    with serve({"site": site}) as urls:
        print("\n".join(pages.page_weight(site, urls["site"], args.runs)))
    return 0


def lighthouse_main(argv: list[str]) -> int:
    import lighthouse  # only here: the growth benchmark's child processes need none of it

    parser = argparse.ArgumentParser(prog="run.py lighthouse", description=lighthouse.__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5, help="runs per page (the median counts)")
    parser.add_argument("--runs-for", action="append", default=[], metavar="N:PATH,...",
                        help="N runs, not --runs, for these pages (repeatable)")
    parser.add_argument("--pages", help="only these pages (paths such as guide/during.html)")
    parser.add_argument("--themed", action="store_true",
                        help=f"also score each page against {lighthouse.THEMED}")
    parser.add_argument("--size", type=int, help="also the bank page with N synthetic questions")
    parser.add_argument("--keep", action="store_true", help="keep the built sites")
    args = parser.parse_args(argv)
    runs_for = {path: int(n) for spec in args.runs_for
                for n, paths in [spec.split(":", 1)] for path in paths.split(",")}
    command, mkdocs = lighthouse.lighthouse_command(), Path(sys.executable).parent / "mkdocs"
    started, load_before = datetime.now(UTC), load()
    with work_folder("lighthouse-", args.keep) as work:
        print("Building the sites ...", file=sys.stderr, flush=True)
        sites = lighthouse.build_sites(work, mkdocs, args.size, args.themed)
        wanted = set(args.pages.split(",")) if args.pages else None
        pages = [(f"{site}: {path}" if args.size else path, site, path)
                 for site in sites if "," not in site
                 for path in lighthouse.site_pages(sites[site])
                 if (site == "shipped" and (wanted is None or path in wanted))
                 or (site != "shipped" and path == "questions/index.html")]
        unknown = ((wanted or set()) | set(runs_for)) - {path for _, _, path in pages}
        if unknown:
            sys.exit(f"No such pages: {', '.join(sorted(unknown))}")
        reports: dict[tuple[str, str], list[lighthouse.Report]] = {}
        folder = measure.WORK / "lighthouse-reports"
        folder.mkdir(parents=True, exist_ok=True)
        for path in folder.glob("*.json"):
            path.unlink()
        with serve(sites) as urls:
            for run in range(1, max([args.runs, *runs_for.values()]) + 1):
                # Rounds: each page, then at once its references, so load falls on all alike.
                for number, (label, site, path) in enumerate(pages):
                    if run > runs_for.get(path, args.runs):
                        continue
                    for kind, name in enumerate([site, *(s for s in sites
                                                         if s.startswith(site + ", "))]):
                        output = folder / f"{number:02d}-{kind}-run{run}.json"
                        report = lighthouse.run_lighthouse(command, urls[name] + path, output)
                        reports.setdefault((name, path), []).append(report)
                        print(f"  {label:<48} {name:<40} run {run}: "
                              f"{report['categories']['performance']['score']:.2f}",
                              file=sys.stderr, flush=True)
                # The report so far, after every round: a run stopped early still has one.
                results = [(label, {name.removeprefix(site).lstrip(", ") or lighthouse.OURS:
                                    lighthouse.summarise(reports[name, path])
                                    for name in sites if name.startswith(site)})
                           for label, site, path in pages]
                counts = sorted({len(reports[site, path]) for _, site, path in pages})
                runs = "-".join(map(str, sorted({counts[0], counts[-1]})))
                text = lighthouse.render(
                    results, f"## Lighthouse ({started:%Y-%m-%d %H:%M} UTC, {lighthouse.PACKAGE},"
                    f" mobile, default settings, runs per page: {runs})",
                    f"Load averages (1, 5, 15 min) at the start: {load_before}; at the end: "
                    f"{load()} ({datetime.now(UTC):%H:%M} UTC). {len(pages)} pages.")
                (measure.WORK / "lighthouse.md").write_text(text + "\n", encoding="utf-8")
    print(text)
    return 0


COMMANDS = {"startup": startup, "phases": phases, "sheet-maker": sheet_maker,
            "page-weight": page_weight, "lighthouse": lighthouse_main}


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] in COMMANDS:
        return COMMANDS[argv[0]](argv[1:])
    return growth(argv)


if __name__ == "__main__":
    sys.exit(main())
