"""The layers import downwards only: no Qt outside commapper.ui (DESIGN.md section 4)."""

import ast
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "commapper"
QT_MODULES = ("PySide6", "shiboken6", "pyqtgraph")
# Which top-level layers each layer may import from (besides itself and the package root).
ALLOWED = {
    "model": set(),
    "io": {"model"},
    "analysis": {"model"},
    "workshop": {"model", "io", "analysis"},
}


def imports_of(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def test_no_qt_import_outside_ui():
    offenders = [
        f"{path.relative_to(PACKAGE)} imports {name}"
        for path in PACKAGE.rglob("*.py")
        if "ui" not in path.relative_to(PACKAGE).parts
        for name in imports_of(path)
        if name.split(".")[0] in QT_MODULES
    ]
    assert offenders == []


def test_layers_import_downwards():
    offenders = []
    for layer, allowed in ALLOWED.items():
        for path in (PACKAGE / layer).rglob("*.py"):
            for name in imports_of(path):
                parts = name.split(".")
                imported_layer = parts[1] if parts[0] == "commapper" and len(parts) > 1 else None
                if imported_layer in PACKAGE_LAYERS - {layer} - allowed:
                    offenders.append(f"{path.relative_to(PACKAGE)} imports {name}")
    assert offenders == []


PACKAGE_LAYERS = {"model", "io", "analysis", "workshop", "ui", "cli"}


def test_lower_layers_load_without_qt():
    code = (
        "import sys, importlib, pkgutil, commapper\n"
        "for layer in ('model', 'io', 'analysis', 'workshop'):\n"
        "    try:\n        package = importlib.import_module('commapper.' + layer)\n"
        "    except ModuleNotFoundError:\n        continue\n"
        "    for info in pkgutil.walk_packages(package.__path__, package.__name__ + '.'):\n"
        "        importlib.import_module(info.name)\n"
        f"print(sorted(set({QT_MODULES!r}) & set(sys.modules)))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
