"""Connect Mode: drag from one node to another, or click one and then the other."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication
from six_communities import six_community_map

from commapper.model import MoveNodes


def _send(view, kind, scene_point, buttons):
    viewport = view.viewport()
    point = view.mapFromScene(scene_point)
    button = Qt.MouseButton.NoButton if kind == QEvent.Type.MouseMove else Qt.MouseButton.LeftButton
    event = QMouseEvent(
        kind, QPointF(point), QPointF(viewport.mapToGlobal(point)), button, buttons,
        Qt.KeyboardModifier.NoModifier,
    )  # fmt: skip
    QApplication.sendEvent(viewport, event)


def _click(view, scene_point):
    left = Qt.MouseButton.LeftButton
    _send(view, QEvent.Type.MouseButtonPress, scene_point, left)
    _send(view, QEvent.Type.MouseButtonRelease, scene_point, Qt.MouseButton.NoButton)


def _ready(window_on):
    window = window_on(six_community_map())
    away = {node.id: (3000.0 + 200 * i, 3000.0) for i, node in enumerate(window.session.doc.nodes)}
    window.session.edit(MoveNodes({**away, "p2": (0.0, 0.0), "c5": (300.0, 0.0)}), "Apart")
    window.view.set_zoom(1.0)
    window.view.centerOn(150, 0)
    window.actions_.connect_mode.setChecked(True)
    return window


def _edges(doc, a, b):
    return [e for e in doc.edges if {e.source, e.target} == {a, b}]


def test_click_one_node_then_the_other_connects_them(window_on):
    window = _ready(window_on)
    scene, doc = window.scene, window.session.doc
    messages = []
    scene.status_message.connect(messages.append)
    _click(window.view, scene.node_items["p2"].pos())
    assert not _edges(doc, "p2", "c5")
    assert "Now click the node to connect Ben to" in messages[-1]
    _send(window.view, QEvent.Type.MouseMove, QPointF(200, 20), Qt.MouseButton.NoButton)
    _click(window.view, scene.node_items["c5"].pos())
    (edge,) = _edges(doc, "p2", "c5")
    assert edge.kind == "membership"
    assert window.session.undo_stack.undoText() == "Connect Ben to Sunday football club"


def test_escape_or_a_click_on_empty_canvas_cancels(window_on, qtbot):
    window = _ready(window_on)
    scene, doc = window.scene, window.session.doc
    edges = len(doc.edges)
    _click(window.view, scene.node_items["p2"].pos())
    qtbot.keyClick(window.view, Qt.Key.Key_Escape)
    _click(window.view, scene.node_items["c5"].pos())  # now the first click again
    _click(window.view, QPointF(150, 400))  # empty canvas
    assert len(doc.edges) == edges
    assert not [item for item in scene.items() if item.zValue() == 10]  # no line left behind
