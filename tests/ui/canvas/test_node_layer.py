"""On a large map the nodes are drawn from the node layer's picture, and an item draws itself only
while the picture lacks it: after every kind of edit, the window must look as it would drawn
afresh, and once a new picture has them the items draw nothing again."""

from __future__ import annotations

import gc

import pytest
from canvas_pictures import (
    differing_pixels,
    far_from_lines,
    kept_and_fresh,
    pixels,
    viewport_image,
)
from gestures import drag, send_mouse
from PySide6.QtCore import QEvent, QPoint, QRect, QRectF, Qt
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene

from benchmarks.generate import generate_map
from commapper.model import InsertItems, MoveNodes, PersonNode, RemoveItems, UpdateItem
from commapper.ui.canvas import picture_layer, slices
from commapper.ui.canvas.node_layer import PICTURE_NODES

NO_CONTENTS = QGraphicsItem.GraphicsItemFlag.ItemHasNoContents
BSP_INDEX = QGraphicsScene.ItemIndexMethod.BspTreeIndex
LEFT, NO_BUTTON = Qt.MouseButton.LeftButton, Qt.MouseButton.NoButton


def drawing_themselves(scene) -> set[str]:
    return {i for i, item in scene.node_items.items() if not item.flags() & NO_CONTENTS}


@pytest.fixture
def large(window_on):
    window = window_on(generate_map(PICTURE_NODES + 100))
    window.resize(800, 600)
    viewport_image(window)
    window.view.fit_to_window()
    window.view.set_zoom(window.view.zoom * 0.9)  # by hand: no refit after an edit
    viewport_image(window)
    assert window.scene.node_layer.active
    return window


def a_person(window) -> str:
    scene = window.scene
    people = [i for i, item in scene.node_items.items() if scene.doc.node(i).kind == "person"]
    return max(people, key=lambda i: len(scene.node_items[i].edges))


def test_a_settled_large_map_draws_its_nodes_from_the_picture_alone(large):
    assert drawing_themselves(large.scene) == set()


def test_a_small_map_draws_every_node_itself(window_on):
    window = window_on(generate_map(PICTURE_NODES - 100))
    viewport_image(window)
    assert not window.scene.node_layer.active
    assert drawing_themselves(window.scene) == set(window.scene.node_items)


@pytest.mark.parametrize(
    "edit", ["move", "drag", "rename", "recolour", "select", "remove", "undo", "add"]
)
def test_after_an_edit_the_kept_picture_matches_a_fresh_one(large, edit):
    window, session, scene = large, large.session, large.scene
    node_id = a_person(window)
    before = viewport_image(window)
    node = session.doc.node(node_id)
    match edit:
        case "move" | "undo":
            session.edit(MoveNodes({node_id: (node.x + 150.0, node.y - 90.0)}), "Move")
            if edit == "undo":
                viewport_image(window)
                session.undo_stack.undo()
        case "drag":
            start = window.view.mapFromScene(scene.node_items[node_id].scenePos())
            drag(window.view, start, start + QPoint(40, -25))
        case "rename":
            community = next(i for i in scene.node_items if session.doc.node(i).kind == "community")
            session.edit(UpdateItem(community, {"label": "A new name"}), "Rename")
        case "recolour":
            session.edit(UpdateItem(node_id, {"color": "#d03030"}), "Colour")
        case "select":
            session.selection.set([node_id])
        case "remove":
            session.edit(RemoveItems(frozenset([node_id])), "Delete")
        case "add":
            person = PersonNode(id="p-new", label="Newcomer", x=node.x + 60, y=node.y + 60)
            session.edit(InsertItems(nodes=((len(session.doc.nodes), person),)), "Add")
    kept, fresh = kept_and_fresh(window)
    if edit != "undo":
        assert differing_pixels(before, fresh) > 0, "the edit should change the picture"
    # A node drawing itself is drawn over the picture: over its own plain self when it was
    # selected (antialiased edges drawn twice, and its lines highlighted over their plain
    # selves), over the others when it came (where a fresh picture may draw a community over
    # it). Only there may the two differ.
    live = scene.node_items.get("p-new" if edit == "add" else node_id)
    where = live and window.view.mapFromScene(live.sceneBoundingRect()).boundingRect()
    if edit == "select":
        lit = [edge for edge in scene.edge_items.values() if edge.lit]
        assert far_from_lines(window, kept, fresh, lit, pixels_away=3, outside=where) == 0
    else:
        outside = where if edit == "add" else None
        assert differing_pixels(kept, fresh, outside=outside) == 0
    # Settled: only the selected nodes draw themselves.
    assert drawing_themselves(scene) == set(session.selection.ids) & set(scene.node_items)


def test_a_node_changed_while_the_picture_is_drawn_draws_itself_meanwhile(
    large, qtbot, monkeypatch
):
    monkeypatch.setattr(slices, "SLICE_SECONDS", 0.0)
    monkeypatch.setattr(picture_layer, "FIRST_SLICE_SECONDS", 0.0)
    window, session, scene = large, large.session, large.scene
    layer, node_id = scene.node_layer, a_person(window)
    node = session.doc.node(node_id)
    session.edit(MoveNodes({node_id: (node.x + 150.0, node.y - 90.0)}), "Move")
    window.view.viewport().grab()  # begins new pictures, drawn a step a slice
    assert not layer.settled
    assert node_id in drawing_themselves(scene), "the picture shows it where it was"
    qtbot.waitUntil(lambda: layer.settled and scene.edge_layer.settled)
    kept, fresh = kept_and_fresh(window)
    assert differing_pixels(kept, fresh) == 0
    assert drawing_themselves(scene) == set()


def test_a_large_maps_objects_are_kept_out_of_full_collections(window_on):
    """Python's full collections walked every item of a room map, pausing the window 150-200 ms
    every few edits: a large map's scene freezes what it built and what each change made."""
    gc.unfreeze()
    window = window_on(generate_map(PICTURE_NODES + 100))
    viewport_image(window)
    assert gc.get_freeze_count() > 10 * len(window.scene.node_items)
    window.session.edit(MoveNodes({a_person(window): (0.0, 0.0)}), "Move")
    viewport_image(window)  # the labels placed again after the change
    assert gc.get_freeze_count() > 10 * len(window.scene.node_items)


def test_a_node_moved_while_selected_goes_back_into_the_pictures_once_let_go(large):
    """Left out of the pictures while selected, a node and its lines are drawn live over them;
    let go, they go back into new pictures, under what should lie over them."""
    window, session, scene = large, large.session, large.scene
    node_id = a_person(window)
    window.view.set_zoom(2.5)
    window.view.centerOn(scene.node_items[node_id])
    session.selection.set([node_id])
    viewport_image(window)
    node = session.doc.node(node_id)
    session.edit(MoveNodes({node_id: (node.x + 60.0, node.y - 40.0)}), "Move")
    viewport_image(window)
    session.selection.set([])
    viewport_image(window)
    assert drawing_themselves(scene) == set()
    kept, fresh = kept_and_fresh(window)
    assert differing_pixels(kept, fresh) == 0


def test_nodes_and_lines_hidden_during_a_zoom_are_gone_from_the_next_frame(large):
    """A presentation step hides nodes while its zoom glides: the pictures drawn before are
    not shown meanwhile, which would keep the hidden nodes and their lines."""
    scene = large.scene
    before = viewport_image(large)
    scene.zoom_in_motion = True  # as the presentation's transition sets it
    scene.show_only(lambda node: node.kind != "person")
    large.view.viewport().grab()
    scene.edge_layer.finish_now()
    scene.node_layer.finish_now()
    during = large.view.viewport().grab().toImage()
    scene.zoom_in_motion = False
    assert differing_pixels(before, during) > 0
    assert differing_pixels(during, viewport_image(large)) == 0


@pytest.mark.parametrize("n_nodes", [PICTURE_NODES - 100, PICTURE_NODES + 100])
def test_mid_drag_the_still_map_looks_as_it_did(window_on, n_nodes):
    """While a node is dragged the rest is drawn from one snapshot. On a large map the nodes
    the picture draws are not hidden for it (hiding 10,000 took 80 ms), and the scene keeps
    its index."""
    window = window_on(generate_map(n_nodes))
    window.resize(800, 600)
    scene, view = window.scene, window.view
    before = viewport_image(window)
    item = scene.node_items[a_person(window)]
    start = view.mapFromScene(item.scenePos())

    def where_it_and_its_lines_are() -> list[QRect]:
        rects = [item.sceneBoundingRect(), *(edge.curve.boundingRect() for edge in item.edges)]
        return [view.mapFromScene(rect).boundingRect().adjusted(-6, -6, 6, 6) for rect in rects]

    was = where_it_and_its_lines_are()
    send_mouse(view.viewport(), QEvent.Type.MouseButtonPress, start, LEFT)
    for step in range(1, 4):
        send_mouse(view.viewport(), QEvent.Type.MouseMove, start + QPoint(15, -10) * step, LEFT)
    assert view._drag_snapshot is not None  # dragging
    large = n_nodes > PICTURE_NODES
    assert scene.node_layer.active == large
    hidden = sum(not node.isVisible() for node in scene.node_items.values())
    assert hidden == (0 if large else len(scene.node_items) - 1)
    assert (scene.itemIndexMethod() == BSP_INDEX) == large
    mid_drag = view.viewport().grab().toImage()
    differ = abs(pixels(before) - pixels(mid_drag)).max(axis=2) > 8
    for rect in was + where_it_and_its_lines_are():
        differ[max(rect.top(), 0) : rect.bottom() + 1, max(rect.left(), 0) : rect.right() + 1] = 0
    assert differ.sum() == 0
    send_mouse(view.viewport(), QEvent.Type.MouseButtonRelease, start + QPoint(45, -30), NO_BUTTON)
    assert all(node.isVisible() for node in scene.node_items.values())
    assert scene.itemIndexMethod() == BSP_INDEX


def test_a_drag_ends_when_the_mouse_is_taken_away(window_on):
    """A dialog that takes the mouse mid-drag ends the drag: the map is drawn as ever again."""
    window = window_on(generate_map(PICTURE_NODES + 100))
    scene, view = window.scene, window.view
    viewport_image(window)
    shown = [item for item in scene.items() if item.isVisible()]
    start = view.mapFromScene(scene.node_items[a_person(window)].scenePos())
    send_mouse(view.viewport(), QEvent.Type.MouseButtonPress, start, LEFT)
    for step in range(1, 4):
        send_mouse(view.viewport(), QEvent.Type.MouseMove, start + QPoint(15, -10) * step, LEFT)
    assert view._drag_snapshot is not None and not all(item.isVisible() for item in shown)
    scene.mouseGrabberItem().ungrabMouse()  # as a dialog opening does
    assert view._drag_snapshot is None
    assert all(item.isVisible() for item in shown)


def test_after_a_layout_one_layer_s_picture_is_drawn_at_a_time_the_nodes_first(
    large, qtbot, monkeypatch
):
    """A picture is 10 MB or so on a room map, and the window went over its memory bar while
    both were drawn at once after a layout. The nodes' comes first, showing where they landed;
    the lines' waits until they are routed (drawn before, it was drawn again after)."""
    monkeypatch.setattr(slices, "SLICE_SECONDS", 0.0)
    monkeypatch.setattr(picture_layer, "FIRST_SLICE_SECONDS", 0.0)
    window, session, scene = large, large.session, large.scene
    seen: list[tuple[bool, bool, bool]] = []  # after each slice: nodes', lines' drawn; routing

    def after_a_slice():
        window.view.viewport().grab()  # a frame, which begins a picture that is due
        seen.append(
            (
                scene.node_layer.drawing_picture,
                scene.edge_layer.drawing_picture,
                scene.router.running,
            )
        )

    scene.slices._timer.timeout.connect(after_a_slice)
    spread = {n.id: (n.x * 0.8 + 40.0, n.y * 0.8 - 20.0) for n in session.doc.nodes}
    session.edit(MoveNodes(spread), "Layout")
    assert scene.moves_due, "a large map's nodes land in slices"
    qtbot.waitUntil(
        lambda: (
            scene.labels_placed
            and not scene.settling()
            and scene.node_layer.settled
            and scene.edge_layer.settled
        ),
        timeout=30_000,
    )
    assert not [look for look in seen if look[0] and look[1]], "both pictures at once"
    assert not [look for look in seen if look[1] and look[2]], "lines drawn while routed"
    first = next(look for look in seen if look[0] or look[1])
    assert first[:2] == (True, False), "the nodes' picture first"
    kept, fresh = kept_and_fresh(window)
    assert differing_pixels(kept, fresh) == 0


def test_a_map_in_view_is_pictured_without_the_room_to_scroll_into_beside_it(large):
    """The pictures cover the view and the map a little around it, not the empty room the
    scene keeps to scroll into (a room map fitted to the view: 5.6 MiB a picture, not 9.5)."""
    view, scene = large.view, large.scene
    viewport = view.viewport().rect()
    drawn = view.mapFromScene(scene.room.drawn()).boundingRect().united(viewport)
    room = view.mapFromScene(scene.sceneRect()).boundingRect()
    assert room.width() > drawn.width() * 1.2 and room.height() > drawn.height() * 1.2
    for layer in (scene.node_layer, scene.edge_layer):
        size = layer.picture.pixels.deviceIndependentSize()
        assert size.width() <= drawn.width() + 2
        assert size.height() <= drawn.height() + 2


def test_the_layers_take_turns_at_new_pictures(large, qtbot, monkeypatch):
    """The lines' layer is painted first: wanting a new picture again and again (a long pan),
    it took every turn, and nodes beyond the nodes' old picture stayed unseen meanwhile."""
    monkeypatch.setattr(slices, "SLICE_SECONDS", 0.0)
    monkeypatch.setattr(picture_layer, "FIRST_SLICE_SECONDS", 0.0)
    scene, viewport = large.scene, large.view.viewport()
    nodes, lines = scene.node_layer, scene.edge_layer
    nodes.invalidate()
    lines.invalidate()
    viewport.grab()
    assert lines.drawing_picture and not nodes.drawing_picture
    assert nodes.waiting_for_turn
    lines.finish_now()
    lines.invalidate()  # wanted again at once, as while panning
    viewport.grab()
    assert nodes.drawing_picture and not lines.drawing_picture, "the nodes' turn"
    qtbot.waitUntil(lambda: nodes.settled and lines.settled, timeout=30_000)
    kept, fresh = kept_and_fresh(large)
    assert differing_pixels(kept, fresh) == 0


def test_a_short_pan_beside_a_map_in_view_needs_no_new_picture(large, qtbot):
    """The pictures leave out the empty room to scroll into beside the map, and still serve the
    view after a short pan into it."""
    scene, view = large.scene, large.view
    layers = (scene.node_layer, scene.edge_layer)
    qtbot.waitUntil(lambda: scene.labels_placed and all(layer.settled for layer in layers))
    for layer in layers:  # pictures of the map as measured now that its labels are placed
        layer.invalidate()
        layer.finish_now()
    # A pan of a tenth of the view, which takes its right edge beyond the map's.
    bar = view.horizontalScrollBar()
    step = view.viewport().width() // 10
    assert bar.maximum() > bar.value() + step
    bar.setValue(bar.value() + step)
    in_view = view.viewportTransform().inverted()[0].mapRect(QRectF(view.viewport().rect()))
    assert in_view.right() > scene.room.drawn().right()
    for layer in layers:
        assert layer.fits(in_view, layer.picture.zoom)
    qtbot.waitUntil(lambda: all(layer.settled for layer in layers), timeout=30_000)
    kept, fresh = kept_and_fresh(large)
    assert differing_pixels(kept, fresh) == 0
