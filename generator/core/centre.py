"""Who publishes this edition of the guide: the centre's details, shared by every output.

A career centre names itself once, in the plugin's `centre:` options; the site header, the
footer, the statements, the sheets, the PDFs and the meeting records all read it from here.
Without a centre the edition is the project's own. Each detail is declared once, below, with
its kind of value (option_types): the build and the command line check them through
`site_options`, so both accept and refuse the same values. The details reach the templates as
a Jinja global, so no template call has to pass them along.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from pathlib import Path

from generator.core.languages import N_
from generator.core.option_types import (
    Colour,
    ConfigText,
    Contact,
    ImagePath,
    Link,
    contact_link,
)
from generator.core.value_types import TITLE_LENGTH, ValueType, declare

# The project's own edition: where readers report a problem when no centre is named.
PROJECT_NAME = N_("the infointerview project")
PROJECT_CONTACT = N_("the issue tracker of the infointerview project's repository")


def _optional(value_type: ValueType, doc: str) -> str | None:
    return declare(value_type, doc, required=False)


@dataclass(frozen=True)
class Centre:
    """A centre's details as given under `centre:` in mkdocs.yml; all but the name optional.
    A new detail is one more line here (and its use in the templates)."""

    name: str = declare(ConfigText(TITLE_LENGTH), "Shown in the header, the footer and on "
                        "every sheet.")
    url: str | None = _optional(Link(), "The centre's home page.")
    contact: str | None = _optional(Contact(), "An e-mail address or a web page for questions.")
    booking_url: str | None = _optional(Link(), "Where students book a meeting with an adviser.")
    logo: str | None = _optional(ImagePath(), "A picture in the docs folder for the header.")
    colour: str | None = _optional(Colour(), "The brand colour; shaded where it fails WCAG AA.")
    accent: str | None = _optional(Colour(), "A second colour for links and buttons; "
                                   "shaded where it fails WCAG AA.")

    @property
    def contact_href(self) -> str | None:
        """A link for the contact: mailto: for an e-mail address, the address for a web page."""
        return contact_link(self.contact) if self.contact else None

    def as_dict(self) -> dict[str, str | None]:
        return {**asdict(self), "contact_href": self.contact_href}


def bank_folders(root: Path, overlays: list[str]) -> list[Path]:
    """The shipped bank, then a site's overlays (relative to `root`) in order; a folder listed
    twice (this project's own question_bank is both) is read once."""
    from generator.core.resources import shipped_path  # noqa: PLC0415 - only sites need it

    folders: list[Path] = []
    for folder in [shipped_path("question_bank"), *(root / overlay for overlay in overlays)]:
        if folder.resolve() not in [f.resolve() for f in folders]:
            folders.append(folder)
    return folders
