"""The validated question bank: plain frozen dataclasses, free of YAML and of MkDocs.

Each field of a bank item is declared once, here, with its kind of value (value_types), whether
it is required, its default and what it means: `schema.py` validates against these
declarations and the format page's field tables are made from them. Each item also carries
where it was defined (`origin`), for the checks that need the whole bank.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any

from generator.core.value_types import (
    TITLE_LENGTH,
    Block,
    Choice,
    Flag,
    Identifier,
    Reference,
    References,
    Suits,
    Text,
    Texts,
    WholeNumber,
    declare,
)

# A question is said aloud and printed with room to write: one sentence, or two short ones.
QUESTION_LENGTH = 200
WHY_LENGTH = 300
# `None` in a goals/roles/industries/formats field means "suits all of them".
SuitsIds = tuple[str, ...] | None
TIARA = ("trends", "insights", "advice", "resources", "assignments")
PLACES = ("opening", "questions", "closing")
TIP_KINDS = ("do", "dont")
TIP_STAGES = ("before", "during", "after")
# Values the pages reserve, which an id must not take (tests/test_hostile_ids.py checks these
# against the pages). A goal's sheet is the page sheets/<goal id>, beside the site's own pages
# in that folder. The bank page's industry filter offers NO_INDUSTRY ("no particular
# industry") beside the industries' ids, and infointerview.js reads that value (a rule that
# must live in JS too: it is tested there). Goal, role and industry filters use "" for "any",
# which no id can be. A question's anchor is `q-<id>` (QUESTION_ANCHOR): checks.py keeps
# headings from taking one.
RESERVED_GOAL_IDS = ("index", "make")
NO_INDUSTRY = "none"
RESERVED_INDUSTRY_IDS = (NO_INDUSTRY,)
QUESTION_ANCHOR = "q-{}"


@dataclass(frozen=True)
class Origin:
    """Where an item was defined, so later checks can point at the right line."""

    path: Path
    line: int
    key_lines: Mapping[str, int] = field(default_factory=dict)

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, self.line)


def _origin() -> Origin | None:
    # Not a bank key: where the loader found the item. Not compared: the same item is the
    # same wherever it was written.
    return field(default=None, compare=False, repr=False)


# A dataclass takes over the field object it is given, so each class gets fresh ones.
def _id() -> str:
    return declare(Identifier(), "A unique id, such as `career-change`; other items refer to it.")


def _title() -> str:
    return declare(Text(TITLE_LENGTH), "A short name, shown in lists and headings.")


def _description() -> str:
    return declare(Text(), "One sentence on what it is.")


def _recipe() -> tuple[str, ...]:
    return declare(
        References("kinds"), "The kinds of question its sheets ask, most important first (its "
        "recipe); left out, every kind in the bank's order.", required=False, default=(),
    )


@dataclass(frozen=True, kw_only=True)
class Kind:
    """What a question asks about, finer than its category: a sheet asks each kind once."""

    id: str = _id()
    title: str = _title()
    agenda: str | None = declare(Text(), "The words used for it when stating the agenda aloud; "
                                 "left out, the agenda does not name it.", required=False)
    origin: Origin | None = _origin()


@dataclass(frozen=True, kw_only=True)
class Goal:
    id: str = declare(Identifier(RESERVED_GOAL_IDS), "A unique id; the goal's sheet is "
                      "`sheets/<id>`, so `index` and `make` are taken.")
    title: str = _title()
    description: str = _description()
    emphasis: str = declare(Text(), "A sentence printed on the goal's sheets.")
    kinds: tuple[str, ...] = _recipe()
    origin: Origin | None = _origin()


@dataclass(frozen=True, kw_only=True)
class Option:
    """A format, and the fields a role and an industry share with it: one of the things a
    student picks to describe a meeting. Declared once; the two below add what is theirs."""

    id: str = _id()
    title: str = _title()
    description: str = _description()
    origin: Origin | None = _origin()


Format = Option


@dataclass(frozen=True, kw_only=True)
class Role(Option):
    """A role also says which kinds of question its sheets ask, most important first."""

    kinds: tuple[str, ...] = _recipe()


@dataclass(frozen=True, kw_only=True)
class Industry(Option):
    """An industry's id must not take a value the bank page's filter reserves."""

    id: str = declare(Identifier(RESERVED_INDUSTRY_IDS), "A unique id; `none` is taken by the "
                      "question bank page's filter (no particular industry).")


@dataclass(frozen=True, kw_only=True)
class Category:
    id: str = _id()
    title: str = _title()
    description: str = _description()
    tiara: str | None = declare(Choice(TIARA), "The part of Dalton's TIARA frame it serves.",
                                required=False)
    place: str = declare(Choice(PLACES), "Where its questions go on a sheet.",
                         required=False, default="questions")
    origin: Origin | None = _origin()


@dataclass(frozen=True, kw_only=True)
class Question:
    id: str = _id()
    text: str = declare(Text(QUESTION_LENGTH), "The question, written the way you would say it "
                        "aloud, with no `[placeholders]`: a sheet prints it as it is.")
    category: str = declare(Reference("categories"), "The id of a category.")
    kind: str = declare(Reference("kinds"), "The id of its kind; a sheet never holds two "
                        "questions of one kind.")
    goals: SuitsIds = declare(Suits("goals"), "The goals it suits.", required=False)
    roles: SuitsIds = declare(Suits("roles"), "The roles it suits.", required=False)
    industries: SuitsIds = declare(
        Suits("industries"), "The industries it is written for; with a list, it appears only "
        "on sheets for those industries.", required=False,
    )
    priority: str = declare(Choice(("core", "optional")), "Among questions of one kind that "
                            "suit a meeting equally well, a sheet takes a `core` one first.")
    why: str = declare(Text(WHY_LENGTH), "One or two sentences on why the question is worth "
                       "asking.")
    probes: tuple[str, ...] = declare(Texts(), "Follow-up questions; the sheet prints the first.",
                                      required=False, default=())
    origin: Origin | None = _origin()

    @property
    def is_core(self) -> bool:
        return self.priority == "core"


@dataclass(frozen=True, kw_only=True)
class Tip:
    id: str = _id()
    kind: str = declare(Choice(TIP_KINDS), "A do or a don't.")
    stage: str = declare(Choice(TIP_STAGES), "When it applies.")
    text: str = declare(Text(), "The tip.")
    why: str | None = declare(Text(), "Why it matters.", required=False)
    formats: SuitsIds = declare(Suits("formats"), "The meeting formats it suits.",
                                required=False)
    on_sheet: bool = declare(Flag(), "`true` prints it on the sheets.", required=False,
                             default=False)
    origin: Origin | None = _origin()


@dataclass(frozen=True, kw_only=True)
class Benefit:
    id: str = _id()
    text: str = declare(Text(), "The benefit.")
    goals: SuitsIds = declare(Suits("goals"), "The goals it suits.", required=False)
    origin: Origin | None = _origin()


@dataclass(frozen=True, kw_only=True)
class Step:
    id: str = _id()
    title: str = _title()
    text: str = declare(Text(), "What to do.")
    phase: str = declare(Choice(PLACES), "The part of the meeting it belongs to.")
    minutes: int | None = declare(WholeNumber(90), "About how long it takes, in minutes.",
                                  required=False)
    origin: Origin | None = _origin()


@dataclass(frozen=True, kw_only=True)
class Template:
    id: str = _id()
    title: str = _title()
    description: str = _description()
    text: str = declare(Block(), "The message, several lines; write blanks as `[Your name]`.")
    origin: Origin | None = _origin()


@dataclass(frozen=True, kw_only=True)
class Avoid:
    id: str = _id()
    question: str = declare(Text(), "The question not to ask.")
    reason: str = declare(Text(), "Why not.")
    instead: str = declare(Text(), "A better question.")
    origin: Origin | None = _origin()


Item = (
    Kind | Goal | Role | Format | Industry | Category | Question | Tip | Benefit | Step | Template
    | Avoid
)


@dataclass(frozen=True)
class Section:
    """One top-level key of a bank file and the item type its list holds."""

    name: str
    singular: str
    model: type


SECTIONS: dict[str, Section] = {
    section.name: section
    for section in (
        Section("kinds", "kind", Kind),
        Section("goals", "goal", Goal),
        Section("roles", "role", Role),
        Section("formats", "format", Format),
        Section("industries", "industry", Industry),
        Section("categories", "category", Category),
        Section("questions", "question", Question),
        Section("tips", "tip", Tip),
        Section("benefits", "benefit", Benefit),
        Section("steps", "step", Step),
        Section("templates", "template", Template),
        Section("avoid", "question to avoid", Avoid),
    )
}


@dataclass(frozen=True)
class Bank:
    """Everything the generator knows, each kind keyed by id in its reading order."""

    kinds: Mapping[str, Kind]
    goals: Mapping[str, Goal]
    roles: Mapping[str, Role]
    formats: Mapping[str, Format]
    industries: Mapping[str, Industry]
    categories: Mapping[str, Category]
    questions: Mapping[str, Question]
    tips: Mapping[str, Tip]
    benefits: Mapping[str, Benefit]
    steps: Mapping[str, Step]
    templates: Mapping[str, Template]
    avoid: Mapping[str, Avoid]
    # (section, id) of every item a `hide:` took out, so a page of the guide that shows one
    # leaves it out instead of failing (generator/core/hiding.py).
    hidden: frozenset[tuple[str, str]] = field(default=frozenset(), compare=False)

    @classmethod
    def from_sections(
        cls, sections: Mapping[str, Mapping[str, Item]],
        hidden: frozenset[tuple[str, str]] = frozenset(),
    ) -> Bank:
        # Read-only views, so no caller can change the bank another caller sees. Each section
        # holds its own item type (SECTIONS says which), which a type checker cannot follow here.
        views: dict[str, Any] = {name: MappingProxyType(dict(items))
                                 for name, items in sections.items()}
        return cls(**views, hidden=hidden)

    def categories_at(self, place: str) -> set[str]:
        """Ids of the categories whose questions go in one place of a sheet."""
        return {c.id for c in self.categories.values() if c.place == place}
