"""Insert comments in the guide's pages: each bad one is named with its page and line."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.core.errors import BankError
from generator.core.loader import load_bank
from generator.core.model import Bank
from generator.site.inserts import expand_inserts, insert_problems
from tests.conftest import BANK, copy_project, mkdocs_build


@pytest.fixture(scope="module")
def bank() -> Bank:
    return load_bank([BANK])


@pytest.mark.parametrize(("comment", "message"), [
    ("<!-- insert: tipps -->", "unknown insert 'tipps'. Expected one of: ['avoid', 'benefits', "
     "'checklist', 'composer', 'fields', 'steps', 'template', 'timeline', 'tips']"),
    ("<!-- insert: tips colour=red -->", "insert 'tips': unknown option 'colour'. Expected one of: "
     "['kind', 'stage']"),
    ("<!-- insert: tips kind=maybe -->", "insert 'tips': kind: Expected one of: ['do', 'dont'] but "
     "received: 'maybe'"),
    ("<!-- insert: template letter -->", "insert 'template': unknown template 'letter'. Expected one "
     "of: ['outreach', 'outreach-cold', 'linkedin-note', 'no-reply', 'thank-you', 'update', "
     "'introduction']"),
    ("<!-- insert: benefits goal=retire -->", "insert 'benefits': unknown goal 'retire'. Expected "
     "one of: ['explore', 'career-change', 'student', 'job-search']"),
])
def test_each_bad_insert_is_named(bank: Bank, comment: str, message: str) -> None:
    page = f"# A page\n\nSome text.\n\n{comment}\n"
    problems = insert_problems(page, bank, Path("page.md"))
    assert [(p.line, p.message) for p in problems] == [(5, message)]
    with pytest.raises(BankError):
        expand_inserts(page, bank, Path("page.md"))


def test_good_inserts_are_replaced(bank: Bank) -> None:
    page = "# A page\n\n<!-- insert: steps -->\n\n<!-- insert: template outreach -->\n"
    assert insert_problems(page, bank, Path("page.md")) == []
    expanded = expand_inserts(page, bank, Path("page.md"))
    assert "insert:" not in expanded
    assert "1. **" in expanded and '<div class="ii-template" data-ii-template="outreach">' in expanded


def test_a_bad_insert_stops_the_build_and_keeps_the_site(tmp_path: Path, built_site: Path) -> None:
    project = copy_project(tmp_path)
    shutil.copytree(built_site, project / "site")  # the site a good build made
    before = (project / "site" / "guide" / "asking.html").read_bytes()
    page = project / "content" / "guide" / "asking.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n<!-- insert: tipps -->\n", encoding="utf-8")
    result = mkdocs_build(project, project / "site")
    assert result.returncode == 1
    line = page.read_text(encoding="utf-8").count("\n")
    assert f"asking.md:{line}: unknown insert 'tipps'" in result.stderr
    assert (project / "site" / "guide" / "asking.html").read_bytes() == before


def test_the_checklist_links_its_pdfs_only_when_the_build_makes_them(bank: Bank) -> None:
    page = "# Checklist\n\n<!-- insert: checklist -->\n"
    without = expand_inserts(page, bank, Path("checklist.md"))
    with_pdfs = expand_inserts(page, bank, Path("checklist.md"), downloads=True)
    assert "data-ii-print" in without and "data-ii-print" in with_pdfs
    assert "checklist-letter.pdf" not in without
    assert 'href="checklist-letter.pdf"' in with_pdfs and 'href="checklist-a4.pdf"' in with_pdfs


def test_a_page_cannot_ask_for_pdf_links_itself(bank: Bank) -> None:
    problems = insert_problems("<!-- insert: checklist downloads=yes -->\n", bank, Path("p.md"))
    assert [p.message for p in problems] == [
        "insert 'checklist': unknown option 'downloads'. Expected one of: []"]
