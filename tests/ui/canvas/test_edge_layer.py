"""The edge layer keeps its picture of a zoomed-out map between frames and redraws only what an
edit changed: after every kind of edit, the window must look as it would drawn afresh."""

from __future__ import annotations

import numpy as np
import pytest
from gestures import drag
from PySide6.QtCore import QPoint
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from benchmarks.generate import generate_map
from commapper.model import MoveNodes, RemoveItems, UpdateItem
from commapper.ui.canvas import edge_layer


def viewport_image(window) -> QImage:
    """The canvas once its edge picture is drawn (on a larger map it comes in slices)."""
    QApplication.processEvents()
    window.view.viewport().grab()
    window.scene.edge_layer.finish_now()
    return window.view.viewport().grab().toImage()


def differing_pixels(first: QImage, second: QImage) -> int:
    """Pixels where any channel differs by more than antialiasing's rounding."""
    return int((abs(pixels(first) - pixels(second)).max(axis=2) > 8).sum())


def pixels(image: QImage) -> np.ndarray:
    image = image.convertToFormat(QImage.Format.Format_RGB32)
    rows = np.frombuffer(image.constBits(), np.uint8).reshape(image.height(), -1)
    return rows[:, : image.width() * 4].reshape(image.height(), image.width(), 4).astype(int)


def kept_and_fresh(window) -> tuple[QImage, QImage]:
    kept = viewport_image(window)
    window.scene.edge_layer.invalidate()  # forget the picture: the next frame draws anew
    return kept, viewport_image(window)


@pytest.fixture
def zoomed_out(window_on):
    window = window_on(generate_map(300))
    window.resize(700, 500)
    viewport_image(window)
    window.view.fit_to_window()
    # Zoomed by hand: the view no longer refits when an edit changes the map's extent.
    window.view.set_zoom(window.view.zoom * 0.9)
    viewport_image(window)
    return window


def busiest_person(window) -> str:
    scene = window.scene
    people = [i for i, item in scene.node_items.items() if scene.doc.node(i).kind == "person"]
    return max(people, key=lambda i: len(scene.node_items[i].edges))


@pytest.mark.parametrize("edit", ["move", "drag", "remove", "select", "undo", "recolour"])
def test_after_an_edit_the_kept_picture_matches_a_fresh_one(zoomed_out, edit):
    window, session = zoomed_out, zoomed_out.session
    node_id = busiest_person(window)
    before = viewport_image(window)
    match edit:
        case "move" | "undo":
            node = session.doc.node(node_id)
            session.edit(MoveNodes({node_id: (node.x + 150.0, node.y - 90.0)}), "Move")
            if edit == "undo":
                viewport_image(window)
                session.undo_stack.undo()
        case "drag":
            start = window.view.mapFromScene(window.scene.node_items[node_id].scenePos())
            drag(window.view, start, start + QPoint(40, -25))
            assert session.doc.node(node_id).x != window.scene.node_items[node_id].x() - 1
        case "remove":
            session.edit(RemoveItems(frozenset([node_id])), "Delete")
        case "select":
            session.selection.set([node_id])
        case "recolour":
            edges = window.scene.node_items[node_id].edges  # the longest: plain to see
            edge_id = max(edges, key=lambda edge: (edge.curve.length(), edge.edge_id)).edge_id
            session.edit(UpdateItem(edge_id, {"color": "#d03030"}), "Colour")
    kept, fresh = kept_and_fresh(window)
    if edit != "undo":
        assert differing_pixels(before, fresh) > 0, "the edit should change the picture"
    if edit == "select":
        # The picture kept still has the lines, plain, under their highlight; a fresh one is
        # drawn without them. Only the edges of the wider highlight may tell the two apart.
        lit = [edge for edge in window.scene.edge_items.values() if edge.lit]
        assert lit and far_from_lines(window, kept, fresh, lit, pixels_away=3) == 0
    else:
        assert differing_pixels(kept, fresh) == 0


def test_moving_a_selected_node_again_needs_no_new_picture(zoomed_out):
    window, session = zoomed_out, zoomed_out.session
    layer, node_id = window.scene.edge_layer, busiest_person(window)
    session.selection.set([node_id])
    for step in range(3):
        node = session.doc.node(node_id)
        session.edit(MoveNodes({node_id: (node.x + 40.0, node.y)}), "Nudge")
        viewport_image(window)
        if step == 0:
            picture = layer._picture  # drawn anew once, without the node's lines
    assert layer._picture is picture
    kept, fresh = kept_and_fresh(window)
    assert differing_pixels(kept, fresh) == 0


def far_from_lines(window, first: QImage, second: QImage, edges, pixels_away: float) -> int:
    """Pixels that differ farther than ``pixels_away`` from every one of ``edges``."""
    differ = np.argwhere(abs(pixels(first) - pixels(second)).max(axis=2) > 8)[:, ::-1]
    view = window.view
    points = []  # along each edge, straight or curved, in the viewport
    for edge in edges:
        for step in range(201):
            point = view.mapFromScene(edge.curve.pointAtPercent(step / 200))
            points.append((point.x(), point.y()))
    along = np.array(points, float)
    nearest = np.hypot(*(differ[:, None, :] - along[None, :, :]).transpose(2, 0, 1)).min(axis=1)
    return int((nearest > pixels_away).sum())


def test_a_new_picture_drawn_in_slices_ends_as_a_fresh_one(zoomed_out, qtbot, monkeypatch):
    """On a large map the picture is drawn between events; here every slice is one step."""
    monkeypatch.setattr(edge_layer, "SLICE_SECONDS", 0.0)
    window, session = zoomed_out, zoomed_out.session
    layer, node_id = window.scene.edge_layer, busiest_person(window)
    node = session.doc.node(node_id)
    session.edit(MoveNodes({node_id: (node.x + 150.0, node.y - 90.0)}), "Move")
    window.view.viewport().grab()  # begins the new picture
    assert not layer.settled, "a slice of one step should not draw the whole picture"
    moved = window.scene.node_items[node_id].edges
    assert moved <= layer._changed, "the moved lines are drawn live meanwhile"
    qtbot.waitUntil(lambda: layer.settled)
    window.view.viewport().grab()
    kept, fresh = kept_and_fresh(window)
    assert differing_pixels(kept, fresh) == 0
