"""The mouse wheel scrolls panels: a field it passes over changes only once it has been clicked.

Without this, scrolling the Inspector or the Analysis panel changes whichever combo box happens to
pass under the pointer, which edits the map (an undo step the user never meant).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import (
    QAbstractSlider,
    QAbstractSpinBox,
    QComboBox,
    QScrollBar,
    QWidget,
)

_WHEEL_FIELDS = (QComboBox, QAbstractSpinBox, QAbstractSlider)


class _ScrollPastUnfocusedFields(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        focused = isinstance(watched, QWidget) and watched.hasFocus()
        if event.type() == QEvent.Type.Wheel and not focused:
            # Consumed here, but ignored: Qt then offers the wheel to the parents, which scroll.
            event.ignore()
            return True
        return False


def scroll_past_fields(root: QWidget) -> None:
    """Make the combo boxes, spin boxes and sliders under ``root`` ignore the wheel until they
    have the focus (a click or Tab gives it)."""
    guard = root.findChild(_ScrollPastUnfocusedFields) or _ScrollPastUnfocusedFields(root)
    for field_type in _WHEEL_FIELDS:
        for field in root.findChildren(field_type):
            if isinstance(field, QScrollBar):
                continue  # a slider too, but the very thing that scrolls the panel
            field.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            field.installEventFilter(guard)  # installing twice keeps one
