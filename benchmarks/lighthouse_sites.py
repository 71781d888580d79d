"""The sites Lighthouse scores: ours (shipped bank and a synthetic one) and plain Material sites.

Our site is built from the project copy (benchmarks/project.py) exactly as `mkdocs.yml`
configures it, once with the shipped bank and once with a synthetic bank of 1,000 questions.
Each of the two gets a reference: a MkDocs project with the Material theme and its defaults (no
hooks, no custom_dir, no theme features), which has a page for every page of our built site, at
the same path, holding the same text as our page as plain Markdown. A scored page's reference is
the page at the same path, so the two differ only in what our site adds. The reference keeps
MkDocs' default plugins, that is search (`plugins` is not set): a plain Material site made with
the defaults has search, and Material's bundle fetches the search index as every page loads. As
the reference has all our pages' text, its search index is about as large as ours. Its two
settings beyond the defaults are ours too: `use_directory_urls: false`, so that its pages are at
our pages' paths, and `font: false`: Material's default loads Roboto from Google Fonts, and a
third-party request would make the reference slower for a reason our site does not have.

On request each of our builds also gets a second reference, "themed-<name>": the same pages, but
with our `theme.palette` (light and dark schemes with their toggles) and `theme.features`, read
from the very mkdocs.yml our site is built from, and still nothing else of ours (no custom_dir,
no extra_css or extra_javascript, no hooks, no plugins beyond the default search). It tells what
Material costs as we configure it, apart from what our own files cost.

Every site is served by its own small HTTP server on 127.0.0.1, at its root, as static hosting
serves it.
"""

from __future__ import annotations

import functools
import html.parser
import re
import shutil
import subprocess
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import synth
import yaml
from project import ROOT, SHIPPED, add_variant, make_project, project_env

# The theme settings of ours that the themed reference copies; nothing else of ours.
THEMED_SETTINGS = ("palette", "features")

# Blocks of the bank page's article that become blocks of the reference page; the prefix is
# their Markdown. Any other element's text joins the block it is in.
_BLOCKS = {"h1": "# ", "h2": "## ", "h3": "### ", "h4": "#### ", "h5": "##### ",
           "h6": "###### ", "li": "- ", "p": "", "dt": "", "dd": "", "td": "", "th": "",
           "summary": "", "caption": "", "figcaption": "", "label": "", "legend": "",
           "button": "", "option": ""}
_SKIPPED = {"script", "style", "template", "svg"}
# Elements without an end tag.
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
         "track", "wbr"}
# Python-Markdown's escapable characters: escaped, each shows as itself.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()>#+\-.!])")


def build_sites(work: Path, mkdocs: Path, size: int, scored: dict[str, list[str]],
                themed: bool = False) -> dict[str, Path]:
    """Build our site with the shipped bank ("shipped") and with `size` synthetic questions
    ("bank-<size>"), each only if `scored` (site name -> paths such as "guide/preparing.html")
    names it, and for each the site "reference-<name>" with a plain page for each of its pages
    (and with `themed`, also "themed-<name>"); the scored paths must be among them. Returns
    each site's folder by name."""
    project = make_project(work / "project")
    # The PDF cache lives in the work folder: the two builds render their own handouts.
    env = project_env(project, pdf_cache=work / "pdf-cache")
    # Each reference's extra theme settings: none for the plain one.
    references: dict[str, dict[str, object]] = {"reference": {}}
    if themed:
        references["themed"] = our_theme(project / "base.yml")
    sites: dict[str, Path] = {}
    for bank_size, name in ((SHIPPED, "shipped"), (size, f"bank-{size}")):
        if name not in scored:
            continue
        variant = add_variant(project, bank_size)
        if bank_size == SHIPPED:
            shutil.copytree(synth.SHIPPED_BANK, variant.bank)
        else:
            synth.write_bank(bank_size, variant.bank)
        site = work / f"site-{name}"
        _build(mkdocs, variant.plugin_config, site, project, env)
        sites[name] = site
        for kind, theme in references.items():
            reference = work / f"{kind}-{name}"
            missing = set(scored[name]) - set(write_reference(site, reference, theme))
            if missing:
                raise SystemExit(f"No page to score in {site}: {', '.join(sorted(missing))}")
            _build(mkdocs, reference / "mkdocs.yml", reference / "site", reference, env)
            sites[f"{kind}-{name}"] = reference / "site"
    return sites


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml; MkDocs' own tags (`!ENV`) read as None: only the theme is used."""


_ConfigLoader.add_multi_constructor("!", lambda loader, suffix, node: None)


def our_theme(config: Path = ROOT / "mkdocs.yml") -> dict[str, object]:
    """Our mkdocs.yml's theme settings that the themed reference copies (THEMED_SETTINGS)."""
    theme = yaml.load(config.read_text(encoding="utf-8"), Loader=_ConfigLoader)["theme"]
    return {key: theme[key] for key in THEMED_SETTINGS}


def _build(mkdocs: Path, config: Path, site: Path, cwd: Path, env: dict[str, str]) -> None:
    result = subprocess.run([str(mkdocs), "build", "-f", str(config), "-d", str(site)],
                            cwd=cwd, env=env, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise SystemExit(f"mkdocs build -f {config} failed:\n{result.stderr[-3000:]}")


def site_pages(site: Path) -> list[str]:
    """The paths of the built `site`'s pages that show an article ("guide/preparing.html"),
    the 404 page aside."""
    return sorted(path for page in site.rglob("*.html")
                  if (path := page.relative_to(site).as_posix()) != "404.html"
                  and article_blocks(page.read_text("utf-8")))


def write_reference(site: Path, project: Path,
                    theme: dict[str, object] | None = None) -> list[str]:
    """A plain Material project (Material's defaults, search included, and our paths and fonts) with
    a page for every page of the built `site`, at the same path ("guide/preparing.html" from
    "guide/preparing.md"), with the text of its article; `theme` adds theme settings (the
    themed reference's, from our_theme). Returns the pages' paths."""
    paths = site_pages(site)
    for path in paths:
        markdown = project / "docs" / Path(path).with_suffix(".md")
        markdown.parent.mkdir(parents=True, exist_ok=True)
        markdown.write_text(article_markdown((site / path).read_text("utf-8")), encoding="utf-8")
    config = {
        "site_name": "Informational interviews",
        "use_directory_urls": False,
        "theme": {"name": "material", "language": "en", "font": False, **(theme or {})},
    }
    (project / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False),
                                        encoding="utf-8")
    return paths


def article_blocks(page_html: str) -> list[tuple[str, str]]:
    """The visible text of a Material page's article, block by block, each with the Markdown
    that starts it: ("## ", "Opening and rapport"), ("- ", ...), ("", a paragraph)."""
    reader = _ArticleText()
    reader.feed(page_html)
    reader.close()
    return reader.blocks


def article_markdown(page_html: str) -> str:
    """The article's text as Markdown blocks, each character escaped so that it shows as
    itself. List items that follow each other make one tight list: with blank lines between
    them, Markdown would wrap each item's text in a paragraph."""
    markdown = ""
    previous = None
    for prefix, text in article_blocks(page_html):
        escaped = _MARKDOWN_SPECIAL.sub(r"\\\1", text).replace("&", "&amp;")
        if previous is not None:
            markdown += "\n" if prefix == previous == "- " else "\n\n"
        markdown += prefix + escaped.replace("<", "&lt;")
        previous = prefix
    return markdown + "\n"


class _ArticleText(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[tuple[str, str]] = []
        self._depth = 0  # open elements inside the article; 0: outside
        self._skip = 0  # open elements whose text is not shown (scripts, permalinks)
        self._prefixes: list[str] = []  # the Markdown prefix of each open block
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        classes = (dict(attrs).get("class") or "").split()
        if not self._depth:
            self._depth = int(tag == "article" and "md-content__inner" in classes)
            return
        if tag in _VOID:
            return
        self._depth += 1
        if self._skip or tag in _SKIPPED or "headerlink" in classes:
            self._skip += 1
        elif tag in _BLOCKS:
            self._flush()
            self._prefixes.append(_BLOCKS[tag])

    def handle_endtag(self, tag: str) -> None:
        if not self._depth or tag in _VOID:
            return
        self._depth -= 1
        if self._skip:
            self._skip -= 1
        elif tag in _BLOCKS:
            self._flush()
            self._prefixes.pop()
        if not self._depth:
            self._flush()

    def handle_data(self, data: str) -> None:
        if self._depth and not self._skip:
            self._text.append(data)

    def _flush(self) -> None:
        text = " ".join("".join(self._text).split())
        self._text.clear()
        if text:
            self.blocks.append((self._prefixes[-1] if self._prefixes else "", text))


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass  # one line per request would bury the table


@contextmanager
def serve(sites: dict[str, Path]) -> Iterator[dict[str, str]]:
    """Serve each site at the root of its own 127.0.0.1 port; yields each site's base URL."""
    servers: list[ThreadingHTTPServer] = []
    try:
        urls: dict[str, str] = {}
        for name, folder in sites.items():
            handler = functools.partial(_QuietHandler, directory=str(folder))
            server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
            threading.Thread(target=server.serve_forever, daemon=True).start()
            servers.append(server)
            urls[name] = f"http://127.0.0.1:{server.server_address[1]}/"
        yield urls
    finally:
        for server in servers:
            server.shutdown()
            server.server_close()
