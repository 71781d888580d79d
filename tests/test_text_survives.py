"""Every character a person can type survives into every output as itself, never as markup
(issue 14): generated text from every Unicode plane, and every Markdown block construct, through
the page's Markdown, the sheet's HTML and the PDF's text."""

from __future__ import annotations

import subprocess
from dataclasses import replace

import html5lib
import markdown
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.core.loader import load_bank
from generator.core.sheet import SheetRequest
from generator.core.tailor import build_sheet
from generator.rendering.documents import sheet_document
from generator.rendering.render import md_escape
from tests.conftest import BANK

# What starts a block or a span in the site's Markdown (mkdocs.yml's extensions, and md_in_html,
# which a centre may add).
BLOCK_STARTS = ["# ", "## ", "> ", "- ", "+ ", "* ", "1. ", "2) ", "!!! note ", "??? note ",
                "???+ note ", "| a | b |", "---", "***", "___", "=== ", "    code", "```",
                "~~~", "<div>", "<!-- x -->", "*[HTML]: x", "[^1]: x", "{: .x }", "[x]: /y",
                "<script>alert(1)</script>", "&amp;", "&#60;", "\\", "[a](javascript:x)"]
EXTENSIONS = ["abbr", "admonition", "attr_list", "md_in_html", "tables", "pymdownx.details",
              "pymdownx.escapeall", "pymdownx.superfences"]
# Printable text from every plane, as YAML would hand it over (no control characters, no
# surrogates: the reader refuses those).
TEXT = st.text(st.characters(exclude_categories=("Cc", "Cs", "Co", "Cn", "Zl", "Zp")),
               min_size=1, max_size=40)
SAMPLES = st.builds(lambda start, rest: (start + rest).strip() or "x",
                    st.sampled_from(BLOCK_STARTS), TEXT)


def _flat(text: str) -> str:
    return " ".join(text.split())


def _text_of(html: str) -> str:
    tree = html5lib.parse(html, namespaceHTMLElements=False)
    return _flat("".join(tree.itertext()))


@settings(max_examples=300, deadline=None)
@given(SAMPLES)
def test_text_in_a_page_is_shown_literally(sample: str) -> None:
    html = markdown.markdown(md_escape(sample), extensions=EXTENSIONS)
    assert _text_of(html) == _flat(sample)
    assert "<script" not in html and "<div" not in html and "<details" not in html


@pytest.fixture(scope="module")
def bank():
    return load_bank([BANK])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(SAMPLES)
def test_text_in_a_sheet_is_shown_literally(bank, sample: str) -> None:
    sheet = build_sheet(bank, SheetRequest(goal="explore"))
    first = replace(sheet.questions[0], text=sample, why=sample)
    sheet = replace(sheet, questions=(first, *sheet.questions[1:]))
    text = _text_of(sheet_document(sheet))
    assert _flat(sample) in text


@pytest.mark.pdf
@pytest.mark.parametrize("sample", [
    "!!! danger Boom <script>x</script> \U0001f393 \U0001d518 \u4e2d\u6587 \U00020000 R&D",
    "# Heading? > quote | a | b | *[HTML]: x {: .x } \u0627\u0644\u0639\u0631\u0628\u064a\u0629",
])
def test_text_in_a_pdf_is_shown_literally(bank, sample: str, tmp_path) -> None:
    from generator.rendering.pdf import pdf_bytes

    sheet = build_sheet(bank, SheetRequest(goal="explore"))
    first = replace(sheet.questions[0], text=sample)
    sheet = replace(sheet, questions=(first, *sheet.questions[1:]))
    path = tmp_path / "s.pdf"
    path.write_bytes(pdf_bytes(sheet_document(sheet)))
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout
    for word in sample.split():
        if not any("\u0600" <= c <= "\u06ff" for c in word):  # right-to-left text is reordered
            assert word in text, word
