"""A finding clicked to be shown on the map stays readable when the focus moves on."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QListWidgetItem, QVBoxLayout, QWidget

from commapper.ui.panels.analysis_dock import FindingsList


def _dark_pixels(image, rect):
    return sum(
        1
        for x in range(rect.left(), rect.right(), 2)
        for y in range(rect.top(), rect.bottom(), 2)
        if image.pixelColor(x, y).lightness() < 110
    )


def test_the_shown_finding_keeps_its_text_visible(qtbot):
    holder = QWidget()
    layout = QVBoxLayout(holder)
    findings, elsewhere = FindingsList(), QLineEdit()
    layout.addWidget(findings)
    layout.addWidget(elsewhere)
    for text in ("You are the only direct link between 55 pairs of your communities.",
                 "Community choir is a silo: nothing links it to another community."):  # fmt: skip
        findings.addItem(QListWidgetItem(text))
    qtbot.addWidget(holder)
    holder.resize(360, 200)
    holder.show()
    qtbot.waitExposed(holder)
    unselected = _dark_pixels(findings.viewport().grab().toImage(), findings.visualItemRect(
        findings.item(0)))  # fmt: skip
    findings.setCurrentRow(0)
    elsewhere.setFocus()  # the map takes the focus when the finding is shown on it
    qtbot.wait(50)
    image = findings.viewport().grab().toImage()
    assert _dark_pixels(image, findings.visualItemRect(findings.item(0))) > unselected * 0.5
