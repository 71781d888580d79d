"""The styles the first paint needs are written into each built page instead of linked
(generator/edition/head_styles.py): our stylesheet whole, and of Material's palette only the
rules for the schemes and colours the site uses. tests/browser/test_head_styles.py checks in
Chromium that every element looks the same as with the links. No script file holds back the
first paint either (site_overrides/main.html defers Material's bundle)."""

from __future__ import annotations

import re
from pathlib import Path

import material

from generator.edition.head_styles import HeadStyles, palette_choices, palette_subset
from tests.conftest import ROOT

PALETTE = next((Path(material.__file__).parent / "templates" / "assets" / "stylesheets")
               .glob("palette.*.min.css"))
LIGHT_AND_DARK = [{"scheme": "default", "primary": "indigo", "accent": "indigo"},
                  {"scheme": "slate", "primary": "indigo", "accent": "indigo"}]


def test_the_palette_keeps_the_rules_of_the_sites_schemes_and_colours_only() -> None:
    css = PALETTE.read_text(encoding="utf-8")
    kept = palette_subset(css, palette_choices(LIGHT_AND_DARK))
    named = set(re.findall(r"data-md-color-(\w+)=([\w-]+)", kept))
    assert named == {("scheme", "slate"), ("primary", "indigo"), ("accent", "indigo")}
    assert 'data-md-color-primary=pink' in css and len(kept) < len(css) / 2
    # The dark scheme's colours stay inside their @media rule, as Material wrote them.
    assert kept.startswith("@media screen{[data-md-color-scheme=slate]{color-scheme:dark;")


def test_a_selector_list_keeps_the_selectors_that_suit_the_site_and_rules_keep_their_place() -> (
    None
):
    css = ("[data-md-color-primary=pink],[data-md-color-primary=indigo] a:is(:hover,:focus)"
           "{color:red}@media screen{[data-md-color-accent=lime]{color:blue}}"
           "@font-face{font-family:x}.md-x{color:green}")
    kept = palette_subset(css, {("primary", "indigo"), ("accent", "indigo")})
    assert kept == ("[data-md-color-primary=indigo] a:is(:hover,:focus){color:red}"
                    "@font-face{font-family:x}.md-x{color:green}")
    # With no palette at all, Material's defaults: indigo and the default scheme.
    assert palette_choices(None) == {("scheme", "default")}
    assert ("primary", "indigo") in palette_choices({"scheme": "slate"})


def test_a_page_gets_the_styles_in_place_of_the_links_and_a_centres_colours_too() -> None:
    styles = HeadStyles([str(ROOT / "site_overrides"), str(PALETTE.parents[2])], LIGHT_AND_DARK,
                        brand_css=":root{--md-primary-fg-color:#1a5e20}")
    head = (f'<link rel="stylesheet" href="../assets/stylesheets/{PALETTE.name}">'
            '<link rel="stylesheet" href="../assets/stylesheets/infointerview.css">'
            '<link rel="stylesheet" href="../assets/stylesheets/infointerview-brand.css">'
            '<link rel="stylesheet" href="../assets/stylesheets/sheet.css">'
            '<link rel="stylesheet" href="../assets/stylesheets/maker.css">'
            '<link rel="stylesheet" href="../assets/stylesheets/extra.css">')
    page = styles.inline(head)
    assert page.count("<style>") == 5 and "--md-primary-fg-color:#1a5e20" in page
    assert "palette." not in page and "infointerview" not in page
    assert "sheet.css" not in page and "maker.css" not in page and ".ii-maker" in page
    assert page.endswith('<link rel="stylesheet" href="../assets/stylesheets/extra.css">')
    # A palette file this release does not ship keeps its link.
    other = head.replace(PALETTE.name, "palette.0123abcd.min.css")
    assert "palette.0123abcd.min.css" in styles.inline(other)


def themed_pages(site: Path) -> list[tuple[Path, str]]:
    """Each page of the built site the theme made, with its HTML (not a redirect or the search
    worker's frame); both languages, so more than 40."""
    pages = [(page, page.read_text(encoding="utf-8")) for page in sorted(site.rglob("*.html"))]
    themed = [(page, html) for page, html in pages if "md-header" in html]
    assert len(themed) > 40
    return themed


def test_the_built_pages_link_neither_the_palette_nor_our_stylesheets(built_site: Path) -> None:
    """Material still writes its palette link as head_styles.py expects (if a release changes
    it, this fails and the links stay): no page of either language waits for the palette or
    for any stylesheet of ours (the sheet's, the sheet maker's, the composer's included)."""
    for page, html in themed_pages(built_site):
        head = html.split("</head>")[0]
        where = page.relative_to(built_site)
        assert not re.search(r'href="[^"]*(palette\.[0-9a-f]+\.min|infointerview|sheet|maker|'
                             r'composer|guide-extras)\.css"', head), where
        assert "[data-md-color-scheme=slate]" in head and "ii-box--intro" in head, where


def test_no_script_file_of_any_page_holds_back_its_parsing(built_site: Path) -> None:
    """Every script file a page links is deferred (or async), so a phone can paint the text
    before any of them runs; Material's bundle comes before ours, which use its document$."""
    for page, html in themed_pages(built_site):
        where = page.relative_to(built_site)
        tags = re.findall(r"<script\b[^>]*\bsrc=\"[^\"]+\"[^>]*>", html)
        names = [re.search(r'src="([^"]+)"', tag)[1].rsplit("/", 1)[-1] for tag in tags]
        for tag in tags:
            assert re.search(r"\s(defer|async)[\s>]", tag), f"{where}: {tag}"
        bundle = next((i for i, name in enumerate(names) if name.startswith("bundle.")), None)
        assert bundle is not None and names.index("infointerview.js") > bundle, where
