"""The benchmark's own parts: its synthetic banks, its verdicts, and one small run end to end.

No time is asserted here: the targets live in the benchmark's report, never in a test.
"""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, run, run_cli

# The benchmark's modules import each other by their bare names, as scripts in one folder.
sys.path.insert(0, str(ROOT / "benchmarks"))
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


@pytest.mark.parametrize(("hook", "verdict"), [(1.10, "met"), (1.11, "NOT met")])
def test_the_overhead_verdict_is_at_most_ten_percent(hook: float, verdict: str) -> None:
    results = {(1_000, "plain"): _summary(1.0), (1_000, "build-nopdf"): _summary(hook, cpu=0.5)}
    [found] = report.ratios(results, [1_000])
    assert found.name == "Generator overhead at 1,000: mkdocs build, hook, no PDFs / build, plain"
    assert (found.target, found.verdict) == (1.10, verdict)
    assert found.cpu_value == pytest.approx(0.5)  # shown beside it, never the verdict


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
    assert "| Generator overhead at 40: mkdocs build, hook, no PDFs / build, plain |" in text
    assert "| Start-up at 40: sheet, Markdown / python -c \"import yaml, jinja2\" |" in text
    assert "made different files" not in text  # the hook and plain builds made the same site
    assert set(work.glob("run-*")) == kept_before  # this run's work folder is removed
