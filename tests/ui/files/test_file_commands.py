"""File > Save on a file that is read-only: the window asks before replacing it."""

from __future__ import annotations

import stat

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from commapper.io import load_map, save_map
from commapper.model import UpdateItem
from commapper.resources import DEFAULT_EXAMPLE


def answer_next_question(button: QMessageBox.StandardButton) -> list[str]:
    """Press ``button`` in the question the next call asks, keeping the question's text."""
    seen: list[str] = []

    def answer():
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            seen.append(box.text())
            box.button(button).click()

    QTimer.singleShot(0, answer)
    return seen


@pytest.fixture
def read_only_map(tmp_path):
    path = tmp_path / "shared.commap"
    save_map(load_map(DEFAULT_EXAMPLE), path)
    path.chmod(0o444)
    return path


def rename_first_node(window) -> None:
    node = window.session.doc.nodes[0]
    window.session.edit(UpdateItem(node.id, {"label": "Renamed"}), "Rename")


def test_saving_a_read_only_file_asks_and_cancel_leaves_it_alone(make_window, read_only_map):
    before = read_only_map.read_bytes()
    window = make_window(read_only_map)
    rename_first_node(window)
    asked = answer_next_question(QMessageBox.StandardButton.Cancel)
    window.save_action.trigger()
    assert asked == ["shared.commap is read-only. Save anyway?"]
    assert read_only_map.read_bytes() == before
    assert window.session.is_modified


def test_saving_a_read_only_file_anyway_replaces_it_and_keeps_it_read_only(
    make_window, read_only_map
):
    window = make_window(read_only_map)
    rename_first_node(window)
    asked = answer_next_question(QMessageBox.StandardButton.Save)
    window.save_action.trigger()
    assert asked == ["shared.commap is read-only. Save anyway?"]
    assert load_map(read_only_map).nodes[0].label == "Renamed"
    assert stat.S_IMODE(read_only_map.stat().st_mode) == 0o444
    assert not window.session.is_modified
