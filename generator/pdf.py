"""Render a standalone sheet document to a tagged PDF with WeasyPrint.

WeasyPrint needs the Pango library from the operating system. When either is missing we say
exactly what to install instead of showing an import traceback.
"""

from __future__ import annotations

from pathlib import Path

from generator.errors import RequestError

INSTALL_HINT = (
    "PDF sheets need WeasyPrint and the Pango library.\n"
    "  Install WeasyPrint:  pip install 'infointerview[pdf]'\n"
    "  Install Pango:       sudo apt-get install libpango-1.0-0 libpangoft2-1.0-0\n"
    "                       (Debian, Ubuntu)\n"
    "                       brew install pango (macOS)\n"
    "Or write an HTML sheet (--output sheet.html) and print it from your browser."
)


def load_weasyprint():
    try:
        import weasyprint  # noqa: PLC0415 - optional; missing is reported
    except (ImportError, OSError) as error:  # OSError: the module is there but Pango is not
        raise RequestError(f"{INSTALL_HINT}\n(The import failed with: {error})") from None
    return weasyprint


def pdf_bytes(html: str, base_url: str | None = None) -> bytes:
    weasyprint = load_weasyprint()
    document = weasyprint.HTML(string=html, base_url=base_url)
    # PDF/UA-1 makes WeasyPrint tag the structure (headings, lists, reading order) and set
    # the title and language, which screen readers and campus accessibility rules need.
    return document.write_pdf(pdf_variant="pdf/ua-1", uncompressed_pdf=False)


def write_pdf(html: str, output: Path) -> None:
    data = pdf_bytes(html)
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_bytes(data)
