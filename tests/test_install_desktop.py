"""`commapper install-desktop`: run as a user would, in a subprocess whose XDG folders are a
temporary folder; the files land where the freedesktop.org specifications say, the desktop's
own tools (where installed) take them in, and `--uninstall` takes them all away again."""

from __future__ import annotations

import configparser
import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from commapper import APP_ID, __version__
from commapper.cli.install import desktop_files, exec_line, map_mime_type
from commapper.resources import DEFAULT_EXAMPLE, ICON_SIZES

DESKTOP_ID = f"{APP_ID}.desktop"
MIME_TYPE = "application/x-commapper+json"


def install_desktop(tmp_path: Path, *args: str, code: str | None = None):
    environment = {
        **os.environ,
        "HOME": str(tmp_path / "home"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_STATE_HOME": str(tmp_path / "state"),
    }
    command = [sys.executable, "-m", "commapper.cli", "install-desktop", *args]
    if code is not None:
        command = [sys.executable, "-c", code, "install-desktop", *args]
    return subprocess.run(
        command, env=environment, capture_output=True, text=True, timeout=120, check=False
    )


def gio(tmp_path: Path, *args: str) -> str:
    """What GLib's ``gio`` says with the XDG folders of the test."""
    environment = {
        **os.environ,
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "LC_ALL": "C",  # its own words in English, whatever the machine's language
    }
    result = subprocess.run(
        ["gio", *args], env=environment, capture_output=True, text=True, timeout=60
    )
    return result.stdout


def desktop_entry(path: Path) -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, delimiters=("=",))
    parser.optionxform = str
    parser.read(path, encoding="utf-8")
    return parser["Desktop Entry"]


def unquoted_exec(value: str) -> list[str]:
    """An Exec value as its arguments: the string escapes undone, then the quoting (which, for
    the paths used here, is the shell's double quoting)."""
    return shlex.split(value.replace("\\\\", "\\"))


def test_install_then_uninstall_for_this_user(tmp_path):
    data = tmp_path / "data"
    result = install_desktop(tmp_path)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr

    # The files, where the specifications put them; the icon at every size, twice.
    placed = desktop_files(data, MIME_TYPE)
    assert len(placed) == 3 + 2 * (len(ICON_SIZES) + 1)
    for item in placed:
        assert item.target.is_file(), item.target
        assert data in item.target.parents
    assert (data / "applications" / DESKTOP_ID).is_file()
    assert (data / "mime" / "packages" / f"{APP_ID}.xml").is_file()
    assert (data / "metainfo" / f"{APP_ID}.metainfo.xml").is_file()
    assert (data / "icons/hicolor/48x48/apps" / f"{APP_ID}.png").is_file()
    assert (data / "icons/hicolor/scalable/mimetypes/application-x-commapper+json.svg").is_file()

    # The entry runs this installation of Commapper by its absolute path.
    entry = desktop_entry(data / "applications" / DESKTOP_ID)
    command = unquoted_exec(entry["Exec"])
    assert command[-1] == "%f" and Path(command[0]).is_absolute()
    assert unquoted_exec(entry["TryExec"]) == command[:1]
    version = subprocess.run(
        [*command[:-1], "--version"], capture_output=True, text=True, timeout=60
    )
    assert version.stdout.strip() == f"Commapper {__version__}"

    # The desktop's tools took the files in, or the command said that it skipped them.
    if shutil.which("update-mime-database"):
        globs = (data / "mime" / "globs2").read_text(encoding="utf-8")
        assert f"{MIME_TYPE}:*.commap" in globs
        assert (data / "mime" / "application" / "x-commapper+json.xml").is_file()
    else:
        assert "skipped update-mime-database" in result.stdout
    if shutil.which("update-desktop-database"):
        cache = (data / "applications" / "mimeinfo.cache").read_text(encoding="utf-8")
        assert f"{MIME_TYPE}={DESKTOP_ID};" in cache
    else:
        assert "skipped update-desktop-database" in result.stdout
    if shutil.which("xdg-mime"):
        mimeapps = (tmp_path / "config" / "mimeapps.list").read_text(encoding="utf-8")
        assert f"{MIME_TYPE}={DESKTOP_ID}" in mimeapps
    else:
        assert "skipped xdg-mime" in result.stdout
    if shutil.which("gio") and shutil.which("update-mime-database"):
        # What a GNOME file manager asks before a double-click: the file's type, its default app.
        example = tmp_path / "renamed-without-suffix"
        shutil.copyfile(DEFAULT_EXAMPLE, example)
        for path in (DEFAULT_EXAMPLE, example):  # by the glob, and by the magic
            info = gio(tmp_path, "info", "-a", "standard::content-type", str(path))
            assert f"standard::content-type: {MIME_TYPE}" in info
        if shutil.which("xdg-mime"):
            defaults = gio(tmp_path, "mime", MIME_TYPE).splitlines()
            assert defaults[0].startswith("Default application for"), defaults
            assert defaults[0].endswith(f": {DESKTOP_ID}"), defaults
    if shutil.which("desktop-file-validate"):
        check = subprocess.run(
            ["desktop-file-validate", str(data / "applications" / DESKTOP_ID)],
            capture_output=True,
            text=True,
        )
        assert check.returncode == 0 and not check.stdout.strip(), check.stdout

    # Undone: every file it wrote is gone, and the desktop no longer knows the type.
    result = install_desktop(tmp_path, "--uninstall")
    assert result.returncode == 0, result.stderr
    assert f"Removed {len(placed)} files" in result.stdout
    for item in placed:
        assert not item.target.exists(), item.target
    if shutil.which("update-mime-database"):
        assert "commap" not in (data / "mime" / "globs2").read_text(encoding="utf-8")
    if shutil.which("update-desktop-database"):
        cache = (data / "applications" / "mimeinfo.cache").read_text(encoding="utf-8")
        assert MIME_TYPE not in cache
    mimeapps = tmp_path / "config" / "mimeapps.list"
    assert not mimeapps.exists() or MIME_TYPE not in mimeapps.read_text(encoding="utf-8")

    again = install_desktop(tmp_path, "--uninstall")
    assert again.returncode == 0 and "nothing to remove" in again.stdout


def test_uninstall_keeps_the_other_defaults_in_mimeapps_list(tmp_path):
    mimeapps = tmp_path / "config" / "mimeapps.list"
    mimeapps.parent.mkdir(parents=True)
    mimeapps.write_text(
        "[Default Applications]\n"
        "text/plain=org.gnome.TextEditor.desktop\n"
        f"{MIME_TYPE}={DESKTOP_ID};other.desktop;\n"
        "[Added Associations]\n"
        f"{MIME_TYPE}={DESKTOP_ID};\n",
        encoding="utf-8",
    )
    result = install_desktop(tmp_path, "--uninstall")
    assert result.returncode == 0, result.stderr
    assert mimeapps.read_text(encoding="utf-8") == (
        "[Default Applications]\n"
        "text/plain=org.gnome.TextEditor.desktop\n"
        f"{MIME_TYPE}=other.desktop;\n"
        "[Added Associations]\n"
    )


needs_xdg_mime = pytest.mark.skipif(
    shutil.which("xdg-mime") is None, reason="xdg-mime sets the default; not installed"
)


@needs_xdg_mime
@pytest.mark.parametrize(
    "before",
    [
        None,  # no mimeapps.list: install makes it, uninstall removes it
        "[Added Associations]\ntext/plain=org.gnome.TextEditor.desktop;\n",
        "[Default Applications]\ntext/plain=org.gnome.TextEditor.desktop\n",
        "[Default Applications]\n",  # an empty section of the user's own stays
    ],
)
def test_uninstall_gives_mimeapps_list_back_as_it_was(tmp_path, before):
    mimeapps = tmp_path / "config" / "mimeapps.list"
    if before is not None:
        mimeapps.parent.mkdir(parents=True)
        mimeapps.write_text(before, encoding="utf-8")
    assert install_desktop(tmp_path).returncode == 0
    assert f"{MIME_TYPE}={DESKTOP_ID}" in mimeapps.read_text(encoding="utf-8")
    # Installed twice: the second install sees the file the first made, and remembers the first.
    assert install_desktop(tmp_path).returncode == 0
    result = install_desktop(tmp_path, "--uninstall")
    assert result.returncode == 0, result.stderr
    if before is None:
        assert not mimeapps.exists()
    else:
        assert mimeapps.read_text(encoding="utf-8").strip() == before.strip()
    assert not (tmp_path / "state" / "commapper").exists()


@needs_xdg_mime
def test_a_default_another_app_added_since_install_keeps_the_section(tmp_path):
    mimeapps = tmp_path / "config" / "mimeapps.list"
    assert install_desktop(tmp_path).returncode == 0
    with mimeapps.open("a", encoding="utf-8") as added:
        added.write("text/plain=org.gnome.TextEditor.desktop\n")
    assert install_desktop(tmp_path, "--uninstall").returncode == 0
    text = mimeapps.read_text(encoding="utf-8")
    assert "[Default Applications]" in text and "text/plain=org.gnome.TextEditor" in text
    assert MIME_TYPE not in text


@pytest.mark.parametrize("platform, system", [("win32", "Windows"), ("darwin", "macOS")])
def test_on_windows_and_macos_it_points_at_the_installer(tmp_path, platform, system):
    code = (
        "import sys\n"
        "import commapper.cli.install, commapper.model.text\n"
        "from commapper.cli import main\n"
        # Once the standard library is loaded: sysconfig reads files named by the platform.
        f"sys.platform = {platform!r}\n"
        "sys.exit(main(sys.argv[1:]))\n"
    )
    result = install_desktop(tmp_path, code=code)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert f"on {system}, the installer" in result.stderr and result.stdout == ""
    assert not (tmp_path / "data").exists()


def test_exec_line_quotes_paths_as_the_desktop_entry_specification_says():
    assert exec_line(["/usr/bin/commapper"]) == "/usr/bin/commapper %f"
    assert exec_line(["/opt/My Apps/commapper"]) == '"/opt/My Apps/commapper" %f'
    assert exec_line(["/opt/100%/commapper"]) == "/opt/100%%/commapper %f"
    # A quoted "$" is escaped by a backslash, and a backslash is doubled in the file.
    assert exec_line(["/a$b/python", "-m", "commapper"]) == '"/a\\\\$b/python" -m commapper %f'
    with pytest.raises(ValueError, match="control codes"):
        exec_line(["/tmp/new\nline"])


def test_the_mime_type_comes_from_the_shipped_file():
    assert map_mime_type() == MIME_TYPE
