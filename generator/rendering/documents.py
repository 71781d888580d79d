"""Rendering one sheet or record as a whole document (Markdown, standalone HTML) or as the HTML
fragment a site page embeds. Used by the CLI, the PDFs and the site's page map alike, so every
output of a sheet comes from the same templates.
"""

from __future__ import annotations

import html
import json

from generator.core.languages import N_, gettext
from generator.core.model import Bank
from generator.core.sheet import DEFAULT_MINUTES, DEFAULT_ROLE, Sheet, SheetRequest
from generator.core.tailor import build_sheet
from generator.rendering import print_pages, render

SHEET_CSS = "sheet.css"
SHEET_CSS_PATH = f"assets/stylesheets/{SHEET_CSS}"
# Kind -> title, translated where it is shown.
RECORDS = {"contact-log": N_("Contact log"),
           "debrief": N_("Debrief after an informational interview")}
RECORD_ENTRIES = 3  # contact-log entries on one printed page


def default_sheet(bank: Bank, goal: str, minutes: int = DEFAULT_MINUTES) -> Sheet:
    """The ready-made sheet of a goal that the site offers without JavaScript."""
    return build_sheet(bank, SheetRequest(goal=goal, role=DEFAULT_ROLE, minutes=minutes))


def sheet_fragment(sheet: Sheet, downloads: bool) -> render.Markup:
    return render.render_html(
        "sheet_body.html.j2", sheet=sheet, heading=1, site=True, downloads=downloads
    )


def sheet_markdown(sheet: Sheet) -> str:
    return render.render_markdown("sheet.md.j2", sheet=sheet)


def sheet_document(sheet: Sheet, paper: str = "letter") -> str:
    css = render.Markup(render.stylesheet(SHEET_CSS))
    return str(render.render_html("sheet_document.html.j2", sheet=sheet, css=css, paper=paper,
                                  page_height=print_pages.PAPERS[paper][1],
                                  pages=sheet_pages(sheet, paper)))


def sheet_pages(sheet: Sheet, paper: str) -> tuple[print_pages.Page, ...]:
    """Where a long meeting's printed sheet turns the page, or () for a sheet of one flow: a
    short meeting's (page 1 holds the meeting) or one that fits a page."""
    if sheet.plan.minutes <= render.FIRST_PAGE_MINUTES:
        return ()
    centre = render.html_environment().globals.get("centre") is not None
    pages = print_pages.page_plan(sheet, paper, centre=centre)
    return pages if len(pages) > 1 else ()


def record_fragment(
    kind: str, downloads: bool, formats: dict[str, str] | None = None
) -> render.Markup:
    """A record page's body. `formats` (format id -> title) lets records.js name a kept
    meeting's format in the filled contact log without loading the sheet maker's data."""
    return render.render_html(
        "records_body.html.j2", kind=kind, heading=1, site=True, entries=RECORD_ENTRIES,
        downloads=downloads, formats=formats or {},
    )


def record_document(kind: str, paper: str = "letter") -> str:
    css = render.Markup(render.stylesheet(SHEET_CSS))
    return str(render.render_html(
        "record_document.html.j2", kind=kind, title=gettext(RECORDS[kind]), css=css, paper=paper,
        entries=RECORD_ENTRIES,
    ))


def front_matter_title(text: str) -> render.Markup:
    """A page title as a YAML double-quoted scalar for the page's front matter.

    MkDocs themes print a page's title into the navigation and the window title without
    escaping it (their Jinja has no autoescape), so the title is written HTML-escaped: it is
    markup there, and shows as the text itself.

    `ensure_ascii=False` keeps every character as itself: with escapes, a character outside
    the Basic Multilingual Plane becomes a surrogate pair (`\\ud83c\\udf93`) that YAML rejects,
    and MkDocs then silently reads the whole front matter as Markdown body text."""
    quoted = json.dumps(html.escape(text), ensure_ascii=False)
    # YAML reads these three as line breaks, JSON does not escape them.
    for character in "\x85\u2028\u2029":
        quoted = quoted.replace(character, f"\\u{ord(character):04x}")
    return render.Markup(quoted)
