"""The facts a centre states for its privacy notice and accessibility statement, and the
settings that would make those statements untrue.

The statements are generated, so they can only be as true as what they are told. A centre says
where the site is hosted (which decides who keeps the server's log) and gives the details a
GDPR notice needs; whatever it leaves out, the notice says is missing rather than inventing it.
The notice also promises no analytics and no requests to other websites, so a configuration
that switches either on stops the build instead of publishing a false promise.

The options are declared once, here, free of MkDocs (plugin options `statements:`), and
checked with the other options by site_options, so the command line and the build agree.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from generator.core.languages import N_
from generator.core.option_types import ConfigText
from generator.core.value_types import Choice, ValueType, declare, field_specs

# hosting value -> the company whose servers send the pages and keep their log, and its privacy
# statement (None: the centre's own server, or its learning platform).
HOSTS: dict[str, tuple[str, str] | None] = {
    "github-pages": ("GitHub", "https://docs.github.com/en/site-policy/privacy-policies/"
                     "github-general-privacy-statement"),
    "gitlab-pages": ("GitLab", "https://about.gitlab.com/privacy/"),
    "own-server": None,
    "lms": None,
}


def _fact(doc: str, value_type: ValueType | None = None) -> str | None:
    return declare(value_type or ConfigText(), doc, required=False)


@dataclass(frozen=True)
class StatementFacts:
    """`statements:` under the infointerview plugin; every field is optional. Each is declared
    once here, with what it means in the notice's words; site_options checks them."""

    hosting: str | None = _fact(N_("where the site is hosted"), Choice(tuple(HOSTS)))
    controller: str | None = _fact(N_("who is responsible for your data (the data controller)"))
    address: str | None = _fact(N_("the data controller's postal address"))
    data_protection_contact: str | None = _fact(N_("how to reach the data protection officer"))
    legal_basis: str | None = _fact(N_("the legal basis for the server's log"))
    retention: str | None = _fact(N_("how long the server's log is kept"))
    supervisory_authority: str | None = _fact(
        N_("the data protection authority you can complain to"))
    enforcement_body: str | None = _fact(N_("the body that enforces the accessibility rules"))
    own_pages_checked: str | None = _fact(N_("when and how the centre checked its own pages"))

    @property
    def host(self) -> tuple[str, str] | None:
        """(company, its privacy statement) when a hosting company keeps the log."""
        return HOSTS.get(self.hosting or "")

    def missing(self) -> list[str]:
        """The GDPR details not given, in words for the notice (English: translate each with
        gettext where the notice is written)."""
        return [spec.doc for name, spec in field_specs(StatementFacts).items()
                if name in GDPR and getattr(self, name) is None]


# option -> what it is, in the notice's words (the declared docs).
MEANING = {name: spec.doc for name, spec in field_specs(StatementFacts).items()}
GDPR = ("controller", "address", "data_protection_contact", "legal_basis", "retention",
        "supervisory_authority")


def outside_requests(config: Mapping[str, Any]) -> list[str]:
    """Settings of a site's mkdocs.yml (as a plain mapping) that make pages contact other
    websites, which the privacy notice promises they never do; one message for each."""
    found = []
    extra = config.get("extra") or {}
    if hasattr(extra, "get") and extra.get("analytics"):
        found.append("extra.analytics is set: every visit would be reported to an analytics "
                     "service. Remove extra.analytics")
    theme = config.get("theme") or {}
    font = theme.get("font") if hasattr(theme, "get") else None
    if font is not False:
        found.append("theme.font is not false: pages would load fonts from Google Fonts. "
                     "Write `font: false` under theme")
    for key in ("extra_javascript", "extra_css"):
        for entry in config.get(key) or []:
            url = str(getattr(entry, "path", entry))
            if url.startswith(("http://", "https://", "//")):
                found.append(f"{key} lists {url}: pages would load it from another website. "
                             "Save the file in the docs folder and list its path instead")
    repo = config.get("repo_url")
    if repo and any(host in str(repo) for host in ("github.com", "gitlab.com")):
        found.append("repo_url is set: the theme asks the repository's website for its stars "
                     "and forks on every page. Put the link in a page instead")
    return found
