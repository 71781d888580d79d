"""The languages of our own words: gettext catalogues, and the language a build is working in.

Why gettext: it is what Babel, Jinja's i18n extension and every translation tool speak, so a
translator edits a `.po` file in the editor they know, and `pybabel extract` finds every string
(README, "Translating"). English is the source language: its text is the `msgid` itself, so an
English build needs no catalogue and a missing translation shows the English text.

Why a context variable: the words are chosen deep inside rendering (a label in a template, the
agenda line of a sheet, a check of the composer), and a build makes one language at a time. The
build says which with `use_language()`; everything below asks `gettext()`. Module constants
hold `N_("...")` (marked for extraction, translated when used), never a translated string.

Catalogues are read from `.po` files and compiled in memory (Babel), so a `.po` edited in the
repository is what the next build uses: there is no compiled `.mo` to go stale.
"""

from __future__ import annotations

import contextlib
import functools
import gettext as gettext_module
import io
from collections.abc import Iterator
from contextvars import ContextVar
from dataclasses import dataclass, field
from pathlib import Path

from generator.core.errors import ConfigError, Problem

SOURCE_LANGUAGE = "en"
# A language code as the site's folders, page names (`x.fr.md`) and `<html lang>` use it: `fr`,
# `pt-BR`, `zh-Hant`. The one pattern: options, page names and the LMS package all use it.
LANGUAGE_CODE = r"[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*"
# generator/locales/<code>/LC_MESSAGES/messages.po, Babel's usual layout.
LOCALES = Path(__file__).resolve().parent.parent / "locales"
DOMAIN = "messages"


@dataclass(frozen=True)
class Language:
    """One language of the site: its code (BCP 47, `fr`), its own name for the switcher
    (`Français`) and inside a sentence, and its compiled catalogue (gettext's null catalogue
    for the source language)."""

    code: str
    name: str
    # Its name inside a sentence of its own ("traduit en français"), where the menu says
    # "Français".
    in_a_sentence: str
    catalogue: gettext_module.NullTranslations = field(
        default_factory=gettext_module.NullTranslations, compare=False, repr=False)
    path: Path | None = None  # the .po file it was read from
    translated: frozenset[str] = field(default=frozenset(), compare=False, repr=False)

    def gettext(self, message: str) -> str:
        return self.catalogue.gettext(message) if message else message

    def ngettext(self, singular: str, plural: str, count: int) -> str:
        return self.catalogue.ngettext(singular, plural, count)


ENGLISH = Language(SOURCE_LANGUAGE, "English", "English")
_active: ContextVar[Language] = ContextVar("infointerview_language", default=ENGLISH)


def active() -> Language:
    return _active.get()


@contextlib.contextmanager
def use_language(language: Language) -> Iterator[Language]:
    """Make `language` the one every `gettext()` below answers in, for the `with` block."""
    token = _active.set(language)
    try:
        yield language
    finally:
        _active.reset(token)


def gettext(message: str) -> str:
    """`message` (English) in the active language."""
    return _active.get().gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    return _active.get().ngettext(singular, plural, count)


def N_(message: str) -> str:
    """Mark `message` for extraction; it is translated where it is used, with gettext()."""
    return message


_ = gettext


def catalogue_path(code: str, folders: tuple[Path, ...] = ()) -> Path | None:
    """The `.po` file of `code`: a centre's own locales folders first, then the shipped one."""
    for folder in (*folders, LOCALES):
        candidate = folder / code / "LC_MESSAGES" / f"{DOMAIN}.po"
        if candidate.is_file():
            return candidate
    return None


def available_languages(folders: tuple[Path, ...] = ()) -> list[str]:
    """Every language with a catalogue (and English, which needs none)."""
    found = {SOURCE_LANGUAGE}
    for folder in (*folders, LOCALES):
        found.update(p.parent.parent.name for p in folder.glob(f"*/LC_MESSAGES/{DOMAIN}.po"))
    return sorted(found)


def load_language(code: str, folders: tuple[Path, ...] = ()) -> Language:
    """The language `code` with its catalogue; ConfigError when it has none."""
    if code == SOURCE_LANGUAGE:
        return ENGLISH
    path = catalogue_path(code, folders)
    if path is None:
        raise ConfigError([Problem(Path("mkdocs.yml"), 0, (
            f"languages: Expected one of: {available_languages(folders)} but received: {code!r} "
            f"(a language needs a catalogue, <folder>/{code}/LC_MESSAGES/{DOMAIN}.po, in a "
            "folder named by the plugin's `locales:` option)"))])
    return _compiled(path, path.stat().st_mtime_ns)


@functools.cache
def _compiled(path: Path, _mtime: int) -> Language:
    """A `.po` file compiled in memory; the modification time in the key means an edited
    catalogue is read again, never served stale."""
    from babel.messages.mofile import write_mo  # noqa: PLC0415 - only a translated build needs Babel
    from babel.messages.pofile import PoFileError, read_po  # noqa: PLC0415

    try:
        with path.open("rb") as handle:
            catalog = read_po(handle, abort_invalid=True)
    except (PoFileError, OSError, UnicodeDecodeError) as error:
        raise ConfigError([Problem(path, getattr(error, "lineno", 0) or 0,
                                   f"cannot read the catalogue: {error}")]) from None
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    buffer.seek(0)
    code = path.parent.parent.name
    name = _own_name(code, catalog)
    translated = frozenset(str(m.id if isinstance(m.id, str) else m.id[0]) for m in catalog
                           if m.id and m.string and not m.fuzzy
                           and (isinstance(m.string, str) or all(m.string)))
    return Language(code, name, _own_name(code, catalog, capitalised=False),
                    gettext_module.GNUTranslations(buffer), path=path, translated=translated)


def untranslated(language: Language) -> list[Problem]:
    """Each of our words (the shipped template, messages.pot) that `language` has no
    translation for, at the line of the .po file where it would go (its end)."""
    if language.code == SOURCE_LANGUAGE or language.path is None:
        return []
    template = LOCALES / f"{DOMAIN}.pot"
    if not template.is_file():
        return []
    from babel.messages.pofile import read_po  # noqa: PLC0415

    with template.open("rb") as handle:
        wanted = [m.id if isinstance(m.id, str) else m.id[0] for m in read_po(handle) if m.id]
    end = language.path.read_bytes().count(b"\n") + 1
    return [Problem(language.path, end, f"no {language.code!r} translation of msgid {m!r}")
            for m in wanted if m not in language.translated]


def _own_name(code: str, catalog: object, capitalised: bool = True) -> str:
    """The language's name in itself (`Français`), for the switcher: the catalogue's
    `Language-Team`-independent answer from Babel's locale data, else the code."""
    from babel import Locale, UnknownLocaleError  # noqa: PLC0415

    try:
        name = Locale.parse(code.replace("-", "_")).get_display_name(code.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        return code
    name = name or code
    return name[:1].upper() + name[1:] if capitalised else name
