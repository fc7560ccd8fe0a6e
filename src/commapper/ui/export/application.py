"""The Qt application a picture or report is drawn in, made offscreen when the command line
runs without a display."""

from __future__ import annotations

import os
import sys

from PySide6.QtWidgets import QApplication


def drawing_application() -> QApplication:
    """The running application, or a new one for drawing: offscreen when no display is named
    (set before Qt starts, which would otherwise abort for want of one), so that pictures and
    reports are made the same on a server as on a desktop."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    no_display = not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    chosen = os.environ.get("QT_QPA_PLATFORM")  # the user's own choice wins
    if no_display and not chosen and sys.platform not in ("win32", "darwin"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    return QApplication([sys.argv[0] if sys.argv else "commapper"])
