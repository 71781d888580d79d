"""Everything important can be done with the keyboard alone, and focus can always be seen.

Each test presses real keys (Tab, Enter, arrows, "/") and checks what the page did; no element
is clicked or focused by script.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest
from playwright.sync_api import Page

from .conftest import SEARCH_INPUT, SEARCH_RESULT, settle

pytestmark = pytest.mark.browser

DESKTOP = {"width": 1280, "height": 900}
MAX_TABS = 80
# WCAG 1.4.11: a focus ring needs 3:1 against what is around it.
MIN_RING_CONTRAST = 3.0
COUNT_TEXT = re.compile(r"^Showing (\d+) of (\d+) questions\.$")

# Describes the focused element; for a visually hidden input (Material's palette radios) the
# ring is drawn on the label that follows it, so that label is the element to look at. The
# backdrop is the colour the ring is drawn on: the element's own background for a ring drawn
# inside it (negative offset), else its parent's; translucent layers are composited.
FOCUS_STYLE_JS = """() => {
  let el = document.activeElement;
  const box = el.getBoundingClientRect();
  if ((box.width === 0 || box.height === 0) && el.nextElementSibling) {
    el = el.nextElementSibling;
  }
  const style = getComputedStyle(el);
  const layers = [];
  let node = parseFloat(style.outlineOffset) < 0 ? el : el.parentElement;
  for (; node; node = node.parentElement) {
    const rgba = getComputedStyle(node).backgroundColor.match(/[\\d.]+/g).map(Number);
    const alpha = rgba.length > 3 ? rgba[3] : 1;
    if (alpha > 0) { layers.push([rgba[0], rgba[1], rgba[2], alpha]); }
    if (alpha >= 1) { break; }
  }
  let backdrop = [255, 255, 255];  // the canvas
  for (const [r, g, b, a] of layers.reverse()) {
    backdrop = [r * a + backdrop[0] * (1 - a), g * a + backdrop[1] * (1 - a),
                b * a + backdrop[2] * (1 - a)];
  }
  return {
    element: el.tagName.toLowerCase() + (el.className ? "." + el.className.split(" ")[0] : ""),
    outlineStyle: style.outlineStyle, outlineWidth: parseFloat(style.outlineWidth) || 0,
    outlineColor: style.outlineColor, boxShadow: style.boxShadow,
    background: `rgb(${backdrop.map(Math.round).join(", ")})`,
  };
}"""


def describe_focus(page: Page) -> str:
    return page.evaluate("""() => {
      const e = document.activeElement;
      return `${e.tagName.toLowerCase()}.${e.className} ${e.id || e.getAttribute("href") || ""}`;
    }""")


def tab_to(page: Page, selector: str) -> int:
    """Press Tab until the focused element matches SELECTOR; return how many presses it took."""
    visited = []
    for presses in range(1, MAX_TABS + 1):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement.matches(s)", selector):
            return presses
        visited.append(describe_focus(page))
    pytest.fail(f"{selector} not reached in {MAX_TABS} Tabs; focus went to:\n" +
                "\n".join(visited))


def channels(colour: str) -> tuple[float, float, float, float]:
    numbers = [float(n) for n in re.findall(r"[\d.]+", colour)]
    red, green, blue = numbers[:3]
    return red, green, blue, numbers[3] if len(numbers) > 3 else 1.0


def luminance(red: float, green: float, blue: float) -> float:
    def linear(value: float) -> float:
        value /= 255
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)


def contrast(foreground: str, background: str) -> float:
    """WCAG contrast ratio; a translucent foreground is blended onto the background first."""
    *front, alpha = channels(foreground)
    back = channels(background)[:3]
    blended = [alpha * f + (1 - alpha) * b for f, b in zip(front, back, strict=True)]
    lighter, darker = sorted((luminance(*blended), luminance(*back)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def assert_visible_focus(page: Page) -> None:
    """The focused control shows a ring (outline or box-shadow) that stands out (3:1)."""
    settle(page)
    style: dict[str, Any] = page.evaluate(FOCUS_STYLE_JS)
    has_outline = style["outlineStyle"] != "none" and style["outlineWidth"] > 0
    assert has_outline or style["boxShadow"] != "none", f"no focus indicator: {style}"
    if has_outline:
        ratio = contrast(style["outlineColor"], style["background"])
        assert ratio >= MIN_RING_CONTRAST, f"focus ring contrast {ratio:.2f}:1: {style}"


@pytest.fixture
def keyboard_page(new_page: Callable[..., Page]) -> Page:
    return new_page(color_scheme="light", viewport=DESKTOP)


def test_skip_link_is_first_and_jumps_to_content(keyboard_page: Page, site_url: str) -> None:
    page = keyboard_page
    page.goto(site_url + "guide/asking.html")
    assert tab_to(page, "a.md-skip") == 1, "the skip link must be the first stop"
    page.wait_for_function("document.activeElement.getBoundingClientRect().left >= 0")
    assert page.locator("a.md-skip").is_visible()
    assert_visible_focus(page)
    target = page.get_attribute("a.md-skip", "href")
    page.keyboard.press("Enter")
    page.wait_for_function("h => location.hash === h", arg=target)
    assert page.locator(target).is_visible()


def test_main_navigation_is_reachable_and_follows(keyboard_page: Page, site_url: str) -> None:
    page = keyboard_page
    page.goto(site_url + "index.html")
    tab_to(page, ".md-tabs__link")
    assert_visible_focus(page)
    tab_to(page, '.md-tabs__link[href="questions/index.html"]')
    assert_visible_focus(page)
    page.keyboard.press("Enter")
    page.wait_for_url("**/questions/index.html")
    # The sidebar's links are reachable too, and carry a visible ring on a white page.
    tab_to(page, ".md-sidebar .md-nav__link[href]")
    assert_visible_focus(page)


def test_search_by_keyboard(keyboard_page: Page, site_url: str) -> None:
    page = keyboard_page
    page.goto(site_url + "index.html")
    page.keyboard.press("/")  # Material's shortcut
    page.wait_for_function("s => document.activeElement.matches(s)", arg=SEARCH_INPUT)
    assert_visible_focus(page)
    page.keyboard.type("thank")
    page.locator(SEARCH_RESULT).first.wait_for(state="visible")
    page.keyboard.press("ArrowDown")
    focused = page.evaluate("document.activeElement.getAttribute('href') || ''")
    assert focused, f"ArrowDown did not move to a result, focus is on {describe_focus(page)}"
    assert_visible_focus(page)
    page.keyboard.press("Enter")
    path = focused.split("?")[0].split("#")[0]
    page.wait_for_url(lambda url: url.split("?")[0].split("#")[0] == path)


def test_search_is_reachable_with_tab(keyboard_page: Page, site_url: str) -> None:
    page = keyboard_page
    page.goto(site_url + "index.html")
    tab_to(page, SEARCH_INPUT)
    page.keyboard.type("salary")
    page.locator(SEARCH_RESULT).first.wait_for(state="visible")


def test_palette_toggle_by_keyboard(keyboard_page: Page, site_url: str) -> None:
    page = keyboard_page
    page.goto(site_url + "guide/asking.html")
    assert page.get_attribute("body", "data-md-color-scheme") == "default"
    tab_to(page, "input[name=__palette]")
    assert_visible_focus(page)
    page.keyboard.press("Enter")
    page.wait_for_function("document.body.dataset.mdColorScheme === 'slate'")
    assert_visible_focus(page)  # on the dark header too
    page.keyboard.press("Enter")
    page.wait_for_function("document.body.dataset.mdColorScheme === 'default'")


def shown_count(page: Page) -> tuple[int, int]:
    text = page.locator("[data-ii-filter-count]").inner_text().strip()
    match = COUNT_TEXT.match(text)
    assert match, f"unexpected status text {text!r}"
    return int(match[1]), int(match[2])


def test_question_bank_filter_by_keyboard(keyboard_page: Page, site_url: str) -> None:
    page = keyboard_page
    page.goto(site_url + "questions/index.html")
    shown, total = shown_count(page)
    assert shown == total == page.locator(".ii-bank__item").count()

    tab_to(page, "select#ii-filter-goal")
    assert_visible_focus(page)
    page.keyboard.press("ArrowDown")  # picks the next goal without opening the list
    assert page.input_value("#ii-filter-goal") != ""
    by_goal, _ = shown_count(page)
    assert 0 < by_goal < total
    assert page.locator(".ii-bank__item:visible").count() == by_goal

    tab_to(page, "select#ii-filter-industry")
    page.keyboard.press("ArrowDown")
    by_both, _ = shown_count(page)
    assert 0 < by_both <= by_goal
    assert page.locator(".ii-bank__item:visible").count() == by_both


def test_print_button_by_keyboard(keyboard_page: Page, site_url: str) -> None:
    page = keyboard_page
    # Count calls instead of opening the print dialog, which would block a headless browser.
    page.add_init_script("window.__printed = 0; window.print = () => { window.__printed += 1; };")
    page.goto(site_url + "sheets/career-change.html")
    tab_to(page, "button[data-ii-print]")
    assert page.locator("button[data-ii-print]").is_visible()
    assert_visible_focus(page)
    page.keyboard.press("Enter")
    assert page.evaluate("window.__printed") == 1


def test_the_message_composer_works_from_the_keyboard(
    site_url: str, new_page: Callable[..., Page],
) -> None:
    page = new_page(color_scheme="light", viewport=DESKTOP,
                    permissions=["clipboard-read", "clipboard-write"])
    page.goto(site_url + "guide/messages.html")
    tab_to(page, 'input[name="message"]:checked')
    assert_visible_focus(page)
    page.keyboard.press("ArrowDown")  # radio buttons: the arrows choose the next message
    assert page.evaluate("document.activeElement.value") == "outreach-cold"
    assert tab_to(page, "#ii-field-your-name") == 1, "the first box follows the choice"
    page.keyboard.type("Jo Smith")
    assert_visible_focus(page)
    tab_to(page, "#ii-composer-text")
    assert page.input_value("#ii-composer-text").endswith("Jo Smith")
    tab_to(page, "[data-ii-composer-copy]")
    assert_visible_focus(page)
    page.keyboard.press("Enter")
    page.wait_for_function(
        "document.querySelector('[data-ii-composer-status]').textContent.startsWith('Copied')")
    assert page.evaluate("navigator.clipboard.readText()") == page.input_value("#ii-composer-text")
