"""The session: edits become undo steps, the unsaved mark follows the stack, saves are safe."""

from commapper.io import load_map
from commapper.model import CommunityNode, InsertItems, UpdateItem
from commapper.resources import DEFAULT_EXAMPLE
from commapper.ui.session import MapSession


def test_an_edit_is_one_undo_step_and_marks_the_map_unsaved(qtbot):
    session = MapSession()
    before = session.doc.content()
    assert session.edit(InsertItems(nodes=((0, CommunityNode(id="c1", label="Choir")),)), "Add")
    assert session.is_modified and session.doc.node("c1").label == "Choir"
    session.undo_stack.undo()
    assert session.doc.content() == before and not session.is_modified
    session.undo_stack.redo()
    assert session.doc.node("c1").label == "Choir"


def test_a_refused_edit_reaches_neither_the_document_nor_the_stack(qtbot):
    session = MapSession()
    with qtbot.waitSignal(session.edit_refused) as refused:
        assert not session.edit(UpdateItem("nope", {"label": "x"}), "Rename")
    assert "nope" in refused.args[0]
    assert session.undo_stack.count() == 0


def test_typing_in_one_field_merges_into_one_step(qtbot):
    session = MapSession(load_map(DEFAULT_EXAMPLE), DEFAULT_EXAMPLE)
    node = session.doc.nodes[1]
    for text in ("A", "Ab", "Abc"):
        session.edit(UpdateItem(node.id, {"label": text}), "Rename", (node.id, "label"))
    assert session.undo_stack.count() == 1
    session.undo_stack.undo()
    assert session.doc.node(node.id).label == node.label


def test_save_marks_clean_and_replace_content_loads_another_map(qtbot, tmp_path):
    session = MapSession(load_map(DEFAULT_EXAMPLE), None)
    session.edit(UpdateItem(session.doc.nodes[0].id, {"label": "Renamed"}), "Rename")
    target = tmp_path / "mine.commap"
    session.save(target)
    assert not session.is_modified and session.path == target
    assert load_map(target).nodes[0].label == "Renamed"
    session.edit(UpdateItem(session.doc.nodes[0].id, {"label": "Again"}), "Rename")
    session.revert()
    assert session.doc.nodes[0].label == "Renamed" and not session.is_modified
    assert session.doc.content()["nodes"] == load_map(target).content()["nodes"]


def test_typing_merges_only_while_the_same_items_change(qtbot):
    from commapper.model import Batch

    session = MapSession(load_map(DEFAULT_EXAMPLE), DEFAULT_EXAMPLE)
    before = {node_id: session.doc.node(node_id).sector for node_id in ("c1", "c2")}
    key = ("multi", "sector")
    # A multi-selection edit that first touches both, then only one of the two.
    session.edit(Batch((UpdateItem("c1", {"sector": "a"}), UpdateItem("c2", {"sector": "a"}))),
                 "Change sector", key)  # fmt: skip
    session.edit(UpdateItem("c1", {"sector": "ax"}), "Change sector", key)
    assert session.undo_stack.count() == 2
    session.undo_stack.undo()
    assert (session.doc.node("c1").sector, session.doc.node("c2").sector) == ("a", "a")
    session.undo_stack.undo()
    assert {i: session.doc.node(i).sector for i in before} == before
