"""The composer's data: what the page is given comes from the bank, and an overlay changes it."""

from __future__ import annotations

import json
import re
from pathlib import Path

import html5lib
import pytest

from generator.core.loader import load_bank
from generator.site.composer import (
    CHECKS,
    FIELDS,
    MESSAGES,
    composer_data,
    composer_html,
    split_subject,
)
from generator.site.composer_rules import CONNECTION_PHRASES, JOB_PHRASES
from tests.conftest import BANK


def test_every_shipped_message_uses_only_blanks_the_composer_fills() -> None:
    bank = load_bank([BANK])
    blanks = {field.blank.lower() for field in FIELDS}
    for name in MESSAGES:
        found = {blank.lower() for blank in re.findall(r"\[[^\]]+\]", bank.templates[name].text)}
        assert found <= blanks, (name, found - blanks)
        assert "[their name]" in found, name


def test_every_check_a_message_names_has_words_for_pass_and_fail() -> None:
    for name, rules in MESSAGES.items():
        for check in rules.checks:
            assert {"pass", "fail"} <= set(CHECKS[check]) <= {"pass", "warn", "fail"}, (name, check)


@pytest.mark.parametrize("phrase", JOB_PHRASES + CONNECTION_PHRASES)
def test_every_phrase_rule_reads_the_same_in_python(phrase: str) -> None:
    # The page runs these in JavaScript; Python must accept each one too, so a centre's tools
    # or a later build step can use the same rules.
    re.compile(phrase, re.IGNORECASE)


def test_the_job_phrases_catch_requests_and_leave_innocent_words_alone() -> None:
    def flagged(text: str) -> bool:
        return any(re.search(phrase, text, re.IGNORECASE) for phrase in JOB_PHRASES)

    assert flagged("Can you get me a job interview?")
    assert flagged("Any openings for a new graduate?")
    assert not flagged("Steve Jobs said so, and job-shadowing helps. I got hired into residency.")


def test_the_subject_line_is_split_from_the_body() -> None:
    assert split_subject("Subject: Hello [Field]\n\nDear [Their name],\n") == (
        "Hello [Field]", "Dear [Their name],\n")
    assert split_subject("Hello [Their name], a note.\n") == ("", "Hello [Their name], a note.\n")


def test_an_overlay_changes_and_hides_the_composer_messages(tmp_path: Path) -> None:
    overlay = tmp_path / "ours"
    overlay.mkdir()
    (overlay / "templates.yml").write_text(
        "templates:\n"
        "  - id: thank-you\n"
        "    title: Our thank-you\n"
        "    description: Our words.\n"
        "    text: |\n"
        "      Subject: Thanks from [Your name]\n"
        "\n"
        "      Dear [Their name], thank you.\n"
        "hide:\n"
        "  templates: [linkedin-note]\n",
        encoding="utf-8",
    )
    data = composer_data(load_bank([BANK, overlay]))
    messages = {message["id"]: message for message in data["messages"]}
    assert list(messages) == [name for name in MESSAGES if name != "linkedin-note"]
    assert messages["thank-you"]["title"] == "Our thank-you"
    assert messages["thank-you"]["subject"] == "Thanks from [Your name]"
    assert messages["thank-you"]["body"] == "Dear [Their name], thank you.\n"


def test_the_page_carries_the_data_as_json_and_every_message_as_text() -> None:
    bank = load_bank([BANK])
    document = html5lib.parse(str(composer_html(bank)), namespaceHTMLElements=False)
    root = document.find(".//div[@data-ii-composer]")
    assert json.loads(root.get("data-ii-composer")) == composer_data(bank)
    shown = {block.get("data-ii-template"): "".join(block.itertext())
             for block in document.iterfind(".//div[@data-ii-template]")}
    assert shown == {name: bank.templates[name].text.rstrip("\n") for name in MESSAGES}
    labels = [label.get("for") for label in document.iterfind(".//label[@for]")]
    inputs = [element.get("id") for element in document.iterfind(".//input[@type='text']")]
    assert set(inputs) <= set(labels), "every box has a label"
