"""The `commapper` command as a user runs it: a real subprocess, with the installed entry point."""

import shutil
import subprocess
import sys

from commapper import __version__


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "commapper.cli", *args], capture_output=True, text=True, timeout=60
    )


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


def test_installed_entry_point_prints_the_version():
    executable = shutil.which("commapper") or str(
        __import__("pathlib").Path(sys.executable).with_name("commapper")
    )
    result = subprocess.run([executable, "--version"], capture_output=True, text=True)
    assert result.returncode == 0 and result.stdout.strip() == f"Commapper {__version__}"


def test_validate_accepts_the_examples():
    from commapper.resources import example_maps

    result = run("validate", *map(str, example_maps()))
    assert result.returncode == 0
    assert result.stdout.count(": valid (") == len(example_maps())


def test_help_lists_the_commands():
    result = run("--help")
    assert result.returncode == 0 and "validate" in result.stdout


def test_unknown_option_is_bad_usage():
    result = run("--frobnicate")
    assert result.returncode == 2 and "Traceback" not in result.stderr


def test_the_app_starts_on_a_map_and_keeps_running(tmp_path):
    """`commapper FILE` opens the window and enters the event loop without an error."""
    import os

    from commapper.resources import DEFAULT_EXAMPLE

    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    process = subprocess.Popen(
        [sys.executable, "-m", "commapper.cli", str(DEFAULT_EXAMPLE)],
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        process.wait(timeout=8)
    except subprocess.TimeoutExpired:
        pass  # still running after 8 s: it started and is waiting for the user
    else:
        raise AssertionError(
            f"the app exited early ({process.returncode}): {process.stderr.read()}"
        )
    finally:
        process.kill()
        process.wait()
    assert "Traceback" not in process.stderr.read()


def test_analyse_piped_into_a_reader_that_stops_early_prints_no_traceback(tmp_path):
    from generate import generate_map

    from commapper.io import save_map

    path = tmp_path / "big.commap"  # its JSON is larger than a pipe holds
    save_map(generate_map(600), path)
    command = f"{sys.executable} -m commapper.cli analyse {path} --json | head -n 2"
    result = subprocess.run(command, shell=True, capture_output=True, text=True, timeout=60)
    assert len(result.stdout.splitlines()) == 2
    assert "Traceback" not in result.stderr and "BrokenPipe" not in result.stderr


def test_analyse_group_by_names_what_can_be_grouped_by():
    from commapper.resources import EXAMPLES_DIR

    team = str(EXAMPLES_DIR / "library-digital-team.commap")
    result = run("analyse", team, "--group-by", "nonsense")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert 'no person has a value for "nonsense"; group by one of org, role' in result.stderr
    assert run("analyse", team, "--group-by", "role").returncode == 0
