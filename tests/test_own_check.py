"""`infointerview check-accessibility` and its record, without a browser: what the statement
says from a record (old or new), a record that is not one, and a machine without Chromium,
where the command says so and never records a check. The check itself, with Chromium, is in
tests/browser/test_own_pages_check.py."""

from __future__ import annotations

import datetime
import os
import subprocess
import sys
from pathlib import Path

import pytest

from generator.core.centre import Centre
from generator.core.errors import ConfigError
from generator.core.own_check import RECORD, built_page, read_record, write_record
from generator.site.statements import statement_pages
from tests.conftest import QUIET, run_cli

NAME = "Northfield University Career Centre"
DAY = datetime.date(2027, 1, 12)


def docs_with(tmp_path: Path, **pages: str) -> Path:
    docs = tmp_path / "docs"
    for name, text in pages.items():
        (docs / f"{name}.md").parent.mkdir(parents=True, exist_ok=True)
        (docs / f"{name}.md").write_text(text, "utf-8")
    return docs


def statement(own_check: object) -> str:
    text = statement_pages(Centre(name=NAME), own_check=own_check)["about/accessibility.md"]
    return " ".join(text.replace("\\", "").split())  # Markdown's escapes, as in 4\.12


def test_without_a_record_the_centres_pages_are_said_to_be_unchecked(tmp_path: Path) -> None:
    docs = docs_with(tmp_path, fair="# Fair\n")
    assert read_record(tmp_path, docs) is None
    text = statement(None)
    assert f"the pages {NAME} added have not been checked the same way" in text
    assert "checked the page" not in text and "axe-core found no problems" not in text


def test_a_record_puts_the_day_and_the_axe_core_version_in_the_statement(tmp_path: Path) -> None:
    docs = docs_with(tmp_path, fair="# Fair\n", **{"events/drop-in": "# Drop-in\n"})
    write_record(tmp_path, "4.12.1", {"fair.md": docs / "fair.md",
                                      "events/drop-in.md": docs / "events/drop-in.md"}, DAY)
    found = read_record(tmp_path, docs)
    assert found is not None and found.changed == ()
    text = statement(found)
    assert (f"{NAME} checked the 2 pages it wrote itself on 12 January 2027, with axe-core "
            "4.12.1 in a real browser, in the light and the dark colour scheme, for the WCAG "
            "2.1 A and AA rules. axe-core found no problems on them.") in text
    assert f"the pages {NAME} added were checked with axe-core only" in text
    assert f"and the check of its own pages that {NAME} ran on 12 January 2027" in text


def test_an_older_record_than_the_pages_still_says_when_and_names_what_changed(
    tmp_path: Path,
) -> None:
    docs = docs_with(tmp_path, fair="# Fair\n")
    write_record(tmp_path, "4.12.1", {"fair.md": docs / "fair.md"}, DAY)
    (docs / "fair.md").write_text("# Fair\n\nNew text.\n", "utf-8")
    (docs / "jobs.md").write_text("# Jobs\n", "utf-8")
    found = read_record(tmp_path, docs)
    assert found is not None and found.changed == ("fair.md", "jobs.md")
    text = statement(found)
    assert f"{NAME} checked the page it wrote itself on 12 January 2027" in text
    assert ("These pages were changed or added after that check, and have not been checked "
            "since: fair.md, jobs.md.") in text
    assert f"the pages {NAME} added have not all been checked the same way" in text


@pytest.mark.parametrize("text", ["checked_on: yesterday\n", "- a list\n", "pages: {}\n",
                                  "checked_on: 2027-01-12\naxe_core: 4.12.1\npages: [a.md]\n"])
def test_a_record_that_is_not_one_is_an_error_naming_the_file(tmp_path: Path, text: str) -> None:
    (tmp_path / RECORD).write_text(text, "utf-8")
    with pytest.raises(ConfigError, match=f"{RECORD}: is not a record written by"):
        read_record(tmp_path, docs_with(tmp_path, fair="# Fair\n"))


@pytest.mark.parametrize(("page", "flat", "directory"), [
    ("fair.md", "fair.html", "fair/index.html"),
    ("events/index.md", "events/index.html", "events/index.html"),
    ("README.md", "index.html", "index.html"),
])
def test_own_pages_are_found_where_mkdocs_writes_them(page: str, flat: str, directory: str) -> None:
    assert built_page(page, directory_urls=False) == flat
    assert built_page(page, directory_urls=True) == directory


def test_without_chromium_the_command_says_so_and_records_nothing(tmp_path: Path) -> None:
    site = tmp_path / "careers"
    assert run_cli("new-site", str(site)).returncode == 0
    result = subprocess.run(
        [sys.executable, "-m", "generator", "check-accessibility", str(site)],
        capture_output=True, text=True, check=False,
        env={**os.environ, **QUIET, "INFOINTERVIEW_CHROMIUM": str(tmp_path / "no-chromium")})
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.strip() == (
        f"Error: Chromium not found at {tmp_path / 'no-chromium'}; install it (on Debian or "
        "Ubuntu: sudo apt-get install chromium), or set INFOINTERVIEW_CHROMIUM to the path of "
        "a Chromium or Chrome program. Nothing was checked.")
    assert not (site / RECORD).exists()


def test_outside_a_site_folder_the_command_says_where_to_run_it(tmp_path: Path) -> None:
    result = run_cli("check-accessibility", str(tmp_path))
    assert result.returncode == 1
    assert "mkdocs.yml not found; run this in your site's folder" in result.stderr
    assert "Nothing was checked." in result.stderr
