"""The benchmark's own parts: its synthetic banks, its verdicts, and one small run end to end.

No time is asserted here: the targets live in the benchmark's report, never in a test.
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
from pathlib import Path

import pytest
import yaml

from tests.conftest import ROOT, run, run_cli

# The benchmark's modules import each other by their bare names, as scripts in one folder.
sys.path.insert(0, str(ROOT / "benchmarks"))
import lighthouse
import report
import synth
from measure import Summary


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


def _summary(seconds: float, cpu: float | None = None) -> Summary:
    return Summary(seconds, seconds, seconds, None, cpu if cpu is not None else seconds, 3)


@pytest.mark.parametrize(("size", "ours", "target", "verdict"), [
    (1_000, 1.10, 1.10, "met"), (1_000, 1.11, 1.10, "NOT met"),
    (10_000, 1.25, 1.25, "met"), (10_000, 1.26, 1.25, "NOT met"), (100, 1.50, None, "(info)"),
])
def test_the_overhead_target_is_ten_percent_at_1000_and_a_quarter_at_10000(
    size: int, ours: float, target: float | None, verdict: str
) -> None:
    results = {(size, "plain"): _summary(1.0), (size, "build-nopdf"): _summary(ours, cpu=0.5)}
    [found] = report.ratios(results, [size])
    assert found.name == (f"Generator overhead at {size:,}: mkdocs build, plugin, no PDFs"
                          " / build, plain")
    assert (found.target, found.verdict) == (target, verdict)
    assert found.cpu_value == pytest.approx(0.5)  # shown beside it, never the verdict
    assert found.cpu_verdict == ("met" if target else "(info)")


def test_the_start_up_target_is_judged_on_the_shipped_bank_and_the_time_at_10000() -> None:
    sizes = [report.SHIPPED, 10_000]
    results = {(size, key): _summary(seconds) for size in sizes for key, seconds in (
        (report.BASELINE, 0.1), ("sheet-md", 0.19), ("sheet-html", 0.21))}
    results[10_000, "sheet-md"] = _summary(1.01)
    found = {item.name: item for item in report.ratios(results, sizes)}
    baseline = 'python -c "import yaml, jinja2"'
    assert found[f"Start-up at shipped bank: sheet, Markdown / {baseline}"].verdict == "met"
    assert found[f"Start-up at shipped bank: sheet, HTML / {baseline}"].verdict == "NOT met"
    assert found[f"Start-up at 10,000: sheet, HTML / {baseline}"].verdict == "(info)"
    markdown = found["Time at 10,000: sheet, Markdown"]
    assert (markdown.unit, markdown.target, markdown.verdict) == ("s", 1.0, "NOT met")
    assert found["Time at 10,000: sheet, HTML"].verdict == "met"


@pytest.mark.parametrize(("size", "seconds", "verdict"), [
    (1_000, 0.99, "met"), (1_000, 1.2, "NOT met"), (10_000, 5.0, "(info)"),
])
def test_the_serve_rebuild_has_a_one_second_target_at_1000(
    size: int, seconds: float, verdict: str
) -> None:
    [found] = report.ratios({(size, "serve-rebuild"): _summary(seconds)}, [size])
    assert (found.value, found.unit, found.verdict) == (seconds, "s", verdict)


@pytest.mark.parametrize(("ours", "verdict"), [(0.015, "met"), (0.016, "NOT met")])
def test_our_yaml_parse_may_take_at_most_one_and_a_half_times_libyaml(
    ours: float, verdict: str
) -> None:
    results = {(report.SHIPPED, "yaml-ours"): _summary(ours),
               (report.SHIPPED, "yaml-plain"): _summary(0.010)}
    [found] = report.ratios(results, [report.SHIPPED])
    assert (found.target, found.verdict) == (1.5, verdict)


def test_growth_has_a_target_only_from_1000_to_10000() -> None:
    results = {(size, "check"): _summary(size / 1_000) for size in (100, 1_000, 10_000)}
    found = {item.name: item for item in report.ratios(results, [100, 1_000, 10_000])}
    small = found["Growth 100 -> 1,000 questions: infointerview check"]
    large = found["Growth 1,000 -> 10,000 questions: infointerview check"]
    assert (small.target, small.verdict) == (None, "(info)")
    assert (large.value, large.target, large.verdict) == (pytest.approx(10.0), 11.0, "met")


def test_a_small_run_prints_every_row_and_ratio(tmp_path: Path) -> None:
    output = tmp_path / "report.md"
    work = ROOT / "benchmarks" / "work"
    kept_before = set(work.glob("run-*"))  # folders an earlier `--keep` left
    result = run([sys.executable, "benchmarks/run.py", "--quick", "--sizes", "40",
                  "--output", str(output)])
    assert result.returncode == 0, result.stderr[-3000:]
    text = output.read_text(encoding="utf-8")
    assert text.strip() == result.stdout.strip()
    for label in report.MEASURES.values():
        assert f"| {label} | " in text, label
    assert "| Generator overhead at 40: mkdocs build, plugin, no PDFs / build, plain |" in text
    baseline = 'python -c "import yaml, jinja2"'
    assert f"| Start-up at shipped bank: sheet, Markdown / {baseline} | " in text
    assert "| YAML parse at shipped bank: ours, with lines / yaml.compose with libyaml | " in text
    assert "| Time at 40: serve, rebuild (edit to reload) | " in text
    assert "times after one edit" not in text  # one edit, one build
    assert "made different files" not in text  # the plugin and plain builds made the same site
    assert set(work.glob("run-*")) == kept_before  # this run's work folder is removed


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
    written = lighthouse.write_reference(built_site, project)
    _build_reference(project)
    return project, written


def _build_reference(project: Path) -> None:
    result = run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f",
                  str(project / "mkdocs.yml"), "-d", str(project / "site")], cwd=project)
    assert result.returncode == 0, result.stderr


def test_each_lighthouse_reference_page_shows_the_text_of_its_page_in_plain_material(
    built_site: Path, lighthouse_reference: tuple[Path, list[str]]
) -> None:
    # The bank page (headings, the filter's labels, every question and its note) and a guide
    # page, each with at least this many blocks of text, in a reference site with all pages.
    pages = {"questions/index.html": 300, "guide/preparing.html": 40}
    project, written = lighthouse_reference
    for path, blocks in pages.items():
        ours = lighthouse.article_blocks((built_site / path).read_text(encoding="utf-8"))
        assert len(ours) > blocks, path
        reference = (project / "site" / path).read_text(encoding="utf-8")
        assert lighthouse.article_blocks(reference) == ours, path
        # Plain: Material alone, none of our stylesheets or scripts.
        assert "infointerview" not in reference, path
    # The reference site has a page for every page of ours, and no other page.
    ours_built = {page.relative_to(built_site).as_posix() for page in built_site.rglob("*.html")}
    built = {page.relative_to(project / "site").as_posix()
             for page in (project / "site").rglob("*.html")}
    assert built == ours_built == {*written, "404.html"}
    assert set(pages) <= set(written)


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


def test_the_themed_lighthouse_reference_is_material_with_our_palette_and_features_only(
    built_site: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    # The plain reference with our mkdocs.yml's theme palette and features, and nothing else.
    project = tmp_path_factory.mktemp("themed")
    theme = lighthouse.our_theme()
    assert set(theme) == {"palette", "features"} and len(theme["palette"]) == 2
    lighthouse.write_reference(built_site, project, theme)
    config = yaml.safe_load((project / "mkdocs.yml").read_text(encoding="utf-8"))
    assert "plugins" not in config
    assert config["theme"] == {"name": "material", "language": "en", "font": False, **theme}
    _build_reference(project)
    # A guide page: our palette toggles, our features, the tabs they make, as on our page.
    path = "guide/preparing.html"
    ours = (built_site / path).read_text(encoding="utf-8")
    themed = (project / "site" / path).read_text(encoding="utf-8")
    for page in (ours, themed):
        assert 'data-md-color-scheme="slate"' in page and 'class="md-tabs"' in page
    toggles = re.compile(r'<input class="md-option"[^>]*>')
    features = re.compile(r'"features": \[[^\]]*\]')
    assert toggles.findall(themed) == toggles.findall(ours) and len(toggles.findall(ours)) == 2
    assert features.findall(themed) == features.findall(ours) == [
        f'"features": {json.dumps(theme["features"])}']
    assert lighthouse.article_blocks(themed) == lighthouse.article_blocks(ours)
    # Still none of our stylesheets or scripts.
    assert "ii-box--intro" in ours and "infointerview.js" in ours  # our styles, written in
    assert "infointerview" not in themed
