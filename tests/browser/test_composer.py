"""The message composer in a real browser: the messages, the checks, copying and the mail link.

Expected texts come from the shipped bank's templates (what a student sees must be what the
bank says), and the checks' words are written out here in full, as the student reads them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page

from generator.core.loader import load_bank
from generator.site.composer import FIELDS, composer_data, split_subject
from tests.conftest import BANK

from .conftest import is_local, scripts_ran, watch
from .test_accessibility import SCHEMES, check_page

pytestmark = pytest.mark.browser

PAGE = "guide/messages.html"
DESKTOP = {"width": 1280, "height": 900}
TEXT = "#ii-composer-text"
SUBJECT = "#ii-composer-subject"
# A student's answers, one per box.
ANSWERS = {
    "your-name": "Jo Smith",
    "their-name": "Ms Okafor",
    "connection": "Ana Silva, my tutor, suggested I write to you",
    "field": "hospital management",
    "learn": "how people start in this work",
    "learned": "why night shifts matter",
    "next": "join the student branch of the association",
}
HOSTILE = {
    "your-name": "<script>alert(1)</script>",
    "their-name": '"&amp; <b>Bold</b>',
    "connection": "$& and $1 and {count} and ' onmouseover='x",
    "field": "</textarea><img src=x onerror=alert(2)>",
    "learn": "&lt;i&gt; [brackets]",
    "learned": "\\n not a line break",
    "next": "100% \u00e9t\u00e9 \U0001f393",
}
MESSAGES = [m["id"] for m in composer_data(load_bank([BANK]))["messages"]]


@pytest.fixture(scope="module")
def templates() -> dict[str, tuple[str, str]]:
    bank = load_bank([BANK])
    return {name: split_subject(bank.templates[name].text) for name in MESSAGES}


def filled(text: str, answers: dict[str, str]) -> str:
    for field in FIELDS:
        value = answers.get(field.id, "")
        if value:
            text = re.sub(re.escape(field.blank), value.replace("\\", "\\\\"), text,
                          flags=re.IGNORECASE)
    return text


@pytest.fixture
def composer(site_url: str, new_page: Callable[..., Page]) -> Iterator[Page]:
    page = new_page(color_scheme="light", viewport=DESKTOP)
    page.goto(site_url + PAGE)
    yield page


def type_answers(page: Page, answers: dict[str, str]) -> None:
    for name, value in answers.items():
        page.fill(f"#ii-field-{name}", value)


def choose(page: Page, message: str) -> None:
    page.check(f'input[name="message"][value="{message}"]')


def checks(page: Page) -> dict[str, str]:
    """Each check's id -> its mark and words, as shown."""
    items = page.locator("[data-ii-check]")
    return {item.get_attribute("data-ii-check"): " ".join(item.inner_text().split())
            for item in items.all()}


@pytest.mark.parametrize("message", MESSAGES)
@pytest.mark.parametrize("answers", [ANSWERS, HOSTILE], ids=["plain", "hostile"])
def test_every_message_shows_what_the_student_typed(
    composer: Page, templates: dict[str, tuple[str, str]], message: str,
    answers: dict[str, str],
) -> None:
    page = composer
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    choose(page, message)
    type_answers(page, answers)
    subject, body = templates[message]
    expected = {field.id: " ".join(value.split()).rstrip(".,;:!? ")
                for field, value in ((f, answers[f.id]) for f in FIELDS)}
    assert page.input_value(TEXT) == filled(body, expected).rstrip("\n")
    if subject:
        assert page.input_value(SUBJECT) == filled(subject, expected)
    else:
        assert not page.locator(SUBJECT).is_visible()
    # Hostile text stays text: no new elements, no script ran.
    assert page.locator(".ii-composer img, .ii-composer b, .ii-composer script").count() == 0
    assert dialogs == []


def test_the_first_request_passes_every_check_when_filled_in_well(composer: Page) -> None:
    type_answers(composer, ANSWERS)
    text = composer.input_value(TEXT)
    count = word_count(text)
    you = len(re.findall(r"\b(?:you|your|yours|yourself)\b", text, flags=re.IGNORECASE))
    me = len(re.findall(r"\b(?:i|me|my|mine|myself)\b", text, flags=re.IGNORECASE))
    assert count < 75 and you > me
    shown = checks(composer)
    assert shown == {
        "words": f"OK {count} words: under the limit of 75.",
        "blanks": "OK Every blank is filled in.",
        "jobs": "OK No request for a job.",
        "connection": "OK Your first sentence says how you are connected.",
        "question": "OK It ends with a question.",
        "about-them": f"OK More about them than about you: {you} \u201cyou\u201d words and {me} "
                      "\u201cI\u201d words.",
    }
    assert composer.inner_text("[data-ii-composer-summary]") == "6 of 6 checks passed."


def word_count(text: str) -> int:
    return len([word for word in text.split() if re.search(r"\w", word)])


def test_each_check_says_what_to_change(composer: Page) -> None:
    page = composer
    type_answers(page, {**ANSWERS, "their-name": ""})
    assert checks(page)["blanks"] == (
        "To do Fill in the blank still in square brackets: [Their name].")
    type_answers(page, {"their-name": "Ms Okafor", "connection": ""})
    assert checks(page)["connection"] == (
        "To do Say how you are connected, or why you chose them, in your first sentence.")
    type_answers(page, {"connection": ANSWERS["connection"], "learn": "whether your team is Hiring"})
    assert checks(page)["jobs"] == (
        "To do Take out \u201cis Hiring\u201d: ask for advice and information, not for a job.")
    long = " ".join(["how the work changes from day to day"] * 5)
    type_answers(page, {"learn": long})
    over = word_count(page.input_value(TEXT)) - 74
    assert over > 0
    assert checks(page)["words"] == (
        f"To do Cut {over} words: a first request should be under 75 words.")
    # Typing over the message itself: the checks follow the new words.
    page.fill(TEXT, "Dear Ms Okafor,\n\nI am a student. I would like my questions answered. "
                    "Ana Silva, my tutor, suggested I write to you.\n\nThanks,\nJo")
    shown = checks(page)
    assert shown["connection"] == (
        "To do Say how you are connected, or why you chose them, in your first sentence.")
    assert shown["question"] == (
        "To do End with one clear question, such as asking for 20 minutes of their time.")
    assert shown["about-them"] == (
        "To do Write more about them: use \u201cyou\u201d and \u201cyour\u201d more often than "
        "\u201cI\u201d, \u201cme\u201d and \u201cmy\u201d.")
    assert page.locator("[data-ii-composer-edited]").is_visible()
    # A box changed after an edit leaves the edit alone; "Start again" brings the template back.
    type_answers(page, {"field": "nursing"})
    assert page.input_value(TEXT).startswith("Dear Ms Okafor,\n\nI am a student.")
    page.click("[data-ii-composer-reset]")
    assert "learning about nursing" in page.input_value(TEXT)
    assert not page.locator("[data-ii-composer-edited]").is_visible()


def test_a_linkedin_note_over_200_characters_needs_premium_and_over_300_fails(
    composer: Page,
) -> None:
    page = composer
    choose(page, "linkedin-note")
    type_answers(page, {**ANSWERS, "connection": "Ana Silva suggested I write",
                        "learn": "the first year"})
    length = len(page.input_value(TEXT))
    assert length <= 200
    assert checks(page)["characters"] == f"OK {length} of 200 characters."
    type_answers(page, ANSWERS)
    length = len(page.input_value(TEXT))
    assert 200 < length <= 300
    assert checks(page)["characters"] == (
        f"Note {length} characters: over the 200 of a free LinkedIn account. Only LinkedIn "
        f"Premium lets you send up to 300; otherwise cut {length - 200} characters.")
    # Allowed with Premium, so it still counts as passed.
    assert page.locator('.ii-check--warn[data-ii-check="characters"]').count() == 1
    failed = page.locator(".ii-check--fail").count()
    assert page.inner_text("[data-ii-composer-summary]") == f"{6 - failed} of 6 checks passed."
    type_answers(page, {"connection": "I read your long article in Hospital News on how big "
                                      "city hospitals plan the night shifts of their nurses "
                                      "across the cold winter months",
                        "learn": "how people start in this work and what the first year is like"})
    length = len(page.input_value(TEXT))
    assert length > 300
    assert checks(page)["characters"] == (
        f"To do Cut {length - 300} characters: a LinkedIn note can have 300 at most, even "
        "with Premium.")
    page.fill(TEXT, "Hello Ms Okafor, Ana Silva suggested I write. " + "x" * 240 + " Could we talk?")
    assert len(page.input_value(TEXT)) == 301
    assert checks(page)["characters"] == (
        "To do Cut 1 character: a LinkedIn note can have 300 at most, even with Premium.")
    assert not page.locator("[data-ii-composer-mail]").is_visible()


# Rules that live in composer.js (the phrases themselves come from composer_rules.py): each
# phrase is looked for in every kind of message, thank-you and update included.
JOB_REQUESTS = {
    "Do you have any openings on your team?": "any openings",
    "Could you pass my resume to your manager?": "pass my resume",
    "Are you hiring nurses this year?": "Are you hiring",
    "Could you get me an interview?": "get me an interview",
    "Can you get me a job interview?": "get me a job interview",
    "I am looking for a job in nursing.": "looking for a job",
    "My CV is attached.": "My CV is attached",
}
NOT_JOB_REQUESTS = (
    "You told me how nurses get hired into residency programs.",
    "You said job-shadowing is a good first step.",
    "You quoted Steve Jobs on doing work you love.",
    "How did you find your job, and what is your role like?",
)
BODY = "Dear Ms Okafor,\n\nAna Silva suggested I write to you. {sentence} Could we talk?\n\nJo"


@pytest.mark.parametrize("message", MESSAGES)
def test_every_message_is_checked_for_a_job_request_by_phrase(
    composer: Page, message: str,
) -> None:
    page = composer
    choose(page, message)
    for sentence, phrase in JOB_REQUESTS.items():
        page.fill(TEXT, BODY.format(sentence=sentence))
        assert checks(page)["jobs"] == (
            f"To do Take out \u201c{phrase}\u201d: ask for advice and information, not for "
            "a job."), sentence
    for sentence in NOT_JOB_REQUESTS:
        page.fill(TEXT, BODY.format(sentence=sentence))
        assert checks(page)["jobs"] == "OK No request for a job.", sentence


def test_a_thank_you_asking_for_a_job_interview_does_not_pass(composer: Page) -> None:
    page = composer
    choose(page, "thank-you")
    type_answers(page, ANSWERS)
    assert composer.inner_text("[data-ii-composer-summary]") == "3 of 3 checks passed."
    page.fill(TEXT, page.input_value(TEXT).replace(
        "I will let you know how it goes.", "Can you get me a job interview?"))
    assert checks(page)["jobs"] == (
        "To do Take out \u201cget me a job interview\u201d: ask for advice and information, "
        "not for a job.")
    assert composer.inner_text("[data-ii-composer-summary]") == "2 of 3 checks passed."


@pytest.mark.parametrize(("message", "limit", "called"), [
    ("outreach", 75, "a first request"), ("no-reply", 75, "a follow-up"),
    ("thank-you", 150, "a thank-you"), ("update", 150, "an update")])
def test_every_message_has_a_length_that_can_fail(
    composer: Page, message: str, limit: int, called: str,
) -> None:
    page = composer
    choose(page, message)
    type_answers(page, ANSWERS)
    count = word_count(page.input_value(TEXT))
    assert checks(page)["words"] == f"OK {count} words: under the limit of {limit}."
    page.fill(TEXT, BODY.format(sentence="You helped a lot. " * 92))
    assert word_count(page.input_value(TEXT)) == 382
    assert checks(page)["words"] == (
        f"To do Cut {382 - limit + 1} words: {called} should be under {limit} words.")
    page.fill(TEXT, "Thanks")
    assert checks(page)["words"] == f"OK 1 word: under the limit of {limit}."


def test_the_connection_check_reads_the_message_itself(composer: Page) -> None:
    page = composer
    type_answers(page, {**ANSWERS, "connection": ""})
    assert checks(page)["connection"] == (
        "To do Say how you are connected, or why you chose them, in your first sentence.")
    page.fill(TEXT, page.input_value(TEXT).replace(
        "[How you are connected]", "My tutor, Ana Silva, gave me your name"))
    assert checks(page)["connection"] == "OK Your first sentence says how you are connected."
    page.fill(TEXT, "Dear Ms Okafor,\n\nI am a student. I read your article.\n\nJo")
    assert checks(page)["connection"] == (
        "To do Say how you are connected, or why you chose them, in your first sentence.")


def test_one_i_word_is_one_word(composer: Page) -> None:
    page = composer
    page.fill(TEXT, "Dear Ms Okafor,\n\nYour talk on nursing was great, and you answered every "
                    "question. I wonder: would you have 20 minutes for your advice?\n\nJo")
    assert checks(page)["about-them"] == (
        "OK More about them than about you: 4 \u201cyou\u201d words and 1 \u201cI\u201d word.")


def test_the_mail_link_goes_to_the_address_typed_and_only_to_one(composer: Page) -> None:
    page = composer
    type_answers(page, ANSWERS)
    page.fill("#ii-composer-to", "a.okafor@example.org")
    href = page.get_attribute("[data-ii-composer-mail]", "href")
    assert href.startswith("mailto:a.okafor@example.org?subject=")
    assert not page.locator("[data-ii-composer-to-note]").is_visible()
    for hostile in ("a@example.org?cc=b@example.org", "a@example.org,b@example.org",
                    "a@example.org&bcc=b@example.org", "not an address"):
        page.fill("#ii-composer-to", hostile)
        parts = urlsplit(page.get_attribute("[data-ii-composer-mail]", "href"))
        assert parts.path == "" and sorted(parse_qs(parts.query)) == ["body", "subject"]
        assert page.locator("[data-ii-composer-to-note]").is_visible()


@pytest.mark.parametrize("answers", [ANSWERS, HOSTILE], ids=["plain", "hostile"])
def test_the_mail_link_holds_the_exact_subject_and_message(
    composer: Page, answers: dict[str, str],
) -> None:
    page = composer
    choose(page, "thank-you")
    type_answers(page, answers)
    href = page.get_attribute("[data-ii-composer-mail]", "href")
    parts = urlsplit(href)
    assert parts.scheme == "mailto" and parts.path == ""
    # Every reserved character is percent-encoded: "&" or "=" typed by the student cannot add
    # or end a header, and there is no "+" a mail program could read as a space.
    assert set(re.sub(r"%[0-9A-F]{2}", "", parts.query)) <= set(
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.!~*'()&=")
    query = parse_qs(parts.query, keep_blank_values=True, strict_parsing=True)
    assert sorted(query) == ["body", "subject"]
    assert query["subject"] == [page.input_value(SUBJECT)]
    assert query["body"] == [page.input_value(TEXT).replace("\n", "\r\n")]


def test_copy_puts_the_message_on_the_clipboard(
    site_url: str, new_page: Callable[..., Page],
) -> None:
    page = new_page(color_scheme="light", viewport=DESKTOP,
                    permissions=["clipboard-read", "clipboard-write"])
    page.goto(site_url + PAGE)
    type_answers(page, HOSTILE)
    page.click("[data-ii-composer-copy]")
    # The status is written when the browser says the copy is done (a promise), not at once.
    status = page.locator("[data-ii-composer-status]")
    page.wait_for_function("el => el.textContent.trim() !== ''", arg=status.element_handle())
    assert status.inner_text() == "Copied. Paste it into your message."
    assert page.evaluate("navigator.clipboard.readText()") == page.input_value(TEXT)


def test_a_guide_template_copies_as_it_reads(site_url: str, new_page: Callable[..., Page]) -> None:
    page = new_page(color_scheme="light", viewport=DESKTOP,
                    permissions=["clipboard-read", "clipboard-write"])
    page.goto(site_url + "guide/afterwards.html")
    template = load_bank([BANK]).templates["thank-you"].text.rstrip("\n")
    block = page.locator('[data-ii-template="thank-you"]')
    assert block.inner_text() == template
    page.locator(".ii-template__actions button").first.click()
    assert page.evaluate("navigator.clipboard.readText()") == template


@pytest.mark.parametrize("scheme", list(SCHEMES))
def test_the_composer_passes_axe_while_in_use(
    scheme: str, site_url: str, new_page: Callable[..., Page], axe: Axe,
) -> None:
    page = new_page(color_scheme=scheme, viewport=DESKTOP)
    page.goto(site_url + PAGE)
    type_answers(page, {**ANSWERS, "their-name": "", "learn": "which job openings you have"})
    assert page.locator(".ii-check--fail").count() >= 2
    assert check_page(axe, page, PAGE, scheme) == []


@pytest.fixture(scope="module")
def axe() -> Axe:
    return Axe()


def test_using_the_composer_sends_nothing_and_logs_no_error(
    site_url: str, new_page: Callable[..., Page],
) -> None:
    page = new_page(color_scheme="light", viewport=DESKTOP)
    log = watch(page)
    page.goto(site_url + PAGE, wait_until="networkidle")
    before = len(log.requests)
    for message in MESSAGES:
        choose(page, message)
        type_answers(page, HOSTILE)
        page.keyboard.type(" more")
    page.wait_for_load_state("networkidle")
    # The tab's icon is the browser's own request, made whenever Chromium chooses (once seen
    # after the page was quiet): it is not the composer sending anything.
    assert [url for url in log.requests[before:] if not url.endswith("/favicon.svg")] == []
    assert all(is_local(url, site_url) for url in log.requests)
    assert not log.console_errors and not log.page_errors


def test_without_javascript_the_messages_are_plain_text(
    site_url: str, new_page: Callable[..., Page], templates: dict[str, tuple[str, str]],
) -> None:
    page = new_page(color_scheme="light", viewport=DESKTOP, java_script_enabled=False)
    page.goto(site_url + PAGE)
    assert not page.locator("[data-ii-composer-form]").is_visible()
    assert page.locator("[data-ii-composer-nojs]").is_visible()
    bank = load_bank([BANK])
    for name in MESSAGES:
        block = page.locator(f'[data-ii-template="{name}"]')
        assert block.is_visible()
        assert block.inner_text() == bank.templates[name].text.rstrip("\n")


def test_the_composer_works_from_disk(built_site: Path, new_page: Callable[..., Page]) -> None:
    page = new_page(color_scheme="light", viewport=DESKTOP)
    log = watch(page)
    page.goto((built_site / PAGE).as_uri())
    type_answers(page, ANSWERS)
    assert "Dear Ms Okafor," in page.input_value(TEXT)
    assert not log.console_errors and not log.page_errors


def test_the_composer_is_linked_from_the_home_page_and_the_chapters(
    site_url: str, new_page: Callable[..., Page],
) -> None:
    page = new_page(color_scheme="light", viewport=DESKTOP)
    for source in ("index.html", "guide/asking.html", "guide/afterwards.html"):
        page.goto(site_url + source)
        page.locator(".md-content a[href$='messages.html']").first.click()
        page.wait_for_url(f"**/{PAGE}")
        scripts_ran(page)  # a click is not a goto: the composer's script starts after paint
        assert page.locator("[data-ii-composer-form]").is_visible()


def test_a_reload_leaves_the_boxes_empty(composer: Page) -> None:
    page = composer
    type_answers(page, ANSWERS)
    page.fill(TEXT, "My own words.")
    page.reload()
    for name in ANSWERS:
        assert page.input_value(f"#ii-field-{name}") == "", name
    assert "Jo Smith" not in page.input_value(TEXT)
    # Material keeps its own settings in the browser's storage; none of them holds our text.
    stored = page.evaluate("JSON.stringify([{...localStorage}, {...sessionStorage}])")
    assert not any(value in stored for value in ANSWERS.values())
    assert page.context.cookies() == []


def test_a_thank_you_is_filled_from_a_meeting_kept_in_the_sheet_maker(composer: Page) -> None:
    page = composer
    assert not page.locator("[data-ii-composer-meetings]").is_visible()
    page.evaluate("""localStorage.setItem('infointerview.meetings', JSON.stringify({version: 2,
      meetings: [{id: 'm1', choice: {}, contact: {name: 'Ms <b>Okafor</b>',
        organisation: 'City Hospital', connection: 'Ana Silva suggested I write to you',
        learned: 'why night shifts matter', next: 'join the student branch'}}]}))""")
    page.reload()
    choose(page, "thank-you")
    page.select_option("#ii-composer-meeting", label="Ms <b>Okafor</b> (City Hospital)")
    text = page.input_value(TEXT)
    assert text.startswith("Dear Ms <b>Okafor</b>,")
    assert "Your point about why night shifts matter was" in text
    assert "a clear next step: join the student branch." in text
    assert page.input_value("#ii-field-connection") == "Ana Silva suggested I write to you"
    assert page.locator(".ii-composer b").count() == 0
