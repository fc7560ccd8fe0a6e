"""Merging participants' maps: matching, provenance, ids, validity and anonymisation."""

from __future__ import annotations

import re
from collections import Counter

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from strategies import documents

from commapper.io import map_to_json, parse_map
from commapper.model import (
    CommunityNode,
    CrossingEdge,
    MapDocument,
    MembershipEdge,
    MeNode,
    PersonNode,
    TieEdge,
    reference_problems,
)
from commapper.workshop.matching import Aliases, AliasGroup, Decisions
from commapper.workshop.merge import Participant, merge_maps
from commapper.workshop.provenance import (
    ROOM_COUNT,
    ROOM_FROM,
    ROOM_PARTICIPANT,
    item_sources,
    without_participant,
)
from tests.workshop.rooms import COMMUNITIES, OBJECTS, rooms

ROOM_SETTINGS = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


def participant(name, communities=(), people=(), *, me_label=None, source=None) -> Participant:
    """A map: me (named ``name``) in each community, with a tie to each person."""
    doc = MapDocument.new()
    nodes = [MeNode(id="me", label=name if me_label is None else me_label)]
    edges = []
    for number, label in enumerate(communities):
        nodes.append(CommunityNode(id=f"c{number}", label=label))
        edges.append(
            MembershipEdge(id=f"m{number}", source="me", target=f"c{number}", level="core")
        )
    for number, label in enumerate(people):
        nodes.append(PersonNode(id=f"p{number}", label=label))
        edges.append(TieEdge(id=f"t{number}", source="me", target=f"p{number}"))
    doc.nodes, doc.edges = nodes, edges
    doc.reindex()
    return Participant(source or f"/room/{name}.commap", name, doc)


def labels_of(doc, kind):
    return sorted(node.label for node in doc.nodes if node.kind == kind)


def assert_valid(doc):
    """The room map is an ordinary map: it passes every check of ``validate`` when written."""
    assert reference_problems(doc) == []
    assert parse_map(map_to_json(doc).encode()).content() == doc.content()


# -- matching -------------------------------------------------------------------------------------


def test_spellings_of_one_community_are_one_node_named_by_everyone():
    room = merge_maps(
        [
            participant("Ana", ["Open-data circle", "Hospital I.T."]),
            participant("Bo", ["open data circle", "hospital it"]),
            participant("Cy", ["OPEN DATA CIRCLE"]),
        ]
    )
    doc = room.document
    assert labels_of(doc, "community") == ["Hospital I.T.", "Open-data circle"]
    circle = doc.node("c:open-data-circle")
    # The spelling the most used (first of equals) is the label; everyone is counted.
    assert circle.label == "Open-data circle"
    assert circle.attributes[ROOM_COUNT] == 3
    assert circle.attributes[ROOM_FROM] == "p:ana p:bo p:cy"
    assert doc.node("c:hospital-it").attributes[ROOM_COUNT] == 2
    assert_valid(doc)


def test_me_becomes_a_person_that_others_name_too():
    room = merge_maps(
        [participant("Ana Lima", people=["Bo"]), participant("Bo", people=["ana lima"])]
    )
    doc = room.document
    assert labels_of(doc, "me") == []
    assert labels_of(doc, "person") == ["Ana Lima", "Bo"]
    ana = doc.node("p:ana-lima")
    assert ana.attributes[ROOM_PARTICIPANT] is True
    assert ana.attributes[ROOM_FROM] == "p:ana-lima p:bo"
    # Ana's tie to Bo and Bo's tie to Ana are one undirected tie, brought by both.
    (tie,) = doc.edges_of(["p:ana-lima"])
    assert {tie.source, tie.target} == {"p:ana-lima", "p:bo"}
    assert tie.attributes[ROOM_COUNT] == 2
    assert room.participants == {"/room/Ana Lima.commap": "p:ana-lima", "/room/Bo.commap": "p:bo"}


def test_a_me_without_a_name_takes_the_file_name():
    room = merge_maps([participant("dana", me_label="Me"), participant("eli", me_label="")])
    assert labels_of(room.document, "person") == ["dana", "eli"]


def test_kinds_are_matched_only_within_their_kind():
    doc = MapDocument.new()
    doc.nodes = [MeNode(id="me", label="Ana"), CommunityNode(id="c", label="Bo")]
    doc.reindex()
    room = merge_maps([Participant("a", "Ana", doc), participant("Bo")])
    assert labels_of(room.document, "community") == ["Bo"]
    assert labels_of(room.document, "person") == ["Ana", "Bo"]


def test_near_misses_are_suggested_not_merged_until_accepted():
    maps = [
        participant("Ana", ["Python meetup"]),
        participant("Bo", ["Python meetup"]),
        participant("Cy", ["Pyton meetup"]),
    ]
    room = merge_maps(maps)
    assert labels_of(room.document, "community") == ["Python meetup", "Pyton meetup"]
    (suggestion,) = room.suggestions
    assert suggestion.labels == ("Python meetup", "Pyton meetup")
    assert suggestion.node_ids == ("c:python-meetup", "c:pyton-meetup")
    assert suggestion.named_by == (2, 1)

    accepted = merge_maps(maps, decisions=Decisions().accept(suggestion.match))
    assert labels_of(accepted.document, "community") == ["Python meetup"]
    assert accepted.document.node("c:python-meetup").attributes[ROOM_COUNT] == 3
    assert accepted.suggestions == ()

    rejected = merge_maps(maps, decisions=Decisions().reject(suggestion.match))
    assert labels_of(rejected.document, "community") == ["Python meetup", "Pyton meetup"]
    assert rejected.suggestions == ()


def test_an_alias_joins_spellings_under_its_label():
    aliases = Aliases(same=(AliasGroup("Open data circle", ("ODC",), "community"),))
    room = merge_maps(
        [participant("Ana", ["ODC"]), participant("Bo", ["open-data circle"])], aliases
    )
    (community,) = [node for node in room.document.nodes if node.kind == "community"]
    assert community.label == "Open data circle"
    assert community.attributes[ROOM_COUNT] == 2


def test_two_participants_of_one_name_stay_two_people():
    room = merge_maps([participant("Ana", source="a"), participant("Ana", source="b")])
    assert labels_of(room.document, "person") == ["Ana", "Ana (2)"]
    assert [str(problem) for problem in room.problems] == [
        "b: another participant is also called Ana; this one is Ana (2)"
    ]


def test_duplicate_edges_merge_by_the_file_format_rules():
    def crossing_map(name, level, via_label, modes):
        doc = MapDocument.new()
        doc.nodes = [
            MeNode(id="me", label=name),
            CommunityNode(id="a", label="Choir"),
            CommunityNode(id="b", label="Chess club"),
            PersonNode(id="p", label=via_label),
        ]
        doc.edges = [
            MembershipEdge(id="m", source="p", target="a", level=level, modes=modes, since="2020"),
            CrossingEdge(id="x", source="a", target="b", via=("p",)),
        ]
        doc.reindex()
        return Participant(name, name, doc)

    room = merge_maps(
        [
            crossing_map("Ana", "peripheral", "Olu", ("imagination",)),
            crossing_map("Bo", "core", "Rasmus", ("engagement",)),
        ]
    )
    doc = room.document
    memberships = [edge for edge in doc.edges if edge.kind == "membership"]
    assert len(memberships) == 2  # Olu's and Rasmus's, one each
    (crossing,) = [edge for edge in doc.edges if edge.kind == "crossing"]
    assert set(crossing.via) == {"p:olu", "p:rasmus"}
    assert crossing.attributes[ROOM_COUNT] == 2
    # The same person said to be a member twice: the strongest level, every mode.
    room = merge_maps(
        [
            crossing_map("Ana", "peripheral", "Olu", ("imagination",)),
            crossing_map("Bo", "core", "Olu", ("engagement",)),
        ]
    )
    (membership,) = [edge for edge in room.document.edges if edge.kind == "membership"]
    assert membership.level == "core"
    assert set(membership.modes) == {"imagination", "engagement"}
    assert membership.since == "2020"
    assert_valid(room.document)


def test_an_edge_between_two_spellings_of_one_thing_is_left_out_and_said():
    doc = MapDocument.new()
    doc.nodes = [
        MeNode(id="me", label="Ana"),
        CommunityNode(id="a", label="Open-data circle"),
        CommunityNode(id="b", label="open data circle"),
    ]
    doc.edges = [CrossingEdge(id="x", source="a", target="b")]
    doc.reindex()
    room = merge_maps([Participant("ana.commap", "Ana", doc)])
    assert room.document.edges == []
    messages = [problem.message for problem in room.problems]
    assert any("are one community in the room map" in message for message in messages)
    assert any("were left out" in message for message in messages)


# -- on generated rooms ---------------------------------------------------------------------------


def canonical(label, pools):
    """What a label of the room map is, in the generated room's words (its spaces tidied)."""
    for spellings in pools:
        if label in {" ".join(spelling.split()) for spelling in spellings}:
            return spellings[0]
    raise AssertionError(label)


@given(rooms())
@ROOM_SETTINGS
def test_generated_rooms_merge_into_valid_maps_with_true_provenance(room):
    merged = merge_maps(room.participants)
    doc = merged.document
    assert_valid(doc)
    # One node per community named, whatever the spelling, counting who named it.
    named = Counter(label for held in room.communities for label in held)
    communities = {
        canonical(node.label, COMMUNITIES): node for node in doc.nodes if node.kind == "community"
    }
    assert set(communities) == set(named)
    for label, node in communities.items():
        assert node.attributes[ROOM_COUNT] == named[label]
        who = {
            merged.participants[p.source]
            for p, held in zip(room.participants, room.communities, strict=True)
            if label in held
        }
        assert set(item_sources(node)) == who
    # One person per participant and per other person named, whatever the case.
    people = {node.label.casefold() for node in doc.nodes if node.kind == "person"}
    expected = {name.casefold() for name in room.names}
    expected |= {person.casefold() for held in room.people for person in held}
    assert people == expected
    objects = {
        canonical(node.label, OBJECTS) for node in doc.nodes if node.kind == "boundary_object"
    }
    assert len(objects) == len([n for n in doc.nodes if n.kind == "boundary_object"])
    # Every item says who brought it, and only participants of the room.
    participant_ids = set(merged.participants.values())
    for item in [*doc.nodes, *doc.edges]:
        sources = item_sources(item)
        assert sources and set(sources) <= participant_ids
        assert item.attributes[ROOM_COUNT] == len(sources)


@given(rooms(min_participants=2), st.data())
@ROOM_SETTINGS
def test_taking_a_participant_out_removes_exactly_what_only_they_brought(room, data):
    leaving = data.draw(st.integers(0, len(room.participants) - 1))
    merged = merge_maps(room.participants)
    person = merged.participants[room.participants[leaving].source]
    taken_out = without_participant(merged.document, person)
    rest = merge_maps([p for i, p in enumerate(room.participants) if i != leaving]).document
    assert reference_problems(taken_out) == []

    def provenance(doc):
        return {item.id: (item_sources(item), item.attributes.get(ROOM_PARTICIPANT))
                for item in [*doc.nodes, *doc.edges]}  # fmt: skip

    assert provenance(taken_out) == provenance(rest)
    kept = {item.id for item in [*taken_out.nodes, *taken_out.edges]}
    for item in [*merged.document.nodes, *merged.document.edges]:
        assert (item.id in kept) == (item_sources(item) != [person])


@given(rooms(min_participants=2), st.data())
@ROOM_SETTINGS
def test_ids_stay_the_same_when_the_room_merges_again(room, data):
    """A file added, changed or gone: every node still in the room keeps its id, and every edge
    between the same two nodes too."""
    before = merge_maps(room.participants[:-1]).document
    after = merge_maps(room.participants).document

    def ids(doc):
        return {node.id: node.label.casefold() for node in doc.nodes}

    common = set(ids(before)) & set(ids(after))
    for node_id in common:
        assert canonical_of(before, node_id) == canonical_of(after, node_id)
    # Whatever each was called before, it is called by the same id now.
    by_name_before = {canonical_of(before, node_id): node_id for node_id in ids(before)}
    by_name_after = {canonical_of(after, node_id): node_id for node_id in ids(after)}
    for name, node_id in by_name_before.items():
        assert by_name_after[name] == node_id
    edges_before = {(e.kind, e.source, e.target): e.id for e in before.edges}
    edges_after = {(e.kind, e.source, e.target): e.id for e in after.edges}
    for key, edge_id in edges_before.items():
        assert edges_after[key] == edge_id


def canonical_of(doc, node_id):
    node = doc.node(node_id)
    pools = COMMUNITIES if node.kind == "community" else OBJECTS
    if node.kind in ("community", "boundary_object"):
        return node.kind, canonical(node.label, pools)
    return node.kind, node.label.casefold()


def test_previous_positions_are_kept_by_id_and_new_nodes_are_left_unplaced():
    maps = [participant("Ana", ["Choir"]), participant("Bo", ["Chess club"])]
    first = merge_maps(maps[:1]).document
    assert all(node.x is None and node.y is None for node in first.nodes)
    placed = first.snapshot()
    placed.nodes = [
        node.__class__(**{**_fields(node), "x": 10.0, "y": 20.0}) for node in first.nodes
    ]
    placed.reindex()
    again = merge_maps(maps, previous=placed).document
    for node in again.nodes:
        if node.id in placed:
            assert (node.x, node.y) == (10.0, 20.0)
        else:
            assert (node.x, node.y) == (None, None)


def _fields(node):
    import dataclasses

    return {field.name: getattr(node, field.name) for field in dataclasses.fields(node)}


# -- anonymised -----------------------------------------------------------------------------------


def assert_no_name_in(data: bytes, names):
    text = data.decode("utf-8").casefold()
    for name in names:
        for word in name.casefold().split():
            assert not re.search(rf"\b{re.escape(word)}\b", text), (name, word)
        assert name.casefold() not in text


@given(rooms(min_participants=2))
@ROOM_SETTINGS
def test_anonymised_room_maps_hold_no_participant_name_in_their_bytes(room):
    merged = merge_maps(room.participants, anonymise=True)
    data = map_to_json(merged.document).encode("utf-8")
    assert_no_name_in(data, room.names)
    assert_valid(merged.document)
    people = labels_of(merged.document, "person")
    assert all(re.fullmatch(r"(Participant|Person) \d+", label) for label in people)
    assert sum(label.startswith("Participant") for label in people) == len(room.participants)


def test_names_are_taken_out_of_every_text_when_anonymised(tmp_path):
    from commapper.io import save_map

    doc = MapDocument.new("Zenobia's map")
    doc.nodes = [
        MeNode(id="me", label="Zenobia Quillfeather", notes="Bartholomew knows", org="Acme"),
        CommunityNode(
            id="c",
            label="Bartholomew's reading group",
            domain="books with ZENOBIA",
            tags=("okonkwo",),
            attributes={"host": "Bartholomew Okonkwo", "Quillfeather note": 3},
        ),
        PersonNode(id="p", label="bartholomew okonkwo"),
    ]
    doc.edges = [
        MembershipEdge(id="m", source="me", target="c", level="core", label="with Zenobia"),
        TieEdge(id="t", source="me", target="p", notes="Okonkwo and I"),
    ]
    doc.reindex()
    other = participant(
        "Bartholomew Okonkwo", ["Bartholomew's reading group"], ["Zénobia Quillfeather"]
    )
    merged = merge_maps([Participant("z", "Zenobia", doc), other], anonymise=True)
    path = tmp_path / "room.commap"
    save_map(merged.document, path)
    assert_no_name_in(path.read_bytes(), ["Zenobia Quillfeather", "Bartholomew Okonkwo"])
    labels = labels_of(merged.document, "community")
    assert labels == ["Participant 2's reading group"]
    assert labels_of(merged.document, "person") == ["Participant 1", "Participant 2"]


def test_pseudonyms_keep_their_numbers_from_one_merge_to_the_next():
    ana, bo, cy = (
        participant("Ana", people=["Olu"]),
        participant("Bo", people=["Rasmus"]),
        participant("Cy"),
    )
    first = merge_maps([ana, bo], anonymise=True)
    # Ana's file is gone and Cy's came: Bo stays Participant 2, Rasmus Person 2.
    second = merge_maps([bo, cy], anonymise=True, numbers=first.numbers)
    labels = {node.id: node.label for node in second.document.nodes}
    assert labels["p:participant-2"] == "Participant 2"
    assert labels["p:participant-3"] == "Participant 3"
    assert labels["p:person-2"] == "Person 2"
    assert second.participants[bo.source] == "p:participant-2"


def test_a_map_without_me_still_brings_its_participant():
    doc = MapDocument.new()
    doc.nodes = [CommunityNode(id="c", label="Choir")]
    doc.reindex()
    merged = merge_maps(
        [Participant("/room/team.commap", "team", doc), participant("Ana", ["Choir"])]
    )
    team = merged.document.node("p:team")
    assert item_sources(team) == ["p:team"] and team.attributes[ROOM_PARTICIPANT] is True
    assert item_sources(merged.document.node("c:choir")) == ["p:team", "p:ana"]
    assert "the map has no me node" in merged.problems[0].message
    assert "p:team" not in without_participant(merged.document, "p:team")


def test_aliases_that_make_two_participants_one_person_are_said():
    aliases = Aliases(same=(AliasGroup("Ana Lima", ("Ana L",), "person"),))
    merged = merge_maps([participant("Ana Lima"), participant("Ana L")], aliases)
    assert labels_of(merged.document, "person") == ["Ana Lima"]
    assert "the aliases make Ana L the same person as Ana Lima" in str(merged.problems[0])


def test_a_name_taken_from_the_file_is_hidden_too():
    """A participant whose me is "Me" is named after their file; others name them in full."""
    quiet = participant("grete-lindqvist", ["Grete's garden club"], me_label="Me")
    other = participant("Farid Haddadin", ["Chess club"], ["Grete Lindqvist"])
    merged = merge_maps([quiet, other], anonymise=True)
    assert_no_name_in(map_to_json(merged.document).encode(), ["Grete Lindqvist", "Farid Haddadin"])
    assert labels_of(merged.document, "person") == ["Participant 1", "Participant 2"]
    assert "Participant 1's garden club" in labels_of(merged.document, "community")


@given(st.lists(documents(max_nodes=8, max_edges=12), min_size=1, max_size=3), st.booleans())
@ROOM_SETTINGS
def test_any_valid_maps_merge_into_a_valid_room_map(docs, anonymise):
    """Maps of any text (quotes, control characters, emoji, labels of 500 characters, ids of
    64), with or without names hidden: the room map is still valid, and hides the names."""
    import dataclasses

    long_label = "Zenobia " * 62  # 496 characters, which grow when the name is replaced
    for number, doc in enumerate(docs):
        name = f"Zenobia Quillfeather{number}"
        others = [node for node in doc.nodes if node.kind != "me"]
        me = doc.ego or MeNode(id="me-zenobia")
        long = CommunityNode(id="c-long", label=long_label, tags=("Zenobia " * 25,))
        doc.nodes = [dataclasses.replace(me, label=name), *others, long]
        doc.reindex()
    maps = [Participant(f"/room/{i}.commap", "?", doc) for i, doc in enumerate(docs)]
    merged = merge_maps(maps, anonymise=anonymise)
    assert_valid(merged.document)
    if anonymise:
        assert_no_name_in(map_to_json(merged.document).encode(), ["Zenobia"])
