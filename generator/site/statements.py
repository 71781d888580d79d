"""The accessibility statement and the privacy notice, generated for the edition being built.

A university has to publish both. They are generated rather than hand-written so that they say
what the project's tests actually check and name the centre that publishes the edition. The
date of the last check is part of the release, not the build time, so two builds of the same
release are byte-identical.
"""

from __future__ import annotations

from generator.core.centre import PROJECT_CONTACT, Centre
from generator.rendering import render

# The day the release's full test suite (axe-core light and dark, keyboard, print, tagged PDFs)
# last passed. Update it when a release is made.
LAST_CHECKED = "23 November 2026"
STATEMENT_PAGES = ("about/accessibility.md", "about/privacy.md")


def statement_pages(centre: Centre | None) -> dict[str, str]:
    """Path in the docs folder -> Markdown, for a centre's edition or (None) the project's."""
    return {
        "about/accessibility.md": render.render_markdown(
            "page_accessibility.md.j2", centre=centre, checked_on=LAST_CHECKED,
            project_contact=PROJECT_CONTACT,
        ),
        "about/privacy.md": render.render_markdown("page_privacy.md.j2", centre=centre),
    }
