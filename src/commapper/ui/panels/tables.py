"""Nodes and edges as editable, sortable, filterable tables: the way to edit without a mouse.

:class:`TablePanel` shows the node and edge table models (from ``table_models``) in two tabs
and keeps their selected rows in step with the session's selection, both ways.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable

from PySide6.QtCore import QItemSelection, QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from commapper.ui.field_text import kind_plural_name
from commapper.ui.panels.delegates import ChoiceDelegate
from commapper.ui.panels.table_models import (
    ID_ROLE,
    EdgeTableModel,
    ItemFilterProxy,
    ItemTableModel,
    NodeTableModel,
)
from commapper.ui.session import MapSession
from commapper.ui.wheel import scroll_past_fields

__all__ = ["EdgeTableModel", "ItemFilterProxy", "NodeTableModel", "TablePage", "TablePanel"]


class TablePage(QWidget):
    """One table (nodes or edges) with its kind filter; announces the ids the user selects."""

    rows_selected = Signal(tuple)

    def __init__(
        self,
        model: ItemTableModel,
        all_kinds: str,
        kind_filter_name: str,
        table_name: str,
        parent: QWidget | None = None,
    ) -> None:
        """``all_kinds`` is the kind filter's first entry ("All nodes"); the names are what a
        screen reader calls the kind filter and the table."""
        super().__init__(parent)
        self.model = model
        self.proxy = ItemFilterProxy(self)
        self.proxy.setSourceModel(model)
        self.kind = QComboBox()
        self.kind.addItem(all_kinds, None)
        for kind in model.kinds:
            self.kind.addItem(kind_plural_name(kind), kind)
        self.kind.setAccessibleName(kind_filter_name)
        kind_label = QLabel(self.tr("Show &kind:"))
        kind_label.setBuddy(self.kind)
        self.view = QTableView()
        self.view.setAccessibleName(table_name)
        self.view.setModel(self.proxy)
        self.view.setItemDelegate(ChoiceDelegate(self.view))
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.view.setTabKeyNavigation(False)  # Tab leaves the table; arrows move between cells
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(self.view.fontMetrics().height() + 8)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # file order until asked
        self.view.setSortingEnabled(True)
        self._syncing = False
        top = QHBoxLayout()
        top.addWidget(kind_label)
        top.addWidget(self.kind)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.view)
        self.kind.currentIndexChanged.connect(
            lambda _: self._quietly(lambda: self.proxy.set_filter(kind=self.kind.currentData()))
        )
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)

    def _quietly(self, action: Callable[[], object]) -> None:
        """Run ``action`` without announcing the selection changes it causes."""
        selected = self.selected_ids()
        self._syncing = True
        try:
            action()
        finally:
            self._syncing = False
        self.select_ids(selected)

    def selected_ids(self) -> tuple[str, ...]:
        rows = self.view.selectionModel().selectedRows()
        return tuple(index.data(ID_ROLE) for index in sorted(rows, key=lambda i: i.row()))

    def _selection_changed(self) -> None:
        if not self._syncing:
            self.rows_selected.emit(self.selected_ids())

    def select_ids(self, ids: Iterable[str]) -> None:
        """Select the rows of these ids (those this table has and shows), without announcing."""
        wanted = [item_id for item_id in ids if item_id in self.model.row_of]
        if set(wanted) == set(self.selected_ids()):
            return
        selection = QItemSelection()
        last_column = self.model.columnCount() - 1
        for item_id in wanted:
            row = self.proxy.mapFromSource(self.model.index(self.model.row_of[item_id], 0)).row()
            if row >= 0:
                selection.select(self.proxy.index(row, 0), self.proxy.index(row, last_column))
        self._syncing = True
        try:
            flags = QItemSelectionModel.SelectionFlag.ClearAndSelect
            self.view.selectionModel().select(selection, flags)
        finally:
            self._syncing = False
        if not selection.isEmpty():
            self.view.scrollTo(selection.indexes()[0])


class TablePanel(QWidget):
    """Two tabs, Nodes and Edges, with one filter box; selection shared with the session."""

    def __init__(self, session: MapSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setObjectName("table_panel")
        self.node_model = NodeTableModel(session, self)
        self.edge_model = EdgeTableModel(session, self)
        self.nodes = TablePage(
            self.node_model,
            self.tr("All nodes"),
            self.tr("Show nodes of kind"),
            self.tr("Nodes table"),
        )
        self.edges = TablePage(
            self.edge_model,
            self.tr("All edges"),
            self.tr("Show edges of kind"),
            self.tr("Edges table"),
        )
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(self.tr("Type to show only rows containing this text"))
        self.filter.setAccessibleName(self.tr("Filter rows"))
        self.filter.setClearButtonEnabled(True)
        filter_label = QLabel(self.tr("&Filter:"))
        filter_label.setBuddy(self.filter)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.nodes, self.tr("&Nodes"))
        self.tabs.addTab(self.edges, self.tr("&Edges"))
        top = QHBoxLayout()
        top.addWidget(filter_label)
        top.addWidget(self.filter, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        self.filter.textChanged.connect(self._filter)
        for page in self.pages:
            page.rows_selected.connect(session.selection.set)
            page.model.modelReset.connect(self._select_from_session)
            # A reset (another map opened) forgets the widths: fit them to the new rows.
            page.proxy.modelReset.connect(lambda page=page: self._fit_columns(page))
            self._fit_columns(page)
        session.selection.changed.connect(self._select_from_session)
        self._select_from_session()
        for page in self.pages:
            page.model.set_shown(False)  # until shown (showEvent)
        scroll_past_fields(self)

    @property
    def pages(self) -> tuple[TablePage, TablePage]:
        return (self.nodes, self.edges)

    def _filter(self, text: str) -> None:
        for page in self.pages:
            page._quietly(functools.partial(page.proxy.set_filter, text=text))

    def _select_from_session(self) -> None:
        if not self.isVisible():
            # Followed when shown (showEvent): a rubber band over a room map selects thousands
            # of rows, 70-90 ms each time on a table nobody sees (closed until asked for).
            return
        ids = self.session.selection.ids
        for page in self.pages:
            page.select_ids(ids)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        for page in self.pages:
            # Quietly: rows gone or filtered out meanwhile may have been selected in the table,
            # whose selection, stale by now, must not become the session's.
            page._quietly(functools.partial(page.model.set_shown, True))
        self._select_from_session()

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        for page in self.pages:
            page.model.set_shown(False)

    @staticmethod
    def _fit_columns(page: TablePage) -> None:
        """Size columns to the first rows' contents, within reason, without reading every row."""
        view = page.view
        metrics = view.fontMetrics()
        sample = min(page.proxy.rowCount(), 50)
        for column in range(page.model.columnCount()):
            header = str(page.model.headerData(column, Qt.Orientation.Horizontal))
            widest = max(
                [metrics.horizontalAdvance(header) + 28]
                + [
                    metrics.horizontalAdvance(str(page.proxy.index(row, column).data() or "")) + 16
                    for row in range(sample)
                ]
            )
            if page.model.columns[column].name in ("x", "y"):  # room for what a layout gives
                widest = max(widest, metrics.horizontalAdvance("-00000.0") + 16)
            view.setColumnWidth(column, min(widest, 260))
