"""Render a standalone sheet document to a tagged PDF with WeasyPrint.

WeasyPrint needs the Pango library from the operating system. When either is missing we say
exactly what to install instead of showing an import traceback.

A PDF takes about half a second (and importing WeasyPrint as long again), and a site build
makes twelve, so each is kept by the hash of its HTML and WeasyPrint's version: in memory for
`mkdocs serve`, and in the disk cache (cache_store) for later commands. Fonts are not part of
the key: after changing the system's fonts, delete the cache folder.
"""

from __future__ import annotations

from importlib import metadata
from pathlib import Path

from generator import cache_store
from generator.errors import RequestError

# PDFs kept in the disk cache: the site's twelve for a few editions, and some single sheets.
KEEP_ENTRIES = 60
_made: dict[str, bytes] = {}

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
    try:
        version = metadata.version("weasyprint")
    except metadata.PackageNotFoundError:
        version = ""  # not installed: rendering below says what to install
    name = f"pdf-{cache_store.digest(version, base_url or '', html)}.pdf"
    if name not in _made:
        data = cache_store.read(name) if version else None
        if data is None:
            data = _render(html, base_url)
            cache_store.write(name, data, keep=KEEP_ENTRIES)
        if len(_made) >= KEEP_ENTRIES:  # a server edited all day must not grow without end
            _made.clear()
        _made[name] = data
    return _made[name]


def _render(html: str, base_url: str | None) -> bytes:
    weasyprint = load_weasyprint()
    document = weasyprint.HTML(string=html, base_url=base_url)
    # PDF/UA-1 makes WeasyPrint tag the structure (headings, lists, reading order) and set
    # the title and language, which screen readers and campus accessibility rules need.
    return document.write_pdf(pdf_variant="pdf/ua-1", uncompressed_pdf=False)


def write_pdf(html: str, output: Path) -> None:
    data = pdf_bytes(html)
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_bytes(data)
