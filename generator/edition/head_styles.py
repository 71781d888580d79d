"""The styles every page needs for its first paint, written into the page instead of linked.

Lighthouse on a phone (issue 25) put our pages' first paint about 0.3 s behind plain
Material's, because they wait for two stylesheets that plain Material's pages do not have:
our `infointerview.css` (3 KB) and Material's `palette.css`, which our light and dark colour
schemes bring in (12 KB: every colour of Material's palette); a centre with its own colour
has a third, `infointerview-brand.css`. A page paints only once every stylesheet in its head
has arrived, and on a slow connection each is a round trip. Written into the page they cost
none: ours whole, and of the palette only the rules for the schemes and colours the site's
`theme.palette` names (about a third of it).

The stylesheets only some pages link (the sheet's, the sheet maker's, the composer's) are
written into those pages the same way: the sheet maker's page waited for two of them.

The built pages are changed after Material has written them (`on_post_page`): Material links
its palette inside its own `styles` block, under a name with a hash that changes with each
release. If a release writes the link differently, the page keeps its links and still works;
tests/test_head_styles.py fails, so the next upgrade notices. A builder without our plugin
(`infointerview pages`) links both files as before.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from pathlib import Path

import tinycss2

from generator.rendering.documents import SHEET_CSS, SHEET_CSS_PATH
from generator.rendering.render import compact_css, stylesheet

PALETTE_LINK = re.compile(
    r'<link rel="stylesheet" href="[^"]*assets/stylesheets/(palette\.[0-9a-f]+\.min\.css)">')
SITE_CSS = "assets/stylesheets/infointerview.css"
BRAND_CSS = "assets/stylesheets/infointerview-brand.css"
# The stylesheets only some pages link (their front matter's `styles:`, `sheet_css`, or the
# composer's): written into those pages too. The sheet maker's two held its first paint back
# by 0.25 s on a phone (Lighthouse); each is 2-7 KB.
PAGE_CSS = ("assets/stylesheets/maker.css", "assets/stylesheets/composer.css",
            "assets/stylesheets/guide-extras.css")
# A palette rule's selector names a scheme, a primary or an accent colour like this.
CHOICE = re.compile(r'\[data-md-color-(scheme|primary|accent)=["\']?([\w-]+)["\']?\]')
# Material's own scheme: its colours are in main.css, not the palette.
DEFAULT_SCHEME = ("scheme", "default")


def palette_choices(palette: object) -> set[tuple[str, str]]:
    """The (attribute, value) pairs a site's `theme.palette` (one mapping or a list of them,
    for the light and dark toggle) can put on a page, with Material's defaults."""
    entries = palette if isinstance(palette, list) else [palette]
    choices = {DEFAULT_SCHEME}
    for entry in entries:
        if isinstance(entry, Mapping):
            choices.add(("scheme", str(entry.get("scheme") or "default")))
            choices.add(("primary", str(entry.get("primary") or "indigo")))
            choices.add(("accent", str(entry.get("accent") or "indigo")))
    return choices


def palette_subset(css: str, choices: set[tuple[str, str]]) -> str:
    """Material's palette stylesheet less the rules for schemes and colours not in `choices`."""
    return "".join(_kept(tinycss2.parse_stylesheet(css, skip_comments=True,
                                                   skip_whitespace=True), choices))


def _kept(rules: Iterable[object], choices: set[tuple[str, str]]) -> Iterable[str]:
    for rule in rules:
        if isinstance(rule, tinycss2.ast.QualifiedRule):
            selectors = [selector for selector in _selectors(tinycss2.serialize(rule.prelude))
                         if all(found in choices for found in CHOICE.findall(selector))]
            if selectors:
                yield ",".join(selectors) + "{" + tinycss2.serialize(rule.content).strip() + "}"
        elif isinstance(rule, tinycss2.ast.AtRule) and rule.lower_at_keyword in {"media",
                                                                                 "supports"}:
            inner = "".join(_kept(tinycss2.parse_rule_list(
                rule.content or [], skip_comments=True, skip_whitespace=True), choices))
            if inner:
                yield f"@{rule.at_keyword} {tinycss2.serialize(rule.prelude).strip()}{{{inner}}}"
        elif isinstance(rule, tinycss2.ast.AtRule):
            yield rule.serialize()


def _selectors(prelude: str) -> list[str]:
    """A selector list split at its top-level commas (not those inside `:is(...)`)."""
    parts, depth, start = [], 0, 0
    for index, character in enumerate(prelude):
        depth += {"(": 1, ")": -1}.get(character, 0)
        if character == "," and depth == 0:
            parts.append(prelude[start:index].strip())
            start = index + 1
    parts.append(prelude[start:].strip())
    return [part for part in parts if part]


class HeadStyles:
    """What replaces the links in every built page of a site; `brand_css`: a centre's colours."""

    def __init__(self, theme_dirs: Iterable[str], palette: object,
                 brand_css: str | None = None) -> None:
        dirs = [Path(folder) for folder in theme_dirs]
        # The first of the theme's folders that has a file is the one MkDocs copies: a
        # centre's own infointerview.css in its custom_dir wins over ours.
        def first(path: str) -> str | None:
            found = next((folder / path for folder in dirs if (folder / path).is_file()), None)
            return compact_css(found.read_text(encoding="utf-8")) if found else None

        self.ours = {SITE_CSS: first(SITE_CSS),
                     BRAND_CSS: compact_css(brand_css) if brand_css else None,
                     SHEET_CSS_PATH: compact_css(stylesheet(SHEET_CSS)),
                     **{path: first(path) for path in PAGE_CSS}}
        self.palettes = {
            path.name: palette_subset(path.read_text(encoding="utf-8"), palette_choices(palette))
            for folder in dirs for path in sorted(folder.glob("assets/stylesheets/palette.*.css"))
        }

    def inline(self, html: str) -> str:
        def palette(match: re.Match[str]) -> str:
            css = self.palettes.get(match.group(1))
            return match.group(0) if css is None else _style(css)

        html = PALETTE_LINK.sub(palette, html, count=1)
        for path, css in self.ours.items():
            link = re.search(f'<link rel="stylesheet" href="[^"]*{re.escape(path)}">', html)
            if css is not None and link:
                html = html[:link.start()] + _style(css) + html[link.end():]
        return html


def _style(css: str) -> str:
    # `</` cannot end the element early: a stylesheet has no reason to hold it.
    escaped = css.replace("</", "<\\/")
    return f"<style>{escaped}</style>"
