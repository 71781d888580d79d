"""Text from the bank is text: markup, scripts, links and template syntax in questions must show
literally in the site, the sheets and the PDF, and never run."""

from __future__ import annotations

import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import yaml
from playwright.sync_api import Page

from tests.browser.conftest import PageLog, open_maker, serve, watch
from tests.conftest import SOURCE_DATE_EPOCH, copy_project, mkdocs_command, run, run_cli

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
    "admonition": '!!! danger "Gotcha" Is this a box?',
    "details": "??? note Is this folded?",
    "planes": "\U0001f393 \U0001d518\U0001d52b\U0001d526 \u4e2d\u6587 \U00010348 \U00020000 Ω R&D?",
}
# A goal title that is hostile and has characters outside the Basic Multilingual Plane: once,
# the page's front matter escaped them as surrogate pairs, YAML refused it, and the title
# was read as Markdown with raw HTML.
HOSTILE_TITLE = "\U0001f393 <script>window.__pwned = 'title'</script> Exploring [x](javascript:alert(1))"

HOSTILE_MESSAGE = "Subject: " + PAYLOADS["entities"] + "\n\nDear [Their name],\n\n" + "\n".join(
    PAYLOADS.values()) + "\n\n[Your name]\n"


def _overlay(folder: Path) -> None:
    questions = [
        {"id": f"hostile-{name}", "text": text, "category": "closing", "kind": "who-else",
         "priority": "core",
         "why": f"Why: {text}", "probes": [f"Probe: {text}"]}
        for name, text in PAYLOADS.items()
    ]
    # The same text as reminders, which every sheet prints (a sheet has room for three closing
    # asks only, so the questions alone would not all reach it).
    tips = [
        {"id": f"hostile-{name}", "kind": "do", "stage": "during", "text": text, "on_sheet": True}
        for name, text in PAYLOADS.items()
    ]
    goals = [{"id": "explore", "title": HOSTILE_TITLE, "description": "Hostile.",
              "emphasis": "Hostile."}]
    # And as a message template, which the guide and the message composer show.
    templates = [{"id": "thank-you", "title": f"Title: {PAYLOADS['script']}",
                  "description": f"About: {PAYLOADS['img-onerror']}", "text": HOSTILE_MESSAGE}]
    folder.mkdir()
    document = {"questions": questions, "tips": tips, "goals": goals, "templates": templates}
    (folder / "hostile.yml").write_text(yaml.safe_dump(document, allow_unicode=True),
                                        encoding="utf-8")


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    project = copy_project(tmp_path_factory.mktemp("hostile"))
    _overlay(project / "hostile_bank")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "banks: [question_bank]", "banks: [question_bank, hostile_bank]"), encoding="utf-8")
    # Without the site's PDFs: the hostile reminders are on every sheet, so each PDF would be
    # rendered again (most of a minute); test_standalone_sheet_and_pdf_show_markup_as_text
    # renders a PDF of the same text.
    result = run(mkdocs_command(project, project / "site"), cwd=project,
                 SOURCE_DATE_EPOCH=SOURCE_DATE_EPOCH, INFOINTERVIEW_PDF="false")
    assert result.returncode == 0, result.stderr
    with serve(project / "site") as url:
        yield url, project


def _watched_page(new_page: Callable[..., Page]) -> tuple[Page, list[str], PageLog]:
    """A page that records every alert or prompt (a payload that ran would open one), and
    its script errors."""
    page = new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    return page, dialogs, watch(page)


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
    page, dialogs, log = _watched_page(new_page)
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
    assert page.locator(".md-content .admonition, .md-content details").count() == 0
    assert page.evaluate("window.__pwned") is None
    assert not log.page_errors


def test_a_hostile_goal_title_with_emoji_is_shown_as_itself_everywhere(
    hostile_site: tuple[str, Path], new_page: Callable[..., Page]
) -> None:
    url, _ = hostile_site
    for address in ("sheets/explore.html", "sheets/index.html"):
        page = new_page()
        page.goto(url + address)
        assert HOSTILE_TITLE in page.locator(".md-content").inner_text(), address
        assert page.evaluate("window.__pwned") is None, address
        assert page.locator(".md-content a[href^='javascript']").count() == 0
        assert "ud83c" not in page.content()
    assert HOSTILE_TITLE in page.title() or "Question sheets" in page.title()


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

    pdf = tmp_path / "sheet.pdf"
    result = run_cli("sheet", "--goal", "student", "--output", str(pdf), *banks)
    assert result.returncode == 0, result.stderr
    # poppler's text extraction reads the fallback fonts' characters (pypdf's does not).
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    flat = " ".join(text.split())
    for name, payload in PAYLOADS.items():
        assert " ".join(payload.split()) in flat, name


def test_message_templates_show_markup_as_text(
    hostile_site: tuple[str, Path], new_page: Callable[..., Page]
) -> None:
    url, _ = hostile_site
    page, dialogs, log = _watched_page(new_page)
    page.goto(url + "guide/afterwards.html")
    assert page.locator('[data-ii-template="thank-you"]').inner_text() == HOSTILE_MESSAGE.rstrip()
    page.goto(url + "guide/messages.html")
    _assert_literal_and_inert(page, ".ii-composer")
    page.get_by_label(f"Title: {PAYLOADS['script']}").check()
    page.fill("#ii-field-their-name", "Ms Okafor")
    subject, _, body = HOSTILE_MESSAGE.partition("\n\n")
    assert page.input_value("#ii-composer-subject") == subject.removeprefix("Subject: ")
    assert page.input_value("#ii-composer-text") == body.rstrip().replace(
        "[Their name]", "Ms Okafor")
    assert page.inner_text("[data-ii-composer-description]") == f"About: {PAYLOADS['img-onerror']}"
    assert page.evaluate("window.__pwned") is None
    assert not dialogs and not log.page_errors and not log.console_errors


def test_sheet_maker_shows_markup_as_text(
    hostile_site: tuple[str, Path], new_page: Callable[..., Page]
) -> None:
    """The maker copies Python-rendered questions and sets tips with textContent: the payloads
    in the reminders and closing asks stay text, also after a change of format and length."""
    url, _ = hostile_site
    page = new_page()
    log = watch(page)
    open_maker(page, url + "sheets/make.html#goal=student&format=video&minutes=20")
    page.select_option("#ii-maker-format", "phone")
    page.fill("#ii-maker-own", "<img src=x onerror=\"window.__pwned='own'\"> Mine?")
    page.click("[data-ii-maker-add]")
    _assert_literal_and_inert(page, ".ii-sheet")
    assert "<img src=x" in page.locator(".ii-sheet").inner_text()
    assert not log.page_errors and not log.console_errors
