"""The merged edges the analysis reads, and the shortcut the window takes to one actor's
memberships: the two must agree."""

from hypothesis import given, settings
from strategies import documents

from commapper.analysis.graphs import communities_of, merge_edges


@settings(max_examples=200, deadline=None)
@given(documents(max_nodes=14, max_edges=30))
def test_one_actors_communities_are_those_of_the_whole_merge(doc):
    merged = merge_edges(doc)
    for node in doc.nodes:
        for members_only in (False, True):
            whole = merged.communities_of(node.id, members_only=members_only)
            assert communities_of(doc, node.id, members_only=members_only) == whole
