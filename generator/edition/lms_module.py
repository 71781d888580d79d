"""What a learning platform shows of the guide: the cartridge's module, grouped and titled as the
site's menu is, and a note on the pages that cannot work there.

A student meets the cartridge as a list in the platform's course page, so that list follows the
site's menu: the menu's sections ("The guide", "Question sheets", ...) become folders with the
same titles, each page keeps its menu title, and each PDF sits after the page it belongs to,
named after it ("Question sheet: Student (PDF, A4)"). Pages for staff ("For career centres"),
the 404 page and the sitemaps are not for students and stay out unless asked for.

Platforms import a page's body only and strip its scripts (Moodle's Common Cartridge import
keeps the body and drops <script>), so the sheet maker and the message composer would sit there
silently dead. Their copies in the cartridge start with a plain paragraph, kept by any import,
that says so and links to the ready-made PDFs and to the hosted site.
"""

from __future__ import annotations

import html
import posixpath
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from generator.core.languages import LANGUAGE_CODE, N_, gettext

# Folders of pages written for career-centre staff, and files no student should meet.
STAFF_FOLDERS = ("career-centres/",)
NOT_FOR_STUDENTS = ("404.html", "sitemap.xml", "sitemap.xml.gz")
# The mark of a form that works only with its script -> what it is, in the note's words. (The
# marks, not the scripts: a page may load a script it does not need.)
NEEDS_SCRIPT = {"data-ii-maker": N_("the sheet maker"),
                "data-ii-composer-form": N_("the message composer")}
PAPERS = {"a4": N_("A4"), "letter": N_("US Letter")}


@dataclass
class Group:
    """A section of the menu (title None: a page at the menu's top level) and its pages."""

    title: str | None
    pages: list[tuple[str, str]] = field(default_factory=list)  # (path, title)


class _Menu(HTMLParser):
    """Material's primary menu: each link with the title of the top-level section it is in."""

    def __init__(self) -> None:
        super().__init__()
        self.depth = 0
        self.labels: dict[str, str] = {}  # label id -> section title
        self.label: str | None = None
        self.sections: list[tuple[int, str | None]] = []  # (nav depth, title) of open sections
        self.href: str | None = None
        self.text: list[str] = []
        self.links: list[tuple[str | None, str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        classes = (values.get("class") or "").split()
        if tag == "nav" and (self.depth or "md-nav--primary" in classes):
            self.depth += 1
            if values.get("data-md-level") == "1":
                self.sections.append((self.depth,
                                      self.labels.get(values.get("aria-labelledby") or "")))
        elif not self.depth:
            return
        elif tag == "label" and "md-nav__link" in classes and values.get("id"):
            self.label, self.text = values["id"], []
        elif tag == "a" and "md-nav__link" in classes and values.get("href"):
            self.href, self.text = values["href"], []

    def handle_endtag(self, tag: str) -> None:
        if tag == "nav" and self.depth:
            if self.sections and self.sections[-1][0] == self.depth:
                self.sections.pop()
            self.depth -= 1
        elif tag == "label" and self.label is not None:
            self.labels[self.label] = " ".join("".join(self.text).split())
            self.label = None
        elif tag == "a" and self.href is not None:
            section = self.sections[-1][1] if self.sections else None
            self.links.append((section, self.href, " ".join("".join(self.text).split())))
            self.href = None

    def handle_data(self, data: str) -> None:
        if self.href is not None or self.label is not None:
            self.text.append(data)


def _menu(site: Path, page: str) -> list[tuple[str | None, str, str]]:
    """The menu of one built page: (section, path from the site's root, title) per link."""
    parser = _Menu()
    parser.feed((site / page).read_text(encoding="utf-8"))
    entries = []
    for section, href, title in parser.links:
        path = posixpath.normpath(posixpath.join(posixpath.dirname(page), href.split("#")[0]))
        entries.append((section, "index.html" if path == "." else path, title))
    return entries


def menu_groups(site: Path, staff: bool = False) -> list[Group]:
    """The menu's pages in order, grouped by section; each page once; staff pages only if
    `staff`. A section's pages that follow a top-level page start a new group. With Material's
    navigation.prune a page's menu holds only its own section in full, and every other section
    is one link to its first page: such a section is read from the menu of that page."""
    entries = []
    for section, path, title in _menu(site, "index.html"):
        if section is None and path != "index.html" and (site / path).is_file():
            on_page = _menu(site, path)
            own = next((s for s, p, _ in on_page if p == path and s is not None), None)
            if own is not None:
                entries += [entry for entry in on_page if entry[0] == own]
                continue
        entries.append((section, path, title))
    groups: list[Group] = []
    seen: set[str] = set()
    for section, path, title in entries:
        if path in seen or not (site / path).is_file() or not (staff or for_students(path)):
            continue
        seen.add(path)
        if not groups or groups[-1].title != section or section is None:
            groups.append(Group(section))
        groups[-1].pages.append((path, title))
    return groups


def language_folders(site: Path) -> set[str]:
    """The folders of the site's other languages (`fr/`): a language code with its own home."""
    return {folder.name for folder in site.iterdir() if folder.is_dir()
            and re.fullmatch(LANGUAGE_CODE, folder.name)
            and (folder / "index.html").is_file() and (folder / "search").is_dir()}


def for_students(path: str) -> bool:
    return path not in NOT_FOR_STUDENTS and not path.startswith(STAFF_FOLDERS)


def page_of(pdf: str) -> str:
    """'sheets/student-a4.pdf' -> 'sheets/student.html', the page a PDF belongs to."""
    stem = Path(pdf).stem.rpartition("-")[0] or Path(pdf).stem
    return (Path(pdf).parent / f"{stem}.html").as_posix()


def pdf_title(pdf: str, titles: dict[str, str]) -> str:
    """'sheets/student-a4.pdf' -> '<the title of sheets/student.html> (PDF, A4)'."""
    paper = PAPERS.get(Path(pdf).stem.rpartition("-")[2])
    page = titles.get(page_of(pdf))
    if paper is None or page is None:
        return gettext("%(name)s (PDF)") % {"name": Path(pdf).stem.replace("-", " ")}
    return gettext("%(page)s (PDF, %(paper)s)") % {"page": page, "paper": gettext(paper)}


def with_pdfs(groups: list[Group], pdfs: list[str]) -> list[Group]:
    """Each PDF placed after the page it belongs to; the rest in a last group of handouts."""
    titles = {path: title for group in groups for path, title in group.pages}
    result = []
    for group in groups:
        pages: list[tuple[str, str]] = []
        for path, title in group.pages:
            pages.append((path, title))
            pages += [(p, pdf_title(p, titles)) for p in pdfs if page_of(p) == path]
        result.append(Group(group.title, pages))
    rest = [(p, pdf_title(p, titles)) for p in pdfs if page_of(p) not in titles]
    if rest:
        result.append(Group(gettext("Printable handouts (PDF)"), rest))
    return result


def script_note(page: str, data: bytes, hosted: str | None) -> bytes:
    """The page with a plain paragraph first in its article, if it needs a script; as it was
    otherwise. The paragraph is text and links only, so a platform that strips scripts keeps it."""
    text = data.decode("utf-8")
    needs = [what for mark, what in NEEDS_SCRIPT.items()
             if re.search(rf"<form [^>]*\b{re.escape(mark)}[\s>]", text)]
    start = re.search(r'<article class="md-content__inner[^"]*"[^>]*>', text)
    if not needs or start is None:
        return data
    depth = page.count("/")
    sheets = "../" * depth + "sheets/index.html"
    what = html.escape(gettext(needs[0]))
    if hosted:
        address = html.escape(hosted.rstrip("/") + "/" + page, quote=True)
        words = gettext(
            "<strong>If %(what)s does not respond here:</strong> it needs JavaScript, which "
            'learning platforms often remove. Use the <a href="%(sheets)s">ready-made question '
            'sheets and their PDFs</a> or <a href="%(address)s">open this page on the '
            "website</a>.") % {"what": what, "sheets": sheets, "address": address}
    else:
        words = gettext(
            "<strong>If %(what)s does not respond here:</strong> it needs JavaScript, which "
            'learning platforms often remove. Use the <a href="%(sheets)s">ready-made question '
            "sheets and their PDFs</a>.") % {"what": what, "sheets": sheets}
    note = f'<p class="ii-lms-note">{words}</p>'
    return (text[:start.end()] + note + text[start.end():]).encode("utf-8")


def hosted_address(site: Path) -> str | None:
    """The site's public address, from the canonical link MkDocs writes when site_url is set."""
    found = re.search(r'<link rel="canonical" href="([^"]+)"',
                      (site / "index.html").read_text(encoding="utf-8"))
    if not found:
        return None
    address = html.unescape(found.group(1))
    return address.removesuffix("index.html") if address.startswith(("https://", "http://")) \
        else None
