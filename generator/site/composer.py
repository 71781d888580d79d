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

from dataclasses import dataclass, replace
from typing import Any

from markupsafe import Markup, escape

from generator.core.languages import N_, active, gettext
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


# Every text a student reads is marked with N_() and translated where it is used (composer_data,
# composer_html), in the language of the build. The blanks are translated too: a translated
# bank's templates hold the translated blanks ("[Votre nom]").
FIELDS = (
    ComposerField("your-name", N_("Your name"), N_("[Your name]"),
                  N_("As you sign your messages.")),
    ComposerField("their-name", N_("Their name"), N_("[Their name]"),
                  N_("The person you are writing to, for example Ms Okafor.")),
    ComposerField("connection", N_("How you are connected, or why you chose them"),
                  N_("[How you are connected]"),
                  N_("For example: Ana Silva, my tutor, suggested I write to you. "
                     "Or: I read your article on nurse staffing.")),
    ComposerField("field", N_("The field"), N_("[Field]"), N_("For example: hospital management.")),
    ComposerField("learn", N_("What you want to learn"), N_("[What you want to learn]"),
                  N_("For example: how people start in this work.")),
    ComposerField("learned", N_("Something specific you learned in the meeting"),
                  N_("[Something specific you learned]"),
                  N_("For the thank-you and the update. For example: why night shifts matter.")),
    ComposerField("next", N_("What you will do next"), N_("[Your next step]"),
                  N_("For the thank-you and the update. For example: join the student branch of "
                     "the association.")),
)


def translated_fields() -> tuple[ComposerField, ...]:
    """FIELDS in the active language."""
    return tuple(replace(field, label=gettext(field.label), blank=gettext(field.blank),
                         hint=gettext(field.hint)) for field in FIELDS)


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
    "outreach": MessageRules(FIRST_REQUEST, rules.FIRST_REQUEST_WORDS, N_("a first request")),
    "outreach-cold": MessageRules(FIRST_REQUEST, rules.FIRST_REQUEST_WORDS,
                                  N_("a first request")),
    "linkedin-note": MessageRules(
        ("characters", "blanks", "jobs", "connection", "question", "about-them"), None,
        N_("a LinkedIn note")),
    "no-reply": MessageRules(("words", "blanks", "jobs", "question"),
                             rules.FIRST_REQUEST_WORDS, N_("a follow-up")),
    "thank-you": MessageRules(("words", "blanks", "jobs"), rules.AFTER_MEETING_WORDS,
                              N_("a thank-you")),
    "update": MessageRules(("words", "blanks", "jobs"), rules.AFTER_MEETING_WORDS,
                           N_("an update")),
}

FREE, PREMIUM = rules.LINKEDIN_FREE, rules.LINKEDIN_PREMIUM
# What each check says: "pass" when the message keeps the rule, "fail" with what to change,
# and for the LinkedIn note "warn" (allowed, but only with Premium). The page fills in
# {count}, {excess}, {limit}, {called}, {word}, {blank}, {you} and {me}; {count|word|words}
# is the singular or plural after the number in {count}.
# The LinkedIn limits are %(free)s and %(premium)s, filled in where the words are translated
# (checks()), so a translator sees one whole sentence.
CHECKS: dict[str, dict[str, str]] = {
    "words": {
        "pass": N_("{count} {count|word|words}: under the limit of {limit}."),
        "fail": N_("Cut {excess} {excess|word|words}: {called} should be under {limit} words."),
    },
    "characters": {
        "pass": N_("{count} of %(free)s characters."),
        "warn": N_("{count} characters: over the %(free)s of a free LinkedIn account. Only "
                   "LinkedIn Premium lets you send up to %(premium)s; otherwise cut {excess} "
                   "{excess|character|characters}."),
        "fail": N_("Cut {excess} {excess|character|characters}: a LinkedIn note can have "
                   "%(premium)s at most, even with Premium."),
    },
    "blanks": {
        "pass": N_("Every blank is filled in."),
        "fail": N_("Fill in the blank still in square brackets: {blank}."),
    },
    "jobs": {
        "pass": N_("No request for a job."),
        "fail": N_("Take out \u201c{word}\u201d: ask for advice and information, not for a job."),
    },
    "connection": {
        "pass": N_("Your first sentence says how you are connected."),
        "fail": N_("Say how you are connected, or why you chose them, in your first sentence."),
    },
    "question": {
        "pass": N_("It ends with a question."),
        "fail": N_("End with one clear question, such as asking for 20 minutes of their time."),
    },
    "about-them": {
        "pass": N_("More about them than about you: {you} \u201cyou\u201d {you|word|words} and "
                   "{me} \u201cI\u201d {me|word|words}."),
        "fail": N_("Write more about them: use \u201cyou\u201d and \u201cyour\u201d more often "
                   "than \u201cI\u201d, \u201cme\u201d and \u201cmy\u201d."),
    },
}
# The checks that need a language's phrase rules (composer_rules): a language without those
# rules does not show them.
NEEDS_RULES = {"jobs": "job_phrases", "connection": "connection_phrases",
               "about-them": "you_words"}


def checks() -> dict[str, dict[str, str]]:
    """CHECKS in the active language, the LinkedIn limits filled in."""
    limits = {"free": FREE, "premium": PREMIUM}
    return {name: {state: gettext(text) % limits if "%(" in text else gettext(text)
                   for state, text in states.items()}
            for name, states in CHECKS.items()}


def checks_for(message: str, language_rules: rules.Rules) -> list[str]:
    """The checks a message gets in a language: those its rules can run."""
    return [check for check in MESSAGES[message].checks
            if check not in NEEDS_RULES or getattr(language_rules, NEEDS_RULES[check])]


# A template's first line "Subject: ...", in the bank's language ("Objet :" in French).
SUBJECT = N_("Subject:")


def split_subject(text: str) -> tuple[str, str]:
    """(subject, body) of a template whose first line may be "Subject: ..."."""
    first, _, rest = text.strip("\n").partition("\n")
    for subject in dict.fromkeys((gettext(SUBJECT), SUBJECT)):
        if first.startswith(subject):
            return first[len(subject):].strip(), rest.strip("\n") + "\n"
    return "", text.strip("\n") + "\n"


def offered(bank: Bank) -> list[Template]:
    """The composer's messages that the bank has (an overlay may hide some)."""
    return [bank.templates[name] for name in MESSAGES if name in bank.templates]


def composer_data(bank: Bank) -> dict[str, Any]:
    """Everything the page's script needs, as JSON-ready data."""
    language_rules = rules.rules_for(active().code)
    messages = []
    for template in offered(bank):
        subject, body = split_subject(template.text)
        messages.append({
            "id": template.id, "title": template.title, "description": template.description,
            "subject": subject, "body": body,
            "checks": checks_for(template.id, language_rules),
            "words": MESSAGES[template.id].words,
            "called": gettext(MESSAGES[template.id].called),
        })
    return {
        "fields": [{"id": field.id, "blank": field.blank} for field in translated_fields()],
        "messages": messages,
        "checks": checks(),
        "characters": {"free": FREE, "premium": PREMIUM},
        "jobPhrases": list(language_rules.job_phrases),
        "connectionPhrases": list(language_rules.connection_phrases),
        "youWords": list(language_rules.you_words),
        "meWords": list(language_rules.me_words),
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
        "inserts/composer.html.j2", fields=translated_fields(), templates=templates,
        data=composer_data(bank), text=template_text_html,
    )
