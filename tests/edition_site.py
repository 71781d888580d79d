"""A career centre's site made with `infointerview new-site`, filled in as a centre would."""

from __future__ import annotations

from pathlib import Path

CENTRE = {
    "name": "Northfield University Career Centre",
    "url": "https://careers.northfield.example",
    "contact": "careers@northfield.example",
    "booking_url": "https://careers.northfield.example/book",
    "logo": "assets/logo.svg",
}
# A yellow that fails WCAG AA under white text and as a link on white.
FAILING_COLOUR = "#ffcc00"
NEW_INDUSTRY_QUESTION = "Which crops keep you busiest in the harvest months?"
OWN_PAGE_TITLE = "Drop-in hours at Northfield"


def fill_in(site: Path, colour: str = FAILING_COLOUR, pdf: bool = True) -> None:
    """Set the centre's details, add an overlay question for a new industry and a page."""
    config = site / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    start = text.index("      centre:\n")
    end = text.index("      banks:")
    centre = "".join(f"        {key}: {value!r}\n" for key, value in CENTRE.items())
    centre += f"        colour: {colour!r}\n"
    text = text[:start] + "      centre:\n" + centre + text[end:]
    text = text.replace("pdf: true", f"pdf: {str(pdf).lower()}")
    config.write_text(text, encoding="utf-8")
    (site / "question_bank" / "farming.yml").write_text(
        "industries:\n"
        "  - id: agriculture\n"
        "    title: Agriculture\n"
        "    description: Farms and food producers.\n"
        "questions:\n"
        "  - id: farm-harvest\n"
        f"    text: {NEW_INDUSTRY_QUESTION}\n"
        "    category: industry\n"
        "    kind: trends\n"
        "    industries: [agriculture]\n"
        "    priority: core\n"
        "    why: It shows how the year shapes the work.\n"
        # An industry needs three core questions in two categories (`infointerview check`).
        "  - {id: farm-start, text: How do people start work on a farm?, category: breaking-in,"
        " kind: ways-in, industries: [agriculture], priority: core, why: It shows a way in.}\n"
        "  - {id: farm-skills, text: Which skills matter most on a farm?, category: skills,"
        " kind: key-skills, industries: [agriculture], priority: core, why: It shows what to learn.}\n",
        encoding="utf-8",
    )
    (site / "docs" / "drop-in.md").write_text(
        f"# {OWN_PAGE_TITLE}\n\nCome to room 12 on Tuesdays from 2 to 4 pm.\n", encoding="utf-8")
