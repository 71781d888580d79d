"""PDF handouts built with the site: each goal's sheet, the two meeting records and the checklist,
per paper size.

Each PDF is rendered only when its HTML changed (see the cache in generator.rendering.pdf).
"""

from __future__ import annotations

from generator.core.model import Bank
from generator.core.sheet import DEFAULT_MINUTES
from generator.rendering.documents import RECORDS, default_sheet, record_document, sheet_document
from generator.rendering.pdf import pdf_bytes
from generator.site import checklist

PAPERS = ("letter", "a4")


def download_name(stem: str, paper: str) -> str:
    return f"{stem}-{paper}.pdf"


def site_downloads(bank: Bank, minutes: int = DEFAULT_MINUTES) -> dict[str, bytes]:
    """Path in the site -> PDF bytes, for every goal's default sheet, every record and the
    checklist."""
    documents = {}
    for paper in PAPERS:
        for goal in bank.goals:
            documents[f"sheets/{download_name(goal, paper)}"] = sheet_document(
                default_sheet(bank, goal, minutes), paper
            )
        for kind in RECORDS:
            documents[f"records/{download_name(kind, paper)}"] = record_document(kind, paper)
        checklist_pdf = f"{checklist.PDF_FOLDER}/{download_name(checklist.PDF_STEM, paper)}"
        documents[checklist_pdf] = checklist.checklist_document(bank, paper)
    return {path: pdf_bytes(html) for path, html in documents.items()}
