"""What the sheet maker must show for a choice, straight from `tailor.build_sheet`: the oracle
that the page's own lookup and the data tables are compared with."""

from __future__ import annotations

import itertools
from typing import Any

from generator.core.model import Bank
from generator.core.sheet import SheetRequest
from generator.core.tailor import build_sheet
from generator.rendering.render import join_words
from generator.site.sheet_maker import MINUTE_STEPS


def every_choice(bank: Bank) -> list[dict[str, str]]:
    """Every choice the page's controls offer ("" is no industry), in a fixed order."""
    return [
        {"goal": g, "role": r, "format": f, "industry": i, "minutes": str(m)}
        for g, r, f, i, m in itertools.product(
            bank.goals, bank.roles, bank.formats, ["", *bank.industries], MINUTE_STEPS
        )
    ]


def request_for(choice: dict[str, str]) -> SheetRequest:
    """The request a choice of the page's controls stands for."""
    return SheetRequest(
        goal=choice["goal"], role=choice["role"], format=choice["format"],
        industry=choice["industry"] or None, minutes=int(choice["minutes"]),
    )


def expected(bank: Bank, choice: dict[str, str]) -> dict[str, Any]:
    """The sheet of a choice in the shape the page's `infointerviewMaker.lookup` returns."""
    sheet = build_sheet(bank, request_for(choice))
    plan = sheet.plan
    return {
        "questions": [q.id for q in sheet.questions],
        "extras": [q.id for q in sheet.extras],
        "closing": [q.id for q in sheet.closing],
        "reminders": [t.id for t in sheet.reminders],
        "after": [t.id for t in sheet.after],
        "topics": join_words(sheet.topics),
        "alternatives": [q.id for q in sheet.alternatives],
        "plan": [plan.minutes, plan.opening_minutes, plan.question_minutes, plan.closing_minutes],
    }
