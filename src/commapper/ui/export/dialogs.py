"""The dialogs of File > Export… and File > Share a Copy…: how a picture is drawn (theme, a PNG's
scale and so its DPI, names hidden), and how much of the map a shared copy holds."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from commapper.ui.export.choices import theme_names
from commapper.ui.export.picture import SCREEN_DPI
from commapper.ui.translations import QT_TRANSLATE_NOOP

# Texts marked here are translated where shown, in the context "ExportDialogs".
THEME_NAMES = {
    "canvas": QT_TRANSLATE_NOOP("ExportDialogs", "As the canvas shows it"),
    "light": QT_TRANSLATE_NOOP("ExportDialogs", "Light, for print"),
    "dark": QT_TRANSLATE_NOOP("ExportDialogs", "Dark"),
    "projector": QT_TRANSLATE_NOOP("ExportDialogs", "Projector: black on white, thick lines"),
    "projector-dark": QT_TRANSLATE_NOOP("ExportDialogs", "Projector, dark: white on black"),
}
# The levels of a safe copy, each explained in one line.
SHARE_LEVELS = (
    (
        "full",
        QT_TRANSLATE_NOOP("ExportDialogs", "Full copy"),
        QT_TRANSLATE_NOOP("ExportDialogs", "Everything in the map, as it is."),
    ),
    (
        "pseudonymised",
        QT_TRANSLATE_NOOP("ExportDialogs", "Pseudonymised"),
        QT_TRANSLATE_NOOP(
            "ExportDialogs",
            "People get stable pseudonyms and lose their notes and custom fields; "
            "a key to undo it is saved beside the copy, for you alone.",
        ),
    ),
    (
        "communities",
        QT_TRANSLATE_NOOP("ExportDialogs", "Communities only"),
        QT_TRANSLATE_NOOP(
            "ExportDialogs", "No people at all: the communities, boundary objects and crossings."
        ),
    ),
)


@dataclass(frozen=True)
class PictureOptions:
    """How a picture is drawn: its theme, a PNG's scale (pixels a canvas pixel), and whether
    people's names are hidden (as "Participant n", the numbers the presentation uses)."""

    theme: str = "canvas"
    scale: float = 1.0
    hide_names: bool = False


def default_page() -> str:
    """Letter where the user's locale measures in inches (US), else A4."""
    if QLocale().measurementSystem() == QLocale.MeasurementSystem.ImperialUSSystem:
        return "letter"
    return "a4"


class PictureOptionsDialog(QDialog):
    """Asks how a picture is drawn: the theme, and for a PNG its scale (and so its DPI)."""

    def __init__(self, fmt: str, hide_names: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export Picture"))
        form = QFormLayout(self)
        self.theme = QComboBox()
        for name in theme_names():
            self.theme.addItem(_tr(THEME_NAMES[name]) if name in THEME_NAMES else name, name)
        self.theme.setCurrentIndex(self.theme.findData("canvas"))
        form.addRow(self.tr("&Theme:"), self.theme)
        self.scale = QDoubleSpinBox()
        self.scale.setRange(0.25, 8.0)
        self.scale.setSingleStep(0.5)
        self.scale.setValue(2.0)
        self.scale.setSuffix(" ×")
        self.dpi = QLabel()
        self.scale.valueChanged.connect(self._show_dpi)
        self._show_dpi(self.scale.value())
        if fmt == "png":
            form.addRow(self.tr("&Scale:"), self.scale)
            form.addRow("", self.dpi)
        self.hide_names = QCheckBox(self.tr("&Hide people's names (as Participant 1, 2…)"))
        self.hide_names.setChecked(hide_names)
        form.addRow("", self.hide_names)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _show_dpi(self, scale: float) -> None:
        self.dpi.setText(
            self.tr("{dpi} dots an inch when printed at the canvas's size").format(
                dpi=round(scale * SCREEN_DPI)
            )
        )

    def options(self) -> PictureOptions:
        return PictureOptions(
            theme=str(self.theme.currentData()),
            scale=self.scale.value(),
            hide_names=self.hide_names.isChecked(),
        )


class ShareDialog(QDialog):
    """Asks how much of the map a shared copy holds, each level explained in a line."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Share a Copy"))
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("What should the copy hold?"))
        layout.addWidget(intro)
        self.group = QButtonGroup(self)
        self.buttons: dict[str, QRadioButton] = {}
        for level, name, explanation in SHARE_LEVELS:
            button = QRadioButton(_tr(name))
            button.setObjectName(level)
            self.group.addButton(button)
            self.buttons[level] = button
            layout.addWidget(button)
            line = QLabel(_tr(explanation))
            line.setWordWrap(True)
            line.setContentsMargins(22, 0, 0, 6)
            layout.addWidget(line)
        self.buttons["pseudonymised"].setChecked(True)
        box = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        box.accepted.connect(self.accept)
        box.rejected.connect(self.reject)
        layout.addWidget(box)

    def level(self) -> str:
        return next(level for level, button in self.buttons.items() if button.isChecked())


def _tr(text: str) -> str:
    return QCoreApplication.translate("ExportDialogs", text)
