"""Lighthouse (mobile, default settings) on every page of the site, each page beside a plain
Material page of the same text, scored in the same rounds (`run.py lighthouse`, README.md).

The reference is a MkDocs project with the Material theme and its defaults (so search, MkDocs'
default plugin; no custom_dir, hooks or theme features) holding a page for every page of our
built site, at the same path, with the same text as plain Markdown. Beyond the defaults it has
`use_directory_urls: false` (our paths) and `font: false` (no Google Fonts: ours makes no
third-party request). The themed reference adds our mkdocs.yml's theme palette and features.
"""

from __future__ import annotations

import collections
import html.parser
import itertools
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

import measure
import yaml
from measure import CHROMIUM, HERE, ROOT, SHIPPED

PACKAGE = "lighthouse@12.8.2"  # 13 needs Node 22.19; Debian 12 has Node 20
INSTALL = HERE / ".lighthouse"  # git-ignored
OURS, THEMED, PLAIN = "ours", "Material as we configure it", "plain Material"
TOLERANCE = 0.02  # issue 25: each page at or above its plain Material page, minus this
CATEGORIES = {"performance": "Performance", "accessibility": "Accessibility",
              "best-practices": "Best practices", "seo": "SEO"}
METRICS = {"first-contentful-paint": ("FCP", "{:,.0f}"),
           "largest-contentful-paint": ("LCP", "{:,.0f}"),
           "total-blocking-time": ("TBT", "{:,.0f}"),
           "cumulative-layout-shift": ("CLS", "{:.3f}"), "speed-index": ("Speed index", "{:,.0f}")}
Report = dict[str, Any]  # one Lighthouse JSON report

# Blocks of an article that become blocks of the reference page, with their Markdown.
_BLOCKS = {"h1": "# ", "h2": "## ", "h3": "### ", "h4": "#### ", "h5": "##### ",
           "h6": "###### ", "li": "- ", **dict.fromkeys(
               ("p", "dt", "dd", "td", "th", "summary", "caption", "figcaption", "label",
                "legend", "button", "option"), "")}
_SKIPPED = {"script", "style", "template", "svg"}
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
         "track", "wbr"}
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()>#+\-.!])")  # escaped, each shows as itself


class _ConfigLoader(yaml.SafeLoader):
    """mkdocs.yml with MkDocs' own tags (`!ENV`) read as None: only the theme is used."""


_ConfigLoader.add_multi_constructor("!", lambda loader, suffix, node: None)


def our_theme(config: Path = ROOT / "mkdocs.yml") -> dict[str, object]:
    """The theme settings of ours that the themed reference copies: palette and features."""
    theme = yaml.load(config.read_text(encoding="utf-8"), Loader=_ConfigLoader)["theme"]
    return {key: theme[key] for key in ("palette", "features")}


def site_pages(site: Path) -> list[str]:
    """The built site's pages that show an article ("guide/preparing.html"), 404 aside."""
    return sorted(path for page in site.rglob("*.html")
                  if (path := page.relative_to(site).as_posix()) != "404.html"
                  and article_blocks(page.read_text("utf-8")))


def write_reference(site: Path, project: Path, theme: dict[str, object] | None = None
                    ) -> list[str]:
    """The reference project for the built `site`: a page for each of its pages, at the same
    path, with its article's text; `theme` adds theme settings. Returns the pages' paths."""
    paths = site_pages(site)
    for path in paths:
        markdown = project / "docs" / Path(path).with_suffix(".md")
        markdown.parent.mkdir(parents=True, exist_ok=True)
        markdown.write_text(article_markdown((site / path).read_text("utf-8")), encoding="utf-8")
    config = {"site_name": "Informational interviews", "use_directory_urls": False,
              "theme": {"name": "material", "language": "en", "font": False, **(theme or {})}}
    (project / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), "utf-8")
    return paths


def article_blocks(page_html: str) -> list[tuple[str, str]]:
    """The visible text of a Material page's article, block by block, each with the Markdown
    that starts it: ("## ", "Opening and rapport"), ("- ", ...), ("", a paragraph)."""
    reader = _ArticleText()
    reader.feed(page_html)
    reader.close()
    return reader.blocks


def article_markdown(page_html: str) -> str:
    """The article as Markdown, every character escaped; consecutive list items make one
    tight list (with blank lines between, each item's text would become a paragraph)."""
    markdown, previous = "", None
    for prefix, text in article_blocks(page_html):
        escaped = _MARKDOWN_SPECIAL.sub(r"\\\1", text).replace("&", "&amp;").replace("<", "&lt;")
        if previous is not None:
            markdown += "\n" if prefix == previous == "- " else "\n\n"
        markdown += prefix + escaped
        previous = prefix
    return markdown + "\n"


class _ArticleText(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[tuple[str, str]] = []
        self._depth = self._skip = 0  # open elements inside the article; of them not shown
        self._prefixes: list[str] = []
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        classes = (dict(attrs).get("class") or "").split()
        if not self._depth:
            self._depth = int(tag == "article" and "md-content__inner" in classes)
        elif tag not in _VOID:
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


def build_sites(work: Path, mkdocs: Path, size: int | None, themed: bool) -> dict[str, Path]:
    """Our site as mkdocs.yml builds it ("shipped"; with `size`, also "N questions" from a
    synthetic bank), and each one's references ("shipped, plain Material", ...)."""
    project = measure.make_project(work / "project")
    env = measure.project_env(project, pdf_cache=work / "pdf-cache")
    references = {**({THEMED: our_theme(project / "base.yml")} if themed else {}), PLAIN: None}
    sites: dict[str, Path] = {}

    def build(config: Path, site: Path) -> None:
        measure.run_measured([mkdocs, "build", "-f", config, "-d", site], config.parent, env)

    for name, bank_size in (("shipped", SHIPPED), (f"{size or 0:,} questions", size)):
        if bank_size is None:
            continue
        sites[name] = work / f"site-{len(sites)}"
        build(measure.add_variant(project, bank_size).config("plugin"), sites[name])
        for kind, theme in references.items():
            reference = work / f"reference-{len(sites)}"
            write_reference(sites[name], reference, theme)
            build(reference / "mkdocs.yml", reference / "site")
            sites[f"{name}, {kind}"] = reference / "site"
    return sites


def lighthouse_command() -> Path:
    """Lighthouse, installed with npm into benchmarks/.lighthouse when missing."""
    command = INSTALL / "node_modules" / ".bin" / "lighthouse"
    if not command.exists():
        if shutil.which("npm") is None:
            sys.exit("npm is needed to install Lighthouse (Debian: apt-get install npm).")
        subprocess.run(["npm", "install", "--no-fund", "--no-audit", "--prefix", str(INSTALL),
                        PACKAGE], check=True)
    return command


def run_lighthouse(command: Path, url: str, output: Path) -> Report:
    """One run in Debian's Chromium; the JSON report is kept at `output`."""
    result = subprocess.run(
        [str(command), url, "--output=json", f"--output-path={output}", "--quiet",
         "--chrome-flags=--headless --no-sandbox --disable-gpu", "--no-enable-error-reporting"],
        env={**os.environ, "CHROME_PATH": CHROMIUM}, capture_output=True,
        text=True, check=False, timeout=600)
    if result.returncode or not output.exists():
        sys.exit(f"Lighthouse failed on {url}:\n{result.stderr[-3000:]}")
    report: Report = json.loads(output.read_text(encoding="utf-8"))
    if report.get("runtimeError"):
        sys.exit(f"Lighthouse could not score {url}: {report['runtimeError']}")
    return report


@dataclass(frozen=True)
class Spread:
    median: float
    low: float
    high: float

    @classmethod
    def of(cls, values: list[float]) -> Spread:
        return cls(statistics.median(values), min(values), max(values))

    def text(self, form: str = "{:.2f}") -> str:
        if self.low == self.high:
            return form.format(self.median)
        return f"{form.format(self.median)} ({form.format(self.low)}-{form.format(self.high)})"


def summarise(reports: list[Report]) -> dict[str, Any]:
    """One page over its runs: scores and metrics (Spread), and medians of the diagnostics."""
    def items(report: Report, audit: str) -> list[dict[str, Any]]:
        return (report["audits"].get(audit, {}).get("details") or {}).get("items", [])

    def median(value: Any) -> float:
        return statistics.median(value(r) for r in reports)

    blocking: dict[str, list[float]] = {}
    for report in reports:
        for item in items(report, "render-blocking-resources"):
            blocking.setdefault(PurePosixPath(item["url"].split("?")[0]).name,
                                []).append(item["wastedMs"])
    # Lighthouse counts the index's download into LCP where it arrived before the largest paint.
    index_first = [
        [r["networkEndTime"] for r in items(report, "network-requests")
         if "/search/search_index." in r["url"]][:1] for report in reports]
    lcp = [items(r, "metrics")[0]["observedLargestContentfulPaint"] for r in reports]
    return {
        "runs": len(reports),
        **{key: Spread.of([r["categories"][key]["score"] for r in reports]) for key in CATEGORIES},
        **{key: Spread.of([r["audits"][key]["numericValue"] for r in reports]) for key in METRICS},
        "weight": median(lambda r: r["audits"]["total-byte-weight"]["numericValue"]),
        "elements": median(lambda r: r["audits"]["dom-size"].get("numericValue") or 0),
        "main": median(lambda r: r["audits"]["mainthread-work-breakdown"]["numericValue"]),
        "style": median(lambda r: sum(i["duration"] for i in items(r, "mainthread-work-breakdown")
                                      if i["group"] == "styleLayout")),
        "bundle": median(lambda r: sum(i["total"] for i in items(r, "bootup-time")
                                       if re.search(r"/bundle\.[^/]*\.js$", i["url"]))),
        "blocking": median(lambda r: r["audits"]["render-blocking-resources"]
                           .get("metricSavings", {}).get("FCP", 0)),
        # A file counts where it blocked in at least half the runs.
        "blocking_files": ", ".join(f"`{name}` {statistics.median(ms):,.0f}" for name, ms in sorted(
            blocking.items(), key=lambda kv: -statistics.median(kv[1])) if 2 * len(ms) >= len(
                reports)) or "none",
        "index_first": f"{sum(bool(e) and e[0] < p for e, p in zip(index_first, lcp, strict=True))}"
                       f" of {len(reports)}" if any(index_first) else "not fetched",
        "failed": sorted({ref["id"] for r in reports for key in list(CATEGORIES)[1:]
                          for ref in r["categories"][key]["auditRefs"] if ref["weight"] > 0
                          and (r["audits"][ref["id"]]["score"] is not None)
                          and r["audits"][ref["id"]]["score"] < 1}),
    }


def render(results: list[tuple[str, dict[str, dict[str, Any]]]], heading: str, footer: str
           ) -> str:
    """Each page (label, summaries by column: OURS, then THEMED if scored, then PLAIN)."""
    columns = list(results[0][1])
    pairs = [*itertools.pairwise(columns), *([(OURS, PLAIN)] if len(columns) > 2 else [])]
    lines = [heading, "", "Performance, median (range) of each page's runs, with its reference"
             " run right after it in each round; the other categories, " + " / ".join(columns)
             + ":", "", "| Page | Runs | " + " | ".join(c[0].upper() + c[1:] for c in columns)
             + "".join(f" | {a[0].upper() + a[1:]} vs {b}" for a, b in pairs)
             + f" | At or above {PLAIN} - {TOLERANCE} | " + " | ".join(
                 list(CATEGORIES.values())[1:]) + " |",
             "| --- | ---: |" + " ---: |" * len(columns) + " --- |" * (len(pairs) + 1)
             + " ---: |" * 3]
    met = 0
    for label, summary in results:
        score = {c: summary[c]["performance"] for c in columns}
        ok = round(score[OURS].median - score[PLAIN].median, 2) >= -TOLERANCE
        met += ok
        lines.append(" | ".join([
            f"| {label}", str(summary[OURS]["runs"]), *(score[c].text() for c in columns),
            *(_difference(score[a], score[b]) for a, b in pairs), "yes" if ok else "**no**",
            *(" / ".join(f"{summary[c][k].median:.2f}" for c in columns)
              for k in list(CATEGORIES)[1:])]) + " |")
    lines += ["", f"{met} of {len(results)} pages at or above {PLAIN} minus {TOLERANCE}."]
    rows = [(label if c == OURS else f"{label}, {c}", summary[c])
            for label, summary in results for c in columns]
    lines += ["", "Key metrics in ms (CLS: a fraction of the viewport), median (range):", "",
              "| Page | " + " | ".join(name for name, _ in METRICS.values()) + " |",
              "| --- |" + " ---: |" * len(METRICS)]
    lines += [f"| {name} | " + " | ".join(s[key].text(form) for key, (_, form) in METRICS.items())
              + " |" for name, s in rows]
    lines += ["", "Where the time goes (Lighthouse's diagnostics, medians; Material's bundle: the "
              "time charged to `bundle.*.js`, its own work and the style and layout it causes; "
              "render-blocking: the FCP savings in all and each file's estimate in ms):", "",
              "| Page | Weight | Elements | Main thread | Style and layout | Material's bundle "
              "| Render-blocking | Blocking files | Search index in LCP |",
              "| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |"]
    lines += [f"| {name} | {s['weight'] / 1024:,.0f} KiB | {s['elements']:,.0f} | "
              f"{s['main']:,.0f} ms | {s['style']:,.0f} ms | {s['bundle']:,.0f} ms | "
              f"{s['blocking']:,.0f} ms | {s['blocking_files']} | {s['index_first']} |"
              for name, s in rows]
    failed = {c: collections.Counter(a for _, s in results for a in s[c]["failed"])
              for c in columns}
    return "\n".join([*lines, "", "Audits below full marks outside performance (on how many "
                      "pages): " + "; ".join(f"{c}: " + (", ".join(
                          f"{a} ({n})" for a, n in sorted(k.items())) or "none")
                          for c, k in failed.items()) + ".", "", footer])


def _difference(ours: Spread, other: Spread) -> str:
    text = f"{ours.median - other.median:+.2f}"
    if ours.low <= other.high and other.low <= ours.high:
        return f"{text}, within the runs' spread"
    return f"{text}, {'higher' if ours.low > other.high else 'lower'}, beyond the runs' spread"
