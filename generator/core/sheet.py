"""What a sheet is: the request for one meeting, the plan of its minutes, and the result.
Data only, and the check that a request names things the bank has; `tailor` decides what goes
on a sheet.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.core.errors import RequestError
from generator.core.model import Bank, Category, Format, Goal, Industry, Question, Role, Tip

MIN_MINUTES, MAX_MINUTES = 10, 90
DEFAULT_ROLE, DEFAULT_FORMAT, DEFAULT_MINUTES = "practitioner", "in-person", 30


@dataclass(frozen=True)
class SheetRequest:
    goal: str
    role: str = DEFAULT_ROLE
    minutes: int = DEFAULT_MINUTES
    format: str = DEFAULT_FORMAT
    industry: str | None = None


@dataclass(frozen=True)
class Plan:
    """How a meeting's minutes are spent, and so how many questions to prepare."""

    minutes: int
    opening_minutes: int
    closing_minutes: int
    question_count: int
    extra_count: int

    @property
    def question_minutes(self) -> int:
        return self.minutes - self.opening_minutes - self.closing_minutes

    @property
    def total(self) -> int:
        return self.question_count + self.extra_count


@dataclass(frozen=True)
class Sheet:
    request: SheetRequest
    plan: Plan
    goal: Goal
    role: Role
    format: Format
    industry: Industry | None
    questions: tuple[Question, ...]
    extras: tuple[Question, ...]  # "if time allows"
    closing: tuple[Question, ...]
    reminders: tuple[Tip, ...]
    after: tuple[Tip, ...]
    categories: dict[str, Category]
    # What the agenda said aloud names: only kinds of the prepared questions.
    topics: tuple[str, ...]
    # What Swap may bring in: the questions of the recipe's kinds that suit the meeting, best
    # first within each kind (never opening or closing ones).
    alternatives: tuple[Question, ...]


def check_request(bank: Bank, request: SheetRequest) -> None:
    """Raise RequestError naming the valid choices when the request asks for unknown things."""
    choices = {
        "goal": (request.goal, bank.goals),
        "role": (request.role, bank.roles),
        "format": (request.format, bank.formats),
        "industry": (request.industry, bank.industries),
    }
    for name, (value, known) in choices.items():
        if value is not None and value not in known:
            raise RequestError(
                f"unknown {name} {value!r}. Expected one of: {list(known)}"
            )
    if not MIN_MINUTES <= request.minutes <= MAX_MINUTES:
        raise RequestError(
            f"minutes must be between {MIN_MINUTES} and {MAX_MINUTES} "
            f"but received: {request.minutes}"
        )
