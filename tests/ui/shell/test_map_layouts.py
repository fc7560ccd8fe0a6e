"""Layouts of large maps: worked out in another process while the window goes on, with a
progress dialog and Cancel, then animated in as one undo step; edits made meanwhile win.

The maps are generated, larger than what is laid out at once (INLINE_LAYOUT_NODES). Where a test
needs the layout to still be running (the dialog, Cancel, a request that replaces another), the
process runs a stand-in that reports a little progress and goes no further until stopped.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from benchmarks.generate import generate_map
from commapper.analysis.process import Stopped
from commapper.layout import force_layout, landscape_layout, pinned_nodes
from commapper.model import MoveNodes
from commapper.ui.session import MapSession
from commapper.ui.shell import layout_runner
from commapper.ui.shell.layouts import INLINE_LAYOUT_NODES
from tests.analysis.process_jobs import layout_that_crashes, layout_until_stopped

NODES = 400
LANDED = 60_000  # ms: the first layout starts the layout process, slowly on a busy machine


@pytest.fixture
def large(window_on):
    """A window on a generated map too large to be laid out at once."""
    assert NODES > INLINE_LAYOUT_NODES
    return window_on(generate_map(NODES))


@pytest.fixture
def never_done(monkeypatch):
    """The landscape layout becomes a stand-in that never finishes on its own."""
    monkeypatch.setitem(layout_runner.LAYOUTS, "landscape", layout_until_stopped)


def positions(doc):
    return {node.id: (node.x, node.y) for node in doc.nodes}


def in_step(window):
    """Every node of the map is drawn where the map says it is."""
    items = window.scene.node_items
    return all(
        (items[node.id].pos().x(), items[node.id].pos().y()) == (node.x, node.y)
        for node in window.session.doc.nodes
    )


def laid_out(window, qtbot, action):
    """Trigger ``action`` and wait until its layout lands (the animation jumped to its end)."""
    runner = window.actions_.layouts.runner
    with qtbot.waitSignal(runner.finished, timeout=LANDED):
        action.trigger()
        assert runner.running
    window.actions_.finish_animation()


def test_a_large_map_is_laid_out_while_the_window_goes_on_and_lands_as_one_undo_step(large, qtbot):
    session = large.session
    before = session.doc.content()
    expected = landscape_layout(session.doc, pinned=pinned_nodes(session.doc))
    steps = session.undo_stack.index()
    with qtbot.waitSignal(large.actions_.layouts.runner.finished, timeout=LANDED):
        large.actions_.landscape.trigger()
        # Asked for, not done: the map is as it was until the result comes back.
        assert session.doc.content() == before and not session.is_modified
    large.actions_.finish_animation()
    assert session.undo_stack.index() == steps + 1
    assert session.undo_stack.text(steps) == "Landscape layout"
    assert positions(session.doc) == {**positions(session.doc), **expected}
    assert in_step(large)
    session.undo_stack.undo()
    assert session.doc.content() == before and in_step(large)


def test_a_large_map_already_laid_out_gets_no_undo_step(large, qtbot):
    laid_out(large, qtbot, large.actions_.landscape)
    steps = large.session.undo_stack.index()
    refusals = []
    large.session.edit_refused.connect(refusals.append)
    laid_out(large, qtbot, large.actions_.landscape)
    assert large.session.undo_stack.index() == steps
    assert refusals == ["The map is already laid out that way."]


def test_the_dialog_shows_the_progress_reported_and_cancel_leaves_the_map_as_it_was(
    large, qtbot, never_done
):
    session = large.session
    before = session.doc.content()
    runner = large.actions_.layouts.runner
    runner.show_after = 0.0
    large.actions_.landscape.trigger()
    qtbot.waitUntil(lambda: runner.dialog is not None and runner.dialog.value() == 3)
    dialog = runner.dialog
    assert dialog.maximum() == NODES and dialog.isVisible()
    assert "landscape layout of 400 nodes" in dialog.labelText()
    # Editing goes on: the dialog neither blocks the window nor takes the keyboard.
    # (Offscreen, every window shown is made active: whether the keyboard stays in the map is
    # seen in a real X server.)
    assert dialog.windowModality() == Qt.WindowModality.NonModal
    assert dialog.testAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
    stopped = runner._run.future
    cancel = next(b for b in dialog.findChildren(QPushButton) if b.text() == "Cancel")
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    assert not runner.running and runner.dialog is None
    with pytest.raises(Stopped):  # the process stopped rather than running on
        stopped.result(timeout=LANDED / 1000)
    assert session.doc.content() == before
    assert not session.is_modified and session.undo_stack.count() == 0
    # The landscape's guides come with its result: none came, so none show.
    assert not large.guides.action.isChecked()


def test_a_second_layout_replaces_the_one_under_way(large, qtbot, never_done):
    session = large.session
    runner = large.actions_.layouts.runner
    expected = force_layout(session.doc, pinned=pinned_nodes(session.doc))
    large.actions_.landscape.trigger()  # never finishes: only the next one can land
    first = runner._run.future
    with qtbot.waitSignal(runner.finished, timeout=LANDED) as landed:
        large.actions_.force.trigger()
    assert landed.args[0].name == "force"
    with pytest.raises(Stopped):
        first.result(timeout=LANDED / 1000)
    large.actions_.finish_animation()
    assert session.undo_stack.count() == 1
    assert session.undo_stack.text(0) == "Force-directed layout"
    assert positions(session.doc) == {**positions(session.doc), **expected}


def test_nodes_the_user_moves_deletes_adds_or_pins_during_a_layout_stay_as_the_user_left_them(
    large, qtbot
):
    session, actions = large.session, large.actions_
    doc = session.doc
    expected = landscape_layout(doc, pinned=pinned_nodes(doc))
    moved, deleted, pinned = "p1", "p2", "c3"
    steps = session.undo_stack.index()
    with qtbot.waitSignal(actions.layouts.runner.finished, timeout=LANDED):
        actions.landscape.trigger()
        session.edit(MoveNodes({moved: (1234.5, -678.9)}), "Move")
        session.selection.set([deleted])
        actions.delete_selection()
        session.selection.set([pinned])
        actions.pin.trigger()
        pinned_at = positions(doc)[pinned]
        added = actions.add(next(iter(actions.add_node)))
        added_at = positions(doc)[added]
    actions.finish_animation()
    # The user's four edits, then the layout's one.
    assert session.undo_stack.index() == steps + 5
    assert session.undo_stack.text(steps + 4) == "Landscape layout"
    now = positions(doc)
    assert now[moved] == (1234.5, -678.9)
    assert not doc.has_node(deleted)
    assert now[pinned] == pinned_at and now[added] == added_at
    others = set(expected) - {moved, deleted, pinned}
    assert {node_id: now[node_id] for node_id in others} == {
        node_id: expected[node_id] for node_id in others
    }
    assert in_step(large)
    session.undo_stack.undo()  # the layout only: the user's edits stay
    assert positions(doc)[moved] == (1234.5, -678.9) and doc.has_node(added)
    assert in_step(large)


def test_closing_the_window_stops_a_layout_under_way(commapper_app, qtbot, never_done):
    window = commapper_app.new_window(MapSession(generate_map(NODES)))
    window.show()
    window.actions_.landscape.trigger()
    stopped = window.actions_.layouts.runner._run.future
    window.close()
    with pytest.raises(Stopped):
        stopped.result(timeout=LANDED / 1000)


def test_nodes_moved_pinned_or_deleted_while_the_layout_animates_stay_as_the_user_left_them(
    make_window,
):
    window = make_window()
    session, actions = window.session, window.actions_
    doc = session.doc
    people = [node.id for node in doc.nodes if node.kind == "person"]
    pinned, deleted = people[0], people[1]
    actions.landscape.trigger()  # a small map: worked out at once, now animating
    assert actions.layouts._animation is not None
    session.edit(MoveNodes({"c1": (999.0, -999.0)}), "Move")
    session.selection.set([pinned])
    actions.pin.trigger()
    pinned_at = positions(doc)[pinned]
    session.selection.set([deleted])
    actions.delete_selection()
    actions.finish_animation()
    assert positions(doc)["c1"] == (999.0, -999.0)
    assert positions(doc)[pinned] == pinned_at and not doc.has_node(deleted)
    assert session.undo_stack.text(session.undo_stack.index() - 1) == "Landscape layout"
    assert in_step(window)


def test_a_large_map_in_full_view_jumps_and_zoomed_in_the_nodes_in_view_animate(large, qtbot):
    layouts = large.actions_.layouts
    large.view.fit_to_window()
    with qtbot.waitSignal(layouts.runner.finished, timeout=LANDED):
        large.actions_.landscape.trigger()
    # Moving every node a frame would take the scene too long for an animation: they jump, in
    # the next pass of the event loop (working out where, then moving them: one stall each).
    assert layouts._animation is None
    qtbot.waitUntil(lambda: layouts._landing is None)
    assert large.session.undo_stack.undoText() == "Landscape layout" and in_step(large)
    large.session.undo_stack.undo()
    large.view.set_zoom(1.0)
    large.view.centerOn(large.scene.node_items["c1"])
    seen = large.view.mapToScene(large.view.viewport().rect()).boundingRect()
    far = next(
        item
        for item in large.scene.node_items.values()
        if not seen.contains(item.pos()) and item.node_id != "me"
    )
    far_from = far.pos()
    with qtbot.waitSignal(layouts.runner.finished, timeout=LANDED):
        large.actions_.landscape.trigger()
    assert layouts._animation is not None
    # Out of view, it is not animated: it jumps when the layout lands.
    assert far.node_id not in layouts._moving and "c1" in layouts._moving
    assert far.pos() == far_from
    large.actions_.finish_animation()
    assert far.pos() != far_from and in_step(large)


def test_a_layout_whose_process_dies_says_so_and_the_next_one_works(large, qtbot, monkeypatch):
    session = large.session
    before = session.doc.content()
    monkeypatch.setitem(layout_runner.LAYOUTS, "landscape", layout_that_crashes)
    with qtbot.waitSignal(session.edit_refused, timeout=LANDED) as refused:
        large.actions_.landscape.trigger()
    assert "The layout stopped" in refused.args[0]
    assert session.doc.content() == before and not session.is_modified
    laid_out(large, qtbot, large.actions_.force)  # a new process takes the dead one's place
    assert session.undo_stack.text(0) == "Force-directed layout"


def test_the_landscape_guides_come_when_the_layout_lands_not_when_it_is_asked_for(large, qtbot):
    guides, runner = large.guides, large.actions_.layouts.runner
    with qtbot.waitSignal(runner.finished, timeout=LANDED):
        large.actions_.landscape.trigger()
        assert runner.running and not guides.action.isChecked()  # no rings round old places
    assert guides.action.isChecked()
    large.actions_.finish_animation()
    laid_out(large, qtbot, large.actions_.force)
    assert not guides.action.isChecked()


def test_a_room_maps_layout_lands_a_slice_at_a_time_and_the_view_fits_it_once_landed(
    window_on, qtbot
):
    """Moving 2,000 nodes and their lines at once froze the window 0.3-0.6 s: a room map's
    nodes follow the layout between events, and the view fits the map where they end up."""
    from commapper.ui.canvas.node_layer import PICTURE_NODES

    window = window_on(generate_map(PICTURE_NODES + 100))
    scene, view = window.scene, window.view
    view.set_zoom(view.zoom * 3)  # away from the fit the layout comes back to
    with qtbot.waitSignal(window.actions_.layouts.runner.finished, timeout=LANDED):
        window.actions_.landscape.trigger()
    window.actions_.finish_animation()  # the nodes in view, animated, jump to the end
    assert scene.moves_due and not in_step(window)  # the map has moved; the nodes follow
    qtbot.waitUntil(lambda: not scene.moves_due)
    assert in_step(window)
    seen = view.mapToScene(view.viewport().rect()).boundingRect()
    assert seen.contains(scene.nodes_rect())
