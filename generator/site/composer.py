"""The message composer: the data its page needs, and the HTML of the form.

The message texts stay in the bank's guidance templates (guidance/templates.yml), so a career
centre's overlay changes them like any other guidance. This module holds everything else the
composer knows, in one place: the fields a student fills, the blank each field fills, which
messages the composer offers, which checks each message gets, and the words of every check.
The limits and the phrases the checks look for are in composer_rules.py. The page's
JavaScript (site_overrides/assets/javascripts/composer.js) only measures the text and shows
these messages; it holds no message text and no limit or phrase of its own. What does live in
the script, because it reads the text as the student types: how words are counted, where the
greeting, the first sentence and the sign-off end (tests/browser/test_composer.py tests them).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from markupsafe import Markup, escape

from generator.core.model import Bank, Template
from generator.rendering import render
from generator.site import composer_rules as rules


@dataclass(frozen=True)
class ComposerField:
    id: str
    label: str
    blank: str  # the placeholder it fills in a template, matched in any letter case
    hint: str
    # "off" everywhere: the browser then does not put the text back after a reload, as the
    # page promises.
    autocomplete: str = "off"


FIELDS = (
    ComposerField("your-name", "Your name", "[Your name]", "As you sign your messages."),
    ComposerField("their-name", "Their name", "[Their name]",
                  "The person you are writing to, for example Ms Okafor."),
    ComposerField("connection", "How you are connected, or why you chose them",
                  "[How you are connected]",
                  "For example: Ana Silva, my tutor, suggested I write to you. "
                  "Or: I read your article on nurse staffing."),
    ComposerField("field", "The field", "[Field]", "For example: hospital management."),
    ComposerField("learn", "What you want to learn", "[What you want to learn]",
                  "For example: how people start in this work."),
    ComposerField("learned", "Something specific you learned in the meeting",
                  "[Something specific you learned]",
                  "For the thank-you and the update. For example: why night shifts matter."),
    ComposerField("next", "What you will do next", "[Your next step]",
                  "For the thank-you and the update. For example: join the student branch of "
                  "the association."),
)

# The checks every message gets, in the order the composer shows them: a length, no request
# for a job (thank-you and update included: asking there spoils the thanks), no blank left.
FIRST_REQUEST = ("words", "blanks", "jobs", "connection", "question", "about-them")


@dataclass(frozen=True)
class MessageRules:
    checks: tuple[str, ...]
    words: int | None  # the word limit; None for the LinkedIn note, which counts characters
    called: str  # what the length check calls this message: "a first request"


# Template id -> its checks and limit, in the order the composer offers the messages.
MESSAGES: dict[str, MessageRules] = {
    "outreach": MessageRules(FIRST_REQUEST, rules.FIRST_REQUEST_WORDS, "a first request"),
    "outreach-cold": MessageRules(FIRST_REQUEST, rules.FIRST_REQUEST_WORDS, "a first request"),
    "linkedin-note": MessageRules(
        ("characters", "blanks", "jobs", "connection", "question", "about-them"), None,
        "a LinkedIn note"),
    "no-reply": MessageRules(("words", "blanks", "jobs", "question"),
                             rules.FIRST_REQUEST_WORDS, "a follow-up"),
    "thank-you": MessageRules(("words", "blanks", "jobs"), rules.AFTER_MEETING_WORDS,
                              "a thank-you"),
    "update": MessageRules(("words", "blanks", "jobs"), rules.AFTER_MEETING_WORDS,
                           "an update"),
}

FREE, PREMIUM = rules.LINKEDIN_FREE, rules.LINKEDIN_PREMIUM
# What each check says: "pass" when the message keeps the rule, "fail" with what to change,
# and for the LinkedIn note "warn" (allowed, but only with Premium). The page fills in
# {count}, {excess}, {limit}, {called}, {word}, {blank}, {you} and {me}; {count|word|words}
# is the singular or plural after the number in {count}.
CHECKS: dict[str, dict[str, str]] = {
    "words": {
        "pass": "{count} {count|word|words}: under the limit of {limit}.",
        "fail": "Cut {excess} {excess|word|words}: {called} should be under {limit} words.",
    },
    "characters": {
        "pass": f"{{count}} of {FREE} characters.",
        "warn": f"{{count}} characters: over the {FREE} of a free LinkedIn account. Only "
                f"LinkedIn Premium lets you send up to {PREMIUM}; otherwise cut {{excess}} "
                "{excess|character|characters}.",
        "fail": f"Cut {{excess}} {{excess|character|characters}}: a LinkedIn note can have "
                f"{PREMIUM} at most, even with Premium.",
    },
    "blanks": {
        "pass": "Every blank is filled in.",
        "fail": "Fill in the blank still in square brackets: {blank}.",
    },
    "jobs": {
        "pass": "No request for a job.",
        "fail": "Take out \u201c{word}\u201d: ask for advice and information, not for a job.",
    },
    "connection": {
        "pass": "Your first sentence says how you are connected.",
        "fail": "Say how you are connected, or why you chose them, in your first sentence.",
    },
    "question": {
        "pass": "It ends with a question.",
        "fail": "End with one clear question, such as asking for 20 minutes of their time.",
    },
    "about-them": {
        "pass": "More about them than about you: {you} \u201cyou\u201d {you|word|words} and "
                "{me} \u201cI\u201d {me|word|words}.",
        "fail": "Write more about them: use \u201cyou\u201d and \u201cyour\u201d more often than "
                "\u201cI\u201d, \u201cme\u201d and \u201cmy\u201d.",
    },
}

SUBJECT = "Subject:"


def split_subject(text: str) -> tuple[str, str]:
    """(subject, body) of a template whose first line may be "Subject: ..."."""
    first, _, rest = text.strip("\n").partition("\n")
    if first.startswith(SUBJECT):
        return first[len(SUBJECT):].strip(), rest.strip("\n") + "\n"
    return "", text.strip("\n") + "\n"


def offered(bank: Bank) -> list[Template]:
    """The composer's messages that the bank has (an overlay may hide some)."""
    return [bank.templates[name] for name in MESSAGES if name in bank.templates]


def composer_data(bank: Bank) -> dict[str, Any]:
    """Everything the page's script needs, as JSON-ready data."""
    messages = []
    for template in offered(bank):
        subject, body = split_subject(template.text)
        messages.append({
            "id": template.id, "title": template.title, "description": template.description,
            "subject": subject, "body": body, "checks": list(MESSAGES[template.id].checks),
            "words": MESSAGES[template.id].words, "called": MESSAGES[template.id].called,
        })
    return {
        "fields": [{"id": field.id, "blank": field.blank} for field in FIELDS],
        "messages": messages,
        "checks": CHECKS,
        "characters": {"free": FREE, "premium": PREMIUM},
        "jobPhrases": list(rules.JOB_PHRASES),
        "connectionPhrases": list(rules.CONNECTION_PHRASES),
        "youWords": list(rules.YOU_WORDS),
        "meWords": list(rules.ME_WORDS),
    }


def template_text_html(text: str) -> Markup:
    """A template's text, escaped, with its line breaks as character references: the block
    then has no blank line that could end Markdown's raw HTML block early, and CSS
    `white-space: pre-wrap` still shows every line."""
    return Markup(str(escape(text.rstrip("\n"))).replace("\n", "&#10;"))


def composer_html(bank: Bank) -> Markup:
    """The form (hidden until the script runs) and every message as plain text below it."""
    templates = offered(bank)
    return render.render_html(
        "inserts/composer.html.j2", fields=FIELDS, templates=templates,
        data=composer_data(bank), text=template_text_html,
    )
