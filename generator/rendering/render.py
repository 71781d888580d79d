"""Jinja rendering of sheets and pages, with escaping that fits where the text lands.

Two environments share one template folder. HTML templates autoescape as usual. Markdown
templates escape every `{{ value }}` for Markdown by default (through `finalize`), so text from
a bank can never become a link, a heading, raw HTML or emphasis; a value that is already
Markdown or HTML must be wrapped in `Markup` to pass through.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import jinja2
from markupsafe import Markup

from generator.core.languages import active, gettext, ngettext
from generator.rendering.compiled_templates import CompiledLoader

if TYPE_CHECKING:
    from generator.core.centre import Centre

TEMPLATES = Path(__file__).parent / "templates"
# A printed sheet for a meeting up to this long keeps the whole meeting (opening, questions and
# closing) on page 1, with the page's free space as room to write; the rest goes on the back.
FIRST_PAGE_MINUTES = 30
# Page 1 of such a sheet has room for this many questions, prepared and the student's own
# together (of up to two lines each), with 12 mm under each, beside a three-line introduction
# and the closing, on Letter and A4 (sheet.css; measured by the print tests). The sheet maker
# says so when a student adds more, instead of letting the closing move to page 2.
FIRST_PAGE_QUESTIONS = 9
# Characters that start Markdown syntax anywhere in a line (`{` starts attr_list attributes,
# `~` `^` `=` pymdownx's inline marks). Escaping only what can start syntax keeps the Markdown
# sheet readable as plain text in a terminal.
_MD_INLINE = re.compile(r"([\\`*_{}\[\]|~^=])")
# `&` only where it would start an entity (`&amp;`, `&#60;`), `<` only where it could open a
# tag, comment or autolink: "R&D" and "a < b" stay as they are.
_MD_ENTITY = re.compile(r"&(?=#?[0-9A-Za-z]+;)")
_MD_TAG = re.compile(r"<(?=[A-Za-z/!?])")
# What starts a block only at the start of a line: heading, list, quote, rule, table, and the
# admonitions and collapsible blocks of `admonition` and `pymdownx.details` (`!!!`, `???`).
_MD_LINE_START = re.compile(r"^([#+\-!>])")
_MD_LIST_NUMBER = re.compile(r"^(\d+)([.)])")


def md_escape(value: Any) -> str:
    """Make text safe to place in Markdown as literal text, on one line."""
    if isinstance(value, Markup):
        return str(value)
    text = " ".join(str(value).split())
    text = _MD_INLINE.sub(r"\\\1", text)
    text = _MD_ENTITY.sub("&amp;", text)
    text = _MD_TAG.sub("&lt;", text)
    text = _MD_LIST_NUMBER.sub(r"\1\\\2", text)
    if text.startswith("?"):  # Markdown has no escape for "?": an entity reads the same
        text = "&#63;" + text[1:]
    return _MD_LINE_START.sub(r"\\\1", text)


def md_code_block(value: str) -> Markup:
    """A fenced text block whose fence no line of `value` can close early."""
    longest = max((len(run) for run in re.findall(r"`+", value)), default=0)
    fence = "`" * max(3, longest + 1)
    return Markup(f"{fence}text\n{value}\n{fence}")


def _finalize_markdown(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, (int, Markup)):
        return value
    return md_escape(value)


def join_words(items: Sequence[str]) -> str:
    """'a', 'a and b', 'a, b and c': the agenda line reads as a sentence, in each language."""
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return gettext("%(items)s and %(last)s") % {"items": ", ".join(items[:-1]),
                                                 "last": items[-1]}


class MarkdownText(Markup):
    """Our own words (a catalogue's translation) placed in a Markdown template: trusted as
    Markdown, like a hand-written page, while every value put into them with `%` is escaped for
    Markdown (a centre's name, a bank's text), as `{{ value }}` is."""

    @classmethod
    def escape(cls, s: Any) -> MarkdownText:
        if hasattr(s, "__html__"):
            return cls(s.__html__())
        return cls(md_escape(s))


def _markdown_gettext(message: str) -> MarkdownText:
    return MarkdownText(gettext(message))


def _markdown_ngettext(singular: str, plural: str, count: int) -> MarkdownText:
    return MarkdownText(ngettext(singular, plural, count))


def lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def _environment(kind: str, **options: Any) -> jinja2.Environment:
    """Both environments: strict about undefined names, tidy about whitespace; each template's
    code shipped compiled where it is current (compiled_templates.py)."""
    env = jinja2.Environment(
        loader=CompiledLoader(TEMPLATES, kind),
        extensions=["jinja2.ext.i18n"],
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        **options,
    )
    env.filters["join_words"] = join_words
    env.filters["lower_first"] = lower_first
    env.filters["md_code_block"] = md_code_block
    env.globals["first_page_minutes"] = FIRST_PAGE_MINUTES
    env.globals["first_page_questions"] = FIRST_PAGE_QUESTIONS
    env.globals["language"] = active  # `<html lang="{{ language().code }}">`
    return env


@functools.cache
def markdown_environment() -> jinja2.Environment:
    env = _environment("markdown", autoescape=False, finalize=_finalize_markdown)
    # Old-style callables: `{% trans %}` then formats with `%` on MarkdownText, which escapes.
    env.install_gettext_callables(  # type: ignore[attr-defined]
        _markdown_gettext, _markdown_ngettext, newstyle=False)
    return env


@functools.cache
def html_environment() -> jinja2.Environment:
    env = _environment("html", autoescape=True)
    # `| tojson` in an attribute: letters as they are (UTF-8), not \u00e9: a French page's data
    # is a third smaller. Jinja still escapes < > & ' there, which is what keeps it safe.
    env.policies["json.dumps_kwargs"] = {"sort_keys": True, "ensure_ascii": False}
    # New-style: the translation is Markup and every variable in it is escaped for HTML.
    env.install_gettext_callables(gettext, ngettext, newstyle=True)  # type: ignore[attr-defined]
    return env


def environments() -> dict[str, jinja2.Environment]:
    """Both environments, by the name compiled_templates.py gives each."""
    return {"markdown": markdown_environment(), "html": html_environment()}


def render_markdown(template_name: str, /, **context: Any) -> str:
    return markdown_environment().get_template(template_name).render(**context)


def render_html(template_name: str, /, **context: Any) -> Markup:
    return Markup(html_template(template_name).render(**context))


def html_template(template_name: str) -> jinja2.Template:
    """A template to render many times: asking the environment for it each time would check
    its file on disk each time (Jinja's auto_reload)."""
    return html_environment().get_template(template_name)


def stylesheet(name: str) -> str:
    return (TEMPLATES / name).read_text(encoding="utf-8")


_CSS_COMMENT = re.compile(r"/\*.*?\*/", re.S)


def compact_css(css: str) -> str:
    """A stylesheet as a site serves it: without comments, indentation or blank lines. Ours
    hold back every page's first paint, and their comments (the "why", kept in the source)
    were about half their bytes. Our stylesheets hold no strings with comment marks."""
    lines = (line.strip() for line in _CSS_COMMENT.sub("", css).splitlines())
    return "\n".join(line for line in lines if line) + "\n"


def compact_js(source: str) -> str:
    """One of our scripts as a site serves it: without its comment lines, indentation or blank
    lines (a third of their bytes; the sources keep the "why"). Only what cannot be code is
    left out: lines that hold nothing but a `//` comment, and `/* ... */` comments that start
    and end their lines (our scripts are ES2017 without template literals, so no string spans a
    line). A comment after code stays. Anything else unexpected: the source, unchanged."""
    kept: list[str] = []
    in_comment = False
    for raw in source.splitlines():
        line = raw.strip()
        if in_comment:
            if "*/" in line:
                if not line.endswith("*/") or line.count("*/") > 1:
                    return source
                in_comment = False
            continue
        if not line or line.startswith("//"):
            continue
        if line.startswith("/*"):
            if "*/" not in line[2:]:
                in_comment = True
            elif not line.endswith("*/") or line.count("*/") > 1:
                return source
            continue
        if "/*" in line or "*/" in line:  # a comment that starts after code: not ours to judge
            return source
        kept.append(line)
    return source if in_comment else "\n".join(kept) + "\n"


__all__ = ["Markup", "md_escape", "render_html", "render_markdown"]


# A logo is written into each sheet as a data: address, so the same HTML works as a site page,
# a standalone file and a PDF without a folder to resolve it from. Larger files are left out:
# a crest for a one-line band needs no more, and each sheet would carry the whole file.
LOGO_TYPES = {".svg": "image/svg+xml", ".png": "image/png", ".jpg": "image/jpeg",
              ".jpeg": "image/jpeg", ".gif": "image/gif", ".webp": "image/webp"}
MAX_LOGO_BYTES = 256 * 1024


def use_centre(centre: Centre | None, logo: Path | None = None) -> None:
    """Make `centre` visible to every template (None for the project's own edition), with its
    logo file, if given, as `centre_logo` (a data: address) for the band on the sheets."""
    logo_uri = _data_uri(logo) if centre and logo else None
    for env in (html_environment(), markdown_environment()):
        env.globals["centre"] = centre
        env.globals["centre_logo"] = logo_uri


def _data_uri(path: Path) -> str | None:
    import base64  # noqa: PLC0415 - only a centre with a logo needs it

    kind = LOGO_TYPES.get(path.suffix.lower())
    try:
        if kind is None or not path.is_file() or path.stat().st_size > MAX_LOGO_BYTES:
            return None
        data = path.read_bytes()
    except OSError:
        return None
    return f"data:{kind};base64,{base64.b64encode(data).decode('ascii')}"
