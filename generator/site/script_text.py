"""The words of the site's scripts (site_overrides/assets/javascripts/*.js), declared once here.

Why here: the scripts keep no text of their own (issue 21). Each piece of text they show (a
button, a status line, an aria-label, a message in a calendar file) has a stable key below,
grouped by the script that shows it (the key starts with the script's name). The build
translates them with `gettext` in the language it is working in, and writes them for the page
as `assets/javascripts/text.js` (`script_files`, one per language's build); a page that lists
scripts loads it before them (site_overrides/main.html). The words of the scripts only the
sheet maker page runs (MAKER_SCRIPTS) are in a second file, `text-sheet-maker.js`, which that
page lists first: every page that loads text.js keeps within its byte budget
(tests/browser/test_page_weight.py; the composer's page was 1-2 KB under it). A script asks for
a key with `t(key, values)` (text-helper.js); a key that is missing shows as
`[missing text: key]`, never as English. tests/js/script-text.test.js checks that every key
a script asks for is here, and tests/test_script_text.py that every key here is asked for by
some script.

How a text is written (translators: keep every `{...}` name as it is):
- `{name}` is a value the script fills in: a number, a question, a date, a person's name.
- `{count|one|other}` is a word chosen by the number `count`: the first when the language
  calls that number singular (Intl.PluralRules' "one": 1 in English; 0 and 1 in French), the
  second otherwise. Write the words your language needs in each, for example
  `{count|rencontre|rencontres}`. A language with more than two forms uses the second for all
  but "one" (keep the sentence neutral, or say it with a number: "Rencontres : {count}").
- Dates are not here: the scripts write them with the browser's date formats in the page's
  language (`<html lang>`).

Not here: the names in files and addresses (`my-meetings.json`, the `.ics` file names, the
calendar's PRODID), which are identifiers, and the texts the build already writes into the
page (the form's labels, the composer's checks, the follow-up steps).
"""

from __future__ import annotations

import json

from generator.core.languages import N_, gettext

TEXT_PATH = "assets/javascripts/text.js"
MAKER_TEXT_PATH = "assets/javascripts/text-sheet-maker.js"
# The scripts that run on the sheet maker page only (page_sheet_maker.md.j2 lists them).
MAKER_SCRIPTS = frozenset({"follow-ups", "my-meetings", "qr", "question-finder",
                           "sheet-actions", "sheet-edit", "sheet-maker"})

# infointerview.js's one text, which the MkDocs plugin gives it through the page (main.html).
CODE_TOOLS = "infointerview.code-tools"

SCRIPT_TEXT: dict[str, str] = {
    # infointerview.js (every page): Material's code block tools, numbered for screen readers.
    "infointerview.code-tools": N_("Code block {number} tools"),

    # bank-filter.js (the question bank page's filter).
    "bank-filter.showing": N_("Showing {shown} of {total} questions."),

    # composer.js (the message composer and the templates' Copy buttons).
    "composer.mark-pass": N_("OK"),
    "composer.mark-warn": N_("Note"),
    "composer.mark-fail": N_("To do"),
    "composer.summary": N_("{passed} of {total} checks passed."),
    "composer.copied-message": N_("Copied. Paste it into your message."),
    "composer.copy-failed-message": N_(
        "Copying did not work. Select the message and copy it with your keyboard."),
    "composer.copy-template": N_("Copy this template"),
    "composer.copied-template": N_("Copied."),
    "composer.copy-failed-template": N_(
        "Copying did not work. Select the text and copy it with your keyboard."),
    "composer.meeting-option": N_("{name} ({organisation})"),

    # follow-ups.js ("What to do next" on the sheet maker page, and its calendar files).
    "follow-ups.your-contact": N_("your contact"),
    "follow-ups.same-organisation": N_("the same organisation"),
    "follow-ups.when": N_("{date}: "),
    "follow-ups.when-past": N_("{date} (past): "),
    "follow-ups.add-to-calendar": N_("Add to calendar"),
    "follow-ups.add-to-calendar-label": N_("Add to calendar: {step}"),
    "follow-ups.calendar-description": N_("Informational interview: {about}"),

    # meetings.js (reading and writing the kept meetings).
    "meetings.old-date": N_("Date: {date}"),
    "meetings.not-a-file": N_(
        "This file is not a file of meetings saved by this page. Nothing was read."),
    "meetings.no-meetings-in-file": N_(
        "This file does not hold any meetings saved by this page. Nothing was read."),
    "meetings.damaged": N_("The meetings kept on this device were damaged and could not be read."),
    "meetings.newer": N_("These meetings were saved by a newer version of this site, so this "
                         "page cannot read them. Nothing was changed."),
    "meetings.lost": N_("{count} {count|meeting|meetings} could not be read and "
                        "{count|was|were} left out."),
    "meetings.old-damaged": N_(
        "What an older version of this page kept was damaged and could not be read."),

    # my-meetings.js ("My meetings" on the sheet maker page).
    "my-meetings.storage-refused": N_(
        "This browser did not let the page keep your meetings (storage is off or full)."),
    "my-meetings.unnamed": N_("Someone you have not named yet"),
    "my-meetings.open-now": N_("{title} (open now)"),
    "my-meetings.open": N_("Open"),
    "my-meetings.open-label": N_("Open {title}"),
    "my-meetings.forget": N_("Forget"),
    "my-meetings.forget-label": N_("Forget {title}"),
    "my-meetings.undo-brings-back": N_("{said} Undo brings {count|it|them} back."),
    "my-meetings.opened": N_("Opened: {title}."),
    "my-meetings.opened-lost": N_(
        "Opened: {title}. {count} changed {count|question is|questions are} no longer in the "
        "question bank, so {count|it is|they are} left out."),
    "my-meetings.kept": N_("This meeting is now kept on this device, with every change you make."),
    "my-meetings.no-longer-kept": N_("This meeting is no longer kept on this device."),
    "my-meetings.forgotten": N_("Forgotten: {title}."),
    "my-meetings.all-forgotten": N_("All your meetings are forgotten on this device."),
    "my-meetings.undone": N_("Undone: your meetings are back."),
    "my-meetings.new": N_(
        "A new, empty meeting. Tick \u201cKeep this meeting on this device\u201d to keep it."),
    "my-meetings.saved": N_(
        "Saved {count} {count|meeting|meetings} to the file {file} in your downloads."),
    "my-meetings.file-empty": N_("The file holds no meetings."),
    "my-meetings.read": N_("Read {count} {count|meeting|meetings} from the file."),

    # qr.js (the share address as a QR code).
    "qr.too-long": N_("This address is too long for a QR code. Copy the address instead."),
    "qr.label": N_("QR code of the address above, to open this sheet on a phone"),

    # question-finder.js ("Add a question from the bank" on the sheet maker page).
    "question-finder.add": N_("Add"),
    "question-finder.add-label": N_("Add: {question}"),
    "question-finder.none": N_("No question found."),
    "question-finder.found": N_("{count} {count|question|questions} found."),
    "question-finder.found-first": N_("{count} questions found; the first {shown} are shown."),

    # records.js (the contact log and the debrief, filled from the kept meetings).
    "records.replied-yes": N_("Yes"),
    "records.contact": N_("Contact {number}"),
    "records.contact-named": N_("Contact {number}: {name}"),
    "records.not-named": N_("not named"),
    "records.unnamed": N_("Someone you have not named yet"),
    "records.filled": N_(
        "Filled in from the {count} {count|meeting|meetings} kept on this device (the sheet "
        "maker\u2019s \u201cMy meetings\u201d). Nothing here is sent anywhere. The empty entries "
        "below are for writing by hand; the thank-you date is one to write in yourself."),
    "records.blank": N_("{problem} The record below is blank for writing by hand."),

    # sheet-actions.js (what each change does to the sheet, as the live region says it).
    "sheet-actions.no-other": N_("No other question suits this meeting."),
    "sheet-actions.swapped": N_("Question {number} is now: {question}"),
    "sheet-actions.removed": N_(
        "Question {number} is removed: {question}. Undo brings it back."),
    "sheet-actions.moved": N_("Question {from} is now question {to}."),
    "sheet-actions.reworded": N_("Question {number} now reads: {question}"),
    "sheet-actions.already": N_("That question is already on your sheet."),
    "sheet-actions.added": N_("Question {number} is added to the sheet."),

    # sheet-edit.js (the buttons by each question). The labels are also how sheet-actions.js
    # and sheet-maker.js find a button again to focus it, so they ask for the same keys.
    "sheet-edit.swap": N_("Swap"),
    "sheet-edit.swap-label": N_("Swap question {number} for another"),
    "sheet-edit.reword": N_("Reword"),
    "sheet-edit.reword-label": N_("Reword question {number}"),
    "sheet-edit.up": N_("Up"),
    "sheet-edit.up-label": N_("Move question {number} up"),
    "sheet-edit.down": N_("Down"),
    "sheet-edit.down-label": N_("Move question {number} down"),
    "sheet-edit.remove": N_("Remove"),
    "sheet-edit.remove-label": N_("Remove question {number}"),
    "sheet-edit.reword-box": N_("Question {number} in your words"),
    "sheet-edit.keep": N_("Keep"),
    "sheet-edit.keep-label": N_("Keep these words"),
    "sheet-edit.cancel": N_("Cancel"),
    "sheet-edit.cancel-label": N_("Cancel rewording"),

    # sheet-maker.js (the sheet maker's status line and its notes).
    "sheet-maker.status": N_(
        "Sheet for a {minutes}-minute {meeting} with {role}: {count} {count|question|questions}"),
    "sheet-maker.status-industry": N_(
        "Sheet for a {minutes}-minute {meeting} with {role} ({industry}): "
        "{count} {count|question|questions}"),
    "sheet-maker.old-changes": N_(
        "{status}. Your other changes were for the old choice: Undo brings them back."),
    "sheet-maker.lost": N_(
        "{status}. {count} changed {count|question is|questions are} no longer in the bank."),
    "sheet-maker.no-room": N_(
        "Page 1 has room for {room} questions with space to write under each, and this sheet "
        "has {count}. Remove {excess} of your own questions, or the closing will print on "
        "page 2."),
    "sheet-maker.undone": N_("Undone."),
    "sheet-maker.type-first": N_("Type your question first."),
}


def script_catalogue() -> dict[str, str]:
    """Every key of SCRIPT_TEXT with its text in the active language (English when none)."""
    return {key: gettext(text) for key, text in SCRIPT_TEXT.items()}


# Characters that would end or confuse a <script> element, or a script in older engines.
_SCRIPT_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026",
                   "\u2028": "\\u2028", "\u2029": "\\u2029"}


def script_json(value: object) -> str:
    """`value` as JSON that is safe inside a script, in a file or a <script> element."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    for character, escaped in _SCRIPT_ESCAPES.items():
        text = text.replace(character, escaped)
    return text


def script_files(helper: str) -> dict[str, str]:
    """text.js and text-sheet-maker.js in the active language, by path: the words of every
    script, then `helper` (text-helper.js, which defines `window.infointerviewT`) in text.js,
    so that a page has both with one request."""
    words = script_catalogue()
    maker = {key: text for key, text in words.items() if key.split(".")[0] in MAKER_SCRIPTS}
    common = {key: text for key, text in words.items() if key not in maker}
    def written(part: dict[str, str]) -> str:
        return ("/* The words of this site's scripts, in this page's language: written by the "
                "build from generator/site/script_text.py. */\nwindow.infointerviewText = "
                f"Object.assign(window.infointerviewText || {{}}, {script_json(part)});\n")

    return {TEXT_PATH: written(common) + helper, MAKER_TEXT_PATH: written(maker)}
