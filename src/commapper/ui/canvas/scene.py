"""The canvas scene: one item per node and edge, kept in step with the document's change events,
and the mouse gestures that edit the map (move, connect)."""

from __future__ import annotations

import contextlib
import gc
import math
import time
from collections import Counter
from collections.abc import Callable, Generator, Iterable, Iterator

from PySide6.QtCore import QLineF, QObject, QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QPen
from PySide6.QtWidgets import (
    QGraphicsLineItem,
    QGraphicsScene,
    QGraphicsSceneMouseEvent,
)

from commapper.model import (
    PINNED_TAG,
    BoundaryObjectNode,
    CommunityNode,
    CrossingEdge,
    DocumentChanged,
    EdgeKind,
    EdgeModel,
    InsertItems,
    Level,
    MembershipEdge,
    MeNode,
    MoveNodes,
    NodeKind,
    NodeModel,
    ObjectUseEdge,
    TieEdge,
    edge_kinds_between,
)
from commapper.model.items import MAX_COORDINATE
from commapper.ui.canvas.edge_index import EdgeIndex
from commapper.ui.canvas.edge_item import EdgeItem, Look, make_look
from commapper.ui.canvas.edge_layer import EdgeLayer
from commapper.ui.canvas.extent import Extent, rect_around
from commapper.ui.canvas.items import LEADER_KINDS, MANY_NODES, LetGoWatch, NodeItem
from commapper.ui.canvas.labels import (
    ALWAYS_NAMED,
    EdgeLabelLayer,
    LabelPlacement,
    place_labels,
    placing_labels,
)
from commapper.ui.canvas.line_routing import LineRouter
from commapper.ui.canvas.node_layer import PICTURE_NODES, NodeLayer
from commapper.ui.canvas.picture_layer import PictureTurns
from commapper.ui.canvas.slices import Slices, run_steps
from commapper.ui.progress import report_progress
from commapper.ui.session import MapSession
from commapper.ui.shell.theme import (
    CanvasColours,
    canvas_colours,
    sector_colour,
    sector_palette,
)
from commapper.ui.translations import QT_TRANSLATE_NOOP

# Items moved, added or removed at once beyond which the scene's index is built anew.
BULK_CHANGE = 300
MOVE_STEP = 100  # nodes, or their lines, moved between looks at the clock (_move_a_slice)
# Up to this many nodes removed leave the room for the map as it was.
FEW_NODES = 50
BSP_TREE_DEPTH = 6
RESCALE_STEP = 200  # labels resized between looks at the clock
# Passes in slices: placing labels, resizing them, gathering the edges' rows.
LABELS, LABEL_SIZES, EDGE_INDEX = "labels", "label sizes", "edge index"
# How near an edge a click must be to take it, in pixels on screen.
HIT_PIXELS = 6.0
# A node of each kind as a sentence names it ("A person and a boundary object are not joined"),
# translated where shown.
KIND_IN_SENTENCE = {
    NodeKind.ME: QT_TRANSLATE_NOOP("MapScene", "me"),
    NodeKind.COMMUNITY: QT_TRANSLATE_NOOP("MapScene", "a community"),
    NodeKind.PERSON: QT_TRANSLATE_NOOP("MapScene", "a person"),
    NodeKind.BOUNDARY_OBJECT: QT_TRANSLATE_NOOP("MapScene", "a boundary object"),
}
PARALLEL_EDGE_SPACING = 18.0


def placeable(point: QPointF) -> QPointF:
    """``point`` moved onto the nearest position a map may hold: the canvas reaches beyond those
    (its margin around the nodes), and a drag or a double-click may end out there."""

    def within(value: float) -> float:
        return min(max(value, -MAX_COORDINATE), MAX_COORDINATE)

    return QPointF(within(point.x()), within(point.y()))


def _own_label(node: NodeModel) -> str:
    return node.label


def _same_text(text: str) -> str:
    return text


def pair_of(one: str, other: str) -> tuple[str, str]:
    """Two nodes' ids in order: the key of the lines between them, whichever way they go."""
    return (one, other) if one <= other else (other, one)


def new_edge(kind: EdgeKind, edge_id: str, source: str, target: str) -> EdgeModel:
    """An edge of ``kind`` as connecting two nodes makes it: a membership starts active."""
    match kind:
        case EdgeKind.MEMBERSHIP:
            return MembershipEdge(id=edge_id, source=source, target=target, level=Level.ACTIVE)
        case EdgeKind.CROSSING:
            return CrossingEdge(id=edge_id, source=source, target=target)
        case EdgeKind.OBJECT_USE:
            return ObjectUseEdge(id=edge_id, source=source, target=target)
        case EdgeKind.TIE:
            return TieEdge(id=edge_id, source=source, target=target)


def release_frozen() -> None:
    """Collect what closed windows held: their maps' objects were frozen (see
    ``MapScene._build``); those of maps still open are frozen again."""
    gc.unfreeze()
    gc.collect()
    gc.freeze()


class MapScene(QGraphicsScene):
    """Draws a session's document and turns mouse gestures into undoable edits."""

    add_node_requested = Signal(QPointF)  # a double-click on empty canvas
    rename_requested = Signal(str)  # a double-click on a node
    status_message = Signal(str)
    drag_started = Signal(list)  # the NodeItems a mouse drag is about to move
    drag_finished = Signal()
    # The nodes a layout moved are all where it put them: on their own (True), or at once, the
    # user having pressed the mouse meanwhile (False).
    nodes_landed = Signal(bool)
    # A label pass placed every label: what looks where labels are (the legend, the guides)
    # may look now, if labels_placed (no edit came meanwhile).
    labels_settled = Signal()

    def __init__(
        self,
        session: MapSession,
        parent: QObject | None = None,
        *,
        mirror: bool = False,
        node_pictures: bool = True,
    ) -> None:
        """``mirror``: a second picture of the session's map (the presentation), which follows
        every edit but not the editor's selection, and is not edited through.
        ``node_pictures``: a large map's nodes are drawn from a picture (see NodeLayer); not
        on a mirror, whose nodes fade in and out, nor when rendering an image."""
        super().__init__(parent)
        self.session = session
        self.doc = session.doc
        self.slices = Slices(self)  # the passes over the whole map, between events
        self.froze_objects = False  # kept from the collector until the window closes (_build)
        self.mirror = mirror
        self.colours = canvas_colours()
        # A theme chosen for this scene (the projector's); None follows the system's.
        self.fixed_colours: CanvasColours | None = None
        # What a node's label shows: its label, unless names are hidden (the projection).
        self.shown_label: Callable[[NodeModel], str] = _own_label
        self.shown_text: Callable[[str], str] = _same_text  # what a line's label shows
        # The nodes shown, when not all are (a saved view in the presentation), and the lines
        # between them.
        self.node_filter: Callable[[NodeModel], bool] | None = None
        # Lines of these kinds go unlabelled (ties' labels may name people the room is not
        # to see).
        self.hidden_edge_labels: frozenset[EdgeKind] = frozenset()
        # Up to this many, me and the communities are named however crowded (labels.py).
        self.always_named = ALWAYS_NAMED
        self.label_scale = 1.0
        # Edges longer than this (scene units) are cut to the screen before drawing; the view
        # sets it from the zoom so that only edges long on screen pay for the cut.
        self.clip_beyond = 1500.0
        self.connect_mode = False
        # Bumped whenever how items look changes (theme, overlay): items restyle on next paint.
        self.style_generation = 0
        self._fill_rule: Callable[[NodeModel], QColor | None] | None = None
        self.sector_palette: dict[str, str] = {}
        self.node_items: dict[str, NodeItem] = {}
        # Those of me and the communities, the discs lines go around: a room map has 10,000
        # nodes and a few hundred of these, looked for after every move.
        self.landmark_items: dict[str, NodeItem] = {}
        self.edge_items: dict[str, EdgeItem] = {}
        # The lines of each pair of nodes (ids in order) that has more than one, in the order
        # they are bent apart (_rebend). A dict of every pair held 6 MiB on a room map.
        self._parallels: dict[tuple[str, str], list[EdgeItem]] = {}
        self._press_positions: dict[str, QPointF] = {}
        self._dragging = False
        self._connect_from: NodeItem | None = None
        self._connect_line: QGraphicsLineItem | None = None
        self._connect_armed = False  # clicked once on a node: the next click picks the other
        # Labels that would cover a more important one are left out until there is room.
        self.crowded_labels: set[str] = set()
        # After the events at hand: lines routed, labels placed, scene rect fitted, once the
        # nodes are where the document says (_after_changes).
        self._declutter_timer = QTimer(self)
        self._declutter_timer.setSingleShot(True)
        self._declutter_timer.setInterval(0)
        self._declutter_timer.timeout.connect(self._after_changes)
        # Nodes of a large map still to be moved to where a layout, or its undo, put them
        # (in slices: _follow_moves_in_slices).
        self.moves_due: set[str] = set()
        self.router = LineRouter(self, self._lines_routed)  # lines around the discs in their way
        self.room = Extent(self)  # how far the nodes and their labels reach
        self.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.BspTreeIndex)
        # Qt's automatic depth (13 for a 2,000-node map) makes whole-map frames 50% slower
        # than a shallow tree: measured with benchmarks/bench_editor.py.
        self.setBspTreeDepth(BSP_TREE_DEPTH)
        self.setBackgroundBrush(self.colours.background)
        self._looks: dict[tuple[object, ...], Look] = {}  # pens shared by edges drawn alike
        # While nodes moved by one change are followed: the edges whose ends moved, drawn again
        # at its end (_each_line_once).
        self.edges_to_update: set[EdgeItem] | None = None
        # The view is being zoomed by the wheel: labels and edges wait until it rests.
        self.zoom_in_motion = False
        # A rubber band is being drawn: the session learns the selection when it is let go.
        self.rubber_banding = False
        self._selected_edges: set[EdgeItem] = set()
        self.edge_index = EdgeIndex()  # the edges' boxes, for edge_at and routing
        self._band_adds = False  # the rubber band was begun with Ctrl: it adds to the selection
        self.picture_turns = PictureTurns()  # the layers below draw their pictures in turn
        self.edge_layer = EdgeLayer(self)
        self.addItem(self.edge_layer)
        self.edge_labels = EdgeLabelLayer(self)
        self.addItem(self.edge_labels)
        self.node_pictures = node_pictures and not mirror
        self.node_layer = NodeLayer(self)
        self.addItem(self.node_layer)
        self._let_go_watch = LetGoWatch(self)
        self.addItem(self._let_go_watch)
        self._build()
        if len(self.node_items) > MANY_NODES:
            # Until the first pass has placed them (in slices), a large map's labels would pile
            # up: only mine shows.
            self.crowded_labels = {
                i for i, item in self.node_items.items() if item.kind != NodeKind.ME
            }
        self._follow_node_count()
        self._follow_sectors()
        self._declutter_soon()
        session.document_changed.connect(self._on_document_changed)
        if not mirror:
            session.selection.changed.connect(self._select_from_session)
            self.selectionChanged.connect(self._selection_to_session)

    # -- building and following the document ---------------------------------------------------

    def _build(self) -> None:
        # A large map takes seconds: say how far it is every few hundred items, which is also
        # where opening it may be cancelled (report_progress raises Cancelled).
        total, done, step = len(self.doc.nodes) + len(self.doc.edges), 0, 256
        # Between steps Qt would otherwise index the new items, then move them in the index as
        # their edges come, and measure every item to grow the scene's rect: twice the build.
        self.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.NoIndex)
        self.room.fit_scene_rect()
        # Each item makes a few Python objects, and the collector would scan the whole heap
        # again and again as they come: a fifth of the build, in pauses of half a second at
        # 50,000 nodes. The items live as long as the map is open.
        collecting = gc.isenabled()
        gc.disable()
        try:
            for node in self.doc.nodes:
                self._add_node_item(node.id)
                done += 1
                if not done % step:
                    report_progress(done, total)
            for edge in self.doc.edges:
                self._add_edge_item(edge.id)
                done += 1
                if not done % step:
                    report_progress(done, total)
            if self.large:
                # A full collection walks every object the program holds, and a room map's
                # items and document are most of them: on a 10,000-node map it paused the
                # window 150-200 ms every few edits, collecting nothing. What the map built is
                # frozen (gc.freeze), and what each change made once its labels are placed;
                # closing the window lets them go (release_frozen).
                gc.freeze()
                self.froze_objects = True
            elif gc.get_freeze_count() == 0:
                # Straight to the oldest generation, unscanned (as commapper.io does for a
                # parsed map); not when objects were frozen, which unfreeze() would release.
                gc.freeze()
                gc.unfreeze()
        finally:
            if collecting:
                gc.enable()
        # A new edge is drawn straight: only a pair with parallel edges needs bending (bending
        # every edge again cost a fifth of the build).
        pairs = Counter(
            pair_of(e.source.node_id, e.target.node_id) for e in self.edge_items.values()
        )
        for pair, count in pairs.items():
            if count > 1:
                self._rebend(pair)
        self.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.BspTreeIndex)
        self.setBspTreeDepth(BSP_TREE_DEPTH)
        self.room.fit_scene_rect()
        report_progress(total, total)

    @property
    def large(self) -> bool:
        """Whether this is the editor's scene of a large map: its nodes drawn from a picture,
        its objects frozen."""
        return self.node_pictures and len(self.node_items) > PICTURE_NODES

    def _follow_node_count(self) -> None:
        self.node_layer.set_active(self.large)

    def _add_node_item(self, node_id: str) -> None:
        item = NodeItem(self, node_id)
        if self.node_filter is not None and not self.node_filter(self.doc.node(node_id)):
            item.setVisible(False)
        self.node_items[node_id] = item
        if item.kind in LEADER_KINDS:
            self.landmark_items[node_id] = item
        self.addItem(item)
        self.node_layer.follow(item)  # it draws itself until a picture has it

    def _add_edge_item(self, edge_id: str) -> None:
        edge = self.doc.edge(edge_id)
        item = EdgeItem(self, edge_id, self.node_items[edge.source], self.node_items[edge.target])
        if self.node_filter is not None:
            item.visible = item.source.isVisible() and item.target.isVisible()
        self.edge_items[edge_id] = item

    def _remove_edge_item(self, edge_id: str) -> tuple[str, str]:
        item = self.edge_items.pop(edge_id)
        self.edge_index.removed(item)
        pair = pair_of(item.source.node_id, item.target.node_id)
        self.edge_layer.invalidate_edge(item)
        item.detach()
        if item.selected:
            self._selected_edges.discard(item)
        return pair

    def _lines_between(self, pair: tuple[str, str]) -> list[EdgeItem]:
        """The lines joining the two nodes of ``pair`` (ids in order), either way."""
        ends = [self.node_items.get(node_id) for node_id in pair]
        if ends[0] is None or ends[1] is None:
            return []
        fewer = min(ends[0], ends[1], key=lambda end: len(end.edges))
        return [e for e in fewer.edges if pair_of(e.source.node_id, e.target.node_id) == pair]

    def _rebend(self, pair: tuple[str, str]) -> None:
        """Spread parallel edges of one pair symmetrically so that none hides another: those
        bent apart before keep their order, and new ones come after them."""
        lines = self._lines_between(pair)
        before = [line for line in self._parallels.pop(pair, []) if line in lines]
        lines = before + sorted(set(lines) - set(before), key=lambda line: line.edge_id)
        if len(lines) > 1:
            self._parallels[pair] = lines
        first = pair[0]
        for index, item in enumerate(lines):
            offset = (index - (len(lines) - 1) / 2) * PARALLEL_EDGE_SPACING
            # The bend is measured from the source's side: flip it for edges drawn the other way.
            item.bend = offset if item.source.node_id == first else -offset
            item.update_geometry()

    def _on_document_changed(self, change: DocumentChanged) -> None:
        self._take_in(change)
        self._keep_what_was_made()

    def _keep_what_was_made(self) -> None:
        """On a large map, keep what an edit or a pass made from the collector (gc.freeze).
        What they replace dies, and each death lowers the count that starts a collection of
        the young, which fills meanwhile: after a layout of 10,000 nodes one collection walked
        150,000 objects (70 ms), the next generation's the same again (40 ms). The objects
        live as long as the map is open; closing the window lets them go (release_frozen)."""
        if self.large:
            gc.freeze()
            self.froze_objects = True

    def _take_in(self, change: DocumentChanged) -> None:
        bulk = (
            len(change.nodes_moved) + len(change.nodes_added) + len(change.edges_added)
            > BULK_CHANGE
        )
        if not bulk:
            if len(change.nodes_moved) > 1:  # a group nudged: its lines among itself moved
                with self._each_line_once():
                    self._follow_change(change)
            else:
                self._follow_change(change)
            return
        if (
            self.large
            and change.nodes_moved
            and change == DocumentChanged(nodes_moved=change.nodes_moved)
        ):
            self._follow_moves_in_slices(change.nodes_moved)
            return
        # Many items moving, coming or going (a paste, a layout on a smaller map): the index is
        # built again once, not updated item by item.
        self.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.NoIndex)
        self.edge_layer.invalidate()
        try:
            with self._each_line_once():
                self._follow_change(change)
        finally:
            self.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.BspTreeIndex)
            self.setBspTreeDepth(BSP_TREE_DEPTH)

    @contextlib.contextmanager
    def _each_line_once(self) -> Iterator[set[EdgeItem]]:
        """Nodes moved within: a line between two of them is drawn again once, at the end, not
        once for each end (the lines whose ends moved, so far, are yielded)."""
        lines: set[EdgeItem] = set()
        self.edges_to_update = lines
        try:
            yield lines
        finally:
            self.edges_to_update = None
            for edge in lines:
                if edge.attached:
                    edge.update_geometry()

    def _follow_moves_in_slices(self, node_ids: Iterable[str]) -> None:
        """Move the items of a large map's nodes that a layout (or its undo) moved, a slice at a
        time: at once, 2,000 nodes and their lines took 0.3-0.6 s, 10,000 over a second. The
        pictures meanwhile show the map as it was; lines are routed and labels placed after."""
        self.moves_due.update(node_ids)
        self.router.landing(node_ids)
        self.room.stale = True
        self.slices.start("moves", self._move_a_slice)
        self._declutter_soon()

    def _move_a_slice(self, deadline: float) -> bool:
        while True:
            with self._each_line_once() as lines:
                # A step moves MOVE_STEP nodes, or fewer with as many lines (a community may
                # have hundreds).
                for _ in range(MOVE_STEP):
                    if not self.moves_due or len(lines) >= MOVE_STEP:
                        break
                    if (item := self.node_items.get(self.moves_due.pop())) is not None:
                        item.follow_move()
            if not self.moves_due or time.perf_counter() >= deadline:
                break
        self._keep_what_was_made()
        if self.moves_due:
            return False
        # Every node is where it belongs: lines, labels and room follow. The lines' pass begins
        # now, before a paint would begin a picture of lines about to move; the rest after the
        # events at hand (measuring the map and fitting the scene to it take 30-70 ms).
        self.router.route_if_moved()
        self._declutter_soon()
        self.nodes_landed.emit(deadline != math.inf)
        return True

    def finish_moves(self) -> None:
        """Move every node due at once (before the user takes one)."""
        if self.moves_due:
            self.slices.stop("moves")
            self._move_a_slice(deadline=math.inf)

    def _follow_change(self, change: DocumentChanged) -> None:
        touched_pairs: set[tuple[str, str]] = set()
        discs_came_or_went = False  # me or a community: any line may now pass through it
        for edge_id in change.edges_changed & set(self.edge_items):
            item, edge = self.edge_items[edge_id], self.doc.edge(edge_id)
            if (item.source.node_id, item.target.node_id) == (edge.source, edge.target):
                item.refresh()
                item.update()
            else:  # an end moved to another node: draw it anew
                touched_pairs.add(self._remove_edge_item(edge_id))
        # Reconcile with the document rather than trusting the event's order: a batch can add
        # and remove the same id (replacing a whole map), and the document says which won.
        for edge_id in change.edges_removed | change.edges_added:
            if edge_id in self.edge_items:
                touched_pairs.add(self._remove_edge_item(edge_id))
        for node_id in change.nodes_removed | change.nodes_added:
            node_item = self.node_items.pop(node_id, None)
            self.landmark_items.pop(node_id, None)
            if node_item is not None:
                discs_came_or_went |= node_item.kind in LEADER_KINDS
                for edge_item in list(node_item.edges):
                    touched_pairs.add(self._remove_edge_item(edge_item.edge_id))
                self.node_layer.node_removed(node_item)
                if node_item is self.mouseGrabberItem():
                    self.end_drag()  # its watch goes with it (LetGoWatch)
                self._let_go_watch.forget(node_item)
                self.removeItem(node_item)
        for node_id in change.nodes_removed | change.nodes_added:
            if self.doc.has_node(node_id):
                self._add_node_item(node_id)
                discs_came_or_went |= self.node_items[node_id].kind in LEADER_KINDS
        for edge_id in (change.edges_added | change.edges_changed) - set(self.edge_items):
            if self.doc.has_edge(edge_id):
                self._add_edge_item(edge_id)
                edge = self.doc.edge(edge_id)
                touched_pairs.add(pair_of(edge.source, edge.target))
        for node_id in change.nodes_changed:
            if node_id in self.node_items:
                self.node_items[node_id].refresh()
        for node_id in change.nodes_moved - change.nodes_changed:
            if node_id in self.node_items:
                self.node_items[node_id].follow_move()
        for pair in touched_pairs:
            self._rebend(pair)
        if change.nodes_added or change.nodes_removed:
            self._follow_node_count()
        if change.nodes_added or change.nodes_removed or change.nodes_changed:
            self._follow_sectors()
        if not self.mirror:
            self._select_from_session()
        if change.nodes_moved or change.nodes_added or change.nodes_removed or touched_pairs:
            # A few nodes removed leave the room as it was (it stays large enough); many may
            # leave much more than the map needs.
            if len(change.nodes_removed) > FEW_NODES:
                self.room.stale = True
            else:
                self.room.grow(change.nodes_moved | change.nodes_added)
            if discs_came_or_went:
                self.router.every_line_due()
            else:  # with the lines that came, and those their coming or going bent apart anew
                self.router.follow(
                    change.nodes_moved,
                    (line for pair in touched_pairs for line in self._lines_between(pair)),
                )
        self._declutter_soon()  # labels moved, came, went or changed

    # -- looks -----------------------------------------------------------------------------------

    @property
    def fill_rule(self) -> Callable[[NodeModel], QColor | None] | None:
        """How overlays fill nodes (a colour, or None for the usual); None is "by sector"."""
        return self._fill_rule

    @fill_rule.setter
    def fill_rule(self, rule: Callable[[NodeModel], QColor | None] | None) -> None:
        self._fill_rule = rule
        self.restyle()

    def shared_look(self, spec: tuple[object, ...]) -> Look:
        """The pen (and its signature) of edges drawn as ``spec`` says (see ``make_look``),
        made once for all of them until the next restyle."""
        if (look := self._looks.get(spec)) is None:
            look = self._looks[spec] = make_look(spec, self.colours)
        return look

    def restyle(self) -> None:
        """Repaint every item with fresh colours (after a theme or overlay change)."""
        self._looks.clear()
        self.style_generation += 1
        self.edge_layer.invalidate()
        self.node_layer.invalidate()
        self.update()

    def fill_colour(self, node: NodeModel) -> QColor:
        if self.fill_rule is not None and (colour := self.fill_rule(node)) is not None:
            return QColor(colour)
        if node.color:
            return QColor(node.color)
        if isinstance(node, CommunityNode):
            return self.sector_colour(node.sector)
        if isinstance(node, MeNode):
            return QColor(self.colours.me_fill)
        if isinstance(node, BoundaryObjectNode):
            return QColor(self.colours.object_fill)
        return QColor(self.colours.person_fill)

    def sector_colour(self, sector: str | None) -> QColor:
        """A sector's colour on this map: no two of its sectors alike while colours last."""
        return sector_colour(sector, self.sector_palette)

    def _follow_sectors(self) -> None:
        palette = sector_palette(n.sector for n in self.doc.nodes if isinstance(n, CommunityNode))
        if palette != self.sector_palette:
            self.sector_palette = palette
            self.restyle()

    def is_pinned(self, node: NodeModel) -> bool:
        return PINNED_TAG in node.tags

    def set_colours(self) -> None:
        """Follow a change of theme."""
        self.colours = self.fixed_colours or canvas_colours()
        self.setBackgroundBrush(self.colours.background)
        self.restyle()

    def use_theme(self, colours: CanvasColours | None) -> None:
        """Draw in ``colours`` from now on, or follow the system's theme again (None)."""
        self.fixed_colours = colours
        self.set_colours()

    def show_only(self, node_filter: Callable[[NodeModel], bool] | None) -> None:
        """Show the nodes ``node_filter`` accepts (None: all), and the lines between them;
        nodes added later are shown or not by the same rule."""
        self.node_filter = node_filter
        for item in self.node_items.values():
            item.setVisible(node_filter is None or node_filter(self.doc.node(item.node_id)))
        for edge in self.edge_items.values():
            edge.visible = edge.source.isVisible() and edge.target.isVisible()
        self.edge_layer.release()
        self.node_layer.release()
        self.room.stale = True
        self._declutter_soon()

    def shown_node_ids(self) -> list[str]:
        """The nodes shown (all, unless :meth:`show_only` hides some)."""
        if self.node_filter is None:
            return list(self.node_items)
        return [node_id for node_id, item in self.node_items.items() if item.isVisible()]

    def show_labels_as(
        self,
        shown_label: Callable[[NodeModel], str] | None,
        shown_text: Callable[[str], str] | None = None,
    ) -> None:
        """Label nodes with ``shown_label(node)`` instead of their own labels, and lines with
        ``shown_text(label)`` (None: their own); the document is untouched."""
        self.shown_label = shown_label or _own_label
        self.shown_text = shown_text or _same_text
        for item in self.node_items.values():
            item.refresh()
        for edge in self.edge_items.values():
            edge.refresh()
        self.room.stale = True
        self._declutter_soon()

    def set_label_scale(self, scale: float) -> None:
        """Grow labels when zoomed out so that they stay readable on screen."""
        if abs(scale - self.label_scale) < 0.05 * self.label_scale:
            return
        self.label_scale = scale
        # Every node's bounds change: rebuilding the index once beats 2,000 re-insertions. On a
        # large map the nodes follow in slices (60 ms at 10,000 nodes): meanwhile the pictures
        # drawn before show, and the labels wait to be placed.
        self.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.NoIndex)
        self._declutter_timer.stop()
        self.slices.stop(LABELS)
        steps = self._rescaling_steps(list(self.node_items.values()))
        if len(self.node_items) <= MANY_NODES:
            self.slices.stop(LABEL_SIZES)
            run_steps(steps, deadline=None)
            self._rescaled(None)
        else:
            self.slices.start_steps(LABEL_SIZES, steps, self._rescaled)

    def _rescaling_steps(self, items: list[NodeItem]) -> Generator[None, None, None]:
        for count, item in enumerate(items, 1):
            if item.scene() is self:
                item.label_scale_changed()
            if not count % RESCALE_STEP:
                yield

    def _rescaled(self, _: None) -> None:
        self.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.BspTreeIndex)
        self.setBspTreeDepth(BSP_TREE_DEPTH)
        self.node_layer.invalidate()
        self.room.stale = True  # every label changed size
        self._declutter_soon()

    def nodes_rect(self, node_ids: Iterable[str] | None = None) -> QRectF:
        """The rectangle around the nodes (all, or those of ``node_ids``) and their labels (see
        :func:`extent.rect_around`)."""
        if node_ids is None:
            return rect_around(self.node_items.values())
        return rect_around(self.node_items[i] for i in node_ids if i in self.node_items)

    def extent(self) -> QRectF:
        """The rectangle around the nodes and their labels as last measured, grown by those
        moved out of it since (see :class:`Extent`)."""
        return self.room.rect()

    def settling(self, lines: bool = True) -> bool:
        """Whether the map is still following an edit between events: nodes landing, and
        (``lines``) lines being routed. The pictures wait for it."""
        return bool(self.moves_due) or (lines and self.router.running)

    @property
    def labels_placed(self) -> bool:
        """Whether the labels are where the last pass put them (no pass waiting or under way)."""
        return (
            not self._declutter_timer.isActive()
            and not self.moves_due
            and not self.slices.running(LABELS)
            and not self.slices.running(LABEL_SIZES)
            and not self.router.running
        )

    def _after_changes(self) -> None:
        if self.moves_due:
            return  # once they have moved (_move_a_slice)
        if not self.router.route_if_moved():
            self._start_declutter()  # else once the lines are routed (_lines_routed)
            self._index_edges_soon()
        self.room.fit_if_changed()
        self._keep_what_was_made()

    def _declutter_soon(self) -> None:
        """Labels moved, came, went or changed: a pass after the events at hand, and none of a
        pass begun before (it would place what is no longer there)."""
        self.slices.stop(LABELS)
        self._declutter_timer.start()

    def _start_declutter(self) -> None:
        """Place the labels anew: at once on a small map, in slices on a large one."""
        if self.slices.running(LABEL_SIZES):
            return  # once the labels have their new size (set_label_scale)
        if len(self.node_items) <= MANY_NODES:
            self.declutter_labels()
            return
        # Started again from the beginning: what changed may be anywhere in the order.
        steps = placing_labels(self, self.session.selection.ids)
        self.slices.start_steps(LABELS, steps, self._apply_placement)

    def _lines_routed(self) -> None:
        """A pass over every line is done: the labels follow, once the nodes have landed."""
        if not self.moves_due:  # else once they have (_move_a_slice)
            self._start_declutter()
        self._index_edges_soon()
        self._keep_what_was_made()

    def _index_edges_soon(self) -> None:
        """Once many lines moved or went, gather the edges' rows in slices, before a click needs
        them (see EdgeIndex)."""
        # The one under way, if any: it may have been run to its end meanwhile, by a query.
        if (steps := self.edge_index.gathering()) is not None:
            self.slices.start_steps(EDGE_INDEX, steps)

    def declutter_labels(self) -> None:
        """Place every label where it covers no more important one (see :mod:`labels`)."""
        self.slices.stop(LABELS)
        self._apply_placement(place_labels(self, self.session.selection.ids))

    def _apply_placement(self, placement: LabelPlacement) -> None:
        for node_id, item in self.node_items.items():
            item.set_label_spot(placement.node_spots.get(node_id, 0))
        if placement.crowded != self.crowded_labels:
            self.crowded_labels = placement.crowded
            self.node_layer.invalidate()
            self.update()
        self.edge_labels.set_spots(placement.edge_spots)
        self._keep_what_was_made()
        self.labels_settled.emit()

    # -- selection, both ways --------------------------------------------------------------------

    def selected_node_ids(self) -> list[str]:
        return [item.node_id for item in self.selectedItems() if isinstance(item, NodeItem)]

    def _selection_to_session(self) -> None:
        if self.rubber_banding:
            return  # once, when the band is let go (selection_settled)
        # Keep the order the session already had, then add the newly selected ones.
        ids = {item.node_id for item in self.selectedItems() if isinstance(item, NodeItem)}
        ids |= {edge.edge_id for edge in self._selected_edges}
        ordered = [item_id for item_id in self.session.selection.ids if item_id in ids]
        ordered += sorted(ids - set(ordered))
        self.session.selection.set(ordered)

    def selection_settled(self) -> None:
        """A rubber band was let go: the nodes selected and the lines among them (added to the
        lines selected before, with Ctrl) go to the session."""
        taken = {item for item in self.selectedItems() if isinstance(item, NodeItem)}
        edges = {edge for node in taken for edge in node.edges
                 if edge.source in taken and edge.target in taken}  # fmt: skip
        self._set_selected_edges(edges | self._selected_edges if self._band_adds else edges)
        self._selection_to_session()

    def _set_selected_edges(self, edges: set[EdgeItem]) -> None:
        """Select these edges, and only these; each is drawn highlighted, or no longer."""
        for edge in edges ^ self._selected_edges:
            edge.selected = edge in edges
            edge.highlight_changed()
        self._selected_edges = edges

    def _select_from_session(self) -> None:
        wanted = set(self.session.selection.ids)
        nodes_changed = False
        # Qt's selectionChanged held back: it would echo the session's selection back to it,
        # once for each item (after a rubber band took 2,400 nodes, selecting one node asked
        # Qt for the selection 2,400 times: 15-55 s on 10,000 nodes).
        self.blockSignals(True)
        try:
            for item in self.selectedItems():
                if isinstance(item, NodeItem) and item.node_id not in wanted:
                    item.setSelected(False)
                    nodes_changed = True
            for item_id in wanted:
                node = self.node_items.get(item_id)
                if node is not None and not node.isSelected():
                    node.setSelected(True)
                    nodes_changed = True
        finally:
            self.blockSignals(False)
        self._set_selected_edges({self.edge_items[i] for i in wanted if i in self.edge_items})
        if nodes_changed:
            self._declutter_soon()  # a selected node's label always shows

    def select_ids(self, ids: Iterable[str]) -> None:
        self.session.selection.set(ids)

    # -- gestures --------------------------------------------------------------------------------

    def _node_at(self, pos: QPointF) -> NodeItem | None:
        for item in self.items(pos):
            if isinstance(item, NodeItem):
                return item
        return None

    def edge_at(self, pos: QPointF) -> EdgeItem | None:
        """The edge shown nearest ``pos``, within a few pixels of it; crossings first."""
        views = self.views()
        zoom = views[0].transform().m11() if views else 1.0
        reach = HIT_PIXELS / max(zoom, 1e-6)
        # Straight edges are measured at once; the few bent ones by their curves.
        best: tuple[float, float, EdgeItem] | None = None
        for edge, distance in self.edge_index.near_point(pos.x(), pos.y(), reach):
            if not edge.visible:
                continue
            if math.isnan(distance):  # bent
                hit = edge.hit_by(pos, reach)
                if hit is None:
                    continue
                distance = hit
            elif distance > reach:
                continue
            rank = (-float(edge.kind == EdgeKind.CROSSING), float(distance))
            if best is None or rank < best[:2]:
                best = (*rank, edge)
        return None if best is None else best[2]

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if self.moves_due:
            # A press while a layout lands lands it, and does no more: what lies under the
            # pointer changes as the nodes jump to where the map has them.
            self.finish_moves()
            event.accept()
            return
        if self._connect_armed:
            # The second click of click-click connecting: on a node it connects, elsewhere it
            # cancels.
            self._finish_connecting(event.scenePos())
            event.accept()
            return
        node = self._node_at(event.scenePos())
        wants_connect = self.connect_mode or bool(
            event.modifiers() & Qt.KeyboardModifier.ShiftModifier
        )
        left = event.button() == Qt.MouseButton.LeftButton
        if left and node is not None and wants_connect:
            self._start_connecting(node)
            event.accept()
            return
        adding = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
        if node is None and left and (edge := self.edge_at(event.scenePos())) is not None:
            self._click_edge(edge, adding)
            event.accept()
            return
        self._band_adds = adding
        # A click on empty canvas, or on a node not selected, lets the selected lines go (before
        # Qt's selection changes, so that its signal carries it; after, in case it does not).
        lets_go = not adding and bool(self._selected_edges)
        lets_go &= node is None or not node.isSelected()
        if lets_go:
            self._set_selected_edges(set())
        super().mousePressEvent(event)
        if isinstance(grabber := self.mouseGrabberItem(), NodeItem):
            self._let_go_watch.watch(grabber)  # for end_drag
        if lets_go:
            self._selection_to_session()
        self._press_positions = {
            item.node_id: item.pos() for item in self.selectedItems() if isinstance(item, NodeItem)
        }

    def _click_edge(self, edge: EdgeItem, adding: bool) -> None:
        """Select the edge alone, or (with Ctrl) add it to the selection or take it out."""
        if not adding:
            self.session.selection.set([edge.edge_id])
            return
        ids = list(self.session.selection.ids)
        ids = [i for i in ids if i != edge.edge_id] if edge.selected else [*ids, edge.edge_id]
        self.session.selection.set(ids)

    def mouseMoveEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if self._connect_line is not None and self._connect_from is not None:
            self._connect_line.setLine(QLineF(self._connect_from.pos(), event.scenePos()))
            event.accept()
            return
        if (
            self._press_positions
            and not self._dragging
            and event.buttons() & Qt.MouseButton.LeftButton
            and isinstance(self.mouseGrabberItem(), NodeItem)
        ):
            self._dragging = True
            self.drag_started.emit([self.node_items[i] for i in self._press_positions])
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if self._connect_line is not None:
            source = self._connect_from
            if source is not None and self._node_at(event.scenePos()) is source:
                # Released on the node it started from: a click, so wait for the second click
                # (what a newcomer tries first in Connect Mode) with the line following.
                self._connect_armed = True
                text = self.tr("Now click the node to connect {label} to (Esc cancels).")
                self.status_message.emit(text.format(label=self.label_of(source.node_id)))
            else:
                self._finish_connecting(event.scenePos())
            event.accept()
            return
        super().mouseReleaseEvent(event)
        self.end_drag()
        self._commit_drag()

    def end_drag(self) -> None:
        """The drag is over (released, or the mouse was taken away, e.g. by a dialog)."""
        if self._dragging:
            self._dragging = False
            self.drag_finished.emit()

    def mouseDoubleClickEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        node = self._node_at(event.scenePos())
        if node is not None:
            self.rename_requested.emit(node.node_id)
        elif self.edge_at(event.scenePos()) is None:
            self.add_node_requested.emit(event.scenePos())
        event.accept()

    def _commit_drag(self) -> None:
        """A drag is one undo step, made on release from where the nodes ended up."""
        moved = {
            node_id: (placeable(item.pos()).x(), placeable(item.pos()).y())
            for node_id, start in self._press_positions.items()
            if (item := self.node_items.get(node_id)) is not None and item.pos() != start
        }
        self._press_positions = {}
        if moved:
            if len(moved) == 1:
                text = self.tr("Move {label}").format(label=self.label_of(next(iter(moved))))
            else:
                text = self.tr("Move %n nodes", "", len(moved))
            self.session.edit(MoveNodes.tidied(moved), text)
        # A node dragged past the edge of the positions a map holds, where the map already had
        # it, was not moved by the edit: it goes back to where the map has it.
        for node_id in moved:
            node, item = self.doc.node(node_id), self.node_items[node_id]
            if node.x is not None and node.y is not None and item.pos() != QPointF(node.x, node.y):
                item.setPos(node.x, node.y)

    def _start_connecting(self, node: NodeItem) -> None:
        self._connect_from = node
        line = QGraphicsLineItem(QLineF(node.pos(), node.pos()))
        line.setPen(QPen(self.colours.selection, 2, Qt.PenStyle.DashLine))
        line.setZValue(10)
        self.addItem(line)
        self._connect_line = line

    def cancel_connecting(self) -> bool:
        """Drop a connection being drawn; whether there was one."""
        if self._connect_line is None:
            return False
        self.removeItem(self._connect_line)
        self._connect_line = self._connect_from = None
        self._connect_armed = False
        return True

    def _finish_connecting(self, pos: QPointF) -> None:
        source = self._connect_from
        self.cancel_connecting()
        target = self._node_at(pos)
        if source is not None and target is not None and target is not source:
            self.connect_nodes(source.node_id, target.node_id)

    def connect_nodes(self, source_id: str, target_id: str) -> bool:
        """Join two nodes with the edge their kinds call for, as one undo step."""
        if not (self.doc.has_node(source_id) and self.doc.has_node(target_id)):
            return False  # an end was removed (undone) during the gesture
        source, target = self.doc.node(source_id), self.doc.node(target_id)
        source_kind, target_kind = NodeKind(source.kind), NodeKind(target.kind)
        kinds = edge_kinds_between(source_kind, target_kind)
        if not kinds and (kinds := edge_kinds_between(target_kind, source_kind)):
            source, target = target, source
        if not kinds:
            first = self.tr(KIND_IN_SENTENCE[source_kind])
            second = self.tr(KIND_IN_SENTENCE[target_kind])
            text = self.tr(
                "{first} and {second} are not joined directly: connect both to a community instead."
            )
            self.session.edit_refused.emit(
                text.format(first=first[:1].upper() + first[1:], second=second)
            )
            return False
        edge = new_edge(kinds[0], self.doc.new_id("e"), source.id, target.id)
        text = self.tr("Connect {source} to {target}").format(
            source=source.label or source.id, target=target.label or target.id
        )
        if self.session.edit(InsertItems(edges=((len(self.doc.edges), edge),)), text):
            self.session.selection.set([edge.id])
            return True
        return False

    def label_of(self, node_id: str) -> str:
        """A node as messages name it: its label, or its id when it has none."""
        node = self.doc.node(node_id)
        return node.label or node.id
