"""A window's layouts: worked out at once on a small map and in the layout process on a large
one, then animated in and recorded as one undo step."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable

from PySide6.QtCore import QEasingCurve, QObject, QPointF, QTimer, QVariantAnimation, Signal

from commapper.layout import pinned_nodes
from commapper.model import DocumentChanged, MoveNodes
from commapper.model.edits import tidy_positions
from commapper.ui.canvas.scene import MapScene
from commapper.ui.canvas.view import MapView
from commapper.ui.shell.layout_runner import LAYOUTS, LayoutRequest, LayoutRunner

LAYOUT_ANIMATION_MS = 450
# Maps of up to this many nodes are laid out at once on the GUI thread, as before: either layout
# takes about 30 ms at 150 nodes on a 2-core machine (50 ms at 200, 100 ms at 300;
# benchmarks/bench_layout.py), and handing a map to the layout process costs more than that the
# first time (the process starts: 1-2 s, once).
INLINE_LAYOUT_NODES = 150
# What one frame of the animation may move, counted in nodes and the ends of their lines: each
# costs the scene 5-20 µs as it moves (a frame of 1,500 is 10-30 ms), and the repaint comes on
# top. A layout that moves more animates only the nodes in view, if they fit; else it lands at
# once, which costs the scene about one frame instead of a dozen (a frame moving all of 10,000
# nodes took 3.5-4.5 s, of 2,000 nodes 350-400 ms).
ANIMATION_BUDGET = 1500
# Frames further apart than this, in seconds, are no animation: the nodes then land at once.
# (What the scene repaints after a frame is not known beforehand: on a 2,000-node map zoomed in,
# 90 nodes moving made it repaint 3,000 lines, 140 ms a frame.)
SLOW_FRAME = 0.1


class MapLayouts(QObject):
    """Lays out the map of one scene and view when the user asks (:meth:`apply`).

    While a large map's layout is being worked out the user may go on editing, as a layout in
    Gephi runs while the user drags nodes: the layout works on a snapshot, so nothing in the
    document can be half-changed, and when it lands it moves only the nodes that are still
    there, are not pinned, and are where they were when it was asked for. A node the user moved,
    pinned, added or deleted meanwhile stays as the user left it. (Blocking the window instead
    would stall a facilitator editing in front of the room for the seconds a 10,000-node layout
    takes, which is what running it elsewhere is for.) The same holds during the animation.
    """

    # A layout's result came (by its name, "landscape" or "force"), whether or not it moved
    # anything; a layout cancelled or replaced never does.
    laid_out = Signal(str)
    # The undo step a layout's landing made (an EditCommand), just pushed.
    layout_step = Signal(object)

    def __init__(self, scene: MapScene, view: MapView) -> None:
        super().__init__(view)
        self.scene, self.view = scene, view
        self.session = scene.session
        self.runner = LayoutRunner(view)
        self.runner.finished.connect(self._land)
        self.runner.failed.connect(self.session.edit_refused)
        self._animation: QVariantAnimation | None = None
        self._moving: dict[str, QPointF] = {}  # the nodes animated, from where
        self._fit_when_landed = False  # a large map's layout is fitted once its nodes land
        # A layout with no node to animate lands in the next pass of the event loop, so that
        # working out where its nodes go and moving them stall the window once each.
        self._landing: Callable[[], None] | None = None
        self._land_soon = QTimer(self)
        self._land_soon.setSingleShot(True)
        self._land_soon.setInterval(0)
        self._land_soon.timeout.connect(self._land_now)
        scene.nodes_landed.connect(self._landed)

    def _landed(self, on_their_own: bool) -> None:
        fit, self._fit_when_landed = self._fit_when_landed, False
        if fit and on_their_own:  # not when the user, pressing the mouse, took over the view
            self.view.fit_to_window()

    def apply(self, name: str) -> None:
        """Lay the map out by ``name`` ("landscape" or "force"), animate the nodes to their new
        places, then record the move as one undo step; a layout under way is replaced."""
        # The layout animating lands first: this one starts from where it put the nodes.
        self.finish_animation()
        doc = self.session.doc
        request = LayoutRequest.of(name, doc)
        if len(doc.nodes) <= INLINE_LAYOUT_NODES:
            self.runner.cancel()
            self._land(request, LAYOUTS[name](doc, pinned=pinned_nodes(doc)))
        else:
            self.runner.start(request, doc.snapshot(), pinned_nodes(doc))

    def finish(self) -> None:
        """Settle at once: a layout animating lands, one still being worked out is dropped
        (closing the window, where the map the user is asked about is the one they see; tests)."""
        self.runner.cancel()
        self.finish_animation()

    def finish_animation(self) -> None:
        """Jump to the end of a running layout animation (or land one about to land)."""
        if self._animation is not None:
            self._animation.setCurrentTime(self._animation.duration())
        self._land_now()

    def _land_now(self) -> None:
        landing, self._landing = self._landing, None
        self._land_soon.stop()
        if landing is not None:
            landing()

    def _still_to_move(
        self, request: LayoutRequest, positions: dict[str, tuple[float, float]]
    ) -> dict[str, tuple[float, float]]:
        """The part of a layout's ``positions`` to apply now: see the class note."""
        doc = self.session.doc
        pinned = pinned_nodes(doc)
        target = {}
        for node_id, position in positions.items():
            if node_id in pinned or not doc.has_node(node_id):
                continue
            node = doc.node(node_id)
            now = (node.x, node.y)
            if now == request.positions.get(node_id) and now != position:
                target[node_id] = position
        return target

    def _land(self, request: LayoutRequest, positions: dict[str, tuple[float, float]]) -> None:
        self.laid_out.emit(request.name)
        # Rounded now, not as it lands: the landing of 10,000 nodes is the longest stall there is.
        target = tidy_positions(self._still_to_move(request, positions))
        if not target:  # nothing would move: no undo step, no unsaved mark
            self.session.edit_refused.emit(self.tr("The map is already laid out that way."))
            return
        text = (
            self.tr("Landscape layout")
            if request.name == "landscape"
            else self.tr("Force-directed layout")
        )
        self._animate(request, target, text)

    def _animated(self, target: dict[str, tuple[float, float]]) -> list[str]:
        """The nodes worth animating: all if the frames stay cheap, else those in view."""
        items = self.scene.node_items

        def within_budget(node_ids: Iterable[str]) -> list[str] | None:
            """The nodes, if their frames stay cheap; None as soon as they would not (a room
            map's 10,000 are not all counted)."""
            taken, cost = [], 0
            for node_id in node_ids:
                cost += 1 + len(items[node_id].edges)
                if cost > ANIMATION_BUDGET:
                    return None
                taken.append(node_id)
            return taken

        moving = [node_id for node_id in target if node_id in items]
        if (everything := within_budget(moving)) is not None:
            return everything
        seen = self.view.mapToScene(self.view.viewport().rect()).boundingRect()
        in_view = within_budget(
            node_id
            for node_id in moving
            if seen.contains(items[node_id].pos()) or seen.contains(QPointF(*target[node_id]))
        )
        return in_view or []

    def _animate(
        self, request: LayoutRequest, target: dict[str, tuple[float, float]], text: str
    ) -> None:
        self.finish_animation()
        items = self.scene.node_items
        doc = self.session.doc
        animated = self._animated(target)
        start = {node_id: items[node_id].pos() for node_id in animated}
        end = {node_id: QPointF(*target[node_id]) for node_id in animated}
        self._moving = start
        touched: set[str] = set()  # by the user meanwhile: looked at again as it lands

        def follow(change: DocumentChanged) -> None:
            # A node the user moves or deletes meanwhile is theirs: it stops being animated.
            for node_id in change.nodes_moved | change.nodes_changed | change.nodes_removed:
                touched.add(node_id)
                if node_id in start and (
                    not doc.has_node(node_id)
                    or (doc.node(node_id).x, doc.node(node_id).y) != request.positions.get(node_id)
                ):
                    del start[node_id]

        last_frame = time.monotonic()

        def step(progress: float) -> None:
            nonlocal last_frame
            now = time.monotonic()
            if progress < 1.0 and now - last_frame > SLOW_FRAME:
                QTimer.singleShot(0, self.finish_animation)
                return
            last_frame = now
            for node_id, origin in start.items():
                if (item := items.get(node_id)) is not None:
                    # The last frame puts each node exactly where the undo step will, so that
                    # the scene has nothing left to move then.
                    item.setPos(
                        end[node_id]
                        if progress >= 1.0
                        else origin + (end[node_id] - origin) * progress
                    )

        def land() -> None:
            self._animation, self._moving = None, {}
            self.session.document_changed.disconnect(follow)
            # What the user left alone still moves; what they touched, if still where it was
            # (10,000 nodes looked at again took 10-20 ms of the landing).
            still = {i: at for i, at in target.items() if i not in touched}
            still |= self._still_to_move(request, {i: target[i] for i in touched if i in target})
            if still and self.session.edit(MoveNodes(still), text):
                stack = self.session.undo_stack
                self.layout_step.emit(stack.command(stack.index() - 1))
            # A node animated that the layout does not move after all (pinned meanwhile) goes
            # back to where the map has it.
            for node_id in start.keys() - still.keys():
                if (item := items.get(node_id)) is None or not doc.has_node(node_id):
                    continue
                node = doc.node(node_id)
                if node.x is not None and node.y is not None:
                    item.setPos(node.x, node.y)
            if self.scene.moves_due:  # a large map's nodes follow in slices: fit once they have
                self._fit_when_landed = True
            else:
                self.view.fit_to_window()

        self.session.document_changed.connect(follow)
        if not start:
            self._landing = land
            self._land_soon.start()
            return
        animation = QVariantAnimation(self)
        animation.setStartValue(0.0)
        animation.setEndValue(1.0)
        animation.setDuration(LAYOUT_ANIMATION_MS)
        animation.setEasingCurve(QEasingCurve.Type.InOutCubic)
        animation.valueChanged.connect(step)
        animation.finished.connect(land)
        self._animation = animation
        animation.start()
