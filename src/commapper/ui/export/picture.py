"""Pictures of a map: PNG, SVG and PDF files and printed pages, drawn offscreen by the canvas's
own scene, as the canvas shows it (its overlays) or in a light theme for paper.

A picture is built from a copy of the document in a scene of its own, so that exporting never
disturbs the window (its selection, zoom or theme) and needs no display. One picture unit is a
pixel of the canvas at 100%; a PNG at scale 2 has two pixels a unit, and SVG and PDF pages are
sized at 96 units an inch, so that labels keep their size beside the nodes on every device.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QPointF, QRectF, QSizeF
from PySide6.QtGui import (
    QImage,
    QImageWriter,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
)
from PySide6.QtSvg import QSvgGenerator

from commapper import APP_NAME
from commapper.analysis.result import Analysis
from commapper.io.atomic import atomic_write
from commapper.model import (
    EdgeKind,
    MapDocument,
    NodeModel,
    View,
    printable,
)
from commapper.ui.canvas.canvas_legend import KINDS, LegendRow
from commapper.ui.canvas.overlays import CanvasOverlays
from commapper.ui.canvas.scene import MapScene
from commapper.ui.canvas.view import label_scale_at
from commapper.ui.export.choices import (
    ExportError,
    OverlayChoice,
    find_view,
    picture_colours,
    shown_part,
)
from commapper.ui.export.legend import PictureLegend
from commapper.ui.field_text import kind_word
from commapper.ui.session import MapSession
from commapper.ui.shell.theme import NO_SECTOR_COLOUR

PICTURE_FORMATS = ("png", "svg", "pdf")
SCREEN_DPI = 96.0
POINTS_PER_UNIT = 72.0 / SCREEN_DPI
MARGIN = 24.0  # picture units around the map
LEGEND_GAP = 14.0
# A map up to this many units across has its legend at the canvas's size; a larger one, larger.
LEGEND_READABLE = 1200.0
# A PNG's longer side at most (Qt and most viewers refuse larger images); a larger map is drawn
# smaller, its labels growing as they do when the canvas is zoomed out.
MAX_PNG_SIDE = 16_000
# A PDF page may be at most 200 inches a side (PDF 1.4's limit): 19,200 picture units.
MAX_PAGE_UNITS = 200 * SCREEN_DPI


class MapPicture:
    """A map drawn by a scene of its own, offscreen: measured, then painted on any device.

    ``overlays`` (with ``result``, the map's analysis, when it needs one) shows what the
    canvas's overlays show; a ``view`` shows only its nodes, its highlighted ones ringed, and
    its viewport if it has one (its overlay too, unless ``overlays`` is given); ``names_as``
    labels nodes in place of their labels (people as "Participant n", as presented).
    """

    def __init__(
        self,
        doc: MapDocument,
        *,
        theme: str = "light",
        view: View | None = None,
        overlays: OverlayChoice | None = None,
        result: Analysis | None = None,
        legend: bool = True,
        names_as: Callable[[NodeModel], str] | None = None,
    ) -> None:
        self.colours = picture_colours(theme)
        self.view = view
        self.session = MapSession(shown_part(doc, view))
        scene = self.scene = MapScene(self.session, node_pictures=False)
        scene.clip_beyond = math.inf  # every line whole: nothing is off screen on paper
        scene.use_theme(self.colours)
        if names_as is not None:
            # As the presentation hides names: people under other labels, ties unlabelled.
            scene.hidden_edge_labels = frozenset({EdgeKind.TIE})
            scene.show_labels_as(names_as)
        if overlays is None and view is not None and view.overlay:
            overlays = OverlayChoice.named(view.overlay)
        self.overlays = CanvasOverlays(scene)
        if overlays is not None:
            if result is None and overlays.needs_analysis:
                from commapper.analysis.analyse import analyse

                result = analyse(doc)
            self.overlays.result = result
            overlays.apply_to(self.overlays)
        if view is not None and view.highlighted:
            scene.select_ids(view.highlighted)
        self.legend = PictureLegend(*self._legend_rows(), self.colours) if legend else None
        self.map_size = QSizeF()
        self.source = QRectF()
        self.measure(MAX_PNG_SIDE)

    # -- measuring -------------------------------------------------------------------------------

    def measure(self, longest: float) -> None:
        """Choose what of the scene to draw and how large, its longer side at most ``longest``
        picture units, and place the labels for that size."""
        scene = self.scene
        for _ in range(2):  # labels grow when the map is drawn smaller: measure once more
            source = self._source_rect()
            side = max(source.width(), source.height(), 1.0)
            zoom = min(1.0, longest / side)
            scene.set_label_scale(label_scale_at(zoom))
            scene.router.route()
            scene.declutter_labels()
        self.source = self._source_rect()
        zoom = min(1.0, longest / max(self.source.width(), self.source.height(), 1.0))
        self.map_size = self.source.size() * zoom

    def _source_rect(self) -> QRectF:
        viewport = self.view.viewport if self.view is not None else None
        if viewport is not None:
            return QRectF(viewport.x, viewport.y, viewport.width, viewport.height)
        rect = self.scene.nodes_rect()
        if rect.isEmpty():
            rect = QRectF(-200, -150, 400, 300)
        return rect.adjusted(-MARGIN, -MARGIN, MARGIN, MARGIN)

    def _legend_rows(self) -> tuple[list[LegendRow], list[LegendRow]]:
        """The canvas legend's rows: the colours (sectors, or what the overlays colour by, then
        their marks), then the shapes."""
        doc, overlays = self.session.doc, self.overlays
        if overlays.colour_by != "sector":
            colour_rows = [LegendRow(text, colour) for colour, text in overlays.legend]
        else:
            sectors = sorted({s for n in doc.nodes if (s := getattr(n, "sector", None))})
            colour_rows = [
                LegendRow(sector.strip(), self.scene.sector_colour(sector).name())
                for sector in sectors
                if sector.strip()
            ]
            communities = [n for n in doc.nodes if n.kind == "community"]
            if any(not (getattr(n, "sector", None) or "").strip() for n in communities):
                colour_rows.append(LegendRow(_tr("no sector"), NO_SECTOR_COLOUR))
            colour_rows += [LegendRow(text, c) for c, text in overlays.legend[len(sectors) :]]
        present = {str(node.kind) for node in doc.nodes}
        shape_rows = [LegendRow(kind_word(k), kind=k) for k in KINDS if str(k) in present]
        return colour_rows, shape_rows

    @property
    def legend_zoom(self) -> float:
        """How much larger than on the canvas the legend is drawn: a large map is seen whole,
        from farther away (a page, a slide), and its legend must stay readable there."""
        return max(1.0, max(self.map_size.width(), self.map_size.height()) / LEGEND_READABLE)

    def size(self) -> QSizeF:
        """The whole picture in picture units: the map, and the legend under it."""
        width, height = self.map_size.width(), self.map_size.height()
        if self.legend is not None and self.session.doc.nodes:
            legend = self.legend.size() * self.legend_zoom
            width = max(width, legend.width() + 2 * MARGIN)
            height += legend.height() + LEGEND_GAP + MARGIN
        return QSizeF(width, height)

    # -- painting --------------------------------------------------------------------------------

    def paint(self, painter: QPainter, target: QRectF) -> None:
        """Draw the picture as large as fits in ``target`` (device coordinates), centred."""
        size = self.size()
        scale = min(target.width() / size.width(), target.height() / size.height())
        painter.save()
        painter.setRenderHints(
            QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing
        )
        painter.fillRect(target, self.colours.background)
        painter.translate(
            target.left() + (target.width() - size.width() * scale) / 2,
            target.top() + (target.height() - size.height() * scale) / 2,
        )
        painter.scale(scale, scale)
        self.scene.render(painter, QRectF(QPointF(0, 0), self.map_size), self.source)
        if self.legend is not None and self.session.doc.nodes:
            painter.translate(MARGIN, self.map_size.height() + LEGEND_GAP)
            painter.scale(self.legend_zoom, self.legend_zoom)
            self.legend.paint(painter, QPointF(0, 0))
        painter.restore()

    # -- files -----------------------------------------------------------------------------------

    def png(self, scale: float = 1.0) -> bytes:
        """The picture as a PNG of ``scale`` pixels a unit; its resolution says 96 × scale
        dots an inch, so that it prints as large as the canvas shows it at 100%."""
        self.measure(MAX_PNG_SIDE / scale)
        size = self.size() * scale
        image = QImage(
            math.ceil(size.width()), math.ceil(size.height()), QImage.Format.Format_RGB32
        )
        # Drawn at the screen's resolution, so that labels have the size they have beside the
        # nodes on the canvas; the file then says how many dots an inch the pixels are.
        image.setDotsPerMeterX(round(SCREEN_DPI / 0.0254))
        image.setDotsPerMeterY(round(SCREEN_DPI / 0.0254))
        painter = QPainter(image)
        self.paint(painter, QRectF(0, 0, image.width(), image.height()))
        painter.end()
        image.setDotsPerMeterX(round(SCREEN_DPI * scale / 0.0254))
        image.setDotsPerMeterY(round(SCREEN_DPI * scale / 0.0254))
        return _encoded(image)

    def svg(self) -> bytes:
        """The picture as SVG, its labels as ``<text>``."""
        self.measure(MAX_PAGE_UNITS)
        size = self.size()
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        generator = QSvgGenerator()
        generator.setOutputDevice(buffer)
        generator.setResolution(round(SCREEN_DPI))
        generator.setSize(size.toSize())
        generator.setViewBox(QRectF(QPointF(0, 0), size))
        generator.setTitle(self.session.doc.title or APP_NAME)
        generator.setDescription(f"A map made with {APP_NAME}")
        painter = QPainter(generator)
        self.paint(painter, QRectF(QPointF(0, 0), size))
        painter.end()
        buffer.close()
        return bytes(data.data())

    def pdf(self) -> bytes:
        """The picture as a one-page PDF of its own size: vector, its text selectable."""
        self.measure(MAX_PAGE_UNITS)
        size = self.size()
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        writer = QPdfWriter(buffer)
        writer.setCreator(APP_NAME)
        writer.setTitle(self.session.doc.title or APP_NAME)
        writer.setResolution(round(SCREEN_DPI))
        page = QPageSize(
            size * POINTS_PER_UNIT, QPageSize.Unit.Point, "", QPageSize.SizeMatchPolicy.ExactMatch
        )
        writer.setPageLayout(QPageLayout(page, QPageLayout.Orientation.Portrait, QMarginsF()))
        painter = QPainter(writer)
        self.paint(painter, QRectF(0, 0, writer.width(), writer.height()))
        painter.end()
        buffer.close()
        return bytes(data.data())

    def print_on(self, device: QPagedPaintDevice, painter: QPainter | None = None) -> None:
        """Draw the picture on one page of ``device`` (a printer), as large as the page's
        printable area allows."""
        area = QRectF(0, 0, device.width(), device.height())
        dpi = device.logicalDpiX()
        self.measure(max(area.width(), area.height()) * SCREEN_DPI / dpi)  # labels for the page
        own = painter is None
        painter = painter or QPainter(device)
        if abs(dpi - SCREEN_DPI) > 0.5:
            # Fonts are sized for the device's resolution: on a printer at 600 dpi the labels
            # would be six times too large beside the nodes. Draw at 96 dpi into an image as
            # sharp as the printer, then place it.
            image = QImage(
                math.ceil(area.width()), math.ceil(area.height()), QImage.Format.Format_RGB32
            )
            image.setDotsPerMeterX(round(SCREEN_DPI / 0.0254))
            image.setDotsPerMeterY(round(SCREEN_DPI / 0.0254))
            inner = QPainter(image)
            self.paint(inner, QRectF(image.rect()))
            inner.end()
            painter.drawImage(area, image)
        else:
            self.paint(painter, area)
        if own:
            painter.end()


def _encoded(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    QImageWriter(buffer, QByteArray(b"png")).write(image)
    buffer.close()
    return bytes(data.data())


def _tr(text: str) -> str:
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate("CanvasLegend", text)


def picture_bytes(picture: MapPicture, fmt: str, scale: float = 1.0) -> bytes:
    """``picture`` as the bytes of a file of ``fmt`` (png, svg or pdf)."""
    if fmt == "png":
        return picture.png(scale)
    if fmt == "svg":
        return picture.svg()
    if fmt == "pdf":
        return picture.pdf()
    raise ExportError(
        f'"{fmt}" is not a picture format; choose one of ' + ", ".join(PICTURE_FORMATS)
    )


def write_file(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` whole or not at all (a file already there stays as it was if
    writing fails).

    Raises
    ------
    ExportError
        If the file cannot be written; the message names it and says why.
    """
    try:
        atomic_write(path, data, keep_backup=False)
    except OSError as error:
        reason = error.strerror or str(error)
        raise ExportError(f"cannot write {printable(str(path))}: {reason}") from error


def export_picture(
    document: MapDocument,
    out_path: str | Path,
    fmt: str,
    *,
    theme: str = "light",
    view: str | View | None = None,
    scale: float = 1.0,
    dpi: float | None = None,
    overlays: OverlayChoice | None = None,
    result: Analysis | None = None,
    legend: bool = True,
    names_as: Callable[[NodeModel], str] | None = None,
) -> Path:
    """Draw ``document`` offscreen and write it to ``out_path`` as ``fmt`` (png, svg, pdf).

    ``theme`` is "light" (for paper), "canvas" or a named theme of the app (see
    :func:`theme_names`); ``view`` a saved view of the map (by name) whose nodes, overlay and
    viewport the picture shows; ``scale`` the pixels a canvas pixel becomes in a PNG, or
    ``dpi`` its dots an inch (96 is scale 1); ``overlays``, ``result`` and ``names_as`` as
    for :class:`MapPicture`. Needs a ``QGuiApplication`` (offscreen is
    enough). Returns the path written.

    Raises
    ------
    ExportError
        If the theme or view does not exist, the scale is out of range, or the file cannot be
        written (then nothing was written).
    """
    fmt = fmt.lower().lstrip(".")
    if fmt not in PICTURE_FORMATS:
        raise ExportError(
            f'"{fmt}" is not a picture format; choose one of ' + ", ".join(PICTURE_FORMATS)
        )
    if dpi is not None:
        scale = dpi / SCREEN_DPI
    if not (0.05 <= scale <= 16):
        raise ExportError(
            f"the scale must be between 0.05 and 16 (96 to 1536 dpi is 1 to 16); got {scale:g}"
        )
    if isinstance(view, str):
        view = find_view(document, view)
    picture = MapPicture(
        document,
        theme=theme,
        view=view,
        overlays=overlays,
        result=result,
        legend=legend,
        names_as=names_as,
    )
    path = Path(out_path)
    write_file(path, picture_bytes(picture, fmt, scale))
    return path
