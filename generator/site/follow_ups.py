"""The steps a student takes around each meeting, with their dates, as the guide teaches them.

Why here, as data: the sheet maker's "What to do next" list and its calendar files
(site_overrides/assets/javascripts/follow-ups.js) need the guide's numbers, and the guide's
pages state them in words. Writing them once here, into the page at build time, keeps the
script free of its own copy; tests/test_follow_ups.py checks that the guide says the same.

- guide/asking.md, "When nobody answers" (Dalton's 3B7): no reply after 3 working days, write
  to a second person at the same organisation; after 7 working days, one follow-up to the
  first person, then stop.
- guide/afterwards.md: a thank-you within 24 hours; an update some weeks later (we say 3).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from generator.core.languages import N_, gettext


@dataclass(frozen=True)
class Step:
    id: str
    after: str  # the date it counts from: "sent" (first message) or "date" (the meeting)
    count: int
    unit: str  # "working-days" (Monday to Friday) or "days"
    # What the student reads; {name} and {organisation} are filled in by the page.
    text: str
    when_replied: bool  # False: only while the first message has had no reply


STEPS = (
    Step("second-person", "sent", 3, "working-days",
         N_("No reply from {name} yet? Write to a second person at {organisation}."), False),
    Step("follow-up", "sent", 7, "working-days",
         N_("Still no reply? Send {name} one polite follow-up, then stop."), False),
    Step("meeting", "date", 0, "days", N_("Your meeting with {name}."), True),
    Step("thank-you", "date", 1, "days",
         N_("Send {name} your thank-you (within 24 hours of the meeting)."), True),
    Step("update", "date", 21, "days",
         N_("Send {name} an update: what you did with their advice."), True),
)


def follow_up_data() -> list[dict[str, Any]]:
    """The steps as JSON-ready data for the page."""
    return [{**asdict(step), "text": gettext(step.text)} for step in STEPS]
