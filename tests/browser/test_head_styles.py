"""The stylesheets written into each page's head (generator/edition/head_styles.py) look the same
as the files they replace: every element's colours, borders, sizes and layout are the same with
the links put back, in the light and dark schemes, on pages of both languages."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import Page

pytestmark = pytest.mark.browser

PAGES = ["index.html", "guide/during.html", "sheets/make.html", "fr/guide/asking.html"]
STYLES = """() => Array.from(document.querySelectorAll('body *')).slice(0, 600).map(el => {
  const s = getComputedStyle(el);
  return [el.tagName, s.color, s.backgroundColor, s.borderTopColor, s.fontSize, s.fontWeight,
          s.display, s.marginTop, s.paddingLeft, s.getPropertyValue('--md-primary-fg-color')];
})"""
# Put the links back where the styles are: the palette's (its dark scheme comes first) and ours.
LINKS_BACK = """async ([palette, ours]) => {
  const styles = Array.from(document.head.querySelectorAll('style'));
  const swap = (style, href) => new Promise(resolve => {
    const link = document.createElement('link');
    link.rel = 'stylesheet'; link.href = href; link.onload = resolve;
    style.replaceWith(link);
  });
  await swap(styles.find(s => s.textContent.startsWith('@media screen{[data-md-color-scheme=slate]')), palette);
  await swap(styles.find(s => s.textContent.includes('.ii-box--intro')), ours);
}"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_element_looks_the_same_as_with_the_stylesheets_linked(
    built_site: Path, new_page: Callable[..., Page], scheme: str,
) -> None:
    palette = next((built_site / "assets" / "stylesheets").glob("palette.*.min.css"))
    ours = built_site / "assets" / "stylesheets" / "infointerview.css"
    for path in PAGES:
        page = new_page(color_scheme=scheme, viewport={"width": 390, "height": 844})
        # goto returns once the page's scripts have run (new_page): the sheet maker's add
        # elements after the first paint.
        page.goto((built_site / path).as_uri())
        # Swapping a stylesheet starts Material's colour transitions: compare end states.
        page.add_style_tag(content="*, *::before, *::after { transition: none !important; }")
        inlined = page.evaluate(STYLES)
        page.evaluate(LINKS_BACK, [palette.as_uri(), ours.as_uri()])
        assert page.evaluate("""() => Array.from(document.querySelectorAll('head link'), l => l.href)
            .filter(h => /palette[.]|infointerview[.]css/.test(h)).length""") == 2
        linked = page.evaluate(STYLES)
        assert len(inlined) > 100, path
        differ = [(i, a, b) for i, (a, b) in enumerate(zip(inlined, linked, strict=True)) if a != b]
        assert not differ, f"{path} ({scheme}): {differ[:3]}"
        page.context.close()
