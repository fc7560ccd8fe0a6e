"""Graphs made by other tools: networkx, Gephi, yEd, Kumu and plain tables come in as maps."""

import json

import networkx as nx
import pytest

from commapper.analysis.analyse import analyse
from commapper.io.exchange import ORIGINAL_ID, import_exchange, read_exchange


def test_florentine_families_from_networkx_analyse_like_networkx(tmp_path):
    """Padgett's Florentine families, written by networkx: people and ties, and Medici's
    betweenness as in the literature (0.521978; networkx gives the same)."""
    graph = nx.florentine_families_graph()
    nx.write_graphml(graph, tmp_path / "florentine.graphml")
    doc = read_exchange(tmp_path / "florentine.graphml")
    assert {node.kind for node in doc.nodes} == {"person"}
    assert {edge.kind for edge in doc.edges} == {"tie"}
    assert len(doc.nodes) == 15 and len(doc.edges) == 20
    assert not any(edge.directed for edge in doc.edges)
    assert doc.node("Medici").label == "Medici"
    betweenness = analyse(doc).brokerage.actor_betweenness
    assert betweenness["Medici"] == pytest.approx(0.521978, abs=1e-6)
    assert betweenness == pytest.approx(nx.betweenness_centrality(graph), abs=1e-9)


def test_networkx_attributes_become_custom_attributes_and_fields(tmp_path):
    graph = nx.DiGraph()
    graph.add_node("a b", label="Ann", role="chair", age=41, score=0.5, active=True, weight=3)
    graph.add_node(7, x=1.5, y="up")
    graph.add_edge("a b", 7, weight=2.5, since=2019, topic="grants")
    nx.write_graphml(graph, tmp_path / "g.graphml")
    nx.write_gexf(graph, tmp_path / "g.gexf")
    for path in (tmp_path / "g.graphml", tmp_path / "g.gexf"):
        imported = import_exchange(path)
        ann, seven = imported.document.nodes
        assert ann.label == "Ann" and ann.id != "a b"
        assert ann.attributes["role"] == "chair" and ann.attributes["age"] == 41
        assert ann.attributes["score"] == 0.5 and ann.attributes["active"] is True
        assert ann.attributes[ORIGINAL_ID] == "a b"
        assert seven.id == "7" and seven.x == 1.5 and seven.y is None
        assert seven.attributes["y"] == "up"
        (tie,) = imported.document.edges
        assert tie.kind == "tie" and tie.directed and tie.weight == 2.5
        assert tie.source == ann.id and tie.target == "7"
        assert tie.attributes["topic"] == "grants"


def test_kinds_from_another_tool_are_kept_where_they_fit(tmp_path):
    """A tool that writes our kinds (a spreadsheet, a script) gets memberships and crossings
    worked out from the ends, reversed where they were given the other way round."""
    graph = nx.Graph()
    graph.add_node("me", kind="me")
    graph.add_node("choir", kind="Community")
    graph.add_node("band", kind="community")
    graph.add_node("Zoe", kind="organisation")
    graph.add_edges_from([("choir", "me"), ("choir", "band"), ("Zoe", "me")])
    nx.write_graphml(graph, tmp_path / "g.graphml")
    imported = import_exchange(tmp_path / "g.graphml")
    doc = imported.document
    assert [node.kind for node in doc.nodes] == ["me", "community", "community", "person"]
    assert doc.node("Zoe").attributes == {"kind": "organisation"}
    by_kind = {edge.kind: edge for edge in doc.edges}
    assert sorted(by_kind) == ["crossing", "membership", "tie"]
    membership = by_kind["membership"]
    assert (membership.source, membership.target, membership.level) == ("me", "choir", "active")
    assert any("level" in note for note in imported.notes)


def test_yed_labels_and_positions(tmp_path):
    path = tmp_path / "yed.graphml"
    path.write_text(
        """<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:y="http://www.yworks.com/xml/graphml">
  <key for="node" id="d6" yfiles.type="nodegraphics"/>
  <key for="edge" id="d10" yfiles.type="edgegraphics"/>
  <graph edgedefault="directed" id="G">
    <node id="n0"><data key="d6"><y:ShapeNode>
      <y:Geometry height="30.0" width="40.0" x="100.0" y="50.0"/>
      <y:NodeLabel>Ana</y:NodeLabel></y:ShapeNode></data></node>
    <node id="n1"><data key="d6"><y:ShapeNode>
      <y:NodeLabel>Ben</y:NodeLabel></y:ShapeNode></data></node>
    <edge id="e0" source="n0" target="n1"><data key="d10"><y:PolyLineEdge/></data></edge>
  </graph>
</graphml>""",
        encoding="utf-8",
    )
    doc = read_exchange(path)
    assert [(n.id, n.label, n.x, n.y) for n in doc.nodes] == [
        ("n0", "Ana", 120.0, 65.0),
        ("n1", "Ben", None, None),
    ]
    assert doc.edges[0].directed is True


def test_gephi_gexf_with_viz_and_a_default(tmp_path):
    path = tmp_path / "gephi.gexf"
    path.write_text(
        """<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" version="1.3">
  <meta lastmodifieddate="2024-01-01"><creator>Gephi 0.10</creator></meta>
  <graph defaultedgetype="undirected" mode="static">
    <attributes class="node">
      <attribute id="modularity_class" title="Modularity Class" type="integer"/>
      <attribute id="team" title="team" type="string"><default>none</default></attribute>
    </attributes>
    <nodes>
      <node id="0" label="Ana"><attvalues><attvalue for="modularity_class" value="2"/></attvalues>
        <viz:size value="10.0"/><viz:position x="-5.5" y="8.0"/><viz:color r="255" g="0" b="16"/>
      </node>
      <node id="1" label="Ben"/>
    </nodes>
    <edges><edge id="0" source="0" target="1" weight="3.0"/></edges>
  </graph>
</gexf>""",
        encoding="utf-8",
    )
    doc = read_exchange(path)
    ana, ben = doc.nodes
    assert (ana.id, ana.label, ana.x, ana.y, ana.color) == ("0", "Ana", -5.5, -8.0, "#ff0010")
    assert ana.attributes == {"Modularity Class": 2, "team": "none"}
    assert ben.attributes == {"team": "none"}
    (edge,) = doc.edges
    # "0" is taken by a node: the edge gets an id of its own.
    assert edge.id != "0" and edge.attributes[ORIGINAL_ID] == "0"
    assert edge.kind == "tie" and edge.weight == 3.0 and edge.directed is False


def test_kumu_blueprint_from_its_documentation(tmp_path):
    path = tmp_path / "kumu.json"
    blueprint = {
        "elements": [
            {"label": "A", "type": "Person", "description": "This is A", "tags": ["one", "two"]},
            {"label": "B", "type": "Community", "Favorite Dessert": "shave ice"},
        ],
        "connections": [
            {"from": "A", "to": "B", "type": "likes"},
            {"from": "A", "to": "C", "direction": "mutual"},
        ],
    }
    path.write_text(json.dumps(blueprint), encoding="utf-8")
    imported = import_exchange(path)
    doc = imported.document
    a, b, c = doc.nodes
    assert (a.kind, a.label, a.notes, a.tags) == ("person", "A", "This is A", ("one", "two"))
    assert (b.kind, b.attributes) == ("community", {"Favorite Dessert": "shave ice"})
    assert (c.kind, c.label) == ("person", "C")  # Kumu makes an element for a new name
    likes, mutual = doc.edges
    assert likes.kind == "membership" and likes.attributes == {"kind": "likes"}
    assert mutual.kind == "tie" and mutual.directed is False


def test_kumu_export_with_ids_and_nested_attributes(tmp_path):
    path = tmp_path / "kumu.json"
    exported = {
        "elements": [
            {"_id": "elem-1", "attributes": {"label": "Ana", "element type": "person"}},
            {"_id": "elem-2", "attributes": {"label": "Ana", "element type": "person"}},
        ],
        "connections": [{"_id": "conn-1", "from": "elem-1", "to": "elem-2",
                         "attributes": {"connection type": "tie"}, "direction": "directed"}],
    }  # fmt: skip
    path.write_text(json.dumps(exported), encoding="utf-8")
    doc = read_exchange(path)
    assert [node.id for node in doc.nodes] == ["elem-1", "elem-2"]
    (tie,) = doc.edges
    assert (tie.source, tie.target, tie.directed) == ("elem-1", "elem-2", True)


def test_gephi_edges_table_alone(tmp_path):
    path = tmp_path / "edges.csv"
    path.write_text("Source;Target;Type;Weight\nAna;Ben;Undirected;2\nBen;Cy;Directed;1,5\n")
    imported = import_exchange(path)
    doc = imported.document
    assert [node.label for node in doc.nodes] == ["Ana", "Ben", "Cy"]
    first, second = doc.edges
    assert first.weight == 2.0 and first.directed is False
    # "1,5" is no number: kept, and said.
    assert second.directed is True and second.weight == 1.0
    assert second.attributes == {"weight": "1,5"}
    assert any("weight" in note for note in imported.notes)


def test_kumu_style_tables_with_labels(tmp_path):
    (tmp_path / "m.nodes.csv").write_text(
        "Label,Type,Description,Tags,Team\nAna,Person,Leads,a | b,7\nChoir,Community,,,\n",
        encoding="utf-8",
    )
    (tmp_path / "m.edges.csv").write_text("From,To,Type\nAna,Choir,membership\n")
    doc = read_exchange(tmp_path / "m.csv")
    ana, choir = doc.nodes
    assert (ana.kind, ana.notes, ana.tags, ana.attributes) == ("person", "Leads", ("a", "b"),
                                                              {"Team": 7})  # fmt: skip
    assert choir.kind == "community"
    (membership,) = doc.edges
    assert membership.kind == "membership" and membership.level == "active"
