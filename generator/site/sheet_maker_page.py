"""The sheet maker page (`sheets/make.md`) and the data files it and the bank page load.

The page holds the form, the ready-made sheets for readers without JavaScript, and one sheet
rendered by the printed sheet's own template in its "maker" mode, whose marked slots the
page's script fills from the tables of `generator.site.sheet_maker`. Which questions suit a
meeting (`bank-suits.js`) is not among the page's scripts: the question finder loads it when
first used, from the address the form gives it, relative to the page.
"""

from __future__ import annotations

import posixpath

from generator.core.languages import N_, gettext
from generator.core.model import Bank
from generator.core.sheet import DEFAULT_FORMAT, DEFAULT_MINUTES, DEFAULT_ROLE
from generator.rendering import render
from generator.rendering.documents import default_sheet
from generator.site.follow_ups import follow_up_data
from generator.site.script_text import MAKER_TEXT_PATH
from generator.site.sheet_maker import DATA_PATH, MINUTE_STEPS, SUITS_PATH, data_assets

PAGE_PATH = "sheets/make.md"
# The details of the person the student will meet: (name, label, input type). The same names
# are the fields of a kept meeting (meetings.js); name, organisation, date and connection are
# printed on the sheet, the research notes are not.
FIELDS = (
    ("name", N_("Their name"), "text"),
    ("title", N_("Their job title"), "text"),
    ("organisation", N_("Organisation"), "text"),
    ("date", N_("Date and time of the meeting"), "datetime-local"),
    ("connection", N_("How you are connected, or who referred you"), "text"),
)


def maker_pages(bank: Bank, downloads: bool) -> dict[str, str]:
    """The page and its data, keyed by path in the docs folder."""
    choices = [
        ("goal", gettext("Goal"), [(g.id, g.title) for g in bank.goals.values()]),
        ("role", gettext("Who you will meet (Role)"),
         [(r.id, r.title) for r in bank.roles.values()]),
        ("format", gettext("Format"), [(f.id, f.title) for f in bank.formats.values()]),
        ("industry", gettext("Industry"),
         [("", gettext("No particular industry")),
          *((i.id, i.title) for i in bank.industries.values())]),
        ("minutes", gettext("Minutes"),
         [(str(m), gettext("%(minutes)s minutes") % {"minutes": m}) for m in MINUTE_STEPS]),
    ]
    sheet = default_sheet(bank, next(iter(bank.goals)))
    page = render.render_markdown(
        "page_sheet_maker.md.j2",
        fallback=render.render_html(
            "sheet_maker_fallback.html.j2", goals=list(bank.goals.values()),
            role=bank.roles[DEFAULT_ROLE], minutes=DEFAULT_MINUTES, downloads=downloads,
        ),
        form=render.render_html(
            "sheet_maker_form.html.j2", choices=choices,
            fields=[(name, gettext(label), kind) for name, label, kind in FIELDS],
            follow_ups=follow_up_data(),
            suits_url=posixpath.relpath(SUITS_PATH, posixpath.dirname(PAGE_PATH)),
            defaults={"role": DEFAULT_ROLE, "format": DEFAULT_FORMAT,
                      "minutes": str(DEFAULT_MINUTES)},
        ),
        sheet=render.render_html(
            "sheet_body.html.j2", sheet=sheet, heading=2, site=False, downloads=False,
            maker=True,
        ),
        data_path=DATA_PATH,
        maker_text_path=MAKER_TEXT_PATH,
    )
    return {PAGE_PATH: page, **data_assets(bank)}
