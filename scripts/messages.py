"""Extract our own words into generator/locales/messages.pot and update every language's .po.

    python3 tasks.py messages          write the .pot and update each messages.po
    python scripts/messages.py --check exit 1 when the committed .pot is not a fresh extraction

What is extracted is said in babel.cfg (Python files and Jinja templates) with the keywords
`_`, `gettext`, `ngettext` and `N_`. The output is reproducible: no dates and no tool version
in the header, entries sorted by file, locations without line numbers (a line moved is not a
change), so the .pot changes only when a message does.
"""

from __future__ import annotations

import io
import re
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
LOCALES = ROOT / "generator" / "locales"
POT = LOCALES / "messages.pot"
KEYWORDS = {"_": None, "gettext": None, "ngettext": (1, 2), "N_": None}
COMMENT_TAGS = ("Translators:",)
# Header lines that would change on every run or with every Babel release.
HEADER = ("# The words of infointerview's own pages, sheets and tools (English: the msgids).\n"
          "# Made by `python3 tasks.py messages` from babel.cfg; do not edit by hand.")
_CHURN = re.compile(r'^"(?:POT-Creation-Date|PO-Revision-Date|Generated-By): .*\\n"\n', re.M)


def extract() -> Catalog:
    """Every message of babel.cfg's files, as a template catalogue."""
    with (ROOT / "babel.cfg").open(encoding="utf-8") as handle:
        method_map, options_map = parse_mapping_cfg(handle)
    catalog = Catalog(project="infointerview", copyright_holder="The infointerview contributors",
                      msgid_bugs_address="https://github.com/infointerview/infointerview/issues",
                      fuzzy=False)
    catalog.header_comment = HEADER
    for filename, lineno, message, comments, context in extract_from_dir(
            ROOT, method_map, options_map, keywords=KEYWORDS, comment_tags=COMMENT_TAGS,
            strip_comment_tags=True):
        catalog.add(message, None, [(filename, lineno)], auto_comments=comments, context=context)
    for entry in catalog:  # each message's files in order, so the catalogue is sorted by file
        entry.locations = sorted(entry.locations)
    return catalog


def po_text(catalog: Catalog) -> str:
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=100, sort_by_file=True, include_lineno=False,
             omit_header=False)
    return _CHURN.sub("", buffer.getvalue().decode("utf-8"))


def template_text() -> str:
    return po_text(extract())


def language_text(path: Path, template: Catalog) -> str:
    """A language's catalogue brought up to the template: new messages empty, removed ones
    kept as obsolete (#~) for a translator to reuse, no guessed (fuzzy) translations."""
    with path.open("rb") as handle:
        catalog = read_po(handle)
    catalog.update(template, no_fuzzy_matching=True, update_header_comment=False)
    return po_text(catalog)


def main(arguments: list[str]) -> int:
    text = template_text()
    if "--check" in arguments:
        if not POT.is_file() or POT.read_text(encoding="utf-8") != text:
            print(f"{POT.relative_to(ROOT)} is not up to date: run `python3 tasks.py messages`.")
            return 1
        return 0
    POT.parent.mkdir(parents=True, exist_ok=True)
    POT.write_text(text, encoding="utf-8")
    print(f"Wrote {POT.relative_to(ROOT)}")
    with POT.open("rb") as handle:
        template = read_po(handle)
    for path in sorted(LOCALES.glob("*/LC_MESSAGES/messages.po")):
        path.write_text(language_text(path, template), encoding="utf-8")
        print(f"Updated {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
