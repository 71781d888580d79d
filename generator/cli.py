"""The `infointerview` command: check the bank, list its ids, print sheets, write pages."""

from __future__ import annotations

import atexit
import functools
import gc
import importlib
import sys
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

import click

from generator.core.bank_translations import bank_in_language
from generator.core.errors import BankError, ConfigError, PdfUnavailable, RequestError
from generator.core.languages import (
    SOURCE_LANGUAGE,
    active,
    load_language,
    untranslated,
    use_language,
)
from generator.core.loader import load_bank
from generator.core.model import Bank
from generator.core.sheet import (
    DEFAULT_FORMAT,
    DEFAULT_MINUTES,
    DEFAULT_ROLE,
    MAX_MINUTES,
    MIN_MINUTES,
    SheetRequest,
)
from generator.core.tailor import build_sheet

if TYPE_CHECKING:
    from generator.core.site_options import CheckedOptions

DEFAULT_BANK = Path("question_bank")
SITE_CONFIG = Path("mkdocs.yml")
PACKAGE = Path(__file__).resolve().parent  # never written over by --output
LISTABLE = ("goals", "roles", "formats", "industries", "kinds", "categories")
SHEET_TYPES = (".md", ".html", ".pdf")
PAPERS = ("letter", "a4")

bank_option = click.option(
    "--bank", "banks", multiple=True, type=click.Path(path_type=Path),
    help="A bank folder; repeat it to overlay later folders on earlier ones. "
    "Default: ./question_bank.",
)


def _site() -> CheckedOptions | None:
    """In a centre's site folder, the checked options of its mkdocs.yml: the command then uses
    the banks, centre, languages and catalogues its build uses. None anywhere else."""
    # site_options is imported only where there is a mkdocs.yml to read: with the kinds of value
    # only a site's options use (centre, statements), its frozen dataclasses are about 5 ms of
    # every command's start-up, which a sheet outside a site's folder would pay for nothing.
    if not SITE_CONFIG.is_file():
        return None
    from generator.core.site_options import read_site  # noqa: PLC0415 - see above

    return read_site(SITE_CONFIG)


def _load(banks: tuple[Path, ...]) -> Bank:
    """Load the bank, in the language the command makes, or stop with its problems listed and
    exit status 1. A text with no translation is one, unless the site's mkdocs.yml chose
    `missing_translations: english`, as its build does."""
    # In a site's folder, the banks its mkdocs.yml builds with (shipped bank and overlays).
    site = _site()
    folders = list(banks or (site.banks() if site else None) or (DEFAULT_BANK,))
    try:
        translated = bank_in_language(load_bank(folders), folders, active().code,
                                      site.options.missing_translations if site else "fail")
        if translated.missing:  # the site chose to show them in English: say so
            click.echo(f"{len(translated.missing)} texts of the bank have no "
                       f"{active().code!r} translation and are shown in English.", err=True)
        return translated.bank
    except BankError as error:
        click.echo(error.report(), err=True)
        sys.exit(1)


def language_option(command):
    """`--language fr`: the command's words, sheets and bank in that language. In a site's
    folder the default is the site's first language, and its own catalogues are used."""

    @click.option("--language", default=None, metavar="CODE",
                  help="Language of the sheets and pages, such as fr (default: the site's "
                  "first language, or en).")
    @functools.wraps(command)
    def run(*args, language: str | None, **kwargs):
        site = _site()
        code = language or (site.options.languages[0] if site else SOURCE_LANGUAGE)
        folders = tuple(Path(folder) for folder in site.options.locales) if site else ()
        try:
            chosen = load_language(code, folders)
        except ConfigError as error:
            raise click.BadParameter(error.problems[0].message.removeprefix("languages: "),
                                     param_hint="'--language'") from None
        missing = untranslated(chosen)
        if missing and not (site and site.options.missing_translations == "english"):
            click.echo("\n".join(map(str, missing)), err=True)
            raise click.ClickException(f"the {code!r} catalogue lacks {len(missing)} "
                                       "translations (listed above)")
        with use_language(chosen):
            return command(*args, **kwargs)

    return run


def _check_site_pages(bank: Bank) -> None:
    """In a site's folder, check the insert comments of the guide's pages and of docs/ against
    the site's bank, as the build does, so `check` and the build never disagree."""
    from generator.core.resources import shipped_path  # noqa: PLC0415 - only sites need it
    from generator.site.inserts import check_content  # noqa: PLC0415 - nor the page code

    try:
        for folder in (shipped_path("content"), Path("docs")):
            if folder.is_dir():
                check_content(bank, folder)
    except BankError as error:
        click.echo(error.report(), err=True)
        sys.exit(1)


class _Commands(click.Group):
    """The command group; the career-centre commands live in their own modules, imported only
    when they run, so a sheet does not pay for zip and XML libraries."""

    lazy: ClassVar[dict[str, tuple[str, str]]] = {
        "check-accessibility": ("generator.edition.accessibility_check", "check_accessibility"),
        "new-site": ("generator.edition.new_site", "new_site"),
        "package": ("generator.edition.lms_package", "package"),
    }

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted([*super().list_commands(ctx), *self.lazy])

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name in self.lazy:
            module, attribute = self.lazy[name]
            return getattr(importlib.import_module(module), attribute)
        return super().get_command(ctx, name)


@click.group(cls=_Commands, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="infointerview")
def main() -> None:
    """Question sheets and pages for an informational interview study guide."""
    try:  # in a centre's site folder: its name on sheets, checked as the build checks it
        site = _site()
    except ConfigError as error:
        click.echo(str(error), err=True)
        sys.exit(1)
    centre = site.options.centre if site else None
    if centre:
        from generator.rendering.render import use_centre  # noqa: PLC0415 - check and list need no Jinja

        # The starter's docs folder: the logo on the command's sheets, as on the site's.
        use_centre(centre, Path("docs") / centre.logo if centre.logo else None)


@main.command()
@bank_option
def check(banks: tuple[Path, ...]) -> None:
    """Check the question bank and report every problem as path:line: message."""
    bank = _load(banks)
    if not banks and _site() is not None:
        _check_site_pages(bank)
    click.echo(
        f"The question bank is valid: {len(bank.questions)} questions, {len(bank.goals)} goals, "
        f"{len(bank.roles)} roles, {len(bank.formats)} formats, "
        f"{len(bank.industries)} industries, {len(bank.kinds)} kinds, "
        f"{len(bank.categories)} categories."
    )


@main.command("list")
@click.argument("what", type=click.Choice(LISTABLE))
@bank_option
def list_ids(what: str, banks: tuple[Path, ...]) -> None:
    """List the ids of goals, roles, formats, industries, kinds or categories, with titles."""
    items = getattr(_load(banks), what).values()
    width = max((len(item.id) for item in items), default=0)
    for item in items:
        click.echo(f"{item.id.ljust(width)}  {item.title}")


@main.command()
@click.option("--goal", required=True, help="Why you want the meeting (see: list goals).")
@click.option("--role", default=DEFAULT_ROLE, show_default=True, help="Who you will meet.")
@click.option(
    "--minutes", default=DEFAULT_MINUTES, show_default=True, type=int,
    help=f"Length of the meeting, {MIN_MINUTES} to {MAX_MINUTES}.",
)
@click.option("--format", "format_", default=DEFAULT_FORMAT, show_default=True,
              help="in-person, video or phone.")
@click.option("--industry", default=None, help="Add questions for an industry.")
@click.option("--paper", type=click.Choice(PAPERS), default="letter", show_default=True,
              help="Paper size for HTML and PDF sheets.")
@click.option("--output", "-o", type=click.Path(path_type=Path), default=None,
              help="Write to a .md, .html or .pdf file instead of printing Markdown.")
@bank_option
@language_option
def sheet(goal: str, role: str, minutes: int, format_: str, industry: str | None,
          paper: str, output: Path | None, banks: tuple[Path, ...]) -> None:
    """Print a question sheet tailored to your goal and meeting."""
    if output is not None and output.suffix.lower() not in SHEET_TYPES:
        raise click.BadParameter(
            f"Expected a file ending in one of: {list(SHEET_TYPES)} but received: {str(output)!r}",
            param_hint="'--output'",
        )
    bank = _load(banks)
    request = SheetRequest(goal=goal, role=role, minutes=minutes, format=format_,
                           industry=industry)
    try:
        made = build_sheet(bank, request)
    except RequestError as error:
        raise click.UsageError(str(error)) from None
    from generator.rendering import documents  # noqa: PLC0415 - check and list need no Jinja

    if output is None:
        click.echo(documents.sheet_markdown(made), nl=False)
        return
    if output.suffix.lower() == ".md":
        data = documents.sheet_markdown(made).encode("utf-8")
    else:
        html = documents.sheet_document(made, paper)
        data = _pdf_renderer()(html) if output.suffix.lower() == ".pdf" else html.encode("utf-8")
    _write_file(output, data)
    click.echo(f"Wrote {output}", err=True)


def _write_file(output: Path, data: bytes) -> None:
    from generator.rendering.output import OutputError, write_file  # noqa: PLC0415 - only when writing

    try:
        write_file(output, data)
    except OutputError as error:
        raise click.ClickException(str(error)) from None


def _check_folder(output: Path, sources: list[Path]) -> None:
    """Stop before any work when the output folder is unsafe or cannot be written."""
    from generator.rendering import output as out  # noqa: PLC0415 - only when writing

    try:
        out.check_output_folder(output, [*sources, PACKAGE], Path.cwd())
        out.check_writable_folder(output)
    except out.OutputError as error:
        raise click.ClickException(str(error)) from None


def _write_folder(output: Path, files: dict[str, bytes]) -> None:
    from generator.rendering import output as out  # noqa: PLC0415 - only when writing

    try:
        out.write_folder(output, files)
    except out.OutputError as error:
        raise click.ClickException(str(error)) from None


@main.command()
@click.option("--output", "-o", required=True, type=click.Path(path_type=Path),
              help="Folder to write the docs pages into.")
@click.option("--content", type=click.Path(path_type=Path), default=Path("content"),
              show_default=True, help="The hand-written pages to copy alongside.")
@bank_option
@language_option
def pages(output: Path, content: Path, banks: tuple[Path, ...]) -> None:
    """Write the site's pages (hand-written and generated) for another site builder."""
    from generator.site.site_pages import docs_folder  # noqa: PLC0415 - check and list need no Jinja

    _check_folder(output, [content, *(banks or (DEFAULT_BANK,))])
    bank = _load(banks)
    try:
        files = docs_folder(bank, content if content.is_dir() else None, active().code)
    except BankError as error:
        click.echo(error.report(), err=True)
        sys.exit(1)
    _write_folder(output, files)
    click.echo(f"Wrote {len(files)} files to {output}")


BATCH_LENGTHS = (20, 30, 45)


@main.command()
@click.option("--output", "-o", required=True, type=click.Path(path_type=Path),
              help="Folder to write the sheets and their index page into.")
@click.option("--pdf", is_flag=True, help="Also write a PDF of every sheet.")
@click.option("--paper", type=click.Choice(PAPERS), default="letter", show_default=True)
@bank_option
@language_option
def sheets(output: Path, pdf: bool, paper: str, banks: tuple[Path, ...]) -> None:
    """Write every goal's sheet at 20, 30 and 45 minutes, with an index page, for handing out."""
    from generator.rendering.documents import sheet_document  # noqa: PLC0415 - check and list need no Jinja
    from generator.rendering.render import render_html  # noqa: PLC0415 - check and list need no Jinja

    _check_folder(output, list(banks or (DEFAULT_BANK,)))
    bank = _load(banks)
    jobs = [(goal, minutes) for goal in bank.goals for minutes in BATCH_LENGTHS]
    files: dict[str, bytes] = {}
    links: dict[tuple[str, int, str], str] = {}
    render_pdf = _pdf_renderer() if pdf else None
    # Everything is rendered before anything is written, so a failure leaves no partial folder.
    with click.progressbar(jobs, label="Rendering sheets", file=sys.stderr,
                           item_show_func=lambda job: f"{job[0]} {job[1]} min" if job else "",
                           ) as bar:
        for goal, minutes in bar:
            made = build_sheet(bank, SheetRequest(goal=goal, minutes=minutes))
            html = sheet_document(made, paper)
            for kind, data in (("html", html.encode("utf-8")),
                               ("pdf", render_pdf(html) if render_pdf else None)):
                if data is not None:
                    links[(goal, minutes, kind)] = name = f"{goal}-{minutes}min.{kind}"
                    files[name] = data
    index = render_html("sheets_index.html.j2", goals=list(bank.goals.values()),
                        lengths=BATCH_LENGTHS, files=links, role=bank.roles[DEFAULT_ROLE])
    files["index.html"] = str(index).encode("utf-8")
    _write_folder(output, files)
    pdfs = sum(1 for name in files if name.endswith(".pdf"))
    click.echo(f"Wrote {len(jobs)} HTML sheets" + (f" and {pdfs} PDF sheets" if pdf else "")
               + f" for {len(bank.goals)} goals to {output} ({paper} paper).")
    click.echo(f"Open {output / 'index.html'} to see them all.")


def _pdf_renderer():
    from generator.rendering.pdf import load_weasyprint, pdf_bytes  # noqa: PLC0415 - WeasyPrint is slow to import

    try:
        load_weasyprint()
    except PdfUnavailable as error:
        raise click.ClickException(str(error)) from None
    return pdf_bytes


@main.command()
@click.argument("kind", type=click.Choice(["contact-log", "debrief"]))
@click.option("--output", "-o", required=True, type=click.Path(path_type=Path),
              help="A .html or .pdf file.")
@click.option("--paper", type=click.Choice(PAPERS), default="letter", show_default=True)
@language_option
def record(kind: str, output: Path, paper: str) -> None:
    """Write a printable contact log or a one-page debrief form."""
    from generator.rendering.documents import record_document  # noqa: PLC0415 - check and list need no Jinja

    suffix = output.suffix.lower()
    if suffix not in (".html", ".pdf"):
        raise click.BadParameter(
            f"Expected a file ending in one of: ['.html', '.pdf'] but received: {str(output)!r}",
            param_hint="'--output'",
        )
    html = record_document(kind, paper)
    data = _pdf_renderer()(html) if suffix == ".pdf" else html.encode("utf-8")
    _write_file(output, data)
    click.echo(f"Wrote {output}", err=True)


def run() -> None:
    """`infointerview` as a program of its own: the console script and `python -m generator`."""
    # At exit, Python collects garbage over every object still alive (the bank, its model, the
    # templates), more than once: about 15 ms of a sheet's 0.15 s (issue 25), to free memory the
    # system takes back anyway. Frozen, they are left out. Nothing of ours needs those
    # collections: files are closed where they are written, and the standard streams are
    # flushed before them.
    atexit.register(gc.freeze)
    main(prog_name="infointerview")
