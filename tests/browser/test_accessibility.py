"""axe-core on every page of the built site, in light and in dark mode, plus the open search.

A violation is reported with its rule, impact, the help text and the first elements it was found
on, so it can be fixed from the test output alone.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page

from .conftest import open_search_and_type

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


@pytest.mark.parametrize("scheme", list(SCHEMES))
def test_every_page_passes_axe(
    scheme: str, pages: list[str], site_url: str, new_page: Callable[..., Page], axe: Axe,
) -> None:
    # One test per scheme visits every page and reports every failure at once, rather than
    # stopping at the first page (the page list is only known once the site is built).
    page = new_page(color_scheme=scheme, viewport=DESKTOP)
    failures: list[str] = []
    for name in pages:
        page.goto(site_url + name)  # returns once the page's scripts have run (new_page)
        failures += check_page(axe, page, name, scheme)
    assert not failures, (
        f"{len(failures)} accessibility failure(s) in {scheme} mode:\n" + "\n".join(failures)
    )


@pytest.mark.parametrize("scheme", list(SCHEMES))
def test_open_search_with_results_passes_axe(
    scheme: str, site_url: str, new_page: Callable[..., Page], axe: Axe,
) -> None:
    """The search dialog and its results only exist once someone searches."""
    page = new_page(color_scheme=scheme, viewport=DESKTOP)
    page.goto(site_url + "index.html")
    open_search_and_type(page, "thank")
    violations = axe_violations(axe, page)
    assert not violations, "\n".join(
        describe(f"index.html, search open [{scheme}]", violation) for violation in violations
    )
