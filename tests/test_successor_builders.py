"""The site built by Material's successors from `infointerview pages`: ProperDocs 1.6 and the
newest Zensical this registry installs (0.0.73; 0.1.x needs `zensical-ui`, which it lacks).
Both read this project's mkdocs.yml without the infointerview plugin, which they cannot run."""

from __future__ import annotations

import re
import shutil
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, run, run_cli

BIN = Path(sys.executable).parent


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The written pages, the theme overrides and mkdocs.yml less the plugin."""
    folder = tmp_path_factory.mktemp("successor")
    written = run_cli("pages", "--output", str(folder / "docs"))
    assert written.returncode == 0, written.stderr
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config = re.sub(r"\n  - infointerview:\n(?:      .*\n|\s*#.*\n)*", "\n", config)
    config = config.replace("docs_dir: content", "docs_dir: docs")
    assert "infointerview:" not in config
    (folder / "mkdocs.yml").write_text(config, encoding="utf-8")
    shutil.copytree(ROOT / "site_overrides", folder / "site_overrides")
    return folder


def built(project: Path, name: str, command: list[str]) -> Path:
    tool = BIN / command[0]
    if not tool.exists():
        pytest.skip(f"{command[0]} is not installed (pip install -e '.[test]')")
    result = run([str(tool), *command[1:]], cwd=project)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    site = project / name
    assert site.is_dir(), result.stderr
    return site


def check_site(project: Path, site: Path) -> None:
    pages = sorted(p.relative_to(project / "docs").with_suffix(".html").as_posix()
                   for p in (project / "docs").rglob("*.md"))
    made = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))
    assert [p for p in made if p != "404.html"] == pages
    asking = (site / "guide" / "asking.html").read_text("utf-8")
    assert '<div class="admonition note">' in asking and "!!! note" not in asking
    student = (site / "sheets" / "student.html").read_text("utf-8")
    assert "Question sheet: Student or new graduate" in student
    assert "assets/stylesheets/sheet.css" in student  # the theme override ran
    privacy = (site / "about" / "privacy.html").read_text("utf-8")
    assert "It sets no cookies." in privacy
    assert (site / "assets" / "javascripts" / "sheet-maker-data.js").is_file()


def test_properdocs_builds_the_written_pages(project: Path) -> None:
    site = built(project, "site-properdocs",
                 ["properdocs", "build", "--strict", "-d", "site-properdocs"])
    check_site(project, site)


def test_zensical_builds_the_written_pages(project: Path) -> None:
    # Zensical writes to site_dir (site/) and has no option to change it.
    site = built(project, "site", ["zensical", "build", "--strict", "-f", "mkdocs.yml"])
    check_site(project, site)
