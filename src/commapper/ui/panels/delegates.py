"""Cell editors for the tables: a combo box of choices where a column has them (level, means...)."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

# The item data role under which a table model lists the words a cell may take.
# The table models also answer SORT_ROLE (UserRole) and ID_ROLE (UserRole + 2).
CHOICES_ROLE = Qt.ItemDataRole.UserRole + 1
MAX_CHARS_ROLE = Qt.ItemDataRole.UserRole + 3  # how long the text in a cell may be, if limited

Index = QModelIndex | QPersistentModelIndex


class ChoiceDelegate(QStyledItemDelegate):
    """Edits cells that offer choices with a combo box, and other cells as plain text.

    The choice is committed when the editor closes (Enter, Tab or leaving the cell), so keyboard
    users can step through the choices with the arrow keys before deciding.
    """

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        choices = index.data(CHOICES_ROLE)
        if not choices:
            # Made here rather than by Qt's factory: a C++-made editor's Python wrapper outlives
            # the editor, and collecting it later crashed the interpreter (PySide6 6.11).
            line = QLineEdit(parent)
            line.setFrame(False)
            if (max_chars := index.data(MAX_CHARS_ROLE)) is not None:
                line.setMaxLength(max_chars)  # typing stops at the limit instead of being refused
            return line
        combo = QComboBox(parent)
        combo.addItems(list(choices))
        header = index.model().headerData(index.column(), Qt.Orientation.Horizontal)
        combo.setAccessibleName(str(header))
        return combo

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        if isinstance(editor, QComboBox):
            position = editor.findText(str(index.data(Qt.ItemDataRole.EditRole) or ""))
            editor.setCurrentIndex(max(position, 0))
        elif isinstance(editor, QLineEdit):
            value = index.data(Qt.ItemDataRole.EditRole)
            editor.setText("" if value is None else str(value))
        else:
            super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentText(), Qt.ItemDataRole.EditRole)
        elif isinstance(editor, QLineEdit):
            model.setData(index, editor.text(), Qt.ItemDataRole.EditRole)
        else:
            super().setModelData(editor, model, index)
