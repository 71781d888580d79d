"""The kinds of value a site's plugin options hold, beside the bank's kinds (value_types).

A centre's options land in every page, sheet, PDF and cartridge, so they get the limits bank
text has and more: a link must be a web address (a `javascript:` link in the footer runs code
when clicked), a logo a picture inside the docs folder (not `../x.svg` or `/etc/passwd`), and
no text may hold a control character (one breaks the cartridge's XML). Each kind checks and
converts one value, as `value_types` do, and raises `Invalid` with a message that quotes it.
They take the plain lists and dicts MkDocs gives as well as the reader's own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Any, ClassVar
from urllib.parse import urlsplit

from generator.core.languages import LANGUAGE_CODE
from generator.core.value_types import LINE_LENGTH, Invalid, Text, ValueType, show
from generator.core.yaml_parse import CONTROL

# The only schemes a configured link may have; `mailto:` only where an address is meant.
WEB_SCHEMES = ("https", "http")
IMAGE_SUFFIXES = (".svg", ".png", ".jpg", ".jpeg", ".webp", ".gif", ".avif")
_SCHEME = re.compile(r"^\s*([A-Za-z][A-Za-z0-9+.-]*):")
# Schemes that run or embed something: refused even inside text that is never made a link.
_ACTIVE_SCHEMES = ("javascript", "vbscript", "data", "file", "blob")
# An address as a mail link can carry it: no spaces, and nothing that starts a query.
EMAIL = re.compile(r"^[^@\s?&#/:<>\"]+@[^@\s?&#/:<>\"]+\.[^@\s?&#/:<>\".]+$")
_HEX_COLOUR = re.compile(r"^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$")


def _text(value: Any, max_length: int) -> str:
    """Text as the bank has it (value_types.Text: one line, spaces folded, not empty, bounded),
    and no control characters: MkDocs' own YAML reader lets them through from an escape such
    as "\\x1b", where the bank's reader refuses them."""
    found = CONTROL.search(value) if isinstance(value, str) else None
    if found:
        raise Invalid(f"control character U+{ord(found.group()):04X} is not allowed; "
                      "remove it or write the text without it")
    return Text(max_length).convert(value)


def web_address(text: str) -> bool:
    """True for an absolute http(s) address with a host and no spaces."""
    scheme = _SCHEME.match(text)
    return bool(scheme and scheme.group(1).lower() in WEB_SCHEMES and " " not in text
                and urlsplit(text).netloc)


@dataclass(frozen=True)
class ConfigText(ValueType):
    max_length: int = LINE_LENGTH

    def describe(self) -> str:
        return f"text, at most {self.max_length} characters"

    def convert(self, value: Any) -> str:
        return _text(value, self.max_length)


@dataclass(frozen=True)
class Link(ValueType):
    """A web address that becomes a link: https: or http: only."""

    def describe(self) -> str:
        return "a web address starting with `https://` (or `http://`)"

    def convert(self, value: Any) -> str:
        text = _text(value, LINE_LENGTH)
        if not web_address(text):
            raise Invalid(f"expected a web address starting with https:// or http:// "
                          f"but received: {show(text)}")
        return text


@dataclass(frozen=True)
class Contact(ValueType):
    """An e-mail address, a web address (both become links) or a line of text (which stays
    text: a room or a telephone number). Anything else shaped like a link is refused."""

    def describe(self) -> str:
        return "an e-mail address, a web address or a line of text"

    def convert(self, value: Any) -> str:
        text = _text(value, LINE_LENGTH)
        scheme = _SCHEME.match(text)
        name = scheme.group(1).lower() if scheme else ""
        looks_like_link = scheme and " " not in text
        if name == "mailto" and not EMAIL.match(text[len("mailto:"):]):
            raise Invalid(f"expected mailto: and an e-mail address but received: {show(text)}")
        if (name in _ACTIVE_SCHEMES or looks_like_link) and name not in ("mailto", *WEB_SCHEMES):
            raise Invalid(f"a link here must start with https://, http:// or mailto: "
                          f"but received: {show(text)}")
        if name in WEB_SCHEMES and not web_address(text):
            raise Invalid(f"expected a web address with a host but received: {show(text)}")
        return text


def contact_link(contact: str) -> str | None:
    """The link a checked contact becomes: mailto: for an e-mail address, the address for a
    web page, none for plain text."""
    scheme = _SCHEME.match(contact)
    if scheme and scheme.group(1).lower() in ("mailto", *WEB_SCHEMES) and " " not in contact:
        return contact
    return f"mailto:{contact}" if EMAIL.match(contact) else None


@dataclass(frozen=True)
class ImagePath(ValueType):
    """A picture's path relative to the docs folder; that it is there is checked where the
    docs folder is known (`site_options.check_logo`)."""

    def describe(self) -> str:
        kinds = ", ".join(IMAGE_SUFFIXES)
        return f"a picture ({kinds}) in the docs folder, such as assets/logo.svg"

    def convert(self, value: Any) -> str:
        text = _text(value, LINE_LENGTH)
        path = PurePosixPath(text)
        if path.is_absolute() or "\\" in text or _SCHEME.match(text) or ".." in path.parts:
            raise Invalid(f"expected a path inside the docs folder, such as assets/logo.svg, "
                          f"but received: {show(text)}")
        if path.suffix.lower() not in IMAGE_SUFFIXES:
            raise Invalid(f"expected a picture ending in one of: {list(IMAGE_SUFFIXES)} "
                          f"but received: {show(text)}")
        return text


@dataclass(frozen=True)
class Colour(ValueType):
    # Unquoted, `colour: #8C1515` is a YAML comment: the key is there with no value.
    empty_hint: ClassVar[str] = ('a colour such as #8C1515 must be written in quotes, for '
                                 'example "#8C1515" (without them YAML reads it as a comment); ')

    def describe(self) -> str:
        return "a colour written as #rrggbb, such as `#7a0019`"

    def convert(self, value: Any) -> str:
        if not isinstance(value, str) or not _HEX_COLOUR.match(value.strip()):
            raise Invalid(f"{show(value)} is not a colour written as #rrggbb, for example #7a0019")
        return value.strip()


@dataclass(frozen=True)
class Number(ValueType):
    """A whole number in a range (true and false are not numbers here)."""

    minimum: int = 0
    maximum: int = 0

    def describe(self) -> str:
        return f"a whole number from {self.minimum} to {self.maximum}"

    def convert(self, value: Any) -> int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise Invalid(f"expected a whole number but received: {show(value)}")
        if not self.minimum <= value <= self.maximum:
            raise Invalid(f"{value} is not between {self.minimum} and {self.maximum}")
        return value


@dataclass(frozen=True)
class Folders(ValueType):
    def describe(self) -> str:
        return "a list of folders, relative to mkdocs.yml"

    def convert(self, value: Any) -> tuple[str, ...]:
        if not isinstance(value, list):
            raise Invalid(f"expected a list but received: {show(value)}")
        return tuple(_text(item, LINE_LENGTH) for item in value)


_LANGUAGE_CODE = re.compile(LANGUAGE_CODE)


@dataclass(frozen=True)
class LanguageCodes(ValueType):
    """The site's languages, the first at the site's root and each other one in its own folder
    (`fr/`): codes such as `en`, `fr`, `pt-BR`, each once."""

    def describe(self) -> str:
        return "a list of language codes such as [en, fr]; the first is the site's root"

    def convert(self, value: Any) -> tuple[str, ...]:
        if not isinstance(value, list):
            raise Invalid(f"expected a list of language codes such as [en, fr] but received: "
                          f"{show(value)}")
        if not value:
            raise Invalid("must name at least one language, such as [en]; leave the line out "
                          "for English only")
        codes: list[str] = []
        for item in value:
            if not isinstance(item, str) or not _LANGUAGE_CODE.fullmatch(item):
                raise Invalid(f"expected a language code such as 'fr' or 'pt-BR' but received: "
                              f"{show(item)}")
            if item in codes:
                raise Invalid(f"{item!r} is listed twice")
            codes.append(item)
        return tuple(codes)


@dataclass(frozen=True)
class Section(ValueType):
    """A mapping of options declared by a model class (the centre's details); the checker
    (`site_options`) goes into it, so a problem inside gets the line of its own key."""

    model: type | None = None

    def describe(self) -> str:
        return "a mapping of the options below"

    def convert(self, value: Any) -> Any:  # pragma: no cover - site_options reads it
        raise NotImplementedError
