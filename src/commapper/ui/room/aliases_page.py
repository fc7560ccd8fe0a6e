"""The review panel's alias table: groups of spellings that are one thing, edited one undo step
at a time and saved in the room's folder.

The table lists the facilitator's groups and, after them, the matches they accepted, as
``aliases.json`` holds them (an accepted match is written as a group of its two spellings).
Removing an accepted match's row undoes the decision; a spelling added to it makes it a group
of the table's own, in the same undo step."""

from __future__ import annotations

import dataclasses

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from commapper.model import printable
from commapper.ui.room.review import KIND_WORDS, note_label, tree_item, tree_widget
from commapper.ui.room.room_map import ALIASES_FILE, RoomMap
from commapper.workshop.matching import (
    MATCH_KINDS,
    Aliases,
    AliasGroup,
    Decisions,
    Match,
    MatchKind,
)

FIELD_CHARS = 36  # the width of the New Alias Group dialog's fields, in characters


class AliasesPage(QWidget):
    """The alias table: groups of spellings that name one thing, each shown as its label."""

    def __init__(self, room: RoomMap) -> None:
        super().__init__()
        self.room = room
        self.tree = tree_widget([self.tr("Spellings"), self.tr("Kind")])
        self.tree.setRootIsDecorated(True)
        self.tree.setAccessibleName(self.tr("Aliases"))
        self.tree.itemSelectionChanged.connect(self._enable)
        new_group = QPushButton(self.tr("New Group…"))
        new_group.clicked.connect(self._ask_new_group)
        self.add_button = QPushButton(self.tr("Add Spelling…"))
        self.add_button.clicked.connect(self._ask_spelling)
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.clicked.connect(self._remove_selected)
        layout = QVBoxLayout(self)
        layout.addWidget(
            note_label(
                self.tr(
                    "Spellings in one group are one node in the room map, shown with the "
                    "group's name. Saved in {file} in the folder."
                ).format(file=ALIASES_FILE)
            )
        )
        layout.addWidget(self.tree, 1)
        row = QHBoxLayout()
        row.addWidget(new_group)
        row.addStretch(1)
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        layout.addLayout(row)
        room.changed.connect(self.refresh)
        self.refresh()

    @property
    def aliases(self) -> Aliases:
        return self.room.room.aliases

    @property
    def rows(self) -> list[tuple[AliasGroup, Match | None]]:
        """The table's groups in order: the facilitator's, then each accepted match (with the
        match), as the alias file holds them."""
        rows: list[tuple[AliasGroup, Match | None]] = [(group, None) for group in self.aliases.same]
        labels = self.room.labels
        for match in sorted(self.room.room.decisions.accepted):
            first, second = labels.get(match, (match.first, match.second))
            rows.append((AliasGroup(first, (second,), match.kind), match))
        return rows

    def refresh(self) -> None:
        self.tree.clear()
        for group, match in self.rows:
            kind = self.tr(KIND_WORDS[group.kind])
            if match is not None:
                kind = self.tr("{kind}, accepted match").format(kind=kind)
            item = tree_item([group.label, kind], group.label)
            for spelling in group.also:
                item.addChild(tree_item([spelling, ""], spelling))
            self.tree.addTopLevelItem(item)
            item.setExpanded(True)
        self._enable()

    def _selected(self) -> tuple[int, int | None] | None:
        """The selected group's index, and the selected spelling's in it (None: the group)."""
        items = self.tree.selectedItems()
        if not items:
            return None
        item = items[0]
        parent = item.parent()
        if parent is None:
            return self.tree.indexOfTopLevelItem(item), None
        return self.tree.indexOfTopLevelItem(parent), parent.indexOfChild(item)

    def _enable(self) -> None:
        selected = self._selected()
        self.add_button.setEnabled(selected is not None)
        self.remove_button.setEnabled(selected is not None)

    # -- the edits, each one undo step -----------------------------------------------------------

    def add_group(self, label: str, spellings: tuple[str, ...], kind: MatchKind | None) -> None:
        label = label.strip()
        if not label:
            return
        group = AliasGroup(label, tuple(s.strip() for s in spellings if s.strip()), kind)
        aliases = dataclasses.replace(self.aliases, same=(*self.aliases.same, group))
        self.room.set_aliases(aliases, self.tr("New alias group {label}").format(label=label))

    def add_spelling(self, index: int, spelling: str) -> None:
        spelling = spelling.strip()
        group, match = self.rows[index]
        if not spelling or spelling in group.also:
            return
        changed = dataclasses.replace(group, also=(*group.also, spelling))
        text = self.tr("Alias {spelling} for {label}").format(spelling=spelling, label=group.label)
        if match is None:
            self.room.set_aliases(self._with_group(index, changed), text)
            return
        # An accepted match with a third spelling is a group of the table's own.
        decisions: Decisions = self.room.room.decisions.undo(match)
        aliases = dataclasses.replace(self.aliases, same=(*self.aliases.same, changed))
        self.room.set_aliases(aliases, text, decisions)

    def remove_spelling(self, index: int, spelling: str) -> None:
        group, match = self.rows[index]
        if match is not None:  # an accepted match is its two spellings: undo the decision
            self.room.undecide(match)
            return
        changed = dataclasses.replace(group, also=tuple(s for s in group.also if s != spelling))
        self.room.set_aliases(
            self._with_group(index, changed),
            self.tr("Remove alias {spelling} of {label}").format(
                spelling=spelling, label=group.label
            ),
        )

    def remove_group(self, index: int) -> None:
        match = self.rows[index][1]
        if match is not None:
            self.room.undecide(match)
            return
        same = list(self.aliases.same)
        group = same.pop(index)
        self.room.set_aliases(
            dataclasses.replace(self.aliases, same=tuple(same)),
            self.tr("Remove alias group {label}").format(label=group.label),
        )

    def _with_group(self, index: int, group: AliasGroup) -> Aliases:
        same = list(self.aliases.same)
        same[index] = group
        return dataclasses.replace(self.aliases, same=tuple(same))

    # -- the dialogs -----------------------------------------------------------------------------

    def _ask_new_group(self) -> None:
        dialog = AliasGroupDialog(self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.add_group(dialog.label.text(), (dialog.spelling.text(),), dialog.kind())

    def _ask_spelling(self) -> None:
        selected = self._selected()
        if selected is None:
            return
        group = self.rows[selected[0]][0]
        spelling, ok = QInputDialog.getText(
            self,
            self.tr("Add Spelling"),
            self.tr("Another spelling of {label}:").format(label=printable(group.label)),
        )
        if ok:
            self.add_spelling(selected[0], spelling)

    def _remove_selected(self) -> None:
        selected = self._selected()
        if selected is None:
            return
        index, spelling = selected
        if spelling is None:
            self.remove_group(index)
        else:
            self.remove_spelling(index, self.rows[index][0].also[spelling])


class AliasGroupDialog(QDialog):
    """A new alias group: the name it is shown with, one other spelling, and its kind."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New Alias Group"))
        self.label = QLineEdit()
        self.label.setPlaceholderText(self.tr("e.g. Open data circle"))
        self.spelling = QLineEdit()
        self.spelling.setPlaceholderText(self.tr("e.g. ODC"))
        self.kinds = QComboBox()
        for kind in (None, *MATCH_KINDS):
            self.kinds.addItem(self.tr(KIND_WORDS[kind]), kind)
        # Room for a community's name and the placeholders, which a default line edit cuts.
        width = self.fontMetrics().horizontalAdvance("x" * FIELD_CHARS)
        for field in (self.label, self.spelling):
            field.setMinimumWidth(width)
        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.addRow(self.tr("Shown as:"), self.label)
        form.addRow(self.tr("Also spelt:"), self.spelling)
        form.addRow(self.tr("Kind:"), self.kinds)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def kind(self) -> MatchKind | None:
        kind: MatchKind | None = self.kinds.currentData()
        return kind
