"""The MkDocs plugin `infointerview`: the only place MkDocs meets the generator.

One plugin builds both this project's own site and any career centre's edition from an
installed package. It brings the shipped guide pages, question bank and theme overrides (see
generator.core.resources), so a centre's docs folder holds only its own pages.

Order of work, and why:
- load_config: check the options through generator.core.site_options, the one check the
  command line uses too, with the line of each in mkdocs.yml.
- on_config: add the theme overrides, the stylesheets and the offline search shim; this runs
  first (high priority) so the offline plugin sees the shim.
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
from generator.core.errors import BankError, ConfigError, PdfUnavailable
from generator.core.languages import ENGLISH, Language, gettext, use_language
from generator.core.loader import load_bank
from generator.core.model import Bank
from generator.core.own_check import OwnCheck, read_record
from generator.core.resources import shipped_path
from generator.core.site_options import (
    PLUGIN,
    CheckedOptions,
    PluginOptions,
    check_logo,
    check_options,
    plugin_entry,
    read_document,
)
from generator.core.statement_facts import StatementFacts, outside_requests
from generator.core.value_types import field_specs
from generator.edition.branding import ColourError, accessible_palette, palette_css
from generator.edition.guide_nav import centre_nav
from generator.edition.head_styles import BRAND_CSS
from generator.edition.markdown_needs import add_missing
from generator.edition.plugin_languages import LanguagesPart
from generator.edition.plugin_output import OutputPart
from generator.rendering.render import TEMPLATES, use_centre
from generator.site.inserts import INSERT, check_content, expand_inserts
from generator.site.script_text import CODE_TOOLS, script_catalogue
from generator.site.site_pages import site_pages
from generator.site.statements import statement_pages

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

log = logging.getLogger("mkdocs.plugins.infointerview")

BRAND_CSS_PATH = BRAND_CSS
SHIM_PATH = "assets/javascripts/vendor/iframe-worker-shim.js"
PAGE_TEXT = "infointerview_code_tools"  # config.extra's key, read by site_overrides/main.html


class _Checked(c.BaseConfigOption):
    """An option MkDocs only carries: generator.core.site_options has checked it already."""

    def __init__(self, default: Any) -> None:
        super().__init__()
        self.default = default

    def run_validation(self, value: object) -> object:
        return value


# MkDocs' view of the options, made from their one declaration (site_options.PluginOptions).
InfointerviewConfig = type("InfointerviewConfig", (base.Config,), {
    name: _Checked(spec.default) for name, spec in field_specs(PluginOptions).items()})


class InfointerviewPlugin(LanguagesPart, OutputPart, BasePlugin[InfointerviewConfig]):  # type: ignore[valid-type]
    def __init__(self) -> None:
        self.pages: dict[str, str | bytes] = {}
        self.generated: set[str] = set()
        self.bank: Bank | None = None
        self.centre: Centre | None = None
        self.config_file = "mkdocs.yml"
        self.checked: CheckedOptions | None = None
        self.options = PluginOptions()  # the checked options, typed (MkDocs' copy is not)
        self.language: Language = ENGLISH  # the language this build makes
        self.languages: list[Language] = [ENGLISH]  # the site's languages, the root's first
        self.untranslated: set[str] = set()  # pages shown in English in this language
        self.with_inserts: set[str] = set()  # hand-written pages with text from the bank

    # -- options -----------------------------------------------------------------------------

    def load_config(
        self, options: dict[str, Any], config_file_path: str | None = None
    ) -> tuple[list[tuple[str, Exception]], list[tuple[str, str]]]:
        """Check the options as the command line does (site_options), with the line of each
        in mkdocs.yml; MkDocs then only carries the checked values."""
        self.config_file = config_file_path or "mkdocs.yml"
        path = Path(self.config_file)
        try:
            where, line = None, 1
            if path.is_file():  # our reader, for the lines (and the same refusals as the CLI)
                found = plugin_entry(read_document(path))
                if found is not None:
                    where, line = found
            self.checked = check_options(options, path, where, line)
        except ConfigError as error:
            return [(PLUGIN, c.ValidationError(f"\n{error}"))], []
        checked = self.options = self.checked.options
        return super().load_config(
            {name: getattr(checked, name) for name in field_specs(PluginOptions)},
            config_file_path)

    # -- events ------------------------------------------------------------------------------

    @event_priority(100)
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        root = Path(config.config_file_path).parent
        # The privacy notice promises no analytics and no outside requests: never publish it false.
        found = outside_requests(config)
        if found:
            raise PluginError("infointerview: the privacy notice says this site contacts no other "
                              f"website, but {self.config_file} says otherwise:\n- "
                              + "\n- ".join(found))
        self.centre = self.options.centre
        self._choose_language(config)
        self._add_theme_overrides(config)
        # What the shipped pages need reaches sites made by older releases too.
        add_missing(config.markdown_extensions, config.mdx_configs)
        # sheet.css is linked by the theme override, on the pages that show a sheet only.
        if self._palette_css() and BRAND_CSS_PATH not in map(str, config.extra_css):
            config.extra_css.append(BRAND_CSS_PATH)
        self._prepare_output(config, self._palette_css())
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
        logo = self.centre.logo if self.centre else None
        use_centre(self.centre, Path(config.docs_dir) / logo if logo else None)
        with use_language(self.language):
            self._make_pages(config)

    def _make_pages(self, config: MkDocsConfig) -> None:
        try:
            folders = self.bank_folders(Path(config.config_file_path).parent)
            bank = self._translated(load_bank(folders), folders)
            # Hand-written pages are only checked here: they are expanded as MkDocs reads them.
            for folder in self._content_folders(config):
                check_content(bank, folder)
            pages: dict[str, str | bytes] = dict(
                site_pages(bank, self.options.pdf, self.options.default_minutes))
            # infointerview.js (every page) has one text, given through the page (main.html),
            # in the language the pages are built in: a page without other scripts then needs
            # no text.js (tests/browser/test_page_weight.py).
            config.extra[PAGE_TEXT] = script_catalogue()[CODE_TOOLS]
            palette = self._palette()
            facts = self.options.statements or StatementFacts()
            own_check = self._own_check(config)
            pages.update(statement_pages(self.centre, facts, palette.changes if palette else (),
                                         own_check))
            css = self._palette_css()
            if css:
                pages[BRAND_CSS_PATH] = css
            if self.options.pdf:
                from generator.site.downloads import site_downloads  # noqa: PLC0415 - WeasyPrint is slow to import

                pages.update(site_downloads(bank, self.options.default_minutes))
        except BankError as error:
            raise PluginError(f"infointerview: the question bank has problems:\n{error}") from None
        except PdfUnavailable as error:
            message = (f"infointerview: {error}\nOr set `pdf: false` under the infointerview "
                       f"plugin in {self.config_file}")
            raise PluginError(message) from None
        self.pages = pages
        self.bank = bank

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        self._translation_files(files)
        own_pages = sorted(
            f.src_uri for f in files.documentation_pages() if f.src_uri != "index.md")
        shipped = shipped_path("content")
        if Path(config.docs_dir).resolve() != shipped.resolve():
            for path in sorted(p for p in shipped.rglob("*") if p.is_file()):
                uri = path.relative_to(shipped).as_posix()
                if files.get_file_from_path(uri) is None:  # the centre's own page wins
                    files.append(File(uri, str(shipped), config.site_dir,
                                      config.use_directory_urls))
            self._translation_files(files)
        self._pages_in_language(files, config, self._content_folders(config))
        self.generated = set()
        for page_uri, content in self.pages.items():
            if files.get_file_from_path(page_uri) is None:  # a hand-written page wins
                files.append(File.generated(config, page_uri, content=content,
                                            inclusion=InclusionLevel.INCLUDED))
                self.generated.add(page_uri)
        if config.nav is None and self.bank is not None:
            # Material prints section titles unescaped, so the centre's name is escaped here.
            section = Markup.escape(self.centre.name) if self.centre else gettext("Our pages")
            config.nav = centre_nav(own_pages, section, list(self.bank.goals))
        return files

    def on_post_build(self, config: MkDocsConfig) -> None:
        self._compact_output(config)
        self._build_other_languages(config)

    def on_page_markdown(self, markdown: str, page: Page, **_: object) -> str:
        # on_pre_build has checked every insert comment, so this cannot fail half-way through.
        if page.file.src_uri not in self.generated and INSERT.search(markdown) and self.bank:
            source = Path(page.file.abs_src_path or page.file.src_uri)
            self.with_inserts.add(page.file.src_uri)
            with use_language(self.language):
                return expand_inserts(markdown, self.bank, source, self.options.pdf)
        return markdown

    # -- helpers -----------------------------------------------------------------------------

    def bank_folders(self, root: Path) -> list[Path]:
        return bank_folders(root, list(self.options.banks))

    def _content_folders(self, config: MkDocsConfig) -> list[Path]:
        docs, shipped = Path(config.docs_dir), shipped_path("content")
        return [docs] if docs.resolve() == shipped.resolve() else [docs, shipped]

    def _own_check(self, config: MkDocsConfig) -> OwnCheck | None:
        """The centre's check of its own pages (`infointerview check-accessibility`), if any."""
        if not self.centre:
            return None
        try:
            found = read_record(Path(config.config_file_path).parent, Path(config.docs_dir))
        except ConfigError as error:
            raise PluginError(f"infointerview: {error}") from None
        if found and found.changed:
            log.info("infointerview: %d of your own pages changed after the accessibility check "
                     "of %s; the statement says so. Run `infointerview check-accessibility` "
                     "after the build to check them.", len(found.changed), found.date)
        return found

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
        if centre.logo and self.checked:
            try:
                check_logo(self.checked, Path(config.docs_dir))
            except ConfigError as error:
                raise PluginError(f"infointerview: {error}") from None
            config.theme["logo"] = centre.logo
        config.extra["infointerview_centre"] = centre.as_dict()
        palette = self._palette()
        if palette and palette.changes:
            log.info("infointerview: the brand colour %s was changed where it failed WCAG 2.1 AA "
                     "contrast: %s.", centre.colour, "; ".join(palette.changes))

    def _palette(self):
        if not (self.centre and (self.centre.colour or self.centre.accent)):
            return None
        option = "centre.accent"
        try:
            if not self.centre.colour:
                raise ColourError("an accent colour needs a brand colour too: add colour:")
            option = "centre.colour"
            accessible_palette(self.centre.colour)  # so an error names the option at fault
            option = "centre.accent"
            return accessible_palette(self.centre.colour, self.centre.accent)
        except ColourError as error:
            problem = (self.checked.problem(option, str(error)) if self.checked
                       else f"{option}: {error}")
            raise PluginError(f"infointerview: {problem}") from None

    def _palette_css(self) -> str | None:
        palette = self._palette()
        return palette_css(palette) if palette else None
