"""The review panel's pages: the participants and their files' problems, and the suggested
matches with Accept and Reject (and Undo once decided); the alias table is in ``aliases_page``.

Every text here that came from a file (names, labels, problems) is shown as plain text: tree
items and list items never read markup.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from commapper.model import printable
from commapper.ui.field_text import short
from commapper.ui.plain_text import plain_markup
from commapper.ui.room.room_map import ALIASES_FILE, RoomMap
from commapper.ui.translations import QT_TRANSLATE_NOOP
from commapper.workshop.matching import Match, MatchKind
from commapper.workshop.merge import Suggestion

KIND_WORDS: dict[MatchKind | None, str] = {
    None: QT_TRANSLATE_NOOP("RoomReview", "any kind"),
    "community": QT_TRANSLATE_NOOP("RoomReview", "community"),
    "person": QT_TRANSLATE_NOOP("RoomReview", "person"),
    "boundary_object": QT_TRANSLATE_NOOP("RoomReview", "boundary object"),
}
_ROW = Qt.ItemDataRole.UserRole
LABEL_CHARS = 60


def tree_widget(headers: list[str]) -> QTreeWidget:
    tree = QTreeWidget()
    tree.setHeaderLabels(headers)
    tree.setRootIsDecorated(False)
    tree.setUniformRowHeights(True)
    tree.setWordWrap(False)
    tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    header = tree.header()
    header.setStretchLastSection(False)
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    for column in range(1, len(headers)):
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
    return tree


def tree_item(texts: list[str], tooltip: str = "", *, whole: bool = False) -> QTreeWidgetItem:
    """A row of ``texts``, each cut to :data:`LABEL_CHARS` unless ``whole`` (for a tree that
    wraps its lines), with ``tooltip`` on every column."""
    item = QTreeWidgetItem(
        [printable(text if whole else short(text, LABEL_CHARS)) for text in texts]
    )
    if tooltip:
        for column in range(len(texts)):
            item.setToolTip(column, plain_markup(tooltip))
    return item


def heading_label(text: str) -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    return label


def note_label(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    return label


class ParticipantsPage(QWidget):
    """Who is in the room: each file in the folder, merged or not read, with its problems."""

    def __init__(self, room: RoomMap) -> None:
        super().__init__()
        self.room = room
        self.summary = note_label()
        self.tree = tree_widget([self.tr("Participant"), self.tr("Status")])
        self.tree.setRootIsDecorated(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.tree.setAccessibleName(self.tr("Participants"))
        # A file's problem is a sentence to read whole, however narrow the panel: wrapped.
        self.tree.setWordWrap(True)
        self.tree.setUniformRowHeights(False)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideNone)
        self._wrapped: list[QTreeWidgetItem] = []
        self.tree.header().sectionResized.connect(self._fit_wrapped)
        merge_again = QPushButton(self.tr("Merge Again"))
        merge_again.setToolTip(self.tr("Read the folder again and bring the map up to date"))
        merge_again.clicked.connect(self._merge_again)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(merge_again)
        layout.addLayout(buttons)
        room.changed.connect(self.refresh)
        self.refresh()

    def _merge_again(self) -> None:
        if not self.room.watcher.look():  # files that changed are read and merged anyway
            self.room.merge_again()

    def refresh(self) -> None:
        room, merge, doc = self.room.room, self.room.merge, self.room.session.doc
        problems: dict[str, list[str]] = {}
        for problem in merge.problems:
            problems.setdefault(problem.source, []).append(problem.message)
        self.tree.clear()
        self._wrapped = []
        # In the folder's order, wherever a file came in (the merge numbers them as they came).
        for file in sorted(room.files, key=lambda file: Path(file.path)):
            name = Path(file.path).name
            person = merge.participants.get(file.path)
            node = doc.get(person) if person is not None else None
            shown = node.label if node is not None and node.label else file.name
            if file.document is None:
                status = self.tr("not read")
            elif problems.get(file.path):
                status = self.tr("merged, %n note(s)", "", len(problems[file.path]))
            else:
                status = self.tr("merged")
            item = tree_item([f"{shown} ({name})", status], f"{file.path}\n{status}")
            for line in problems.get(file.path, []):
                child = tree_item([line, ""], line, whole=True)
                item.addChild(child)
                self._wrapped.append(child)
            if file.document is None:
                item.setExpanded(True)
            self.tree.addTopLevelItem(item)
            item.setExpanded(file.document is None)
        for path in sorted(self.room.room_maps):
            note = self.tr("left out: a room map, not a participant's")
            self.tree.addTopLevelItem(tree_item([Path(path).name, note], f"{path}\n{note}"))
        read = sum(file.document is not None for file in room.files)
        broken = len(room.files) - read
        text = self.tr("%n map(s) merged from the folder {folder}.", "", read).format(
            folder=self.room.folder.name
        )
        if broken:
            text += " " + self.tr("%n file(s) could not be read and are left out.", "", broken)
        if not room.files:
            text = self.tr(
                "No maps in the folder {folder} yet: each participant's .commap file saved "
                "there joins the room map within seconds."
            ).format(folder=self.room.folder.name)
        lines = [printable(text)]
        if self.room.aliases_problem:
            aliases_line = self.tr("{file}: {problem}").format(
                file=ALIASES_FILE, problem=self.room.aliases_problem
            )
            lines.append(printable(aliases_line))
        self.summary.setText("\n".join(lines))
        self._fit_wrapped()

    def _fit_wrapped(self, *_resized: object) -> None:
        """Give each problem's row the height of its text wrapped to the column (the tree's
        rows are one line high whatever it wraps, and the rest of the line would be cut)."""
        metrics = self.tree.fontMetrics()
        width = self.tree.columnWidth(0) - 2 * self.tree.indentation() - 8
        if width <= 0:
            return
        for item in self._wrapped:
            bounds = metrics.boundingRect(
                QRect(0, 0, width, 100_000), Qt.TextFlag.TextWordWrap, item.text(0)
            )
            item.setSizeHint(0, QSize(width, bounds.height() + 4))


class MatchesPage(QWidget):
    """Suggested matches (Accept, Reject) and the matches decided (Undo)."""

    def __init__(self, room: RoomMap) -> None:
        super().__init__()
        self.room = room
        self.suggestions: list[Suggestion] = []
        self.decided: list[Match] = []
        self.suggested_tree = tree_widget([self.tr("May be one thing"), self.tr("Named by")])
        self.suggested_tree.setAccessibleName(self.tr("Suggested matches"))
        self.suggested_tree.itemSelectionChanged.connect(self._enable)
        self.accept_button = QPushButton(self.tr("Accept: Same"))
        self.accept_button.setToolTip(self.tr("Merge the two into one node"))
        self.accept_button.clicked.connect(lambda: self.accept(self._suggestion()))
        self.reject_button = QPushButton(self.tr("Reject: Different"))
        self.reject_button.setToolTip(self.tr("Keep the two apart and stop suggesting them"))
        self.reject_button.clicked.connect(lambda: self.reject(self._suggestion()))
        self.decided_tree = tree_widget([self.tr("Match"), self.tr("Decided")])
        self.decided_tree.setAccessibleName(self.tr("Decided matches"))
        self.decided_tree.itemSelectionChanged.connect(self._enable)
        self.undo_button = QPushButton(self.tr("Undo Decision"))
        self.undo_button.setToolTip(self.tr("Suggest the two again"))
        self.undo_button.clicked.connect(self._undo_selected)
        self.empty = note_label()
        layout = QVBoxLayout(self)
        layout.addWidget(heading_label(self.tr("Suggested matches")))
        layout.addWidget(
            note_label(
                self.tr(
                    "Labels that look alike but are spelt differently; never merged "
                    "until you accept."
                )
            )
        )
        layout.addWidget(self.empty)
        layout.addWidget(self.suggested_tree, 2)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.accept_button)
        row.addWidget(self.reject_button)
        layout.addLayout(row)
        layout.addWidget(heading_label(self.tr("Decided")))
        layout.addWidget(self.decided_tree, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.undo_button)
        layout.addLayout(row)
        room.changed.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        state = self.room.state
        self.suggestions = list(state.merge.suggestions)
        self.suggested_tree.clear()
        for suggestion in self.suggestions:
            first, second = suggestion.labels
            kind = self.tr(KIND_WORDS[suggestion.match.kind])
            self.suggested_tree.addTopLevelItem(
                tree_item(
                    [f"{first} / {second}", "{} / {}".format(*suggestion.named_by)],
                    self.tr("{kind}: “{first}” ({n1} people) and “{second}” ({n2} people)").format(
                        kind=kind,
                        first=first,
                        second=second,
                        n1=suggestion.named_by[0],
                        n2=suggestion.named_by[1],
                    ),
                )
            )
        self.empty.setText(
            "" if self.suggestions else self.tr("No suggestions: every spelling is settled.")
        )
        self.empty.setVisible(not self.suggestions)
        decisions = state.decisions
        self.decided = sorted(decisions.accepted | decisions.rejected)
        self.decided_tree.clear()
        for match in self.decided:
            first, second = state.labels.get(match, (match.first, match.second))
            same = match in decisions.accepted
            self.decided_tree.addTopLevelItem(
                tree_item(
                    [f"{first} / {second}", self.tr("same") if same else self.tr("different")],
                    f"{first} / {second}",
                )
            )
        self._enable()

    def _enable(self) -> None:
        chosen = self._suggestion() is not None
        self.accept_button.setEnabled(chosen)
        self.reject_button.setEnabled(chosen)
        self.undo_button.setEnabled(bool(self.decided_tree.selectedItems()))

    def _suggestion(self) -> Suggestion | None:
        items = self.suggested_tree.selectedItems()
        if not items:
            return None
        return self.suggestions[self.suggested_tree.indexOfTopLevelItem(items[0])]

    def accept(self, suggestion: Suggestion | None) -> None:
        if suggestion is not None:
            self.room.accept(suggestion.match, suggestion.labels)

    def reject(self, suggestion: Suggestion | None) -> None:
        if suggestion is not None:
            self.room.reject(suggestion.match, suggestion.labels)

    def _undo_selected(self) -> None:
        items = self.decided_tree.selectedItems()
        if items:
            self.room.undecide(self.decided[self.decided_tree.indexOfTopLevelItem(items[0])])
