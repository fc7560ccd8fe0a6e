"""The nodes of a large map drawn from one picture (see :mod:`picture_layer`).

Every node keeps its Qt item, which takes clicks, drags and the selection; on a large map the
items draw nothing themselves (``ItemHasNoContents``) and this layer draws them into its
picture, each with its own ``paint``. An item draws itself again, live over the picture, while
the picture lacks it or shows it wrong: it is selected (and so about to be edited), it changed
or came since the picture was begun. Once a new picture has it, plain and unselected, it goes
back to drawing nothing.

Past :data:`LIVE_LIMIT` changes at once (a zoom relabels every node, a layout moves them all)
no more items go live (see :mod:`picture_layer`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from commapper.ui.canvas.items import NodeItem
from commapper.ui.canvas.picture_layer import Drawing, PictureLayer

if TYPE_CHECKING:
    from commapper.ui.canvas.scene import MapScene

# Maps of more nodes than this are drawn from the picture; smaller ones item by item, which
# costs less than 10 ms a frame.
PICTURE_NODES = 500
# Nodes drawn between looks at the clock.
STEP = 200
NO_CONTENTS = QGraphicsItem.GraphicsItemFlag.ItemHasNoContents


class NodeLayer(PictureLayer[NodeItem]):
    """Draws the nodes of a large map that need not draw themselves."""

    shows_lines = False  # after a layout, the nodes show where they landed while lines route

    def __init__(self, scene: MapScene) -> None:
        super().__init__(scene)
        # Over the lines and their labels, under the items drawing themselves.
        self.setZValue(1.9)
        self.active = False
        self.in_picture: set[NodeItem] = set()  # drawn into the shown picture
        self._in_next: set[NodeItem] = set()  # to be drawn into the next
        self._live: set[NodeItem] = set()  # drawing themselves

    def set_active(self, on: bool) -> None:
        """Draw the nodes from the picture (on), or let every item draw itself."""
        if on == self.active:
            return
        self.active = on
        self.picture = None
        self.waiting_for_turn = False  # no picture wanted while off; the first comes at once
        self.in_picture = set()
        self.changed_since = set()
        self.invalidate()
        if on:
            # The first picture shows them all, in a moment; meanwhile the items draw nothing.
            self._live = set(self.map_scene.node_items.values())  # as they do until now
            for item in self.map_scene.node_items.values():
                self.follow(item)
        else:
            for item in self.map_scene.node_items.values():
                item.setFlag(NO_CONTENTS, False)
            self._live = set()

    @property
    def live(self) -> set[NodeItem]:
        """The node items that draw themselves: the picture draws the others."""
        return self._live

    # -- what changed ----------------------------------------------------------------------------

    def node_changed(self, item: NodeItem) -> None:
        """``item`` moved, came or looks different: it draws itself until a new picture has it
        (unless too many changed at once)."""
        if not self.active:
            return
        in_shown, in_next = item in self.in_picture, item in self._in_next
        if in_shown or (self._drawing is not None and in_next):
            self._stale = True
            if in_shown:
                self.note_live(item)
            if self._drawing is not None and in_next:
                self.changed_since_next.add(item)
            self.update()
        self.follow(item)

    def node_removed(self, item: NodeItem) -> None:
        if item in self.in_picture or item in self._in_next:
            self.invalidate()  # its old self stays in the picture until then
        self._live.discard(item)

    def follow(self, item: NodeItem) -> None:
        """Let ``item`` draw itself, or not, as things now stand."""
        if not self.active:
            return  # every item draws itself (set_active)
        shown = self.picture is None or item in self.in_picture  # or soon: the first one
        selected = item.isSelected()
        live = selected or not shown or item in self.changed_since
        if live and not selected and not self._stale:
            # Let go, or come, and drawn over the picture, above nodes it may lie under: a new
            # picture takes it in its place.
            self._stale = True
            self.update()
        if live == (item in self._live):
            return
        if live:
            self._live.add(item)
        else:
            self._live.discard(item)
        item.setFlag(NO_CONTENTS, not live)
        QGraphicsItem.update(item)  # Qt's own: not the item's, which would tell this layer

    def left_out_now(self) -> set[NodeItem]:
        return {item for item in self.map_scene.selectedItems() if isinstance(item, NodeItem)}

    def picture_done(self) -> None:
        self.in_picture, self._in_next = self._in_next, set()
        self._live = {item for item in self._live if item.scene() is self.map_scene}
        # Those it has now draw nothing again; those it lacks (come meanwhile) draw themselves.
        lacking = set(self.map_scene.node_items.values()) - self.in_picture
        for item in self._live | lacking:
            self.follow(item)

    # -- drawing ---------------------------------------------------------------------------------

    def drawing(self, rect: QRectF, left_out: set[NodeItem]) -> Drawing:
        items = sorted(
            (item for item in self.map_scene.node_items.values() if item not in left_out),
            key=lambda item: item.zValue(),
        )
        self._in_next = set(items)
        return self._draw(items, rect)

    def _draw(self, items: list[NodeItem], rect: QRectF) -> Drawing:
        option = QStyleOptionGraphicsItem()
        for count, item in enumerate(items, 1):
            if not count % STEP:
                yield
            if item.scene() is not self.map_scene or not item.isVisible():
                continue
            if rect.intersects(item.boundingRect().translated(item.pos())):
                painter = self.painter
                painter.save()
                painter.translate(item.pos())
                item.paint(painter, option)
                painter.restore()

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        if not self.active:
            return
        if widget is None or not painter.worldTransform().isInvertible():
            # Rendered for an image or print: the items drawing nothing, as they are now.
            for item in self.map_scene.node_items.values():
                if item not in self._live and item.isVisible():
                    painter.save()
                    painter.translate(item.pos())
                    item.paint(painter, option)
                    painter.restore()
            return
        self.paint_picture(painter, widget)
