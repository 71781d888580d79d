"""The Markdown extensions the shipped pages need, added by the plugin when a site lacks them.

A centre's mkdocs.yml is written once, by `new-site`, and then belongs to the centre: an
upgrade of the package never touches it. If the guide's pages start to need another extension,
listing it only in the starter would not reach sites made earlier, and without it a page shows
raw `!!! note` while `--strict` still passes. So the list lives here and the plugin adds what
is missing; a centre's own settings for an extension it already lists are kept as they are.
This project's mkdocs.yml lists the same extensions for builders that run no plugins (tested).
"""

from __future__ import annotations

from typing import Any

from generator.core.languages import N_, gettext

# name -> the settings used when the site does not list the extension at all.
NEEDED: dict[str, dict[str, Any]] = {
    "abbr": {},
    "admonition": {},            # the guide's `!!! note` boxes
    "attr_list": {},
    "tables": {},
    "toc": {"permalink": True, "permalink_title": N_("Link to this section")},
    "pymdownx.details": {},
    "pymdownx.escapeall": {},
    "pymdownx.superfences": {},
}


def add_missing(extensions: list[Any], configs: dict[str, Any]) -> list[str]:
    """Append every needed extension `extensions` lacks (MkDocs' `markdown_extensions` list and
    its `mdx_configs`); returns the names added. MkDocs always has `toc` itself, so `toc`
    gets the guide's settings only when the site gave it none."""
    added = []
    for name, settings in NEEDED.items():
        if name not in extensions:
            extensions.append(name)
            added.append(name)
        if settings and name not in configs:
            configs[name] = {key: gettext(value) if key == "permalink_title" else value
                             for key, value in settings.items()}
    return added
