"""`infointerview package`: the built site as an offline zip and an IMS Common Cartridge.

Career centres put the guide where their students already are: a zip opens from disk (every
link is relative and search runs offline), and a Common Cartridge 1.1 imports into Canvas,
Moodle, Blackboard and D2L as one module holding the pages in menu order and the PDF
handouts. Both archives are deterministic: entries sorted, one fixed timestamp, fixed
permissions, so the same site gives byte-identical files.
"""

from __future__ import annotations

import html
import re
import zipfile
from html.parser import HTMLParser
from pathlib import Path
from xml.etree import ElementTree as ET

import click

from generator.edition.lms_module import (
    for_students,
    hosted_address,
    menu_groups,
    script_note,
    with_pdfs,
)

# 1980-01-01, the earliest time a zip entry can carry.
FIXED_TIME = (1980, 1, 1, 0, 0, 0)
WEB = "web_resources"
CP = "http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1"
LOM = "http://ltsc.ieee.org/xsd/imsccv1p1/LOM/manifest"
LOM_RESOURCE = "http://ltsc.ieee.org/xsd/imsccv1p1/LOM/resource"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
SCHEMAS = " ".join([
    CP, "http://www.imsglobal.org/profile/cc/ccv1p1/ccv1p1_imscp_v1p2_v1p0.xsd",
    LOM_RESOURCE, "http://www.imsglobal.org/profile/cc/ccv1p1/LOM/ccv1p1_lomresource_v1p0.xsd",
    LOM, "http://www.imsglobal.org/profile/cc/ccv1p1/LOM/ccv1p1_lommanifest_v1p0.xsd",
])


class _MenuLinks(HTMLParser):
    """The links of Material's main menu (nav.md-nav--primary), in order, with their text."""

    def __init__(self) -> None:
        super().__init__()
        self.depth = 0  # <nav> elements open inside the primary menu
        self.href: str | None = None
        self.text: list[str] = []
        self.links: list[tuple[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        classes = (values.get("class") or "").split()
        if tag == "nav" and (self.depth or "md-nav--primary" in classes):
            self.depth += 1
        elif tag == "a" and self.depth and "md-nav__link" in classes and values.get("href"):
            self.href, self.text = values["href"], []

    def handle_endtag(self, tag: str) -> None:
        if tag == "nav" and self.depth:
            self.depth -= 1
        elif tag == "a" and self.href is not None:
            self.links.append((self.href, " ".join("".join(self.text).split())))
            self.href = None

    def handle_data(self, data: str) -> None:
        if self.href is not None:
            self.text.append(data)


def menu_pages(site: Path) -> list[tuple[str, str]]:
    """(path in the site, title) of every page in the menu, in menu order, each once."""
    parser = _MenuLinks()
    parser.feed((site / "index.html").read_text(encoding="utf-8"))
    pages: list[tuple[str, str]] = []
    for href, title in parser.links:
        path = href.split("#")[0]
        path = "index.html" if path in ("", ".", "./") else path.removeprefix("./")
        if (site / path).is_file() and path not in [p for p, _ in pages]:
            pages.append((path, title))
    return pages


def site_title(site: Path) -> str:
    match = re.search(r"<title>(.*?)</title>", (site / "index.html").read_text(encoding="utf-8"))
    title = html.unescape(match.group(1)) if match else "Informational interviews"
    return title.split(" - ")[-1]


def site_files(site: Path) -> list[str]:
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file())


def write_zip(target: Path, entries: dict[str, bytes]) -> None:
    """A zip whose bytes depend only on `entries`: sorted names, one time, fixed permissions."""
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in sorted(entries):
            info = zipfile.ZipInfo(name, FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, entries[name])


def cartridge_files(site: Path, staff: bool) -> list[str]:
    """The site's files for the cartridge: without staff pages, 404 page and sitemaps unless
    `staff` (they are not for students: generator/edition/lms_module.py)."""
    return [path for path in site_files(site) if staff or for_students(path)]


def manifest(site: Path, title: str, staff: bool = False) -> bytes:
    """imsmanifest.xml: one module with the menu's pages and then the PDFs, one resource per
    item, and one shared resource that lists every other file of the site."""
    ET.register_namespace("", CP)
    ET.register_namespace("lomimscc", LOM)
    ET.register_namespace("xsi", XSI)
    root = ET.Element(f"{{{CP}}}manifest", {"identifier": "infointerview-cartridge",
                                             f"{{{XSI}}}schemaLocation": SCHEMAS})
    metadata = ET.SubElement(root, f"{{{CP}}}metadata")
    ET.SubElement(metadata, f"{{{CP}}}schema").text = "IMS Common Cartridge"
    ET.SubElement(metadata, f"{{{CP}}}schemaversion").text = "1.1.0"
    lom_title = ET.SubElement(ET.SubElement(ET.SubElement(
        metadata, f"{{{LOM}}}lom"), f"{{{LOM}}}general"), f"{{{LOM}}}title")
    ET.SubElement(lom_title, f"{{{LOM}}}string", {"language": "en"}).text = title
    organization = ET.SubElement(ET.SubElement(root, f"{{{CP}}}organizations"),
                                 f"{{{CP}}}organization",
                                 {"identifier": "org", "structure": "rooted-hierarchy"})
    module = ET.SubElement(ET.SubElement(organization, f"{{{CP}}}item", {"identifier": "root"}),
                           f"{{{CP}}}item", {"identifier": "module"})
    ET.SubElement(module, f"{{{CP}}}title").text = title
    resources = ET.SubElement(root, f"{{{CP}}}resources")
    files = cartridge_files(site, staff)
    # The menu's sections as folders, each PDF after its page (generator/edition/lms_module.py).
    groups = with_pdfs(menu_groups(site, staff), [p for p in files if p.endswith(".pdf")])
    items = []
    for number, group in enumerate(groups, start=1):
        parent = module
        if group.title:
            parent = ET.SubElement(module, f"{{{CP}}}item", {"identifier": f"section-{number}"})
            ET.SubElement(parent, f"{{{CP}}}title").text = group.title
        items += [(parent, path, page_title) for path, page_title in group.pages]
    for number, (parent, path, item_title) in enumerate(items, start=1):
        item = ET.SubElement(parent, f"{{{CP}}}item",
                             {"identifier": f"item-{number}", "identifierref": f"res-{number}"})
        ET.SubElement(item, f"{{{CP}}}title").text = item_title
        href = f"{WEB}/{path}"
        resource = ET.SubElement(resources, f"{{{CP}}}resource",
                                 {"identifier": f"res-{number}", "type": "webcontent",
                                  "href": href})
        ET.SubElement(resource, f"{{{CP}}}file", {"href": href})
        ET.SubElement(resource, f"{{{CP}}}dependency", {"identifierref": "res-site"})
    listed = {path for _, path, _ in items}
    shared = ET.SubElement(resources, f"{{{CP}}}resource",
                           {"identifier": "res-site", "type": "webcontent"})
    for path in files:
        if path not in listed:
            ET.SubElement(shared, f"{{{CP}}}file", {"href": f"{WEB}/{path}"})
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"


def build_packages(site: Path, output: Path, staff: bool = False,
                   site_url: str | None = None) -> list[Path]:
    """Write the offline zip and the cartridge for the built `site` into `output`."""
    if not (site / "index.html").is_file():
        raise click.ClickException(
            f"{site} has no index.html; build the site first with `mkdocs build --strict`")
    files = {path: (site / path).read_bytes() for path in site_files(site)}
    title = site_title(site)
    output.mkdir(parents=True, exist_ok=True)
    offline, cartridge = output / "site-offline.zip", output / "site.imscc"
    write_zip(offline, files)
    hosted = site_url or hosted_address(site)
    entries = {f"{WEB}/{path}": script_note(path, files[path], hosted) if path.endswith(".html")
               else files[path] for path in cartridge_files(site, staff)}
    entries["imsmanifest.xml"] = manifest(site, title, staff)
    write_zip(cartridge, entries)
    return [offline, cartridge]


@click.command("package")
@click.option("--output", "-o", required=True, type=click.Path(path_type=Path),
              help="Folder to write site-offline.zip and site.imscc into.")
@click.option("--site", type=click.Path(path_type=Path), default=Path("site"), show_default=True,
              help="The built site (run `mkdocs build --strict` first).")
@click.option("--with-staff-pages", "staff", is_flag=True,
              help="Also put the pages for career-centre staff, the 404 page and the sitemap "
              "into the cartridge.")
@click.option("--site-url", help="The site's public address, linked from pages that need "
              "scripts (default: site_url from the build, if set).")
def package(output: Path, site: Path, staff: bool, site_url: str | None) -> None:
    """Pack the built site as an offline zip and a Common Cartridge for a learning platform."""
    for path in build_packages(site, output, staff, site_url):
        click.echo(f"Wrote {path}")
