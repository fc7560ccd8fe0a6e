"""How far the map reaches: the rectangle around the nodes and their labels, which gives the
view its room to scroll and the legend the map to keep clear of.

Measuring every node of a room map took 30 ms, and a nudge at its edge meant measuring it all
again: the rectangle is kept as last measured and grown by the nodes that move out of it. A few
nodes gone leave it large enough; many gone, or labels resized, have it measured anew.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF

if TYPE_CHECKING:
    from commapper.ui.canvas.items import NodeItem
    from commapper.ui.canvas.scene import MapScene

# The view fits and scrolls to at most this far from the origin, in scene units: rectangles
# around farther nodes would have sides too long for a float (files hold positions to ±1e9).
SCENE_REACH = 1e12
# Beyond the nodes and their labels, as a share of the map's width or height: lines bent
# around a disc at the map's edge bulge out of it by less than that.
DRAWN_MARGIN = 0.05


def _within_reach(value: float) -> float:
    return min(max(value, -SCENE_REACH), SCENE_REACH)


def rect_around(items: Iterable[NodeItem]) -> QRectF:
    """The rectangle around these nodes and their labels, cut to :data:`SCENE_REACH` of the
    origin; empty when there are none."""
    lefts, tops, rights, bottoms = [], [], [], []
    for item in items:  # the nodes are never scaled nor turned: their bounds, moved
        at = item.pos()
        x, y = at.x(), at.y()
        left, top, right, bottom = item.bounds_box
        lefts.append(x + left)
        tops.append(y + top)
        rights.append(x + right)
        bottoms.append(y + bottom)
    if not lefts:
        return QRectF()
    return QRectF(
        QPointF(_within_reach(min(lefts)), _within_reach(min(tops))),
        QPointF(_within_reach(max(rights)), _within_reach(max(bottoms))),
    )


class Extent:
    """A scene's nodes and labels as last measured, grown by those moved out of it since."""

    def __init__(self, scene: MapScene) -> None:
        self.scene = scene
        self.stale = True  # many nodes moved or went, or labels changed size: measure again
        self._rect = QRectF()
        self._grew = False  # nodes went out of it since the scene's rect was fitted

    def rect(self) -> QRectF:
        """Like :func:`rect_around` every node, without measuring them all. Larger by where a
        few nodes were, or smaller by a label placed since on another side of its node: good
        for choosing and fitting, not for drawing."""
        return rect_around(self.scene.node_items.values()) if self.stale else self._rect

    def drawn(self) -> QRectF:
        """Where the map may be drawn, as last measured (without measuring it again) and a
        margin more for lines bent around a disc at its edge: what a picture of it need cover
        beyond the view."""
        rect = self._rect if not self._rect.isNull() else self.scene.sceneRect()
        margin = max(rect.width(), rect.height()) * DRAWN_MARGIN
        return rect.adjusted(-margin, -margin, margin, margin)

    def grow(self, node_ids: Iterable[str]) -> None:
        """Take in these nodes and their labels, moved or come, where they lie outside."""
        items = self.scene.node_items
        rect = rect_around(items[i] for i in node_ids if i in items)
        if not (rect.isNull() or self._rect.contains(rect)):
            self._rect = self._rect.united(rect) if not self._rect.isNull() else rect
            self._grew = True

    def fit_scene_rect(self, measured: bool = False) -> None:
        """Scroll room: the nodes and their labels, with a margin to pan into (``measured``:
        as last measured, grown by what moved out of it since)."""
        scene = self.scene
        rect = self._rect if measured else rect_around(scene.node_items.values())
        self._rect = rect
        if rect.isEmpty():
            rect = QRectF(-300, -200, 600, 400)
        margin = max(rect.width(), rect.height(), 400) * 0.5
        wanted = rect.adjusted(-margin, -margin, margin, margin)
        # Kept while the nodes stay well inside it: a new rect rebuilds the scene's index
        # (40 ms at 10,000 nodes), and a node deleted or moved a little changes nothing.
        now = scene.sceneRect()
        inside = now.adjusted(margin / 2, margin / 2, -margin / 2, -margin / 2)
        if not (
            inside.contains(rect)
            and now.width() * now.height() < 2 * wanted.width() * wanted.height()
        ):
            scene.setSceneRect(wanted)

    def fit_if_changed(self) -> None:
        """Fit the scene's rect again if nodes went out of it or it is stale (measuring every
        item costs 15 ms a pass on 2,000 nodes: not after a rename)."""
        if self.stale:
            self.stale = self._grew = False
            self.fit_scene_rect()
        elif self._grew:
            self._grew = False
            self.fit_scene_rect(measured=True)
