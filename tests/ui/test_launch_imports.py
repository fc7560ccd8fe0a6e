"""The window loads what it draws with; the analysis (numpy's scipy above all) loads in the
analysis process. scipy alone added a second to every launch on the 2-core test machine."""

import subprocess
import sys


def test_the_window_imports_no_scipy():
    code = (
        "import sys\n"
        "import commapper.ui.shell.application\n"
        "print(sorted(name for name in ('scipy', 'networkx') if name in sys.modules))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
