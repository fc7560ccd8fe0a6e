"""The map as of a year: which memberships hold, read at the grain of a year."""

from commapper.analysis.analyse import analyse
from commapper.analysis.timeline import as_of, membership_in_year, memberships_outside, years_in
from commapper.io import load_map
from commapper.model import CommunityNode, MapDocument, MembershipEdge, MeNode
from commapper.resources import DEFAULT_EXAMPLE


def dated_map() -> MapDocument:
    doc = MapDocument.new()
    doc.nodes = [MeNode(id="me"), *(CommunityNode(id=f"c{i}") for i in range(1, 5))]
    doc.edges = [
        MembershipEdge(id="e1", source="me", target="c1", level="core", since="2019-05"),
        MembershipEdge(id="e2", source="me", target="c2", level="active", until="2021-02"),
        MembershipEdge(id="e3", source="me", target="c3", level="active"),
        MembershipEdge(
            id="e4", source="me", target="c4", level="occasional", since="2018", until="2020-12-31"
        ),
    ]
    doc.reindex()
    return doc


def test_years_are_every_since_and_until_year_sorted_once():
    assert years_in(dated_map()) == [2018, 2019, 2020, 2021]
    assert years_in(MapDocument.new()) == []


def test_a_partial_date_counts_for_its_whole_year():
    edges = {edge.id: edge for edge in dated_map().edges}
    assert not membership_in_year(edges["e1"], 2018)
    assert membership_in_year(edges["e1"], 2019)  # since 2019-05: in 2019
    assert membership_in_year(edges["e2"], 2021)  # until 2021-02: still in 2021
    assert not membership_in_year(edges["e2"], 2022)
    assert membership_in_year(edges["e3"], 1900)  # undated: always
    assert [membership_in_year(edges["e4"], y) for y in (2017, 2018, 2020, 2021)] == [
        False,
        True,
        True,
        False,
    ]


def test_as_of_removes_only_the_memberships_outside_the_year_and_leaves_the_map_alone():
    doc = dated_map()
    past = as_of(doc, 2018)
    assert [edge.id for edge in past.edges] == ["e2", "e3", "e4"]
    assert len(past.nodes) == len(doc.nodes)
    assert len(doc.edges) == 4
    assert memberships_outside(doc, 2022) == ["e2", "e4"]


def test_the_example_map_as_of_2020_has_fewer_communities_of_mine():
    doc = load_map(DEFAULT_EXAMPLE)
    assert 2016 in years_in(doc)
    today = analyse(doc).breadth.all_levels.n_communities
    then = analyse(as_of(doc, 2020)).breadth.all_levels.n_communities
    assert then < today
