"""Message boxes that show what they quote (file names, values from a file) exactly as typed."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget


def as_typed(box: QMessageBox) -> QMessageBox:
    """``box`` with its text and informative text shown as plain text, never as markup; call it
    once both are set.

    The box's own text format is not enough: Qt 6.11 gives the informative text the box's format
    (markup escaped for it showed its tags), and older Qt reads informative text that looks like
    markup as such, so each label is told.
    """
    box.setTextFormat(Qt.TextFormat.PlainText)
    for label in box.findChildren(QLabel):
        label.setTextFormat(Qt.TextFormat.PlainText)
    return box


def plain_box(
    icon: QMessageBox.Icon, title: str, heading: str, detail: str, parent: QWidget | None = None
) -> QMessageBox:
    """A message box: ``heading``, then ``detail`` under it, both shown as typed."""
    box = QMessageBox(icon, title, heading, parent=parent)
    box.setInformativeText(detail)
    return as_typed(box)
