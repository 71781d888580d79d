"""A student's meetings on their own device, in a real browser: kept meetings that come back
exactly, the sheet changed by the student (by keyboard too) with Undo, the share address,
moving meetings by file to a fresh browser, forgetting with Undo, damaged or older storage,
and Back from another page.

"Exactly" means the printed sheet: its visible text in print and the ids of its questions.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page

from generator.core.loader import load_bank
from generator.core.sheet import SheetRequest
from generator.core.tailor import suits
from tests.conftest import BANK

from .conftest import is_local, open_maker, watch
from .test_accessibility import SCHEMES, axe_violations, describe
from .test_sheet_maker import EXAMPLE, MAKER, _printed, maker_address

pytestmark = pytest.mark.browser

DESKTOP = {"width": 1280, "height": 900}
STATUS = "[data-ii-maker-status]"
# The prepared questions, on every page of a long sheet (sheet-pages.js cuts its list).
QUESTIONS = ".ii-sheet .ii-sheet__main > .ii-questions > li"
SECOND = "#goal=explore&role=practitioner&format=in-person&minutes=45"
DETAILS = ("name", "title", "organisation", "date", "connection", "intro", "notes")


def question_texts(page: Page) -> list[str]:
    return page.locator(f"{QUESTIONS} .ii-q__text").all_inner_texts()


def reword(page: Page, number: int, words: str) -> None:
    page.click(f"[aria-label='Reword question {number}']")
    box = page.get_by_label(f"Question {number} in your words")
    box.fill(words)
    box.press("Enter")


def make_it_mine(page: Page, own: str, words: str) -> None:
    """A swap, a move, a removal, a rewording and an own question."""
    page.click("[aria-label='Swap question 2 for another']")
    page.click("[aria-label='Move question 3 up']")
    page.click("[aria-label='Remove question 1']")
    reword(page, 1, words)
    page.fill("#ii-maker-own", own)
    page.press("#ii-maker-own", "Enter")


def type_details(page: Page, name: str) -> dict[str, str]:
    details = {"name": name, "title": "Head of nursing", "organisation": "City <b>Hospital</b>",
               "date": "2026-05-04T09:30", "connection": "Referred by Jo Lee",
               "intro": "I study nursing & care.", "notes": "Read her article on night shifts."}
    for field, value in details.items():
        page.fill(f"#ii-maker-{field}", value)
    return details


def details_shown(page: Page) -> dict[str, str]:
    return {field: page.input_value(f"#ii-maker-{field}") for field in DETAILS}


def kept_meetings(page: Page) -> list[str]:
    return page.locator("[data-ii-meetings-list] .ii-meetings__name").all_inner_texts()


def two_meetings(page: Page, site_url: str) -> dict[str, tuple]:
    """Two kept meetings with different choices and changes; what each prints and holds."""
    open_maker(page, site_url + MAKER + EXAMPLE)
    make_it_mine(page, "Which hospitals train new graduates?", "What checks come before a start?")
    first = type_details(page, "Dana Whitfield")
    page.check("#ii-maker-keep")
    dana = (_printed(page), first)
    page.click("[data-ii-meetings-new]")
    for axis, value in (("goal", "explore"), ("role", "practitioner"), ("format", "in-person"),
                        ("minutes", "45")):
        page.select_option(f"#ii-maker-{axis}", value)
    page.click("[aria-label='Remove question 2']")
    page.click("[aria-label='Move question 1 down']")
    page.fill("#ii-maker-own", "What would you do again?")
    page.press("#ii-maker-own", "Enter")
    second = type_details(page, "Sam Obi")
    page.check("#ii-maker-keep")
    return {"Dana Whitfield": dana, "Sam Obi": (_printed(page), second)}


def open_meeting(page: Page, name: str) -> None:
    page.click(f"[data-ii-do=open][aria-label^='Open {name}']")


def test_two_kept_meetings_survive_a_reload_and_each_opens_exactly_its_sheet(
    page: Page, site_url: str,
) -> None:
    meetings = two_meetings(page, site_url)
    assert meetings["Dana Whitfield"][0] != meetings["Sam Obi"][0]
    page.reload()
    page.locator(".ii-sheet").wait_for(state="visible")
    # The meeting this tab had open comes back by itself, with its details.
    assert _printed(page) == meetings["Sam Obi"][0]
    assert details_shown(page) == meetings["Sam Obi"][1]
    assert len(kept_meetings(page)) == 2
    for name in ("Dana Whitfield", "Sam Obi", "Dana Whitfield"):
        open_meeting(page, name)
        printed, details = meetings[name]
        assert _printed(page) == printed, name
        assert details_shown(page) == details, name
        assert page.text_content(STATUS).startswith(f"Opened: {name}")


def test_kept_meetings_move_to_a_fresh_browser_by_file(
    page: Page, site_url: str, new_page: Callable[..., Page], tmp_path: Path,
) -> None:
    meetings = two_meetings(page, site_url)
    with page.expect_download() as download:
        page.click("[data-ii-meetings-export]")
    saved = tmp_path / "my-meetings.json"
    download.value.save_as(saved)
    assert json.loads(saved.read_text(encoding="utf-8"))["version"] == 2
    fresh = open_maker(new_page(color_scheme="light", viewport=DESKTOP), site_url + MAKER)
    assert kept_meetings(fresh) == []
    fresh.set_input_files("#ii-maker-import", saved)
    fresh.wait_for_function("document.querySelectorAll('.ii-meetings__name').length === 2")
    assert fresh.text_content(STATUS) == "Read 2 meetings from the file."
    for name, (printed, details) in meetings.items():
        open_meeting(fresh, name)
        assert _printed(fresh) == printed, name
        assert details_shown(fresh) == details, name


def test_a_file_that_is_not_meetings_is_reported_and_changes_nothing(
    page: Page, site_url: str, tmp_path: Path,
) -> None:
    open_maker(page, site_url + MAKER)
    bad = tmp_path / "photo.json"
    bad.write_text("{not json", encoding="utf-8")
    page.set_input_files("#ii-maker-import", bad)
    problem = page.locator("[data-ii-meetings-problem]")
    problem.wait_for(state="visible")
    assert problem.inner_text() == (
        "This file is not a file of meetings saved by this page. Nothing was read.")
    assert kept_meetings(page) == []


def test_the_shared_address_reproduces_the_sheet_in_a_fresh_browser(
    page: Page, site_url: str, new_page: Callable[..., Page],
) -> None:
    open_maker(page, site_url + MAKER + EXAMPLE)
    make_it_mine(page, "Can I see the ward?", "What checks come before a start?")
    plain = page.input_value("#ii-maker-share")
    assert plain == page.url
    fresh = open_maker(new_page(color_scheme="light", viewport=DESKTOP), plain)
    assert _printed(fresh) == _printed(page)
    # Typed details go in the address only when the student asks.
    details = type_details(page, "Dana Whitfield")
    assert "Dana" not in page.input_value("#ii-maker-share") and "Dana" not in page.url
    page.check("#ii-maker-share-contact")
    with_details = page.input_value("#ii-maker-share")
    other = open_maker(new_page(color_scheme="light", viewport=DESKTOP), with_details)
    assert _printed(other) == _printed(page)
    assert details_shown(other) == {**details, "notes": ""}  # research notes are never shared


def read_qr(image: Path) -> str:
    """The text of the QR code in an image, read by zbarimg (Debian's zbar-tools)."""
    if not shutil.which("zbarimg"):
        if os.environ.get("CI"):
            pytest.fail("zbarimg not found; install zbar-tools", pytrace=False)
        pytest.skip("zbarimg not found; install zbar-tools")
    result = subprocess.run(["zbarimg", "--raw", "-q", str(image)], capture_output=True,
                            check=True)
    return result.stdout.decode("utf-8").rstrip("\n")


@pytest.mark.parametrize("scheme", list(SCHEMES))
def test_the_qr_code_holds_the_address_and_opens_the_same_sheet(
    scheme: str, site_url: str, new_page: Callable[..., Page], tmp_path: Path,
) -> None:
    page = open_maker(new_page(color_scheme=scheme, viewport={"width": 390, "height": 800}),
                      site_url + MAKER + EXAMPLE)
    make_it_mine(page, "Can I see the ward? (\u00e9t\u00e9 & more)", "What checks come first?")
    type_details(page, "Dana Whitfield")
    page.check("#ii-maker-share-contact")
    page.click("[data-ii-maker-qr-show]")  # the encoder loads only when asked for
    image = tmp_path / "qr.png"
    # The code is drawn a moment after the last change.
    page.wait_for_function(
        "() => document.querySelector('[data-ii-maker-qr]').getAttribute('data-ii-qr-text')"
        " === document.querySelector('#ii-maker-share').value")
    page.locator("[data-ii-maker-qr] svg").screenshot(path=image)
    payload = read_qr(image)
    assert payload == page.input_value("#ii-maker-share")
    phone = open_maker(new_page(color_scheme="light", viewport={"width": 390, "height": 800}),
                       payload)
    assert _printed(phone) == _printed(page)
    assert phone.input_value("#ii-maker-name") == "Dana Whitfield"


def test_questions_are_reworded_removed_and_moved_by_keyboard_and_undone(maker_page: Page) -> None:
    page = maker_page
    start = question_texts(page)
    page.focus("[aria-label='Move question 1 down']")
    page.keyboard.press("Enter")
    assert question_texts(page) == [start[1], start[0], *start[2:]]
    assert page.evaluate("document.activeElement.getAttribute('aria-label')") == (
        "Move question 2 down")
    assert page.text_content(STATUS) == "Question 1 is now question 2."
    page.focus("[aria-label='Reword question 1']")
    page.keyboard.press("Enter")
    page.keyboard.press("Control+a")
    page.keyboard.type("In your words: what is a normal week?")
    page.keyboard.press("Enter")
    assert question_texts(page)[0] == "In your words: what is a normal week?"
    page.focus("[aria-label='Remove question 3']")
    page.keyboard.press("Enter")
    assert len(question_texts(page)) == len(start) - 1
    assert page.text_content(STATUS).startswith("Question 3 is removed:")
    for _ in range(3):
        page.click("[data-ii-maker-undo]")
    assert question_texts(page) == start
    assert page.locator("[data-ii-maker-undo]").is_disabled()


@pytest.fixture
def maker_page(page: Page, site_url: str) -> Page:
    return open_maker(page, site_url + MAKER + EXAMPLE)


def test_a_question_found_in_the_bank_is_added_and_undone(maker_page: Page) -> None:
    page = maker_page
    bank = load_bank([BANK])
    request = SheetRequest(goal="student", role="recruiter", format="video",
                           industry="healthcare", minutes=20)
    start = question_texts(page)
    page.fill("#ii-maker-find", "day")
    # The search runs once bank-suits.js, loaded at the finder's first use, is in.
    page.locator("[data-ii-maker-found] li").first.wait_for()
    found = page.locator("[data-ii-maker-found] li span").all_inner_texts()
    by_text = {q.text: q for q in bank.questions.values()}
    assert found and all(suits(by_text[text.strip()], request) for text in found)
    suiting = int(page.text_content("[data-ii-maker-found-count]").split()[0])
    page.check("#ii-maker-find-all")
    assert int(page.text_content("[data-ii-maker-found-count]").split()[0]) > suiting
    page.uncheck("#ii-maker-find-all")
    choice = next(text.strip() for text in found if text.strip() not in start)
    page.click(f"[aria-label='Add: {choice}']")
    assert question_texts(page) == [*start, choice]
    assert page.text_content(STATUS) == f"Question {len(start) + 1} is added to the sheet."
    page.click("[data-ii-maker-undo]")
    assert question_texts(page) == start


def test_a_new_choice_keeps_own_questions_and_undo_brings_back_the_changes(
    maker_page: Page,
) -> None:
    page = maker_page
    make_it_mine(page, "Can I see the ward?", "What checks come before a start?")
    changed = _printed(page)
    page.select_option("#ii-maker-minutes", "45")
    assert "Can I see the ward?" in question_texts(page)
    assert "What checks come before a start?" not in question_texts(page)
    assert page.text_content(STATUS).endswith(
        "Your other changes were for the old choice: Undo brings them back.")
    page.click("[data-ii-maker-undo]")
    assert page.input_value("#ii-maker-minutes") == "20"
    assert _printed(page) == changed


def test_forget_one_or_all_meetings_and_undo(page: Page, site_url: str) -> None:
    two_meetings(page, site_url)
    page.click("[aria-label^='Forget Dana Whitfield']")
    assert [name.split(" \u00b7 ")[0] for name in kept_meetings(page)] == ["Sam Obi"]
    stored = page.evaluate("localStorage.getItem('infointerview.meetings')")
    assert "Dana" not in stored
    page.click("[data-ii-meetings-undo]")
    assert len(kept_meetings(page)) == 2
    page.click("[data-ii-meetings-forget-all]")
    assert kept_meetings(page) == []
    assert page.evaluate("localStorage.getItem('infointerview.meetings')") is None
    assert not page.is_checked("#ii-maker-keep")
    page.click("[data-ii-meetings-undo]")
    assert len(kept_meetings(page)) == 2
    assert page.is_checked("#ii-maker-keep")
    page.click("[data-ii-meetings-forget-all]")
    page.reload()
    assert kept_meetings(page) == [] and page.input_value("#ii-maker-name") == ""


def test_nothing_is_kept_unless_the_student_asks(maker_page: Page) -> None:
    page = maker_page
    type_details(page, "Dana Whitfield")
    make_it_mine(page, "Mine?", "Reworded?")
    # Material keeps its palette choice; nothing of ours is stored.
    stored = page.evaluate("JSON.stringify([{...localStorage}, {...sessionStorage}])")
    assert "Dana" not in stored and "Mine?" not in stored and "infointerview" not in stored
    page.reload()
    assert details_shown(page)["name"] == ""
    # Every box says autocomplete="off", so the browser does not put typed text back either.
    assert page.evaluate("""Array.from(document.querySelectorAll(
        '[data-ii-maker] input, [data-ii-maker] textarea, [data-ii-maker] select'))
        .filter(e => e.type !== 'file' && e.type !== 'submit')
        .every(e => e.getAttribute('autocomplete') === 'off')""")


@pytest.mark.parametrize(("stored", "said"), [
    ('{"version": 2, "meetings": [{"contact": {"name": "Ana"}}, 5, "x"]}',
     "2 meetings could not be read and were left out."),
    ("{not json", "The meetings kept on this device were damaged and could not be read."),
    ('{"version": 9, "meetings": []}', "These meetings were saved by a newer version of this "
                                       "site, so this page cannot read them. Nothing was changed."),
])
def test_damaged_or_newer_storage_is_reported_and_the_page_still_works(
    maker_page: Page, stored: str, said: str,
) -> None:
    page = maker_page
    log = watch(page)
    page.evaluate("s => localStorage.setItem('infointerview.meetings', s)", stored)
    page.reload()
    assert page.inner_text("[data-ii-meetings-problem]") == said
    page.click("[aria-label='Swap question 1 for another']")
    assert page.text_content(STATUS).startswith("Question 1 is now:")
    assert not log.page_errors and not log.console_errors


def test_what_the_older_page_kept_is_read_as_a_meeting(maker_page: Page) -> None:
    page = maker_page
    page.evaluate("""localStorage.setItem('infointerview.sheetMaker', JSON.stringify(
        {name: 'Ana Silva', organisation: 'Lab', date: '3 May', intro: 'Hi', own: ['Mine?', 7]}))""")
    page.reload()
    assert [name.split(" \u00b7 ")[0] for name in kept_meetings(page)] == ["Ana Silva"]
    open_meeting(page, "Ana Silva")
    assert page.input_value("#ii-maker-name") == "Ana Silva"
    assert question_texts(page) == ["Mine?"]
    # The old free-text date does not fit the date and time box, so it is kept in the notes.
    assert page.input_value("#ii-maker-notes") == "Date: 3 May"


def test_back_from_another_page_leaves_the_form_and_the_sheet_in_agreement(
    maker_page: Page, site_url: str,
) -> None:
    page = maker_page
    page.fill("#ii-maker-intro", "I study nursing.")
    page.fill("#ii-maker-name", "Dana")
    make_it_mine(page, "Mine?", "Reworded?")
    page.goto(site_url + "guide/messages.html")
    page.go_back()
    page.locator(".ii-sheet").wait_for(state="visible")
    assert page.input_value("#ii-maker-intro") == page.inner_text("[data-ii-slot=intro]")
    assert page.input_value("#ii-maker-name") == page.inner_text("[data-ii-slot=name]")
    assert "Mine?" in question_texts(page) and "Reworded?" in question_texts(page)


@pytest.mark.parametrize("where", ["file", "sub-path"])
def test_meetings_are_kept_and_fill_the_contact_log_from_disk_and_under_a_sub_path(
    where: str, built_site: Path, sub_path_url: str, page: Page,
) -> None:
    log = watch(page)
    base = maker_address(where, built_site, sub_path_url)
    open_maker(page, base + EXAMPLE)
    make_it_mine(page, "Mine?", "Reworded?")
    type_details(page, "Dana Whitfield")
    page.check("#ii-maker-keep")
    printed = _printed(page)
    open_maker(page, base)
    open_meeting(page, "Dana Whitfield")
    assert _printed(page) == printed
    # The contact log page reads the same kept meeting (records.js).
    page.goto(base.replace(MAKER, "records/contact-log.html"))
    assert page.inner_text("[data-ii-record-kept] [data-ii-field=name]") == "Dana Whitfield"
    assert not log.console_errors and not log.page_errors, log


@pytest.mark.parametrize("scheme", list(SCHEMES))
def test_my_meetings_and_the_records_they_fill_pass_axe_with_no_outside_requests(
    scheme: str, site_url: str, new_page: Callable[..., Page],
) -> None:
    page = new_page(color_scheme=scheme, viewport=DESKTOP)
    log = watch(page)
    two_meetings(page, site_url)
    page.click("[aria-label^='Forget Dana Whitfield']")
    page.click("[aria-label='Reword question 1']")
    failures = [describe(f"{MAKER} [{scheme}]", v) for v in axe_violations(Axe(), page)]
    # The record pages filled from the meeting still kept (records.js).
    for record in ("records/contact-log.html", "records/debrief.html"):
        page.goto(site_url + record)
        if record.endswith("debrief.html"):
            page.select_option("[data-ii-records-meeting]", index=1)
        failures += [describe(f"{record} [{scheme}]", v) for v in axe_violations(Axe(), page)]
    assert not failures, "\n".join(failures)
    assert [url for url in log.requests if not is_local(url, site_url)] == []
    assert not log.console_errors and not log.page_errors, log
