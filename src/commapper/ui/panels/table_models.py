"""Table models of the nodes and of the edges of the session's document, and their filter.

The models hold only ids (and an id-to-row lookup); each cell is read from the document when
shown, and each edit goes through :meth:`MapSession.edit`. They observe ``document_changed``:
changed items repaint their rows, items that come or go reset the table.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any, Literal

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from commapper.model import (
    LEVELS,
    DocumentChanged,
    EdgeKind,
    MoveNodes,
    NodeKind,
    UpdateItem,
    field_names,
)
from commapper.model.items import TEXT_LIMITS
from commapper.ui.field_text import (
    choice_text,
    field_choices,
    field_words,
    kind_name,
    modes_to_text,
    node_label,
    optional_text,
    tags_to_text,
    text_to_modes,
    text_to_tags,
)
from commapper.ui.panels.delegates import CHOICES_ROLE, MAX_CHARS_ROLE
from commapper.ui.session import MapSession
from commapper.ui.translations import QT_TRANSLATE_NOOP

Index = QModelIndex | QPersistentModelIndex
SORT_ROLE = Qt.ItemDataRole.UserRole
ID_ROLE = Qt.ItemDataRole.UserRole + 2


@dataclass(frozen=True)
class Column:
    """One table column: the model field it shows and how it is edited.

    ``header`` is the source text of its heading, translated where shown (context
    "ItemTableModel"); ``choices`` says whether the field takes one of a fixed set of values
    (those of :func:`~commapper.ui.field_text.field_choices`).
    """

    name: str
    header: str
    editable: bool = True
    choices: bool = False
    numeric: bool = False


NODE_COLUMNS: tuple[Column, ...] = (
    Column("id", QT_TRANSLATE_NOOP("ItemTableModel", "Id"), editable=False),
    Column("kind", QT_TRANSLATE_NOOP("ItemTableModel", "Kind"), editable=False),
    Column("label", QT_TRANSLATE_NOOP("ItemTableModel", "Label")),
    Column("domain", QT_TRANSLATE_NOOP("ItemTableModel", "Domain")),
    Column("sector", QT_TRANSLATE_NOOP("ItemTableModel", "Sector")),
    Column("org", QT_TRANSLATE_NOOP("ItemTableModel", "Organisation")),
    Column("inside_org", QT_TRANSLATE_NOOP("ItemTableModel", "Inside org"), choices=True),
    Column("stage", QT_TRANSLATE_NOOP("ItemTableModel", "Stage"), choices=True),
    Column("x", QT_TRANSLATE_NOOP("ItemTableModel", "X"), numeric=True),
    Column("y", QT_TRANSLATE_NOOP("ItemTableModel", "Y"), numeric=True),
    Column("tags", QT_TRANSLATE_NOOP("ItemTableModel", "Tags")),
)
EDGE_COLUMNS: tuple[Column, ...] = (
    Column("id", QT_TRANSLATE_NOOP("ItemTableModel", "Id"), editable=False),
    Column("kind", QT_TRANSLATE_NOOP("ItemTableModel", "Kind"), editable=False),
    Column("source", QT_TRANSLATE_NOOP("ItemTableModel", "From"), editable=False),
    Column("target", QT_TRANSLATE_NOOP("ItemTableModel", "To"), editable=False),
    Column("level", QT_TRANSLATE_NOOP("ItemTableModel", "Level"), choices=True),
    Column("modes", QT_TRANSLATE_NOOP("ItemTableModel", "Modes")),
    Column("since", QT_TRANSLATE_NOOP("ItemTableModel", "Since")),
    Column("until", QT_TRANSLATE_NOOP("ItemTableModel", "Until")),
    Column("means", QT_TRANSLATE_NOOP("ItemTableModel", "Means"), choices=True),
    Column("directed", QT_TRANSLATE_NOOP("ItemTableModel", "Directed"), choices=True),
    Column("weight", QT_TRANSLATE_NOOP("ItemTableModel", "Weight"), numeric=True),
    Column("label", QT_TRANSLATE_NOOP("ItemTableModel", "Label")),
)
_OPTIONAL_TEXT = frozenset({"domain", "sector", "org", "since", "until"})
# Rows coming and going at once beyond which the table is reset rather than followed row by row.
ROWS_FOLLOWED = 200


def _runs(rows: list[int]) -> list[tuple[int, int]]:
    """Ascending rows as runs of neighbours: [1, 2, 3, 7] -> [(1, 3), (7, 7)]."""
    runs: list[list[int]] = []
    for row in rows:
        if runs and row == runs[-1][1] + 1:
            runs[-1][1] = row
        else:
            runs.append([row, row])
    return [(start, end) for start, end in runs]


class ItemTableModel(QAbstractTableModel):
    """Rows of nodes or of edges, in file order, read from the document on demand."""

    columns: tuple[Column, ...] = ()
    kinds: tuple[str, ...] = ()

    def __init__(self, session: MapSession, parent: Any = None) -> None:
        super().__init__(parent)
        self.session = session
        self.ids: list[str] = []
        self.row_of: dict[str, int] = {}
        # Lower-case text of each row for the filter, rebuilt for an id when its item changes.
        self._search: dict[str, str] = {}
        self._sorting: tuple[int, Qt.SortOrder] | None = None
        self._shown = True
        # While no view shows the rows: whether rows came or went, and which changed.
        self._rows_due = False
        self._changed_unseen: set[str] = set()
        # The words of each column with choices, translated once: cells read them often.
        self._choices = {c.name: field_choices(c.name) for c in self.columns if c.choices}
        self._headers = [self.tr(column.header) for column in self.columns]
        self._load_ids()
        session.document_changed.connect(self._document_changed)

    # -- what the subclasses say ----------------------------------------------------------------

    def _items(self) -> list[Any]:
        raise NotImplementedError

    def _document_changed(self, change: DocumentChanged) -> None:
        raise NotImplementedError

    # -- rows --------------------------------------------------------------------------------------

    def _load_ids(self) -> None:
        self.ids = [item.id for item in self._items()]
        self._search = {}
        if self._sorting is not None:
            self.ids = self._sorted_ids(*self._sorting)
        self.row_of = {item_id: row for row, item_id in enumerate(self.ids)}

    def _sorted_ids(self, column: int, order: Qt.SortOrder) -> list[str]:
        if column < 0:
            return [item.id for item in self._items()]
        return self._sorted_ids_of(self.ids, column, order)

    def _sorted_ids_of(self, ids: list[str], column: int, order: Qt.SortOrder) -> list[str]:
        spec, get = self.columns[column], self.session.doc.get
        keys = {item_id: self.sort_key(get(item_id), spec) for item_id in ids}
        # Python's sort is stable, so equal keys keep file order.
        return sorted(ids, key=keys.__getitem__, reverse=order == Qt.SortOrder.DescendingOrder)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort rows by ``column`` (-1: file order), computing each row's key once.

        Sorting here rather than in a proxy keeps a 6,000-row sort to one key per row instead
        of one Python call per comparison.
        """
        self.layoutAboutToBeChanged.emit()
        old_indexes = self.persistentIndexList()
        old_ids = [self.ids[index.row()] for index in old_indexes]
        self._sorting = None if column < 0 else (column, order)
        self.ids = self._sorted_ids(column, order)
        self.row_of = {item_id: row for row, item_id in enumerate(self.ids)}
        new_indexes = [
            self.index(self.row_of[item_id], index.column())
            for item_id, index in zip(old_ids, old_indexes, strict=True)
        ]
        self.changePersistentIndexList(old_indexes, new_indexes)
        self.layoutChanged.emit()

    def search_text(self, row: int) -> str:
        """Everything a row shows, in lower case, for the filter box."""
        item_id = self.ids[row]
        text = self._search.get(item_id)
        if text is None:
            item = self.session.doc.get(item_id)
            text = "\n".join(self.text(item, column) for column in self.columns).casefold()
            self._search[item_id] = text
        return text

    def _reset(self) -> None:
        self.beginResetModel()
        self._load_ids()
        self.endResetModel()

    def _follow_rows(self) -> None:
        """Rows came or went: removed and inserted where they are, rather than the whole table
        reset (after a reset the filter checks every row again, one Python call each: 160 ms
        for the 43,000 rows of a 10,000-node map). A large change resets."""
        target = [item.id for item in self._items()]
        if self._sorting is not None:
            target = self._sorted_ids_of(target, *self._sorting)
        wanted = set(target)
        gone = [row for row, item_id in enumerate(self.ids) if item_id not in wanted]
        kept = len(self.ids) - len(gone)
        if len(gone) + len(target) - kept > ROWS_FOLLOWED:
            self._reset()
            return
        for start, end in reversed(_runs(gone)):
            self.beginRemoveRows(QModelIndex(), start, end)
            del self.ids[start : end + 1]
            self.endRemoveRows()
        present = set(self.ids)
        if self.ids != [item_id for item_id in target if item_id in present]:
            self._reset()  # the rows kept moved too (another order): not worth following
            return
        came = [row for row, item_id in enumerate(target) if item_id not in present]
        for start, end in _runs(came):  # in order: each run lands at its final rows
            self.beginInsertRows(QModelIndex(), start, end)
            self.ids[start:start] = target[start : end + 1]
            self.endInsertRows()
        self.row_of = {item_id: row for row, item_id in enumerate(self.ids)}
        for item_id in set(self._search) - wanted:
            del self._search[item_id]

    def set_shown(self, shown: bool) -> None:
        """Whether a view shows the rows. While none does, rows that come, go or change are
        told once one does, all at once: a layout of a room map changes 10,000 rows, and each
        goes through the filter again when told (40 ms, after every layout, for a table nobody
        sees); a node added to one meant 10-20 ms of following its 43,000 rows."""
        self._shown = shown
        if not shown:
            return
        if self._rows_due:
            self._rows_due = False
            self._follow_rows()
        if self._changed_unseen:
            unseen, self._changed_unseen = self._changed_unseen, set()
            self._rows_changed(unseen)

    def _rows_came_or_went(self) -> None:
        if self._shown:
            self._follow_rows()
        else:
            self._rows_due = True  # until then the rows are as they were, items gone read None

    def _rows_changed(
        self, ids: set[str] | frozenset[str], columns: list[int] | None = None
    ) -> None:
        for item_id in ids:
            self._search.pop(item_id, None)
        if not self._shown:
            self._changed_unseen.update(ids)
            return
        rows = sorted(self.row_of[item_id] for item_id in ids if item_id in self.row_of)
        if not rows:
            return
        first, last = (min(columns), max(columns)) if columns else (0, len(self.columns) - 1)
        # Run by run: one range from the first to the last changed row would make the filter
        # proxy re-check every row between them (thousands, for a renamed hub's edges).
        for start, end in _runs(rows):
            self.dataChanged.emit(self.index(start, first), self.index(end, last))

    def item_at(self, row: int) -> Any:
        """The item shown in ``row``; None for a moment while its removal is being announced."""
        return self.session.doc.get(self.ids[row])

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    # -- cells -------------------------------------------------------------------------------------

    def applies(self, item: Any, column: Column) -> bool:
        return column.name in field_names(type(item))

    def text(self, item: Any, column: Column, editing: bool = False) -> str:
        """The words shown in a cell (or put in its editor)."""
        if not self.applies(item, column):
            return ""
        value = getattr(item, column.name)
        if column.choices:
            choices = self._choices[column.name]
            return choice_text(value, choices) if value is not None or editing else ""
        if column.name == "kind":
            return kind_name(value)
        if column.name in ("source", "target"):
            return node_label(self.session.doc, value)
        if column.name == "tags":
            return tags_to_text(value)
        if column.name == "modes":
            return modes_to_text(value)
        if column.numeric:
            if value is None:
                return ""
            # Positions to a tenth of a pixel; the editor gets the exact value.
            return f"{value:g}" if editing or column.name == "weight" else f"{round(value, 1):g}"
        return "" if value is None else str(value)

    def sort_key(self, item: Any, column: Column) -> Any:
        if column.numeric:
            value = getattr(item, column.name, None)
            return -math.inf if value is None else float(value)
        if column.name == "level":
            level = getattr(item, "level", None)  # core first, rows without a level last
            return len(LEVELS) if level is None else LEVELS.index(level)
        return self.text(item, column).casefold()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item, column = self.item_at(index.row()), self.columns[index.column()]
        if item is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(item, column)
        if role == Qt.ItemDataRole.EditRole:
            return self.text(item, column, editing=True)
        if role == SORT_ROLE:
            return self.sort_key(item, column)
        if role == CHOICES_ROLE:
            applies = self.applies(item, column) and column.choices
            return [text for text, _ in self._choices[column.name]] if applies else None
        if role == MAX_CHARS_ROLE:
            return TEXT_LIMITS.get(column.name)
        if role == ID_ROLE:
            return item.id
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        column = self.columns[index.column()]
        item = self.item_at(index.row()) if index.isValid() else None
        if column.editable and item is not None and self.applies(item, column):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        """Turn the typed text into a value and apply it as one undoable edit."""
        if role != Qt.ItemDataRole.EditRole or not self.flags(index) & Qt.ItemFlag.ItemIsEditable:
            return False
        item, column = self.item_at(index.row()), self.columns[index.column()]
        try:
            new = self.parse(column, str(value))
        except ValueError as error:
            self.session.edit_refused.emit(str(error))
            return False
        if getattr(item, column.name) == new:
            return True
        label = item.label or (
            f"{node_label(self.session.doc, item.source)} → "
            f"{node_label(self.session.doc, item.target)}"
            if hasattr(item, "source")
            else item.id
        )
        if column.name in ("x", "y"):
            x, y = (new, item.y) if column.name == "x" else (item.x, new)
            text = self.tr("Move {label}").format(label=label)
            return self.session.edit(MoveNodes({item.id: (x, y)}), text)
        edit = UpdateItem(item.id, {column.name: new})
        text = self.tr("Change {field} of {label}").format(
            field=field_words(column.name), label=label
        )
        return self.session.edit(edit, text)

    def parse(self, column: Column, text: str) -> Any:
        """The value typed text stands for in ``column``; ValueError with a message if none."""
        text = text.strip()
        header = self._headers[self.columns.index(column)]
        if column.choices:
            choices = self._choices[column.name]
            for words, value in choices:
                if words.casefold() == text.casefold():
                    return value
            if not text and any(value is None for _, value in choices):
                return None
            allowed = ", ".join(words for words, _ in choices)
            raise ValueError(
                self.tr('{column}: "{text}" is not one of {allowed}').format(
                    column=header, text=text, allowed=allowed
                )
            )
        if column.numeric:
            if not text and column.name in ("x", "y"):
                return None
            try:
                number = float(text)
            except ValueError:
                message = self.tr('{column}: "{text}" is not a number')
                raise ValueError(message.format(column=header, text=text)) from None
            if not math.isfinite(number):
                raise ValueError(self.tr("{column} must be a finite number").format(column=header))
            return number
        if column.name == "tags":
            return text_to_tags(text)
        if column.name == "modes":
            return text_to_modes(text)
        if column.name in _OPTIONAL_TEXT:
            return optional_text(text)
        return text


class NodeTableModel(ItemTableModel):
    """The map's nodes, one row each, in file order."""

    columns = NODE_COLUMNS
    kinds = tuple(NodeKind)

    def _items(self) -> list[Any]:
        return self.session.doc.nodes

    def _document_changed(self, change: DocumentChanged) -> None:
        if change.nodes_added or change.nodes_removed:
            self._rows_came_or_went()  # then the rows changed too (a batch may do both)
        self._rows_changed(change.nodes_changed)
        names = [column.name for column in self.columns]
        self._rows_changed(change.nodes_moved, [names.index("x"), names.index("y")])


class EdgeTableModel(ItemTableModel):
    """The map's edges, one row each, in file order; their ends shown by label."""

    columns = EDGE_COLUMNS
    kinds = tuple(EdgeKind)

    def _items(self) -> list[Any]:
        return self.session.doc.edges

    def _document_changed(self, change: DocumentChanged) -> None:
        if change.edges_added or change.edges_removed:
            self._rows_came_or_went()  # then the rows changed too (a batch may do both)
        self._rows_changed(change.edges_changed)
        if change.nodes_changed:  # a renamed node renames the ends of its edges
            renamed = change.nodes_changed
            touching = {
                edge.id
                for edge in self.session.doc.edges
                if edge.source in renamed or edge.target in renamed
            }
            self._rows_changed(touching, [2, 3])


class ItemFilterProxy(QSortFilterProxyModel):
    """Sorts by each column's natural order and keeps rows matching a text and a kind."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self.text = ""
        self.kind: str | None = None

    def set_filter(
        self, text: str | None = None, kind: str | Literal[False] | None = False
    ) -> None:
        """Filter by ``text`` (any column, any case) and by ``kind`` (None for all kinds); False
        keeps the kind filtered as it is."""
        if text is not None:
            self.text = text.strip().casefold()
        if kind is not False:
            self.kind = kind
        if hasattr(self, "beginFilterChange"):  # Qt 6.9+; invalidateRowsFilter is deprecated
            self.beginFilterChange()
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self.invalidateRowsFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        if not isinstance(model, ItemTableModel):
            return False
        item = model.item_at(source_row)
        if item is None:
            return False
        if self.kind is not None and item.kind != self.kind:
            return False
        return not self.text or self.text in model.search_text(source_row)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Let the table model sort itself (fast); this proxy only filters."""
        self.sourceModel().sort(column, order)
