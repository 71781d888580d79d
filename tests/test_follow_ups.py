"""The follow-up steps the sheet maker dates come from the guide's own rules."""

from __future__ import annotations

import re

from generator.site.follow_ups import STEPS
from tests.conftest import ROOT

GUIDE = ROOT / "content" / "guide"


def test_the_3b7_steps_say_what_the_guide_says() -> None:
    # Read as the reader sees it: a link (to the glossary) keeps only its text.
    asking = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", (GUIDE / "asking.md").read_text(encoding="utf-8"))
    steps = {step.id: step for step in STEPS}
    for step_id, words in (("second-person", "second person at the same organisation"),
                           ("follow-up", "one follow-up to the first person")):
        step = steps[step_id]
        assert step.unit == "working-days" and step.after == "sent"
        line = f"**After {step.count} working days**"
        assert any(line in text and words in text for text in asking.splitlines()), step_id


def test_the_thank_you_is_due_within_the_guides_24_hours() -> None:
    afterwards = (GUIDE / "afterwards.md").read_text(encoding="utf-8")
    thanks = next(step for step in STEPS if step.id == "thank-you")
    assert (thanks.after, thanks.count, thanks.unit) == ("date", 1, "days")
    assert "within 24 hours" in afterwards
