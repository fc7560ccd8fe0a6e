"""What a picture of a map shows: its theme, the overlays drawn on it, and the part of the map a
saved view shows; and the error a picture or a report gives a user."""

from __future__ import annotations

from dataclasses import dataclass, field

from commapper.layout import place_unplaced
from commapper.model import MapDocument, MoveNodes, RemoveItems, View, apply_edit, printable
from commapper.ui.canvas.overlays import CanvasOverlays
from commapper.ui.present.saved_views import node_filter, overlay_settings
from commapper.ui.shell.theme import LIGHT, THEMES, CanvasColours, canvas_colours


class ExportError(Exception):
    """A picture or report could not be made or written; the message says why in words a user
    understands, naming the file."""


def theme_names() -> list[str]:
    """The themes a picture can be drawn in: ``light`` (for paper), ``canvas`` (as the app shows
    maps now: light or dark as the system is) and the app's named themes (the projector's)."""
    named = [name for name in THEMES if name not in ("light", "canvas")]
    return ["light", "canvas", *named]


def picture_colours(theme: str) -> CanvasColours:
    """The colours of ``theme`` (see :func:`theme_names`).

    Raises
    ------
    ExportError
        If there is no such theme.
    """
    if theme == "light":
        return LIGHT
    if theme == "canvas":
        return canvas_colours()
    if theme in THEMES:
        return THEMES[theme]
    raise ExportError(f'there is no theme "{theme}"; choose one of ' + ", ".join(theme_names()))


@dataclass(frozen=True)
class OverlayChoice:
    """What the canvas's overlays show (see :class:`CanvasOverlays`), to draw a picture with."""

    size_by_betweenness: bool = False
    marks: frozenset[str] = frozenset()
    open_pairs: bool = False
    colour_by: str = "sector"
    year: int | None = None
    what_if: dict[str, list[str]] | None = field(default=None, hash=False)

    @classmethod
    def of(cls, overlays: CanvasOverlays) -> OverlayChoice:
        """The choice the canvas's overlays show now."""
        return cls(
            size_by_betweenness=overlays.size_by_betweenness,
            marks=frozenset(overlays.marks),
            open_pairs=overlays.open_pairs,
            colour_by=overlays.colour_by,
            year=overlays.year,
            what_if=overlays.what_if,
        )

    @classmethod
    def named(cls, name: str | None) -> OverlayChoice:
        """The overlays a saved view's ``overlay`` names, as the presentation shows them (see
        ``saved_views.overlay_settings`` and docs/file-format.md)."""
        settings = overlay_settings(name)
        return cls(
            size_by_betweenness=settings.size_by_betweenness,
            marks=settings.marks,
            open_pairs=settings.open_pairs,
            colour_by=settings.colour_by,
        )

    @property
    def needs_analysis(self) -> bool:
        return bool(self.size_by_betweenness or self.marks or self.open_pairs)

    def apply_to(self, overlays: CanvasOverlays) -> None:
        overlays.size_by_betweenness = self.size_by_betweenness
        overlays.marks = set(self.marks)
        overlays.open_pairs = self.open_pairs
        overlays.colour_by = self.colour_by
        overlays.year = self.year
        overlays.what_if = self.what_if
        overlays.apply()


def shown_part(doc: MapDocument, view: View | None) -> MapDocument:
    """A copy of ``doc`` holding only what ``view`` shows (its nodes and kinds, and the edges
    between them), every node placed."""
    part = doc.snapshot()
    shows = node_filter(view)  # the presentation's rule
    if shows is not None:
        hidden = frozenset(node.id for node in part.nodes if not shows(node))
        if hidden:
            apply_edit(part, RemoveItems(hidden))
    if positions := place_unplaced(part):
        apply_edit(part, MoveNodes.tidied(positions))
    return part


def find_view(doc: MapDocument, name: str) -> View:
    """The saved view of ``doc`` called ``name``.

    Raises
    ------
    ExportError
        If the map has no view of that name; the message lists those it has.
    """
    for view in doc.views:
        if view.name == name:
            return view
    names = ", ".join(f'"{printable(view.name)}"' for view in doc.views)
    having = f"its views are {names}" if names else "it has no saved views"
    raise ExportError(f'the map has no view called "{printable(name)}"; {having}')
