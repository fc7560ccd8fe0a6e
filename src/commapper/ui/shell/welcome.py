"""The welcome screen: start a new map, open one, or explore an example."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from commapper import APP_NAME
from commapper.io import MapFileError, load_map
from commapper.model import printable
from commapper.resources import example_maps
from commapper.ui.plain_text import plain_markup

PATH_ROLE = Qt.ItemDataRole.UserRole


class WelcomeScreen(QWidget):
    """What a window shows before a map is open."""

    new_requested = Signal()
    open_requested = Signal()
    open_path = Signal(Path)

    def __init__(self, recent_paths: list[Path], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Welcome"))
        title = QLabel(APP_NAME)
        font = QFont(title.font())
        font.setPointSizeF(font.pointSizeF() * 2.2)
        font.setBold(True)
        title.setFont(font)
        blurb = QLabel(
            self.tr(
                "Map the communities of practice you take part in, the people and boundary "
                "objects that connect them, and the crossings between them. Then see your breadth "
                "and who or what brokers between your communities."
            )
        )
        blurb.setWordWrap(True)
        blurb.setMaximumWidth(620)

        new_button = QPushButton(self.tr("New map"))
        new_button.setDefault(True)
        new_button.clicked.connect(self.new_requested)
        open_button = QPushButton(self.tr("Open…"))
        open_button.clicked.connect(self.open_requested)
        buttons = QHBoxLayout()
        buttons.addWidget(new_button)
        buttons.addWidget(open_button)
        buttons.addStretch()

        self.recent_list = self._path_list(
            self.tr("Recent maps"), [(p.name, str(p.parent), p) for p in recent_paths]
        )
        self.examples_list = self._path_list(
            self.tr("Example maps"),
            [(self._title_of(path), path.name, path) for path in example_maps()],
        )
        lists = QHBoxLayout()
        for heading, widget in (
            (self.tr("Recent maps"), self.recent_list),
            (self.tr("Examples"), self.examples_list),
        ):
            column = QVBoxLayout()
            label = QLabel(heading)
            label.setBuddy(widget)
            label.setStyleSheet("font-weight: bold")
            column.addWidget(label)
            column.addWidget(widget)
            lists.addLayout(column)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 40, 48, 40)
        layout.addWidget(title)
        layout.addWidget(blurb)
        layout.addSpacing(12)
        layout.addLayout(buttons)
        layout.addSpacing(18)
        layout.addLayout(lists, stretch=1)
        if not recent_paths:
            self.recent_list.addItem(QListWidgetItem(self.tr("No recent maps yet")))
            self.recent_list.setEnabled(False)

    def _path_list(self, name: str, rows: list[tuple[str, str, Path]]) -> QListWidget:
        widget = QListWidget()
        widget.setAccessibleName(name)
        widget.setSpacing(6)  # each entry is two lines: keep entries apart
        for title, detail, path in rows:
            # A file's name and folder, each on its line: no control characters to break them.
            item = QListWidgetItem(f"{printable(title)}\n{printable(detail)}")
            item.setData(PATH_ROLE, path)
            item.setToolTip(plain_markup(printable(str(path))))
            widget.addItem(item)
        widget.itemActivated.connect(self._activated)
        widget.itemClicked.connect(self._activated)
        return widget

    def _activated(self, item: QListWidgetItem) -> None:
        path = item.data(PATH_ROLE)
        if path is not None:
            self.open_path.emit(Path(path))

    @staticmethod
    def _title_of(path: Path) -> str:
        try:
            return load_map(path).title or path.stem
        except MapFileError:
            return path.stem
