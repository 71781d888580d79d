"""`infointerview package`: the built site as an offline zip and an IMS Common Cartridge.

Career centres put the guide where their students already are: a zip opens from disk (every
link is relative and search runs offline), and a Common Cartridge 1.1 imports into Canvas,
Moodle, Blackboard and D2L as one module holding the pages in menu order and the PDF
handouts. Both archives are deterministic: entries sorted, one fixed timestamp, fixed
permissions, so the same site gives byte-identical files.

The site folder is not trusted: a symbolic link in it (which could bring /etc/passwd or a
secret into an archive handed to a learning platform) stops the command with its name, nothing
is read through a link, and archives of an earlier run are left out. The output gets the
checks every command's output has (rendering/output.py): never `/`, the project, or the site
itself, and both archives are written whole or not at all. Text reaching imsmanifest.xml is
kept to the characters XML allows, so the manifest always parses.
"""

from __future__ import annotations

import html
import io
import os
import re
import stat
import zipfile
from pathlib import Path
from xml.etree import ElementTree as ET

import click

from generator.core.languages import gettext
from generator.edition.lms_module import (
    for_students,
    hosted_address,
    language_folders,
    menu_groups,
    script_note,
    with_pdfs,
)
from generator.rendering import output as out

ARCHIVES = ("site-offline.zip", "site.imscc")
# Characters XML 1.0 cannot hold, even escaped: control characters, surrogates, U+FFFE/FFFF.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
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


def site_title(site: Path) -> str:
    match = re.search(r"<title>(.*?)</title>", (site / "index.html").read_text(encoding="utf-8"))
    title = html.unescape(match.group(1)) if match else gettext("Informational interviews")
    return title.split(" - ")[-1]


def xml_text(text: str) -> str:
    """Text as XML can hold it: what it cannot (U+0000, U+001B, ...) is dropped."""
    return _NOT_XML.sub("", text)


def site_files(site: Path) -> list[str]:
    """Every plain file of the site, without following links; raises ClickException naming
    the links and other special files, and the file names XML cannot hold."""
    found, refused = [], []
    for folder, subfolders, files in os.walk(site):  # os.walk does not enter linked folders
        for name in sorted(subfolders + files):
            path = Path(folder, name)
            relative = path.relative_to(site).as_posix()
            info = path.lstat()
            if stat.S_ISLNK(info.st_mode) or not (stat.S_ISREG(info.st_mode)
                                                    or stat.S_ISDIR(info.st_mode)):
                refused.append(relative)
            elif stat.S_ISREG(info.st_mode):
                if xml_text(relative) != relative:
                    raise click.ClickException(
                        f"refusing to pack {relative!r}: a file name with a control character")
                found.append(relative)
    if refused:
        shown = ", ".join(repr(name) for name in sorted(refused)[:10])
        raise click.ClickException(
            f"refusing to pack {site}: it holds symbolic links or special files, which could "
            f"bring in files from outside it: {shown}")
    return sorted(found)


def _read(site: Path, relative: str) -> bytes:
    """A file's bytes, refusing a link that appeared since the folder was listed."""
    handle = os.open(site / relative, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    with os.fdopen(handle, "rb") as stream:
        return stream.read()


def zip_bytes(entries: dict[str, bytes]) -> bytes:
    """A zip whose bytes depend only on `entries`: sorted names, one time, fixed permissions."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in sorted(entries):
            info = zipfile.ZipInfo(name, FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, entries[name])
    return buffer.getvalue()




def manifest(site: Path, title: str, files: list[str]) -> bytes:
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
    title = xml_text(title)
    ET.SubElement(lom_title, f"{{{LOM}}}string", {"language": "en"}).text = title
    organization = ET.SubElement(ET.SubElement(root, f"{{{CP}}}organizations"),
                                 f"{{{CP}}}organization",
                                 {"identifier": "org", "structure": "rooted-hierarchy"})
    module = ET.SubElement(ET.SubElement(organization, f"{{{CP}}}item", {"identifier": "root"}),
                           f"{{{CP}}}item", {"identifier": "module"})
    ET.SubElement(module, f"{{{CP}}}title").text = title
    resources = ET.SubElement(root, f"{{{CP}}}resources")
    # The menu's sections as folders, each PDF after its page (generator/edition/lms_module.py).
    chosen = set(files)
    # The module follows the root language's menu; another language's pages and PDFs are in the
    # package too, reached through each page's language menu.
    others = language_folders(site)
    groups = with_pdfs(menu_groups(site, staff=True),
                       [p for p in files if p.endswith(".pdf") and p.split("/")[0] not in others])
    items = []
    for number, group in enumerate(groups, start=1):
        pages = [(path, page_title) for path, page_title in group.pages if path in chosen]
        parent = module
        if group.title and pages:
            parent = ET.SubElement(module, f"{{{CP}}}item", {"identifier": f"section-{number}"})
            ET.SubElement(parent, f"{{{CP}}}title").text = xml_text(group.title)
        items += [(parent, path, page_title) for path, page_title in pages]
    for number, (parent, path, item_title) in enumerate(items, start=1):
        item = ET.SubElement(parent, f"{{{CP}}}item",
                             {"identifier": f"item-{number}", "identifierref": f"res-{number}"})
        ET.SubElement(item, f"{{{CP}}}title").text = xml_text(item_title)
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
    """Write the offline zip and the cartridge for the built `site` into `output`, both or
    neither; archives of an earlier run found in the site are left out, and said so."""
    if not (site / "index.html").is_file() or (site / "index.html").is_symlink():
        raise click.ClickException(
            f"{site} has no index.html; build the site first with `mkdocs build --strict`")
    try:
        out.check_output_folder(output, [site], Path.cwd())
        out.check_writable_folder(output)
    except out.OutputError as error:
        raise click.ClickException(str(error)) from None
    names = site_files(site)
    for name in [name for name in names if Path(name).name in ARCHIVES]:
        click.echo(f"Left out {name}: an archive from an earlier run", err=True)
        names.remove(name)
    files = {path: _read(site, path) for path in names}
    hosted = site_url or hosted_address(site)
    chosen = [path for path in names if staff or for_students(path)]
    entries = {f"{WEB}/{path}": script_note(path, files[path], hosted) if path.endswith(".html")
               else files[path] for path in chosen}
    entries["imsmanifest.xml"] = manifest(site, site_title(site), chosen)
    archives = dict(zip(ARCHIVES, (zip_bytes(files), zip_bytes(entries)), strict=True))
    try:
        out.write_folder(output, archives)
    except out.OutputError as error:
        raise click.ClickException(str(error)) from None
    return [output / name for name in ARCHIVES]


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
