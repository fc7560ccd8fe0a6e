"""A layer of the canvas that draws many things from a picture kept between frames, drawn anew
in slices between events.

A room map shows thousands of nodes and tens of thousands of edges at once. Painting each
through a Qt item of its own cost a Python call each, every frame: 100-130 ms to repaint the
nodes of a 10,000-node map, 20 µs a node. The edge layer and the node layer draw them into a
picture of what is in view and a little around it, anew only after the zoom changed, the view
left the picture, or something in it changed; every other repaint copies the picture.

A new picture is drawn in slices between events (:mod:`slices`): on a 10,000-node map it takes
0.2-1 s, which would freeze the window. Until it is done the last one
shows (stretched after a zoom) and what changed since is drawn live over it; the old selves of
what moved stay in it until then. Small maps finish in the first slice, at once.

What is about to be edited (the selection) is left out of a new picture and drawn live: moving
or restyling it then needs no new picture.
"""

from __future__ import annotations

import time
from collections.abc import Generator, Hashable
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from PySide6.QtCore import QPoint, QRectF, Qt
from PySide6.QtGui import QPainter, QPixmap, QTransform
from PySide6.QtWidgets import QGraphicsItem, QWidget

from commapper.ui.canvas.slices import UNFINISHED, run_steps

if TYPE_CHECKING:
    from commapper.ui.canvas.scene import MapScene

EVERYWHERE = QRectF(-1e7, -1e7, 2e7, 2e7)
# Things drawing live at once beyond which no more do: a layout moves them all, and drawing
# thousands live cost more than the picture (170 ms a frame for 2,000 nodes' lines). The last
# picture then shows until the new one is done, a moment later.
LIVE_LIMIT = 300
# A slice run inside a paint, to finish a small map's picture in the frame that needs it. A map
# whose last picture took longer gets none: the rest of the frame has to be painted too.
FIRST_SLICE_SECONDS = 0.008

Drawing = Generator[None, None, None]
Thing = TypeVar("Thing", bound=Hashable)  # what the picture is of: an edge, a node
ViewState = tuple[QTransform, QRectF, tuple[float, ...]]


class Picture:
    """A picture: the pixels, what they cover in the scene, at which zoom (the view's transform
    without its translation)."""

    def __init__(self, rect: QRectF, zoom: tuple[float, ...], transform: QTransform) -> None:
        self.rect = rect
        self.zoom = zoom
        ratio = zoom[-1]
        size = transform.mapRect(rect).toAlignedRect().size()
        self.pixels = QPixmap(size * ratio)
        self.pixels.setDevicePixelRatio(ratio)
        self.pixels.fill(Qt.GlobalColor.transparent)
        corner = transform.map(rect.topLeft())
        self.transform = transform * QTransform.fromTranslate(
            -round(corner.x()), -round(corner.y())
        )


class PictureTurns:
    """The picture layers of a scene, drawing new pictures one at a time and in turn.

    A picture is 5-10 MB on a room map, and the window went over its memory bar while two were
    drawn at once after a layout. In turn: a layer that drew last waits for one that wanted a
    picture meanwhile, else the lines' layer, painted first, could take every turn during a long
    pan while nodes beyond the nodes' old picture stayed unseen.
    """

    def __init__(self) -> None:
        self.layers: list[PictureLayer[Any]] = []
        self.last: PictureLayer[Any] | None = None  # whose picture was finished last

    def may_begin(self, layer: PictureLayer[Any]) -> bool:
        """Whether ``layer``, wanting a new picture, may begin it now."""
        others = [other for other in self.layers if other is not layer]
        drawing = any(other.drawing_picture for other in others)
        if drawing or (self.last is layer and any(other.waiting_for_turn for other in others)):
            layer.waiting_for_turn = True
            if not drawing:
                # Its turn comes at a later paint, once the other has begun (whose picture's
                # end repaints everything) or no longer wants one.
                layer.update()
            return False
        layer.waiting_for_turn = False
        return True


class PictureLayer(QGraphicsItem, Generic[Thing]):
    """Shows a picture of many things, and keeps track of what changed since it was begun.

    A subclass says what to leave out of a new picture (:meth:`left_out_now`), how to draw it
    (:meth:`drawing`), and what to draw live over it (:meth:`paint_live`); it calls
    :meth:`changed` for each thing that changed and :meth:`invalidate` when anything may have.
    """

    # Whether the picture shows lines, and so waits for them to be routed after a layout.
    shows_lines = True

    def __init__(self, scene: MapScene) -> None:
        super().__init__()
        self.map_scene = scene
        self.turns = scene.picture_turns
        self.turns.layers.append(self)
        self.waiting_for_turn = False  # wanted a new picture, and was told to wait its turn
        self.picture: Picture | None = None  # the one shown
        self._stale = True  # something changed, or the view moved, since it was begun
        # Being drawn, in slices, and what changed since it was begun.
        self._next: Picture | None = None  # made by its first slice
        self._next_spec: tuple[QRectF, tuple[float, ...], QTransform] | None = None
        self._drawing: Drawing | None = None
        self._drawing_seconds = 0.0  # the next picture's slices so far
        self._quick = True  # the last picture was drawn within a first slice
        self._painter: QPainter | None = None
        self.changed_since_next: set[Thing] = set()
        # What changed since the shown picture was begun (drawn live over it), up to LIVE_LIMIT.
        self.changed_since: set[Thing] = set()
        self.overflowed = False  # more changed than that
        # Left out of the shown picture (and of the next), and drawn live.
        self.left_out: set[Thing] = set()
        self.left_out_of_next: set[Thing] = set()
        self._last_view: ViewState | None = None

    # -- to be given by a subclass ---------------------------------------------------------------

    def left_out_now(self) -> set[Thing]:
        """What a picture begun now leaves out (drawn live instead)."""
        return set()

    def drawing(self, rect: QRectF, left_out: set[Thing]) -> Drawing:
        """Draw the picture of ``rect`` of the scene with :attr:`painter`, without
        ``left_out``, pausing (``yield``) every few hundred things."""
        raise NotImplementedError

    def paint_live(self, painter: QPainter) -> None:
        """Draw what is not in the picture, over it."""

    def picture_done(self) -> None:
        """A new picture is shown: ``changed_since`` and ``left_out`` say what it lacks."""

    # -- what changed ----------------------------------------------------------------------------

    def invalidate(self) -> None:
        """Anything may have changed: the picture is drawn anew (the last one shows until
        then)."""
        self._stale = True
        self.update()

    def release(self) -> None:
        """Throw the picture away: what it shows is wrong even for a moment (what is shown
        changed), and the next paint begins one, also while the view is zooming."""
        self.picture = None
        self.invalidate()

    def changed(self, thing: Thing, where: QRectF) -> None:
        """``thing`` is about to change, or just did, at ``where`` in the scene: drawn live until
        a new picture has it, unless it was left out; repainted there."""
        if self.picture is None and self._drawing is None:
            return  # none drawn yet (a map being built): nothing to draw anew
        if self._drawing is not None and thing not in self.left_out_of_next:
            self.changed_since_next.add(thing)
            self._stale = True
        if thing not in self.left_out:
            self._stale = True
            if not self.note_live(thing):
                return  # the new picture repaints everything once done
        self.update(where)

    def note_live(self, thing: Thing) -> bool:
        """Draw ``thing`` live until a new picture has it, unless too many are: whether it
        is."""
        if thing in self.changed_since:
            return True
        if not self.overflowed:
            self.overflowed = len(self.changed_since) >= LIVE_LIMIT
            if self.overflowed:
                self.update()  # all of it once the new picture has them
        if self.overflowed:
            return False
        self.changed_since.add(thing)
        return True

    @property
    def drawing_picture(self) -> bool:
        """Whether a new picture is being drawn, in slices."""
        return self._drawing is not None

    @property
    def settled(self) -> bool:
        """Whether the picture shown is up to date (no new one waiting or being drawn)."""
        return not self._stale and self._drawing is None

    def finish_now(self) -> None:
        """Draw the picture due, if one is, at once rather than in slices (before the view
        photographs itself, and in tests)."""
        for _ in range(2):  # the one under way, then one with what changed meanwhile
            if self._drawing is None and self._stale and self._last_view is not None:
                self._begin(*self._last_view, budget=None)
            if self._drawing is not None:
                self._run_slice(deadline=None)
        self.update()

    # -- painting --------------------------------------------------------------------------------

    def boundingRect(self) -> QRectF:
        # Everywhere: the scene's rect is set from its nodes (Extent.fit_scene_rect), so this
        # does not stretch the scroll bars.
        return EVERYWHERE

    def fits(self, in_view: QRectF, zoom: tuple[float, ...]) -> bool:
        """Whether the picture shown serves a view of ``in_view`` (in the scene) at ``zoom``: it
        holds the part of the view where anything is drawn (the empty room to scroll into
        beside the map is not pictured)."""
        picture = self.picture
        needed = in_view.intersected(self.map_scene.room.drawn())
        return (
            picture is not None
            and picture.zoom == zoom
            and (needed.isEmpty() or picture.rect.contains(needed))
        )

    def paint_picture(self, painter: QPainter, widget: QWidget) -> None:
        """Copy the picture onto the view, beginning a new one first if it is due."""
        transform = painter.worldTransform()
        zoom = (
            transform.m11(),
            transform.m12(),
            transform.m21(),
            transform.m22(),
            widget.devicePixelRatioF(),
        )
        in_view = transform.inverted()[0].mapRect(QRectF(widget.rect()))
        self._last_view = (transform, in_view, zoom)
        picture = self.picture
        wanted = self._stale or not self.fits(in_view, zoom)
        if not wanted:
            self.waiting_for_turn = False
        # One picture at a time, the layers in turn (turns.may_begin); zooming by the wheel
        # waits for the wheel to rest, a layout for the nodes to land and their lines to be
        # routed. The first picture of all never waits: there is nothing to show instead.
        scene = self.map_scene
        waits = self._drawing is not None or (
            picture is not None
            and (
                scene.zoom_in_motion
                or scene.settling(lines=self.shows_lines)
                or not self.turns.may_begin(self)
            )
        )
        if wanted and not waits:
            self._begin(transform, in_view, zoom, budget=FIRST_SLICE_SECONDS)
            picture = self.picture
        if picture is None:
            return
        painter.save()
        painter.setWorldTransform(QTransform())
        if picture.zoom == zoom:
            corner = transform.map(picture.rect.topLeft())
            painter.drawPixmap(QPoint(round(corner.x()), round(corner.y())), picture.pixels)
        else:  # the last picture, stretched, until the new one is drawn
            target = transform.mapRect(picture.rect)
            painter.drawPixmap(target, picture.pixels, QRectF(picture.pixels.rect()))
        painter.restore()

    # -- drawing a new picture in slices ---------------------------------------------------------

    def _begin(
        self,
        transform: QTransform,
        in_view: QRectF,
        zoom: tuple[float, ...],
        budget: float | None,
    ) -> None:
        """Begin a picture for this view and draw its first slice within ``budget`` if the last
        one was quick (all of it on a small map), or all of it if there is no ``budget``; the
        rest comes in slices."""
        # What is in view and, so that a short pan needs no new picture, the map a quarter of a
        # view around it (not the empty room to scroll into beside it: a room map fitted to the
        # view had pictures of 9.5 MiB each instead of 5.6).
        margin_x, margin_y = in_view.width() / 4, in_view.height() / 4
        around = in_view.adjusted(-margin_x, -margin_y, margin_x, margin_y)
        rect = in_view.united(around.intersected(self.map_scene.room.drawn()))
        self._next, self._next_spec = None, (rect, zoom, transform)
        self._stale = False
        self.left_out_of_next = self.left_out_now()
        self.changed_since_next = set()
        self._drawing = self.drawing(rect, self.left_out_of_next)
        self._drawing_seconds = 0.0
        if budget is None:
            self._run_slice(deadline=None)
        elif not (self._quick and self._run_slice(time.perf_counter() + budget)):
            self.map_scene.slices.start(self, self._draw_a_slice)

    def _draw_a_slice(self, deadline: float) -> bool:
        done = self._run_slice(deadline)
        if done:
            self.update()  # the new picture, and what changed while it was drawn
        return done

    def _run_slice(self, deadline: float | None) -> bool:
        """Draw until ``deadline`` (None: to the end); whether the picture is done (or none is
        being drawn)."""
        drawing, began = self._drawing, time.perf_counter()
        if drawing is None:
            return True
        if self._next is None:
            assert self._next_spec is not None
            self._next = Picture(*self._next_spec)  # its pixels take a few ms to clear
        picture = self._next
        painter = self._painter = QPainter(picture.pixels)
        painter.setRenderHints(
            QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing
        )
        painter.setWorldTransform(picture.transform)
        try:
            ran = run_steps(drawing, deadline)
        finally:
            painter.end()
            self._painter = None
            self._drawing_seconds += time.perf_counter() - began
        if ran is UNFINISHED:
            return False
        self.map_scene.slices.stop(self)
        self.turns.last = self
        self._quick = self._drawing_seconds <= FIRST_SLICE_SECONDS
        self._drawing = self._next = self._next_spec = None
        self.picture = picture
        self.left_out = self.left_out_of_next
        self.changed_since, self.changed_since_next = self.changed_since_next, set()
        # Up to LIVE_LIMIT here too: a layout landing while the picture was drawn changed
        # 8,000 lines, drawn live every frame (100-230 ms) until the next picture.
        self.overflowed = len(self.changed_since) > LIVE_LIMIT
        if self.overflowed:
            self.changed_since = set()
            self._stale = True  # the next picture has them
        self.picture_done()
        return True

    @property
    def painter(self) -> QPainter:
        """The painter of the slice being drawn."""
        assert self._painter is not None
        return self._painter
