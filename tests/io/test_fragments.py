"""Copying and pasting pieces of a map as fragment text, without the clipboard or a window."""

import pytest

from commapper.io import load_map
from commapper.io.fragments import FragmentError, fragment_json, paste_edit
from commapper.model import MapDocument, NodeKind, PersonNode, apply_edit
from commapper.model.items import MAX_COORDINATE, NO_ATTRIBUTES
from commapper.resources import DEFAULT_EXAMPLE


def test_a_pasted_me_becomes_a_person_in_a_map_that_has_one():
    doc = load_map(DEFAULT_EXAMPLE)
    me = doc.ego
    text = fragment_json(doc, [me.id, "c1"])
    apply_edit(doc, paste_edit(doc, text))
    copies = doc.nodes[-2:]
    copied_me = next(node for node in copies if node.label == me.label)
    assert copied_me.kind == NodeKind.PERSON and type(copied_me).__name__ == "PersonNode"
    assert copied_me.id.startswith("p") and (copied_me.x, copied_me.y) == (me.x + 30, me.y + 30)
    assert [node.kind for node in doc.nodes].count(NodeKind.ME) == 1
    # The membership between them came along, now from the person to the copied community.
    pasted_edge = doc.edges[-1]
    assert {pasted_edge.source, pasted_edge.target} == {node.id for node in copies}
    # Items without attributes still share the one empty mapping that refuses changes.
    assert copied_me.attributes is NO_ATTRIBUTES


def test_text_that_is_not_a_fragment_pastes_nothing():
    doc = load_map(DEFAULT_EXAMPLE)
    for text in ("", "hello", '{"format": "commapper-fragment", "nodes": [{"id": 5}]}'):
        with pytest.raises(FragmentError):
            paste_edit(doc, text)


def test_a_copy_of_a_node_at_the_edge_lands_beside_it_inside():
    # Duplicating a node at the edge of the positions a map holds crashed (it landed past it).
    doc = MapDocument.new()
    doc.nodes = [PersonNode(id="p1", label="Ana", x=MAX_COORDINATE, y=-MAX_COORDINATE)]
    doc.reindex()
    apply_edit(doc, paste_edit(doc, fragment_json(doc, ["p1"])))
    copy = doc.nodes[-1]
    assert (copy.x, copy.y) == (MAX_COORDINATE - 30, -MAX_COORDINATE + 30)
