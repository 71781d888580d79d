"""The MkDocs plugin `infointerview`: the only place MkDocs meets the generator.

One plugin builds both this project's own site and any career centre's edition from an
installed package. It brings the shipped guide pages, question bank and theme overrides (see
generator.core.resources), so a centre's docs folder holds only its own pages.

Order of work, and why:
- on_config: check the options, add the theme overrides, the stylesheets and the offline
  search shim; this runs first (high priority) so the offline plugin sees the shim.
- on_pre_build: load and check the bank, render every generated page and PDF. MkDocs runs it
  before it empties the site folder, so a bank error stops the build and the previous site stays.
- on_files: add the shipped pages the centre did not write (its own page of the same name wins)
  and the generated pages as virtual files (`File.generated`), never written to disk, so
  `mkdocs serve` does not loop on its own output.
- on_page_markdown: expand `<!-- insert: ... -->` comments in hand-written pages.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

from markupsafe import Markup
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, InclusionLevel

from generator.core.centre import Centre, bank_folders
from generator.core.errors import BankError, PdfUnavailable
from generator.core.loader import load_bank
from generator.core.model import Bank
from generator.core.resources import shipped_path
from generator.core.sheet import DEFAULT_MINUTES, MAX_MINUTES, MIN_MINUTES
from generator.edition.branding import ColourError, accessible_palette, palette_css
from generator.edition.guide_nav import centre_nav
from generator.rendering.render import TEMPLATES, use_centre
from generator.site.inserts import INSERT, check_content, expand_inserts
from generator.site.site_pages import site_pages
from generator.site.statements import statement_pages

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

log = logging.getLogger("mkdocs.plugins.infointerview")

BRAND_CSS_PATH = "assets/stylesheets/infointerview-brand.css"
SHIM_PATH = "assets/javascripts/vendor/iframe-worker-shim.js"


class CentreConfig(base.Config):
    """`centre:` - who publishes this edition. Without it the site is the project's own."""

    name = c.Optional(c.Type(str))
    url = c.Optional(c.URL())
    contact = c.Optional(c.Type(str))
    booking_url = c.Optional(c.URL())
    logo = c.Optional(c.Type(str))
    colour = c.Optional(c.Type(str))


class InfointerviewConfig(base.Config):
    centre = c.SubConfig(CentreConfig)
    banks = c.ListOfItems(c.Type(str), default=[])
    default_minutes = c.Type(int, default=DEFAULT_MINUTES)
    pdf = c.Type(bool, default=True)


class InfointerviewPlugin(BasePlugin[InfointerviewConfig]):
    def __init__(self) -> None:
        self.pages: dict[str, str | bytes] = {}
        self.generated: set[str] = set()
        self.bank: Bank | None = None
        self.centre: Centre | None = None
        self.config_file = "mkdocs.yml"

    # -- options -----------------------------------------------------------------------------

    def load_config(
        self, options: dict[str, Any], config_file_path: str | None = None
    ) -> tuple[list[tuple[str, Exception]], list[tuple[str, str]]]:
        """MkDocs only warns about unknown options; here they are errors, as a typo would
        otherwise be silently ignored. Every message names the file."""
        errors, warnings = super().load_config(options, config_file_path)
        self.config_file = config_file_path or "mkdocs.yml"
        where = f"(in {self.config_file})"
        kept = []
        for key, message in warnings:
            if "Unrecognised configuration name" in str(message):
                known = ", ".join(name for name, _ in self.config_scheme)
                if key == "centre":
                    known = ", ".join(name for name, _ in CentreConfig._schema)
                errors.append((key, c.ValidationError(
                    f"{message}; the known options are {known} {where}")))
            else:
                kept.append((key, message))
        errors = [(key, c.ValidationError(f"{error} {where}")) for key, error in errors]
        centre = dict(self.config.centre or {}) if not errors else {}
        if any(value is not None for value in centre.values()) and not centre.get("name"):
            errors.append(("centre", c.ValidationError(
                f"Sub-option 'name': a centre needs a name, shown in the header and on the "
                f"sheets {where}")))
        if not errors:
            minutes = self.config.default_minutes
            if not MIN_MINUTES <= minutes <= MAX_MINUTES:
                errors.append(("default_minutes", c.ValidationError(
                    f"{minutes} is not between {MIN_MINUTES} and {MAX_MINUTES} {where}")))
        return errors, kept

    # -- events ------------------------------------------------------------------------------

    @event_priority(100)
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        root = Path(config.config_file_path).parent
        centre_options = self.config.centre
        self.centre = Centre(**dict(centre_options)) if centre_options.name else None
        self._add_theme_overrides(config)
        # sheet.css is linked by the theme override, on the pages that show a sheet only.
        if self._palette_css() and BRAND_CSS_PATH not in map(str, config.extra_css):
            config.extra_css.append(BRAND_CSS_PATH)
        if "material/offline" in config.plugins or "offline" in config.plugins:
            polyfills = config.extra.setdefault("polyfills", [])
            if not any("iframe-worker" in str(url) for url in polyfills):
                polyfills.append(SHIM_PATH)
        if self.centre:
            self._apply_centre(config, self.centre)
        # `mkdocs serve` rebuilds when the bank, the templates or the overrides change.
        for folder in [*self.bank_folders(root), TEMPLATES, shipped_path("site_overrides")]:
            if str(folder) not in config.watch and folder.is_dir():
                config.watch.append(str(folder))
        return config

    def on_pre_build(self, config: MkDocsConfig) -> None:
        use_centre(self.centre)
        try:
            bank = load_bank(self.bank_folders(Path(config.config_file_path).parent))
            # Hand-written pages are only checked here: they are expanded as MkDocs reads them.
            for folder in self._content_folders(config):
                check_content(bank, folder)
            pages: dict[str, str | bytes] = dict(
                site_pages(bank, self.config.pdf, self.config.default_minutes))
            pages.update(statement_pages(self.centre))
            css = self._palette_css()
            if css:
                pages[BRAND_CSS_PATH] = css
            if self.config.pdf:
                from generator.site.downloads import site_downloads  # noqa: PLC0415 - WeasyPrint is slow to import

                pages.update(site_downloads(bank, self.config.default_minutes))
        except BankError as error:
            raise PluginError(f"infointerview: the question bank has problems:\n{error}") from None
        except PdfUnavailable as error:
            message = (f"infointerview: {error}\nOr set `pdf: false` under the infointerview "
                       f"plugin in {self.config_file}")
            raise PluginError(message) from None
        self.pages = pages
        self.bank = bank

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        own_pages = sorted(
            f.src_uri for f in files.documentation_pages() if f.src_uri != "index.md")
        shipped = shipped_path("content")
        if Path(config.docs_dir).resolve() != shipped.resolve():
            for path in sorted(p for p in shipped.rglob("*") if p.is_file()):
                uri = path.relative_to(shipped).as_posix()
                if files.get_file_from_path(uri) is None:  # the centre's own page wins
                    files.append(File(uri, str(shipped), config.site_dir,
                                      config.use_directory_urls))
        self.generated = set()
        for page_uri, content in self.pages.items():
            if files.get_file_from_path(page_uri) is None:  # a hand-written page wins
                files.append(File.generated(config, page_uri, content=content,
                                            inclusion=InclusionLevel.INCLUDED))
                self.generated.add(page_uri)
        if config.nav is None and self.bank is not None:
            # Material prints section titles unescaped, so the centre's name is escaped here.
            section = Markup.escape(self.centre.name) if self.centre else "Our pages"
            config.nav = centre_nav(own_pages, section, list(self.bank.goals))
        return files

    def on_page_markdown(self, markdown: str, page: Page, **_: object) -> str:
        # on_pre_build has checked every insert comment, so this cannot fail half-way through.
        if page.file.src_uri not in self.generated and INSERT.search(markdown) and self.bank:
            source = Path(page.file.abs_src_path or page.file.src_uri)
            return expand_inserts(markdown, self.bank, source, self.config.pdf)
        return markdown

    # -- helpers -----------------------------------------------------------------------------

    def bank_folders(self, root: Path) -> list[Path]:
        return bank_folders(root, self.config.banks)

    def _content_folders(self, config: MkDocsConfig) -> list[Path]:
        docs, shipped = Path(config.docs_dir), shipped_path("content")
        return [docs] if docs.resolve() == shipped.resolve() else [docs, shipped]

    def _add_theme_overrides(self, config: MkDocsConfig) -> None:
        """Put the shipped overrides after the centre's own custom_dir and before Material."""
        overrides = str(shipped_path("site_overrides").resolve())
        dirs = config.theme.dirs
        if overrides in [str(Path(d).resolve()) for d in dirs]:
            return
        custom = config.theme.custom_dir
        dirs.insert(1 if custom and dirs and dirs[0] == custom else 0, overrides)

    def _apply_centre(self, config: MkDocsConfig, centre: Centre) -> None:
        if centre.name not in config.site_name:
            # The name comes first: a phone's header shows only the start of the title. Material
            # prints site_name unescaped in places (MkDocs treats it as the author's own HTML),
            # so the centre's name is escaped here, once; Markup keeps `| e` from doing it twice.
            config.site_name = Markup("{}: {}").format(centre.name, Markup(config.site_name))
        if centre.logo:
            if not (Path(config.docs_dir) / centre.logo).is_file():
                raise PluginError(
                    f"infointerview: centre.logo {centre.logo!r} in {self.config_file} is not a "
                    f"file in the docs folder {config.docs_dir}")
            config.theme["logo"] = centre.logo
        config.extra["infointerview_centre"] = centre.as_dict()
        palette = self._palette()
        if palette and palette.changes:
            log.info("infointerview: the brand colour %s was changed where it failed WCAG 2.1 AA "
                     "contrast: %s.", centre.colour, "; ".join(palette.changes))

    def _palette(self):
        if not (self.centre and self.centre.colour):
            return None
        try:
            return accessible_palette(self.centre.colour)
        except ColourError as error:
            raise PluginError(
                f"infointerview: centre.colour in {self.config_file}: {error}") from None

    def _palette_css(self) -> str | None:
        palette = self._palette()
        return palette_css(palette) if palette else None
