"""What the plugin does to the built site's files so a phone loads less (issue 25): the head's
stylesheets written into each page (head_styles.py), the lazy-search script written into each
page without its comments, and our stylesheets and scripts served without theirs.

A part of the plugin (plugin.py's `InfointerviewPlugin` mixes it in): MkDocs calls the two
`on_post_*` events here; plugin.py calls `_prepare_output` from `on_config` and
`_compact_output` from `on_post_build`.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from markupsafe import Markup

from generator.core.resources import shipped_path
from generator.edition.head_styles import SITE_CSS, HeadStyles
from generator.rendering.render import compact_css, compact_js

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.pages import Page

COMPACTED_CSS = (SITE_CSS, "assets/stylesheets/composer.css", "assets/stylesheets/maker.css",
                 "assets/stylesheets/guide-extras.css")
LAZY_SEARCH_PATH = "assets/javascripts/lazy-search.js"
SCRIPTS_PATH = "assets/javascripts"


class OutputPart:
    head_styles: HeadStyles | None = None  # what replaces the head's links in every page

    def _prepare_output(self, config: MkDocsConfig, brand_css: str | None) -> None:
        # lazy-search.js is written into every page (main.html): without its comments.
        for theme_dir in config.theme.dirs:
            script = Path(theme_dir) / LAZY_SEARCH_PATH
            if script.is_file():
                config.extra["ii_lazy_search"] = Markup(
                    compact_js(script.read_text(encoding="utf-8")).replace("</", "<\\/"))
                break
        self.head_styles = HeadStyles(config.theme.dirs, config.theme.get("palette"), brand_css)

    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str:
        return self.head_styles.inline(output) if self.head_styles else output

    def on_post_template(self, output_content: str, /, *, template_name: str,
                         config: MkDocsConfig) -> str:
        # 404.html is a page of the theme's own, not of the docs.
        if self.head_styles and template_name.endswith(".html"):
            return self.head_styles.inline(output_content)
        return output_content

    def _compact_output(self, config: MkDocsConfig) -> None:
        # Our stylesheets, copied by MkDocs from the theme overrides, lose their comments in
        # the built site (a page that still links one waits for all of it).
        for stylesheet in COMPACTED_CSS:
            built = Path(config.site_dir) / stylesheet
            if built.is_file():
                built.write_text(compact_css(built.read_text(encoding="utf-8")), encoding="utf-8")
        # Our scripts lose their comments too: the words of the scripts (text.js, issue 21)
        # took the composer's page over its budget otherwise. Only a file that is still the
        # shipped one: a centre's own script of the same name is served as written.
        shipped = shipped_path("site_overrides") / SCRIPTS_PATH
        for source in sorted(shipped.glob("*.js")):
            built = Path(config.site_dir) / SCRIPTS_PATH / source.name
            text = source.read_text(encoding="utf-8")
            if built.is_file() and built.read_text(encoding="utf-8") == text:
                built.write_text(compact_js(text), encoding="utf-8")
