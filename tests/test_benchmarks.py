"""The benchmarks' own parts: the synthetic banks, the verdicts the growth and Lighthouse
reports print, the Lighthouse reference site, and one small growth run end to end.

No time is asserted here: the targets live in the benchmark's report, never in a test.
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest
import yaml

from tests.conftest import ROOT, run_cli
from tests.conftest import run as run_command

# The benchmark's modules import each other by their bare names, as scripts in one folder.
sys.path.insert(0, str(ROOT / "benchmarks"))
import pages
import run
import synth


def _digest(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_a_synthetic_bank_passes_check_and_is_the_same_every_time(tmp_path: Path) -> None:
    for name in ("first", "second"):
        synth.write_bank(1_200, tmp_path / name)
    assert _digest(tmp_path / "first") == _digest(tmp_path / "second")
    # 1,200 questions over 12 categories, at most 500 per file: files -01 only, then -01 -02 ...
    result = run_cli("check", "--bank", str(tmp_path / "first"))
    assert result.returncode == 0, result.stderr
    assert "The question bank is valid: 1200 questions" in result.stdout


def _samples(seconds: float, cpu: float | None = None) -> list[run.Sample]:
    return [run.Sample(seconds, 0, cpu if cpu is not None else seconds)] * 3


def _ratios(samples: dict[tuple[int, str], list[run.Sample]], sizes: list[int]
            ) -> dict[str, list[str]]:
    """The report's "Ratios and targets" rows as printed, by name: the wall-time value, the
    CPU-time value, the target, the verdict, and the verdict by CPU time."""
    lines = run.report(samples, sizes, 1, 3)
    rows = lines[lines.index("## Ratios and targets") + 4:]
    return {cells[0]: cells[1:] for cells in (row[2:-2].split(" | ") for row in rows)}


@pytest.mark.parametrize(("size", "ours", "target", "verdict"), [
    (1_000, 1.10, "<= 1.1x", "met"), (1_000, 1.11, "<= 1.1x", "NOT met"),
    (10_000, 1.25, "<= 1.25x", "met"), (10_000, 1.26, "<= 1.25x", "NOT met"),
    (100, 1.50, "-", "(info)"),
])
def test_the_overhead_target_is_ten_percent_at_1000_and_a_quarter_at_10000(
    size: int, ours: float, target: str, verdict: str
) -> None:
    samples = {(size, "plain"): _samples(1.0), (size, "build-nopdf"): _samples(ours, cpu=0.5)}
    [(name, row)] = _ratios(samples, [size]).items()
    assert name == f"Generator overhead at {size:,}: mkdocs build, plugin, no PDFs / build, plain"
    # The verdict is on wall times; the CPU times' ratio and verdict are shown beside it.
    assert row == [f"{ours:.2f}x", "0.50x", target, verdict, "met" if verdict != "(info)" else ""]


def test_the_start_up_target_is_judged_on_the_shipped_bank_and_the_time_at_10000() -> None:
    sizes = [run.SHIPPED, 10_000]
    samples = {(size, key): _samples(seconds) for size in sizes for key, seconds in (
        (run.BASELINE, 0.1), ("sheet-md", 0.19), ("sheet-html", 0.21))}
    samples[10_000, "sheet-md"] = _samples(1.01)
    found = _ratios(samples, sizes)
    baseline = 'python -c "import yaml, jinja2"'
    assert found[f"Start-up at shipped bank: sheet, Markdown / {baseline}"][2:4] == ["<= 2x", "met"]
    assert found[f"Start-up at shipped bank: sheet, HTML / {baseline}"][3] == "NOT met"
    assert found[f"Start-up at 10,000: sheet, HTML / {baseline}"][2:4] == ["-", "(info)"]
    assert found["Time at 10,000: sheet, Markdown"][:4] == ["1.01s", "1.01s", "<= 1s", "NOT met"]
    assert found["Time at 10,000: sheet, HTML"][3] == "met"


def test_growth_has_a_target_only_from_1000_to_10000() -> None:
    samples = {(size, "check"): _samples(size / 1_000) for size in (100, 1_000, 10_000)}
    found = _ratios(samples, [100, 1_000, 10_000])
    assert found["Growth 100 -> 1,000 questions: infointerview check"][2:4] == ["-", "(info)"]
    assert found["Growth 1,000 -> 10,000 questions: infointerview check"][:4] == [
        "10.00x", "10.00x", "<= 11x", "met"]


def test_a_small_run_prints_every_row_and_ratio(tmp_path: Path) -> None:
    """Without the rows that render PDFs (`--skip pdf`): two cold builds rendering every PDF
    would take a minute, and they run the same commands as the other rows with the plugin's
    PDFs on, which test_site_build.py and test_pdf.py run."""
    output = tmp_path / "report.md"
    work = ROOT / "benchmarks" / "work"
    kept_before = set(work.glob("run-*"))  # folders an earlier `--keep` left
    result = run_command([sys.executable, "benchmarks/run.py", "--quick", "--sizes", "40",
                          "--skip", "pdf", "--output", str(output)])
    assert result.returncode == 0, result.stderr[-3000:]
    text = output.read_text(encoding="utf-8")
    assert text.strip() == result.stdout.strip()
    for key, label in run.MEASURES.items():
        assert (f"| {label} | " in text) == (key not in run.PDF_ROWS), label
    assert "| Generator overhead at 40: mkdocs build, plugin, no PDFs / build, plain |" in text
    baseline = 'python -c "import yaml, jinja2"'
    assert f"| Start-up at shipped bank: sheet, Markdown / {baseline} | " in text
    assert "made different files" not in text  # the plugin and plain builds made the same site
    assert set(work.glob("run-*")) == kept_before  # this run's work folder is removed


def _lighthouse_run(performance: float) -> dict[str, object]:
    """A Lighthouse report with what the benchmark reads from it, every metric at 1."""
    audits: dict[str, object] = {key: {"numericValue": 1.0} for key in (
        "first-contentful-paint", "largest-contentful-paint", "total-blocking-time",
        "cumulative-layout-shift", "speed-index", "mainthread-work-breakdown",
        "total-byte-weight", "dom-size")}
    return {"audits": audits, "categories": {category: {"score": 1.0} for category in (
        "accessibility", "best-practices", "seo")} | {"performance": {"score": performance}}}


@pytest.mark.parametrize(("ours", "plain", "row"), [
    ([0.92, 0.93, 0.94], [0.95, 0.94, 0.96], "-0.02, within the runs' spread | yes"),
    ([0.91, 0.92, 0.93], [0.95, 0.95], "-0.03, beyond the runs' spread | **no**"),
    ([0.80, 0.80], [0.70, 0.90], "+0.00, within the runs' spread | yes"),
])
def test_a_page_passes_lighthouse_at_or_above_plain_material_minus_two_hundredths(
    ours: list[float], plain: list[float], row: str
) -> None:
    reports = {("index.html", pages.OURS): [_lighthouse_run(score) for score in ours],
               ("index.html", pages.PLAIN): [_lighthouse_run(score) for score in plain]}
    text = pages.lighthouse_report(reports, ["index.html"], datetime.now(UTC), "0.00")
    line = next(line for line in text.splitlines() if line.startswith("| index.html | "))
    assert f" | {row} | 1.00 / 1.00 | 1.00 / 1.00 | 1.00 / 1.00 |" in line
    passed = row.endswith("| yes")
    assert f"{int(passed)} of 1 pages at or above plain Material minus 0.02." in text
    # The metrics of both pages, every one 1 in these runs (the weight in KiB rounds to 0).
    assert "| index.html | 1 | 1 | 1 | 1.000 | 1 | 1 | 0 | 1 |" in text


def _search_entries(site: Path) -> tuple[int, dict[str, list[tuple[str, str]]]]:
    """The size of a built site's search index, and its entries by page: each section's title
    and text without markup (the section's anchor aside: a plain page makes its own ids)."""
    index = site / "search" / "search_index.json"
    entries: dict[str, list[tuple[str, str]]] = {}
    for doc in json.loads(index.read_text(encoding="utf-8"))["docs"]:
        text = " ".join(re.sub(r"<[^>]+>", " ", doc["text"]).split())
        entries.setdefault(doc["location"].split("#")[0], []).append((doc["title"], text))
    return index.stat().st_size, entries


@pytest.fixture(scope="module")
def lighthouse_reference(built_site: Path, tmp_path_factory: pytest.TempPathFactory
                         ) -> tuple[Path, list[str]]:
    """The reference project of the real site, built; and the paths of its pages."""
    project = tmp_path_factory.mktemp("reference")
    written = pages.write_reference(built_site, project)
    _build_reference(project)
    return project, written


def _build_reference(project: Path) -> None:
    result = run_command([sys.executable, "-m", "mkdocs", "build", "--strict", "-f",
                  str(project / "mkdocs.yml"), "-d", str(project / "site")], cwd=project)
    assert result.returncode == 0, result.stderr


def test_each_lighthouse_reference_page_shows_the_text_of_its_page_in_plain_material(
    built_site: Path, lighthouse_reference: tuple[Path, list[str]]
) -> None:
    # The bank page (headings, the filter's labels, every question and its note) and a guide
    # page, each with at least this many blocks of text, in a reference site with all pages.
    least_blocks = {"questions/index.html": 300, "guide/preparing.html": 40}
    project, written = lighthouse_reference
    for path, blocks in least_blocks.items():
        ours = pages.article_blocks((built_site / path).read_text(encoding="utf-8"))
        assert len(ours) > blocks, path
        reference = (project / "site" / path).read_text(encoding="utf-8")
        assert pages.article_blocks(reference) == ours, path
        # Plain: Material alone, none of our stylesheets or scripts.
        assert "infointerview" not in reference, path
    # The reference site has a page for every page of ours, and no other page.
    ours_built = {page.relative_to(built_site).as_posix() for page in built_site.rglob("*.html")}
    built = {page.relative_to(project / "site").as_posix()
             for page in (project / "site").rglob("*.html")}
    assert built == ours_built == {*written, "404.html"}
    assert set(least_blocks) <= set(written)


def test_a_lighthouse_reference_has_materials_default_search_over_all_our_text(
    built_site: Path, lighthouse_reference: tuple[Path, list[str]]
) -> None:
    # MkDocs' default plugins (search) and no others: a plain Material site as made by default.
    project, _ = lighthouse_reference
    config = yaml.safe_load((project / "mkdocs.yml").read_text(encoding="utf-8"))
    assert "plugins" not in config
    assert config["theme"] == {"name": "material", "language": "en", "font": False}
    ours_size, ours = _search_entries(built_site)
    size, reference = _search_entries(project / "site")
    # Our French pages are in a site of their own (fr/, with its own index); the reference is
    # one plain site holding both, each page at the same path as ours.
    _, french = _search_entries(built_site / "fr")
    size -= len(json.dumps([d for d in json.loads((project / "site" / "search" /
                "search_index.json").read_text("utf-8"))["docs"]
                            if d["location"].startswith("fr/")], ensure_ascii=False))
    # Every page of ours is searched in the reference, the bank page with exactly our sections:
    # every question's text and note.
    assert set(reference) == set(ours) | {f"fr/{page}" for page in french}
    bank = "questions/index.html"
    assert len(ours[bank]) > 300
    assert reference[bank] == ours[bank]
    # So the two indexes Material's bundle fetches at load are about the same size.
    assert 0.9 < size / ours_size < 1.2, (size, ours_size)
