"""Render a standalone sheet document to a tagged PDF with WeasyPrint.

WeasyPrint needs the Pango library from the operating system. When either is missing we say
exactly what to install instead of showing an import traceback.

A PDF takes about half a second (and importing WeasyPrint as long again), and a site build
makes a dozen, so each is kept in the PDF cache (pdf_cache), keyed by its HTML and every
version and font it depends on; in memory too, for `mkdocs serve`.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import functools
from importlib import metadata
from pathlib import Path

from generator.core.errors import PdfUnavailable
from generator.rendering import pdf_cache

_made: dict[str, bytes] = {}

INSTALL_HINT = (
    "PDF sheets need WeasyPrint and the Pango library.\n"
    "  Install WeasyPrint:  pip install weasyprint  (infointerview depends on it)\n"
    "  Install Pango:       sudo apt-get install libpango-1.0-0 libpangoft2-1.0-0\n"
    "                       (Debian, Ubuntu)\n"
    "                       brew install pango (macOS)\n"
    "Or write an HTML sheet (--output sheet.html) and print it from your browser."
)


def load_weasyprint():
    try:
        import weasyprint  # noqa: PLC0415 - optional; missing is reported
    except (ImportError, OSError) as error:  # OSError: the module is there but Pango is not
        raise PdfUnavailable(f"{INSTALL_HINT}\n(The import failed with: {error})") from None
    return weasyprint


@functools.cache
def _versions() -> tuple[str, ...]:
    """What a PDF's bytes depend on besides its HTML and the fonts: found without importing
    WeasyPrint, so a cached PDF costs no second of import."""
    found = []
    for package in ("weasyprint", "pydyf", "tinycss2", "cssselect2", "fonttools"):
        try:
            found.append(f"{package}={metadata.version(package)}")
        except metadata.PackageNotFoundError:
            found.append(f"{package}=none")
    return (*found, f"pango={_pango_version()}")


def _pango_version() -> str:
    name = ctypes.util.find_library("pango-1.0") or "libpango-1.0.so.0"
    try:
        return str(ctypes.CDLL(name).pango_version())
    except (OSError, AttributeError):
        return "none"


def pdf_bytes(html: str, base_url: str | None = None) -> bytes:
    key = [*_versions(), base_url or "", html]
    name = pdf_cache.digest(*key)
    if name not in _made:
        data = pdf_cache.cached(key, lambda: _render(html, base_url))
        if len(_made) >= pdf_cache.KEEP_ENTRIES:  # a server edited all day must not grow
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
