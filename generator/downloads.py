"""PDF handouts built with the site: each goal's sheet and the two meeting records, per paper size.

Rendering a PDF takes about half a second, and `mkdocs serve` rebuilds often, so results are
kept in memory by the hash of their HTML: only a sheet whose HTML changed is rendered again.
"""

from __future__ import annotations

import hashlib

from generator.model import Bank
from generator.pages import RECORDS, default_sheet, record_document, sheet_document
from generator.pdf import pdf_bytes

PAPERS = ("letter", "a4")
_cache: dict[str, bytes] = {}


def download_name(stem: str, paper: str) -> str:
    return f"{stem}-{paper}.pdf"


def site_downloads(bank: Bank) -> dict[str, bytes]:
    """Path in the site -> PDF bytes, for every goal's default sheet and every record."""
    documents = {}
    for paper in PAPERS:
        for goal in bank.goals:
            documents[f"sheets/{download_name(goal, paper)}"] = sheet_document(
                default_sheet(bank, goal), paper
            )
        for kind in RECORDS:
            documents[f"records/{download_name(kind, paper)}"] = record_document(kind, paper)
    return {path: _render(html) for path, html in documents.items()}


def _render(html: str) -> bytes:
    key = hashlib.sha256(html.encode("utf-8")).hexdigest()
    if key not in _cache:
        _cache[key] = pdf_bytes(html)
    return _cache[key]
