"""The one-page checklist (every tip, before / during / after) as a page part and as a document.

The guide's checklist page shows it through the `checklist` insert; the site's PDFs of it are
rendered from the standalone document here with the same WeasyPrint path as the sheets and
records (generator.rendering.pdf), so the page, the browser's print and the PDFs all list the
same tips.
"""

from __future__ import annotations

from generator.core.languages import N_, gettext
from generator.core.model import Bank
from generator.rendering import render
from generator.rendering.documents import SHEET_CSS

TITLE = N_("Checklist: do's and don'ts")
CHECKLIST_CSS = "checklist.css"
# Where the PDFs sit in the site: next to guide/checklist.html, which links to them.
PDF_FOLDER = "guide"
PDF_STEM = "checklist"


def checklist_html(bank: Bank) -> render.Markup:
    return render.render_html("inserts/checklist.html.j2", tips=list(bank.tips.values()))


def checklist_actions(downloads: bool) -> render.Markup:
    """The print button (shown by infointerview.js) and, in a build with PDFs, their links."""
    return render.render_html("inserts/checklist_actions.html.j2", stem=PDF_STEM,
                              downloads=downloads)


def checklist_document(bank: Bank, paper: str = "letter") -> str:
    css = render.Markup(render.stylesheet(SHEET_CSS) + render.stylesheet(CHECKLIST_CSS))
    return str(render.render_html(
        "checklist_document.html.j2", title=gettext(TITLE), css=css, paper=paper,
        checklist=checklist_html(bank),
    ))
