"""Each sector of a map has its own colour on the canvas and in the legend."""

from __future__ import annotations

from six_communities import six_community_map

from commapper.model import UpdateItem


def _fills(scene):
    doc = scene.doc
    return {
        node.sector: scene.fill_colour(node).name()
        for node in doc.nodes
        if node.kind == "community"
    }


def test_no_two_sectors_of_a_map_share_a_colour(window_on):
    window = window_on(six_community_map())
    scene = window.scene
    fills = _fills(scene)
    assert len(set(fills.values())) == len(fills) == 5  # tech twice: five sectors
    # A sector typed in anew takes a free colour, and the others keep theirs.
    window.session.edit(UpdateItem("c5", {"sector": "choir"}), "Sector")
    after = _fills(scene)
    assert len(set(after.values())) == len(after)
    legend = dict((text, colour) for colour, text in window.analysis.overlays.legend)
    assert legend["sector: choir"] == after["choir"]


def test_the_canvas_legend_shows_the_colours_the_map_has(window_on):
    window = window_on(six_community_map())
    legend = window.canvas_legend
    legend.refresh()
    shown = {row.text: row.colour for row in legend.colour_rows}
    assert shown == _fills(window.scene)
