"""The room map's windows, opened on a folder as File > New Room Map from Folder does."""

from __future__ import annotations

import pytest


@pytest.fixture
def open_room_window(qtbot, commapper_app):
    """Open a room window on a folder: ``(window, its RoomPanel)``."""
    from commapper.ui.room.actions import open_room
    from commapper.ui.room.room_dock import RoomPanel

    def make(folder):
        window = open_room(commapper_app, folder)
        qtbot.addWidget(window, before_close_func=lambda w: w.session.undo_stack.setClean())
        window.show()
        qtbot.waitExposed(window)
        return window, window.findChild(RoomPanel)

    return make
