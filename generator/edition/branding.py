"""A centre's brand colour, made safe for text: WCAG contrast and the nearest shade that passes.

Material uses the primary colour in three places that carry text: as the header background
under white text, as the link colour on the light page (#fff) and as the link colour on the dark
"slate" page. A centre's colour that fails WCAG 2.1 AA (4.5:1 for normal text) in any of them
is replaced there by the nearest shade of the same hue that passes, so a centre cannot publish an
edition that fails because of its colour. The result is a small stylesheet of Material's CSS
custom properties.
"""

from __future__ import annotations

import colorsys
import re
from dataclasses import dataclass

from generator.core.languages import N_, gettext

AA_TEXT = 4.5
WHITE = "#ffffff"
# Material's slate background: hsl(var(--md-hue) 15% 14%) with its default hue of 225 degrees.
SLATE_BACKGROUND = "#1e2129"
_HEX = re.compile(r"^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$")


class ColourError(ValueError):
    """A colour that cannot be used; the message names the colour, where and why."""


def parse_hex(colour: str) -> tuple[float, float, float]:
    """'#7a0019' or '#a01' -> (r, g, b) in 0..1; raises ColourError for anything else."""
    if not _HEX.match(colour.strip()):
        raise ColourError(f"{colour!r} is not a colour written as #rrggbb, for example #7a0019")
    digits = colour.strip()[1:]
    if len(digits) == 3:
        digits = "".join(d * 2 for d in digits)
    r, g, b = (int(digits[i:i + 2], 16) / 255 for i in (0, 2, 4))
    return r, g, b


def to_hex(rgb: tuple[float, float, float]) -> str:
    return "#" + "".join(f"{round(max(0.0, min(1.0, c)) * 255):02x}" for c in rgb)


def luminance(colour: str) -> float:
    """WCAG 2.1 relative luminance."""
    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (channel(c) for c in parse_hex(colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(first: str, second: str) -> float:
    """WCAG 2.1 contrast ratio, from 1 to 21."""
    high, low = sorted((luminance(first), luminance(second)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def nearest_shade(colour: str, against: str, minimum: float = AA_TEXT) -> str | None:
    """The shade of `colour` (same hue and saturation, lightness moved as little as possible,
    away from `against`) that reaches `minimum` contrast with `against`; None if none does."""
    if contrast(colour, against) >= minimum:
        return colour
    hue, lightness, saturation = colorsys.rgb_to_hls(*parse_hex(colour))
    step = -0.005 if luminance(against) > 0.18 else 0.005
    while 0.0 <= lightness + step <= 1.0:
        lightness += step
        shade = to_hex(colorsys.hls_to_rgb(hue, lightness, saturation))
        if contrast(shade, against) >= minimum:
            return shade
    return None


@dataclass(frozen=True)
class Palette:
    """The colours the site uses, and what was changed to reach AA (empty when nothing was)."""

    header: str  # background under white header text
    link_light: str  # links on the light page
    link_dark: str  # links on the dark page
    changes: tuple[str, ...]
    # Material's accent: links under the pointer and buttons; the link colours when not given.
    accent_light: str = ""
    accent_dark: str = ""


# Where the colour is used: the background it meets, and how to say it.
# (%(background)s is the background's colour; the words are translated for the accessibility
# statement, the errors stay English.)
_USES = (
    ("header", WHITE, N_("behind the white header text")),
    ("link_light", WHITE, N_("as link colour on the light page (%(background)s)")),
    ("link_dark", SLATE_BACKGROUND, N_("as link colour on the dark page (%(background)s)")),
)
# The accent colour's own uses: hovered links and buttons, on each page (a button's text is the
# page's background colour, so the same ratio holds for it).
_ACCENT_USES = (
    ("accent_light", WHITE, N_("as accent colour on the light page (%(background)s)")),
    ("accent_dark", SLATE_BACKGROUND, N_("as accent colour on the dark page (%(background)s)")),
)


def accessible_palette(colour: str, accent: str | None = None) -> Palette:
    """Fit the brand colour (and the accent colour, if given) to each use; raise ColourError
    when no shade can pass."""
    chosen, changes = _fit(colour, _USES, "brand colour")
    if accent:
        more, accent_changes = _fit(accent, _ACCENT_USES, "accent colour")
        chosen.update(more)
        changes += accent_changes
    return Palette(chosen["header"], chosen["link_light"], chosen["link_dark"], tuple(changes),
                   chosen.get("accent_light", chosen["link_light"]),
                   chosen.get("accent_dark", chosen["link_dark"]))


def _fit(colour: str, uses: tuple[tuple[str, str, str], ...],
         name: str) -> tuple[dict[str, str], list[str]]:
    colour = to_hex(parse_hex(colour))
    chosen: dict[str, str] = {}
    changes = []
    for use, background, use_words in uses:
        where = use_words % {"background": background}
        ratio = contrast(colour, background)
        shade = nearest_shade(colour, background)
        if shade is None:
            raise ColourError(
                f"the {name} {colour} has contrast {ratio:.2f}:1 {where}, below the "
                f"{AA_TEXT}:1 that WCAG 2.1 AA needs, and no shade of it reaches that"
            )
        if shade != colour:
            changes.append(gettext("%(where)s it has %(ratio)s:1, so %(shade)s is used "
                                   "(%(shade_ratio)s:1)") % {
                "where": gettext(use_words) % {"background": background},
                "ratio": f"{ratio:.2f}", "shade": shade,
                "shade_ratio": f"{contrast(shade, background):.2f}"})
        chosen[use] = shade
    return chosen, changes


def empty_colours(centre: object) -> list[str]:
    """`colour:` or `accent:` given with no value. Unquoted, `colour: #8C1515` is a YAML comment,
    so the key is empty and the site would silently keep the default colour."""
    if not isinstance(centre, dict):
        return []
    return [f"centre.{key} is empty. A colour such as #8C1515 must be written in quotes, "
            f"for example {key}: \"#8C1515\"; without them YAML reads it as a comment"
            for key in ("colour", "accent") if key in centre and centre[key] is None]


def palette_css(palette: Palette) -> str:
    """Material's custom properties for both schemes. The selectors carry both data attributes
    so they win over Material's own palette rules whatever `primary:` mkdocs.yml names."""
    return (
        "/* The centre's brand colour, generated by the infointerview plugin. */\n"
        "[data-md-color-scheme][data-md-color-primary] {\n"
        f"  --md-primary-fg-color: {palette.header};\n"
        f"  --md-primary-fg-color--light: {palette.header};\n"
        f"  --md-primary-fg-color--dark: {palette.header};\n"
        "  --md-primary-bg-color: #fff;\n"
        "  --md-primary-bg-color--light: #ffffffb3;\n"
        "}\n"
        "[data-md-color-scheme=default][data-md-color-primary],\n"
        "[data-md-color-scheme=default][data-md-color-accent] {\n"
        f"  --md-typeset-a-color: {palette.link_light};\n"
        f"  --md-accent-fg-color: {palette.accent_light or palette.link_light};\n"
        "  --md-accent-bg-color: #fff;\n"
        "}\n"
        "[data-md-color-scheme=slate][data-md-color-primary],\n"
        "[data-md-color-scheme=slate][data-md-color-accent] {\n"
        f"  --md-typeset-a-color: {palette.link_dark};\n"
        f"  --md-accent-fg-color: {palette.accent_dark or palette.link_dark};\n"
        f"  --md-accent-bg-color: {SLATE_BACKGROUND};\n"
        "}\n"
    )
