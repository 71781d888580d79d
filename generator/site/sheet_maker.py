"""The data behind the sheet maker page and the question bank's filter.

`tailor` is the only place that decides what a sheet holds, so the browser must not decide it
again. This module asks `tailor.build_sheets` for every meeting the page offers (each sheet is
what `build_sheet` gives for it alone) and writes the answers down as compact tables; the
page's script only looks them up and shows them.

- Every question is rendered once, by the same Jinja template as the printed sheet.
- A sheet's selection (questions, "if time allows", closing asks, agenda) depends on the goal,
  role, industry and minutes; identical selections are stored once and the combinations point
  at them. Reminders and the after-meeting checklist depend on the format only.
- The tables' lists of numbers (question positions, indices into other tables) are strings of
  base64 digits, a fixed number of digits per number (`_numbers`): 60% of the bytes of a JSON
  list for the shipped bank's selections. The data is most of the page's first visit, and
  its budget counts bytes as a server without compression sends them (issue 25).
- Which questions suit a goal, role and industry (`tailor.suits`, asked through
  `tailor.Suiting`) is stored as one bit set per choice, also for "any", so the bank page's
  filter uses the same rule.
- What Swap may bring in is `Sheet.alternatives`, which tailor works out: questions of the
  meeting's recipe that suit it, best first within each kind. The lists of one goal and role
  are nearly the same for every industry (an industry adds its own questions), so a list is
  written as the changes to the last list written in full, when that is shorter (`_patch`).

Everything is sorted and has no timestamps, so the same bank always gives the same bytes.
"""

from __future__ import annotations

import base64
import difflib
import functools
import itertools
import json
import operator
from typing import Any

from generator.core.languages import gettext
from generator.core.model import Bank, Question
from generator.core.sheet import DEFAULT_FORMAT, DEFAULT_MINUTES, DEFAULT_ROLE, Sheet, SheetRequest
from generator.core.tailor import Suiting, build_sheets, plan_for
from generator.rendering import print_pages, render
from generator.rendering.render import FIRST_PAGE_MINUTES, FIRST_PAGE_QUESTIONS

# The lengths the page offers: the common meeting lengths between 10 and 90 minutes.
MINUTE_STEPS = (15, 20, 25, 30, 45, 60, 90)
DATA_PATH = "assets/javascripts/sheet-maker-data.js"
SUITS_PATH = "assets/javascripts/bank-suits.js"


def meeting_phrase(format_title: str) -> str:
    """How the live region names a meeting: "video call", or "meeting in person". A format
    named as a call ("Video call", "Appel vidéo") is its own name."""
    lower = format_title.lower()
    # Translators: the word that makes a format's title name a call ("appel" in French).
    call = gettext("call")
    if lower.endswith(call) or lower.startswith(f"{call} "):
        return lower
    return gettext("meeting %(format)s") % {"format": lower}


def _bits(mask: int, count: int) -> str:
    """A bit mask as base64 of little-endian bytes: bit j of byte k is item 8k + j."""
    return base64.b64encode(mask.to_bytes((count + 7) // 8, "little")).decode("ascii")


class _Table:
    """Values stored once each; `add` gives the index of an equal value already stored."""

    def __init__(self) -> None:
        self.values: list[Any] = []
        self._index: dict[str, int] = {}

    def add(self, value: Any) -> int:
        key = json.dumps(value, sort_keys=True)
        if key not in self._index:
            self._index[key] = len(self.values)
            self.values.append(value)
        return self._index[key]


# Byte 0 or 1 to the digit "0" or "1".
_DIGITS = bytes.maketrans(b"\x00\x01", b"01")


# The base64 alphabet: digit d of a number in `_numbers` is DIGITS[d].
DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"


def _digits(largest: int) -> int:
    """How many base64 digits each number takes when the largest is `largest`."""
    digits = 1
    while 64 ** digits <= largest:
        digits += 1
    return digits


def _numbers(values: list[int], digits: int) -> str:
    """Numbers as base64 digits, `digits` each, most significant first: [1, 300] with two
    digits is "ABEs". Every number is below 64 ** digits."""
    return "".join(DIGITS[(value >> 6 * place) & 63]
                   for value in values for place in reversed(range(digits)))


def _patch(base: list[int], new: list[int]) -> list[int]:
    """`new` as changes to `base`: runs of (keep, drop, add, the `add` numbers): take the next
    `keep` of `base`, pass over `drop` of them, then add the numbers given; what follows the
    last run is the rest of `base`."""
    changes: list[int] = []
    keep = 0
    matcher = difflib.SequenceMatcher(None, base, new, autojunk=False)
    for tag, start, end, new_start, new_end in matcher.get_opcodes():
        if tag == "equal":
            keep += end - start
            continue
        added = new[new_start:new_end]
        changes += [keep, end - start, len(added), *added]
        keep = 0
    return changes


def _lists(lists: list[list[int]], digits: int) -> list[str | list[Any]]:
    """Each list as a string of `_numbers`, or as [i, the string of its `_patch`] against list
    i, the last one written in full, when that is shorter."""
    written: list[str | list[Any]] = []
    base = -1
    for index, values in enumerate(lists):
        changes = _patch(lists[base], values) if base >= 0 else values
        if base >= 0 and len(changes) < len(values):
            written.append([base, _numbers(changes, digits)])
        else:
            written.append(_numbers(values, digits))
            base = index
    return written


def _mask(flags: list[bool]) -> int:
    """Bit n set when flag n is; made as a string of binary digits, since adding big numbers
    bit by bit costs time that grows with the square of the bank."""
    return int(b"0" + bytes(reversed(flags)).translate(_DIGITS), 2)


def suits_data(bank: Bank) -> dict[str, Any]:
    """Which questions suit each goal, role and industry choice, "any" included.

    The index of a choice is (goal * (roles + 1) + role) * (industries + 2) + industry, where
    goal == len(goals) and role == len(roles) mean "any", industry 0 means "none chosen",
    1..n the industries in bank order, and n + 1 "any industry". "Any" is the union over the
    choices, so it shows every question that suits at least one of them.
    """
    questions = list(bank.questions.values())
    suiting = Suiting(questions)
    industries: list[str | None] = [None, *bank.industries]
    # One mask per specific choice (bit n: question n suits it); "any" is the OR of masks.
    masks = {
        (goal, role, industry): _mask(suiting.flags(SheetRequest(goal=goal, role=role,
                                                                  industry=industry)))
        for goal, role, industry in itertools.product(bank.goals, bank.roles, industries)
    }
    # The masks by industry for each goal and role, None standing for "any": each "any" is
    # the OR of the row before it, so the whole table costs goals x roles x industries (once a
    # scan of every mask per entry, which grew with the square of each count: issue 23).
    rows: dict[tuple[str | None, str | None], list[int]] = {
        (goal, role): [masks[goal, role, industry] for industry in industries]
        for goal, role in itertools.product(bank.goals, bank.roles)
    }
    for goal in bank.goals:
        rows[goal, None] = _or_rows([rows[goal, role] for role in bank.roles], len(industries))
    for role in [*bank.roles, None]:
        rows[None, role] = _or_rows([rows[goal, role] for goal in bank.goals], len(industries))
    table = _Table()
    index = []
    for any_goal, any_role in itertools.product([*bank.goals, None], [*bank.roles, None]):
        by_industry = rows[any_goal, any_role]
        for mask in [*by_industry, functools.reduce(operator.or_, by_industry, 0)]:
            index.append(table.add(_bits(mask, len(questions))))
    return {
        "ids": [q.id for q in questions],
        "goals": list(bank.goals),
        "roles": list(bank.roles),
        "industries": list(bank.industries),
        "sets": table.values,
        "index": index,
    }


def _or_rows(rows: list[list[int]], width: int) -> list[int]:
    """The OR of several rows of masks, column by column."""
    return [functools.reduce(operator.or_, (row[column] for row in rows), 0)
            for column in range(width)]


def maker_data(bank: Bank) -> dict[str, Any]:
    """Everything the sheet maker shows, worked out by `build_sheets` for every choice.

    Number k of `sheets`, for k = ((goal * roles + role) * (industries + 1) + industry) *
    minutes + step, is the index of a selection; industry 0 is "none", 1..n the industries in
    bank order. A selection is five lists of numbers separated by spaces: the questions, extras
    and closing asks as question positions in bank order, then one number, an index into
    `topics`, then one, an index into `alternatives` (what Swap may bring in: question
    positions, in tailor's order). `sheets`, the selections and `alternatives` are written with
    `_numbers` and `digits` digits per number, an alternatives list perhaps as a `_patch` of an
    earlier one (`_lists`). `ids` names the question at each position.
    """
    questions = list(bank.questions.values())
    position = {q.id: i for i, q in enumerate(questions)}
    closing_categories = bank.categories_at("closing")
    kind_number = {kind: number for number, kind in enumerate(bank.kinds)}
    industries: list[str | None] = [None, *bank.industries]
    selections, topics, alternatives = _Table(), _Table(), _Table()
    requests = [
        SheetRequest(goal=goal, role=role, format=DEFAULT_FORMAT, industry=industry,
                     minutes=minutes)
        for goal, role, industry, minutes in itertools.product(
            bank.goals, bank.roles, industries, MINUTE_STEPS)
    ]
    sheets = [_selection(sheet, position, selections, topics, alternatives)
              for sheet in build_sheets(bank, requests)]
    digits = _digits(max(len(questions), len(sheets), len(topics.values),
                         len(alternatives.values)))
    tips, formats = _Table(), []
    # Reminders and the after-meeting checklist depend on the format only.
    format_sheets = build_sheets(bank, [
        SheetRequest(goal=next(iter(bank.goals)), role=DEFAULT_ROLE, format=format_id)
        for format_id in bank.formats
    ])
    for (format_id, format_), sheet in zip(bank.formats.items(), format_sheets, strict=True):
        formats.append({
            "id": format_id,
            "title": format_.title,
            "lower": render.lower_first(format_.title),
            "meeting": meeting_phrase(format_.title),
            "reminders": [tips.add(tip.text) for tip in sheet.reminders],
            "after": [tips.add(tip.text) for tip in sheet.after],
            "reminderIds": [tip.id for tip in sheet.reminders],
            "afterIds": [tip.id for tip in sheet.after],
        })
    return {
        "goals": [
            {"id": g.id, "title": g.title, "emphasis": g.emphasis} for g in bank.goals.values()
        ],
        "roles": [
            {"id": r.id, "title": r.title, "lower": render.lower_first(r.title)}
            for r in bank.roles.values()
        ],
        "formats": formats,
        "industries": [{"id": i.id, "title": i.title} for i in bank.industries.values()],
        "minutes": list(MINUTE_STEPS),
        # The minutes of each part, and how many questions page 1 holds when the whole meeting
        # must fit on it, or 0 when it need not (render.py).
        "plans": [
            [plan.opening_minutes, plan.question_minutes, plan.closing_minutes,
             FIRST_PAGE_QUESTIONS if plan.minutes <= FIRST_PAGE_MINUTES else 0]
            for plan in map(plan_for, MINUTE_STEPS)
        ],
        # Where a long meeting's printed sheet turns the page (print_pages.py, sheet-pages.js).
        "print": print_pages.browser_metrics(),
        "defaults": {"role": DEFAULT_ROLE, "format": DEFAULT_FORMAT, "minutes": DEFAULT_MINUTES},
        "questions": _questions_html(questions, closing_categories),
        "closing": [int(q.category in closing_categories) for q in questions],
        # Each question's kind, as a number: Swap never shows two questions of one kind.
        "kinds": [kind_number[q.kind] for q in questions],
        "ids": list(position),
        "digits": digits,
        "alternatives": _lists(alternatives.values, digits),
        "selections": [" ".join(_numbers(part, digits) for part in selection)
                       for selection in selections.values],
        "topics": topics.values,
        "tips": tips.values,
        "sheets": _numbers(sheets, digits),
    }


def _selection(
    sheet: Sheet, position: dict[str, int], selections: _Table, topics: _Table,
    alternatives: _Table,
) -> int:
    """A sheet's selection, stored once: question positions in bank order, its agenda, and
    the questions Swap may bring in (tailor decides them; the page keeps their order)."""
    return selections.add([
        [position[q.id] for q in sheet.questions],
        [position[q.id] for q in sheet.extras],
        [position[q.id] for q in sheet.closing],
        [topics.add(render.join_words(sheet.topics))],
        [alternatives.add([position[q.id] for q in sheet.alternatives])],
    ])


def _questions_html(questions: list[Question], closing_categories: set[str]) -> list[str]:
    """Each question as the printed sheet shows it, from the sheet's own templates."""
    question = render.html_template("sheet_question.html.j2")
    closing = render.html_template("sheet_closing.html.j2")
    return [
        (closing if q.category in closing_categories else question).render(question=q).strip()
        for q in questions
    ]


def script(name: str, data: dict[str, Any]) -> str:
    """A script that sets one global, so the page reads its data without fetch(), which
    browsers refuse for file:// pages. JSON is valid JavaScript; `</` is escaped so the text
    could also sit inside a <script> element."""
    text = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    text = text.replace("</", "<\\/").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return f"window.{name} = {text};\n"


def data_assets(bank: Bank) -> dict[str, str]:
    return {
        DATA_PATH: script("infointerviewSheetMaker", maker_data(bank)),
        SUITS_PATH: script("infointerviewSuits", suits_data(bank)),
    }
