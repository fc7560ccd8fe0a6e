"""The files that make Commapper a desktop application (the .desktop entry, the MIME type, the
AppStream metainfo and the icon) name one application id and one file suffix, the window carries
the icon, and the validators accept the files where they are installed (CI installs them)."""

from __future__ import annotations

import configparser
import re
import shutil
import subprocess
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest

from commapper import APP_ID, APP_NAME, __version__
from commapper.resources import DESKTOP_DIR, ICON_SIZES, ICONS_DIR, example_maps

SUFFIX = ".commap"
MIME_NS = {"mime": "http://www.freedesktop.org/standards/shared-mime-info"}
ROOT = Path(__file__).resolve().parents[1]


def desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, delimiters=("=",))
    parser.optionxform = str  # keys are case-sensitive in a desktop file
    parser.read(DESKTOP_DIR / f"{APP_ID}.desktop", encoding="utf-8")
    return parser["Desktop Entry"]


def mime_type() -> ElementTree.Element:
    root = ElementTree.parse(DESKTOP_DIR / f"{APP_ID}.mime.xml").getroot()
    types = root.findall("mime:mime-type", MIME_NS)
    assert len(types) == 1
    return types[0]


def metainfo() -> ElementTree.Element:
    return ElementTree.parse(DESKTOP_DIR / f"{APP_ID}.metainfo.xml").getroot()


def semicolon_list(value: str) -> list[str]:
    assert value.endswith(";"), f"{value!r}: a desktop file's list ends with ';'"
    return value.removesuffix(";").split(";")


def test_the_desktop_entry_is_named_by_the_application_id_and_opens_map_files():
    entry = desktop_entry()
    assert (DESKTOP_DIR / f"{APP_ID}.desktop").is_file()
    assert entry["Type"] == "Application"
    assert entry["Name"] == APP_NAME
    assert entry["Icon"] == APP_ID
    # On X11, Qt names the windows' class after the application (WM_CLASS), by which a desktop
    # finds their entry; Wayland uses the desktop file name Qt is given (APP_ID).
    assert entry["StartupWMClass"] == APP_NAME
    assert semicolon_list(entry["MimeType"]) == [mime_type().get("type")]
    # One file at a time: the app opens one map per window (%f, not %F or %U).
    assert entry["Exec"].split()[0] == "commapper" and entry["Exec"].split()[1:] == ["%f"]


def test_the_mime_type_is_json_with_the_commap_suffix_and_the_format_key():
    found = mime_type()
    assert found.get("type").startswith("application/") and found.get("type").endswith("+json")
    assert [parent.get("type") for parent in found.findall("mime:sub-class-of", MIME_NS)] == [
        "application/json"
    ]
    assert [glob.get("pattern") for glob in found.findall("mime:glob", MIME_NS)] == [f"*{SUFFIX}"]
    # The magic is what every map written by Commapper starts with (a file renamed away from
    # .commap is still known by it).
    (match,) = found.findall("mime:magic/mime:match", MIME_NS)
    first, last = (int(offset) for offset in match.get("offset").split(":"))
    for path in example_maps():
        assert path.suffix == SUFFIX
        head = path.read_bytes()[: last + len(match.get("value"))]
        assert head.find(match.get("value").encode()) in range(first, last + 1), path.name


def test_the_metainfo_names_the_id_the_desktop_entry_the_mime_type_and_this_version():
    component = metainfo()
    assert component.get("type") == "desktop-application"
    assert component.findtext("id") == APP_ID
    assert component.findtext("name") == APP_NAME
    (launchable,) = component.findall("launchable")
    assert launchable.get("type") == "desktop-id" and launchable.text == f"{APP_ID}.desktop"
    assert [media.text for media in component.findall("provides/mediatype")] == [
        mime_type().get("type")
    ]
    assert [binary.text for binary in component.findall("provides/binary")] == ["commapper"]
    # The newest release listed is this version: a release is added here when the version is.
    releases = [release.get("version") for release in component.findall("releases/release")]
    assert releases[0] == __version__
    assert [category.text for category in component.findall("categories/category")] == (
        semicolon_list(desktop_entry()["Categories"])
    )


def test_the_metainfo_screenshots_are_the_documentation_images():
    images = [image.text for image in metainfo().findall("screenshots/screenshot/image")]
    assert images
    for url in images:
        found = re.fullmatch(r"https://raw\.githubusercontent\.com/[^/]+/[^/]+/main/(.+)", url)
        assert found, url
        assert (ROOT / found.group(1)).is_file(), f"{url}: no such file in the repository"


def test_the_icon_is_an_svg_with_a_png_at_every_size():
    from PySide6.QtGui import QImage
    from PySide6.QtSvg import QSvgRenderer

    svg = ICONS_DIR / "scalable" / "apps" / f"{APP_ID}.svg"
    assert QSvgRenderer(str(svg)).isValid()
    for size in ICON_SIZES:
        image = QImage(str(ICONS_DIR / f"{size}x{size}" / "apps" / f"{APP_ID}.png"))
        assert (image.width(), image.height()) == (size, size)
        # A rounded square with a transparent outside: a corner pixel is clear, the middle is not.
        assert image.pixelColor(0, 0).alpha() == 0
        assert image.pixelColor(size // 2, size // 2).alpha() == 255


def test_the_application_carries_the_icon_at_every_size(qapp):
    from commapper.ui.app import create_application

    app = create_application()
    assert sorted(size.width() for size in app.windowIcon().availableSizes()) == list(ICON_SIZES)


@pytest.mark.skipif(not shutil.which("desktop-file-validate"), reason="desktop-file-utils")
def test_desktop_file_validate_accepts_the_entry():
    result = subprocess.run(
        ["desktop-file-validate", str(DESKTOP_DIR / f"{APP_ID}.desktop")],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout


@pytest.mark.skipif(not shutil.which("appstreamcli"), reason="appstream")
def test_appstreamcli_accepts_the_metainfo():
    result = subprocess.run(
        ["appstreamcli", "validate", "--no-net", str(DESKTOP_DIR / f"{APP_ID}.metainfo.xml")],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout
