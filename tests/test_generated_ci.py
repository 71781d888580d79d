"""The CI files `new-site` gives a centre, and this project's release workflow: valid against
their published schemas (check-jsonschema's bundled copies), on actions that run on Node 24,
with the pip and PDF caches and the system libraries the PDF sheets need."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
import yaml

from tests.conftest import ROOT, run

STARTER = ROOT / "generator" / "edition" / "starter"
GITHUB = STARTER / "github-pages.yml"
GITLAB = STARTER / "gitlab-ci.yml"
RELEASE = ROOT / ".github" / "workflows" / "release.yml"
# The majors that run on Node 24 (GitHub retired Node 20 in 2026); older ones warn or fail.
MAJORS = {
    "actions/checkout": "v6", "actions/setup-python": "v6", "actions/cache": "v5",
    "actions/upload-pages-artifact": "v5", "actions/deploy-pages": "v5",
    "actions/upload-artifact": "v7", "actions/download-artifact": "v8",
    "pypa/gh-action-pypi-publish": "release/v1",
}
APT = "libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0"


def validate(schema: str, *files: Path) -> object:
    return run([sys.executable, "-m", "check_jsonschema", "--builtin-schema", schema,
                *map(str, files)])


@pytest.mark.parametrize(("schema", "path"), [
    ("vendor.github-workflows", GITHUB),
    ("vendor.github-workflows", RELEASE),
    ("vendor.gitlab-ci", GITLAB),
])
def test_the_ci_file_is_valid_against_its_published_schema(schema: str, path: Path) -> None:
    result = validate(schema, path)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_schema_check_finds_a_mistake(tmp_path: Path) -> None:
    """So the test above can fail: a misspelt key is refused."""
    broken = tmp_path / "pages.yml"
    broken.write_text(GITHUB.read_text("utf-8").replace("runs-on:", "runs_on:", 1), "utf-8")
    assert validate("vendor.github-workflows", broken).returncode != 0


def _uses(path: Path) -> list[str]:
    workflow = yaml.safe_load(path.read_text("utf-8"))
    return [step["uses"] for job in workflow["jobs"].values()
            for step in job["steps"] if "uses" in step]


@pytest.mark.parametrize("path", [GITHUB, RELEASE])
def test_every_action_is_on_its_node_24_major(path: Path) -> None:
    for uses in _uses(path):
        action, _, version = uses.partition("@")
        assert MAJORS.get(action) == version, uses


def test_the_github_workflow_caches_downloads_and_pdfs_and_installs_harfbuzz() -> None:
    steps = yaml.safe_load(GITHUB.read_text("utf-8"))["jobs"]["build"]["steps"]
    python = next(s for s in steps if s.get("uses", "").startswith("actions/setup-python"))
    assert python["with"]["cache"] == "pip"
    cache = next(s for s in steps if s.get("uses", "").startswith("actions/cache"))
    # The command's own default cache folder (generator/rendering/pdf_cache.py).
    assert cache["with"]["path"].split("#")[0].strip() == "~/.cache/infointerview"
    assert any(APT in s.get("run", "") for s in steps)
    runs = [s.get("run", "") for s in steps]
    assert runs.index("mkdocs build --strict") > steps.index(cache)


def test_the_gitlab_job_caches_downloads_and_pdfs_and_installs_harfbuzz() -> None:
    job = yaml.safe_load(GITLAB.read_text("utf-8"))["pages"]
    cached = job["cache"]["paths"]
    for variable in ("PIP_CACHE_DIR", "INFOINTERVIEW_CACHE_DIR"):
        folder = job["variables"][variable].removeprefix("$CI_PROJECT_DIR/")
        assert folder in cached, variable
    assert any(APT in line for line in job["script"])
