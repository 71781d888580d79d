"""Real PDFs from WeasyPrint: tagging, titles and the batch command. Page counts, paper sizes and
whole questions on both papers are measured in tests/test_sheet_writing_space.py."""

from __future__ import annotations

import io
import itertools
import os
from pathlib import Path

import html5lib
import pytest

from generator.core.errors import PdfUnavailable
from generator.core.loader import load_bank
from generator.core.model import Bank
from generator.core.sheet import SheetRequest
from generator.core.tailor import build_sheet
from generator.rendering.documents import record_document, sheet_document
from tests.conftest import BANK, run_cli

try:
    from generator.rendering.pdf import load_weasyprint, pdf_bytes

    load_weasyprint()
    MISSING = ""
except PdfUnavailable as error:
    MISSING = str(error).splitlines()[0]

if MISSING and os.environ.get("CI"):
    raise RuntimeError(f"CI must be able to render PDFs: {MISSING}")
pytestmark = pytest.mark.skipif(bool(MISSING), reason=f"WeasyPrint unavailable: {MISSING}")
pypdf = pytest.importorskip("pypdf") if not MISSING else None


@pytest.fixture(scope="module")
def bank() -> Bank:
    return load_bank([BANK])


def read(data: bytes):
    return pypdf.PdfReader(io.BytesIO(data))


def test_pdf_is_tagged_titled_and_in_english(bank: Bank) -> None:
    sheet = build_sheet(bank, SheetRequest(goal="career-change", minutes=30))
    pdf = read(pdf_bytes(sheet_document(sheet)))
    root = pdf.trailer["/Root"]
    assert root["/Lang"] == "en"
    assert bool(root["/MarkInfo"]["/Marked"])
    assert "/StructTreeRoot" in root
    assert pdf.metadata.title == "Question sheet: Changing careers (30 minutes)"
    text = pdf.pages[0].extract_text()  # selectable text, not an image of text
    assert sheet.questions[0].text.split()[0] in text


def test_records_fit_one_page(bank: Bank) -> None:
    for kind, paper in itertools.product(("contact-log", "debrief"), ("letter", "a4")):
        assert len(read(pdf_bytes(record_document(kind, paper))).pages) == 1, (kind, paper)


def test_standalone_sheet_html_is_valid(bank: Bank) -> None:
    for goal in bank.goals:
        html = sheet_document(build_sheet(bank, SheetRequest(goal=goal)), "letter")
        parser = html5lib.HTMLParser(strict=True)  # raises on any HTML parse error
        document = parser.parse(html)
        ns = {"h": "http://www.w3.org/1999/xhtml"}
        assert document.get("lang") == "en"
        assert len(document.findall(".//h:h1", ns)) == 1
        assert document.find(".//h:title", ns).text.startswith("Question sheet:")
        ids = [element.get("id") for element in document.iter() if element.get("id")]
        assert len(ids) == len(set(ids)), "duplicate ids"


def test_sheet_command_writes_a_pdf(tmp_path: Path) -> None:
    output = tmp_path / "sheet.pdf"
    result = run_cli("sheet", "--goal", "student", "--minutes", "20", "--paper", "a4",
                     "--output", str(output))
    assert result.returncode == 0, result.stderr
    pdf = read(output.read_bytes())
    assert len(pdf.pages) == 2  # the meeting on page 1, "if time allows" and reminders on 2
    assert round(float(pdf.pages[0].mediabox.height)) == 842  # A4


def test_batch_command_writes_every_sheet_and_an_index(tmp_path: Path, bank: Bank) -> None:
    result = run_cli("sheets", "--output", str(tmp_path), "--pdf")
    assert result.returncode == 0, result.stderr
    expected = {f"{goal}-{minutes}min.{kind}" for goal in bank.goals for minutes in (20, 30, 45)
                for kind in ("html", "pdf")}
    # The marker lets a later run replace the folder whole (and nothing else).
    assert {p.name for p in tmp_path.iterdir()} == expected | {"index.html", ".infointerview-output"}
    index = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert all(f'href="{name}"' in index for name in expected)
    assert result.stdout.startswith(f"Wrote 12 HTML sheets and 12 PDF sheets for {len(bank.goals)} goals")
    assert len(read((tmp_path / "explore-30min.pdf").read_bytes()).pages) == 2


def test_record_command(tmp_path: Path) -> None:
    for kind in ("contact-log", "debrief"):
        result = run_cli("record", kind, "--output", str(tmp_path / f"{kind}.pdf"))
        assert result.returncode == 0, result.stderr
        assert len(read((tmp_path / f"{kind}.pdf").read_bytes()).pages) == 1


def test_site_offers_pdf_downloads(built_site: Path, bank: Bank) -> None:
    for goal in bank.goals:
        page = (built_site / "sheets" / f"{goal}.html").read_text(encoding="utf-8")
        for paper in ("letter", "a4"):
            assert f'href="{goal}-{paper}.pdf"' in page
            assert len(read((built_site / "sheets" / f"{goal}-{paper}.pdf").read_bytes()).pages) == 2
