"""Text from the bank is text: markup, scripts, links and template syntax in questions must show
literally in the site, the sheets and the PDF, and never run."""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import yaml
from playwright.sync_api import Page

from tests.browser.conftest import serve, watch
from tests.conftest import copy_project, mkdocs_build, run_cli

pytestmark = pytest.mark.browser

# Each payload would do something if it were not escaped: run a script, set a flag, make a link,
# a heading, emphasis, or a value from a template.
PAYLOADS = {
    "script": "<script>window.__pwned = 'script'</script> Is this safe?",
    "img-onerror": "<img src=x onerror=\"window.__pwned='img'\"> What about images?",
    "javascript-link": "[Click here](javascript:window.__pwned='link') for a link?",
    "markdown": "# Heading? **bold** _em_ `code` > quote | table |",
    "jinja": "{{ 7 * 7 }} {% if true %}yes{% endif %} {# comment #} template?",
    "entities": "Tom &amp; Jerry &lt;b&gt; and a < b > c & d?",
}


def _overlay(folder: Path) -> None:
    questions = [
        {"id": f"hostile-{name}", "text": text, "category": "closing", "priority": "core",
         "why": f"Why: {text}", "probes": [f"Probe: {text}"]}
        for name, text in PAYLOADS.items()
    ]
    # The same text as reminders, which every sheet prints (a sheet has room for three closing
    # asks only, so the questions alone would not all reach it).
    tips = [
        {"id": f"hostile-{name}", "kind": "do", "stage": "during", "text": text, "on_sheet": True}
        for name, text in PAYLOADS.items()
    ]
    folder.mkdir()
    (folder / "hostile.yml").write_text(yaml.safe_dump({"questions": questions, "tips": tips}),
                                        encoding="utf-8")


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    project = copy_project(tmp_path_factory.mktemp("hostile"))
    _overlay(project / "hostile_bank")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "      - question_bank\n", "      - question_bank\n      - hostile_bank\n"), encoding="utf-8")
    result = mkdocs_build(project, project / "site")
    assert result.returncode == 0, result.stderr
    with serve(project / "site") as url:
        yield url, project


def _assert_literal_and_inert(page: Page, container: str) -> None:
    text = page.locator(container).inner_text()
    flat = " ".join(text.split())
    for name, payload in PAYLOADS.items():
        assert " ".join(payload.split()) in flat, f"{name} is not shown literally"
    assert page.evaluate("window.__pwned") is None, "a payload ran"
    assert page.locator(f"{container} img, {container} script:not([src])").count() == 0
    assert page.locator(f"{container} a[href^='javascript']").count() == 0


def test_question_bank_page_shows_markup_as_text(
    hostile_site: tuple[str, Path], new_page: Callable[..., Page]
) -> None:
    url, _ = hostile_site
    page = new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    log = watch(page)
    page.goto(url + "questions/index.html")
    _assert_literal_and_inert(page, ".md-content")
    # The filter script looks the items up by id: hostile text must not break it either.
    page.select_option("#ii-filter-goal", "student")
    assert "Showing" in page.locator("[data-ii-filter-count]").inner_text()
    assert not dialogs and not log.page_errors and not log.console_errors


def test_sheet_page_shows_markup_as_text(
    hostile_site: tuple[str, Path], new_page: Callable[..., Page]
) -> None:
    url, _ = hostile_site
    page = new_page()
    log = watch(page)
    page.goto(url + "sheets/explore.html")
    text = " ".join(page.locator(".ii-sheet").inner_text().split())
    for name, payload in PAYLOADS.items():
        assert " ".join(payload.split()) in text, name
    assert page.evaluate("window.__pwned") is None
    assert not log.page_errors


def test_standalone_sheet_and_pdf_show_markup_as_text(
    hostile_site: tuple[str, Path], new_page: Callable[..., Page], tmp_path: Path
) -> None:
    _, project = hostile_site
    banks = ["--bank", str(project / "question_bank"), "--bank", str(project / "hostile_bank")]
    html = tmp_path / "sheet.html"
    assert run_cli("sheet", "--goal", "student", "--output", str(html), *banks).returncode == 0
    page = new_page()
    page.goto(html.as_uri())
    _assert_literal_and_inert(page, "main")

    markdown = run_cli("sheet", "--goal", "student", *banks).stdout
    assert "<script>" not in markdown and "<img" not in markdown

    pypdf = pytest.importorskip("pypdf")
    pdf = tmp_path / "sheet.pdf"
    result = run_cli("sheet", "--goal", "student", "--output", str(pdf), *banks)
    assert result.returncode == 0, result.stderr
    text = " ".join(page_.extract_text() for page_ in pypdf.PdfReader(io.BytesIO(pdf.read_bytes())).pages)
    flat = " ".join(text.split())
    assert "<script>window.__pwned = 'script'</script>" in flat
    assert "{{ 7 * 7 }}" in flat


def test_sheet_maker_shows_markup_as_text(
    hostile_site: tuple[str, Path], new_page: Callable[..., Page]
) -> None:
    """The maker copies Python-rendered questions and sets tips with textContent: the payloads
    in the reminders and closing asks stay text, also after a change of format and length."""
    url, _ = hostile_site
    page = new_page()
    log = watch(page)
    page.goto(url + "sheets/make.html#goal=student&format=video&minutes=20")
    page.select_option("#ii-maker-format", "phone")
    page.fill("#ii-maker-own", "<img src=x onerror=\"window.__pwned='own'\"> Mine?")
    page.click("[data-ii-maker-add]")
    _assert_literal_and_inert(page, ".ii-sheet")
    assert "<img src=x" in page.locator(".ii-sheet").inner_text()
    assert not log.page_errors and not log.console_errors
