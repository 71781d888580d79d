"""WCAG contrast of a brand colour, and the nearest shade that reaches AA."""

from __future__ import annotations

import colorsys

import pytest

from generator.edition.branding import (
    AA_TEXT,
    SLATE_BACKGROUND,
    ColourError,
    accessible_palette,
    contrast,
    nearest_shade,
    parse_hex,
    to_hex,
)


def test_contrast_matches_the_wcag_reference_values() -> None:
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#ffffff", "#ffffff") == pytest.approx(1.0)
    assert contrast("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)  # the known AA grey
    assert contrast("#777777", "#ffffff") < AA_TEXT


def test_a_colour_that_passes_everywhere_is_kept() -> None:
    palette = accessible_palette("#1a5e20")  # a dark green: fine on white, too dark on slate
    assert palette.header == palette.link_light == "#1a5e20"
    assert contrast(palette.link_dark, SLATE_BACKGROUND) >= AA_TEXT
    assert len(palette.changes) == 1 and "dark page" in palette.changes[0]


@pytest.mark.parametrize("colour", ["#ffcc00", "#00a3e0", "#e4002b", "#7a0019", "#9b9b9b"])
def test_the_shade_is_the_nearest_one_that_passes(colour: str) -> None:
    for background in ("#ffffff", SLATE_BACKGROUND):
        shade = nearest_shade(colour, background)
        assert shade is not None and contrast(shade, background) >= AA_TEXT
        if shade == colour:
            continue
        # One step back towards the original colour fails, so no nearer shade would do.
        hue, lightness, saturation = colorsys.rgb_to_hls(*parse_hex(shade))
        towards_original = 0.005 if background == "#ffffff" else -0.005  # shades darken on white
        back = to_hex(colorsys.hls_to_rgb(hue, lightness + towards_original, saturation))
        assert contrast(back, background) < AA_TEXT


def test_a_colour_not_written_as_hex_is_refused_with_its_value() -> None:
    with pytest.raises(ColourError, match="'maroon' is not a colour written as #rrggbb"):
        accessible_palette("maroon")
