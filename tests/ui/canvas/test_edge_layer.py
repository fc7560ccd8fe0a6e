"""The edge layer keeps its picture of a zoomed-out map between frames and redraws only what an
edit changed: after every kind of edit, the window must look as it would drawn afresh."""

from __future__ import annotations

import pytest
from canvas_pictures import differing_pixels, far_from_lines, kept_and_fresh, viewport_image
from gestures import drag
from PySide6.QtCore import QPoint

from benchmarks.generate import generate_map
from commapper.model import MoveNodes, RemoveItems, UpdateItem
from commapper.ui.canvas import edge_layer, picture_layer, slices


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
            # Every line of the node: one may lie under the labels.
            for edge in sorted(window.scene.node_items[node_id].edges, key=lambda e: e.edge_id):
                session.edit(UpdateItem(edge.edge_id, {"color": "#d03030"}), "Colour")
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


def test_a_selection_of_more_lines_than_can_be_drawn_live_is_drawn_into_the_picture(zoomed_out):
    """A rubber band over a room map lights thousands of lines: the picture has them,
    highlighted, rather than each frame drawing them live; let go, they are plain again."""
    window, session = zoomed_out, zoomed_out.session
    layer = window.scene.edge_layer
    people = [i for i in window.scene.node_items if session.doc.node(i).kind == "person"]
    session.selection.set(people)
    lit = [edge for edge in window.scene.edge_items.values() if edge.lit]
    assert len(lit) > picture_layer.LIVE_LIMIT
    kept, fresh = kept_and_fresh(window)
    assert differing_pixels(kept, fresh) == 0
    assert not layer.left_out and layer._lit_live() == set()
    session.selection.set([])
    kept, fresh = kept_and_fresh(window)
    assert differing_pixels(kept, fresh) == 0
    assert not any(edge.lit for edge in window.scene.edge_items.values())


def test_lines_removed_while_a_picture_is_drawn_in_slices_are_left_out_of_it(
    zoomed_out, qtbot, monkeypatch
):
    """The user deletes a node while the next picture is drawn between events: its lines,
    gathered when the picture was begun, are gone from the map by the time it draws them."""
    monkeypatch.setattr(slices, "SLICE_SECONDS", 0.0)
    monkeypatch.setattr(picture_layer, "FIRST_SLICE_SECONDS", 0.0)
    monkeypatch.setattr(edge_layer, "STEP", 1)  # a line a step
    window, session = zoomed_out, zoomed_out.session
    layer = window.scene.edge_layer
    last_line = list(window.scene.edge_items.values())[-1]  # among the last the picture draws
    node_id = next(
        end.node_id for end in (last_line.source, last_line.target) if end.node_id != "me"
    )
    other = next(i for i in window.scene.node_items if i not in (node_id, "me"))
    node = session.doc.node(other)
    session.edit(MoveNodes({other: (node.x + 150.0, node.y - 90.0)}), "Move")
    window.view.viewport().grab()  # begins the new picture, a step a slice
    assert not layer.settled
    window.scene.restyle()  # an overlay turned on: each line reads its look afresh
    session.edit(RemoveItems(frozenset([node_id])), "Delete")
    qtbot.waitUntil(lambda: layer.settled)
    kept, fresh = kept_and_fresh(window)
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
            picture = layer.picture  # drawn anew once, without the node's lines
    assert layer.picture is picture
    kept, fresh = kept_and_fresh(window)
    assert differing_pixels(kept, fresh) == 0


def test_a_new_picture_drawn_in_slices_ends_as_a_fresh_one(zoomed_out, qtbot, monkeypatch):
    """On a large map the picture is drawn between events; here every slice is one step."""
    monkeypatch.setattr(slices, "SLICE_SECONDS", 0.0)
    monkeypatch.setattr(picture_layer, "FIRST_SLICE_SECONDS", 0.0)
    window, session = zoomed_out, zoomed_out.session
    layer, node_id = window.scene.edge_layer, busiest_person(window)
    node = session.doc.node(node_id)
    session.edit(MoveNodes({node_id: (node.x + 150.0, node.y - 90.0)}), "Move")
    window.view.viewport().grab()  # begins the new picture
    assert not layer.settled, "a slice of one step should not draw the whole picture"
    moved = window.scene.node_items[node_id].edges
    assert moved <= layer.changed_since, "the moved lines are drawn live meanwhile"
    qtbot.waitUntil(lambda: layer.settled)
    window.view.viewport().grab()
    kept, fresh = kept_and_fresh(window)
    assert differing_pixels(kept, fresh) == 0


def test_more_lines_changed_while_a_picture_is_drawn_than_can_be_drawn_live_wait_for_the_next(
    zoomed_out, qtbot, monkeypatch
):
    """Thousands of lines moved while the next picture was drawn in slices (a layout landing)
    were all drawn live over it, every frame, until the picture after: no more than
    LIVE_LIMIT are; the rest wait for the next picture, which ends as a fresh one."""
    monkeypatch.setattr(slices, "SLICE_SECONDS", 0.0)
    monkeypatch.setattr(picture_layer, "FIRST_SLICE_SECONDS", 0.0)
    monkeypatch.setattr(picture_layer, "LIVE_LIMIT", 20)
    window, session = zoomed_out, zoomed_out.session
    layer = window.scene.edge_layer
    drawn_live = []  # when each picture is done, the lines it lacks, drawn live over it
    picture_done = layer.picture_done
    monkeypatch.setattr(
        layer, "picture_done", lambda: (drawn_live.append(len(layer.changed_since)), picture_done())
    )
    node = session.doc.node(busiest_person(window))
    session.edit(MoveNodes({node.id: (node.x + 150.0, node.y - 90.0)}), "Move")
    window.view.viewport().grab()  # begins the new picture, a step a slice
    assert not layer.settled
    everyone = {n.id: (n.x + 30.0, n.y + 20.0) for n in session.doc.nodes}
    session.edit(MoveNodes(everyone), "Move everyone")
    assert len(layer.changed_since_next) > 20
    qtbot.waitUntil(lambda: layer.settled)
    assert drawn_live and max(drawn_live) <= 20
    kept, fresh = kept_and_fresh(window)
    assert differing_pixels(kept, fresh) == 0
