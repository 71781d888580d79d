"""The measurements themselves: every command of report.MEASURES, for one bank size, once.

Everything runs cold, as a clean CI job or a first build does: the PDF cache, the generator's
only cache, is off for every row but "mkdocs build, full, PDF cache filled".
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import time
from pathlib import Path

import measure
import report
import synth
from measure import Sample
from project import SHIPPED, Variant, add_variant, make_project, project_env

ROOT = Path(__file__).resolve().parent.parent
# Sub-second commands are the noisiest, and the start-up target compares two of them: take
# this many samples of each per run (the median is over all of them).
FAST_REPEATS = 3
FAST = {"check", "sheet-md", "sheet-html", report.BASELINE}
YAML_ROUNDS = 5  # in-process rounds of each parser per run; the best counts
# Rows that make PDFs, left out together by `--skip pdf` or without WeasyPrint.
PDF_ROWS = {"build", "build-pdfcache", "sheet-pdf"}


def tools_folder() -> Path:
    """The folder with the project's `python`, `mkdocs` and `infointerview` (the venv)."""
    for folder in (Path(sys.executable).parent, ROOT / ".venv" / "bin"):
        if (folder / "mkdocs").exists() and (folder / "infointerview").exists():
            return folder
    sys.exit("Cannot find mkdocs and infointerview; run `python3 tasks.py bench` instead.")


class Bench:
    """One benchmark: the project copy, the banks, and every sample taken so far."""

    def __init__(self, tmp: Path, sizes: list[int], skip: set[str]) -> None:
        self.bin = tools_folder()
        self.tmp = tmp
        self.project = make_project(tmp / "project")
        self.env = project_env(self.project)  # the PDF cache off: the cold path
        # Only "mkdocs build, full, PDF cache filled" has one, filled once per size (prime).
        self.env_pdf_cache = project_env(self.project, pdf_cache=tmp / "pdf-cache")
        self.primed: set[int] = set()
        self.notes: list[str] = []
        self.skip = set(skip) | (PDF_ROWS if "pdf" in skip else set())
        self.samples: dict[tuple[int, str], list[Sample]] = {}
        (tmp / "serve-tmp").mkdir()
        self.check_pdf()
        self.variants: dict[int, Variant] = {}
        for size in sizes:
            variant = add_variant(self.project, size)
            if size == SHIPPED:
                shutil.copytree(synth.SHIPPED_BANK, variant.bank)
            else:
                synth.write_bank(size, variant.bank)
            self.variants[size] = variant
        self.goal = synth.read_vocabulary(self.variants[sizes[0]].bank).goals[0]

    def check_pdf(self) -> None:
        """Without WeasyPrint, leave out what needs it, and say so in the report."""
        probe = subprocess.run([self.tool("python"), "-c", "import weasyprint"], env=self.env,
                               capture_output=True, text=True, check=False)
        if probe.returncode != 0:
            reason = (probe.stderr.strip().splitlines() or ["unknown error"])[-1]
            self.notes.append(f"WeasyPrint does not import ({reason}): the PDF sheet and the "
                              "full build (with PDF handouts) were left out.")
            print(f"WARNING: {self.notes[-1]}", file=sys.stderr)
            self.skip |= PDF_ROWS

    def tool(self, name: str) -> Path:
        return self.bin / name

    def run_size(self, variant: Variant, run: int, record: bool = True) -> None:
        """Every measurement for one bank size. Builds start from an empty site folder."""
        size, bank, iv = variant.size, variant.bank, self.tool("infointerview")
        if size not in self.primed and "build-pdfcache" not in self.skip:
            self.prime(variant)

        def measured(key: str, command: list[str | Path], stdout: Path | None = None,
                     fresh: Path | None = None) -> None:
            if key in self.skip:
                return
            env = self.env_pdf_cache if key == "build-pdfcache" else self.env
            for _ in range(FAST_REPEATS if key in FAST else 1):
                # An output left from the last run changes the work (unchanged files are
                # not rewritten, a site folder is emptied first), so every run starts clean.
                if fresh is not None and fresh.is_dir():
                    shutil.rmtree(fresh)
                elif fresh is not None:
                    fresh.unlink(missing_ok=True)
                sample = measure.run_measured(command, self.project, env, stdout=stdout)
                if record:
                    self.record(size, key, sample, run)

        measured("check", [iv, "check", "--bank", bank])
        measured("pages", [iv, "pages", "--output", variant.pages,
                           "--content", self.project / "content", "--bank", bank],
                 fresh=variant.pages)
        # The overhead target compares the first two: they alternate, twice per run, so that
        # a busy moment on the machine does not fall on one of them only.
        builds = [("plain", variant.plain_config), ("build-nopdf", variant.nopdf_config)] * 2
        builds += [("build", variant.plugin_config), ("build-pdfcache", variant.plugin_config)]
        for key, config in builds:
            site = self.tmp / f"site-{key}-{size}"
            measured(key, [self.tool("mkdocs"), "build", "-f", config, "-d", site], fresh=site)
        if run == 1:
            self.compare_sites(size)
        # The baseline right before the sheets, so that both see the same load on the machine.
        measured(report.BASELINE, [self.tool("python"), "-c", "import yaml, jinja2"])
        sheet: list[str | Path] = [iv, "sheet", "--goal", self.goal, "--bank", bank]
        measured("sheet-md", sheet, stdout=self.tmp / "sheet.md")
        for key, suffix in (("sheet-html", ".html"), ("sheet-pdf", ".pdf")):
            target = self.tmp / f"sheet{suffix}"
            measured(key, [*sheet, "--output", target], fresh=target)
        if "yaml" not in self.skip:
            self.yaml_parse(variant, run, record)
        # Serving edits a question file of the synthetic layout, which the shipped bank lacks.
        if "serve" not in self.skip and size != SHIPPED:
            self.serve(variant, run, record)

    def prime(self, variant: Variant) -> None:
        """Fill the PDF cache as the last full build would have, unmeasured, so that the row
        with the cache sees it filled from the first run on."""
        site = self.tmp / f"site-prime-{variant.name}"
        command = [self.tool("mkdocs"), "build", "-f", variant.plugin_config, "-d", site]
        measure.run_measured(command, self.project, self.env_pdf_cache)
        shutil.rmtree(site, ignore_errors=True)
        self.primed.add(variant.size)

    def yaml_parse(self, variant: Variant, run: int, record: bool) -> None:
        """Our parse with line numbers against libyaml's compose, timed in one process."""
        script = Path(__file__).resolve().parent / "yaml_timing.py"
        result = subprocess.run(
            [self.tool("python"), script, variant.bank, "--rounds", str(YAML_ROUNDS)],
            cwd=self.project, env=self.env, capture_output=True, text=True, check=False,
        )
        if result.returncode != 0:
            raise measure.MeasureError(f"{script.name} exited with {result.returncode}:\n"
                                       f"{result.stderr[-4000:]}")
        if record:
            for name, times in json.loads(result.stdout).items():
                sample = Sample(times["seconds"], cpu_seconds=times["cpu_seconds"])
                self.record(variant.size, f"yaml-{name}", sample, run)

    def record(self, size: int, key: str, sample: Sample, run: int) -> None:
        self.samples.setdefault((size, key), []).append(sample)
        peak = f"  {sample.peak_bytes / 2**20:5.0f} MiB" if sample.peak_bytes else ""
        print(f"  run {run}  {report.column(size):>12}  {report.MEASURES[key]:<41}"
              f" {sample.seconds:8.3f} s"
              f"{peak}", file=sys.stderr, flush=True)

    def compare_sites(self, size: int) -> None:
        """The overhead ratio is fair only if both builds made the same files: say if not."""
        sites = [self.tmp / f"site-{key}-{size}" for key in ("build-nopdf", "plain")]
        if any(key in self.skip for key in ("build-nopdf", "plain")):
            return
        ours, plain = (_files(site) for site in sites)
        if ours != plain:
            self.notes.append(
                f"At {report.column(size)} questions the plugin build (no PDFs) and the plain "
                f"build made different files: only in the plugin build {sorted(ours - plain)[:5]}, "
                f"only in the plain build {sorted(plain - ours)[:5]}."
            )

    def serve(self, variant: Variant, run: int, record: bool) -> None:
        # Served without the PDF handouts (as with INFOINTERVIEW_PDF=false): the timed edit is
        # to a question on no sheet, so no PDF would be rendered again anyway, and rendering
        # them at start-up would add a minute per run at 10,000 questions to measure nothing
        # that "mkdocs build, full" does not already show.
        marker = f"zzbench{variant.size}r{run}t{time.time_ns() % 10**6}"  # new on every run
        edited, new_text = synth.mark_first_question(variant.bank / "questions", marker)
        result = measure.serve_rebuild(
            self.tool("mkdocs"), variant.nopdf_config, edited, new_text, "questions/index.html",
            marker, env=self.env, tmp=self.tmp / "serve-tmp",
        )
        if record:
            self.record(variant.size, "serve-start", Sample(result.first_build, result.peak_bytes),
                        run)
            self.record(variant.size, "serve-seen", Sample(result.seen), run)
            self.record(variant.size, "serve-rebuild", Sample(result.rebuild), run)
        if result.extra_builds:
            self.notes.append(f"At {variant.size:,} questions, run {run}, mkdocs serve built "
                              f"{result.extra_builds + 1} times after one edit.")


def _files(site: Path) -> set[str]:
    return {path.relative_to(site).as_posix() for path in site.rglob("*") if path.is_file()}
