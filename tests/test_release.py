"""A release as the release workflow makes it: the same `python -m build` and `twine check`,
the metadata a centre (and PyPI) reads, and the check that tag, version and changelog agree."""

from __future__ import annotations

import re
import sys
import tarfile
import tomllib
import zipfile
from email.parser import Parser
from pathlib import Path

import pytest
import yaml

from scripts.release_check import problems
from tests.conftest import ROOT, run, run_cli

VERSION = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]["version"]
WORKFLOW = ROOT / ".github" / "workflows" / "release.yml"


@pytest.fixture(scope="session")
def dist(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """The source archive and the wheel, built once as the workflow builds them."""
    out = tmp_path_factory.mktemp("dist")
    built = run([sys.executable, "-m", "build", "--outdir", str(out), str(ROOT)])
    assert built.returncode == 0, built.stdout[-3000:] + built.stderr[-3000:]
    return out, built.stdout + built.stderr


def _metadata(wheel: Path) -> dict[str, list[str]]:
    with zipfile.ZipFile(wheel) as archive:
        name = next(n for n in archive.namelist() if n.endswith(".dist-info/METADATA"))
        message = Parser().parsestr(archive.read(name).decode("utf-8"))
    fields: dict[str, list[str]] = {}
    for key, value in message.items():
        fields.setdefault(key, []).append(value)
    return fields


def test_the_release_artefacts_build_without_warnings_and_pass_twine_check(
    dist: tuple[Path, str],
) -> None:
    out, log = dist
    assert sorted(p.name for p in out.iterdir()) == [
        f"infointerview-{VERSION}-py3-none-any.whl", f"infointerview-{VERSION}.tar.gz"]
    # setuptools warns about a licence table or licence classifiers: such builds stop working.
    assert "deprecat" not in log.lower(), log
    checked = run([sys.executable, "-m", "twine", "check", "--strict", *map(str, out.iterdir())])
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert checked.stdout.count("PASSED") == 2, checked.stdout


def test_the_wheel_says_who_made_it_where_it_lives_and_its_licence(
    dist: tuple[Path, str],
) -> None:
    out, _ = dist
    metadata = _metadata(next(out.glob("*.whl")))
    assert metadata["License-Expression"] == ["MIT"]
    assert metadata["License-File"] == ["LICENSE"]
    assert metadata["Author"] == ["The infointerview contributors"]
    urls = dict(entry.split(", ", 1) for entry in metadata["Project-URL"])
    assert set(urls) >= {"Homepage", "Source", "Issues", "Changelog"}
    assert all(url.startswith("https://") for url in urls.values())
    assert "Intended Audience :: Education" in metadata["Classifier"]
    assert not [c for c in metadata["Classifier"] if c.startswith("License ::")]


def test_the_archives_carry_the_licence_changelog_and_shipped_folders(
    dist: tuple[Path, str],
) -> None:
    out, _ = dist
    with zipfile.ZipFile(next(out.glob("*.whl"))) as wheel:
        names = wheel.namelist()
    assert f"infointerview-{VERSION}.dist-info/licenses/LICENSE" in names
    for folder in ("content", "question_bank", "site_overrides"):
        assert any(n.startswith(f"generator/_data/{folder}/") for n in names), folder
    with tarfile.open(next(out.glob("*.tar.gz"))) as sdist:
        members = {Path(*Path(m).parts[1:]).as_posix() for m in sdist.getnames()}
    assert {"CHANGELOG.md", "LICENSE", "setup.py", "content/index.md"} <= members


def test_version_prints_the_package_version() -> None:
    result = run_cli("--version")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().endswith(f"version {VERSION}")


def test_a_tag_that_does_not_match_the_version_stops_the_release() -> None:
    assert any("does not match the version" in p for p in problems("v9.9.9"))


def test_a_version_without_a_dated_changelog_section_stops_the_release(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[project]\nversion = "1.2.3"\n', "utf-8")
    (tmp_path / "CHANGELOG.md").write_text("# Changelog\n\n## [1.2.3] - Unreleased\n", "utf-8")
    assert [p.split(":")[0] for p in problems("v1.2.3", tmp_path)] == [
        "CHANGELOG.md has no section '## [1.2.3] - YYYY-MM-DD'"]
    (tmp_path / "CHANGELOG.md").write_text("# Changelog\n\n## [1.2.3] - 2027-01-15\n", "utf-8")
    assert problems("v1.2.3", tmp_path) == []


def test_the_changelog_has_a_section_for_this_version() -> None:
    changelog = (ROOT / "CHANGELOG.md").read_text("utf-8")
    assert re.search(rf"^## \[{re.escape(VERSION)}\] - ", changelog, re.M)
    assert "## Versions and upgrades" in changelog


def test_the_release_workflow_publishes_on_a_version_tag_with_trusted_publishing() -> None:
    workflow = yaml.safe_load(WORKFLOW.read_text("utf-8"))
    assert workflow[True]["push"]["tags"] == ["v*.*.*"]  # YAML 1.1 reads `on` as True
    build = "\n".join(step.get("run", "") for step in workflow["jobs"]["build"]["steps"])
    assert "scripts/release_check.py" in build and "python -m build" in build
    assert "twine check --strict" in build
    publish = workflow["jobs"]["publish"]
    assert publish["permissions"] == {"id-token": "write"}
    assert [s["uses"] for s in publish["steps"]][-1] == "pypa/gh-action-pypi-publish@release/v1"
    assert not any("password" in s.get("with", {}) for s in publish["steps"])
