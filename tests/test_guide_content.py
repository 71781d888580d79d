"""The guide's text: plain enough for its readers, and written in our own words."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys

import pytest

from tests.conftest import ROOT

COPYCHECK = ROOT.parent / "shared" / "tools" / "copycheck.py"


def _readability():
    spec = importlib.util.spec_from_file_location("readability", ROOT / "scripts" / "readability.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_guide_reads_at_grade_9_or_below() -> None:
    readability = _readability()
    results = readability.measure()
    assert len(results) >= 10  # the home page and every chapter are measured
    assert readability.average(results) <= 9.0
    assert all(level <= 10.0 for _, level, _ in results), results


def test_flesch_kincaid_of_known_text() -> None:
    readability = _readability()
    # 11 words, 2 sentences, 13 syllables (hap-py, to-day): 0.39 * 11/2 + 11.8 * 13/11 - 15.59.
    level, words, sentences = readability.grade("The cat sat on the mat. It was happy there today.")
    assert (words, sentences) == (11, 2)
    assert level == pytest.approx(0.39 * 11 / 2 + 11.8 * 13 / 11 - 15.59)


@pytest.mark.skipif(not COPYCHECK.is_file() and not os.environ.get("CI"),
                    reason="shared/tools/copycheck.py is not beside the project")
def test_no_sentence_is_copied_from_the_source_articles() -> None:
    result = subprocess.run([sys.executable, str(COPYCHECK), str(ROOT)], capture_output=True,
                            text=True, check=False)
    assert result.stdout.strip().splitlines()[-1] == "copied runs: 0", result.stdout
