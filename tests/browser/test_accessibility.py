"""axe-core on every page of the built site, in light and in dark mode, plus the open search.

A violation is reported with its rule, impact, the help text and the first elements it was found
on, so it can be fixed from the test output alone.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page

from .conftest import open_search_and_type, settle

pytestmark = pytest.mark.browser

AXE_OPTIONS = {
    "runOnly": {
        "type": "tag",
        "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"],
    },
    "resultTypes": ["violations"],
}
# The colour scheme a browser asks for, and the Material scheme mkdocs.yml maps it to.
SCHEMES = {"light": "default", "dark": "slate"}
DESKTOP = {"width": 1280, "height": 900}
TARGETS_SHOWN = 3



@pytest.fixture(scope="module")
def axe() -> Axe:
    return Axe()


def axe_violations(axe: Axe, page: Page) -> list[dict[str, Any]]:
    return axe.run(page, options=AXE_OPTIONS).response["violations"]


def describe(where: str, violation: dict[str, Any]) -> str:
    """One violation as a developer needs it: what, how bad, where, and why it failed."""
    nodes = violation["nodes"]
    lines = [
        f"{where}: {violation['id']} ({violation['impact']}) - {violation['help']}",
        f"    {violation['helpUrl']}",
    ]
    for node in nodes[:TARGETS_SHOWN]:
        lines.append(f"    at {' '.join(map(str, node['target']))}")
    if nodes and nodes[0].get("failureSummary"):
        summary = " ".join(nodes[0]["failureSummary"].split())
        lines.append(f"    first: {summary[:300]}")
    if len(nodes) > TARGETS_SHOWN:
        lines.append(f"    ... and {len(nodes) - TARGETS_SHOWN} more element(s)")
    return "\n".join(lines)


def check_page(axe: Axe, page: Page, name: str, scheme: str) -> list[str]:
    """The failures on the page now loaded: a wrong colour scheme, or any violation."""
    actual = page.get_attribute("body", "data-md-color-scheme")
    if actual != SCHEMES[scheme]:
        return [f"{name} [{scheme}]: body[data-md-color-scheme] is {actual!r},"
                f" expected {SCHEMES[scheme]!r}"]
    return [describe(f"{name} [{scheme}]", violation) for violation in axe_violations(axe, page)]


def switch_scheme(page: Page) -> None:
    """Switch light to dark or back with Material's toggle in the header, as a reader does;
    the page stays loaded, so a walk checks both schemes on one visit."""
    page.locator("form[data-md-component=palette] label:not([hidden])").click()
    settle(page)


def check_both_schemes(axe: Axe, page: Page, name: str) -> list[str]:
    """The page now loaded, opened in light mode: its failures in light, then in dark (and
    back to light, so the next page opens as this one did). The dark page is the one a reader
    who chose dark mode sees; a browser that asks for dark opens the same (our styles have no
    `prefers-color-scheme` rule), which test_open_search_with_results_passes_axe checks."""
    failures = check_page(axe, page, name, "light")
    switch_scheme(page)
    failures += check_page(axe, page, name, "dark")
    switch_scheme(page)
    return failures


def test_no_style_of_the_site_depends_on_the_browsers_colour_scheme(built_site: Path) -> None:
    """Why the walk below may switch schemes with the toggle: the page's styles follow only
    Material's palette (the body's data-md-color-scheme), so a page in dark mode looks the
    same whether the reader chose it or the browser asked for it."""
    found = []
    for path in sorted(built_site.rglob("*")):
        if path.suffix == ".css":
            styles = [path.read_text(encoding="utf-8")]
        elif path.suffix == ".html":
            styles = re.findall(r"<style[^>]*>(.*?)</style>", path.read_text(encoding="utf-8"),
                                flags=re.DOTALL)
        else:
            continue
        found += [path.relative_to(built_site).as_posix() for style in styles
                  if "prefers-color-scheme" in style]
    assert found == []


def test_every_page_passes_axe_in_light_and_dark(
    pages: list[str], site_url: str, new_page: Callable[..., Page], axe: Axe,
) -> None:
    # One test visits every page and reports every failure at once, rather than stopping at
    # the first page (the page list is only known once the site is built).
    page = new_page(color_scheme="light", viewport=DESKTOP)
    failures: list[str] = []
    for name in pages:
        page.goto(site_url + name)  # returns once the page's scripts have run (new_page)
        failures += check_both_schemes(axe, page, name)
    assert not failures, f"{len(failures)} accessibility failure(s):\n" + "\n".join(failures)


@pytest.mark.parametrize("scheme", list(SCHEMES))
def test_open_search_with_results_passes_axe(
    scheme: str, site_url: str, new_page: Callable[..., Page], axe: Axe,
) -> None:
    """The search dialog and its results only exist once someone searches."""
    page = new_page(color_scheme=scheme, viewport=DESKTOP)
    page.goto(site_url + "index.html")
    open_search_and_type(page, "thank")
    # check_page also checks that the browser's choice of scheme opened Material's.
    failures = check_page(axe, page, "index.html, search open", scheme)
    assert not failures, "\n".join(failures)
