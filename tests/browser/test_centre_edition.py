"""A career centre's branded edition in a real browser, built from this checkout: the centre
shows in the header and footer on a phone, and the composer works. The walk over every page of
a branded edition (axe-core in light and dark, no request to another site, no console error or
uncaught exception) is in test_installed_edition.py, which builds the edition from the wheel."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator

import pytest
from playwright.sync_api import Page

from tests.conftest import SOURCE_DATE_EPOCH, run, run_cli
from tests.edition_site import CENTRE, fill_in

from .conftest import serve, site_pages, watch
from .test_accessibility import DESKTOP

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def centre_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, list[str]]]:
    site = tmp_path_factory.mktemp("centre-browser") / "careers"
    assert run_cli("new-site", str(site)).returncode == 0
    fill_in(site, pdf=False)
    # A centre's own script, as Material's documentation writes one: it uses the bundle's
    # document$, so it must run after the bundle (which main.html defers).
    (site / "docs" / "centre.js").write_text(
        'document$.subscribe(function () { document.body.dataset.centreScript = "ran"; });\n',
        encoding="utf-8")
    config = site / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "extra_javascript:\n  - centre.js\n",
                      encoding="utf-8")
    result = run([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=site,
                 SOURCE_DATE_EPOCH=SOURCE_DATE_EPOCH)
    assert result.returncode == 0, result.stderr
    with serve(site / "site") as url:
        yield url, site_pages(site / "site")


def test_the_branded_header_and_footer_are_visible(
    centre_url: tuple[str, list[str]], new_page: Callable[..., Page],
) -> None:
    url, _ = centre_url
    page = new_page(viewport={"width": 390, "height": 800})
    page.goto(url + "index.html")
    assert CENTRE["name"] in page.locator(".md-header__topic").first.inner_text()
    footer = page.locator(".ii-footer__centre")
    footer.scroll_into_view_if_needed()
    assert footer.is_visible()
    assert footer.get_by_role("link", name="Book a meeting with an adviser").is_visible()


def test_the_message_composer_and_copy_buttons_work_in_a_centre_edition(
    centre_url: tuple[str, list[str]], new_page: Callable[..., Page],
) -> None:
    """A centre's mkdocs.yml does not list the composer's script; the plugin adds it."""
    url, _ = centre_url
    page = new_page(viewport=DESKTOP)
    log = watch(page)
    page.goto(url + "guide/messages.html")
    page.check('input[name="message"][value="outreach"]')
    page.fill("#ii-field-their-name", "Ms Okafor")
    assert "Ms Okafor" in page.input_value("#ii-composer-text")
    assert page.locator("[data-ii-check]").count() > 0
    page.goto(url + "guide/afterwards.html")
    assert page.get_by_role("button", name="Copy this template").count() > 0
    assert log.page_errors == []


def test_a_centres_own_script_runs_after_materials_bundle(
    centre_url: tuple[str, list[str]], new_page: Callable[..., Page],
) -> None:
    """A script a centre lists in extra_javascript can use the bundle's document$ (both are
    deferred, in that order, so the page paints before either runs)."""
    url, _ = centre_url
    page = new_page(viewport={"width": 390, "height": 800})
    log = watch(page)
    page.goto(url + "guide/during.html")
    page.wait_for_selector("body[data-centre-script=ran]", state="attached")
    assert log.page_errors == []
