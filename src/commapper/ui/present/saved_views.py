"""A facilitator's saved views (the file's ``views``): made from what the editor shows, edited
as undo steps, and applied to a scene.

A view's ``overlay`` names the analysis overlays it shows, comma-separated (see
docs/file-format.md): ``betweenness`` (sizes), ``brokers``, ``silos``, ``cut-points``,
``open-pairs``, and ``colour=level`` or ``colour=FIELD`` to colour nodes by something other
than their sector. Unknown words are ignored, so a file from a newer version still opens.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from pydantic import ValidationError
from PySide6.QtCore import QCoreApplication, QRectF

from commapper.model import NodeKind, NodeModel, UpdateMap, View, Viewport, printable
from commapper.model.items import MAX_COORDINATE
from commapper.ui.canvas.overlays import CanvasOverlays
from commapper.ui.session import MapSession

MARK_WORDS = {"brokers": "broker", "silos": "silo", "cut-points": "articulation"}
SIZE_WORD, PAIRS_WORD, COLOUR_PREFIX = "betweenness", "open-pairs", "colour="


def overlay_name(overlays: CanvasOverlays) -> str | None:
    """The overlays shown now, as a view's ``overlay`` names them; None for none."""
    words = [SIZE_WORD] if overlays.size_by_betweenness else []
    words += [word for word, mark in MARK_WORDS.items() if mark in overlays.marks]
    if overlays.open_pairs:
        words.append(PAIRS_WORD)
    if overlays.colour_by != "sector":
        words.append(COLOUR_PREFIX + overlays.colour_by)
    return ",".join(words) or None


@dataclass(frozen=True)
class OverlaySettings:
    """The overlays a view's ``overlay`` names, as :class:`CanvasOverlays` takes them."""

    size_by_betweenness: bool = False
    marks: frozenset[str] = frozenset()
    open_pairs: bool = False
    colour_by: str = "sector"


def overlay_settings(name: str | None) -> OverlaySettings:
    """What ``name`` (see :func:`overlay_name`) switches on; every other overlay is off.

    >>> settings = overlay_settings("brokers, colour=level")
    >>> settings.marks, settings.colour_by, settings.size_by_betweenness
    (frozenset({'broker'}), 'level', False)
    """
    words = {word.strip() for word in (name or "").split(",")}
    colours = [word.removeprefix(COLOUR_PREFIX) for word in words if word.startswith(COLOUR_PREFIX)]
    return OverlaySettings(
        size_by_betweenness=SIZE_WORD in words,
        marks=frozenset(mark for word, mark in MARK_WORDS.items() if word in words),
        open_pairs=PAIRS_WORD in words,
        colour_by=colours[0] if colours and colours[0] else "sector",
    )


def show_overlay(overlays: CanvasOverlays, name: str | None) -> None:
    """Show the overlays ``name`` lists (see :func:`overlay_name`), and no others."""
    settings = overlay_settings(name)
    overlays.size_by_betweenness = settings.size_by_betweenness
    overlays.marks = set(settings.marks)
    overlays.open_pairs = settings.open_pairs
    overlays.colour_by = settings.colour_by
    overlays.apply()


def node_filter(view: View | None) -> Callable[[NodeModel], bool] | None:
    """Which nodes ``view`` shows; None when it shows them all."""
    if view is None or (view.nodes is None and view.kinds is None):
        return None
    ids = None if view.nodes is None else frozenset(view.nodes)
    kinds = None if view.kinds is None else frozenset(NodeKind(kind) for kind in view.kinds)
    return lambda node: (
        (ids is None or node.id in ids) and (kinds is None or NodeKind(node.kind) in kinds)
    )


def viewport_rect(view: View) -> QRectF | None:
    box = view.viewport
    return None if box is None else QRectF(box.x, box.y, box.width, box.height)


def viewport_of(rect: QRectF) -> Viewport | None:
    """``rect`` as a file may hold it (within the coordinates and sizes a map allows)."""
    if rect.isEmpty():
        return None

    def within(value: float, low: float, high: float) -> float:
        return round(min(max(value, low), high), 1)

    return Viewport(
        x=within(rect.x(), -MAX_COORDINATE, MAX_COORDINATE),
        y=within(rect.y(), -MAX_COORDINATE, MAX_COORDINATE),
        width=within(rect.width(), 0.1, 2 * MAX_COORDINATE),
        height=within(rect.height(), 0.1, 2 * MAX_COORDINATE),
    )


def new_view_name(existing: Sequence[View]) -> str:
    names = {view.name for view in existing}
    number = len(existing) + 1
    while (
        name := QCoreApplication.translate("SavedViews", "View {number}").format(number=number)
    ) in names:
        number += 1
    return name


# -- edits: each one undo step ---------------------------------------------------------------------


def add_view(session: MapSession, view: View) -> bool:
    text = QCoreApplication.translate("SavedViews", "Add view {name}").format(name=view.name)
    return session.edit(UpdateMap({"views": [*session.doc.views, view]}), text)


def replace_view(session: MapSession, index: int, view: View, text: str) -> bool:
    """Put ``view`` (made with model_copy, so not checked yet) in place of view ``index``; a
    view the file could not hold (a name too long) is refused with a message."""
    try:
        view = View.model_validate(view.model_dump())
    except ValidationError as error:
        problem = error.errors()[0]
        field = ".".join(str(part) for part in problem["loc"])
        session.edit_refused.emit(f"{field}: {problem['msg']}")
        return False
    views = list(session.doc.views)
    views[index] = view
    return session.edit(UpdateMap({"views": views}), text)


def rename_view(session: MapSession, index: int, name: str) -> bool:
    """Rename view ``index``; an empty name, or the name as shown (control characters made
    visible, see printable), changes nothing."""
    old = session.doc.views[index]
    if not name.strip() or name in (old.name, printable(old.name)):
        return False
    text = QCoreApplication.translate("SavedViews", "Rename view {old} to {new}").format(
        old=old.name, new=name
    )
    return replace_view(session, index, old.model_copy(update={"name": name}), text)


def move_view(session: MapSession, index: int, to: int) -> bool:
    views = list(session.doc.views)
    if not (0 <= index < len(views) and 0 <= to < len(views)) or index == to:
        return False
    view = views.pop(index)
    views.insert(to, view)
    text = QCoreApplication.translate("SavedViews", "Move view {name}").format(name=view.name)
    return session.edit(UpdateMap({"views": views}), text)


def delete_view(session: MapSession, index: int) -> bool:
    views = list(session.doc.views)
    view = views.pop(index)
    return session.edit(
        UpdateMap({"views": views}),
        QCoreApplication.translate("SavedViews", "Delete view {name}").format(name=view.name),
    )
