"""GraphML, GEXF, Kumu JSON and CSV tables: maps out and back, and what networkx reads of them."""

import json

import networkx as nx
import pytest
from hypothesis import HealthCheck, given, settings
from strategies import documents

from commapper.io import MapFileError, load_map
from commapper.io.exchange import (
    EXCHANGE_FORMATS,
    format_for,
    import_exchange,
    read_exchange,
    table_paths,
    write_exchange,
)
from commapper.model import (
    CommunityNode,
    CrossingEdge,
    MapDocument,
    MembershipEdge,
    MeNode,
    PersonNode,
    TieEdge,
)
from commapper.resources import example_maps

LOSSLESS = {"graphml": ".graphml", "gexf": ".gexf", "kumu": ".json", "commap": ".commap"}


def round_trip(doc: MapDocument, tmp_path, fmt: str) -> MapDocument:
    path = tmp_path / f"map{EXCHANGE_FORMATS[fmt].suffixes[0]}"
    write_exchange(doc, path, fmt)
    return read_exchange(path)


@pytest.mark.parametrize("fmt", [*LOSSLESS, "csv"])
@pytest.mark.parametrize("example", example_maps(), ids=lambda path: path.stem)
def test_example_maps_come_back_with_every_node_and_edge(tmp_path, example, fmt):
    doc = load_map(example)
    back = round_trip(doc, tmp_path, fmt)
    assert back.content()["nodes"] == doc.content()["nodes"]
    assert back.content()["edges"] == doc.content()["edges"]
    if fmt != "csv":  # tables hold no title, dates or views (docs/exchange.md)
        assert back.content() == doc.content()


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(documents())
@pytest.mark.parametrize("fmt", ["graphml", "gexf", "kumu"])
def test_any_map_comes_back_exactly(tmp_path, fmt, doc):
    """Any text (control characters, quotes, newlines, a lone carriage return), custom
    attributes of mixed types and null, positions, dates and views survive."""
    assert round_trip(doc, tmp_path, fmt).content() == doc.content()


def awkward_map() -> MapDocument:
    """What the random maps may miss: text XML cannot hold, attributes named like fields or
    like Gephi's columns, one attribute of several types, half a position, huge integers."""
    doc = MapDocument.new("Title\r\nwith \x00 and \ue000 and \ufffe")
    doc.nodes = [
        MeNode(id="me", label="Me", x=0.0, y=-0.0),
        PersonNode(
            id="p1",
            label=" Ana\r",
            x=3.5,
            attributes={
                "label": "x",
                "Id": 1,
                "kind": None,
                "attribute:label": True,
                "": 1.5,
                "big": 10**30,
            },
        ),
        PersonNode(id="p2", label="", attributes={"label": 2, "Type": "y", "big": 10**30}),
        CommunityNode(
            id="c1",
            label="<&>\"'",
            x=10.0,
            y=20.0,
            inside_org=False,
            color="#ABCDEF",
            tags=("a|b", ""),
        ),
        CommunityNode(id="c2", y=12.0, domain="", sector=None),
    ]
    doc.edges = [
        MembershipEdge(
            id="m1",
            source="me",
            target="c1",
            level="core",
            modes=["imagination"],
            since="2019-02",
            until="2020",
        ),
        MembershipEdge(id="m2", source="p1", target="c1", level="peripheral"),
        TieEdge(id="t1", source="me", target="p1", directed=True, weight=0.25),
        TieEdge(id="t2", source="p2", target="p1"),
        CrossingEdge(
            id="x1",
            source="c1",
            target="c2",
            via=["p1", "me"],
            directed=False,
            means="broker",
            label="brought it",
        ),
    ]
    doc.reindex()
    return doc


@pytest.mark.parametrize("fmt", ["graphml", "gexf", "kumu"])
def test_awkward_values_come_back_exactly(tmp_path, fmt):
    doc = awkward_map()
    assert round_trip(doc, tmp_path, fmt).content() == doc.content()


def test_tables_keep_fields_and_lose_only_what_docs_say(tmp_path):
    """CSV is text: custom attributes that read as numbers or booleans become them, a tag
    holding | is two tags, and empty text is no value; the rest comes back."""
    doc = awkward_map()
    back = round_trip(doc, tmp_path, "csv")
    assert back.title == "" and back.views == []
    ana = back.node("p1")
    assert ana.label == " Ana\r" and ana.x == 3.5 and ana.y is None
    assert ana.attributes == {"label": "x", "Id": 1, "attribute:label": True, "": 1.5,
                              "big": 10**30}  # fmt: skip
    c1 = back.node("c1")
    assert c1.label == "<&>\"'" and c1.inside_org is False and c1.color == "#ABCDEF"
    assert c1.tags == ("a", "b")
    assert back.node("c2").domain is None  # "" is no value in a table
    assert back.edge("x1") == doc.edge("x1")
    assert back.edge("t1") == doc.edge("t1") and back.edge("m1") == doc.edge("m1")


def test_csv_is_written_as_a_nodes_file_and_an_edges_file(tmp_path):
    written = write_exchange(awkward_map(), tmp_path / "map.csv", "csv")
    assert written == [tmp_path / "map.nodes.csv", tmp_path / "map.edges.csv"]
    assert table_paths(tmp_path / "map.edges.csv") == tuple(written)
    nodes = (tmp_path / "map.nodes.csv").read_text(encoding="utf-8-sig").splitlines()
    edges = (tmp_path / "map.edges.csv").read_text(encoding="utf-8-sig").splitlines()
    assert nodes[0].startswith("Id,Label,Type,")
    assert edges[0].startswith("Id,Source,Target,Kind,Type,From,To,")
    assert any(line.startswith("t2,p2,p1,tie,Undirected,p2,p1") for line in edges)
    # Either file names the pair.
    from_edges, from_nodes = (read_exchange(path) for path in written[::-1])
    assert from_edges.nodes == from_nodes.nodes and from_edges.edges == from_nodes.edges


@pytest.mark.parametrize("example", example_maps(), ids=lambda path: path.stem)
def test_networkx_reads_our_graphml_and_gexf_with_kinds_and_counts(tmp_path, example):
    doc = load_map(example)
    write_exchange(doc, tmp_path / "map.graphml", "graphml")
    write_exchange(doc, tmp_path / "map.gexf", "gexf")
    for graph in (nx.read_graphml(tmp_path / "map.graphml"), nx.read_gexf(tmp_path / "map.gexf")):
        assert graph.number_of_nodes() == len(doc.nodes)
        assert graph.number_of_edges() == len(doc.edges)
        assert dict(graph.nodes(data="kind")) == {node.id: node.kind for node in doc.nodes}
        kinds = sorted(kind for _, _, kind in graph.edges(data="kind"))
        assert kinds == sorted(edge.kind for edge in doc.edges)
        assert {n: graph.nodes[n]["label"] for n in graph} == {n.id: n.label for n in doc.nodes}


def test_networkx_reads_custom_attributes_with_their_types(tmp_path):
    doc = load_map(next(p for p in example_maps() if "library" in p.name))
    write_exchange(doc, tmp_path / "map.graphml", "graphml")
    graph = nx.read_graphml(tmp_path / "map.graphml")
    typed = {
        n: data["years_in_team"] for n, data in graph.nodes(data=True) if "years_in_team" in data
    }
    assert typed and all(isinstance(value, int) for value in typed.values())
    assert typed == {
        node.id: node.attributes["years_in_team"]
        for node in doc.nodes
        if "years_in_team" in node.attributes
    }


def test_gephi_sees_positions_with_y_up_and_colours(tmp_path):
    doc = awkward_map()
    write_exchange(doc, tmp_path / "map.gexf", "gexf")
    graph = nx.read_gexf(tmp_path / "map.gexf")
    assert graph.nodes["c1"]["viz"]["position"] == {"x": 10.0, "y": -20.0, "z": 0.0}
    assert graph.nodes["c1"]["viz"]["color"] == {"r": 171, "g": 205, "b": 239, "a": 1.0}


def test_kumu_blueprint_is_what_kumu_imports(tmp_path):
    write_exchange(awkward_map(), tmp_path / "map.json", "kumu")
    blueprint = json.loads((tmp_path / "map.json").read_text(encoding="utf-8"))
    element = blueprint["elements"][3]
    assert element["id"] == "c1" and element["label"] == "<&>\"'" and element["type"] == "community"
    assert element["tags"] == ["a|b", ""]
    tie = next(c for c in blueprint["connections"] if c["id"] == "t2")
    assert tie["from"] == "p2" and tie["to"] == "p1" and tie["type"] == "tie"
    assert tie["direction"] == "undirected"


def test_format_comes_from_the_name_or_the_suffix(tmp_path):
    assert format_for("a.GraphML") == "graphml"
    assert format_for("a.json") == "kumu"
    assert format_for("a.txt", "GEXF") == "gexf"
    with pytest.raises(MapFileError, match="names no format"):
        format_for("a.txt")
    with pytest.raises(MapFileError, match="not a format"):
        format_for("a.graphml", "dot")


def test_import_tells_what_it_changed(tmp_path):
    path = tmp_path / "other.graphml"
    path.write_text(
        '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">'
        '<key id="k" for="node" attr.name="x" attr.type="string"/>'
        '<graph edgedefault="undirected">'
        '<node id="Ana García"><data key="k">left</data></node><node id="b"/>'
        '<edge source="Ana García" target="b"/><edge source="b" target="b"/>'
        "</graph></graphml>",
        encoding="utf-8",
    )
    imported = import_exchange(path)
    ana = imported.document.nodes[0]
    assert ana.id == "p1" and ana.label == "Ana García"
    assert ana.attributes == {"original_id": "Ana García", "x": "left"} and ana.x is None
    assert [edge.kind for edge in imported.document.edges] == ["tie"]
    assert any("to itself" in note for note in imported.notes)
    assert any('"x"' in note for note in imported.notes)


def test_writing_a_read_only_file_fails_cleanly(tmp_path):
    path = tmp_path / "map.graphml"
    path.write_text("old", encoding="utf-8")
    path.chmod(0o444)
    with pytest.raises(MapFileError, match="read-only"):
        write_exchange(awkward_map(), path, "graphml")
    assert path.read_text(encoding="utf-8") == "old"


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(documents())
def test_tables_keep_any_map_s_items_kinds_labels_and_ends(tmp_path, doc):
    """Any text, NUL and line breaks included, in the cells of a table."""
    back = round_trip(doc, tmp_path, "csv")
    assert [(n.id, n.kind, n.label, n.x, n.y) for n in back.nodes] == [
        (n.id, n.kind, n.label, n.x, n.y) for n in doc.nodes
    ]
    assert [(e.id, e.kind, e.source, e.target, e.label) for e in back.edges] == [
        (e.id, e.kind, e.source, e.target, e.label) for e in doc.edges
    ]
