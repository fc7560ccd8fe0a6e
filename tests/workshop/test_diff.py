"""A room map brought up to date with a new merge: what the files changed arrives, what the
facilitator did stays, and the edit undoes exactly."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from commapper.layout import place_unplaced
from commapper.model import MoveNodes, apply_edit
from commapper.workshop.diff import room_update
from commapper.workshop.merge import merge_maps
from commapper.workshop.provenance import ROOM_COUNT, ROOM_FROM
from tests.workshop.rooms import rooms
from tests.workshop.test_merge import participant


def placed(doc):
    """``doc`` with every node placed, as the app shows a room map."""
    doc = doc.snapshot()
    apply_edit(doc, MoveNodes.tidied(place_unplaced(doc)))
    return doc


def without_places(doc):
    """What a map says (its title, description, nodes and edges), its nodes' places left out."""
    content = doc.content()
    for node in content["nodes"]:
        node.pop("x", None)
        node.pop("y", None)
    content["nodes"].sort(key=lambda node: node["id"])  # new items come at the end
    content["edges"].sort(key=lambda edge: edge["id"])
    return {name: content.get(name) for name in ("title", "description", "nodes", "edges")}


ANA = participant("Ana", ["Choir", "Chess club"], ["Bo"])
BO = participant("Bo", ["choir", "Nurses"])
CY = participant("Cy", ["Nurses", "Go club"], ["Ana"])


def test_a_new_participant_arrives_and_nodes_that_stay_keep_their_places():
    base = merge_maps([ANA, BO]).document
    current = placed(base)
    places = {node.id: (node.x, node.y) for node in current.nodes}
    merged = merge_maps([ANA, BO, CY]).document
    apply_edit(current, room_update(current, base, merged))
    assert without_places(current) == without_places(merged)
    for node in current.nodes:
        if node.id in places:
            assert (node.x, node.y) == places[node.id]
        else:  # new: placed beside what it is joined to, not on top of another node
            assert node.x is not None and node.y is not None
            assert (node.x, node.y) not in places.values()
    assert current.node("c:nurses").attributes[ROOM_COUNT] == 2


def test_a_participant_who_leaves_takes_what_only_they_named():
    base = merge_maps([ANA, BO, CY]).document
    current = placed(base)
    apply_edit(current, room_update(current, base, merge_maps([ANA, BO]).document))
    assert not current.has_node("c:go-club") and not current.has_node("p:cy")
    assert current.node("c:nurses").attributes[ROOM_FROM] == "p:bo"


def test_the_facilitators_edits_survive_a_merge():
    base = merge_maps([ANA, BO]).document
    current = placed(base)
    apply_edit(current, MoveNodes({"c:choir": (5.0, 7.0)}))
    choir = current.node("c:choir")
    assert room_update(current, current, current) is None  # nothing to carry over
    from commapper.model import CommunityNode, InsertItems, RemoveItems, UpdateItem

    apply_edit(
        current,
        UpdateItem(
            "c:choir",
            {"label": "Community choir", "attributes": {**choir.attributes, "colour": "red"}},
        ),
    )
    apply_edit(current, RemoveItems(frozenset({"c:chess-club"})))
    apply_edit(current, InsertItems(nodes=((0, CommunityNode(id="mine", label="Mine")),)))
    # Cy names the choir as well (its count changes) and Chess club, which was deleted here.
    cy = participant("Cy", ["Choir", "chess club", "Go club"])
    merged = merge_maps([ANA, BO, cy]).document
    apply_edit(current, room_update(current, base, merged))
    choir = current.node("c:choir")
    assert choir.label == "Community choir"  # the facilitator's name for it
    assert (choir.x, choir.y) == (5.0, 7.0)
    assert choir.attributes["colour"] == "red"
    assert choir.attributes[ROOM_COUNT] == 3  # provenance follows the files
    assert not current.has_node("c:chess-club")  # deleted here: stays deleted
    assert current.has_node("mine") and current.has_node("c:go-club")


def test_a_field_the_facilitator_left_alone_follows_the_files():
    base = merge_maps([ANA, BO]).document
    current = placed(base)
    cy = participant("Cy", ["Choir"])
    cy.document.nodes[1] = type(cy.document.nodes[1])(id="c0", label="Choir", sector="civic")
    cy.document.reindex()
    apply_edit(current, room_update(current, base, merge_maps([ANA, BO, cy]).document))
    assert current.node("c:choir").sector == "civic"


def test_nothing_to_carry_is_no_edit():
    base = merge_maps([ANA, BO]).document
    assert room_update(placed(base), base, merge_maps([ANA, BO]).document) is None


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rooms(min_participants=2, max_participants=5), st.data())
def test_an_untouched_map_becomes_the_new_merge_and_the_edit_undoes_exactly(room, data):
    everyone = room.participants
    before = data.draw(st.lists(st.sampled_from(everyone), unique_by=lambda p: p.source))
    base = merge_maps(before).document
    current = placed(base)
    kept = current.content()
    merged = merge_maps(everyone).document
    edit = room_update(current, base, merged)
    if edit is None:
        assert without_places(current) == without_places(merged)
        return
    inverse = apply_edit(current, edit)
    assert without_places(current) == without_places(merged)
    assert all(node.x is not None for node in current.nodes)
    apply_edit(current, inverse)
    assert current.content() == kept
