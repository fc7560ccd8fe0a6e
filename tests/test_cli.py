"""The `commapper` command: in-process through `cli.main(argv)`, and in subprocesses only where
the process itself is what is tested (the entry point, import time, the GUI, a closed pipe)."""

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

from commapper import __version__, cli
from commapper.resources import DEFAULT_EXAMPLE, EXAMPLES_DIR, example_maps


def run(capsys, *args: str) -> tuple[int, str, str]:
    try:
        status = cli.main(list(args))
    except SystemExit as exit_:  # argparse: --help, --version, bad usage
        status = int(exit_.code or 0)
    out, err = capsys.readouterr()
    return status, out, err


def test_version_answers_without_importing_qt_or_the_model():
    code = (
        "import sys\n"
        "from commapper.cli import main\n"
        "try:\n    main(['--version'])\nexcept SystemExit:\n    pass\n"
        "heavy = {'PySide6', 'pydantic', 'networkx', 'pyqtgraph'} & set(sys.modules)\n"
        "print(sorted(heavy))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.splitlines() == [f"Commapper {__version__}", "[]"]


def test_analyse_imports_no_qt_networkx_or_csgraph():
    """`commapper analyse` loads only what the analysis needs. networkx and scipy's csgraph (which
    brings scipy.linalg) each took longer to import than igraph alone takes to read a
    1,000-node map and compute its betweenness; Qt would cost seconds."""
    code = (
        "import atexit, runpy, sys\n"
        "heavy = {'PySide6', 'shiboken6', 'pyqtgraph', 'networkx', 'scipy.sparse.csgraph',\n"
        "         'scipy.linalg'}\n"
        "atexit.register(lambda: print(sorted(heavy & set(sys.modules)), file=sys.stderr))\n"
        "sys.argv = ['commapper', 'analyse', '--json', sys.argv[1]]\n"
        "runpy.run_module('commapper', run_name='__main__')\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, str(DEFAULT_EXAMPLE)], capture_output=True, text=True
    )
    assert result.returncode == 0 and '"brokerage"' in result.stdout
    assert result.stderr.splitlines()[-1] == "[]"


def test_installed_entry_point_prints_the_version():
    """The one smoke test of the installed command, in its own process."""
    executable = shutil.which("commapper") or str(Path(sys.executable).with_name("commapper"))
    result = subprocess.run([executable, "--version"], capture_output=True, text=True)
    assert result.returncode == 0 and result.stdout.strip() == f"Commapper {__version__}"


def test_validate_accepts_the_examples(capsys):
    status, out, _ = run(capsys, "validate", *map(str, example_maps()))
    assert status == 0 and out.count(": valid (") == len(example_maps())


def test_help_lists_the_commands(capsys):
    status, out, _ = run(capsys, "--help")
    assert status == 0 and "validate" in out


def test_unknown_option_is_bad_usage(capsys):
    status, _, err = run(capsys, "--frobnicate")
    assert status == 2 and "Traceback" not in err and "unrecognized arguments" in err


def test_the_app_starts_on_a_map_and_keeps_running(tmp_path):
    """`commapper FILE` opens the window and enters the event loop without an error: the app
    logs when its event loop runs, and is still running after that."""
    environment = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
    }
    process = subprocess.Popen(
        [sys.executable, "-m", "commapper", str(DEFAULT_EXAMPLE)],
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        log = next(iter((tmp_path / "data").glob("**/commapper.log")), None)
        deadline = time.monotonic() + 60
        while process.poll() is None and time.monotonic() < deadline:
            log = log or next(iter((tmp_path / "data").glob("**/commapper.log")), None)
            if log is not None and "Ready" in log.read_text(encoding="utf-8"):
                break
            time.sleep(0.05)  # polling a file another process writes: there is no signal
        assert process.poll() is None, f"the app exited early: {process.stderr.read()}"
        assert log is not None and "Ready" in log.read_text(encoding="utf-8")
    finally:
        process.kill()
        process.wait()
    assert "Traceback" not in process.stderr.read()


def test_analyse_piped_into_a_reader_that_stops_early_prints_no_traceback(tmp_path):
    from benchmarks.generate import generate_map
    from commapper.io import save_map

    path = tmp_path / "big.commap"  # its JSON is larger than a pipe holds
    save_map(generate_map(600), path)
    command = f"{sys.executable} -m commapper.cli analyse {path} --json | head -n 2"
    result = subprocess.run(command, shell=True, capture_output=True, text=True, timeout=60)
    assert len(result.stdout.splitlines()) == 2
    assert "Traceback" not in result.stderr and "BrokenPipe" not in result.stderr


def test_analyse_group_by_names_what_can_be_grouped_by(capsys):
    team = str(EXAMPLES_DIR / "library-digital-team.commap")
    status, _, err = run(capsys, "analyse", team, "--group-by", "nonsense")
    assert status == 2 and "Traceback" not in err
    assert 'no person has a value for "nonsense"; group by one of org, role' in err
    assert run(capsys, "analyse", team, "--group-by", "role")[0] == 0


def test_without_a_display_the_app_says_so_in_one_line_and_exits_1(tmp_path):
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    result = subprocess.run(
        [sys.executable, "-m", "commapper", str(DEFAULT_EXAMPLE)],
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        "commapper: there is no display to open a window on (neither DISPLAY nor "
        "WAYLAND_DISPLAY is set); validate and analyse work without one."
    ]
