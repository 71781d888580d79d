"""Small traps a career centre's web officer falls into: `new-site` into a fresh clone, an
unquoted colour that YAML reads as a comment, and an accent colour that fails contrast."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from generator.edition.branding import AA_TEXT, SLATE_BACKGROUND, WHITE, contrast
from tests.conftest import SOURCE_DATE_EPOCH, run, run_cli
from tests.edition_site import fill_in


def build(site: Path) -> subprocess.CompletedProcess[str]:
    return run([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=site,
               SOURCE_DATE_EPOCH=SOURCE_DATE_EPOCH)


def test_new_site_fills_a_freshly_cloned_repository_and_keeps_its_files(tmp_path: Path) -> None:
    clone = tmp_path / "careers"
    clone.mkdir()
    subprocess.run(["git", "init", "-q", str(clone)], check=True)
    (clone / "README.md").write_text("# careers\n\nOur site.\n", "utf-8")
    (clone / "LICENSE").write_text("MIT licence text\n", "utf-8")
    (clone / ".gitignore").write_text("*.pyc\n", "utf-8")
    result = run_cli("new-site", str(clone))
    assert result.returncode == 0, result.stderr
    assert (clone / "mkdocs.yml").is_file() and (clone / ".github/workflows/pages.yml").is_file()
    assert (clone / "LICENSE").read_text("utf-8") == "MIT licence text\n"
    readme = (clone / "README.md").read_text("utf-8")
    assert readme.startswith("# careers\n\nOur site.\n\n# Our guide to informational interviews")
    ignored = (clone / ".gitignore").read_text("utf-8").splitlines()
    assert ignored[0] == "*.pyc" and "site/" in ignored
    assert (clone / ".git" / "HEAD").is_file()


def test_new_site_still_refuses_a_repository_with_work_in_it(tmp_path: Path) -> None:
    clone = tmp_path / "careers"
    (clone / ".git").mkdir(parents=True)
    (clone / "mkdocs.yml").write_text("site_name: Ours\n", "utf-8")
    result = run_cli("new-site", str(clone))
    assert result.returncode != 0
    assert "(it holds mkdocs.yml)" in result.stderr
    assert (clone / "mkdocs.yml").read_text("utf-8") == "site_name: Ours\n"


def _site(tmp_path: Path, colour_lines: str) -> Path:
    site = tmp_path / "careers"
    assert run_cli("new-site", str(site)).returncode == 0
    fill_in(site, pdf=False)
    config = site / "mkdocs.yml"
    text = re.sub(r"        colour: '#ffcc00'\n", colour_lines, config.read_text("utf-8"))
    config.write_text(text, "utf-8")
    return site


def test_an_unquoted_colour_is_reported_with_the_fix(tmp_path: Path) -> None:
    site = _site(tmp_path, "        colour: #8C1515\n")
    result = build(site)
    assert result.returncode != 0
    lines = (site / "mkdocs.yml").read_text("utf-8").splitlines()
    line = lines.index("        colour: #8C1515") + 1
    assert (f"mkdocs.yml:{line}: centre.colour: is empty; a colour such as #8C1515 must be "
            'written in quotes, for example "#8C1515"') in result.stderr
    assert "Traceback" not in result.stderr


def test_an_accent_colour_gets_its_own_contrast_check(tmp_path: Path) -> None:
    # A pale green that fails as a hover colour on white, with a dark red brand colour.
    site = _site(tmp_path, "        colour: '#7a0019'\n        accent: '#8fe388'\n")
    result = build(site)
    assert result.returncode == 0, result.stderr
    assert "as accent colour on the light page (#ffffff) it has" in result.stderr
    css = (site / "site" / "assets" / "stylesheets" / "infointerview-brand.css").read_text("utf-8")
    light = re.search(r"scheme=default\].*?--md-accent-fg-color: (#\w+)", css, re.S).group(1)
    dark = re.search(r"scheme=slate\].*?--md-accent-fg-color: (#\w+)", css, re.S).group(1)
    link = re.search(r"scheme=default\].*?--md-typeset-a-color: (#\w+)", css, re.S).group(1)
    assert light != link  # the accent is its own colour, not the brand colour again
    assert contrast(light, WHITE) >= AA_TEXT
    assert contrast(dark, SLATE_BACKGROUND) >= AA_TEXT
    assert dark == "#8fe388"  # it already passes on the dark page: kept as given


def test_an_accent_that_is_not_a_colour_names_the_accent(tmp_path: Path) -> None:
    site = _site(tmp_path, "        colour: '#7a0019'\n        accent: 'green'\n")
    result = build(site)
    assert result.returncode != 0
    assert "centre.accent: 'green' is not a colour" in result.stderr
    assert "'green' is not a colour written as #rrggbb" in result.stderr
