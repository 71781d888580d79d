"""Synthetic question banks of any size, for the benchmarks.

A synthetic bank is a folder holding the shipped vocabulary and guidance (`question_bank/`
without its `questions/`) plus generated question files. The generated questions are spread
evenly over every category, goal, role and industry of that vocabulary, and their lengths follow
the shipped questions as measured when this was written: text 39-149 characters (median 84),
`why` 68-150 (median 102), one follow-up probe on about 30% of them, core on about 47%.
Everything is drawn from one seeded `random.Random`, so a size and seed always give the same bytes.

Every bank must pass `infointerview check`, so a synthetic bank keeps its shipped goals and roles
without their recipes (every kind, in bank order), gives each question a kind in turn, and keeps
only the industries it can give three core questions in different categories (one per 20
questions); it hides the rest.

    .venv/bin/python benchmarks/synth.py --size 1000 --out benchmarks/work/bank-1000
"""

from __future__ import annotations

import argparse
import contextlib
import copy
import dataclasses
import random
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

try:  # libyaml's emitter writes a 10,000-question bank several times faster
    from yaml import CSafeDumper as _Dumper
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeDumper as _Dumper  # type: ignore[assignment]

ROOT = Path(__file__).resolve().parent.parent
SHIPPED_BANK = ROOT / "question_bank"
DEFAULT_SEED = 20240601
# A bank file may be at most 1 MB (generator/core/yaml_source.py); 500 questions are about 200 kB.
QUESTIONS_PER_FILE = 500

# The most common words of the shipped questions, so word lengths and text look like the bank.
# Kept here, not read from the bank, so that edits to the shipped questions do not change the
# synthetic banks and results stay comparable from one commit to the next.
WORDS = tuple("""
you the and to in how it of what your work field or is people do this which are that for would
from job helps can time when with first they who be have does much them there on often shows
most about not team me whether someone an usually their as tell own new more knowing so at
skills different into know many roles person my learn other start well before one could help
role where see will here willing outside part did move way organisation get employers if years
than find later makes such like ones good show day example long make take kind plan decide need
career jobs same between tells has parts change should some fields hiring up easy experience
think anything lets only common level real candidates every kinds tasks over look next steps
those give useful few learning still ask put questions without gives year routes personal
follow support projects degree very contact shape but may come fit was changed making students
spend small project actually matter hired these recruiters difference sector cost by affect
public feel judge mostly likely today hardest out picture made place yourself while use avoid
money week search manager doing keep meeting too welcome any hard quickly early fill compared
life stay really pay best something we now want changes culture groups months clear advice took
why short lead shapes meet open path right point asking matters ways less honest apply through
careers moves build times hire busy candidate answer subject tools worth its offer clients
title training another closely differ professional study compare others paid step creative
better engineering talk chance prepared points heard events read both background demand apart
""".split())  # noqa: SIM905 - a word list reads best as plain text
# How shipped questions begin; the rest of the sentence is drawn from WORDS.
OPENERS = ("How", "What", "Which", "Could you tell me", "When", "Who", "Why", "Is there",
           "What would you", "How do you", "Where do")


@dataclass(frozen=True)
class Vocabulary:
    """The ids a synthetic question may refer to, in the bank's own order."""

    goals: tuple[str, ...]
    roles: tuple[str, ...]
    industries: tuple[str, ...]
    categories: tuple[str, ...]
    closing: frozenset[str]  # the categories of the closing asks that end every sheet
    kinds: tuple[str, ...] = ()
    opening: frozenset[str] = frozenset()  # rapport: never written for an industry


def read_vocabulary(bank: Path) -> Vocabulary:
    """The ids defined in a bank folder without questions (plain PyYAML: it is our own bank)."""
    found: dict[str, list[str]] = {
        "goals": [], "roles": [], "industries": [], "categories": [], "kinds": [],
    }
    places: dict[str, str | None] = {}
    for path in sorted(bank.rglob("*.yml")):
        document = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for section, ids in found.items():
            ids.extend(item["id"] for item in document.get(section) or [])
        places.update((c["id"], c.get("place")) for c in document.get("categories") or [])
    closing = {ident for ident, place in places.items() if place == "closing"}
    if not any(places.values()):  # a bank from before `place:`: the last category closes
        closing = set(found["categories"][-1:])
    opening = {ident for ident, place in places.items() if place == "opening"}
    return Vocabulary(**{name: tuple(ids) for name, ids in found.items()},
                      closing=frozenset(closing), opening=frozenset(opening))


def _sentence(rng: random.Random, low: int, mode: int, high: int, opener: str, end: str) -> str:
    """Words until a length drawn from a triangular distribution like the shipped bank's."""
    target = round(rng.triangular(low, high, mode))
    words = [opener] if opener else [rng.choice(WORDS).capitalize()]
    length = len(words[0])
    while length < target - 1:
        word = rng.choice(WORDS)
        if rng.random() < 0.08:  # the occasional clause, as in the shipped text
            word += ","
        words.append(word)
        length += len(word) + 1
    return " ".join(words).rstrip(",") + end


def _subset(rng: random.Random, ids: tuple[str, ...], share_all: float) -> str | list[str]:
    """'all' with probability `share_all`, else a non-empty proper subset in bank order."""
    if len(ids) < 2 or rng.random() < share_all:
        return "all"
    picked = set(rng.sample(ids, rng.randint(1, len(ids) - 1)))
    return [ident for ident in ids if ident in picked]


# Each industry a synthetic bank keeps gets this many core questions, as `check` asks.
INDUSTRY_CORE = 3
# Closing asks get kinds of their own, so one kind never mixes closing and other questions.
CLOSING_KINDS = ("synthetic-closing-1", "synthetic-closing-2", "synthetic-closing-3")


def _kind(vocabulary: Vocabulary, index: int, closing: bool) -> str:
    kinds = CLOSING_KINDS if closing or not vocabulary.kinds else vocabulary.kinds
    return kinds[index % len(kinds)]


def make_questions(
    size: int, vocabulary: Vocabulary, seed: int = DEFAULT_SEED
) -> list[dict[str, Any]]:
    """`size` questions as the dicts a bank file holds, deterministic for (size, seed)."""
    rng = random.Random(seed * 1_000_003 + size)
    categories = vocabulary.categories
    asked = [c for c in categories if c not in vocabulary.closing | vocabulary.opening]
    questions: list[dict[str, Any]] = []
    # First, three core questions in three categories for each industry the bank keeps.
    for number, industry in enumerate(vocabulary.industries):
        for turn in range(INDUSTRY_CORE):
            index = number * INDUSTRY_CORE + turn
            category = asked[index % len(asked)]
            questions.append({
                "id": f"{category}-{industry}-{index:05d}",
                "text": _sentence(rng, 39, 84, 149, rng.choice(OPENERS), "?"),
                "category": category, "kind": _kind(vocabulary, index, closing=False),
                "industries": [industry], "priority": "core",
                "why": _sentence(rng, 68, 102, 150, "", "."),
            })
    for index in range(len(questions), size):
        # Round robin, so every category (and every industry below) has its share at any size.
        category = categories[index % len(categories)]
        first, second = rng.choice(WORDS), rng.choice(WORDS)
        question: dict[str, Any] = {
            "id": f"{category}-{first}-{second}-{index:05d}".replace("'", ""),
            "text": _sentence(rng, 39, 84, 149, rng.choice(OPENERS), "?"),
            "category": category,
            "kind": _kind(vocabulary, index, closing=category in vocabulary.closing),
        }
        if category in vocabulary.closing:
            # Like the shipped closing asks: they suit everyone, so every goal and role gets
            # its closing question and the bank passes the coverage check at every size.
            question.update(goals="all", roles="all", industries="all")
        else:
            question["goals"] = _subset(rng, vocabulary.goals, share_all=0.35)
            question["roles"] = _subset(rng, vocabulary.roles, share_all=0.65)
            if (vocabulary.industries and category not in vocabulary.opening
                    and rng.random() < 0.2):
                question["industries"] = [vocabulary.industries[index % len(vocabulary.industries)]]
        question["priority"] = "core" if rng.random() < 0.47 else "optional"
        question["why"] = _sentence(rng, 68, 102, 150, "", ".")
        if rng.random() < 0.3:
            count = 2 if rng.random() < 0.03 else 1
            question["probes"] = [_sentence(rng, 30, 60, 110, rng.choice(OPENERS), "?")
                                  for _ in range(count)]
        questions.append(question)
    return questions


# The sections whose counts can be multiplied (issue 23: the build must grow linearly with
# them too, not only with the questions).
SCALABLE = ("goals", "roles", "industries")


def scale_vocabulary(bank: Path, scale: dict[str, int]) -> None:
    """Multiply the goals, roles or industries of `bank` by copying each item (factor - 1)
    times under a new id, into one more file; questions made afterwards spread over them."""
    copies: dict[str, list[dict[str, Any]]] = {}
    for path in sorted(bank.rglob("*.yml")):
        document = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for section, factor in scale.items():
            for item in document.get(section) or []:
                for number in range(2, factor + 1):
                    copies.setdefault(section, []).append(
                        {**copy.deepcopy({k: v for k, v in item.items() if k != "kinds"}),
                         "id": f"{item['id']}-v{number}",
                         "title": f"{item['title']} ({number})"})
    text = yaml.dump(copies, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=10_000)
    (bank / "scaled-vocabulary.yml").write_text(text, encoding="utf-8")


def write_bank(
    size: int, out: Path, seed: int = DEFAULT_SEED, shipped: Path = SHIPPED_BANK,
    scale: dict[str, int] | None = None,
) -> Path:
    """Make `out` a bank folder: the shipped vocabulary and guidance plus `size` questions;
    `scale` multiplies the count of goals, roles or industries (see SCALABLE)."""
    if out.exists():
        shutil.rmtree(out)
    # Only the top-level questions/ folder is left out; guidance/ and the vocabulary stay.
    # renamed.yml names the shipped questions' new ids, which a synthetic bank does not have.
    shutil.copytree(shipped, out, ignore=lambda folder, _names: (
        ["questions", "renamed.yml"] if Path(folder) == shipped else []
    ))
    if scale:
        scale_vocabulary(out, scale)
    vocabulary = _prepare(out, size)
    by_category: dict[str, list[dict[str, Any]]] = {}
    for question in make_questions(size, vocabulary, seed):
        by_category.setdefault(question["category"], []).append(question)
    folder = out / "questions"
    folder.mkdir()
    for category, questions in by_category.items():
        for part, start in enumerate(range(0, len(questions), QUESTIONS_PER_FILE), start=1):
            chunk = questions[start:start + QUESTIONS_PER_FILE]
            text = yaml.dump({"questions": chunk}, Dumper=_Dumper, sort_keys=False,
                             default_flow_style=None, allow_unicode=True, width=10_000)
            (folder / f"{category}-{part:02d}.yml").write_text(text, encoding="utf-8")
    return out


def _prepare(out: Path, size: int) -> Vocabulary:
    """Strip the goals' and roles' recipes, add the closing kinds, hide the industries the
    bank cannot cover at this size; return what the questions may refer to."""
    for name in ("goals.yml", "roles.yml"):
        path = out / name
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
        for section in document.values():
            for item in section:
                item.pop("kinds", None)
        path.write_text(yaml.dump(document, Dumper=_Dumper, sort_keys=False, allow_unicode=True,
                                  width=10_000), encoding="utf-8")
    vocabulary = read_vocabulary(out)
    kept = vocabulary.industries[:size // 20]
    extra: dict[str, Any] = {"kinds": [{"id": k, "title": "Closing"} for k in CLOSING_KINDS]}
    hidden = [i for i in vocabulary.industries if i not in kept]
    if hidden:
        extra["hide"] = {"industries": hidden}
    (out / "synthetic.yml").write_text(yaml.dump(extra, Dumper=_Dumper, sort_keys=False),
                                       encoding="utf-8")
    closing_kinds = set(CLOSING_KINDS)
    return dataclasses.replace(
        vocabulary, industries=kept,
        kinds=tuple(k for k in vocabulary.kinds if k not in closing_kinds),
    )


def mark_question(text: str, marker: str) -> str:
    """The bank file `text` with `marker` in the text of its first industry-specific question.

    `mkdocs serve` is timed on this edit. The site's default sheets have no industry, so this
    question is on no sheet and no PDF handout is rendered again: the rebuild time does not
    depend on which question the seed happened to put on a sheet.
    """
    items = text.split("\n- id: ")
    for index, item in enumerate(items):
        if "\n  industries: [" in item:
            lines = item.split("\n")
            for number, line in enumerate(lines):
                if line.startswith("  text: "):
                    lines[number] = f"  text: Benchmark edit {marker}, is this visible?"
                    items[index] = "\n".join(lines)
                    return "\n- id: ".join(items)
    raise ValueError("no industry-specific question to edit in this file")


def mark_first_question(folder: Path, marker: str) -> tuple[Path, str]:
    """The first file of `folder` with an industry-specific question, and its text marked.
    (In a small bank the first files may have none.)"""
    for path in sorted(folder.glob("*.yml")):
        with contextlib.suppress(ValueError):
            return path, mark_question(path.read_text(encoding="utf-8"), marker)
    raise ValueError(f"no industry-specific question to edit in {folder}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, required=True, help="number of questions")
    parser.add_argument("--out", type=Path, required=True, help="bank folder to (re)create")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    args = parser.parse_args(argv)
    write_bank(args.size, args.out, args.seed)
    print(f"Wrote a {args.size}-question bank to {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
