"""Expand `<!-- insert: ... -->` comments in guide pages with guidance data from the bank.

Each fact lives once, as data, and appears both in the chapters and on the printed sheets. An
insert comment stands alone on its line, for example `<!-- insert: tips kind=do stage=before -->`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from generator.core.errors import BankError, Problem
from generator.core.model import SECTIONS, TIP_KINDS, TIP_STAGES, Bank
from generator.core.value_types import field_specs
from generator.rendering.render import Markup, render_html, render_markdown
from generator.site.checklist import checklist_actions, checklist_html
from generator.site.composer import composer_html, template_text_html

# Not an option a page can write: set by expand_inserts when the build makes PDF handouts.
DOWNLOADS = "downloads"
INSERT = re.compile(r"^<!--\s*insert:(?P<body>.*?)-->[ \t]*$", re.MULTILINE)


def _tips(bank: Bank, options: dict[str, str]) -> str:
    tips = [
        tip for tip in bank.tips.values()
        if options.get("kind", tip.kind) == tip.kind
        and options.get("stage", tip.stage) == tip.stage
    ]
    return render_markdown("inserts/tips.md.j2", tips=tips)


def _benefits(bank: Bank, options: dict[str, str]) -> str:
    goal = options.get("goal")
    benefits = [
        b for b in bank.benefits.values() if goal is None or b.goals is None or goal in b.goals
    ]
    return render_markdown("inserts/benefits.md.j2", benefits=benefits)


def _steps(bank: Bank, options: dict[str, str]) -> str:
    return render_markdown("inserts/steps.md.j2", steps=list(bank.steps.values()))


def _template(bank: Bank, options: dict[str, str]) -> str:
    template = bank.templates.get(options["id"])
    if template is None:  # hidden by the centre (checked in _parse): the page leaves it out
        return ""
    # A wrapping block, not a code block: a code block scrolls sideways on a phone.
    return render_markdown(
        "inserts/template.md.j2", template=template, text=template_text_html(template.text)
    )


def _composer(bank: Bank, options: dict[str, str]) -> str:
    return composer_html(bank)


def _avoid(bank: Bank, options: dict[str, str]) -> str:
    return render_markdown("inserts/avoid.md.j2", entries=list(bank.avoid.values()))


def _timeline(bank: Bank, options: dict[str, str]) -> str:
    before = [t for t in bank.tips.values() if t.stage == "before" and t.kind == "do"]
    after = [t for t in bank.tips.values() if t.stage == "after" and t.on_sheet]
    html = render_html(
        "inserts/timeline.html.j2", before=before[:4], steps=list(bank.steps.values()), after=after
    )
    return Markup(html)


def _checklist(bank: Bank, options: dict[str, str]) -> str:
    actions = checklist_actions(options.get(DOWNLOADS) == "yes")
    return Markup(actions + checklist_html(bank))


def _fields(bank: Bank, options: dict[str, str]) -> str:
    # The table of a section's keys, made from the one declaration of each field.
    specs = field_specs(SECTIONS[options["section"]].model)
    rows = [
        (name, spec.required, Markup(spec.value_type.describe()), Markup(spec.doc))
        for name, spec in specs.items()
    ]
    return render_markdown("inserts/fields.md.j2", rows=rows)


# name -> (renderer, {option: the values it may take, or () for any value})
_INSERTS: dict[str, tuple[Callable[[Bank, dict[str, str]], str], dict[str, tuple[str, ...]]]] = {
    "tips": (_tips, {"kind": TIP_KINDS, "stage": TIP_STAGES}),
    "benefits": (_benefits, {"goal": ()}),
    "steps": (_steps, {}),
    "template": (_template, {"id": ()}),
    "avoid": (_avoid, {}),
    "timeline": (_timeline, {}),
    "checklist": (_checklist, {}),
    "fields": (_fields, {"section": tuple(SECTIONS)}),
    "composer": (_composer, {}),
}


def _expected(problem: str, choices: list[str]) -> str:
    return f"{problem}. Expected one of: {choices}"


def _parse(body: str, bank: Bank) -> tuple[str, dict[str, str]]:
    """Return (name, options) or raise ValueError with a message for the reader."""
    words = body.split()
    if not words or words[0] not in _INSERTS:
        name = words[0] if words else ""
        raise ValueError(_expected(f"unknown insert {name!r}", sorted(_INSERTS)))
    name, rest = words[0], words[1:]
    allowed = _INSERTS[name][1]
    options: dict[str, str] = {}
    for word in rest:
        key, _, value = word.partition("=")
        if not value and name == "template":  # `template outreach` is short for id=outreach
            key, value = "id", key
        if key not in allowed:
            raise ValueError(_expected(f"insert {name!r}: unknown option {key!r}", sorted(allowed)))
        if allowed[key] and value not in allowed[key]:
            raise ValueError(
                f"insert {name!r}: {key}: Expected one of: {list(allowed[key])} "
                f"but received: {value!r}"
            )
        options[key] = value
    hidden = ("templates", options.get("id")) in bank.hidden
    if name == "template" and options.get("id") not in bank.templates and not hidden:
        unknown = f"insert 'template': unknown template {options.get('id')!r}"
        raise ValueError(_expected(unknown, list(bank.templates)))
    if "goal" in options and options["goal"] not in bank.goals:
        unknown = f"insert 'benefits': unknown goal {options['goal']!r}"
        raise ValueError(_expected(unknown, list(bank.goals)))
    return name, options


def insert_problems(markdown: str, bank: Bank, source: Path) -> list[Problem]:
    """Every bad insert comment in a page, found without rendering anything."""
    problems = []
    for match in INSERT.finditer(markdown):
        try:
            _parse(match.group("body"), bank)
        except ValueError as error:
            line = markdown.count("\n", 0, match.start()) + 1
            problems.append(Problem(source, line, str(error)))
    return problems


def expand_inserts(markdown: str, bank: Bank, source: Path, downloads: bool = False) -> str:
    """Replace every insert comment; raise BankError naming the page and line of a bad one.
    `downloads` says whether the build makes PDF handouts, so an insert may link to them."""
    problems: list[Problem] = []

    def replace(match: re.Match[str]) -> str:
        try:
            name, options = _parse(match.group("body"), bank)
        except ValueError as error:
            line = markdown.count("\n", 0, match.start()) + 1
            problems.append(Problem(source, line, str(error)))
            return match.group(0)
        if downloads:
            options[DOWNLOADS] = "yes"
        return _INSERTS[name][0](bank, options).strip("\n")

    expanded = INSERT.sub(replace, markdown)
    if problems:
        raise BankError(problems)
    return expanded


def check_content(bank: Bank, content_dir: Path) -> None:
    """Raise BankError for every bad insert comment in the hand-written pages."""
    problems = []
    for path in sorted(content_dir.rglob("*.md")):
        problems += insert_problems(path.read_text(encoding="utf-8"), bank, path)
    if problems:
        raise BankError(problems)
