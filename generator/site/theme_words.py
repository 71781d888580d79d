"""The words of our theme overrides (site_overrides/partials/), in the language being built.

MkDocs renders theme templates in its own Jinja environment, where our gettext is not installed
(and Zensical's MiniJinja could not call it), so the plugin hands the templates these words,
already translated, as `config.extra.ii_words`; each template keeps its English as the fallback
for builders that run no plugin.
"""

from __future__ import annotations

from generator.core.languages import N_, gettext

THEME_WORDS = {
    "published_by": N_("This edition is published by"),
    "contact": N_("Contact:"),
    "book": N_("Book a meeting with an adviser"),
    "accessibility": N_("Accessibility statement"),
    "privacy": N_("Privacy notice"),
}


def theme_words() -> dict[str, str]:
    """Every word of the overrides, translated into the active language."""
    return {key: gettext(message) for key, message in THEME_WORDS.items()}
