"""Mouse gestures on a widget, sent as the events a hand on a real mouse makes."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication


def send_mouse(widget, kind, pos: QPoint, buttons, modifiers=Qt.KeyboardModifier.NoModifier):
    button = Qt.MouseButton.LeftButton if kind != QEvent.Type.MouseMove else Qt.MouseButton.NoButton
    global_pos = widget.mapToGlobal(pos)
    event = QMouseEvent(kind, QPointF(pos), QPointF(global_pos), button, buttons, modifiers)
    QApplication.sendEvent(widget, event)


def drag(view, start: QPoint, end: QPoint, modifiers=Qt.KeyboardModifier.NoModifier):
    """Press, move in steps and release the left button over the canvas."""
    viewport = view.viewport()
    left = Qt.MouseButton.LeftButton
    send_mouse(viewport, QEvent.Type.MouseButtonPress, start, left, modifiers)
    for step in range(1, 6):
        point = start + (end - start) * step / 5
        send_mouse(viewport, QEvent.Type.MouseMove, point, left, modifiers)
    send_mouse(viewport, QEvent.Type.MouseButtonRelease, end, Qt.MouseButton.NoButton, modifiers)
