"""Golden files: a small bank in, pages and sheets out. After an intended change, regenerate with
`UPDATE_GOLDEN=1 pytest tests/test_golden.py` and review the diff like any other change."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from generator.core.loader import load_bank
from generator.core.model import Bank
from generator.core.sheet import SheetRequest
from generator.core.tailor import build_sheet
from generator.rendering.documents import sheet_document, sheet_markdown
from generator.site.inserts import expand_inserts
from generator.site.site_pages import site_pages

HERE = Path(__file__).parent / "golden"
EXPECTED = HERE / "expected"
GUIDE_PAGE = """# A guide page

<!-- insert: tips kind=do -->

<!-- insert: steps -->

<!-- insert: template outreach -->

<!-- insert: avoid -->
"""


@pytest.fixture(scope="module")
def bank() -> Bank:
    return load_bank([HERE / "bank"])


def _without_stylesheet(html: str) -> str:
    # The stylesheet has tests of its own (page counts, print); here only the markup counts.
    start, end = html.index("<style>") + len("<style>"), html.index("@page { size:")
    return html[:start] + "\n/* sheet.css */\n" + html[end:]


def outputs(bank: Bank) -> dict[str, str]:
    sheet = build_sheet(bank, SheetRequest(goal="explore", minutes=30, industry="health"))
    pages = site_pages(bank)
    return {
        "sheet-explore-30-health.md": sheet_markdown(sheet),
        "sheet-explore-30-health.html": _without_stylesheet(sheet_document(sheet, "a4")),
        "page-sheets-explore.md": pages["sheets/explore.md"],
        "page-sheets-index.md": pages["sheets/index.md"],
        "page-questions.md": pages["questions/index.md"],
        "page-guide-inserts.md": expand_inserts(GUIDE_PAGE, bank, Path("guide.md")),
    }


@pytest.mark.parametrize("name", [
    "sheet-explore-30-health.md", "sheet-explore-30-health.html", "page-sheets-explore.md",
    "page-sheets-index.md", "page-questions.md", "page-guide-inserts.md",
])
def test_output_matches_golden_file(bank: Bank, name: str) -> None:
    actual = outputs(bank)[name]
    golden = EXPECTED / name
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_text(actual, encoding="utf-8")
    assert golden.is_file(), f"missing {golden}; run with UPDATE_GOLDEN=1"
    assert actual == golden.read_text(encoding="utf-8")
