"""`infointerview check-accessibility`: axe-core on the pages a centre wrote itself.

The accessibility statement may only claim what was checked. This release's tests check the
guide's own pages; this command checks the centre's, in the built site, in a real browser,
in the light and the dark colour scheme, for the WCAG 2.1 A and AA rules. Every violation is
one line, `page (scheme): rule: message`, and the exit status is 1. With none, it writes the
record the build reads (generator.core.own_check). Without Chromium or the optional packages it
says what is missing and exits 1: it never reports pages as checked that it could not check.

Playwright and axe-core for Python are the optional extra `infointerview[check]`; Chromium is
INFOINTERVIEW_CHROMIUM, or Debian's /usr/bin/chromium.
"""

from __future__ import annotations

import datetime
import functools
import os
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, Literal

import click

from generator.core.errors import ConfigError
from generator.core.own_check import RECORD, built_page, own_pages, write_record
from generator.core.site_options import read_document

SCHEMES: tuple[Literal["light", "dark"], ...] = ("light", "dark")
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": WCAG_21_AA}, "resultTypes": ["violations"]}
# Quiet Chromium: none of the browser's own background traffic, and no sandbox (as root in CI).
LAUNCH_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
               "--disable-component-update", "--disable-sync", "--no-first-run"]
TIMEOUT_MS = 30_000


class CheckFailed(Exception):
    """Nothing was checked, and why."""


def chromium_path() -> Path:
    return Path(os.environ.get("INFOINTERVIEW_CHROMIUM") or "/usr/bin/chromium")


@click.command("check-accessibility")
@click.argument("folder", default=".", type=click.Path(path_type=Path, file_okay=False))
def check_accessibility(folder: Path) -> None:
    """Check the pages your centre wrote (docs/) in the built site with axe-core, in light and
    dark mode. Run it in your site's folder after `mkdocs build`. With no problem found, it
    writes accessibility-check.yml for you to commit; the accessibility statement then says
    when your pages were checked."""
    try:
        docs, site, directory_urls = _layout(folder / "mkdocs.yml")
        pages = own_pages(docs)
        if not pages:
            raise CheckFailed(f"{docs} holds no pages of your own: there is nothing to check")
        tools = _browser_tools()
        built = {name: site / built_page(name, directory_urls) for name in pages}
        _check_built(pages, built)
        violations, version = _run_axe(tools, site, built, docs, folder)
    except CheckFailed as error:
        click.echo(f"Error: {error}. Nothing was checked.", err=True)
        sys.exit(1)
    for line in violations:
        click.echo(line)
    if violations:
        click.echo(f"axe-core {version} found {len(violations)} problem(s) on your own pages. "
                   f"Fix them, run `mkdocs build` and this command again; {RECORD} was not "
                   "written.", err=True)
        sys.exit(1)
    record = write_record(folder, version, pages, datetime.datetime.now(datetime.UTC).date())
    click.echo(f"axe-core {version} found no problem on your {len(pages)} own page(s), in the "
               f"light and the dark colour scheme. Wrote {record}: commit it, and the "
               "accessibility statement says so from the next build.")


def _layout(config: Path) -> tuple[Path, Path, bool]:
    """The docs folder, the built site and use_directory_urls, from the site's mkdocs.yml."""
    if not config.is_file():
        raise CheckFailed(f"{config} not found; run this in your site's folder, or name it")
    try:
        document = read_document(config)
    except ConfigError as error:
        raise CheckFailed(str(error)) from None
    settings = document if isinstance(document, dict) else {}

    def setting(name: str, default: Any) -> Any:
        value = settings.get(name, default)
        return value if isinstance(value, type(default)) else default

    root = config.parent
    return (root / setting("docs_dir", "docs"), root / setting("site_dir", "site"),
            setting("use_directory_urls", True))


def _check_built(pages: dict[str, Path], built: dict[str, Path]) -> None:
    """Every own page is in the built site, built after its last change."""
    for name, html in built.items():
        if not html.is_file():
            raise CheckFailed(f"{html} not found; run `mkdocs build` first")
        if html.stat().st_mtime < pages[name].stat().st_mtime:
            raise CheckFailed(f"{pages[name]} changed after the site was built; run "
                              "`mkdocs build` first")


def _browser_tools() -> tuple[Any, Any, type[Exception], Path]:
    """axe-core's runner, Playwright, Playwright's error and Chromium, or why not."""
    try:  # the optional extra: imported here, so the command line starts without it
        from axe_playwright_python.sync_playwright import Axe  # noqa: PLC0415
        from playwright.sync_api import Error, sync_playwright  # noqa: PLC0415
    except ImportError:
        raise CheckFailed("the check needs Playwright and axe-core for Python; install them "
                          'with: pip install "infointerview[check]"') from None
    chromium = chromium_path()
    if not (chromium.is_file() and os.access(chromium, os.X_OK)):
        raise CheckFailed(f"Chromium not found at {chromium}; install it (on Debian or Ubuntu: "
                          "sudo apt-get install chromium), or set INFOINTERVIEW_CHROMIUM to "
                          "the path of a Chromium or Chrome program")
    return Axe, sync_playwright, Error, chromium


def _run_axe(tools: tuple[Any, Any, type[Exception], Path], site: Path, built: dict[str, Path],
             docs: Path, folder: Path) -> tuple[list[str], str]:
    """Violations as `page (scheme): rule: message`, and the axe-core version."""
    Axe, sync_playwright, Error, chromium = tools
    axe, violations, version = Axe(), [], ""
    try:
        with serve(site) as url, sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(chromium), args=LAUNCH_ARGS)
            for scheme in SCHEMES:
                context = browser.new_context(color_scheme=scheme,
                                              viewport={"width": 1280, "height": 900})
                context.set_default_timeout(TIMEOUT_MS)
                page = context.new_page()
                for name, html in built.items():
                    page.goto(url + html.relative_to(site).as_posix())
                    page.wait_for_function("document.getAnimations().every("
                                           "a => a.playState !== 'running')", polling=50)
                    response = axe.run(page, options=AXE_OPTIONS).response
                    version = response.get("testEngine", {}).get("version", "")
                    where = _shown(docs / name, folder)
                    violations += [f"{where} ({scheme}): {_describe(v)}"
                                   for v in response["violations"]]
                context.close()
            browser.close()
    except Error as error:
        raise CheckFailed(f"the browser failed: {str(error).splitlines()[0]}") from None
    return violations, version or "(unknown version)"


def _describe(violation: dict[str, Any]) -> str:
    """`rule: message`: what axe-core says, where first, and why it failed there."""
    nodes = violation.get("nodes") or [{}]
    target = " ".join(map(str, nodes[0].get("target", [])))
    summary = " ".join(str(nodes[0].get("failureSummary", "")).split())
    more = f" (and {len(nodes) - 1} more)" if len(nodes) > 1 else ""
    return f"{violation['id']}: {violation['help']}; at {target}{more}: {summary}"


def _shown(path: Path, folder: Path) -> str:
    try:
        return path.relative_to(folder).as_posix()
    except ValueError:
        return str(path)


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def serve(folder: Path) -> Iterator[str]:
    """The built site on a free local port, as a web host serves it (the browser tests serve
    sites with it too)."""
    server = ThreadingHTTPServer(("127.0.0.1", 0),
                                 functools.partial(_QuietHandler, directory=str(folder)))
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        host, port = server.server_address[:2]
        yield f"http://{host!s}:{port}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
