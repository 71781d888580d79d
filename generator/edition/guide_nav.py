"""The guide's menu, for a centre's site that does not write its own `nav:`.

This project's mkdocs.yml lists the same menu (a test keeps the two equal). A centre's own pages
go in a section after the home page; a centre that wants to leave chapters out, or to order
things differently, writes its own `nav:` in mkdocs.yml (see the career-centre page).
"""

from __future__ import annotations

from typing import Any

from generator.core.languages import N_, gettext

GUIDE_NAV: list[Any] = [
    {N_("Home"): "index.md"},
    {N_("The guide"): [
        "guide/what-it-is.md",
        "guide/why-do-one.md",
        "guide/finding-people.md",
        "guide/target-list.md",
        "guide/asking.md",
        "guide/preparing.md",
        "guide/online-meetings.md",
        "guide/during.md",
        "guide/questions-not-to-ask.md",
        "guide/when-they-offer-help.md",
        "guide/afterwards.md",
        "guide/every-student.md",
        "guide/messages.md",
        "guide/checklist.md",
        "guide/glossary.md",
        {N_("Sources"): "sources.md"},
    ]},
    {N_("Question sheets"): [
        "sheets/make.md",
        "sheets/index.md",
        "sheets/explore.md",
        "sheets/career-change.md",
        "sheets/student.md",
        "sheets/job-search.md",
    ]},
    {N_("Question bank"): "questions/index.md"},
    {N_("Meeting records"): [
        "records/contact-log.md",
        "records/debrief.md",
    ]},
    {N_("For career centres"): [
        "career-centres/index.md",
        "career-centres/question-bank-format.md",
        "career-centres/your-own-bank.md",
        "career-centres/question-survey.md",
    ]},
    {N_("About this site"): [
        "about/accessibility.md",
        "about/privacy.md",
    ]},
]


def centre_nav(own_pages: list[str], section: str, goals: list[str]) -> list[Any]:
    """The guide's menu with one sheet per goal of the bank (a centre may add goals), and the
    centre's own pages in a section after the home page."""
    sheets = ["sheets/make.md", "sheets/index.md", *(f"sheets/{goal}.md" for goal in goals)]
    nav = [{key: sheets if key == "Question sheets" else value for key, value in entry.items()}
           for entry in GUIDE_NAV]
    nav = translated(nav)
    if own_pages:
        nav.insert(1, {section: own_pages})
    return nav


def translated(nav: list[Any]) -> list[Any]:
    """A menu with its section titles (GUIDE_NAV's N_ keys) in the active language."""
    return [{gettext(key): translated(value) if isinstance(value, list) else value
             for key, value in entry.items()} if isinstance(entry, dict) else entry
            for entry in nav]
