"""The pages a centre wrote itself, and the record of their accessibility check.

Each release's tests check the guide's shipped pages; they never see a centre's own pages.
`infointerview check-accessibility` (generator.edition.accessibility_check) runs axe-core on
those pages and, when it finds no problem, writes RECORD beside mkdocs.yml for the centre to
commit. The build reads it, so the accessibility statement says the centre's pages were
checked, on which day and with which axe-core, and names any page changed or added since: an
old record still says when, and never vouches for a page it did not see. A page is known by a
fingerprint of its Markdown, not by a file time, which a fresh clone (a CI run) sets to the
same for all.
"""

from __future__ import annotations

import datetime
import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

import yaml

from generator.core.errors import ConfigError, Problem
from generator.core.languages import SOURCE_LANGUAGE, active

RECORD = "accessibility-check.yml"
RECORD_HEADER = """\
# Written by `infointerview check-accessibility`: axe-core found no problem on these pages,
# in the light and the dark colour scheme. Commit this file: the accessibility statement
# says what it records, and names any page changed or added since. Do not edit it by hand.
"""


@dataclass(frozen=True)
class OwnCheck:
    """What RECORD says, and which of the centre's pages changed or were added since."""

    checked_on: datetime.date
    axe_core: str
    pages: Mapping[str, str]  # page in the docs folder -> fingerprint when it was checked
    changed: tuple[str, ...] = field(default=())  # own pages not as they were checked

    @property
    def date(self) -> str:
        """The day in the statement's words and language: 7 December 2026, 7 décembre 2026."""
        code = active().code
        if code == SOURCE_LANGUAGE:
            return f"{self.checked_on.day} {self.checked_on:%B %Y}"
        from babel.dates import format_date  # noqa: PLC0415 - only other languages need it

        return format_date(self.checked_on, "d MMMM y", locale=code.replace("-", "_"))


def own_pages(docs: Path) -> dict[str, Path]:
    """Every Markdown page in the centre's docs folder, by its path there, in order."""
    if not docs.is_dir():
        return {}
    found = (p for p in docs.rglob("*.md") if p.is_file()
             and not any(part.startswith(".") for part in p.relative_to(docs).parts))
    return {p.relative_to(docs).as_posix(): p for p in sorted(found)}


def built_page(page: str, directory_urls: bool) -> str:
    """Where MkDocs writes the page `page` of the docs folder, in the built site."""
    path = PurePosixPath(page)
    if path.stem in ("index", "README"):
        return (path.parent / "index.html").as_posix()
    if directory_urls:
        return (path.parent / path.stem / "index.html").as_posix()
    return path.with_suffix(".html").as_posix()


def fingerprint(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:16]


def write_record(folder: Path, axe_core: str, pages: Mapping[str, Path],
                 today: datetime.date) -> Path:
    data = {"checked_on": today.isoformat(), "axe_core": axe_core,
            "pages": {name: fingerprint(path) for name, path in pages.items()}}
    record = folder / RECORD
    record.write_text(RECORD_HEADER + yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    return record


def read_record(folder: Path, docs: Path) -> OwnCheck | None:
    """The check RECORD in `folder` records, compared with the pages in `docs` now; None
    without a record. ConfigError for a record that is not one."""
    record = folder / RECORD
    if not record.is_file():
        return None
    try:
        data: Any = yaml.safe_load(record.read_text(encoding="utf-8"))
        checked_on = datetime.date.fromisoformat(str(data["checked_on"]))
        axe_core, pages = str(data["axe_core"]), data["pages"]
        if not isinstance(pages, dict) or not pages:
            raise ValueError("no pages")
        recorded = {str(name): str(value) for name, value in pages.items()}
    except (yaml.YAMLError, UnicodeDecodeError, KeyError, TypeError, ValueError):
        raise ConfigError([Problem(record, 0, (
            "is not a record written by `infointerview check-accessibility`; delete it, or "
            "run that command again after `mkdocs build`"))]) from None
    now = own_pages(docs)
    changed = tuple(name for name, path in now.items()
                    if recorded.get(name) != fingerprint(path))
    return OwnCheck(checked_on, axe_core, recorded, changed)
