"""Follow-ups in the sheet maker, with a fixed clock and time zone: the guide's 3B7 steps in
working days, the meeting, the thank-you and the update, across kept meetings, and calendar
files that the icalendar package reads back with the right dates and time zone.

Rules that live in follow-ups.js (working days are Monday to Friday; a step stays listed for 7
days after its day) are tested here; the numbers come from generator/site/follow_ups.py.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import icalendar
import pytest
from playwright.sync_api import Page, expect

from .conftest import open_maker
from .test_sheet_maker import EXAMPLE, MAKER

pytestmark = pytest.mark.browser

ZONE = "America/New_York"
STEPS = "[data-ii-follow-ups-list] > li"


@pytest.fixture
def student(new_page: Callable[..., Page], site_url: str) -> Page:
    """The sheet maker on Monday 4 May 2026, 10:00 in New York."""
    page = new_page(color_scheme="light", viewport={"width": 1280, "height": 900},
                    timezone_id=ZONE, locale="en-US", accept_downloads=True)
    page.clock.set_fixed_time(dt.datetime(2026, 5, 4, 14, 0, tzinfo=dt.UTC))
    open_maker(page, site_url + MAKER + EXAMPLE)
    page.locator(".ii-sheet").wait_for(state="visible")
    return page


def steps(page: Page) -> list[str]:
    return [" ".join(text.split()) for text in page.locator(STEPS).all_inner_texts()]


def test_no_reply_steps_count_working_days_from_the_first_message(student: Page) -> None:
    page = student
    page.fill("#ii-maker-name", "Dana Whitfield")
    page.fill("#ii-maker-organisation", "City Hospital")
    page.fill("#ii-maker-sent", "2026-05-01")  # a Friday: the weekend does not count
    expect(page.locator(STEPS)).to_have_count(2)
    assert steps(page) == [
        "Wednesday, May 6, 2026: No reply from Dana Whitfield yet? Write to a second person "
        "at City Hospital. Add to calendar",
        "Tuesday, May 12, 2026: Still no reply? Send Dana Whitfield one polite follow-up, "
        "then stop. Add to calendar",
    ]
    page.select_option("#ii-maker-replied", "yes")
    expect(page.locator(STEPS)).to_have_count(0)
    assert page.locator("[data-ii-follow-ups-empty]").is_visible()


def test_a_meeting_brings_its_thank_you_and_update_across_kept_meetings(student: Page) -> None:
    page = student
    page.fill("#ii-maker-name", "Dana Whitfield")
    page.fill("#ii-maker-sent", "2026-04-20")
    page.fill("#ii-maker-date", "2026-05-15T14:30")
    page.check("#ii-maker-keep")
    page.click("[data-ii-meetings-new]")
    page.fill("#ii-maker-name", "Sam Obi")
    page.fill("#ii-maker-sent", "2026-05-04")
    expect(page.locator(STEPS)).to_have_count(5)
    assert [text.split(" Add to calendar")[0] for text in steps(page)] == [
        "Thursday, May 7, 2026: No reply from Sam Obi yet? Write to a second person at the "
        "same organisation.",
        "Wednesday, May 13, 2026: Still no reply? Send Sam Obi one polite follow-up, then stop.",
        "Friday, May 15, 2026 at 2:30 PM: Your meeting with Dana Whitfield.",
        "Saturday, May 16, 2026: Send Dana Whitfield your thank-you (within 24 hours of the "
        "meeting).",
        "Friday, June 5, 2026: Send Dana Whitfield an update: what you did with their advice.",
    ]


def download_calendar(page: Page, label: str, folder: Path) -> icalendar.Calendar:
    with page.expect_download() as download:
        page.get_by_role("button", name=f"Add to calendar: {label}", exact=True).click()
    path = folder / download.value.suggested_filename
    download.value.save_as(path)
    raw = path.read_bytes()
    assert raw.endswith(b"\r\n") and b"\n" not in raw.replace(b"\r\n", b"")
    assert all(len(line) <= 75 for line in raw.split(b"\r\n"))
    return icalendar.Calendar.from_ical(raw)


def test_calendar_files_hold_the_right_dates_and_time_zone(student: Page, tmp_path: Path) -> None:
    page = student
    page.fill("#ii-maker-name", "Dana, \"Whitfield\"; RN \\ \u00e9t\u00e9")
    page.fill("#ii-maker-organisation", "City Hospital")
    page.fill("#ii-maker-date", "2026-05-15T14:30")
    expect(page.locator(STEPS)).to_have_count(3)
    name = "Dana, \"Whitfield\"; RN \\ \u00e9t\u00e9"
    meeting = download_calendar(page, f"Your meeting with {name}.", tmp_path)
    zone = meeting.walk("VTIMEZONE")[0]
    assert str(zone["TZID"]) == ZONE
    event = meeting.walk("VEVENT")[0]
    start = event.decoded("DTSTART")
    assert start.replace(tzinfo=None) == dt.datetime(2026, 5, 15, 14, 30)
    assert start.utcoffset() == dt.timedelta(hours=-4)  # New York in May (daylight time)
    assert event.decoded("DURATION") == dt.timedelta(minutes=20)
    assert str(event["SUMMARY"]) == f"Your meeting with {name}."
    assert str(event["DESCRIPTION"]) == f"Informational interview: {name}, City Hospital"
    thanks = download_calendar(
        page, f"Send {name} your thank-you (within 24 hours of the meeting).", tmp_path)
    event = thanks.walk("VEVENT")[0]
    assert event.decoded("DTSTART") == dt.date(2026, 5, 16)
    assert event.decoded("DTEND") == dt.date(2026, 5, 17)
