"""The message composer: the data its page needs, and the HTML of the form.

The message texts stay in the bank's guidance templates (guidance/templates.yml), so a career
centre's overlay changes them like any other guidance. This module holds everything else the
composer knows, in one place: the fields a student fills, the blank each field fills, which
messages the composer offers, which checks each message gets, and the words of every check.
The page's JavaScript (site_overrides/assets/javascripts/composer.js) only measures the text
and shows these messages; it holds no message text and no rule of its own.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from markupsafe import Markup, escape

from generator.core.model import Bank, Template
from generator.rendering import render


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

# Dalton's second edition of "The 2-Hour Job Search" asks for under 75 words (the first
# edition said under 100); LinkedIn cuts a connection note at 300 characters.
WORD_LIMIT = 75
CHARACTER_LIMIT = 300

FIRST_REQUEST = ("words", "blanks", "jobs", "connection", "question", "about-them")
# Template id -> the checks its message gets, in the order the composer offers them.
MESSAGES: dict[str, tuple[str, ...]] = {
    "outreach": FIRST_REQUEST,
    "outreach-cold": FIRST_REQUEST,
    "linkedin-note": ("characters", "blanks", "jobs", "connection", "question", "about-them"),
    "no-reply": ("length", "blanks", "jobs", "question"),
    "thank-you": ("length", "blanks"),
    "update": ("length", "blanks"),
}

# What each check says: "pass" when the message keeps the rule, "fail" with what to change.
# {count}, {excess}, {word}, {blank}, {you} and {me} are filled in by the page.
CHECKS: dict[str, dict[str, str]] = {
    "words": {
        "pass": f"{{count}} words: under the limit of {WORD_LIMIT}.",
        "fail": f"Cut {{excess}} words: a first request should be under {WORD_LIMIT} words.",
    },
    "characters": {
        "pass": f"{{count}} of {CHARACTER_LIMIT} characters.",
        "fail": f"Cut {{excess}} characters: a LinkedIn note can have {CHARACTER_LIMIT} at most.",
    },
    "length": {"pass": "{count} words.", "fail": "{count} words."},
    "blanks": {
        "pass": "Every blank is filled in.",
        "fail": "Fill in the blank still in square brackets: {blank}.",
    },
    "jobs": {
        "pass": "No mention of jobs.",
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
        "pass": "More about them than about you: {you} \u201cyou\u201d words and {me} "
                "\u201cI\u201d words.",
        "fail": "Write more about them: use \u201cyou\u201d and \u201cyour\u201d more often than "
                "\u201cI\u201d, \u201cme\u201d and \u201cmy\u201d.",
    },
}

# Words that turn a request for advice into a request for a job.
JOB_WORDS = (
    "job", "jobs", "position", "positions", "opening", "openings", "vacancy", "vacancies",
    "hire", "hires", "hired", "hiring", "internship", "internships",
)
YOU_WORDS = ("you", "your", "yours", "yourself")
ME_WORDS = ("i", "me", "my", "mine", "myself")

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
            "subject": subject, "body": body, "checks": list(MESSAGES[template.id]),
        })
    return {
        "fields": [{"id": field.id, "blank": field.blank} for field in FIELDS],
        "messages": messages,
        "checks": CHECKS,
        "limits": {"words": WORD_LIMIT, "characters": CHARACTER_LIMIT},
        "jobWords": list(JOB_WORDS),
        "youWords": list(YOU_WORDS),
        "meWords": list(ME_WORDS),
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
