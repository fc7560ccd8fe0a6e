"""The inspector's editor of custom attributes: a small key/value table with add and remove."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from commapper.ui.field_text import attribute_to_text, text_to_attribute
from commapper.ui.panels.inspector_fields import MIXED, Field
from commapper.ui.plain_text import plain_markup


class AttributesField(Field):
    """The user's own columns, as in Kumu. Values typed as true/false, a number or text."""

    def __init__(self, name: str, label: str) -> None:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        self.table = QTableWidget(0, 2)
        self.table.setHorizontalHeaderLabels([self.tr("Key"), self.tr("Value")])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move inside it
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.table.setMinimumHeight(90)
        self.table.setMaximumHeight(150)
        self.add = QPushButton(self.tr("Add attribute"))
        self.remove = QPushButton(self.tr("Remove attribute"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.add)
        buttons.addWidget(self.remove)
        buttons.addStretch(1)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        super().__init__(name, label, box, focus=self.table)
        self._showing = False
        self.table.itemChanged.connect(self._changed)
        self.add.clicked.connect(self.add_row)
        self.remove.clicked.connect(self.remove_row)

    def attributes(self) -> dict[str, Any]:
        """The attributes as the table now shows them; rows without a key are left out."""
        values: dict[str, Any] = {}
        for row in range(self.table.rowCount()):
            key = self._text(row, 0).strip()
            if key:
                values[key] = text_to_attribute(self._text(row, 1))
        return values

    def _text(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text() if item is not None else ""

    def _changed(self, _item: QTableWidgetItem) -> None:
        if not self._showing:
            self.edited.emit(self.attributes())

    def add_row(self) -> None:
        """Add a row with a fresh key, commit it, and start editing the key."""
        keys = set(self.attributes())
        # The new key is the user's to rename; it starts as a word of their language.
        key, number = self.tr("attribute"), 1
        while key in keys:
            number += 1
            key = self.tr("attribute {number}").format(number=number)
        self._set_rows([*self._rows(), (key, "")])
        self.edited.emit(self.attributes())
        row = self.table.rowCount() - 1
        self.table.setCurrentCell(row, 0)
        item = self.table.item(row, 0)
        if item is not None:
            self.table.editItem(item)

    def remove_row(self) -> None:
        row = self.table.currentRow()
        if row < 0:
            return
        self.table.removeRow(row)
        self.edited.emit(self.attributes())

    def _rows(self) -> list[tuple[str, str]]:
        return [(self._text(r, 0), self._text(r, 1)) for r in range(self.table.rowCount())]

    def _set_rows(self, rows: list[tuple[str, str]]) -> None:
        self._showing = True
        try:
            self.table.setRowCount(len(rows))
            for row, (key, value) in enumerate(rows):
                for column, text in enumerate((key, value)):
                    item = QTableWidgetItem(text)
                    item.setData(Qt.ItemDataRole.ToolTipRole, plain_markup(text))
                    self.table.setItem(row, column, item)
        finally:
            self._showing = False

    def show_value(self, value: Any) -> None:
        if value is MIXED or self.table.state() == QAbstractItemView.State.EditingState:
            return
        if self.attributes() != value:
            self._set_rows([(key, attribute_to_text(item)) for key, item in value.items()])
        self.remove.setEnabled(bool(value))
