"""One site, several languages: the first at the root, each other one built into its folder.

Why our own and not mkdocs-static-i18n: every generated page (sheets, the bank, records,
statements, PDFs) is made by our plugin from the bank in the language being built, and the
language must reach gettext, the bank's translations and the sheet maker's data alike. A second
MkDocs build per language, run by our plugin after the first with the same mkdocs.yml, gives
each language what a one-language site has (its own search index with the language's stemmer,
its offline search, Material's interface in that language, `<html lang>`), with nothing new to
learn for a centre: `languages: [en, fr]` under the plugin. The page layout (`x.fr.md` beside
`x.md`) is the same as mkdocs-static-i18n's "suffix" layout, so pages move either way.

The language a build makes is a context variable set around the nested build: the nested
plugin instance (MkDocs makes a new one from mkdocs.yml) reads it in on_config.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterator
from contextvars import ContextVar
from pathlib import Path
from typing import TYPE_CHECKING, Any

from markupsafe import escape
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation, Section

from generator.core.bank_translations import bank_in_language
from generator.core.errors import ConfigError, display_path
from generator.core.languages import (
    N_,
    SOURCE_LANGUAGE,
    Language,
    available_languages,
    gettext,
    load_language,
    untranslated,
    use_language,
)
from generator.core.model import Bank
from generator.core.site_options import PluginOptions
from generator.site.page_languages import (
    language_links,
    translated_file,
    translation_of,
    untranslated_note,
)
from generator.site.theme_words import theme_words

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.pages import Page
    from mkdocs.utils.templates import TemplateContext

log = logging.getLogger("mkdocs.plugins.infointerview")

LANGUAGE_THEME = Path(__file__).parent / "language_theme"  # sitemap.xml with hreflang
_nested: ContextVar[str | None] = ContextVar("infointerview_nested_language", default=None)


def nested_language() -> str | None:
    """The language this build makes when it is one of the extra ones; None for the root."""
    return _nested.get()


@contextlib.contextmanager
def _building(code: str) -> Iterator[None]:
    token = _nested.set(code)
    try:
        yield
    finally:
        _nested.reset(token)


def build_language(config: MkDocsConfig, code: str) -> None:
    """Build the site again in language `code`, into `<site_dir>/<code>/`."""
    from mkdocs.commands.build import build  # noqa: PLC0415 - only multilingual sites need it
    from mkdocs.config import load_config  # noqa: PLC0415

    site_url = f"{config.site_url.rstrip('/')}/{code}/" if config.site_url else None
    with _building(code):
        nested = load_config(
            config_file=config.config_file_path,
            site_dir=str(Path(config.site_dir) / code),
            site_url=site_url,
            strict=config.strict,
        )
        # `mkdocs serve` and `build --dirty` share these with the nested build.
        nested.watch = config.watch
        build(nested)


class LanguageMenu:
    """Material shows its language menu when `extra.alternate` is truthy, and also writes a
    `<link hreflang>` for each entry it can iterate, with links from the site's root that are
    wrong for other pages. This is truthy and not iterable: the menu shows, and our own
    partials/alternate.html and main.html write per-page links (site.page_languages)."""

    def __bool__(self) -> bool:
        return True


class LanguagesPart:
    """The plugin's work for a site in several languages (mixed into InfointerviewPlugin)."""

    options: PluginOptions
    config_file: str
    language: Language
    languages: list[Language]
    untranslated: set[str]
    generated: set[str]
    with_inserts: set[str]
    bank_in_english: bool = False  # some bank texts are shown in English (missing_translations)

    def _choose_language(self, config: MkDocsConfig) -> None:
        """Which language this build makes, with its catalogue; Material's interface follows.
        A `theme.language` that says otherwise is refused: it would mark every page with a
        language its text is not in."""
        codes = self.options.languages
        root = Path(config.config_file_path).parent
        folders = tuple(root / folder for folder in self.options.locales)
        try:
            self.languages = [load_language(code, folders) for code in codes]
        except ConfigError as error:
            raise PluginError(f"infointerview: {self.config_file}: {error.problems[0].message}"
                              ) from None
        code = nested_language() or codes[0]
        self.language = self.languages[codes.index(code)]
        missing = untranslated(self.language)
        if missing and self.options.missing_translations == "fail":
            raise PluginError(f"infointerview: the {code!r} catalogue lacks {len(missing)} "
                              "translations:\n" + "\n".join(map(str, missing[:20]))
                              + ("\n..." if len(missing) > 20 else "")
                              + "\nTranslate them, or set `missing_translations: english` under "
                              f"the plugin in {self.config_file}.")
        if missing:
            log.info("infointerview: %d words of the interface have no %r translation and "
                        "are shown in English", len(missing), code)
        theme_language = config.theme["language"]
        if nested_language() is None and theme_language not in (SOURCE_LANGUAGE, codes[0]):
            raise PluginError(
                f"infointerview: {self.config_file}: theme.language is {theme_language!r}, but "
                f"the site's pages are in {codes[0]!r} (the first of the plugin's languages: "
                f"{list(codes)}). Put {theme_language!r} first in `languages:` under the "
                "infointerview plugin, and leave theme.language out: the plugin sets it for "
                "each language.")
        config.theme["language"] = code
        if nested_language() is not None:
            # MkDocs writes a 404 page with addresses from the host's root; a host serves the
            # root's own for any missing address, in every language's folder too.
            config.theme.static_templates.discard("404.html")
        if len(codes) > 1:
            config.extra["alternate"] = LanguageMenu()
            if config.site_url:  # hreflang in the sitemap, which needs whole addresses
                address = config.site_url.rstrip("/") + "/"
                if nested_language() is not None:
                    address = address.removesuffix(f"{code}/")
                # Our sitemap.xml, with them; only here: other builders keep their own sitemap.
                config.theme.dirs.insert(0, str(LANGUAGE_THEME))
                config.extra["ii_language_roots"] = [
                    {"code": other, "url": address + ("" if other == codes[0] else f"{other}/")}
                    for other in codes]
        with use_language(self.language):
            config.extra["ii_words"] = theme_words()
            if code != SOURCE_LANGUAGE:
                _translate_settings(config)

    def _translated(self, bank: Bank, folders: list[Path]) -> Bank:
        """The bank in this build's language; every missing text stops the build, or is shown
        in English with a warning, as the centre chose (`missing_translations`)."""
        translated = bank_in_language(bank, folders, self.language.code,
                                      self.options.missing_translations)
        self.bank_in_english = bool(translated.missing)
        if translated.missing:
            log.info("infointerview: %d texts of the bank have no %r translation and are "
                     "shown in English, for example:\n%s", len(translated.missing),
                     self.language.code, translated.missing[0])
        return translated.bank

    def _translation_files(self, files: Files) -> None:
        """Take the translations (`x.fr.md`) out of the pages: each is served under `x.md` by
        its own language's build, never as a page of its own."""
        # The guide ships its French beside its English: an English-only site leaves it out too.
        codes = {*(language.code for language in self.languages), *available_languages()}
        for file in list(files):
            if translation_of(file.src_uri, codes):
                files.remove(file)

    def _pages_in_language(self, files: Files, config: MkDocsConfig, folders: list[Path]) -> None:
        """In a build of another language, each page's text from its translation."""
        self.untranslated = set()
        if self.language.code == SOURCE_LANGUAGE:
            return
        missing = []
        for file in list(files.documentation_pages()):
            if file.generated_by:  # made by a plugin in this language already
                continue
            found = translated_file(folders, file.src_uri, self.language.code)
            if found is None:
                missing.append(file.src_uri)
                continue
            files.remove(file)
            files.append(File.generated(config, file.src_uri, abs_src_path=str(found)))
        if missing and self.options.missing_translations == "fail":
            listed = "\n".join(f"- {uri} (expected {uri[:-3]}.{self.language.code}.md)"
                                for uri in missing)
            raise PluginError(f"infointerview: {len(missing)} pages have no "
                              f"{self.language.code!r} translation:\n{listed}\nWrite them, or "
                              "set `missing_translations: english` under the plugin in "
                              f"{display_path(Path(self.config_file))}.")
        if missing:
            log.info("infointerview: %d pages have no %r translation and are shown in English "
                        "with a note: %s", len(missing), self.language.code, ", ".join(missing))
        self.untranslated = set(missing)

    def on_nav(self, nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
        """Section titles and the titles mkdocs.yml gives pages, in this build's language (the
        catalogue's msgids: "The guide", "Home"); a page's own title comes from its heading."""
        if self.language.code == SOURCE_LANGUAGE:
            return nav
        with use_language(self.language):
            stack: list[Any] = list(nav.items)
            while stack:
                item = stack.pop()
                if isinstance(item, Section):
                    # A centre's name arrives escaped (plugin.py): its text is kept as it is.
                    item.title = gettext(str(item.title))
                    stack.extend(item.children)
                elif getattr(item, "title", None) and getattr(item, "is_page", False):
                    item.title = gettext(item.title)
        return nav

    def on_page_content(self, html: str, page: Page, **_: object) -> str:
        """A page shown in English in another language says so, in that language, and marks its
        English text `lang="en"` for screen readers (WCAG 2.1, 3.1.2)."""
        with use_language(self.language):
            if page.file.src_uri in self.untranslated:
                note = escape(untranslated_note(self.language.in_a_sentence))
                return (f'<div class="admonition note"><p>{note}</p></div>'
                        f'<div lang="{SOURCE_LANGUAGE}">{html}</div>')
            if self.bank_in_english and (page.file.src_uri in self.generated
                                         or page.file.src_uri in self.with_inserts):
                note = escape(gettext("Some texts of the question bank are not yet translated "
                                      "into %(language)s: they are shown in English.")
                              % {"language": self.language.in_a_sentence})
                return f'<div class="admonition note"><p>{note}</p></div>{html}'
        return html

    def on_page_context(self, context: TemplateContext, /, *, page: Page, config: MkDocsConfig,
                        nav: Navigation) -> TemplateContext:
        """Links to this page in every language, for the menu and `<link hreflang>`."""
        if len(self.languages) > 1:
            context["ii_languages"] = language_links(  # type: ignore[typeddict-unknown-key]
                page.url, self.language.code,
                [(language.code, language.name) for language in self.languages])
        return context

    def _build_other_languages(self, config: MkDocsConfig) -> None:
        """After the root language, each other one, into its folder (only from the root build)."""
        if nested_language() is not None:
            return
        for language in self.languages[1:]:
            build_language(config, language.code)


# The words of the project's own mkdocs.yml that reach every page, for the catalogue. A centre's
# own words there are translated too when its catalogue (`locales:`) has them.
SETTINGS_WORDS = (
    N_("Informational interviews"),
    N_("A study guide to informational interviews, with question sheets tailored to your "
       "career goal."),
    N_("Free to use and adapt under the MIT licence."),
    N_("Switch to dark mode"),
    N_("Switch to light mode"),
    N_("Link to this section"),
    N_("Home"),
    N_("Sources"),
)


def _translate_settings(config: MkDocsConfig) -> None:
    """The words mkdocs.yml puts on every page (site name, the colour toggle's names, the
    heading links' title), in the language being built."""
    for key in ("site_name", "site_description", "copyright"):
        value = config[key]
        if isinstance(value, str) and value:
            config[key] = gettext(value)  # before plugin.py adds a centre's name
    palettes = config.theme.get("palette") or []
    for palette in palettes if isinstance(palettes, list) else [palettes]:
        toggle = palette.get("toggle") if isinstance(palette, dict) else None
        if isinstance(toggle, dict) and isinstance(toggle.get("name"), str):
            toggle["name"] = gettext(toggle["name"])
    toc = config.mdx_configs.get("toc")
    if isinstance(toc, dict) and isinstance(toc.get("permalink_title"), str):
        toc["permalink_title"] = gettext(toc["permalink_title"])

