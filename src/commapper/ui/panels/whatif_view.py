"""The what-if ("Where would I be without this?"): every headline figure before and after, and
the canvas menu entry that asks it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from commapper.analysis.result import WhatIf
from commapper.ui.panels.analysis_figures import figure_text
from commapper.ui.translations import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from commapper.ui.panels.analysis_dock import AnalysisPanel

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
WHAT_IF_TEXT = QT_TRANSLATE_NOOP("WhatIfView", "Where would I be without this?")
FIGURE_ROLE = Qt.ItemDataRole.UserRole  # a row's figure as the analysis names it
# The analysis's names of the headline figures (analysis.whatif.headline_figures), as shown.
FIGURE_NAMES = {
    "nodes": QT_TRANSLATE_NOOP("WhatIfView", "nodes"),
    "edges": QT_TRANSLATE_NOOP("WhatIfView", "edges"),
    "silos connected to nothing": QT_TRANSLATE_NOOP("WhatIfView", "silos connected to nothing"),
    "communities": QT_TRANSLATE_NOOP("WhatIfView", "communities"),
    "communities, transactional left out": QT_TRANSLATE_NOOP(
        "WhatIfView", "communities, transactional left out"
    ),
    "domains": QT_TRANSLATE_NOOP("WhatIfView", "domains"),
    "sectors": QT_TRANSLATE_NOOP("WhatIfView", "sectors"),
    "sector diversity (Blau)": QT_TRANSLATE_NOOP("WhatIfView", "sector diversity (Blau)"),
    "share outside my organisation": QT_TRANSLATE_NOOP(
        "WhatIfView", "share outside my organisation"
    ),
    "communities within two steps": QT_TRANSLATE_NOOP("WhatIfView", "communities within two steps"),
    "people within reach": QT_TRANSLATE_NOOP("WhatIfView", "people within reach"),
    "effective size": QT_TRANSLATE_NOOP("WhatIfView", "effective size"),
    "constraint": QT_TRANSLATE_NOOP("WhatIfView", "constraint"),
    "open pairs only I bridge": QT_TRANSLATE_NOOP("WhatIfView", "open pairs only I bridge"),
    "silos only I connect": QT_TRANSLATE_NOOP("WhatIfView", "silos only I connect"),
}


def _change(value: object) -> str:
    if value is None:
        return "—"
    if isinstance(value, float):
        return "0" if abs(value) < 5e-3 else f"{value:+.2f}"
    return "0" if value == 0 else f"{value:+d}"


class WhatIfView(QWidget):
    """A table of the what-if figures and a button to dismiss it (which ends the greying)."""

    dismissed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel()
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.title.setWordWrap(True)
        self.title.setStyleSheet("font-weight: bold")
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Figure"), self.tr("Now"), self.tr("Without"), self.tr("Change")]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.done_button = QPushButton(self.tr("Done"))
        self.done_button.clicked.connect(self.dismissed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.table)
        layout.addWidget(self.done_button, alignment=Qt.AlignmentFlag.AlignRight)

    def show_waiting(self, label: str) -> None:
        self.title.setText(self.tr("Without {label}: working it out…").format(label=label))
        self.table.setRowCount(0)

    def show_result(self, result: WhatIf) -> None:
        self.title.setText(
            self.tr("Without {label}: faded on the map is what would drop away.").format(
                label=result.label or result.removed
            )
        )
        rows = result.figures
        self.table.setRowCount(len(rows))
        for row, figure in enumerate(rows):
            cells = (
                self.tr(FIGURE_NAMES.get(figure.figure, figure.figure)),
                figure_text(figure.before),
                figure_text(figure.after),
                _change(figure.change),
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)  # plain text: never interpreted as markup
                item.setData(FIGURE_ROLE, figure.figure)
                if column:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(row, column, item)
        height = self.table.horizontalHeader().height() + sum(
            self.table.rowHeight(row) for row in range(len(rows))
        )
        self.table.setMinimumHeight(height + 4)

    def figure(self, name: str) -> tuple[str, str]:
        """The (now, without) texts of the figure the analysis calls ``name``, as shown."""
        for row in range(self.table.rowCount()):
            item = self.table.item(row, 0)
            if item is not None and item.data(FIGURE_ROLE) == name:
                return self._text(row, 1), self._text(row, 2)
        raise KeyError(name)

    def _text(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text() if item is not None else ""


def whatif_action(panel: AnalysisPanel, node_id: str, parent: QWidget | None = None) -> QAction:
    """The canvas menu action that starts a what-if on ``node_id``."""
    action = QAction(QCoreApplication.translate("WhatIfView", WHAT_IF_TEXT), parent)
    action.setStatusTip(
        QCoreApplication.translate(
            "WhatIfView", "Show every headline figure without this node, and fade what drops away"
        )
    )
    action.triggered.connect(lambda: panel.start_what_if(node_id))
    return action
