"""A node's label: wrapped to LABEL_MAX_WIDTH in at most three lines, and its spots, box and
bounds kept up with the label scale, the node's marks and the spot the declutter pass picks."""

from __future__ import annotations

from PySide6.QtCore import QRectF
from six_communities import six_community_map

from commapper.model import UpdateItem
from commapper.ui.canvas.items import LABEL_MAX_WIDTH, label_metrics
from commapper.ui.canvas.scene import MapScene
from commapper.ui.session import MapSession


def _scene() -> MapScene:
    return MapScene(MapSession(six_community_map()))


def _rename(scene: MapScene, node_id: str, label: str) -> None:
    scene.session.edit(UpdateItem(node_id, {"label": label}), "Rename")


def test_a_short_label_is_one_line_with_its_spaces_made_one():
    scene = _scene()
    _rename(scene, "p1", "  Ana   María ")
    item = scene.node_items["p1"]
    assert item._label_lines == ["Ana María"]
    assert item._label_widths == [label_metrics(item.kind).horizontalAdvance("Ana María")]


def test_a_long_label_wraps_into_three_lines_at_most_the_last_cut_short():
    scene = _scene()
    _rename(scene, "c1", " ".join(["Interdisciplinary"] * 12))
    item = scene.node_items["c1"]
    metrics = label_metrics(item.kind)
    assert len(item._label_lines) == 3
    assert item._label_lines[0].startswith("Interdisciplinary")
    assert item._label_lines[2].endswith("…")
    assert item._label_widths == [metrics.horizontalAdvance(line) for line in item._label_lines]
    assert all(width <= LABEL_MAX_WIDTH for width in item._label_widths)


def test_an_empty_label_has_no_lines_and_no_box():
    scene = _scene()
    _rename(scene, "p2", "   ")
    item = scene.node_items["p2"]
    assert item._label_lines == []
    assert item.label_scene_rect() == QRectF()


def _drawn_where_its_spot_is(item) -> bool:
    spots = item.label_spots()
    spot = spots[min(item.label_spot, len(spots) - 1)]
    return item.label_scene_rect() == spot.translated(item.pos()) and item.boundingRect().contains(
        spot
    )


def test_the_spots_follow_the_label_scale_the_marks_and_the_spot_picked():
    scene = _scene()
    item = scene.node_items["c3"]  # a landmark: twelve spots on three rings
    spots = item.label_spots()
    assert len(spots) == 12 and _drawn_where_its_spot_is(item)
    below = spots[0]

    scene.set_label_scale(2.0)
    assert item.label_spots()[0].width() == 2 * below.width()
    assert item.label_spots()[0].height() == 2 * below.height()
    assert _drawn_where_its_spot_is(item)

    item.set_label_spot(9)  # the second ring out, above
    assert item.label_spots()[9].bottom() < item.label_spots()[1].bottom() < 0
    assert _drawn_where_its_spot_is(item)

    farthest_before = item.label_spots()[9].top()
    item.set_marks(("broker",))  # a ring around the node: the label makes way for it
    assert item.label_spots()[9].top() < farthest_before
    assert _drawn_where_its_spot_is(item)

    _rename(scene, "c3", "Open source maintainers of the world's largest projects")
    assert len(item._label_lines) > 1
    assert item.label_spots()[0].height() > 2 * below.height()
    assert _drawn_where_its_spot_is(item)


def test_a_person_has_four_spots_and_a_spot_beyond_them_is_the_last():
    scene = _scene()
    item = scene.node_items["p1"]
    assert len(item.label_spots()) == 4
    item.set_label_spot(7)
    assert item.label_scene_rect() == item.label_spots()[3].translated(item.pos())


def test_nodes_keep_everything_in_slots_not_a_dict_each(window_on):
    """A dict for each node of a room map held 10 MiB: every attribute a node is given, in use
    (overlays, marks, a label spot, a move), has a slot."""
    from commapper.model import MoveNodes

    window = window_on(six_community_map())
    scene, session = window.scene, window.session
    window.view.fit_to_window()
    session.edit(MoveNodes({"p1": (40.0, 50.0)}), "Move")
    _rename(scene, "c1", " ".join(["Interdisciplinary"] * 12))
    for item in scene.node_items.values():
        item.set_marks(("broker",))
        item.set_scale_factor(1.5)
        item.set_label_spot(1)
    scene.declutter_labels()
    window.grab()  # painted, with its style worked out
    assert all(not vars(item) for item in scene.node_items.values())
