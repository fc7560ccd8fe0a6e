"""The inspector's field editors: each shows a model value and announces the user's edits.

A field never writes to the model: it emits ``edited`` with the value the user chose and the
inspector turns that into an undoable edit. Showing a value never emits ``edited``, and a field
keeps what the user is typing when the model already agrees with it, so refreshes after each
keystroke do not move the cursor.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import QColor, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QColorDialog,
    QComboBox,
    QCompleter,
    QDoubleSpinBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from commapper.model import Mode
from commapper.ui.field_text import DATE_HINT, is_valid_date, vocabulary_word
from commapper.ui.translations import QT_TRANSLATE_NOOP

MIXED: Any = type("Mixed", (), {"__repr__": lambda self: "MIXED"})()
"""Shown when the selected items hold different values for a field."""
MIXED_TEXT = QT_TRANSLATE_NOOP("Field", "(several values)")
DATE_PLACEHOLDER = QT_TRANSLATE_NOOP("DateField", "YYYY, YYYY-MM or YYYY-MM-DD")


def mixed_text() -> str:
    """What a field shows when the selected items hold different values, in the user's language."""
    return QCoreApplication.translate("Field", MIXED_TEXT)


class Field(QObject):
    """One labelled editor in the inspector's form, bound to the model field ``name``."""

    edited = Signal(object)

    def __init__(self, name: str, label: str, widget: QWidget, focus: QWidget | None = None):
        super().__init__(widget)
        self.name, self.label, self.widget = name, label, widget
        # The widget that takes keyboard focus and the label's buddy (a child of ``widget``).
        self.focus = focus or widget
        self.focus.setAccessibleName(label.replace("&", ""))

    def show_values(self, values: Sequence[Any]) -> None:
        """Show the values of all selected items: the common one, or MIXED when they differ."""
        first = values[0]
        self.show_value(first if all(value == first for value in values) else MIXED)

    def show_value(self, value: Any) -> None:
        raise NotImplementedError


class ReadOnlyField(Field):
    """Text the user may read and copy but not change (kind, id, edge ends)."""

    def __init__(self, name: str, label: str) -> None:
        self.line = QLineEdit()
        self.line.setReadOnly(True)
        super().__init__(name, label, self.line)

    def show_value(self, value: Any) -> None:
        self.line.setText(mixed_text() if value is MIXED else str(value))
        self.line.setCursorPosition(0)


class TextField(Field):
    """A one-line text field that commits as the user types (typing merges into one step)."""

    def __init__(
        self,
        name: str,
        label: str,
        to_text: Callable[[Any], str] = lambda value: value or "",
        to_value: Callable[[str], Any] = lambda text: text,
    ) -> None:
        self.line = QLineEdit()
        self.to_text, self.to_value = to_text, to_value
        super().__init__(name, label, self.line)
        self.line.textEdited.connect(self._typed)

    def _typed(self, text: str) -> None:
        self.edited.emit(self.to_value(text))

    def show_value(self, value: Any) -> None:
        if value is MIXED:
            if not self.line.hasFocus():
                self.line.clear()
            self.line.setPlaceholderText(mixed_text())
            return
        self.line.setPlaceholderText("")
        if self.to_value(self.line.text()) != value:
            self.line.setText(self.to_text(value))
            if not self.line.hasFocus():
                self.line.setCursorPosition(0)  # show the start of long text


class DateField(TextField):
    """A partial date, committed when the user presses Enter or leaves the field.

    A date is one gesture: committing each keystroke would store "2022" on the way to
    "2022-11". Text the model would refuse shows a hint and is never committed.
    """

    def __init__(self, name: str, label: str) -> None:
        super().__init__(name, label, lambda value: value or "", lambda text: text.strip() or None)
        self.line.setPlaceholderText(self.tr(DATE_PLACEHOLDER))
        self.hint = QLabel(self.tr(DATE_HINT))
        self.hint.setObjectName("date_hint")
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #b00020;")
        self.hint.hide()
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.line)
        layout.addWidget(self.hint)
        self.widget = box
        self.setParent(box)
        self.line.editingFinished.connect(self._finished)

    def is_valid(self) -> bool:
        text = self.line.text().strip()
        return not text or is_valid_date(text)

    def _typed(self, text: str) -> None:
        valid = self.is_valid()
        self.hint.setVisible(not valid)
        self.line.setAccessibleDescription("" if valid else self.tr(DATE_HINT))

    def _finished(self) -> None:
        if self.is_valid():
            self.edited.emit(self.to_value(self.line.text()))

    def show_value(self, value: Any) -> None:
        if self.line.hasFocus() and self.line.isModified():
            return  # keep the date the user is typing in front of them
        super().show_value(value)
        self.line.setPlaceholderText(mixed_text() if value is MIXED else self.tr(DATE_PLACEHOLDER))
        self.hint.setVisible(not self.is_valid())


class SuggestField(Field):
    """Free text with suggestions (sector, org): an editable combo box; empty means no value."""

    def __init__(self, name: str, label: str, suggestions: Sequence[str]) -> None:
        self.combo = _narrow_combo()
        self.combo.setEditable(True)
        self.combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.combo.addItems(list(suggestions))
        line, completer = self.combo.lineEdit(), self.combo.completer()
        assert line is not None and completer is not None  # an editable combo box has both
        self.line = line
        # Inline completion would commit the typed prefix but show the completed word.
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        super().__init__(name, label, self.combo)
        self.line.textEdited.connect(self._commit)
        self.combo.activated.connect(lambda _index: self._commit(self.combo.currentText()))
        self.line.editingFinished.connect(lambda: self._commit(self.combo.currentText()))

    def _commit(self, text: str) -> None:
        self.edited.emit(text if text.strip() else None)

    def show_value(self, value: Any) -> None:
        line = self.line
        if value is MIXED:
            if not line.hasFocus():
                self.combo.setEditText("")
            line.setPlaceholderText(mixed_text())
            return
        line.setPlaceholderText("")
        current = self.combo.currentText()
        if (current if current.strip() else None) != value:
            self.combo.setEditText(value or "")


class ChoiceField(Field):
    """One of a fixed list of choices, each a (words shown, model value) pair."""

    def __init__(self, name: str, label: str, choices: Sequence[tuple[str, Any]]) -> None:
        self.combo = _narrow_combo()
        self.choices = list(choices)
        self.combo.addItems([text for text, _ in self.choices])
        self.combo.setPlaceholderText(mixed_text())
        super().__init__(name, label, self.combo)
        self.combo.activated.connect(lambda index: self.edited.emit(self.choices[index][1]))

    def show_value(self, value: Any) -> None:
        values = [choice for _, choice in self.choices]
        self.combo.setCurrentIndex(values.index(value) if value in values else -1)


def _narrow_combo() -> QComboBox:
    """A combo box that fits a narrow dock instead of growing to its longest item."""
    combo = QComboBox()
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(8)
    return combo


class _TwoStateCheckBox(QCheckBox):
    """A check box that can show "mixed" but that a click always sets to on or off."""

    def nextCheckState(self) -> None:
        on = self.checkState() != Qt.CheckState.Checked
        self.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)


def _show_check(box: QCheckBox, value: Any) -> None:
    box.setTristate(value is MIXED)
    if value is MIXED:
        box.setCheckState(Qt.CheckState.PartiallyChecked)
    else:
        box.setCheckState(Qt.CheckState.Checked if value else Qt.CheckState.Unchecked)


class CheckField(Field):
    """A yes/no field such as ``directed``."""

    def __init__(self, name: str, label: str, text: str) -> None:
        self.box = _TwoStateCheckBox(text)
        super().__init__(name, label, self.box)
        self.box.clicked.connect(lambda: self.edited.emit(self.box.isChecked()))

    def show_value(self, value: Any) -> None:
        _show_check(self.box, value)


def _mode_name(mode: Mode) -> str:
    """A mode's check box as a screen reader names it."""
    return QCoreApplication.translate("ModesField", "Mode {mode}").format(
        mode=vocabulary_word(mode)
    )


class ModesField(Field):
    """Wenger's three modes of belonging as check boxes; emits (mode, on) for one box."""

    def __init__(self, name: str, label: str) -> None:
        box = QWidget()
        layout = QHBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        self.boxes: dict[Mode, QCheckBox] = {}
        for mode in Mode:
            check = _TwoStateCheckBox(vocabulary_word(mode))
            check.setAccessibleName(_mode_name(mode))
            check.clicked.connect(lambda _on, m=mode, c=check: self.edited.emit((m, c.isChecked())))
            layout.addWidget(check)
            self.boxes[mode] = check
        layout.addStretch(1)
        super().__init__(name, label, box, focus=self.boxes[Mode.ENGAGEMENT])
        self.boxes[Mode.ENGAGEMENT].setAccessibleName(_mode_name(Mode.ENGAGEMENT))

    def show_values(self, values: Sequence[Any]) -> None:
        for mode, check in self.boxes.items():
            has = [mode in modes for modes in values]
            _show_check(check, has[0] if len(set(has)) == 1 else MIXED)

    def show_value(self, value: Any) -> None:
        self.show_values([value])


class NumberField(Field):
    """A positive number such as a tie's weight."""

    def __init__(self, name: str, label: str) -> None:
        self.spin = QDoubleSpinBox()
        self.spin.setRange(0.001, 1_000_000.0)
        self.spin.setDecimals(3)
        super().__init__(name, label, self.spin)
        self._showing = False
        self.spin.valueChanged.connect(self._changed)

    def _changed(self, value: float) -> None:
        if not self._showing:
            self.edited.emit(value)

    def show_value(self, value: Any) -> None:
        if value is MIXED or abs(self.spin.value() - value) < 1e-9:
            return
        self._showing = True
        try:
            self.spin.setValue(value)
        finally:
            self._showing = False


class NotesField(Field):
    """Multi-line plain text; never interpreted as rich text."""

    def __init__(self, name: str, label: str) -> None:
        self.edit = QPlainTextEdit()
        self.edit.setTabChangesFocus(True)  # Tab leaves the field, so keyboard users can move on
        self.edit.setFixedHeight(96)
        super().__init__(name, label, self.edit)
        self._showing = False
        self.edit.textChanged.connect(self._changed)

    def _changed(self) -> None:
        if not self._showing:
            self.edited.emit(self.edit.toPlainText())

    def show_value(self, value: Any) -> None:
        if value is MIXED:
            value = ""
        if self.edit.toPlainText() != value:
            self._showing = True
            try:
                self.edit.setPlainText(value)
            finally:
                self._showing = False


class ColorField(Field):
    """A colour chosen in QColorDialog, or none (then the canvas colours by sector)."""

    def __init__(self, name: str, label: str) -> None:
        box = QWidget()
        layout = QHBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        self.choose = QPushButton()
        self.clear = QPushButton()
        layout.addWidget(self.choose, 1)
        layout.addWidget(self.clear)
        super().__init__(name, label, box, focus=self.choose)
        self.clear.setText(self.tr("Clear"))
        self.clear.setAccessibleName(self.tr("Clear colour"))
        self.choose.setToolTip(
            self.tr("Without a colour of its own, an item takes the colour of its kind or sector")
        )
        self.value: Any = None
        self.choose.clicked.connect(self._pick)
        self.clear.clicked.connect(lambda: self.edited.emit(None))

    def _pick(self) -> None:
        start = QColor(self.value) if isinstance(self.value, str) else QColor("#ffffff")
        color = QColorDialog.getColor(start, self.widget, self.tr("Choose a colour"))
        if color.isValid():
            self.edited.emit(color.name())

    def show_value(self, value: Any) -> None:
        self.value = value
        if value is MIXED or value is None:
            self.choose.setText(mixed_text() if value is MIXED else self.tr("Choose a colour…"))
            self.choose.setIcon(QPixmap())
        else:
            swatch = QPixmap(16, 16)
            swatch.fill(QColor(value))
            self.choose.setIcon(swatch)
            self.choose.setText(f"{value}…")
        self.clear.setEnabled(value is not None)


class ViaField(Field):
    """A crossing's brokers and boundary objects: a checkable list of candidate nodes."""

    def __init__(self, name: str, label: str, candidates: Callable[[], list[tuple[str, str]]]):
        self.list = QListWidget()
        self.list.setMinimumHeight(110)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setMaximumHeight(160)
        self.candidates = candidates
        self._shown: list[tuple[str, str]] = []
        self._showing = False
        self._via: tuple[str, ...] = ()
        super().__init__(name, label, self.list)
        self.list.itemChanged.connect(self._changed)

    def _changed(self, _item: QListWidgetItem) -> None:
        if self._showing:
            return
        checked = [
            self.list.item(row).data(Qt.ItemDataRole.UserRole)
            for row in range(self.list.count())
            if self.list.item(row).checkState() == Qt.CheckState.Checked
        ]
        # Keep the order of the brokers already named; newly ticked ones follow.
        kept = [node_id for node_id in self._via if node_id in checked]
        self._via = (*kept, *(node_id for node_id in checked if node_id not in kept))
        self.edited.emit(self._via)

    def show_value(self, value: Any) -> None:
        self._showing = True
        try:
            candidates = self.candidates()
            if candidates != self._shown:
                self.list.clear()
                for node_id, text in candidates:
                    item = QListWidgetItem(text)
                    item.setData(Qt.ItemDataRole.UserRole, node_id)
                    item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                    self.list.addItem(item)
                self._shown = candidates
            self._via = () if value is MIXED else tuple(value)
            for row in range(self.list.count()):
                item = self.list.item(row)
                on = item.data(Qt.ItemDataRole.UserRole) in self._via
                item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
        finally:
            self._showing = False
