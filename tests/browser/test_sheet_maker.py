"""The sheet maker page in a real browser: the same sheets as the CLI, the address, the
student's own text, and the bank page's filter that shares its data."""

from __future__ import annotations

import random
import re
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import yaml
from axe_playwright_python.sync_playwright import Axe
from PIL import Image
from playwright.sync_api import Page

from generator.core.bank_translations import TRANSLATIONS
from generator.core.loader import load_bank
from generator.core.model import Bank
from generator.core.sheet import SheetRequest
from generator.core.tailor import build_sheet, suits
from generator.rendering import render
from generator.rendering.documents import sheet_document
from generator.site.sheet_maker import DATA_PATH, MINUTE_STEPS, SUITS_PATH, data_assets
from tests.conftest import (
    BANK,
    ROOT,
    SOURCE_DATE_EPOCH,
    copy_project,
    mkdocs_command,
    run,
    run_cli,
)
from tests.maker_cases import every_choice, expected, request_for
from tests.pdf_layout import find_line, pdf_lines, space_below

from .conftest import is_local, open_maker, serve, watch
from .test_accessibility import SCHEMES, axe_violations, describe

pytestmark = pytest.mark.browser

MAKER = "sheets/make.html"
FIXTURE = ROOT / "tests" / "fixtures" / "maker"
SCRIPT = ROOT / "site_overrides" / "assets" / "javascripts" / "sheet-lookup.js"
SUITS_NAME = Path(SUITS_PATH).name
AXES = ("goal", "role", "format", "industry", "minutes")
EXAMPLE = "#goal=student&role=recruiter&format=video&industry=healthcare&minutes=20"
# What is printed: the sheet's visible text with runs of white space made one space.
PRINTED_TEXT = "el => el.innerText.split(/\\s+/).join(' ').trim()"
SHEET_IDS = "el => Array.from(el.querySelectorAll('li.ii-q[id]')).map(li => li.id)"


@pytest.fixture(scope="module")
def bank() -> Bank:
    return load_bank([BANK])


@pytest.fixture
def maker(page: Page, site_url: str) -> Page:
    open_maker(page, site_url + MAKER)
    page.locator(".ii-sheet").wait_for(state="visible")
    return page


def _lookup_all(page: Page, choices: list[dict[str, str]]) -> list[dict]:
    return page.evaluate("cs => cs.map(c => window.infointerviewMaker.lookup(c))", choices)


def test_the_pages_lookup_gives_build_sheets_answer_for_every_shipped_choice(
    maker: Page, bank: Bank,
) -> None:
    choices = every_choice(bank)
    # Every goal, role and format, every industry or none, every length the page offers.
    assert len(choices) == (len(bank.goals) * len(bank.roles) * len(bank.formats)
                            * (len(bank.industries) + 1) * len(MINUTE_STEPS)) >= 3000
    found = _lookup_all(maker, choices)
    wrong = [(c, f) for c, f in zip(choices, found, strict=True) if f != expected(bank, c)]
    assert not wrong, f"{len(wrong)} of {len(choices)} differ; first: {wrong[0]}"


def test_the_pages_lookup_gives_build_sheets_answer_for_a_small_bank(
    tmp_path: Path, page: Page,
) -> None:
    """The same script with the data of a small bank written for these tests."""
    bank = load_bank([FIXTURE])
    for path, text in data_assets(bank).items():
        (tmp_path / Path(path).name).write_text(text, encoding="utf-8")
    shutil.copy(SCRIPT, tmp_path / SCRIPT.name)
    (tmp_path / "index.html").write_text(
        '<!DOCTYPE html><html lang="en"><title>t</title>'
        f'<script src="{Path(SUITS_PATH).name}"></script>'
        f'<script src="{Path(DATA_PATH).name}"></script>'
        f'<script src="{SCRIPT.name}"></script></html>', encoding="utf-8",
    )
    page.goto((tmp_path / "index.html").as_uri())
    choices = every_choice(bank)
    found = _lookup_all(page, choices)
    wrong = [(c, f) for c, f in zip(choices, found, strict=True) if f != expected(bank, c)]
    assert not wrong, f"{len(wrong)} of {len(choices)} differ; first: {wrong[0]}"


@pytest.fixture(scope="module")
def synthetic_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Bank]]:
    """A copied project whose bank is a small synthetic one (benchmarks/synth.py: the shipped
    vocabulary and guidance, 60 generated questions), built with `mkdocs build --strict`, in
    English only: the generated questions have no French, which a French build requires."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import synth

    project = copy_project(tmp_path_factory.mktemp("synthetic"))
    shutil.rmtree(project / "question_bank")
    config = project / "mkdocs.yml"
    english = config.read_text(encoding="utf-8").replace("languages: [en, fr]", "languages: [en]")
    assert english != config.read_text(encoding="utf-8")
    config.write_text(english, encoding="utf-8")
    # The shipped bank without its translations, which name the shipped questions.
    shipped = shutil.copytree(BANK, project / "shipped", ignore=lambda folder, _names: (
        [TRANSLATIONS] if Path(folder) == BANK else []))
    synth.write_bank(60, project / "question_bank", shipped=shipped)
    shutil.rmtree(shipped)
    result = run(mkdocs_command(project, project / "site"), cwd=project,
                 SOURCE_DATE_EPOCH=SOURCE_DATE_EPOCH, INFOINTERVIEW_PDF="false")
    assert result.returncode == 0, result.stderr
    with serve(project / "site") as url:
        yield url, load_bank([project / "question_bank"])


def test_the_pages_lookup_and_controls_give_build_sheets_answer_for_a_synthetic_bank(
    synthetic_site: tuple[str, Bank], page: Page, new_page: Callable[..., Page],
) -> None:
    url, bank = synthetic_site
    open_maker(page, url + MAKER)
    choices = every_choice(bank)
    found = _lookup_all(page, choices)
    wrong = [(c, f) for c, f in zip(choices, found, strict=True) if f != expected(bank, c)]
    assert not wrong, f"{len(wrong)} of {len(choices)} differ; first: {wrong[0]}"
    cli = new_page(color_scheme="light")
    cli.emulate_media(media="print")
    for choice in random.Random(60).sample(choices, 10):
        _choose(page, choice)
        sheet = build_sheet(bank, request_for(choice))
        cli.set_content(sheet_document(sheet))
        article = cli.locator(".ii-sheet")
        assert _printed(page) == (article.evaluate(PRINTED_TEXT), article.evaluate(SHEET_IDS))


def _choose(page: Page, choice: dict[str, str]) -> None:
    for axis in AXES:
        page.select_option(f"#ii-maker-{axis}", choice[axis])


def _printed(page: Page) -> tuple[str, list[str]]:
    page.emulate_media(media="print")
    sheet = page.locator(".ii-sheet")
    text, ids = sheet.evaluate(PRINTED_TEXT), sheet.evaluate(SHEET_IDS)
    page.emulate_media(media="screen")
    return text, ids


def test_fifty_choices_made_with_the_controls_print_the_clis_sheet(
    maker: Page, bank: Bank, new_page: Callable[..., Page],
) -> None:
    cli = new_page(color_scheme="light")
    cli.emulate_media(media="print")
    for choice in random.Random(10).sample(every_choice(bank), 50):
        _choose(maker, choice)
        sheet = build_sheet(bank, request_for(choice))
        cli.set_content(sheet_document(sheet))
        article = cli.locator(".ii-sheet")
        want = (article.evaluate(PRINTED_TEXT), article.evaluate(SHEET_IDS))
        assert _printed(maker) == want, choice
        status = maker.locator("[data-ii-maker-status]").text_content() or ""
        assert status.endswith(f": {len(sheet.questions)} questions"), status


def test_the_page_prints_what_the_cli_writes_to_an_html_file(
    maker: Page, tmp_path: Path, new_page: Callable[..., Page],
) -> None:
    output = tmp_path / "sheet.html"
    result = run_cli("sheet", "--goal", "student", "--role", "recruiter", "--format", "video",
                     "--industry", "healthcare", "--minutes", "20", "--output", str(output))
    assert result.returncode == 0, result.stderr
    cli = new_page(color_scheme="light")
    cli.emulate_media(media="print")
    cli.goto(output.as_uri())
    article = cli.locator(".ii-sheet")
    maker.goto(maker.url.split("#")[0] + EXAMPLE)
    assert _printed(maker) == (article.evaluate(PRINTED_TEXT), article.evaluate(SHEET_IDS))


def test_a_format_without_its_own_after_tips_shows_the_default_after_list(
    tmp_path: Path, new_page: Callable[..., Page],
) -> None:
    """A centre's bank may give after-meeting tips to some formats only; the maker then shows
    the sheet's default list for the others, as the CLI's sheet does."""
    project = copy_project(tmp_path / "project")
    tips_file = project / "question_bank" / "guidance" / "tips.yml"
    document = yaml.safe_load(tips_file.read_text(encoding="utf-8"))
    for tip in document["tips"]:
        if tip["stage"] == "after":
            tip["formats"] = ["video"]
    tips_file.write_text(yaml.safe_dump(document, sort_keys=False, allow_unicode=True),
                         encoding="utf-8")
    result = run(mkdocs_command(project, project / "site"), cwd=project,
                 SOURCE_DATE_EPOCH=SOURCE_DATE_EPOCH, INFOINTERVIEW_PDF="false")
    assert result.returncode == 0, result.stderr
    bank = load_bank([project / "question_bank"])
    # The default list as the template renders it (its words go through gettext).
    default = [" ".join(item.split()) for item in re.findall(
        r"<li>(.*?)</li>", str(render.render_html("sheet_after_default.html.j2")))]
    with serve(project / "site") as url:
        page = new_page()
        cli = new_page(color_scheme="light")
        cli.emulate_media(media="print")
        for format_id in ("in-person", "video"):
            open_maker(page, f"{url}{MAKER}#goal=explore&role=practitioner&format={format_id}")
            page.locator(".ii-sheet").wait_for(state="visible")
            shown = page.locator('[data-ii-slot="after"] li').all_inner_texts()
            sheet = build_sheet(bank, SheetRequest(goal="explore", format=format_id))
            assert bool(sheet.after) == (format_id == "video")  # the case this test is about
            assert shown == ([t.text for t in sheet.after] or default), format_id
            cli.set_content(sheet_document(sheet))
            article = cli.locator(".ii-sheet")
            assert _printed(page) == (article.evaluate(PRINTED_TEXT),
                                      article.evaluate(SHEET_IDS)), format_id


def test_the_address_holds_the_choice_both_ways(maker: Page) -> None:
    maker.goto(maker.url.split("#")[0] + EXAMPLE)
    values = {axis: maker.locator(f"#ii-maker-{axis}").input_value() for axis in AXES}
    assert values == {"goal": "student", "role": "recruiter", "format": "video",
                      "industry": "healthcare", "minutes": "20"}
    assert maker.locator("[data-ii-maker-status]").text_content() == (
        "Sheet for a 20-minute video call with a recruiter (Healthcare): 4 questions"
    )
    maker.select_option("#ii-maker-minutes", "45")
    maker.select_option("#ii-maker-industry", "")
    assert maker.url.endswith("#goal=student&role=recruiter&format=video&minutes=45")
    maker.reload()
    assert maker.locator("#ii-maker-minutes").input_value() == "45"
    assert maker.locator("#ii-maker-industry").input_value() == ""
    assert maker.locator("[data-ii-sheet-title], .ii-sheet__meta").first.inner_text().startswith(
        "45-minute meeting with a recruiter"
    )


def maker_address(where: str, built_site: Path, sub_path_url: str) -> str:
    """The sheet maker opened from disk ("file") or served under a sub-path ("sub-path")."""
    return (built_site / MAKER).as_uri() if where == "file" else sub_path_url + MAKER


@pytest.mark.parametrize("where", ["file", "sub-path"])
def test_a_shared_address_opens_the_same_sheet_from_disk_and_under_a_sub_path(
    where: str, built_site: Path, sub_path_url: str, page: Page, bank: Bank,
) -> None:
    log = watch(page)
    open_maker(page, maker_address(where, built_site, sub_path_url) + EXAMPLE)
    assert page.locator("[data-ii-maker-status]").text_content() == (
        "Sheet for a 20-minute video call with a recruiter (Healthcare): 4 questions"
    )
    assert page.locator(".ii-sheet [data-ii-slot=questions] > li").count() == 4
    # The question finder loads which questions suit the meeting (bank-suits.js) when first
    # used, there too, and finds only those.
    assert not [url for url in log.requests if SUITS_NAME in url]
    page.fill("#ii-maker-find", "day")
    page.locator("[data-ii-maker-found] li").first.wait_for()
    assert [url for url in log.requests if SUITS_NAME in url]
    request = request_for({"goal": "student", "role": "recruiter", "format": "video",
                           "industry": "healthcare", "minutes": "20"})
    by_text = {q.text: q for q in bank.questions.values()}
    found = page.locator("[data-ii-maker-found] li span").all_inner_texts()
    assert all(suits(by_text[text.strip()], request) for text in found), found
    assert not log.console_errors and not log.page_errors, log


def test_typed_details_and_own_questions_are_printed(maker: Page, tmp_path: Path) -> None:
    maker.fill("#ii-maker-name", "Dr <i>Ana</i> Silva")
    maker.fill("#ii-maker-title", "Lab manager")
    maker.fill("#ii-maker-organisation", "City Hospital")
    maker.fill("#ii-maker-date", "2026-05-03T14:30")
    maker.fill("#ii-maker-connection", "My tutor, Jo Lee")
    maker.fill("#ii-maker-intro", "I study biology and want to work in a lab.")
    maker.fill("#ii-maker-notes", "Private research note")
    maker.fill("#ii-maker-own", "What does a lab week look like?")
    maker.click("[data-ii-maker-add]")
    prepared = maker.locator(".ii-sheet [data-ii-slot=questions] > li").count()
    assert maker.locator("[data-ii-slot=extras]").get_attribute("start") == str(prepared + 1)
    text, _ = _printed(maker)
    # The date as the student's browser writes dates (Chromium's en-US here).
    for typed in ("Dr <i>Ana</i> Silva, Lab manager", "City Hospital",
                  "Sunday, May 3, 2026 at 2:30 PM", "My tutor, Jo Lee", "want to work in a lab.",
                  "What does a lab week look like?"):
        assert typed in text
    assert "Private research note" not in text
    maker.emulate_media(media="print")
    pdf = tmp_path / "sheet.pdf"
    pdf.write_bytes(maker.pdf(format="Letter", print_background=True))
    words = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                           check=True).stdout
    assert "City Hospital" in words and "What does a lab week look like?" in words
    assert "Swap" not in words and "Your meeting" not in words


def test_swap_gives_another_question_that_suits_the_same_meeting(
    maker: Page, bank: Bank,
) -> None:
    maker.goto(maker.url.split("#")[0] + EXAMPLE)
    before = maker.locator(".ii-sheet").evaluate(SHEET_IDS)
    maker.click("[aria-label='Swap question 2 for another']")
    after = maker.locator(".ii-sheet").evaluate(SHEET_IDS)
    assert after[:1] == before[:1] and after[2:] == before[2:]
    new = after[1].removeprefix("q-")
    assert f"q-{new}" not in before
    request = SheetRequest(goal="student", role="recruiter", industry="healthcare")
    assert suits(bank.questions[new], request)
    assert maker.locator("[data-ii-maker-status]").text_content() == (
        f"Question 2 is now: {bank.questions[new].text}"
    )
    assert maker.evaluate("document.activeElement.getAttribute('aria-label')") == (
        "Swap question 2 for another"
    )


# A 30-minute sheet for someone who does the work: six prepared questions, all swappable.
SWAP_MEETING = "#goal=career-change&role=practitioner&format=in-person&minutes=30"


def test_swapping_never_puts_two_questions_of_one_kind_on_the_sheet(
    maker: Page, bank: Bank,
) -> None:
    """The rule Python decides for the first sheet, kept by the page's script (sheet-actions.js,
    nextSuiting) as the student swaps: only questions tailor listed for the meeting come in, and
    never one of a kind already on the sheet."""
    maker.goto(maker.url.split("#")[0] + SWAP_MEETING)
    sheet = build_sheet(bank, SheetRequest(goal="career-change", role="practitioner"))
    allowed = {q.id for q in sheet.questions + sheet.extras + sheet.alternatives}
    for _round in range(3):
        for number in range(1, len(sheet.questions) + 1):
            maker.click(f"[aria-label='Swap question {number} for another']")
            shown = [i.removeprefix("q-") for i in maker.locator(".ii-sheet").evaluate(SHEET_IDS)]
            asked = [i for i in shown if bank.questions[i].category != "closing"]
            kinds = [bank.questions[i].kind for i in asked]
            assert len(kinds) == len(set(kinds)), asked
            assert set(asked) <= allowed, set(asked) - allowed


def test_without_javascript_the_page_offers_the_ready_made_sheets(
    new_page: Callable[..., Page], site_url: str, bank: Bank,
) -> None:
    page = new_page(java_script_enabled=False)
    page.goto(site_url + MAKER)
    assert not page.locator("[data-ii-maker]").is_visible()
    assert not page.locator(".ii-sheet").is_visible()
    links = page.locator("[data-ii-maker-fallback] a")
    hrefs = [links.nth(n).get_attribute("href") for n in range(links.count())]
    for goal in bank.goals:
        assert {f"{goal}.html", f"{goal}-letter.pdf", f"{goal}-a4.pdf"} <= set(hrefs)


@pytest.mark.parametrize("scheme", list(SCHEMES))
def test_the_maker_and_bank_pages_pass_axe_with_no_outside_requests_or_errors(
    scheme: str, site_url: str, new_page: Callable[..., Page],
) -> None:
    axe = Axe()
    page = new_page(color_scheme=scheme, viewport={"width": 1280, "height": 900})
    log = watch(page)
    failures = []
    for name in (MAKER + EXAMPLE, "questions/index.html"):
        if name.startswith(MAKER):
            open_maker(page, site_url + name)
            page.fill("#ii-maker-own", "My question")
            page.click("[data-ii-maker-add]")
        else:
            page.goto(site_url + name)
        failures += [describe(f"{name} [{scheme}]", v) for v in axe_violations(axe, page)]
    assert not failures, "\n".join(failures)
    assert [url for url in log.requests if not is_local(url, site_url)] == []
    assert not log.console_errors and not log.page_errors, log


def test_the_bank_filter_shows_what_tailor_suits_for_every_choice(
    page: Page, site_url: str, bank: Bank,
) -> None:
    page.goto(site_url + "questions/index.html")
    shown_js = """([g, r, i]) => {
      const form = document.querySelector('[data-ii-filter]');
      form.elements.goal.value = g; form.elements.role.value = r; form.elements.industry.value = i;
      form.dispatchEvent(new Event('change'));
      return Array.from(document.querySelectorAll('.ii-bank__item:not([hidden])'))
        .map(li => li.getAttribute('data-ii-question'));
    }"""
    for goal in ["", *bank.goals]:
        for role in ["", *bank.roles]:
            for industry in ["", "none", *bank.industries]:
                requests = [
                    SheetRequest(goal=g, role=r, industry=i)
                    for g in ([goal] if goal else bank.goals)
                    for r in ([role] if role else bank.roles)
                    for i in ([industry] if industry not in ("", "none") else
                              [None] if industry == "none" else [None, *bank.industries])
                ]
                want = sorted(q.id for q in bank.questions.values()
                              if any(suits(q, request) for request in requests))
                assert sorted(page.evaluate(shown_js, [goal, role, industry])) == want, (
                    goal, role, industry)
    # An industry choice shows that industry's own questions (for the goals and roles chosen).
    shown = page.evaluate(shown_js, ["", "", "healthcare"])
    assert any(bank.questions[q].industries == ("healthcare",) for q in shown)


@pytest.mark.parametrize("scheme", list(SCHEMES))
@pytest.mark.parametrize("paper", ["Letter", "A4"])
def test_the_makers_print_has_room_to_write_and_the_meeting_on_page_one(
    scheme: str, paper: str, site_url: str, new_page: Callable[..., Page], bank: Bank,
    tmp_path: Path,
) -> None:
    """Printed with "background graphics" on, as a student who ticked it would, in dark mode
    too: black on white to the edge of the paper, 12 mm under every question."""
    page = new_page(color_scheme=scheme, viewport={"width": 1280, "height": 900})
    open_maker(page, site_url + MAKER + EXAMPLE)
    page.emulate_media(media="print")
    pdf = tmp_path / "maker.pdf"
    pdf.write_bytes(page.pdf(format=paper, print_background=True))
    lines, heights = pdf_lines(pdf)
    assert len(heights) == 2
    sheet = build_sheet(bank, SheetRequest(goal="student", role="recruiter", format="video",
                                           industry="healthcare", minutes=20))
    for question in sheet.questions:
        assert find_line(lines, question.text).page == 1
        assert space_below(lines, heights, question.text) >= 12, question.id
    for question in sheet.closing:
        assert find_line(lines, question.text).page == 1
        assert space_below(lines, heights, question.text,
                           until="Thank them, and say when you will follow up.") >= 12
    subprocess.run(["pdftoppm", "-png", "-r", "20", "-f", "1", "-l", "1", str(pdf),
                    str(tmp_path / "page")], check=True)
    image = Image.open(next(tmp_path.glob("page*.png"))).convert("L")
    width, height = image.size
    edges = [image.getpixel((x, y)) for x in range(width) for y in (0, 1, height - 2, height - 1)]
    edges += [image.getpixel((x, y)) for y in range(height) for x in (0, 1, width - 2, width - 1)]
    assert min(edges) > 240, "a dark frame round the printed sheet"


def test_the_maker_works_by_keyboard_in_page_order(maker: Page) -> None:
    maker.focus("#ii-maker-goal")
    maker.keyboard.press("ArrowDown")  # a closed <select> changes with the arrow keys
    assert maker.locator("#ii-maker-goal").input_value() == "career-change"
    assert "#goal=career-change" in maker.url
    order: list[str] = []
    while not order or order[-1] != "Swap":
        if order:
            maker.keyboard.press("Tab")
        focused = maker.evaluate(
            "document.activeElement.id || document.activeElement.textContent.trim()")
        # The date and time box takes one Tab for each of its parts.
        if not order or order[-1] != focused:
            order.append(focused)
        assert len(order) < 40, order
    # "Undo my last change" is disabled until there is a change, so Tab passes it.
    assert order == [
        "ii-maker-goal", "ii-maker-role", "ii-maker-format", "ii-maker-industry",
        "ii-maker-minutes", "ii-maker-name", "ii-maker-title", "ii-maker-organisation",
        "ii-maker-date", "ii-maker-connection", "ii-maker-sent", "ii-maker-replied",
        "ii-maker-intro", "ii-maker-notes", "ii-maker-own", "Add my question", "ii-maker-find",
        "ii-maker-find-all", "ii-maker-learned", "ii-maker-suggested", "ii-maker-next",
        "ii-maker-keep", "Start a new meeting",
        "Forget all my meetings", "Save my meetings to a file", "ii-maker-import",
        "ii-maker-share-contact", "ii-maker-share", "Show a QR code", "Print this sheet", "Swap",
    ]
    maker.keyboard.press("Enter")  # on the first question's Swap button
    assert maker.locator("[data-ii-maker-status]").text_content().startswith("Question 1 is now:")
    maker.focus("#ii-maker-own")
    maker.keyboard.type("Can I see your team at work?")
    maker.keyboard.press("Enter")
    assert "Can I see your team at work?" in maker.locator(".ii-sheet").inner_text()


# A student's three-line introduction, and questions of their own of up to two printed lines.
LONG_INTRO = (
    "I am in my final year of a biology degree, and I have spent two summers working in a "
    "hospital laboratory, where I prepared samples and kept records for the team. I want to move "
    "into clinical research, and I would like to learn how people in your role got started and "
    "what they wish they had known earlier.")
OWN_QUESTIONS = [
    "How did the move to remote monitoring of trials change the work your team does each week, "
    "and what stayed the same?",
    "What would you look for in the first three months from someone who joined your team "
    "straight from a degree?",
    "Which conferences or professional groups are worth joining early, and which can wait?",
    "Is there a question I should have asked you?",
    "What do you read to keep up with the field?",
    "Who else in research should I meet?",
    "What happens in a typical week of a trial?",
]
FIT = "[data-ii-maker-fit]"


@pytest.mark.parametrize("minutes", [15, 20, 25, 30])
def test_page_one_holds_the_meeting_with_a_long_introduction_and_own_questions(
    minutes: int, site_url: str, new_page: Callable[..., Page], bank: Bank, tmp_path: Path,
) -> None:
    """As many questions of their own as page 1 has room for (three on a 30-minute sheet),
    under a three-line introduction: on Letter and A4 the whole meeting is on page 1 with
    12 mm to write under every question and closing ask, and 8 mm under "if time allows"."""
    choice = {"goal": "career-change", "role": "practitioner", "format": "in-person",
              "industry": "healthcare", "minutes": str(minutes)}
    sheet = build_sheet(bank, request_for(choice))
    page = new_page(viewport={"width": 1280, "height": 900})
    open_maker(page, site_url + MAKER + "#" + "&".join(f"{k}={v}" for k, v in choice.items()))
    page.fill("#ii-maker-intro", LONG_INTRO)
    room = page.evaluate("window.infointerviewSheetMaker.plans")[
        MINUTE_STEPS.index(minutes)][3]
    own = OWN_QUESTIONS[:room - len(sheet.questions)]
    assert len(own) >= 3
    for text in own:
        page.fill("#ii-maker-own", text)
        page.click("[data-ii-maker-add]")
    assert page.locator(FIT).text_content() == ""
    page.emulate_media(media="print")
    for paper in ("Letter", "A4"):
        pdf = tmp_path / f"maker-{paper}.pdf"
        pdf.write_bytes(page.pdf(format=paper, print_background=True))
        lines, heights = pdf_lines(pdf)
        assert len(heights) == 2, paper
        for text in [*(q.text for q in sheet.questions), *own, *(q.text for q in sheet.closing),
                     "Thank them, and say when you will follow up."]:
            assert find_line(lines, text).page == 1, (paper, text)
        for text in [*(q.text for q in sheet.questions), *own]:
            assert space_below(lines, heights, text) >= 12, (paper, text)
        for question in sheet.closing:
            room_mm = space_below(lines, heights, question.text,
                                  until="Thank them, and say when you will follow up.")
            assert room_mm >= 12, (paper, question.id)
        for question in sheet.extras:
            assert find_line(lines, question.text).page == 2
            assert space_below(lines, heights, question.text) >= 8, (paper, question.id)


def test_the_maker_says_before_printing_when_own_questions_no_longer_fit_page_one(
    maker: Page,
) -> None:
    maker.goto(maker.url.split("#")[0] + "#goal=student&role=practitioner&minutes=30")
    fit = maker.locator(FIT)
    assert fit.get_attribute("role") == "status"
    prepared = maker.locator(".ii-sheet [data-ii-slot=questions] > li").count()
    room = maker.evaluate("window.infointerviewSheetMaker.plans")[MINUTE_STEPS.index(30)][3]
    for text in OWN_QUESTIONS[:room - prepared]:
        maker.fill("#ii-maker-own", text)
        maker.click("[data-ii-maker-add]")
    assert fit.text_content() == "" and not fit.is_visible()
    maker.fill("#ii-maker-own", "One more question of mine?")
    maker.click("[data-ii-maker-add]")
    assert fit.is_visible()
    assert fit.text_content() == (
        f"Page 1 has room for {room} questions with space to write under each, and this sheet "
        f"has {room + 1}. Remove 1 of your own questions, or the closing will print on page 2.")
    # Removing it, or choosing a meeting long enough for two pages, ends the message.
    maker.click(f"[aria-label='Remove question {room + 1}']")  # the last, the one just added
    assert fit.text_content() == ""
    maker.select_option("#ii-maker-minutes", "45")
    assert fit.text_content() == ""
