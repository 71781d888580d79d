"""Shared fixtures: the real project, real builds and the real command line; and the tiers.

Two tiers: `python3 tasks.py test` runs everything; `python3 tasks.py test --fast` runs what
answers in seconds, `-m "not browser and not pdf and not slow"`. Marks are given here, from the
file a test is in and the fixtures it uses, so a new test lands in the right tier without
anyone remembering a decorator; and in the fast tier any test that still starts a site build
is skipped by `run` below, so a mis-filed test costs seconds, not minutes.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

try:
    import fcntl  # POSIX: the workers' lock on the one built site
except ImportError:  # pragma: no cover - Windows builds a site per worker
    fcntl = None  # type: ignore[assignment]

import pytest

ROOT = Path(__file__).resolve().parent.parent
BANK = ROOT / "question_bank"
QUIET = {"NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
# A fixed time for reproducible builds (sitemap dates); any value works if it is the same.
SOURCE_DATE_EPOCH = "1767225600"  # 2026-01-01
# Tests (and the commands they start) keep the PDF cache to themselves, away from $HOME. The
# pytest-xdist workers inherit the folder the first process made (setdefault), so a PDF one
# worker rendered is not rendered again by the other; entries are written under a temporary name
# and renamed, so sharing is safe. A user's own INFOINTERVIEW_CACHE_DIR is never used. The
# process that made the folder removes it at the end (pytest_sessionfinish); a folder given
# in INFOINTERVIEW_TEST_CACHE_DIR is kept.
_MADE_CACHE = "INFOINTERVIEW_TEST_CACHE_DIR" not in os.environ
if _MADE_CACHE:
    os.environ["INFOINTERVIEW_TEST_CACHE_DIR"] = tempfile.mkdtemp(
        prefix="infointerview-test-cache-")
os.environ["INFOINTERVIEW_CACHE_DIR"] = os.environ["INFOINTERVIEW_TEST_CACHE_DIR"]
# Set by `tasks.py test --fast`: a test that starts a site build there is skipped, not run.
FAST_TIER = "INFOINTERVIEW_FAST_TESTS"

# Files whose tests all render PDFs or all build sites, wheels or servers. Tests in
# tests/browser are `browser`; any test using a fixture in SLOW_FIXTURES is `slow`.
FILE_MARKS = {
    "test_pdf.py": "pdf",
    "test_sheet_writing_space.py": "pdf",
    "test_benchmarks.py": "slow",
    "test_changes_are_seen.py": "slow",
    "test_edition.py": "slow",
    "test_lms_package.py": "slow",
    "test_serve.py": "slow",
    "test_site_build.py": "slow",
}
SLOW_FIXTURES = {"built_site"}
# The files that take longest, first, so that no worker is left alone with a long file at the
# end (pytest-xdist hands whole files to the workers in collection order, as tasks.py asks with
# --no-loadscope-reorder; by default it sends the files with the most tests first). The first
# two are the walk over every page, whose worker builds the shared site, and the wheel's test,
# which needs no shared site: so the other worker does not wait for the site to be built.
RUN_FIRST = (
    "browser/test_accessibility.py", "browser/test_installed_edition.py",
    "browser/test_sheet_maker.py", "browser/test_composer.py", "browser/test_page_weight.py",
    "test_sheet_writing_space.py", "test_site_build.py", "browser/test_my_meetings.py",
    "test_third_language.py", "test_edition.py", "browser/test_centre_edition.py",
    "test_pdf.py",
)


def pytest_sessionfinish(session: pytest.Session) -> None:
    if _MADE_CACHE:  # the xdist workers have finished by now
        shutil.rmtree(os.environ["INFOINTERVIEW_TEST_CACHE_DIR"], ignore_errors=True)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        path = Path(str(item.fspath))
        if path.parent.name == "browser":
            item.add_marker(pytest.mark.browser)
        if path.name in FILE_MARKS:
            item.add_marker(FILE_MARKS[path.name])
        if SLOW_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.slow)

    def rank(item: pytest.Item) -> int:
        path = Path(str(item.fspath)).relative_to(ROOT / "tests").as_posix()
        return RUN_FIRST.index(path) if path in RUN_FIRST else len(RUN_FIRST)

    items.sort(key=rank)  # stable: the other files, and each file's tests, keep their order


def run(args: list[str], cwd: Path = ROOT, **env: str) -> subprocess.CompletedProcess[str]:
    if os.environ.get(FAST_TIER) and "mkdocs" in args[:3] and "build" in args:
        pytest.skip("builds a site: runs in the full tier (python3 tasks.py test)")
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


def mkdocs_build(project: Path, site: Path, **env: str) -> subprocess.CompletedProcess[str]:
    return run(mkdocs_command(project, site), cwd=project, SOURCE_DATE_EPOCH=SOURCE_DATE_EPOCH,
               **env)


def copy_project(target: Path) -> Path:
    """A copy of the parts of the project a build reads, to break without harming the real one."""
    for name in ("content", "question_bank", "site_overrides", "generator"):
        shutil.copytree(ROOT / name, target / name, ignore=shutil.ignore_patterns("__pycache__"))
    # A copy is for breaking and overlaying: its own questions have no French, which such a
    # site shows in English with a note (the project's own build, `built_site`, fails instead).
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    (target / "mkdocs.yml").write_text(config.replace(
        "      languages: [en, fr]\n",
        "      languages: [en, fr]\n      missing_translations: english\n"), encoding="utf-8")
    return target


def pdf_cache_of(site: Path) -> Path:
    """The PDF cache `built_site` was built with, empty before its build (see below)."""
    return site.with_name(site.name + "-pdf-cache")


def _build_the_site(site: Path) -> subprocess.CompletedProcess[str]:
    """`mkdocs build --strict` of the project, with an empty PDF cache of its own: every PDF
    is rendered afresh, so test_site_build.py can compare a build served from that cache with
    this one instead of making a cold build of its own. The entries then go to the run's
    shared cache, where later builds of the same PDFs find them."""
    cache = pdf_cache_of(site)
    assert not cache.exists(), f"{cache} is not empty"
    result = mkdocs_build(ROOT, site, INFOINTERVIEW_CACHE_DIR=str(cache))
    for entry in cache.glob("pdf-*.pdf"):
        shutil.copy2(entry, Path(os.environ["INFOINTERVIEW_CACHE_DIR"]) / entry.name)
    return result


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site, built once per test run with `mkdocs build --strict`. Under pytest-xdist
    the first worker to ask builds it in the run's temporary folder, which all workers share;
    the others wait for it and read the same files (no test writes into it: tests that change a
    site copy it first), which saves a bilingual build per worker. A failed build fails every
    test that asked for the site, with the build's errors."""
    if not os.environ.get("PYTEST_XDIST_WORKER") or fcntl is None:  # one process, or Windows
        site = tmp_path_factory.mktemp("site")
        result = _build_the_site(site)
        assert result.returncode == 0, result.stderr
        return site
    shared = tmp_path_factory.getbasetemp().parent  # this run's pytest-N folder
    site, failed = shared / "site", shared / "site-failed.txt"
    with (shared / "site.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file is closed
        if not site.is_dir() and not failed.exists():
            result = _build_the_site(site)
            if result.returncode:
                failed.write_text(result.stderr, encoding="utf-8")
    assert not failed.exists(), failed.read_text(encoding="utf-8")
    return site


@pytest.fixture
def bank_copy(tmp_path: Path) -> Path:
    """A writable copy of the shipped bank."""
    return Path(shutil.copytree(BANK, tmp_path / "question_bank"))
