"""Where the shipped guide pages, question bank and theme overrides are, however we are installed.

The repository keeps them at its top level (`content/`, `question_bank/`, `site_overrides/`), next
to the `generator/` package. A wheel cannot hold top-level folders, so the build step in
`setup.py` copies them into `generator/_data/`. An editable install or a checkout has no
`_data/` and reads the repository folders directly. Every part of the generator asks this one
function, so both ways of installing behave the same.
"""

from __future__ import annotations

from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent  # generator/, above core/
SHIPPED = ("content", "question_bank", "site_overrides")


def shipped_path(name: str) -> Path:
    """The folder `name` (one of SHIPPED) as installed: packaged data first, else the checkout."""
    if name not in SHIPPED:
        raise ValueError(f"not a shipped folder: {name!r}; expected one of {SHIPPED}")
    packaged = PACKAGE / "_data" / name
    if packaged.is_dir():
        return packaged
    return PACKAGE.parent / name
