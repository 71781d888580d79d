"""Shared fixtures: the real project, real builds and the real command line."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BANK = ROOT / "question_bank"
QUIET = {"NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
# A fixed time for reproducible builds (sitemap dates); any value works if it is the same.
SOURCE_DATE_EPOCH = "1767225600"  # 2026-01-01
# Tests (and the commands they start) keep the PDF cache to themselves, away from $HOME.
os.environ["INFOINTERVIEW_CACHE_DIR"] = tempfile.mkdtemp(prefix="infointerview-test-cache-")


def run(args: list[str], cwd: Path = ROOT, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        args, cwd=cwd, capture_output=True, text=True, check=False,
        env={**os.environ, **QUIET, **env},
    )


def run_cli(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    """`infointerview ARGS` as a user runs it: a fresh process, exit status and both streams."""
    return run([sys.executable, "-m", "generator", *args], cwd=cwd)


def mkdocs_command(project: Path, site: Path) -> list[str]:
    return [sys.executable, "-m", "mkdocs", "build", "--strict",
            "-f", str(project / "mkdocs.yml"), "-d", str(site)]


def mkdocs_build(project: Path, site: Path) -> subprocess.CompletedProcess[str]:
    return run(mkdocs_command(project, site), cwd=project, SOURCE_DATE_EPOCH=SOURCE_DATE_EPOCH)


def copy_project(target: Path) -> Path:
    """A copy of the parts of the project a build reads, to break without harming the real one."""
    for name in ("content", "question_bank", "site_overrides", "generator"):
        shutil.copytree(ROOT / name, target / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    return target


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site, built once per test session with `mkdocs build --strict`."""
    site = tmp_path_factory.mktemp("site")
    result = mkdocs_build(ROOT, site)
    assert result.returncode == 0, result.stderr
    return site


@pytest.fixture
def bank_copy(tmp_path: Path) -> Path:
    """A writable copy of the shipped bank."""
    return Path(shutil.copytree(BANK, tmp_path / "question_bank"))
