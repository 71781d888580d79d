"""The only place MkDocs meets the generator: a hook listed under `hooks:` in mkdocs.yml.

Everything is loaded and rendered in `on_pre_build`, which MkDocs runs before it empties the
site folder: a bank error then stops the build and the previous site stays as it was. The pages
are added as virtual files (`File.generated`), never written into the docs folder, so
`mkdocs serve` does not loop on its own output. MkDocs caches this module across rebuilds, but
the bank and templates are read afresh on every build; only PDFs are cached (pdf_cache).

Settings live under `extra.infointerview` in mkdocs.yml:
    question_banks: folders to merge, in order (default: [question_bank])
    pdf: build PDF handouts of the sheets and records with the site (default: true)
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

from generator.errors import BankError, PdfUnavailable
from generator.inserts import INSERT, check_content, expand_inserts
from generator.loader import load_bank
from generator.model import Bank
from generator.site_pages import site_pages

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

_pages: dict[str, str | bytes] = {}
_bank: list[Bank] = []


def bank_folders(config: MkDocsConfig) -> list[Path]:
    root = Path(config.config_file_path).parent
    settings = config.extra.get("infointerview", {}) or {}
    return [root / folder for folder in settings.get("question_banks", ["question_bank"])]


def wants_pdf(config: MkDocsConfig) -> bool:
    value = (config.extra.get("infointerview", {}) or {}).get("pdf", True)
    return str(value).lower() not in {"false", "0", "no", "off"}


def on_pre_build(config: MkDocsConfig) -> None:
    try:
        bank = load_bank(bank_folders(config))
        pdf = wants_pdf(config)
        # Hand-written pages are only checked here: they are expanded once, as MkDocs reads them.
        check_content(bank, Path(config.docs_dir))
        pages: dict[str, str | bytes] = dict(site_pages(bank, pdf))
        if pdf:
            from generator.downloads import site_downloads  # noqa: PLC0415 - WeasyPrint is slow to import

            pages.update(site_downloads(bank))
    except BankError as error:
        raise PluginError(f"infointerview: the question bank has problems:\n{error}") from None
    except PdfUnavailable as error:
        message = f"infointerview: {error}\nOr set extra.infointerview.pdf: false"
        raise PluginError(message) from None
    _pages.clear()
    _pages.update(pages)
    _bank[:] = [bank]


def on_files(files: Files, config: MkDocsConfig) -> Files:
    for path, content in _pages.items():
        if files.get_file_from_path(path) is None:  # a hand-written page wins over a generated one
            files.append(File.generated(config, path, content=content))
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, **_: object) -> str:
    # MkDocs passes the page without its front matter. on_pre_build has checked every insert
    # comment, so this cannot fail half-way through writing the site.
    if page.file.generated_by is None and INSERT.search(markdown):
        source = Path(page.file.abs_src_path or page.file.src_uri)
        return expand_inserts(markdown, _bank[0], source, downloads=wants_pdf(config))
    return markdown
