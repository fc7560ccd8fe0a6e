"""Laying a report down pages: blocks of rich text, pictures and widgets placed one under the
other on a :class:`QPdfWriter`, a new page begun when the next block does not fit.

Everything is drawn in device units at 96 dots an inch (the writer's resolution is set so), the
resolution the canvas and the charts measure their text at, so that a picture of the map keeps
its labels' size beside its nodes; the PDF stays vector, its text selectable.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QMarginsF, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QPageLayout,
    QPageSize,
    QPainter,
    QPalette,
    QPdfWriter,
    QTextDocument,
)

DPI = 96
MARGIN_MM = 18.0
FOOTER_GAP = 12.0  # device units between the text area and the footer's baseline
BLOCK_GAP = 10.0
PAGE_SIZES = {"a4": QPageSize.PageSizeId.A4, "letter": QPageSize.PageSizeId.Letter}
TEXT_COLOUR = QColor("#1b1b1b")


class Pages:
    """A cursor down the pages of a PDF: each block goes under the last, or on a new page."""

    def __init__(self, writer: QPdfWriter, page: str, footer: Callable[[int], str]) -> None:
        writer.setResolution(DPI)
        margins = QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM)
        layout = QPageLayout(
            QPageSize(PAGE_SIZES[page]), QPageLayout.Orientation.Portrait, margins,
            QPageLayout.Unit.Millimeter,
        )  # fmt: skip
        writer.setPageLayout(layout)
        self.writer = writer
        self.painter = QPainter(writer)
        self.painter.setRenderHints(
            QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing
        )
        # The area inside the margins, less a line at the bottom for the footer.
        self.font = QFont()
        self.font.setPointSizeF(10.0)
        footer_height = self.painter.fontMetrics().height() + FOOTER_GAP
        self.area = QRectF(0, 0, writer.width(), writer.height() - footer_height)
        self.footer = footer
        self.page = 1
        self.y = 0.0

    @property
    def width(self) -> float:
        return self.area.width()

    @property
    def room(self) -> float:
        """Height left on this page."""
        return self.area.height() - self.y

    def new_page(self) -> None:
        self._draw_footer()
        self.writer.newPage()
        self.page += 1
        self.y = 0.0

    def ensure(self, height: float) -> None:
        """Begin a new page unless ``height`` fits on this one (or this one is still empty)."""
        if height > self.room and self.y > 0:
            self.new_page()

    def document(self, html: str) -> QTextDocument:
        """A rich-text block laid out at the page's width (user text in it must be escaped)."""
        doc = QTextDocument()
        doc.setDocumentMargin(0)
        doc.setDefaultFont(self.font)
        doc.setDefaultStyleSheet(
            "h1 { font-size: 20pt; } h2 { font-size: 14pt; } h3 { font-size: 11pt; }"
            "td { padding: 2px 6px 2px 0; } .meaning { color: #555555; }"
            ".small { font-size: 8.5pt; color: #444444; }"
        )
        doc.setHtml(html)
        doc.setTextWidth(self.width)
        return doc

    def text(self, html: str, keep_with: float = 0.0) -> None:
        """A block of rich text; ``keep_with`` is the height of what must follow on the same
        page (a heading stays with its first lines). A block taller than a page goes on
        across pages, cut between lines."""
        doc = self.document(html)
        height = doc.size().height()
        self.ensure(min(height + keep_with, self.area.height()))
        if height <= self.room:
            self._draw_document(doc, 0.0, height)
            self.y += height + BLOCK_GAP
            return
        # Longer than the page: laid out in pages of the text area, so no line is cut.
        if self.y > 0:
            self.new_page()
        doc.setPageSize(QSizeF(self.width, self.area.height()))
        for index in range(doc.pageCount()):
            if index:
                self.new_page()
            top = index * self.area.height()
            self._draw_document(doc, top, self.area.height())
        last = doc.size().height() - (doc.pageCount() - 1) * self.area.height()
        self.y = min(last, self.area.height()) + BLOCK_GAP

    def listed(self, heading: str, items: list[str]) -> None:
        """``heading`` (rich text) and a bulleted list of ``items`` (rich text each), on this
        page if they fit in what is left of it, else on the next if they fit on a page; a
        longer list is cut between items only, never inside one, the heading kept with at
        least its first item and no item left alone at the top of a page."""
        rest = list(items)
        top = heading
        while rest:
            count = self._items_fitting(top, rest)
            if count == 0 and self.y > 0:
                self.new_page()
                continue
            if count == len(rest) - 1 and count > 1:
                count -= 1  # the last item goes on with the one before it
            # An item taller than a page goes on across pages (Pages.text cuts between lines).
            self.text(_bulleted(top, rest[: max(count, 1)]))
            rest, top = rest[max(count, 1) :], ""

    def _items_fitting(self, heading: str, items: list[str]) -> int:
        """How many of ``items`` (from the first) fit under ``heading`` in the room left; the
        whole list if it fits, none if not even the first does, and when the whole list would
        fit on an empty page but not here, none (it goes on the next page whole)."""
        whole = self.document(_bulleted(heading, items)).size().height()
        if whole <= self.room:
            return len(items)
        if whole <= self.area.height() and self.y > 0:
            return 0
        count = 0
        while count < len(items) and (
            self.document(_bulleted(heading, items[: count + 1])).size().height() <= self.room
        ):
            count += 1
        return count

    def _draw_document(self, doc: QTextDocument, top: float, height: float) -> None:
        painter = self.painter
        painter.save()
        painter.translate(self.area.left(), self.area.top() + self.y - top)
        context = QAbstractTextDocumentLayout.PaintContext()
        context.clip = QRectF(0, top, self.width, height)
        context.palette.setColor(QPalette.ColorRole.Text, TEXT_COLOUR)
        painter.setClipRect(context.clip)
        doc.documentLayout().draw(painter, context)
        painter.restore()

    def picture(self, size: QSizeF, draw: Callable[[QPainter, QRectF], None]) -> None:
        """A picture of ``size`` (shrunk to the width and height of a page if larger), drawn
        by ``draw(painter, target)``."""
        scale = min(1.0, self.width / size.width(), self.area.height() / size.height())
        shown = size * scale
        self.ensure(shown.height())
        left = self.area.left() + (self.width - shown.width()) / 2
        target = QRectF(QPointF(left, self.area.top() + self.y), shown)
        self.painter.save()
        draw(self.painter, target)
        self.painter.restore()
        self.y += shown.height() + BLOCK_GAP

    def _draw_footer(self) -> None:
        painter = self.painter
        painter.save()
        painter.setFont(self.font)
        painter.setPen(QColor("#666666"))
        bottom = QRectF(
            0, self.area.bottom(), self.width, self.writer.height() - self.area.bottom()
        )
        painter.drawText(
            bottom,
            int(Qt.AlignmentFlag.AlignBottom | Qt.AlignmentFlag.AlignLeft),
            self.footer(self.page),
        )
        painter.restore()

    def finish(self) -> None:
        self._draw_footer()
        self.painter.end()


def _bulleted(heading: str, items: list[str]) -> str:
    return heading + "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"
