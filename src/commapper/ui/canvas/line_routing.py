"""Lines sent around the discs in their way, so that none seems to end at the wrong node.

The discs are me and the communities. Every line is looked at when nodes or lines came or went,
or a layout moved most discs: at once on a small map, in slices between events on a large one
(80-90 ms at once after a layout of 10,000 nodes), with the labels waiting. After an ordinary
move only the lines of what moved are, and those whose curve reaches a disc where it went or
where it was (found in the scene's :class:`EdgeIndex`): before, after nudging a community, every
bent line was (60-80 ms).
"""

from __future__ import annotations

from collections.abc import Callable, Generator, Iterable
from typing import TYPE_CHECKING

import numpy as np

from commapper.layout.routing import CLEARANCE, detour
from commapper.model import EdgeKind
from commapper.ui.canvas.items import LEADER_KINDS
from commapper.ui.canvas.slices import run_steps

if TYPE_CHECKING:
    from commapper.ui.canvas.edge_item import EdgeItem
    from commapper.ui.canvas.scene import MapScene

ROUTE_STEP = 100  # lines routed between looks at the clock (about 8 ms)
# Lines are routed around discs only while lines x discs stays below this (one pass follows
# every edit); past it only the crossings are.
ROUTING_BUDGET = 100_000
# Up to this many discs moved, only the lines near them are routed again.
FEW_DISCS = 50
PASS = "routing"  # the key of a pass over every line in the scene's slices

Spot = tuple[float, float, float]  # a disc's x, y and radius


class LineRouter:
    """Keeps a scene's lines routed around its discs as the map changes."""

    def __init__(self, scene: MapScene, every_line_routed: Callable[[], None]) -> None:
        """``every_line_routed``: called when a pass over every line run in slices is done."""
        self.scene = scene
        self._every_line_routed = every_line_routed
        # What moved since lines were last routed, or None when every line is to be routed
        # again (nodes or lines came or went).
        self.moved: set[str] | None = None
        self.lines_due: set[EdgeItem] = set()  # came, or bent apart anew, since
        # Where each disc was when lines were last routed around it: once it has moved, a line
        # bent around it there may go straight. Not the item's place before an edit: a drag or
        # a layout's animation has moved it already.
        self.disc_spots: dict[str, Spot] = {}

    @property
    def running(self) -> bool:
        """Whether a pass over every line is under way."""
        return self.scene.slices.running(PASS)

    @property
    def due(self) -> bool:
        """Whether something moved, came or went since lines were last routed."""
        return self.moved is None or bool(self.moved) or bool(self.lines_due)

    @property
    def stale(self) -> bool:
        """Whether lines are still to be routed: a pass is under way, or one is due."""
        return self.running or self.due

    def every_line_due(self) -> None:
        """Nodes or lines came or went (or discs will have moved): route every line again."""
        self.moved = None

    def follow(self, moved: Iterable[str], lines: Iterable[EdgeItem] = ()) -> None:
        """These nodes moved, and these lines came or were bent apart anew."""
        if self.moved is not None:
            self.moved.update(moved)
            self.lines_due.update(lines)

    def landing(self, moved: Iterable[str]) -> None:
        """A layout's nodes are about to land: a pass under way would route around discs that
        are leaving, so it stops, to be done again after."""
        if self.running:
            self.scene.slices.stop(PASS)
            self.moved = None
        self.follow(moved)

    def route_if_moved(self) -> bool:
        """Route the lines that what moved, came or went may have changed; whether a pass over
        every line is under way (in slices, on a large map), which the labels wait for."""
        if not self.due:
            return self.running
        scene = self.scene
        moved, self.moved = self.moved, set()
        lines, self.lines_due = self.lines_due, set()
        items = [scene.node_items[i] for i in moved or () if i in scene.node_items]
        discs = [item for item in items if item.kind in LEADER_KINDS]
        # Nodes or lines came or went, or a layout moved most discs: every line is looked at.
        # So too if a pass was under way: the discs it goes around may have moved.
        if moved is None or len(discs) > FEW_DISCS or self.running:
            if not scene.large:
                self.route()
                return False
            scene.slices.start_steps(PASS, self._steps(None), lambda _: self._every_line_routed())
            return True
        # The lines of what moved, and those that came; and where a disc moved, the lines
        # that may now pass through it, or no longer.
        lines |= {edge for item in items for edge in item.edges}
        here = {disc.node_id: (disc.pos().x(), disc.pos().y(), disc.radius) for disc in discs}
        were = [self.disc_spots[node_id] for node_id in here if node_id in self.disc_spots]
        lines |= self._lines_by([*here.values(), *were])
        self.route({edge for edge in lines if edge.attached})
        self.disc_spots.update(here)
        return False

    def route(self, only: Iterable[EdgeItem] | None = None) -> None:
        """Send lines (all, or ``only`` these) around the discs in their way (crossings
        always; every line while that stays cheap) at once."""
        self.scene.slices.stop(PASS)
        run_steps(self._steps(only), deadline=None)

    def _every_line(self, discs: int) -> bool:
        """Whether every line is routed around the discs, or only crossings: every line while
        lines x discs stays cheap."""
        return len(self.scene.edge_items) * discs <= ROUTING_BUDGET

    def _lines_by(self, spots: list[Spot]) -> set[EdgeItem]:
        """The routed lines whose way discs moving to or from these ``spots`` may change: those
        whose curve, as drawn, reaches one (a line bent around a disc has it in its box)."""
        crossings_only = not self._every_line(len(self.scene.landmark_items))
        reaching = [(x, y, radius + CLEARANCE) for x, y, radius in spots]
        return self.scene.edge_index.near_spots(reaching, crossings_only)

    def _steps(self, only: Iterable[EdgeItem] | None) -> Generator[None, None, None]:
        """:meth:`route` in steps of :data:`ROUTE_STEP` lines."""
        scene = self.scene
        landmarks = list(scene.landmark_items.values())
        spots = [(item.pos().x(), item.pos().y(), item.radius) for item in landmarks]
        discs = np.array(spots, dtype=float).reshape(-1, 3)
        if only is None:
            self.disc_spots = {
                item.node_id: spot for item, spot in zip(landmarks, spots, strict=True)
            }
        every_edge = self._every_line(len(landmarks))
        routed = []
        for item in scene.edge_items.values() if only is None else only:
            if every_edge or item.kind == EdgeKind.CROSSING:
                routed.append(item)
            elif item.detour_bend is not None:
                item.set_detour(None)
        for first in range(0, len(routed), ROUTE_STEP):
            yield
            # The discs of a line's own ends are among them: detour never counts them.
            for item in routed[first : first + ROUTE_STEP]:
                if not item.attached:
                    continue
                start, end = item.source.pos(), item.target.pos()
                bend = detour((start.x(), start.y()), (end.x(), end.y()), discs, item.bend)
                item.set_detour(None if bend == item.bend else bend)
