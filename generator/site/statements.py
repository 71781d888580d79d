"""The accessibility statement and the privacy notice, generated for the edition being built.

A university has to publish both. They are generated rather than hand-written so that they say
only what is known: what this release's tests checked (the guide's shipped pages, not a
centre's own pages or changes), where the site is hosted and so who keeps the server's log, and
which GDPR details the centre has given and which are still missing
(generator.core.statement_facts). The date of the check is the release's, not the build
time's, so two builds of the same release are byte-identical.
"""

from __future__ import annotations

from importlib import metadata
from typing import TYPE_CHECKING

from generator.core.centre import PROJECT_CONTACT, Centre
from generator.core.languages import N_, gettext
from generator.core.statement_facts import StatementFacts
from generator.rendering import render

if TYPE_CHECKING:
    from generator.core.own_check import OwnCheck

# The day this release's full test suite (axe-core light and dark, keyboard, print, tagged
# PDFs) last passed on the shipped pages. Update it when a release is made.
# As the statement writes it; translated with the rest (a new date is a new message to translate).
LAST_CHECKED = N_("23 November 2026")
STATEMENT_PAGES = ("about/accessibility.md", "about/privacy.md")


def release() -> str:
    """The installed package's version, named in the statement as what was checked."""
    try:
        return metadata.version("infointerview")
    except metadata.PackageNotFoundError:  # run from a checkout that was never installed
        return gettext("this checkout")


def statement_pages(
    centre: Centre | None, facts: StatementFacts | None = None,
    colour_changes: tuple[str, ...] = (), own_check: OwnCheck | None = None,
) -> dict[str, str]:
    """Path in the docs folder -> Markdown, for a centre's edition or (None) the project's;
    `colour_changes` are the shades the build used where a brand colour failed contrast;
    `own_check` is the centre's own check of its pages (`infointerview check-accessibility`)."""
    facts = facts or StatementFacts()
    return {
        "about/accessibility.md": render.render_markdown(
            "page_accessibility.md.j2", centre=centre, facts=facts,
            checked_on=gettext(LAST_CHECKED), release=release(),
            project_contact=gettext(PROJECT_CONTACT), colour_changes=colour_changes,
            own_check=own_check,
        ),
        "about/privacy.md": render.render_markdown(
            "page_privacy.md.j2", centre=centre, facts=facts,
            missing=[gettext(doc) for doc in facts.missing()],
        ),
    }
