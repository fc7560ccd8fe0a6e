"""Safe copies: pseudonymised and communities-only copies name no person of the map in their
bytes, in .commap and in every format they can be exported to; the key undoes the pseudonyms."""

import json
import stat

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from strategies import documents

from commapper.io import load_map, map_to_json
from commapper.io.exchange import read_exchange, write_exchange
from commapper.io.safe_copy import (
    LEVELS,
    key_path,
    names_in,
    person_names,
    safe_copy,
    write_key,
)
from commapper.model import (
    CommunityNode,
    CrossingEdge,
    MapDocument,
    MembershipEdge,
    MeNode,
    ObjectUseEdge,
    PersonNode,
    TieEdge,
    View,
    reference_problems,
)
from commapper.resources import example_maps

FORMATS = {"commap": ".commap", "graphml": ".graphml", "gexf": ".gexf", "kumu": ".json",
           "csv": ".csv"}  # fmt: skip


def team() -> MapDocument:
    """People whose names are written all over the map: in a community's label, notes, tags,
    attributes, an edge's label, the title, a view; and ids that are names."""
    doc = MapDocument.new("Ana García's landscape")
    doc.description = "Drawn with Tom after talking to ANA."
    doc.nodes = [
        MeNode(id="ana", label="Ana García", notes="private", attributes={"phone": "555"}),
        PersonNode(
            id="tom-lee",
            label="Tom Lee",
            org="Tom's firm",
            notes="Tom is kind",
            tags=("friend of Ana",),
            attributes={"email": "tom@example.org"},
        ),
        PersonNode(id="p7", label="Priya", x=1.0, y=2.0),
        PersonNode(id="p2", label="Priya"),  # two people of one name
        CommunityNode(
            id="c-ana",
            label="Ana's reading group",
            notes="Priya started it",
            tags=("García",),
            attributes={"host": "Lee", "Tom": 3},
        ),
        CommunityNode(id="c2", label="Choir", domain="music"),
        CommunityNode(id="c3", label="Healthcare guild"),
    ]
    doc.edges = [
        MembershipEdge(
            id="ana-choir", source="ana", target="c2", level="core", label="Tom brought me"
        ),
        MembershipEdge(id="m2", source="tom-lee", target="c-ana", level="active"),
        MembershipEdge(id="m3", source="p7", target="c3", level="active"),
        TieEdge(id="t1", source="ana", target="p7", notes="met Priya at the guild"),
        CrossingEdge(
            id="x1", source="c-ana", target="c2", via=["tom-lee"], means="broker", label="via Lee"
        ),
    ]
    doc.views = [View(name="Tom's view", nodes=["ana", "c2"], highlighted=["tom-lee"],
                      notes="for Ana")]  # fmt: skip
    doc.reindex()
    return doc


def test_names_of_people_include_first_and_last_names():
    # Longest first, so that a full name is replaced before a part of it.
    assert person_names(team()) == ["Ana García", "Tom Lee", "García", "Priya", "Ana", "Lee",
                                    "Tom"]  # fmt: skip


def test_generated_maps_whose_people_are_called_person_n_can_be_copied():
    """A label that is a pseudonym already names no one, though the copy gives it to another."""
    from benchmarks.generate import generate_map

    doc = generate_map(300)
    assert any(node.label == "Person 1" for node in doc.nodes)
    for level in ("pseudonymised", "communities"):
        copy, _ = safe_copy(doc, level)
        assert not reference_problems(copy)


def test_pseudonymised_copy_names_no_one_and_keeps_the_shape():
    doc = team()
    copy, key = safe_copy(doc, "pseudonymised")
    data = map_to_json(copy).encode("utf-8")
    assert names_in(doc, data) == []
    assert not reference_problems(copy)
    assert [node.label for node in copy.nodes[:4]] == ["Me", "Person 1", "Person 7", "Person 2"]
    # Person 7 keeps the number of their id; the others take the free ones in map order.
    assert key == {"Me": "Ana García", "Person 1": "Tom Lee", "Person 7": "Priya",
                   "Person 2": "Priya"}  # fmt: skip
    tom = copy.nodes[1]
    assert (tom.id, tom.notes, tom.attributes, tom.org) == ("p1", "", {}, "Person 1's firm")
    assert tom.tags == ("friend of Me",)
    group = copy.nodes[4]
    assert group.label == "Me's reading group" and group.tags == ("Me",)
    assert group.attributes == {"host": "Person 1", "Person 1": 3}
    assert copy.title == "Me's landscape"
    assert copy.description == "Drawn with Person 1 after talking to Me."
    assert [edge.kind for edge in copy.edges] == [edge.kind for edge in doc.edges]
    assert copy.edges[4].via == ("p1",) and copy.edges[4].label == "via Person 1"
    assert copy.views[0].name == "Person 1's view" and copy.views[0].highlighted == ["p1"]
    assert copy.views[0].nodes == ["me", "c2"]


def test_the_same_person_gets_the_same_pseudonym_in_every_copy():
    doc = team()
    first, _ = safe_copy(doc, "pseudonymised")
    doc.nodes.insert(1, PersonNode(id="p9", label="Newcomer"))
    doc.reindex()
    second, key = safe_copy(doc, "pseudonymised")
    assert first.nodes[2].label == second.nodes[3].label == "Person 7"
    assert key["Person 9"] == "Newcomer"


def test_communities_only_copy_has_no_people_at_all():
    doc = team()
    copy, key = safe_copy(doc, "communities")
    assert key is None
    assert {node.kind for node in copy.nodes} == {"community"}
    assert [edge.kind for edge in copy.edges] == ["crossing"]
    assert copy.edges[0].via == () and copy.edges[0].label == "via [person]"
    assert copy.nodes[0].label == "[person]'s reading group"
    assert copy.views[0].highlighted == [] and copy.views[0].nodes == ["c2"]
    assert names_in(doc, map_to_json(copy).encode("utf-8")) == []


def test_full_copy_is_the_map():
    doc = team()
    copy, key = safe_copy(doc, "full")
    assert key is None and copy.content() == doc.content() and copy is not doc


def test_an_unknown_level_is_refused():
    with pytest.raises(ValueError, match="pseudonymised"):
        safe_copy(team(), "secret")


@pytest.mark.parametrize("level", ["pseudonymised", "communities"])
@pytest.mark.parametrize("fmt", list(FORMATS))
def test_no_format_of_a_safe_copy_names_anyone(tmp_path, level, fmt):
    for example in [*example_maps(), None]:
        doc = team() if example is None else load_map(example)
        assert person_names(doc)
        copy, _ = safe_copy(doc, level)
        for path in write_exchange(copy, tmp_path / f"copy{FORMATS[fmt]}", fmt):
            assert names_in(doc, path.read_bytes()) == [], path


def test_the_check_finds_names_however_they_are_written():
    doc = team()
    assert names_in(doc, b'{"label": "Ana Garc\\u00eda"}') == ["Ana García", "García", "Ana"]
    assert names_in(doc, b"<node label='T&#111;m'/>") == ["Tom"]
    assert names_in(doc, b"TOM") == ["Tom"]
    assert names_in(doc, b"Tomorrow, Analysis, Healthcare") == []
    # A JSON escape is no part of a word: "\\bO" is a backspace and an O, not "bO".
    bo = MapDocument.new()
    bo.nodes = [PersonNode(id="p1", label="Bo")]
    bo.reindex()
    assert names_in(bo, b'{"tags": ["\\bO"]}') == []
    assert names_in(bo, b'{"tags": ["\\u0042o"]}') == ["Bo"]
    assert names_in(bo, b"C:\\bo") == ["Bo"]  # not JSON: a backslash is a backslash


def test_the_key_is_private_and_beside_the_copy(tmp_path):
    _, key = safe_copy(team(), "pseudonymised")
    path = write_key(key, key_path(tmp_path / "copy.commap"))
    assert path == tmp_path / "copy.key.json"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data == {"format": "commapper-pseudonym-key", "pseudonyms": key}
    path.chmod(0o644)  # a key left readable by an earlier tool is made private again
    write_key(key, path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


NAMES = st.sampled_from(["Ana", "Zoë Ng", "Jean-Luc Picard", "O'Brien", "Ólafur Arnalds", "李雷",
                         "Fatima Al-Sayed", "Bo"])  # fmt: skip


@st.composite
def maps_full_of_names(draw):
    """Random maps whose people have real-looking names, written again into other text."""
    doc = draw(documents(max_nodes=10, max_edges=12))
    people = [i for i, node in enumerate(doc.nodes) if node.kind in ("me", "person")]
    names = []
    for index in people:
        name = draw(NAMES)
        names.append(name)
        doc.nodes[index] = type(doc.nodes[index])(**{**_fields(doc.nodes[index]), "label": name})
    if names:
        for index, node in enumerate(doc.nodes):
            if index not in people and draw(st.booleans()):
                said = f"{draw(st.sampled_from(names))} {node.label}"[:500]
                doc.nodes[index] = type(node)(**{**_fields(node), "label": said})
        doc.title = f"{draw(st.sampled_from(names))}'s map"
    doc.reindex()
    return doc


def _fields(item) -> dict:
    return {name: getattr(item, name) for name in item.__dataclass_fields__}


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(doc=maps_full_of_names(), level=st.sampled_from(["pseudonymised", "communities"]))
def test_any_safe_copy_names_no_one_and_is_a_valid_map(tmp_path, doc, level):
    copy, key = safe_copy(doc, level)  # raises if a name were left
    assert not reference_problems(copy)
    assert names_in(doc, map_to_json(copy).encode("utf-8")) == []
    if level == "communities":
        assert not any(node.kind in ("me", "person") for node in copy.nodes)
    else:
        assert sorted(key.values()) == sorted(
            node.label for node in doc.nodes if node.kind in ("me", "person")
        )
    written = write_exchange(copy, tmp_path / "copy.graphml", "graphml")
    assert read_exchange(written[0]).content() == copy.content()


def test_levels_are_the_three_of_the_design():
    assert LEVELS == ("full", "pseudonymised", "communities")


def test_object_uses_and_boundary_objects_stay_in_a_communities_copy():
    doc = team()
    from commapper.model import BoundaryObjectNode

    doc.nodes.append(BoundaryObjectNode(id="o9", label="Protocol by Tom"))
    doc.edges.append(ObjectUseEdge(id="u1", source="o9", target="c2"))
    doc.reindex()
    copy, _ = safe_copy(doc, "communities")
    assert [node.label for node in copy.nodes if node.kind == "boundary_object"] == [
        "Protocol by [person]"
    ]
    assert "object_use" in {edge.kind for edge in copy.edges}


# -- room maps -------------------------------------------------------------------------------------


def room_map() -> MapDocument:
    """A room map as commapper.workshop merges it (names not hidden): person ids made from
    names (p:bo-li, p:jose-garcia), and every item's room:from naming them."""
    from commapper.workshop.merge import Participant, merge_maps

    def mine(name, communities, others=()):
        doc = MapDocument.new()
        doc.nodes = [
            MeNode(id="me", label=name),
            *(CommunityNode(id=f"c{i}", label=label) for i, label in enumerate(communities)),
            *(PersonNode(id=f"p{i}", label=label) for i, label in enumerate(others)),
        ]
        doc.edges = [
            MembershipEdge(id=f"e{i}", source="me", target=f"c{i}", level="core")
            for i in range(len(communities))
        ]
        doc.reindex()
        return Participant(name, name, doc)

    return merge_maps(
        [
            mine("Bo Li", ["Open data", "Health"], ["Ana Lima"]),
            mine("Ana Lima", ["Open data"]),
            mine("José García", ["Health"]),
        ]
    ).document


def test_a_room_map_names_its_people_in_ids_that_the_check_finds():
    room = room_map()
    assert room.node("p:bo-li") is not None and room.node("p:jose-garcia") is not None
    # Each name is found by the forms its ids take, too.
    for form, name in [("p:bo-li", "Bo Li"), ("bo_li", "Bo Li"), ("BoLi", "Bo Li"),
                       ("jose.garcia", "José García"), ("Jose Garcia", "José García")]:  # fmt: skip
        assert name in names_in(room, json.dumps({"x": form}).encode())
        assert name in names_in(room, f"<a>{form}</a>".encode())
    assert names_in(room, b'{"x": "bolivia limassol"}') == []


@pytest.mark.parametrize("level", ["pseudonymised", "communities"])
def test_a_safe_copy_of_a_room_map_keeps_its_provenance_under_new_ids(level):
    from commapper.workshop.room_analysis import analyse_room, is_room_map

    room = room_map()
    copy, _ = safe_copy(room, level)
    data = map_to_json(copy).encode()
    assert names_in(room, data) == []
    for form in ("bo-li", "ana-lima", "jose-garcia", "Person 1-", "Person 2-"):
        assert form not in data.decode()
    assert reference_problems(copy) == []
    ids = {node.id for node in copy.nodes}
    sources = [
        source
        for item in (*copy.nodes, *copy.edges)
        for source in str(item.attributes.get("room:from", "")).split()
    ]
    assert set(sources) <= ids
    if level == "pseudonymised":
        # Every item keeps who brought it, as the room's new ids; the copy is a room map.
        assert all("room:from" in item.attributes for item in (*copy.nodes, *copy.edges))
        assert is_room_map(copy)
        analysis = analyse_room(copy)
        assert len(analysis.breadth) == 3
        participants = [n for n in copy.nodes if n.attributes.get("room:participant") is True]
        assert sorted(n.label for n in participants) == ["Person 1", "Person 2", "Person 3"]
        community = next(node for node in copy.nodes if node.label == "Open data")
        assert community.attributes["room:count"] == 2
        assert len(community.attributes["room:from"].split()) == 2
    else:
        # No one left to name: who brought an item goes; how many stays.
        assert sources == [] and not is_room_map(copy)
        assert {n.label: n.attributes for n in copy.nodes} == {
            "Open data": {"room:count": 2},
            "Health": {"room:count": 2},
        }


def test_a_name_written_as_an_id_is_replaced_in_a_copy():
    doc = team()
    doc.nodes[-1] = CommunityNode(
        id=doc.nodes[-1].id, label="Reading", notes="ask tom-lee or ana_garcia", x=0, y=0
    )
    doc.reindex()
    copy, _ = safe_copy(doc, "pseudonymised")
    notes = copy.nodes[-1].notes
    assert "tom-lee" not in notes and "ana_garcia" not in notes
    assert names_in(doc, map_to_json(copy).encode()) == []
