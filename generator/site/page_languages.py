"""Which file is a page in each language, and the links between a page's languages.

A page is written in English as `guide/asking.md`; its French is `guide/asking.fr.md` beside it
(the "suffix" layout of mkdocs-static-i18n, which keeps the English tree as it is and each
translation next to what it translates). Every language's build serves the page under the
English file's name, so links between pages (`glossary.md#referral`) and the anchors of headings
(kept with `{#referral}`) are the same in every language and the language switcher lands on the
same section.

The first language of the site is at its root; each other one in a folder of its own (`fr/`).
Links between them are relative, so they work from file://, under any sub-path and in an LMS.
Free of MkDocs: `infointerview pages --language fr` uses the same rules for another builder.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from generator.core.languages import LANGUAGE_CODE, gettext

_SUFFIXED = re.compile(rf"^(?P<base>.+)\.(?P<code>{LANGUAGE_CODE})\.md$")


def translation_of(uri: str, codes: Iterable[str]) -> tuple[str, str] | None:
    """(the English page's uri, the language) when `uri` is a translation (`x.fr.md`)."""
    match = _SUFFIXED.match(uri)
    if match and match["code"] in set(codes):
        return f"{match['base']}.md", match["code"]
    return None


def translated_file(folders: Sequence[Path], uri: str, code: str) -> Path | None:
    """The file holding page `uri` in language `code`, from the first folder that has one."""
    name = f"{uri[:-3]}.{code}.md"
    for folder in folders:
        candidate = folder / name
        if candidate.is_file() and candidate.resolve().is_relative_to(folder.resolve()):
            return candidate
    return None


def untranslated_note(language_name: str) -> str:
    """The note on a page shown in English in another language's site."""
    return gettext("This page is not yet translated into %(language)s: it is shown in English.") % {
        "language": language_name}


@dataclass(frozen=True)
class LanguageLink:
    code: str
    name: str
    href: str  # relative to the page it is on
    current: bool


def language_links(page_url: str, current: str, languages: Sequence[tuple[str, str]]
                   ) -> list[LanguageLink]:
    """Links from a page (its url inside its language's site, `guide/asking.html`) to the same
    page in each language (code, own name); the first language is at the root."""
    depth = page_url.count("/")
    root = "../" * depth + ("../" if current != languages[0][0] else "")
    links = []
    for code, name in languages:
        folder = "" if code == languages[0][0] else f"{code}/"
        links.append(LanguageLink(code, name, f"{root}{folder}{page_url}" or "./",
                                  code == current))
    return links
