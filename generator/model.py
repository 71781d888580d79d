"""The validated question bank: plain frozen dataclasses, free of YAML and of MkDocs.

Items do not carry the file and line they came from: only the loader's checks need them, so
the loader keeps them beside the items (`Origin`), and a bank stays small to hold and to cache.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

# `None` in a goals/roles/industries/formats field means "suits all of them".
Suits = tuple[str, ...] | None


@dataclass(frozen=True)
class Origin:
    """Where an item was defined, so later checks can point at the right line."""

    path: Path
    line: int
    key_lines: Mapping[str, int] = field(default_factory=dict)

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, self.line)


@dataclass(frozen=True)
class Goal:
    id: str
    title: str
    description: str
    emphasis: str
    focus: tuple[str, ...]


@dataclass(frozen=True)
class Role:
    id: str
    title: str
    description: str


@dataclass(frozen=True)
class Format:
    id: str
    title: str
    description: str


@dataclass(frozen=True)
class Industry:
    id: str
    title: str
    description: str


@dataclass(frozen=True)
class Category:
    id: str
    title: str
    description: str
    tiara: str | None
    agenda: str | None
    place: str


@dataclass(frozen=True)
class Question:
    id: str
    text: str
    category: str
    goals: Suits
    roles: Suits
    industries: Suits
    priority: str
    why: str
    probes: tuple[str, ...]

    @property
    def is_core(self) -> bool:
        return self.priority == "core"


@dataclass(frozen=True)
class Tip:
    id: str
    kind: str
    stage: str
    text: str
    why: str | None
    formats: Suits
    on_sheet: bool


@dataclass(frozen=True)
class Benefit:
    id: str
    text: str
    goals: Suits


@dataclass(frozen=True)
class Step:
    id: str
    title: str
    text: str
    phase: str
    minutes: int | None


@dataclass(frozen=True)
class Template:
    id: str
    title: str
    description: str
    text: str


@dataclass(frozen=True)
class Avoid:
    id: str
    question: str
    reason: str
    instead: str


Item = (
    Goal | Role | Format | Industry | Category | Question | Tip | Benefit | Step | Template | Avoid
)


@dataclass(frozen=True)
class Bank:
    """Everything the generator knows, each kind keyed by id in its reading order."""

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
    @classmethod
    def from_sections(cls, sections: Mapping[str, Mapping[str, Item]]) -> Bank:
        # Read-only views, so no caller can change the bank another caller sees.
        return cls(**{name: MappingProxyType(dict(items)) for name, items in sections.items()})

    def categories_at(self, place: str) -> set[str]:
        """Ids of the categories whose questions go in one place of a sheet."""
        return {c.id for c in self.categories.values() if c.place == place}


