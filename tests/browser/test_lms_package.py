"""The offline zip, extracted and opened from disk, works: links and search."""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page

from tests.conftest import run_cli

from .conftest import open_search_and_type, scripts_ran, watch

pytestmark = pytest.mark.browser


def test_the_extracted_cartridge_opens_from_disk_with_links_and_search(
    built_site: Path, tmp_path: Path, new_page: Callable[..., Page],
) -> None:
    assert run_cli("package", "--site", str(built_site), "--output", str(tmp_path)).returncode == 0
    extracted = tmp_path / "cartridge"
    with zipfile.ZipFile(tmp_path / "site.imscc") as archive:
        archive.extractall(extracted)
    page = new_page(viewport={"width": 1280, "height": 900})
    log = watch(page)
    page.goto((extracted / "web_resources" / "guide" / "asking.html").as_uri())
    page.locator(".md-tabs__link", has_text="Question sheets").click()
    # The tab opens the sheet maker, which works from disk too.
    page.wait_for_url("**/sheets/make.html*")
    scripts_ran(page)
    assert open_search_and_type(page, "thank").count() > 0
    assert [u for u in log.requests if urlsplit(u).scheme not in {"file", "data", "blob"}] == []
    assert not log.page_errors and not log.console_errors
