"""Hostile files opened the ways a user opens them: File > Open and `commapper FILE`.

Each must end in a message box with the sentence that says what is wrong: no exception, no
hang, nothing written next to the file, and the window still on its welcome screen.
"""

from __future__ import annotations

import json
import os
import sys
import threading

import pytest
from PySide6.QtCore import QThread, QTimer
from PySide6.QtGui import QTextDocumentFragment
from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit, QMessageBox

MAP = {"format": "commapper-map", "schema_version": 1}


def _fifo(path):
    os.mkfifo(path)


def _loop(path):
    path.symlink_to(path.with_name("other.commap"))
    path.with_name("other.commap").symlink_to(path)


def _json(**content):
    return lambda path: path.write_text(json.dumps({**MAP, **content}), encoding="utf-8")


def _oversized(path):
    with path.open("wb") as stream:
        stream.truncate(64 * 2**20 + 1)  # sparse: nothing is written to the disk


# How each file is made, and the sentence the message box must hold.
HOSTILE = {
    "named pipe": (_fifo, "this is a named pipe (FIFO), not a map file"),
    "link loop": (
        _loop, "this is a symbolic link that leads back to itself (a loop), not a map file"
    ),
    "far away": (
        _json(nodes=[{"id": "p", "kind": "person", "x": 1e21, "y": 0}, {"id": "q", "kind": "me"}]),
        "nodes[0].x: must be between -1,000,000,000 and 1,000,000,000 (found 1e+21)",
    ),
    "at the ends of the doubles": (
        _json(nodes=[{"id": "p", "kind": "person", "x": 1e308, "y": 1e308},
                     {"id": "q", "kind": "person", "x": -1e308, "y": -1e308}]),
        "nodes[1].y: must be between -1,000,000,000 and 1,000,000,000 (found -1e+308)",
    ),
    "text for a number": (
        _json(nodes=[{"id": "p", "kind": "person", "x": "12.5", "y": 0}]),
        'nodes[0].x: should be a number (found "12.5")',
    ),
    "one byte too many": (
        _oversized,
        "the file is 67,108,865 bytes; a map file may be at most 64 MiB (67,108,864 bytes)",
    ),
    "UTF-16": (
        lambda path: path.write_text(json.dumps(MAP), encoding="utf-16"),
        "this file is UTF-16 text; save it as UTF-8",
    ),
}  # fmt: skip


class Hand:
    """Answers the dialogs the app opens, as a user would: picks ``choose`` in a file dialog once,
    reads and closes message boxes. ``when_idle`` is done when no dialog is open in the app's own
    event loop (``run_app`` waits there until the last window closes)."""

    def __init__(self, choose=None, when_idle=None):
        self.choose = choose
        self.when_idle = when_idle
        self.messages: list[tuple[str, str]] = []
        self.timer = QTimer()
        self.timer.setInterval(10)
        self.timer.timeout.connect(self.step)
        self.timer.start()

    def step(self):
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, QFileDialog):
            if self.choose is None:
                dialog.reject()
                return
            # Typed into the name box: choosing in the list waits for the folder to load.
            dialog.findChild(QLineEdit, "fileNameEdit").setText(str(self.choose))
            self.choose = None
            # Later, not inside this tick: Qt does not run a timer's slot again while it is
            # still running, and Open may show a box of its own.
            QTimer.singleShot(0, dialog.accept)
        elif isinstance(dialog, QMessageBox):
            # The details are shown as typed: markup whose plain text is the message.
            details = QTextDocumentFragment.fromHtml(dialog.informativeText()).toPlainText()
            self.messages.append((dialog.text(), details))
            dialog.accept()
        elif self.when_idle is not None and QThread.currentThread().loopLevel() == 1:
            self.when_idle()

    def stop(self):
        self.timer.stop()


def folder_state(folder):
    return sorted(
        (
            entry.name,
            entry.stat(follow_symlinks=False).st_mtime_ns,
            entry.stat(follow_symlinks=False).st_size,
        )
        for entry in os.scandir(folder)
    )


@pytest.fixture
def hostile(tmp_path):
    """Make the named hostile file in a folder of its own; returns its path and sentence."""

    def make(name):
        build, sentence = HOSTILE[name]
        (tmp_path / "maps").mkdir()
        path = tmp_path / "maps" / "hostile.commap"
        build(path)
        return path, sentence

    return make


def open_with_file_open(window, path) -> list[tuple[str, str]]:
    """Choose ``path`` in File > Open; returns the message boxes shown."""
    hand = Hand(choose=path)
    try:
        window.open_action.trigger()
    finally:
        hand.stop()
    return hand.messages


@pytest.mark.parametrize("name", [name for name in HOSTILE if name != "link loop"])
def test_file_open_shows_what_is_wrong_with_a_hostile_file(make_window, hostile, name):
    path, sentence = hostile(name)
    before = folder_state(path.parent)
    window = make_window(None, show_welcome=True)
    ((heading, details),) = open_with_file_open(window, path)
    assert heading == f"Cannot open {path.name}"
    assert any(sentence in line for line in details.splitlines()), details
    assert window.stack.currentWidget() is window.welcome
    assert folder_state(path.parent) == before


def test_file_open_cannot_even_choose_a_link_loop(make_window, hostile):
    """Qt's own dialog finds no file there; the app is never asked to open it."""
    path, _ = hostile("link loop")
    window = make_window(None, show_welcome=True)
    ((heading, _),) = open_with_file_open(window, path)
    assert "File not found" in heading
    assert window.stack.currentWidget() is window.welcome


@pytest.mark.parametrize("name", HOSTILE)
def test_commapper_file_shows_what_is_wrong_with_a_hostile_file(
    hostile, name, commapper_app, monkeypatch
):
    """`commapper FILE` as the command line runs it: run_app opens the file, then waits."""
    from commapper.ui.app import run_app
    from commapper.ui.shell.diagnostics import log

    # run_app installs the app's exception hook and log file; the next test gets its own.
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    monkeypatch.setattr(log, "handlers", list(log.handlers))
    path, sentence = hostile(name)
    before = folder_state(path.parent)

    def close_the_window():  # as the user does after reading the message; the app then ends
        for window in list(commapper_app.windows):
            window.close()

    hand = Hand(when_idle=close_the_window)
    try:
        assert run_app(str(path), commapper_app) == 0
    finally:
        hand.stop()
    assert commapper_app.windows == []
    ((heading, details),) = hand.messages
    assert heading == f"Cannot open {path.name}"
    assert any(sentence in line for line in details.splitlines()), details
    assert folder_state(path.parent) == before
