"""``commapper install-desktop``: register Commapper with the user's desktop (Linux and other
freedesktop.org systems), so that it is in the applications menu with its icon and a
double-clicked ``.commap`` file opens in it; ``--uninstall`` removes what it installed.

Everything goes under the user's data folder (``$XDG_DATA_HOME``, else ``~/.local/share``) by
the freedesktop.org specifications: the desktop entry in ``applications/``, the icon in the
hicolor theme, the MIME type in ``mime/packages/`` and the AppStream metainfo in ``metainfo/``.
The desktop entry runs this installation's ``commapper`` by its absolute path. Windows and
macOS register the app and its file type through the installer of the frozen app instead.

The default app for ``.commap`` files is set by ``xdg-mime`` in the user's ``mimeapps.list``,
which other apps share. Whether that file, or its ``[Default Applications]`` section, was there
before is remembered in ``$XDG_STATE_HOME/commapper/install-desktop.json``, so that
``--uninstall`` takes out the file or the section only if install made it and it is left empty.
Every file is written atomically: an interrupted install leaves no half-written file.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from commapper import APP_ID, APP_NAME
from commapper.cli import EXIT_INVALID, EXIT_OK, _say
from commapper.io.atomic import atomic_write
from commapper.resources import DESKTOP_DIR, ICON_SIZES, ICONS_DIR

DESKTOP_ID = f"{APP_ID}.desktop"
MIME_NAMESPACE = "{http://www.freedesktop.org/standards/shared-mime-info}"
# The Desktop Entry specification's characters that oblige an Exec argument to be quoted.
_RESERVED = re.compile(r"""[\s"'\\><~|&;$*?#()`]""")
DEFAULTS_SECTION = "[Default Applications]"


def build(parser: argparse.ArgumentParser) -> None:
    parser.description = (
        f"Add {APP_NAME} to this user's applications menu, with its icon, and make .commap "
        "files open in it (Linux and other freedesktop.org desktops)."
    )
    parser.add_argument(
        "--uninstall", action="store_true", help="remove what install-desktop installed"
    )


def run(options: argparse.Namespace) -> int:
    if sys.platform in ("win32", "darwin"):
        system = "Windows" if sys.platform == "win32" else "macOS"
        _say(
            f"commapper install-desktop: on {system}, the installer of the {APP_NAME} app "
            "registers it and .commap files (docs/packaging.md); this command is for Linux "
            "desktops.",
            sys.stderr,
        )
        return EXIT_INVALID
    data_home = xdg_folder("XDG_DATA_HOME", ".local/share")
    try:
        mime_type = map_mime_type()
        files = desktop_files(data_home, mime_type)
        if options.uninstall:
            return _uninstall(files, data_home, mime_type)
        return _install(files, data_home, mime_type)
    except (OSError, ValueError, ElementTree.ParseError) as error:
        _say(f"commapper install-desktop: {error}", sys.stderr)
        return EXIT_INVALID


@dataclass(frozen=True)
class Placed:
    """One file install-desktop puts in the user's data folder, and where it comes from."""

    source: Path
    target: Path


def xdg_folder(variable: str, default: str) -> Path:
    """The folder an XDG base-directory variable names; its default under the home folder when
    it is unset, empty or relative (the specification says to ignore a relative one)."""
    value = os.environ.get(variable, "")
    return Path(value) if os.path.isabs(value) else Path.home() / default


def map_mime_type() -> str:
    """The MIME type of a map, as the shared-mime-info file shipped with the app names it."""
    root = ElementTree.parse(DESKTOP_DIR / f"{APP_ID}.mime.xml").getroot()
    found = root.find(f"{MIME_NAMESPACE}mime-type")
    if found is None or not found.get("type"):
        raise ValueError(f"{DESKTOP_DIR / f'{APP_ID}.mime.xml'}: names no MIME type")
    return str(found.get("type"))


def desktop_files(data_home: Path, mime_type: str) -> list[Placed]:
    """Every file install-desktop writes under ``data_home``; the same list is removed again.

    The icon goes in twice: as the app's icon, and as the icon of its file type (named after the
    type, ``application-x-commapper+json``), so that file managers show it on .commap files.
    """
    hicolor = data_home / "icons" / "hicolor"
    type_icon = mime_type.replace("/", "-")
    files = [
        Placed(DESKTOP_DIR / DESKTOP_ID, data_home / "applications" / DESKTOP_ID),
        Placed(
            DESKTOP_DIR / f"{APP_ID}.mime.xml", data_home / "mime" / "packages" / f"{APP_ID}.xml"
        ),
        Placed(
            DESKTOP_DIR / f"{APP_ID}.metainfo.xml",
            data_home / "metainfo" / f"{APP_ID}.metainfo.xml",
        ),
    ]
    icons = [(f"{size}x{size}", "png") for size in ICON_SIZES] + [("scalable", "svg")]
    for folder, suffix in icons:
        source = ICONS_DIR / folder / "apps" / f"{APP_ID}.{suffix}"
        files.append(Placed(source, hicolor / folder / "apps" / f"{APP_ID}.{suffix}"))
        files.append(Placed(source, hicolor / folder / "mimetypes" / f"{type_icon}.{suffix}"))
    return files


def app_command() -> list[str]:
    """The command that runs this installation of Commapper, by absolute paths: the frozen app
    itself, the ``commapper`` script beside this Python (a virtual environment's or pipx's), or
    else this Python running the package."""
    if getattr(sys, "frozen", False):
        return [os.path.abspath(sys.executable)]
    # Not resolved: a virtual environment's python is a link to the base interpreter, and its
    # scripts are beside the link.
    script = Path(os.path.abspath(sys.executable)).with_name("commapper")
    if script.is_file() and os.access(script, os.X_OK):
        return [str(script)]
    return [os.path.abspath(sys.executable), "-m", "commapper"]


def exec_line(command: Sequence[str]) -> str:
    """``command`` as the value of a desktop entry's Exec key, then ``%f`` (the file opened).

    Arguments with reserved characters are double-quoted, with a double quote, backquote, dollar
    sign or backslash inside escaped by a backslash; a ``%`` is doubled; and the line as a whole
    is a string value of the desktop file, in which a backslash is written twice (Desktop Entry
    specification 1.5, "The Exec key").

    >>> exec_line(["/opt/My Apps/commapper"])
    '"/opt/My Apps/commapper" %f'
    >>> exec_line(["/home/a$b/python", "-m", "commapper"])
    '"/home/a\\\\\\\\$b/python" -m commapper %f'
    """
    words = []
    for argument in command:
        if any(ord(character) < 0x20 or ord(character) == 0x7F for character in argument):
            raise ValueError(f"{argument!r}: a desktop entry cannot run a path with control codes")
        argument = argument.replace("%", "%%")
        if _RESERVED.search(argument):
            argument = '"' + re.sub(r'(["`$\\])', r"\\\1", argument) + '"'
        words.append(argument)
    return " ".join(words).replace("\\", "\\\\") + " %f"


def desktop_entry_text(source: Path, command: Sequence[str]) -> str:
    """The shipped desktop entry with its Exec (and TryExec) set to run ``command``: the menu
    hides the entry once that program is gone."""
    lines = []
    for line in source.read_text(encoding="utf-8").splitlines():
        if line.startswith("Exec="):
            lines.append(f"TryExec={exec_line(command[:1]).removesuffix(' %f')}")
            line = f"Exec={exec_line(command)}"
        elif line.startswith("TryExec="):
            continue
        lines.append(line)
    return "\n".join(lines) + "\n"


def _install(files: list[Placed], data_home: Path, mime_type: str) -> int:
    command = app_command()
    for placed in files:
        placed.target.parent.mkdir(parents=True, exist_ok=True)
        if placed.target.name == DESKTOP_ID:
            data = desktop_entry_text(placed.source, command).encode("utf-8")
        else:
            data = placed.source.read_bytes()
        atomic_write(placed.target, data, keep_backup=False)
    _say(f"Installed {APP_NAME} for this user in {data_home}:")
    _say(f"  applications/{DESKTOP_ID} (runs {' '.join(command)})")
    _say(f"  mime/packages/{APP_ID}.xml ({mime_type}: *.commap files)")
    _say(f"  metainfo/{APP_ID}.metainfo.xml")
    icons = [placed for placed in files if "icons" in placed.target.parts]
    _say(f"  {len(icons)} icons in icons/hicolor (the app's and its file type's)")
    status = _refresh(data_home)
    mimeapps = mimeapps_path()
    _remember_mimeapps(mimeapps)
    default = ["xdg-mime", "default", DESKTOP_ID, mime_type]
    status = max(status, _run_tool(default, f"{APP_NAME} opens .commap files"))
    return status


def _uninstall(files: list[Placed], data_home: Path, mime_type: str) -> int:
    removed = 0
    for placed in files:
        if placed.target.is_file() or placed.target.is_symlink():
            placed.target.unlink()
            removed += 1
    if not removed:
        _say(f"{APP_NAME} was not installed for this user in {data_home}: nothing to remove.")
    else:
        _say(f"Removed {removed} file{'' if removed == 1 else 's'} of {APP_NAME} from {data_home}.")
    mimeapps = mimeapps_path()
    made = _made_by_install(mimeapps)
    if _forget_default(mimeapps, mime_type, made):
        _say(f"  {APP_NAME} is no longer the default for .commap files (mimeapps.list)")
    state = state_path()
    state.unlink(missing_ok=True)
    with contextlib.suppress(OSError):  # a folder that holds more is left
        state.parent.rmdir()
    return _refresh(data_home) if removed else EXIT_OK


def mimeapps_path() -> Path:
    """The user's ``mimeapps.list``, where ``xdg-mime default`` writes."""
    return xdg_folder("XDG_CONFIG_HOME", ".config") / "mimeapps.list"


def state_path() -> Path:
    """Where install-desktop remembers what it made of ``mimeapps.list``."""
    return xdg_folder("XDG_STATE_HOME", ".local/state") / "commapper" / "install-desktop.json"


def _remember_mimeapps(mimeapps: Path) -> None:
    """Remember, before ``xdg-mime`` writes, whether ``mimeapps.list`` and its defaults
    section were there; an earlier install's memory is kept (the file may be its)."""
    made = _made_by_install(mimeapps)
    lines = mimeapps.read_text(encoding="utf-8").splitlines() if mimeapps.is_file() else []
    made["file"] = made.get("file", False) or not mimeapps.exists()
    made["section"] = made.get("section", False) or DEFAULTS_SECTION not in map(str.strip, lines)
    state = state_path()
    state.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(state, (json.dumps({"mimeapps.list": made}) + "\n").encode(), keep_backup=False)


def _made_by_install(mimeapps: Path) -> dict[str, bool]:
    """What an install made of ``mimeapps.list`` (``file``, ``section``, each true when
    made); empty if it remembers nothing."""
    state = state_path()
    try:
        data = json.loads(state.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    made = data.get("mimeapps.list") if isinstance(data, dict) else None
    return {name: made.get(name) is True for name in ("file", "section") if isinstance(made, dict)}


def _refresh(data_home: Path) -> int:
    """Rebuild the user's MIME database and desktop-entry cache from what is now there."""
    status = EXIT_OK
    mime = data_home / "mime"
    if (mime / "packages").is_dir():
        purpose = "the file types the desktop knows"
        status = max(status, _run_tool(["update-mime-database", str(mime)], purpose))
    applications = data_home / "applications"
    if applications.is_dir():
        purpose = "which app opens which file type"
        status = max(status, _run_tool(["update-desktop-database", str(applications)], purpose))
    return status


def _run_tool(command: list[str], purpose: str) -> int:
    """Run one of the desktop's own tools: not an error when it is not installed (the desktop
    then reads the files at its next look), only when it fails."""
    if shutil.which(command[0]) is None:
        _say(
            f"  skipped {command[0]}: not installed (the desktop finds the files at its next look)"
        )
        return EXIT_OK
    try:
        result = subprocess.run(command, capture_output=True, text=True, timeout=120)
    except (OSError, subprocess.TimeoutExpired) as error:
        _say(f"commapper install-desktop: {command[0]} failed: {error}", sys.stderr)
        return EXIT_INVALID
    if result.returncode != 0:
        problem = (result.stderr or result.stdout).strip().splitlines()
        detail = problem[0] if problem else f"exit status {result.returncode}"
        _say(f"commapper install-desktop: {command[0]} failed: {detail}", sys.stderr)
        return EXIT_INVALID
    _say(f"  ran {command[0]} ({purpose})")
    return EXIT_OK


def _forget_default(path: Path, mime_type: str, made: dict[str, bool] | None = None) -> bool:
    """Take Commapper out of the user's mimeapps.list for ``mime_type`` (xdg-mime can set a
    default but not unset one); returns whether there was anything to take out. ``made`` says
    what install made (``file``, ``section``): that is removed too once it holds nothing."""
    made = made or {}
    if not path.is_file():
        return False
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    kept, changed = [], False
    for line in lines:
        key, equals, value = line.rstrip("\r\n").partition("=")
        if equals and key.strip() == mime_type and DESKTOP_ID in value.split(";"):
            others = [entry for entry in value.split(";") if entry and entry != DESKTOP_ID]
            changed = True
            if not others:
                continue
            line = f"{key}={';'.join(others)};\n"
        kept.append(line)
    if changed and made.get("section"):
        kept = _without_empty_section(kept, DEFAULTS_SECTION)
    if changed and made.get("file") and not "".join(kept).strip():
        path.unlink()
    elif changed:
        atomic_write(path, "".join(kept).encode("utf-8"), keep_backup=False)
    return changed


def _without_empty_section(lines: list[str], header: str) -> list[str]:
    """``lines`` without the section ``header`` if it holds no entry (blank lines only)."""
    starts = [index for index, line in enumerate(lines) if line.strip() == header]
    if len(starts) != 1:
        return lines
    start = starts[0]
    end = next(
        (index for index in range(start + 1, len(lines)) if lines[index].lstrip().startswith("[")),
        len(lines),
    )
    if any(line.strip() for line in lines[start + 1 : end]):
        return lines
    return lines[:start] + lines[end:]
