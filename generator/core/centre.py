"""Who publishes this edition of the guide: the centre's details, shared by every output.

A career centre names itself once, in the plugin's `centre:` options; the site header, the
footer, the statements, the sheets, the PDFs and the meeting records all read it from here.
Without a centre the edition is the project's own. The command line reads the same
`centre:` from a mkdocs.yml in the folder it runs in, so a centre's handouts carry its name
too. The details reach the templates as a Jinja global, so no template call has to pass them
along, and a template that does not use them is unchanged.
"""

from __future__ import annotations

import functools
from dataclasses import asdict, dataclass
from pathlib import Path

import yaml

# The project's own edition: where readers report a problem when no centre is named.
PROJECT_NAME = "the infointerview project"
PROJECT_CONTACT = "the issue tracker of the infointerview project's repository"


@dataclass(frozen=True)
class Centre:
    """A centre's details as given in mkdocs.yml; every field but the name is optional."""

    name: str
    url: str | None = None
    contact: str | None = None
    booking_url: str | None = None
    logo: str | None = None
    colour: str | None = None
    accent: str | None = None

    @property
    def contact_href(self) -> str | None:
        """A link for the contact: mailto: for an e-mail address, the address for a web page."""
        if not self.contact:
            return None
        if self.contact.startswith(("http://", "https://", "mailto:", "tel:")):
            return self.contact
        if "@" in self.contact and " " not in self.contact.strip():
            return f"mailto:{self.contact.strip()}"
        return None

    def as_dict(self) -> dict[str, str | None]:
        return {**asdict(self), "contact_href": self.contact_href}



class _AnyTagLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """Reads mkdocs.yml without MkDocs (with libyaml when it is there): tags such as !ENV
    become plain values."""


_AnyTagLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def bank_folders(root: Path, overlays: list[str]) -> list[Path]:
    """The shipped bank, then a site's overlays (relative to `root`) in order; a folder listed
    twice (this project's own question_bank is both) is read once."""
    from generator.core.resources import shipped_path  # noqa: PLC0415 - only sites need it

    folders: list[Path] = []
    for folder in [shipped_path("question_bank"), *(root / overlay for overlay in overlays)]:
        if folder.resolve() not in [f.resolve() for f in folders]:
            folders.append(folder)
    return folders


@functools.cache  # a command reads the centre and the banks from the same file
def _plugin_options(config_file: Path) -> dict | None:
    try:
        config = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_AnyTagLoader)
    except (OSError, yaml.YAMLError):
        return None
    plugins = config.get("plugins") if isinstance(config, dict) else None
    for entry in plugins if isinstance(plugins, list) else []:
        if isinstance(entry, dict) and "infointerview" in entry:
            return entry["infointerview"] if isinstance(entry["infointerview"], dict) else {}
        if entry == "infointerview":
            return {}
    return None


def site_banks(config_file: Path) -> list[Path] | None:
    """In a site's folder, the banks its build reads (shipped bank and overlays), so that
    `infointerview check` there checks what the site will use; None outside a site."""
    options = _plugin_options(config_file)
    if options is None:
        return None
    overlays = options.get("banks") or []
    if not isinstance(overlays, list):
        return None
    return bank_folders(config_file.parent, [str(overlay) for overlay in overlays])


def centre_from_config(config_file: Path) -> Centre | None:
    """The centre named under the infointerview plugin in a mkdocs.yml, for the command line's
    sheets and records; None when there is no such file or no centre. The file is checked
    properly when MkDocs builds the site, so here anything unusual simply means no centre."""
    centre = (_plugin_options(config_file) or {}).get("centre")
    if isinstance(centre, dict) and isinstance(centre.get("name"), str):
        known = {key: str(value) for key, value in centre.items()
                 if key in Centre.__dataclass_fields__ and value is not None}
        return Centre(**known)
    return None
