"""Where a presentation goes: the other screen when there are two, the one the facilitator picks
when there are more, the only one otherwise."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QInputDialog, QWidget


def choose_screen(editor: QWidget) -> QScreen | None:
    """Where to present: the other screen when there are two, the one the facilitator picks
    when there are more, and the only one otherwise (a projector mirroring the laptop); None
    when the facilitator cancels the choice."""
    screens = QGuiApplication.screens()
    here = editor.screen()
    others = [screen for screen in screens if screen is not here]
    if not others:
        return here
    if len(others) == 1:
        return others[0]
    names = [
        f"{screen.name()} ({screen.geometry().width()}×{screen.geometry().height()})"
        for screen in others
    ]
    name, chosen = QInputDialog.getItem(
        editor,
        QCoreApplication.translate("Presentation", "Present"),
        QCoreApplication.translate("Presentation", "Which screen shows the presentation?"),
        names,
        0,
        False,
    )
    return others[names.index(name)] if chosen else None


def show_on(window: QWidget, screen: QScreen | None) -> None:
    """Full screen on ``screen``."""
    if screen is not None:
        window.setScreen(screen)
        window.setGeometry(screen.geometry())
    window.showFullScreen()
