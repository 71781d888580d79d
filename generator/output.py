"""Writing sheets and pages to disk. Everything is rendered in memory first, so an error never
leaves a half-written folder behind."""

from __future__ import annotations

from pathlib import Path

from generator.documents import sheet_document, sheet_markdown
from generator.model import Bank
from generator.site_pages import all_pages
from generator.tailor import Sheet


def write_sheet(sheet: Sheet, output: Path, paper: str) -> None:
    suffix = output.suffix.lower()
    if suffix == ".pdf":
        from generator.pdf import write_pdf  # noqa: PLC0415 - WeasyPrint is slow to import

        write_pdf(sheet_document(sheet, paper), output)
        return
    text = sheet_markdown(sheet) if suffix == ".md" else sheet_document(sheet, paper)
    _write_if_changed(output, text.encode("utf-8"))


def write_pages(bank: Bank, content: Path, output: Path) -> int:
    """Copy `content` into `output` with inserts expanded, and add the generated pages."""
    files: dict[str, bytes] = {}
    if content.is_dir():
        for path in sorted(content.rglob("*")):
            if path.is_file():
                files[path.relative_to(content).as_posix()] = path.read_bytes()
    for name, text in all_pages(bank, [content] if content.is_dir() else []).items():
        files[name] = text.encode("utf-8")
    write_files(output, files)
    return len(files)


def write_files(folder: Path, files: dict[str, bytes]) -> None:
    """Write already-rendered files into `folder` (relative names)."""
    for name, data in files.items():
        _write_if_changed(folder / name, data)


def _write_if_changed(path: Path, data: bytes) -> None:
    # Leaving unchanged files alone keeps a watching builder from rebuilding for nothing.
    if path.is_file() and path.read_bytes() == data:
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
