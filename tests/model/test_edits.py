"""Edits apply, announce themselves, refuse what breaks a rule, and undo exactly."""

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from strategies import documents

from commapper.model import (
    Batch,
    CommunityNode,
    CrossingEdge,
    DocumentChanged,
    EditError,
    MapDocument,
    MembershipEdge,
    MeNode,
    MoveNodes,
    PersonNode,
    RemoveItems,
    TieEdge,
    UpdateMap,
    View,
    add_edge,
    add_node,
    apply_edit,
    move_nodes,
    reference_problems,
    remove_items,
    update_item,
)


@pytest.fixture
def doc() -> MapDocument:
    doc = MapDocument.new("Mine")
    for node in (
        MeNode(id="me", label="Me"),
        CommunityNode(id="c1", label="Choir", sector="hobby"),
        CommunityNode(id="c2", label="Nurses", sector="health"),
        PersonNode(id="p1", label="Ana"),
    ):
        add_node(doc, node)
    add_edge(doc, MembershipEdge(id="e1", source="me", target="c1", level="core"))
    add_edge(doc, MembershipEdge(id="e2", source="p1", target="c2", level="active"))
    add_edge(doc, CrossingEdge(id="x1", source="c1", target="c2", via=["p1"]))
    add_edge(doc, TieEdge(id="t1", source="me", target="p1"))
    return doc


def test_removing_a_node_removes_its_edges_and_mentions_and_undo_restores_them(doc):
    apply_edit(doc, UpdateMap({"views": [View(name="v", nodes=["p1", "c1"], highlighted=["p1"])]}))
    before = doc.content()
    undo = remove_items(doc, ["p1"])
    assert not doc.has_node("p1")
    assert [edge.id for edge in doc.edges] == ["e1", "x1"]
    assert doc.edge("x1").via == ()
    assert doc.views[0].nodes == ["c1"] and doc.views[0].highlighted == []
    assert reference_problems(doc) == []
    apply_edit(doc, undo)
    assert doc.content() == before


def test_events_name_what_changed(doc):
    seen: list[DocumentChanged] = []
    doc.subscribe(seen.append)
    remove_items(doc, ["c2"])
    assert seen[-1].nodes_removed == {"c2"}
    assert seen[-1].edges_removed == {"e2", "x1"}
    move_nodes(doc, {"me": (10.0, 20.0)})
    assert seen[-1].nodes_moved == {"me"}
    update_item(doc, "c1", label="Big choir")
    assert seen[-1].nodes_changed == {"c1"} and doc.node("c1").label == "Big choir"
    assert len(seen) == 3


def test_update_validates_and_keeps_the_document_unchanged_on_error(doc):
    before = doc.content()
    with pytest.raises(
        EditError, match=r"^level: should be 'core', 'active', .* \(found \"sometimes\"\)$"
    ):
        update_item(doc, "e1", level="sometimes")
    with pytest.raises(EditError, match=r"^label: is too long: at most 500 characters$"):
        update_item(doc, "c1", label="x" * 501)
    with pytest.raises(EditError, match=r'^no node with id "nobody"$'):
        update_item(doc, "t1", target="nobody")
    with pytest.raises(EditError, match="cannot be changed"):
        update_item(doc, "c1", kind="person")
    with pytest.raises(EditError, match="no field"):
        update_item(doc, "c1", org="Acme")
    with pytest.raises(EditError, match="actors"):
        update_item(doc, "t1", target="c1")
    assert doc.content() == before


@pytest.mark.parametrize(
    ("item", "message"),
    [
        (MeNode(id="me2"), "at most one"),
        (PersonNode(id="c1"), "already in use"),
        (MembershipEdge(id="e9", source="c1", target="c2", level="core"), "membership"),
        (CrossingEdge(id="x9", source="c1", target="c1"), "itself"),
        (TieEdge(id="t9", source="me", target="nobody"), "no node"),
        (CrossingEdge(id="x9", source="c1", target="c2", via=["ghost"]), "no node"),
    ],
)
def test_inserts_that_break_a_rule_are_refused(doc, item, message):
    before = doc.content()
    with pytest.raises(EditError, match=message):
        (add_node if hasattr(item, "x") else add_edge)(doc, item)
    assert doc.content() == before


def test_a_failing_batch_leaves_nothing_behind(doc):
    before = doc.content()
    with pytest.raises(EditError):
        apply_edit(doc, Batch((RemoveItems(frozenset({"t1"})), RemoveItems(frozenset({"zz"})))))
    assert doc.content() == before


@pytest.mark.parametrize("x", [float("nan"), float("inf"), 1e21, -1e308])
def test_moves_stay_within_the_coordinate_range(doc, x):
    before = doc.content()
    with pytest.raises(EditError, match="between -1,000,000,000 and 1,000,000,000"):
        move_nodes(doc, {"me": (x, 0.0)})
    with pytest.raises(EditError, match=r"x: must be between -1,000,000,000 and 1,000,000,000"):
        update_item(doc, "me", x=x if math.isfinite(x) else 1e10)
    assert doc.content() == before


def test_views_must_name_existing_nodes(doc):
    with pytest.raises(EditError, match="no node"):
        apply_edit(doc, UpdateMap({"views": [View(name="v", nodes=["ghost"])]}))


def test_new_ids_do_not_collide(doc):
    assert doc.new_id("c") == "c3"
    assert doc.new_id("e") == "e3"
    assert doc.new_id("zz") == "zz1"


def test_a_new_id_is_one_more_than_the_largest_number_after_its_prefix():
    doc = MapDocument.new("Ids")
    for item_id in ["p2", "p10", "p9x", "px", "p", "pp7", "q40", "p-3"]:
        add_node(doc, PersonNode(id=item_id, label=item_id))
    assert doc.new_id("p") == "p11"
    assert doc.new_id("pp") == "pp8"
    assert doc.new_id("q") == "q41"
    assert doc.new_id("r") == "r1"


# -- property: any sequence of edits undoes to the exact previous document -------------------------


@st.composite
def edit_sequences(draw):
    doc = draw(documents(max_nodes=8, max_edges=10))
    steps = []
    for _ in range(draw(st.integers(1, 8))):
        node_ids = [node.id for node in doc.nodes]
        all_ids = node_ids + [edge.id for edge in doc.edges]
        choice = draw(st.sampled_from(["add", "remove", "move", "rename", "title"]))
        if choice == "add":
            steps.append(("add", draw(st.sampled_from(["person", "community"]))))
        elif choice == "remove" and all_ids:
            steps.append(("remove", draw(st.lists(st.sampled_from(all_ids), min_size=1))))
        elif choice == "move" and node_ids:
            steps.append(("move", draw(st.sampled_from(node_ids)), draw(st.floats(-1e3, 1e3))))
        elif choice == "rename" and node_ids:
            steps.append(("rename", draw(st.sampled_from(node_ids)), draw(st.text(max_size=8))))
        else:
            steps.append(("title", draw(st.text(max_size=8))))
    return doc, steps


def _apply_step(doc: MapDocument, step) -> object:
    match step:
        case ("add", "person"):
            return add_node(doc, PersonNode(id=doc.new_id("p"), label="New"))
        case ("add", _):
            return add_node(doc, CommunityNode(id=doc.new_id("c"), label="New"))
        case ("remove", ids):
            present = [item_id for item_id in ids if item_id in doc]
            return remove_items(doc, present) if present else None
        case ("move", node_id, x):
            return move_nodes(doc, {node_id: (x, -x)}) if doc.has_node(node_id) else None
        case ("rename", node_id, label):
            return update_item(doc, node_id, label=label) if doc.has_node(node_id) else None
        case ("title", title):
            return apply_edit(doc, UpdateMap({"title": title}))


@settings(max_examples=150, deadline=None)
@given(edit_sequences())
def test_undoing_any_edit_sequence_restores_every_state(case):
    doc, steps = case
    states, undos = [doc.content()], []
    for step in steps:
        undo = _apply_step(doc, step)
        if undo is not None:
            undos.append(undo)
            states.append(doc.content())
            assert reference_problems(doc) == []
    for undo in reversed(undos):
        states.pop()
        apply_edit(doc, undo)
        assert doc.content() == states[-1]


def test_moves_the_app_works_out_are_tidied_and_undo_restores_exact_positions(doc):
    exact = (doc.node("c1").x, doc.node("c1").y)
    undo = apply_edit(doc, MoveNodes.tidied({"c1": (10.04999, -3.14159)}))
    assert (doc.node("c1").x, doc.node("c1").y) == (10.0, -3.1)
    apply_edit(doc, MoveNodes({"c1": (1 / 3, 2 / 3)}))  # a position typed in is kept as typed
    assert doc.node("c1").x == 1 / 3
    apply_edit(doc, undo)
    assert (doc.node("c1").x, doc.node("c1").y) == exact


def test_a_moved_node_equals_one_made_and_checked_anew_with_its_new_position():
    """MoveNodes makes its nodes without checking their fields again (a layout moves 10,000):
    each must be the node pydantic would make."""
    import dataclasses

    from commapper.model import BoundaryObjectNode, CommunityNode, MeNode, PersonNode
    from commapper.model.document import moved_to, values_of

    nodes = [
        MeNode(id="me", label="Sam", org="Acme", x=1.0, y=2.0, tags=("a",), notes="n"),
        CommunityNode(id="c1", label="Choir", sector="hobby", x=None, y=None),
        PersonNode(id="p1", label="Ana", attributes={"role": "nurse"}, color="#112233"),
        BoundaryObjectNode(id="b1", label="Protocol", x=-5.5, y=0.0),
    ]
    for node in nodes:
        before = values_of(type(node))(node)
        for x, y in ((3.0, -4.5), (None, None), (0.0, 1e6)):
            moved = moved_to(node, x, y)
            assert moved == dataclasses.replace(node, x=x, y=y)
            assert type(moved) is type(node) and (moved.x, moved.y) == (x, y)
        assert values_of(type(node))(node) == before  # left as it was
