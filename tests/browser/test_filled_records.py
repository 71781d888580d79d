"""The printable records filled from the meetings kept on this device, in a real browser: the
contact log lists every kept meeting and keeps blank entries for writing by hand, the debrief
form prints the debrief of the meeting the student picks, nothing kept leaves both blank, and
a reworded question prints without the bank's follow-up and "why ask this".

What prints is read from Chromium's own PDF (page.pdf) with poppler's pdftotext. The filled
records from file:// and under a sub-path, and axe light and dark on them, are checked with the
kept meetings they come from in test_my_meetings.py.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from playwright.sync_api import Page

from .conftest import watch
from .test_my_meetings import open_maker, reword, type_details
from .test_sheet_maker import EXAMPLE, MAKER

pytestmark = pytest.mark.browser

LOG = "records/contact-log.html"
DEBRIEF = "records/debrief.html"
DEBRIEF_TYPED = {"learned": "Night shifts & <i>handovers</i> matter most.",
                 "suggested": "Ana Ruiz, ward manager", "next": "Email Ana by Friday"}


def keep_meeting(page: Page, url: str, name: str) -> None:
    """A meeting kept on the sheet maker page, with its first message and its debrief."""
    open_maker(page, url + EXAMPLE)
    type_details(page, name)
    page.fill("#ii-maker-sent", "2026-04-20")
    page.select_option("#ii-maker-replied", "yes")
    for field, value in DEBRIEF_TYPED.items():
        page.fill(f"#ii-maker-{field}", value)
    page.check("#ii-maker-keep")


def printed_text(page: Page, tmp_path: Path) -> str:
    """The page as Chromium prints it, white space made single spaces."""
    pdf = tmp_path / "printed.pdf"
    page.pdf(path=str(pdf), format="Letter")
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    return " ".join(text.split())


def test_a_kept_meeting_fills_the_contact_log_and_blank_entries_stay(
    page: Page, site_url: str, tmp_path: Path,
) -> None:
    log = watch(page)
    keep_meeting(page, site_url + MAKER, "Dana Whitfield")
    page.goto(site_url + LOG)
    entry = page.locator("[data-ii-record-kept]")
    assert entry.count() == 1
    shown = {field: entry.locator(f"[data-ii-field={field}]").inner_text()
             for field in ("name", "organisation", "connection", "format", "replied", "thanks")}
    assert shown == {"name": "Dana Whitfield", "organisation": "City <b>Hospital</b>",
                     "connection": "Referred by Jo Lee", "format": "Video call",
                     "replied": "Yes", "thanks": ""}
    assert "2026" in entry.locator("[data-ii-field=sent]").inner_text()
    # The three blank entries are still there for writing by hand.
    assert page.locator("[data-ii-record-blank] dd:empty").count() == 3 * 12
    text = printed_text(page, tmp_path)
    for words in ("Dana Whitfield", "City <b>Hospital</b>", "Night shifts & <i>handovers</i>",
                  "Ana Ruiz, ward manager", "Email Ana by Friday", "Contact log"):
        assert words in text, words
    # The student can still print the log empty.
    page.check("[data-ii-records-blank]")
    assert "Dana Whitfield" not in printed_text(page, tmp_path)
    assert not log.console_errors and not log.page_errors, log


def test_the_debrief_of_the_chosen_meeting_prints(
    page: Page, site_url: str, tmp_path: Path,
) -> None:
    keep_meeting(page, site_url + MAKER, "Dana Whitfield")
    page.goto(site_url + DEBRIEF)
    assert "Dana Whitfield" not in printed_text(page, tmp_path)
    options = page.locator("[data-ii-records-meeting] option").all_inner_texts()
    assert options[1].startswith("Dana Whitfield \u00b7 City <b>Hospital</b> \u00b7 ")
    page.select_option("[data-ii-records-meeting]", index=1)
    text = printed_text(page, tmp_path)
    for words in ("Dana Whitfield", *DEBRIEF_TYPED.values()):
        assert words in text, words
    # The prompts the meeting did not answer stay blank, and the chooser is not printed.
    assert "Fill in from a meeting" not in text
    page.select_option("[data-ii-records-meeting]", "")
    assert page.locator("[data-ii-field]:not(:empty)").count() == 0


def test_with_nothing_kept_the_records_are_blank_as_before(page: Page, site_url: str) -> None:
    for record in (LOG, DEBRIEF):
        page.goto(site_url + record)
        assert page.locator("[data-ii-records]").is_hidden()
        assert page.locator("[data-ii-field]").count() > 0
        assert page.locator("[data-ii-field]:not(:empty)").count() == 0
    assert page.locator("[data-ii-record-kept]").count() == 0


def test_damaged_storage_is_reported_and_the_records_stay_blank(page: Page, site_url: str) -> None:
    page.goto(site_url + LOG)
    page.evaluate("localStorage.setItem('infointerview.meetings', '{not json')")
    for record in (LOG, DEBRIEF):
        page.goto(site_url + record)
        assert page.inner_text("[data-ii-records-note]") == (
            "The meetings kept on this device were damaged and could not be read. "
            "The record below is blank for writing by hand.")
        assert page.locator("[data-ii-field]:not(:empty)").count() == 0


def test_a_reworded_question_prints_without_the_originals_follow_up_and_why(
    page: Page, site_url: str,
) -> None:
    open_maker(page, site_url + MAKER + EXAMPLE)
    first = page.locator(".ii-sheet [data-ii-slot=questions] > li").first
    assert first.locator(".ii-q__why").count() == 1
    reword(page, 1, "What does a first year look like?")
    first = page.locator(".ii-sheet [data-ii-slot=questions] > li").first
    assert first.locator(".ii-q__text").inner_text() == "What does a first year look like?"
    assert first.locator(".ii-q__probe, .ii-q__why").count() == 0
    second = page.locator(".ii-sheet [data-ii-slot=questions] > li").nth(1)
    assert second.locator(".ii-q__why").count() == 1
