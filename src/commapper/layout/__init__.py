"""Where to put the nodes of a map: geometry, not analysis. Pure; no Qt.

Every layout is a pure function: a document in, a dict of node id -> (x, y) in canvas pixels
out; the editor applies the result as one undoable move. Distances suit a canvas where a
community is about 60 px wide and a label about 120 px: nodes end up at least
:data:`~commapper.layout.common.NODE_SPACING` apart.

Pinned nodes (:data:`~commapper.model.PINNED_TAG` in their tags, see :func:`pinned_nodes`) that
already have a position keep it and are left out of the result; every other node is in it. Every
position given is one a map may hold: within :data:`~commapper.model.items.MAX_COORDINATE` of the
origin along x and y.
"""

from commapper.layout.common import pinned_nodes
from commapper.layout.force import force_layout
from commapper.layout.landscape import landscape_layout
from commapper.layout.placement import place_unplaced

__all__ = ["force_layout", "landscape_layout", "pinned_nodes", "place_unplaced"]
