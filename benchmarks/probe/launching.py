"""Launching Commapper as a user does, in an X server of its own, with the probe beside this file
watching it; and reading what the probe wrote. Shared by bench_launch.py and bench_session.py.

Every time here is a ``time.monotonic()`` reading, the clock the probe writes with (on Linux one
clock for every process).
"""

from __future__ import annotations

import compileall
import contextlib
import functools
import json
import os
import shutil
import signal
import statistics
import subprocess
import sys
import sysconfig
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

PROBE_DIR = Path(__file__).resolve().parent
SCREEN = "1920x1080x24"


def map_file(n_nodes: int, folder: Path) -> Path:
    """The generated map of ``n_nodes`` nodes in ``folder``, written there first if need be."""
    from generate import generate_map

    from commapper.io import save_map

    path = folder / f"map-{n_nodes}.commap"
    if not path.exists():
        partial = path.with_suffix(".partial")
        save_map(generate_map(n_nodes), partial)
        partial.replace(path)
    return path


@contextlib.contextmanager
def maps_on_a_display(
    sizes: list[int], folder: Path | None, display: str | None, what: str, keep: bool = False
) -> Iterator[tuple[dict[int, Path], str, Path]]:
    """What each benchmark starts from: the generated maps of ``sizes`` (kept in ``folder``
    when given), an X display (``display``, else an Xvfb of its own), announced as the one
    ``what`` runs on, and a working folder removed at the end unless ``keep``."""
    work = Path(tempfile.mkdtemp(prefix="bench-"))
    maps_folder = folder or work
    maps_folder.mkdir(parents=True, exist_ok=True)
    try:
        maps = {n_nodes: map_file(n_nodes, maps_folder) for n_nodes in sizes}
        with x_server(display) as name:
            where = "an Xvfb of its own" if display is None else "the X server"
            print(f"{what}, on {where} ({name}); {load_note()}")
            yield maps, name, work
            print(f"\n{load_note()}")
    finally:
        if not keep:
            shutil.rmtree(work, ignore_errors=True)


@contextlib.contextmanager
def x_server(display: str | None) -> Iterator[str]:
    """The X display to run on: ``display`` if given, else an Xvfb started here on a free
    display number (Xvfb picks it) and ended on leaving."""
    if display:
        yield display
        return
    read_end, write_end = os.pipe()
    xvfb = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_end), "-screen", "0", SCREEN, "-nolisten", "tcp"],
        pass_fds=(write_end,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        start_new_session=True,
    )  # fmt: skip
    os.close(write_end)
    number = b""
    with os.fdopen(read_end, "rb") as answer:
        while not number.endswith(b"\n"):
            chunk = answer.read(1)
            if not chunk:
                xvfb.kill()
                raise SystemExit("Xvfb did not start")
            number += chunk
    try:
        yield ":" + number.decode().strip()
    finally:
        xvfb.terminate()
        try:
            xvfb.wait(5)
        except subprocess.TimeoutExpired:
            xvfb.kill()
            xvfb.wait()


@functools.cache
def compile_bytecode() -> None:
    """Bytecode beside every module the app can import (its own, the environment's packages
    and the probe), as an installed app has it: pip and PyInstaller compile at install. Done
    once, before the first launch: a launch that compiled its modules would count 0.6 s more."""
    import commapper

    paths = sysconfig.get_paths()
    folders = {Path(commapper.__file__).parent, Path(paths["purelib"]), Path(paths["platlib"])}
    for folder in sorted({*folders, PROBE_DIR}):
        # py_compile writes whatever PYTHONDONTWRITEBYTECODE says; unchanged files are skipped,
        # and a file that does not compile (a template, an old test) is left as uv leaves it.
        compileall.compile_dir(folder, quiet=2, workers=0)


class LaunchedApp:
    """``commapper FILE`` started in a fresh process (and process group) on ``display``, with
    settings and recovery folders of its own (a first run: no saved window layout, no
    autosaves to offer), and the probe writing to a file in ``folder``.

    It runs as an installed app does, from bytecode (:func:`compile_bytecode`): without
    ``PYTHONDONTWRITEBYTECODE`` or ``PYTHONPYCACHEPREFIX``, whatever the shell sets."""

    def __init__(self, map_path: Path, display: str, folder: Path) -> None:
        compile_bytecode()
        self.folder = Path(tempfile.mkdtemp(prefix="launch-", dir=folder))
        self.probe_path = self.folder / "probe.jsonl"
        self.output_path = self.folder / "output.txt"
        env = dict(os.environ)
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env.pop("PYTHONPYCACHEPREFIX", None)
        env.update(
            DISPLAY=display,
            QT_QPA_PLATFORM="xcb",  # a real X server, also when the shell says offscreen
            XDG_CONFIG_HOME=str(self.folder / "config"),
            XDG_DATA_HOME=str(self.folder / "data"),
            COMMAPPER_PROBE_OUT=str(self.probe_path),
            PYTHONPATH=os.pathsep.join(filter(None, [str(PROBE_DIR), env.get("PYTHONPATH")])),
        )
        self.events: list[dict] = []
        self._read_to = 0
        with open(self.output_path, "wb") as output:
            self.spawned = time.monotonic()
            self.process = subprocess.Popen(
                [sys.executable, "-m", "commapper", str(map_path)],
                env=env, stdout=output, stderr=subprocess.STDOUT, start_new_session=True,
            )  # fmt: skip
        self.pid = self.process.pid

    # -- what the probe wrote ------------------------------------------------------------------

    def poll(self) -> list[dict]:
        """The probe's events so far (whole lines only)."""
        if self.probe_path.exists():
            with open(self.probe_path, "rb") as log:
                log.seek(self._read_to)
                data = log.read()
            end = data.rfind(b"\n") + 1
            self._read_to += end
            for line in data[:end].splitlines():
                self.events.append(json.loads(line))
        return self.events

    def first(self, event: str, since: float = 0.0, **fields: object) -> dict | None:
        """The first event named ``event`` at or after ``since`` with these fields, if any."""
        for found in self.poll():
            if (
                found["ev"] == event
                and found["t"] >= since
                and all(found.get(key) == value for key, value in fields.items())
            ):
                return found
        return None

    def wait_for(
        self, event: str, timeout: float, since: float = 0.0, **fields: object
    ) -> dict | None:
        """``first(...)``, waiting up to ``timeout`` s for it; None if it did not come."""
        return self.wait_until(lambda: self.first(event, since, **fields), timeout)

    def wait_until(self, found: Callable[[], dict | None], timeout: float) -> dict | None:
        end = time.monotonic() + timeout
        while True:
            if (answer := found()) is not None:
                return answer
            if self.process.poll() is not None:
                raise SystemExit(f"the app ended (status {self.process.returncode}):\n"
                                 + self.output_tail())  # fmt: skip
            if time.monotonic() > end:
                return None
            time.sleep(0.02)

    def state(self, *wanted: str, timeout: float = 30.0) -> dict:
        """Ask the probe what the window shows now (see the probe's ``state``); ``wanted``:
        "near" and "empty" for the extras."""
        ident = f"{time.monotonic():.6f}"
        request = Path(str(self.probe_path) + ".req")
        request.write_text(" ".join((ident, *wanted)), encoding="utf-8")
        answer = self.wait_for("state", timeout, id=ident)
        if answer is None:
            raise SystemExit(f"the probe did not answer within {timeout:.0f} s")
        return answer

    def gaps(self) -> list[tuple[float, float]]:
        """Every stretch the GUI thread answered no event, as (from, to), less the time the
        probe spent answering a request within it (``to`` is moved back by that much)."""
        events = self.poll()
        answers = [(event["t"], event["took"]) for event in events if event["ev"] == "state"]
        gaps = []
        for event in events:
            if event["ev"] == "gap":
                since, to = event["t0"], event["t"]
                probe = sum(took for t, took in answers if since <= t <= to)
                gaps.append((since, max(since, to - probe)))
        return gaps

    def output_tail(self, lines: int = 20) -> str:
        text = self.output_path.read_text(encoding="utf-8", errors="replace")
        return "\n".join(text.splitlines()[-lines:])

    # -- the process ----------------------------------------------------------------------------

    def memory(self) -> dict[str, float]:
        """Resident memory in MiB: the GUI process now (``rss``) and at its peak (``hwm``), and
        its child processes now (``children``: the analysis process)."""
        status = read_status(self.pid)
        children = sum(read_status(pid).get("VmRSS", 0.0) for pid in descendants(self.pid))
        return {"rss": status["VmRSS"], "hwm": status["VmHWM"], "children": children}

    def stop(self, keep: bool = False) -> None:
        """End the app and everything it started (its process group); forget its files."""
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.pid, signal.SIGKILL)
        self.process.wait()
        if not keep:
            shutil.rmtree(self.folder, ignore_errors=True)


def read_status(pid: int) -> dict[str, float]:
    """The memory lines of /proc/PID/status, in MiB."""
    figures = {}
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as status:
            for line in status:
                name, _, value = line.partition(":")
                if name.startswith("Vm") and value.strip().endswith("kB"):
                    figures[name] = int(value.split()[0]) / 1024
    except OSError:
        pass
    return figures


def descendants(pid: int) -> list[int]:
    """The processes ``pid`` started, and theirs."""
    parents: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        parents.setdefault(int(fields[1]), []).append(int(entry))
    found, todo = [], [pid]
    while todo:
        children = parents.get(todo.pop(), [])
        found.extend(children)
        todo.extend(children)
    return found


def longest_gap(gaps: list[tuple[float, float]], start: float, end: float) -> float:
    """The longest gap (s) that began within [start, end); 0 if none (none of at least the
    probe's GAP_MIN)."""
    return max((to - since for since, to in gaps if start <= since < end), default=0.0)


def screenshot(display: str, path: Path) -> None:
    """The whole screen of ``display``, as a PNG (ImageMagick's import)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run(["import", "-display", display, "-window", "root", str(path)], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def memory_bar(n_nodes: int) -> float:
    """Issue 13's bar for the GUI's memory, in MiB: 150 MiB plus 15 MiB per 1,000 nodes."""
    return 150 + 15 * n_nodes / 1000


def load_note() -> str:
    """The machine's load and cores, for the reader of a table (figures are wall time)."""
    one, five, _ = os.getloadavg()
    return f"load average {one:.2f} (1 min), {five:.2f} (5 min) on {os.cpu_count()} cores"
