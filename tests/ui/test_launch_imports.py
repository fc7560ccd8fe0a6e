"""The window loads what it draws with; the analysis (numpy's scipy above all) loads in the
analysis process. scipy alone added a second to every launch on the 2-core test machine."""

import os
import subprocess
import sys


def test_the_window_imports_no_scipy():
    code = (
        "import sys\n"
        "import commapper.ui.shell.application\n"
        "print(sorted(name for name in ('scipy', 'networkx', 'igraph') if name in sys.modules))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_the_window_loads_pyqtgraph_only_for_charts_in_view():
    """pyqtgraph and the charts take 30 MiB and half a second or more to load: they come when
    the panel is scrolled down to them, not with the window or its analysis."""
    code = (
        "import sys\n"
        "from commapper.ui.app import create_application\n"
        "app = create_application()\n"
        "from commapper.ui.session import MapSession\n"
        "from commapper.ui.shell.application import CommapperApp\n"
        "from commapper.io import load_map\n"
        "from commapper.resources import DEFAULT_EXAMPLE\n"
        "window = CommapperApp().new_window(MapSession(load_map(DEFAULT_EXAMPLE)))\n"
        "window.show()\n"
        "app.processEvents()\n"
        "print('pyqtgraph' in sys.modules)\n"
        "from commapper.analysis.analyse import analyse\n"
        "window.analysis.show_result(analyse(window.session.doc))\n"
        "app.processEvents()\n"
        "print('pyqtgraph' in sys.modules, bool(window.analysis.charts))\n"
        "panel = window.analysis\n"
        "window.analysis_dock.raise_()\n"
        "panel.scroll_area.ensureWidgetVisible(panel.charts_box)\n"
        "for _ in range(20):\n"
        "    app.processEvents()\n"
        "print('pyqtgraph' in sys.modules, bool(panel.charts))\n"
        "window.session.undo_stack.setClean()\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["False", "False", "False", "True", "True"]
