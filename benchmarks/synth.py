"""Synthetic question banks of any size (README.md says what they hold), seeded: a size always
gives the same bytes. `.venv/bin/python benchmarks/synth.py SIZE FOLDER` writes one.
"""

from __future__ import annotations

import random
import shutil
import sys
from pathlib import Path
from typing import Any

import yaml

# libyaml's emitter, where PyYAML has it, writes a 10,000-question bank several times faster.
DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)

SHIPPED_BANK = Path(__file__).resolve().parent.parent / "question_bank"
SEED = 20240601
PER_FILE = 500  # questions per file: about 200 kB, under the loader's 1 MB a file
INDUSTRY_CORE = 3  # core questions, in three categories, for every industry a bank keeps
QUESTIONS_PER_INDUSTRY = 20  # so a bank keeps one industry per 20 questions
CLOSING_KINDS = ("synthetic-closing-1", "synthetic-closing-2", "synthetic-closing-3")
# The shipped questions' most common words, kept here so that edits to the bank do not change
# the synthetic banks, and results stay comparable from one commit to the next.
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
OPENERS = ("How", "What", "Which", "Could you tell me", "When", "Who", "Why", "Is there",
           "What would you", "How do you", "Where do")


def _dump(data: object, path: Path, **options: Any) -> None:
    options = {"allow_unicode": True, "width": 10_000, **options}
    path.write_text(yaml.dump(data, Dumper=DUMPER, sort_keys=False, **options), "utf-8")


def read_vocabulary(bank: Path) -> dict[str, Any]:
    """The ids of a bank's goals, roles, industries, categories and kinds (each in its own file,
    as in question_bank/), in order, and its closing and opening categories."""
    items = {name: yaml.safe_load((bank / f"{name}.yml").read_text(encoding="utf-8"))[name]
             for name in ("goals", "roles", "industries", "categories", "kinds")}
    found: dict[str, Any] = {name: [item["id"] for item in each] for name, each in items.items()}
    for place in ("closing", "opening"):
        found[place] = {item["id"] for item in items["categories"] if item.get("place") == place}
    return found


def _sentence(rng: random.Random, low: int, mode: int, high: int, opener: str, end: str) -> str:
    """Words up to a length drawn like the shipped bank's (triangular)."""
    target = round(rng.triangular(low, high, mode))
    words = [opener or rng.choice(WORDS).capitalize()]
    length = len(words[0])
    while length < target - 1:
        word = rng.choice(WORDS) + ("," if rng.random() < 0.08 else "")
        words.append(word)
        length += len(word) + 1
    return " ".join(words).rstrip(",") + end


def _subset(rng: random.Random, ids: list[str], share_all: float) -> str | list[str]:
    """'all' with probability `share_all`, else a non-empty proper subset in bank order."""
    if len(ids) < 2 or rng.random() < share_all:
        return "all"
    picked = set(rng.sample(ids, rng.randint(1, len(ids) - 1)))
    return [ident for ident in ids if ident in picked]


def make_questions(size: int, v: dict[str, Any]) -> list[dict[str, Any]]:
    """`size` questions as a bank file holds them, in the shares README.md gives: first three
    core ones for each industry, then round robin over the categories; closing asks suit all."""
    rng = random.Random(SEED * 1_000_003 + size)
    categories, industries = v["categories"], v["industries"]
    asked = [c for c in categories if c not in v["closing"] | v["opening"]]
    questions: list[dict[str, Any]] = []
    for index in range(size):
        core = index < INDUSTRY_CORE * len(industries)
        category = asked[index % len(asked)] if core else categories[index % len(categories)]
        closing = category in v["closing"]
        kinds = CLOSING_KINDS if closing else v["kinds"]
        name = industries[index // INDUSTRY_CORE] if core else (
            f"{rng.choice(WORDS)}-{rng.choice(WORDS)}".replace("'", ""))
        question: dict[str, Any] = {
            "id": f"{category}-{name}-{index:05d}",
            "text": _sentence(rng, 39, 84, 149, rng.choice(OPENERS), "?"),
            "category": category, "kind": kinds[index % len(kinds)]}
        if core:
            question["industries"] = [name]
        elif closing:
            question.update(goals="all", roles="all", industries="all")
        else:
            question["goals"] = _subset(rng, v["goals"], share_all=0.35)
            question["roles"] = _subset(rng, v["roles"], share_all=0.65)
            if industries and category not in v["opening"] and rng.random() < 0.2:
                question["industries"] = [industries[index % len(industries)]]
        question["priority"] = "core" if core or rng.random() < 0.47 else "optional"
        question["why"] = _sentence(rng, 68, 102, 150, "", ".")
        if not core and rng.random() < 0.3:
            question["probes"] = [_sentence(rng, 30, 60, 110, rng.choice(OPENERS), "?")
                                  for _ in range(2 if rng.random() < 0.03 else 1)]
        questions.append(question)
    return questions


def write_bank(size: int, out: Path, shipped: Path = SHIPPED_BANK) -> Path:
    """Make `out` a bank: the shipped vocabulary and guidance, without the goals' and roles'
    recipes, with `size` questions."""
    shutil.rmtree(out, ignore_errors=True)
    shutil.copytree(shipped, out, ignore=lambda folder, _names: (  # renamed.yml: shipped ids
        ["questions", "renamed.yml", "translations"] if Path(folder) == shipped else []))
    for name in ("goals.yml", "roles.yml"):
        document = yaml.safe_load((out / name).read_text(encoding="utf-8"))
        for item in (item for section in document.values() for item in section):
            item.pop("kinds", None)
        _dump(document, out / name)
    vocabulary = read_vocabulary(out)
    kept = vocabulary["industries"][:size // QUESTIONS_PER_INDUSTRY]
    extra: dict[str, Any] = {"kinds": [{"id": k, "title": "Closing"} for k in CLOSING_KINDS]}
    if hidden := [i for i in vocabulary["industries"] if i not in kept]:
        extra["hide"] = {"industries": hidden}
    _dump(extra, out / "synthetic.yml", width=80, allow_unicode=False)  # as before
    vocabulary["industries"] = kept
    questions = make_questions(size, vocabulary)
    (out / "questions").mkdir()
    for category in {question["category"] for question in questions}:
        mine = [question for question in questions if question["category"] == category]
        for part, start in enumerate(range(0, len(mine), PER_FILE), start=1):
            _dump({"questions": mine[start:start + PER_FILE]},
                  out / "questions" / f"{category}-{part:02d}.yml", default_flow_style=None)
    return out


if __name__ == "__main__":
    write_bank(int(sys.argv[1]), Path(sys.argv[2]))
