"""`analyse`: every key of its JSON (docs/analysis.md), hand-worked breadth, edge cases, the CLI."""

import json
import math
import sys

import networkx as nx
import pytest

from commapper import cli
from commapper.analysis.analyse import analyse
from commapper.analysis.breadth import diversity
from commapper.analysis.result import Diversity, to_json
from commapper.analysis.whatif import what_if
from commapper.io import load_map, save_map
from commapper.model import (
    BoundaryObjectNode,
    CommunityNode,
    CrossingEdge,
    MapDocument,
    MembershipEdge,
    MeNode,
    ObjectUseEdge,
    PersonNode,
    TieEdge,
)
from commapper.resources import example_maps

BREADTH_KEYS = {
    "n_communities", "by_level", "by_mode", "n_domains", "domain_diversity", "n_missing_domain",
    "n_sectors", "sector_diversity", "n_missing_sector", "n_inside_org", "n_outside_org",
    "n_unknown_org", "share_outside", "ei_org", "reach2_communities",
    "reach2_communities_beyond_own", "reach_people",
}  # fmt: skip
ACTOR_KEYS = {"degree", "effective_size", "efficiency", "constraint", "hierarchy",
              "community_reach", "gould_fernandez"}  # fmt: skip


def analysed(doc: MapDocument, **options) -> dict:
    """The analysis as the JSON data of ``analyse --json``: these tests hold its shape."""
    return to_json(analyse(doc, **options))


def build(nodes, edges) -> MapDocument:
    doc = MapDocument.new("test")
    doc.nodes, doc.edges = list(nodes), list(edges)
    doc.reindex()
    return doc


def small_landscape() -> MapDocument:
    """Me in three communities; Ana links c1 and c2; c3 is reached only through me."""
    return build(
        [
            MeNode(id="me"),
            CommunityNode(id="c1", label="Nurses", sector="health", domain="care", inside_org=True),
            CommunityNode(id="c2", label="IT", sector="health", domain="software", inside_org=True),
            CommunityNode(id="c3", label="Choir", sector="hobby", inside_org=False),
            PersonNode(id="p1", label="Ana"),
        ],
        [
            MembershipEdge(id="m1", source="me", target="c1", level="core", modes=["engagement"]),
            MembershipEdge(id="m2", source="me", target="c2", level="transactional"),
            MembershipEdge(id="m3", source="me", target="c3", level="active",
                           modes=["engagement", "imagination"]),
            MembershipEdge(id="m4", source="p1", target="c1", level="active"),
            MembershipEdge(id="m5", source="p1", target="c2", level="core"),
            TieEdge(id="t1", source="me", target="p1"),
        ],
    )  # fmt: skip


def assert_no_nan(value):
    if isinstance(value, float):
        assert math.isfinite(value)
    elif isinstance(value, dict):
        for item in value.values():
            assert_no_nan(item)
    elif isinstance(value, list):
        for item in value:
            assert_no_nan(item)


@pytest.mark.parametrize("example", example_maps(), ids=lambda path: path.stem)
def test_every_key_of_the_specification_for_the_examples(example):
    result = analysed(load_map(example))
    assert {"schema", "version", "map", "ego", "breadth", "brokerage", "community_network",
            "findings"} <= set(result)  # fmt: skip
    assert set(result["map"]) >= {"title", "n_nodes", "n_edges", "by_kind"}
    brokerage = result["brokerage"]
    assert {"nodes", "ego", "actors", "articulation_points", "articulation_points_without_ego",
            "bridges", "silos_strict", "silos_excluding_ego"} <= set(brokerage)  # fmt: skip
    for values in brokerage["nodes"].values():
        assert set(values) == {"kind", "betweenness", "articulation_point"}
    assert brokerage["betweenness_method"] == dict.fromkeys(
        ("map", "actors", "communities"), "exact"
    )
    for values in brokerage["actors"].values():
        assert set(values) == ACTOR_KEYS
    assert set(result["community_network"]) >= {"partition", "ei", "group_ei", "ei_baseline"}
    if result["ego"] is None:
        assert result["breadth"] is None and brokerage["ego"] is None
    else:
        assert set(result["breadth"]) == {"all_levels", "members_only"}
        assert set(result["breadth"]["all_levels"]) == BREADTH_KEYS
        assert set(brokerage["ego"]) >= {"degree", "effective_size", "efficiency", "constraint",
                                         "hierarchy", "open_pairs", "gould_fernandez"}  # fmt: skip
    for finding in result["findings"]:
        assert set(finding) == {"code", "text", "nodes", "claim"} and finding["nodes"]
    assert_no_nan(result)
    json.dumps(result, allow_nan=False)


def test_breadth_worked_by_hand():
    result = analysed(small_landscape())
    every, members = result["breadth"]["all_levels"], result["breadth"]["members_only"]
    assert every["n_communities"] == 3 and members["n_communities"] == 2
    assert every["by_level"] == {"core": 1, "active": 1, "occasional": 0, "peripheral": 0,
                                 "transactional": 1}  # fmt: skip
    assert every["by_mode"] == {"engagement": 2, "imagination": 1, "alignment": 0}
    assert every["n_sectors"] == 2 and every["n_missing_domain"] == 1
    # sectors health, health, hobby: Blau = 1 - (4/9 + 1/9) = 4/9.
    assert every["sector_diversity"]["blau"] == pytest.approx(4 / 9)
    assert every["sector_diversity"]["iqv"] == pytest.approx(8 / 9)
    assert (every["n_inside_org"], every["n_outside_org"]) == (2, 1)
    assert every["share_outside"] == pytest.approx(1 / 3)
    assert every["ei_org"] == pytest.approx(-1 / 3)
    assert every["reach2_communities"] == 3 and every["reach2_communities_beyond_own"] == 0
    assert every["reach_people"] == 1
    assert members["n_inside_org"] == 1  # the transactional IT membership is left out


def test_brokerage_worked_by_hand():
    result = analysed(small_landscape())
    ego = result["brokerage"]["ego"]
    # EG: me joined to c1, c2, c3; c1-c2 joined through Ana. Open pairs: (c1,c3), (c2,c3).
    assert ego["open_pairs"] == [["c1", "c3"], ["c2", "c3"]]
    assert ego["degree"] == 3
    assert ego["effective_size"] == pytest.approx(3 - 2 * 1 / 3)
    assert result["brokerage"]["silos_excluding_ego"] == ["c3"]
    assert result["brokerage"]["silos_strict"] == []
    codes = {finding["code"] for finding in result["findings"]}
    assert {"only_link", "silo", "sole_link"} <= codes
    # C counts me as a connector: c1-c2 (both health), c1-c3 and c2-c3 (health-hobby).
    assert result["community_network"]["ei"] == pytest.approx((2 - 1) / 3)


def test_diversity_edge_cases():
    assert diversity([]).blau is None
    assert diversity(["a", "a"]) == Diversity(n=2, K=1, blau=0.0, iqv=0.0, shannon=0.0,
                                              evenness=0.0)  # fmt: skip
    two = diversity(["a", "b"])
    assert (two.blau, two.iqv, two.evenness) == pytest.approx((0.5, 1.0, 1.0))
    assert two.shannon == pytest.approx(math.log(2))


@pytest.mark.parametrize(
    "doc",
    [
        build([], []),
        build([MeNode(id="me")], []),
        build([MeNode(id="me"), CommunityNode(id="c")],
              [MembershipEdge(id="m", source="me", target="c", level="core")]),
        build([PersonNode(id="a"), PersonNode(id="b"), CommunityNode(id="c"),
               BoundaryObjectNode(id="o")], []),
    ],
    ids=["empty", "only me", "one community", "isolates"],
)  # fmt: skip
def test_edge_cases_give_nulls_not_errors(doc):
    result = analysed(doc)
    assert_no_nan(result)
    assert result["brokerage"]["silos_strict"] in ([], ["c"])
    if doc.ego is not None:
        assert result["breadth"]["all_levels"]["sector_diversity"]["blau"] is None


def test_only_me_has_no_brokerage():
    result = analysed(build([MeNode(id="me")], []))
    assert result["brokerage"]["ego"]["constraint"] is None
    assert result["brokerage"]["ego"]["degree"] == 0


def test_duplicate_edges_are_merged():
    doc = small_landscape()
    doc.edges.append(MembershipEdge(id="dup", source="me", target="c2", level="core",
                                    modes=["alignment"]))  # fmt: skip
    doc.edges.append(TieEdge(id="t2", source="p1", target="me", weight=4))
    doc.reindex()
    result = analysed(doc)
    every = result["breadth"]["all_levels"]
    assert every["n_communities"] == 3
    assert every["by_level"]["core"] == 2 and every["by_level"]["transactional"] == 0
    assert every["by_mode"]["alignment"] == 1
    assert result["breadth"]["members_only"]["n_communities"] == 3


def test_crossings_and_boundary_objects_connect_communities():
    doc = small_landscape()
    doc.nodes.append(BoundaryObjectNode(id="o1"))
    doc.edges += [
        ObjectUseEdge(id="u1", source="o1", target="c3"),
        ObjectUseEdge(id="u2", source="o1", target="c1"),
        CrossingEdge(id="x1", source="c3", target="c2", via=["me"]),
    ]
    doc.reindex()
    result = analysed(doc)
    # c1-c3 is joined by the object; the crossing via me does not count without ego.
    assert result["brokerage"]["ego"]["open_pairs"] == [["c2", "c3"]]
    assert result["brokerage"]["silos_strict"] == []


def test_group_by_an_attribute():
    doc = small_landscape()
    result = analysed(doc, group_by="org")
    assert result["actor_network"]["partition"] == "org"


def test_what_if_equals_analysing_the_map_without_the_node():
    doc = small_landscape()
    comparison = to_json(what_if(doc, "p1"))
    figures = {row["figure"]: row for row in comparison["figures"]}
    assert figures["open pairs only I bridge"]["before"] == 2
    assert figures["open pairs only I bridge"]["after"] == 3
    assert doc.has_node("p1")  # the document itself is unchanged


def run_cli(capsys, *args: str) -> tuple[int, str, str]:
    """``commapper analyse ARGS`` in-process: status, stdout, stderr."""
    status = cli.main(["analyse", *args])
    out, err = capsys.readouterr()
    return status, out, err


def test_cli_report_json_and_what_if(tmp_path, capsys):
    path = tmp_path / "m.commap"
    save_map(small_landscape(), path)
    status, report, _ = run_cli(capsys, str(path))
    assert status == 0 and "Breadth" in report and "Choir" in report
    as_json = json.loads(run_cli(capsys, str(path), "--json")[1])
    assert as_json["schema"] == "commapper-analysis"
    status, without, _ = run_cli(capsys, str(path), "--without", "p1")
    assert status == 0 and "without Ana" in without
    table = [line for line in without.splitlines() if line.startswith("  ")]
    # Columns line up however long a figure's name is: every row ends at the same place.
    assert len(table) > 10 and len({len(line.rstrip("\n")) for line in table}) == 1
    assert run_cli(capsys, str(path), "--without", "ghost")[0] == 2


def test_cli_refuses_a_broken_file(tmp_path, capsys):
    path = tmp_path / "broken.commap"
    path.write_text("{", encoding="utf-8")
    status, _, err = run_cli(capsys, str(path))
    assert status == 1 and "ends too early" in err and "Traceback" not in err


def test_actor_betweenness_is_exact_and_says_so(monkeypatch):
    from benchmarks.generate import generate_map
    from commapper.analysis.graphs import actor_network, merge_edges

    doc = generate_map(400)
    exact = nx.betweenness_centrality(actor_network(merge_edges(doc)))
    result = analysed(doc)["brokerage"]
    assert result["betweenness_method"]["actors"] == "exact"
    assert result["actor_betweenness"] == pytest.approx(exact, abs=1e-12)
    module = sys.modules["commapper.analysis.analyse"]
    monkeypatch.setattr(module, "DOUBLE_PRECISION_ACTORS", 10)
    result = analysed(doc)["brokerage"]
    assert result["betweenness_method"]["actors"] == "exact (single precision)"
    assert result["actor_betweenness"] == pytest.approx(exact, rel=1e-5, abs=1e-9)


def test_actor_betweenness_falls_back_to_igraph_beyond_the_step_budget(monkeypatch):
    from benchmarks.generate import generate_map
    from commapper.analysis.graphs import actor_network, merge_edges

    doc = generate_map(300)
    exact = nx.betweenness_centrality(actor_network(merge_edges(doc)))
    monkeypatch.setattr(sys.modules["commapper.analysis.analyse"], "CLIQUE_STEPS_BUDGET", 0)
    result = analysed(doc)["brokerage"]
    assert result["betweenness_method"]["actors"] == "exact"
    assert result["actor_betweenness"] == pytest.approx(exact, abs=1e-12)


def test_group_keys_keep_their_json_type():
    # Ana - Ben - Cy in a line through two communities; Ben brokers Ana -> Cy. Their "flag" is
    # true, 1 and "1": three different groups, so Ben is a liaison (in Python, True == 1 would
    # put Ana and Ben in one group and make Ben a representative).
    doc = build(
        [CommunityNode(id="c1"), CommunityNode(id="c2"),
         PersonNode(id="p1", label="Ana", attributes={"flag": True}),
         PersonNode(id="p2", label="Ben", attributes={"flag": 1}),
         PersonNode(id="p3", label="Cy", attributes={"flag": "1"}),
         PersonNode(id="p4", label="Di", attributes={"flag": 1.0})],
        [MembershipEdge(id="m1", source="p1", target="c1", level="core"),
         MembershipEdge(id="m2", source="p2", target="c1", level="core"),
         MembershipEdge(id="m3", source="p2", target="c2", level="core"),
         MembershipEdge(id="m4", source="p3", target="c2", level="core")],
    )  # fmt: skip
    result = analysed(doc, group_by="flag")
    roles = result["brokerage"]["actors"]["p2"]["gould_fernandez"]
    assert (roles["liaison"], roles["representative_gatekeeper"]) == (1, 0)
    # 1 and 1.0 are one number; Di shares no community, so her group has no ties.
    assert set(result["actor_network"]["group_ei"]) == {"true", "1", '"1"'}


def test_community_reach_leaves_out_the_actor_and_me():
    # Me in c1, c2, c3; Ana in c1 and c2; Ben in c3; a boundary object used by c2 and c3.
    # In C without {Ana, me}: c1-c2 is gone (only Ana and me link it), c2-c3 stays (the object).
    doc = build(
        [MeNode(id="me"), CommunityNode(id="c1"), CommunityNode(id="c2"),
         CommunityNode(id="c3"), PersonNode(id="p1", label="Ana"),
         PersonNode(id="p2", label="Ben"), BoundaryObjectNode(id="o1")],
        [MembershipEdge(id="m1", source="me", target="c1", level="core"),
         MembershipEdge(id="m2", source="me", target="c2", level="core"),
         MembershipEdge(id="m3", source="me", target="c3", level="core"),
         MembershipEdge(id="m4", source="p1", target="c1", level="core"),
         MembershipEdge(id="m5", source="p1", target="c2", level="core"),
         MembershipEdge(id="m6", source="p2", target="c3", level="core"),
         ObjectUseEdge(id="u1", source="o1", target="c2"),
         ObjectUseEdge(id="u2", source="o1", target="c3")],
    )  # fmt: skip
    actors = analysed(doc)["brokerage"]["actors"]
    # Ana: her c1, c2, and c3 through the object. Ben: his c3, and c2 through the object.
    # Counted through me, both would reach all three.
    assert actors["p1"]["community_reach"] == 3
    assert actors["p2"]["community_reach"] == 2
    assert actors["me"]["community_reach"] == 3  # my own three
