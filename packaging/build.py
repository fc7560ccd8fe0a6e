"""Build Commapper's app folder with PyInstaller, and check that the frozen app works.

    python3 -m uv run --group package python packaging/build.py            # build dist/commapper
    python3 -m uv run --group package python packaging/build.py --check    # build, then check
    python3 -m uv run --group package python packaging/build.py --check --no-build

The check runs the frozen app as a user would: ``--version``; ``validate`` on the maps it carries
and on a broken one; ``analyse --json`` (the same JSON as the source gives); the window on a map
offscreen, until its event loop runs and its analysis process has started (on Linux, where it
can see the process); and ``install-desktop`` and ``--uninstall`` in a temporary XDG folder. It
prints the build time and the folder's size. docs/packaging.md says more.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from commapper import APP_ID, APP_NAME, __version__  # noqa: E402

SPEC = ROOT / "packaging" / "commapper.spec"
EXECUTABLE = "commapper.exe" if sys.platform == "win32" else "commapper"
# How long the window may take to come up, and its analysis process to start: seconds, on a
# busy two-core machine (it takes two to three).
START_TIMEOUT = 90


class CheckFailed(Exception):
    """The frozen app did not do what it should; the message says what it did instead."""


def build(dist: Path, work: Path) -> float:
    """Run PyInstaller on the spec; returns the seconds it took."""
    started = time.monotonic()
    command = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean"]
    command += ["--distpath", str(dist), "--workpath", str(work), "--log-level", "WARN", str(SPEC)]
    print("$", " ".join(command), flush=True)
    subprocess.run(command, check=True, cwd=ROOT)
    return time.monotonic() - started


def folder_size(folder: Path) -> tuple[int, int]:
    """Bytes and files in ``folder``, links not followed."""
    files = [path for path in folder.rglob("*") if path.is_file() and not path.is_symlink()]
    return sum(path.stat().st_size for path in files), len(files)


def run_frozen(
    app: Path, *args: str, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(app), *args], capture_output=True, text=True, timeout=120, env=env, check=False
    )


def no_traceback(result: subprocess.CompletedProcess[str], what: str) -> None:
    if "Traceback" in result.stderr or "Traceback" in result.stdout:
        raise CheckFailed(f"{what} printed a traceback:\n{result.stderr}{result.stdout}")


def check_version(app: Path, folder: Path) -> str:
    result = run_frozen(app, "--version")
    no_traceback(result, "--version")
    if result.returncode != 0 or result.stdout.strip() != f"{APP_NAME} {__version__}":
        raise CheckFailed(f"--version answered {result.stdout!r} (exit {result.returncode})")
    return result.stdout.strip()


def bundled_resources(folder: Path) -> Path:
    """The resources inside the app folder, where commapper.resources finds them frozen."""
    found = list(folder.glob("**/commapper/resources"))
    if len(found) != 1:
        raise CheckFailed(f"{folder}: expected one commapper/resources folder, found {found}")
    return found[0]


def check_resources(app: Path, folder: Path) -> str:
    resources = bundled_resources(folder)
    expected = [
        "schema/commap-1.schema.json",
        f"desktop/{APP_ID}.desktop",
        f"desktop/{APP_ID}.mime.xml",
        f"desktop/{APP_ID}.metainfo.xml",
        f"icons/hicolor/scalable/apps/{APP_ID}.svg",
        f"icons/hicolor/16x16/apps/{APP_ID}.png",
        f"icons/hicolor/512x512/apps/{APP_ID}.png",
    ]
    missing = [name for name in expected if not (resources / name).is_file()]
    examples = sorted((resources / "examples").glob("*.commap"))
    translations = sorted((resources / "translations").glob("*.qm"))
    if missing or not examples or not translations:
        raise CheckFailed(
            f"{resources}: missing {missing or ''} {'' if examples else 'example maps'} "
            f"{'' if translations else 'compiled translations (.qm)'}"
        )
    return f"{len(examples)} example maps, {len(translations)} translations, icons, schema"


def check_validate(app: Path, folder: Path) -> str:
    examples = sorted((bundled_resources(folder) / "examples").glob("*.commap"))
    result = run_frozen(app, "validate", *map(str, examples))
    no_traceback(result, "validate")
    if result.returncode != 0 or result.stdout.count(": valid (") != len(examples):
        raise CheckFailed(f"validate on the examples: exit {result.returncode}\n{result.stdout}")
    with tempfile.TemporaryDirectory() as scratch:
        broken = Path(scratch) / "broken.commap"
        broken.write_text('{"format": "commapper-map", "schema_version": 1, "nodes": 3}')
        refused = run_frozen(app, "validate", str(broken))
    no_traceback(refused, "validate on a broken map")
    if refused.returncode != 1 or "broken.commap:" not in refused.stdout:
        raise CheckFailed(f"a broken map: exit {refused.returncode}\n{refused.stdout}")
    return f"{len(examples)} examples valid; a broken map refused in one line, exit 1"


def check_analyse(app: Path, folder: Path) -> str:
    example = bundled_resources(folder) / "examples" / "nurse-educator-landscape.commap"
    frozen = run_frozen(app, "analyse", "--json", str(example))
    no_traceback(frozen, "analyse --json")
    if frozen.returncode != 0:
        raise CheckFailed(f"analyse --json: exit {frozen.returncode}\n{frozen.stderr}")
    source = subprocess.run(
        [sys.executable, "-m", "commapper.cli", "analyse", "--json", str(example)],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    if json.loads(frozen.stdout) != json.loads(source.stdout):
        raise CheckFailed("analyse --json: the frozen app's figures differ from the source's")
    return "the same JSON as the source gives"


def _children(pid: int) -> list[str]:
    """The command lines of the processes ``pid`` started (Linux's /proc)."""
    lines = []
    for task in Path(f"/proc/{pid}/task").glob("*/children"):
        for child in task.read_text().split():
            try:
                lines.append(
                    Path(f"/proc/{child}/cmdline").read_bytes().replace(b"\0", b" ").decode()
                )
            except OSError:  # it ended meanwhile
                continue
    return lines


def _analysis_started(pid: int) -> bool:
    """Whether the app ``pid`` has a process of its own running: a frozen app starts itself
    again with ``--multiprocessing-fork`` for its analysis."""
    return any("--multiprocessing-fork" in line for line in _children(pid))


def check_window(app: Path, folder: Path) -> str:
    """The window opens on a map offscreen and stays up: the app logs when its event loop runs
    (as tests/test_cli.py waits for it), and the analysis it starts on opening runs in a
    process of its own, which in a frozen app is this executable started again."""
    example = bundled_resources(folder) / "examples" / "nurse-educator-landscape.commap"
    with tempfile.TemporaryDirectory() as scratch:
        env = {
            **os.environ,
            "QT_QPA_PLATFORM": "offscreen",
            "XDG_DATA_HOME": str(Path(scratch) / "data"),
            "XDG_CONFIG_HOME": str(Path(scratch) / "config"),
        }
        errors = Path(scratch) / "stderr.txt"
        with errors.open("w") as stderr:
            process = subprocess.Popen(
                [str(app), str(example)],
                env=env,
                stdout=subprocess.DEVNULL,
                stderr=stderr,
                start_new_session=True,  # its analysis process goes with it at the end
            )
        try:
            worker = _wait_for_window(process, Path(scratch) / "data")
            time.sleep(1)  # the analysis process would have failed at once if it was to
            if process.poll() is not None:
                raise CheckFailed(f"the app exited ({process.returncode}) after its window came")
            if worker and not _analysis_started(process.pid):
                raise CheckFailed("the analysis process ended: " + errors.read_text())
        finally:
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
            process.wait(timeout=30)
        written = errors.read_text()
    problems = [line for line in written.splitlines() if "Traceback" in line or "rror" in line]
    if problems:
        raise CheckFailed("the app printed errors:\n" + written)
    started = "; its analysis process started" if worker else ""
    return f"a window on {example.name} offscreen, event loop running{started}"


def _wait_for_window(process: subprocess.Popen[bytes], data: Path) -> bool:
    """Wait for the app's log to say that its event loop runs, then (on Linux) for its analysis
    process; returns whether the analysis process was looked for."""
    deadline = time.monotonic() + START_TIMEOUT
    ready = False
    while time.monotonic() < deadline and process.poll() is None:
        logs = list(data.glob("**/commapper.log"))
        ready = ready or bool(logs and "Ready" in logs[0].read_text(encoding="utf-8"))
        if ready and not sys.platform.startswith("linux"):
            return False
        if ready and _analysis_started(process.pid):
            return True
        time.sleep(0.1)  # another process's log and children: nothing to wait on but time
    if process.poll() is not None:
        raise CheckFailed(f"the app exited ({process.returncode}) before its window was up")
    what = "the analysis process did not start" if ready else "the event loop did not run"
    raise CheckFailed(f"{what} within {START_TIMEOUT} s")


def check_install_desktop(app: Path, folder: Path) -> str:
    if not sys.platform.startswith("linux"):
        return "skipped: install-desktop is for Linux desktops"
    with tempfile.TemporaryDirectory() as scratch:
        env = {
            **os.environ,
            "XDG_DATA_HOME": str(Path(scratch) / "data"),
            "XDG_CONFIG_HOME": str(Path(scratch) / "config"),
        }
        installed = run_frozen(app, "install-desktop", env=env)
        no_traceback(installed, "install-desktop")
        entry = Path(scratch) / "data" / "applications" / f"{APP_ID}.desktop"
        if installed.returncode != 0 or not entry.is_file():
            raise CheckFailed(f"install-desktop: exit {installed.returncode}\n{installed.stderr}")
        exec_line = next(
            line for line in entry.read_text().splitlines() if line.startswith("Exec=")
        )
        if exec_line != f"Exec={app} %f":
            raise CheckFailed(f"the desktop entry does not run the frozen app: {exec_line}")
        removed = run_frozen(app, "install-desktop", "--uninstall", env=env)
        if removed.returncode != 0 or entry.exists():
            raise CheckFailed(f"install-desktop --uninstall: exit {removed.returncode}")
    return f"the desktop entry runs {app}; uninstalled again"


CHECKS: list[tuple[str, Callable[[Path, Path], str]]] = [
    ("--version", check_version),
    ("resources", check_resources),
    ("validate", check_validate),
    ("analyse --json", check_analyse),
    ("window", check_window),
    ("install-desktop", check_install_desktop),
]


def check(folder: Path) -> bool:
    """Run every check on the app folder; prints one line each; returns whether all passed."""
    app = folder / EXECUTABLE
    passed = True
    for name, run_check in CHECKS:
        started = time.monotonic()
        try:
            outcome = run_check(app, folder)
        except (CheckFailed, subprocess.SubprocessError, OSError) as error:
            print(f"FAILED {name}: {error}", flush=True)
            passed = False
            continue
        print(f"ok {name} ({time.monotonic() - started:.1f} s): {outcome}", flush=True)
    return passed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="where the app goes")
    parser.add_argument(
        "--work", type=Path, default=ROOT / "build" / "pyinstaller", help="PyInstaller's files"
    )
    parser.add_argument("--check", action="store_true", help="check the app after building it")
    parser.add_argument("--no-build", action="store_true", help="check the app built before")
    options = parser.parse_args()
    folder = options.dist.resolve() / "commapper"
    if not options.no_build:
        if folder.exists():
            shutil.rmtree(folder)
        seconds = build(options.dist.resolve(), options.work.resolve())
        size, files = folder_size(folder)
        print(f"Built {folder} in {seconds:.0f} s: {size / 2**20:.0f} MiB in {files} files")
    if options.check or options.no_build:
        if not check(folder):
            return 1
        print(f"The app in {folder} works.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
