"""Render the app's icon (the SVG in the hicolor theme's layout) to PNGs at every size a desktop
asks for: ``python3 -m uv run python packaging/render_icons.py``. The PNGs are committed; run this
again after changing the SVG, and look at them.

Drawn with Qt's own SVG renderer offscreen, so nothing outside the project's dependencies is
needed; the SVG keeps to SVG Tiny, which Qt and librsvg (the desktops' renderer) draw alike.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from commapper import APP_ID  # noqa: E402
from commapper.resources import ICON_SIZES, ICONS_DIR  # noqa: E402

SOURCE = ICONS_DIR / "scalable" / "apps" / f"{APP_ID}.svg"


def png_path(size: int) -> Path:
    """Where the icon at ``size`` pixels goes in the hicolor layout."""
    return ICONS_DIR / f"{size}x{size}" / "apps" / f"{APP_ID}.png"


def render(source: Path, sizes: tuple[int, ...]) -> list[Path]:
    """Draw ``source`` at each of ``sizes`` and save the PNGs; returns their paths."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication([])
    renderer = QSvgRenderer(str(source))
    if not renderer.isValid():
        raise SystemExit(f"{source}: Qt cannot read this SVG")
    written = []
    for size in sizes:
        image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        renderer.render(painter)
        painter.end()
        path = png_path(size)
        path.parent.mkdir(parents=True, exist_ok=True)
        # Straight (not premultiplied) alpha in the file, as every PNG reader expects.
        if not image.convertToFormat(QImage.Format.Format_ARGB32).save(str(path), "PNG"):
            raise SystemExit(f"{path}: could not be written")
        written.append(path)
    return written


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--sizes", type=int, nargs="+", default=list(ICON_SIZES), help="pixel sizes to render"
    )
    options = parser.parse_args()
    for path in render(SOURCE, tuple(options.sizes)):
        print(path.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main())
