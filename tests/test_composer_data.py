"""The composer's data: what the page is given comes from the bank, and an overlay changes it."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import html5lib
import pytest

from generator.core.languages import Language, load_language, use_language
from generator.core.loader import load_bank
from generator.site.composer import (
    CHECKS,
    FIELDS,
    MESSAGES,
    composer_data,
    composer_html,
    split_subject,
)
from generator.site.composer_rules import CONNECTION_PHRASES, JOB_PHRASES, RULES, Rules, rules_for
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


@pytest.mark.parametrize("phrase", [phrase for rules in RULES.values()
                                    for phrase in rules.job_phrases + rules.connection_phrases])
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


# French: (text, whether a job phrase flags it) and (first sentence, whether it names a connection).
FRENCH_JOB_CASES = [
    ("Auriez-vous un poste pour moi ?", True),
    ("Je cherche un stage pour cet été.", True),
    ("Embauchez-moi, s'il vous plaît.", True),
    ("Pourriez-vous transmettre mon CV à votre équipe ?", True),
    ("Mon CV est en pièce jointe.", True),
    ("Je vous ai envoyé mon CV hier.", True),
    ("Vous trouverez ci-joint mon CV.", True),
    ("Recrutez-vous en ce moment ?", True),
    ("Avez-vous des offres d'emploi ?", True),
    ("Y a-t-il des postes à pourvoir ?", True),
    ("J'ai fait un stage d'observation l'an dernier.", False),
    ("Qu'aimez-vous le plus dans votre poste ?", False),
    ("Les stagiaires apprennent vite, et la postérité jugera.", False),
    ("Quel a été votre premier emploi dans ce domaine ?", False),
]
FRENCH_CONNECTION_CASES = [
    ("Ana Silva, ma tutrice, m'a suggéré de vous écrire.", True),
    ("J'ai lu votre article sur les effectifs infirmiers.", True),
    ("Mme Okafor m'a recommandé votre nom.", True),
    ("Nous nous sommes rencontrés au salon de l'emploi.", True),
    ("Je suis, comme vous, ancienne élève de l'université Laval.", True),
    ("Je suis étudiante en gestion et je vous écris.", False),
    ("Bonjour, je m'appelle Léa.", False),
]


def _flagged(phrases: tuple[str, ...], text: str) -> bool:
    return any(re.search(phrase, text, re.IGNORECASE) for phrase in phrases)


def test_the_french_job_phrases_catch_requests_and_leave_innocent_words_alone() -> None:
    french = rules_for("fr")
    assert [text for text, flag in FRENCH_JOB_CASES
            if _flagged(french.job_phrases, text) != flag] == []


def test_the_french_connection_phrases_read_the_first_sentence() -> None:
    french = rules_for("fr")
    assert [text for text, flag in FRENCH_CONNECTION_CASES
            if _flagged(french.connection_phrases, text) != flag] == []


def test_the_rules_are_per_language_and_english_is_as_before() -> None:
    assert rules_for("en").job_phrases == JOB_PHRASES
    assert rules_for("en").connection_phrases == CONNECTION_PHRASES
    assert rules_for("fr-CA") == rules_for("fr")
    assert set(rules_for("fr").you_words) >= {"vous", "votre", "vos"}
    assert set(rules_for("fr").me_words) >= {"je", "j", "moi", "mon", "ma", "mes"}


def test_a_language_without_phrase_rules_does_not_show_the_checks_that_need_them() -> None:
    assert rules_for("xx") == Rules()
    with use_language(Language("xx", "Test", "test")):
        data = composer_data(load_bank([BANK]))
    for message in data["messages"]:
        assert not {"jobs", "connection", "about-them"} & set(message["checks"]), message["id"]
        assert "words" in message["checks"] or "characters" in message["checks"]
    assert data["jobPhrases"] == data["connectionPhrases"] == data["youWords"] == []


def test_the_french_composer_gets_french_words_rules_and_blanks() -> None:
    with use_language(load_language("fr")):
        data = composer_data(load_bank([BANK]))
        subject = split_subject("Objet : Bonjour\n\nMadame,\n")
    assert subject == ("Bonjour", "Madame,\n")
    assert split_subject("Subject: Hello\n\nDear Ms Okafor,\n") == ("Hello", "Dear Ms Okafor,\n")
    assert data["jobPhrases"] == list(rules_for("fr").job_phrases)
    assert data["youWords"] == list(rules_for("fr").you_words)
    assert {field["blank"] for field in data["fields"]} >= {"[Votre nom]", "[Nom de la personne]"}
    assert data["checks"]["characters"]["pass"] == "{count} caractères sur 200."
    assert data["checks"]["words"]["pass"].startswith("{count} {count|mot|mots}")


NODE = shutil.which("node")


@pytest.mark.skipif(NODE is None, reason="needs Node.js to run the phrases as the page does")
@pytest.mark.parametrize("code", sorted(RULES))
def test_the_page_reads_every_phrase_as_python_does(code: str) -> None:
    # The page compiles each phrase with `new RegExp(source, "i")`; both engines must find the
    # same text in every case, accented letters included (JavaScript's \b and \w are ASCII).
    rules = rules_for(code)
    texts = [text for text, _ in FRENCH_JOB_CASES + FRENCH_CONNECTION_CASES] + [
        "Can you get me a job interview?", "Any openings for a new graduate?",
        "Steve Jobs said so, and job-shadowing helps.", "Ana Silva suggested I write to you.",
        "Mon CV est joint. J'ai été recommandée par Théo.", "RÉSUMÉ attached; my résumé is enclosed.",
    ]
    phrases = list(rules.job_phrases + rules.connection_phrases)
    python = [[(m.group(0) if (m := re.search(p, t, re.IGNORECASE)) else None) for p in phrases]
              for t in texts]
    script = ("const [phrases, texts] = JSON.parse(require('fs').readFileSync(0, 'utf8'));"
              "console.log(JSON.stringify(texts.map(t => phrases.map(p => {"
              "const m = new RegExp(p, 'i').exec(t); return m ? m[0] : null; }))));")
    result = subprocess.run([NODE, "-e", script], input=json.dumps([phrases, texts]),
                            capture_output=True, text=True, check=True, timeout=60)
    assert json.loads(result.stdout) == python
