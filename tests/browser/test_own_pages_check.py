"""`infointerview check-accessibility` on a real build of a small centre site: one page of the
centre's own has text too pale to read, and the command finds it; once fixed, the check passes,
writes its record, and the next build's accessibility statement says when the centre's pages
were checked and with which axe-core."""

from __future__ import annotations

import datetime
import re
import sys
from pathlib import Path

import pytest
import yaml

from generator.core.own_check import RECORD
from tests.conftest import SOURCE_DATE_EPOCH, run, run_cli
from tests.edition_site import CENTRE, fill_in

pytestmark = pytest.mark.browser

PALE = '<p style="color: #aaaaaa">Bring a printed copy of your CV.</p>'


def build(site: Path) -> None:
    result = run([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=site,
                 SOURCE_DATE_EPOCH=SOURCE_DATE_EPOCH)
    assert result.returncode == 0, result.stderr


def test_the_check_finds_a_pale_page_and_passes_once_it_is_fixed(tmp_path: Path) -> None:
    site = tmp_path / "careers"
    assert run_cli("new-site", str(site)).returncode == 0
    fill_in(site, pdf=False)
    fair = site / "docs" / "fair.md"
    fair.write_text(f"# Careers fair\n\nThe fair is in the main hall.\n\n{PALE}\n", "utf-8")
    build(site)

    found = run_cli("check-accessibility", cwd=site)
    assert found.returncode == 1
    problems = found.stdout.splitlines()
    assert problems, found.stderr
    assert problems[0].startswith(
        "docs/fair.md (light): color-contrast: Elements must meet minimum color contrast ratio "
        "thresholds; at "), found.stdout
    assert "2.32" in problems[0]  # the contrast of #aaaaaa on white, from axe-core
    assert all(line.startswith("docs/fair.md (") for line in problems), found.stdout
    assert "was not written" in found.stderr and not (site / RECORD).exists()

    fair.write_text(fair.read_text("utf-8").replace(' style="color: #aaaaaa"', ""), "utf-8")
    build(site)
    passed = run_cli("check-accessibility", cwd=site)
    assert passed.returncode == 0, passed.stdout + passed.stderr
    record = yaml.safe_load((site / RECORD).read_text("utf-8"))
    assert sorted(record["pages"]) == ["drop-in.md", "fair.md", "our-service.md"]
    version = record["axe_core"]
    assert re.fullmatch(r"\d+\.\d+\.\d+", version)
    day = datetime.date.fromisoformat(record["checked_on"])
    assert "found no problem on your 3 own page(s)" in passed.stdout

    build(site)
    html = (site / "site" / "about" / "accessibility.html").read_text("utf-8")
    statement = " ".join(re.sub(r"<[^>]+>", " ", html).split())
    assert (f"{CENTRE['name']} checked the 3 pages it wrote itself on {day.day} "
            f"{day:%B %Y}, with axe-core {version} in a real browser, in the light and the dark "
            "colour scheme") in statement
    assert "have not been checked since" not in statement
