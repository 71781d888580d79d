"""Upgrades that reach a centre's site: a pinned compatible release, and what the shipped pages
need coming from the plugin rather than from the centre's mkdocs.yml."""

from __future__ import annotations

import sys
import tomllib
from pathlib import Path

import yaml
from packaging.requirements import Requirement
from packaging.version import Version

from generator.edition.markdown_needs import NEEDED
from tests.conftest import ROOT, SOURCE_DATE_EPOCH, run, run_cli

VERSION = Version(tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]["version"])
STARTER = ROOT / "generator" / "edition" / "starter"


def test_the_starter_pins_a_release_that_takes_fixes_but_no_breaking_change() -> None:
    (line,) = (STARTER / "requirements.txt").read_text("utf-8").split()
    requirement = Requirement(line)
    assert requirement.name == "infointerview"
    allowed = requirement.specifier
    assert VERSION in allowed
    assert Version(f"{VERSION.major}.{VERSION.minor}.{VERSION.micro + 1}") in allowed
    # While the major number is 0, a new minor number may break a site (CHANGELOG.md).
    breaking = (Version(f"0.{VERSION.minor + 1}.0") if VERSION.major == 0
                else Version(f"{VERSION.major + 1}.0.0"))
    assert breaking not in allowed
    readme = (STARTER / "README.md").read_text("utf-8")
    assert "CHANGELOG" in readme and "requirements.txt" in readme


def test_a_site_whose_mkdocs_yml_lists_no_extensions_still_shows_the_guides_boxes(
    tmp_path: Path,
) -> None:
    """The starter lists no Markdown extensions; sites made by older releases list old ones."""
    site = tmp_path / "careers"
    assert run_cli("new-site", str(site)).returncode == 0
    config = site / "mkdocs.yml"
    text = config.read_text("utf-8").replace("pdf: true", "pdf: false")
    assert "\nmarkdown_extensions:" not in text
    # An older site's list, without admonition: the plugin adds it back.
    config.write_text(text + "markdown_extensions:\n  - toc:\n      permalink: '#'\n", "utf-8")
    result = run([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=site,
                 SOURCE_DATE_EPOCH=SOURCE_DATE_EPOCH)
    assert result.returncode == 0, result.stderr
    page = (site / "site" / "guide" / "asking.html").read_text("utf-8")
    assert '<div class="admonition note">' in page
    assert "!!! note" not in page
    assert 'class="headerlink" href="#' in page and ">#</a>" in page  # the centre's toc kept


def test_the_plugin_adds_the_extensions_this_projects_own_site_lists() -> None:
    """This project's mkdocs.yml names them for builders that run no plugins: the same list."""
    class Loader(yaml.SafeLoader):
        pass
    Loader.add_constructor("!ENV", lambda loader, node: None)
    ours = yaml.load((ROOT / "mkdocs.yml").read_text("utf-8"), Loader=Loader)
    listed = {}
    for entry in ours["markdown_extensions"]:
        name, settings = next(iter(entry.items())) if isinstance(entry, dict) else (entry, {})
        listed[name] = settings
    assert listed == NEEDED
