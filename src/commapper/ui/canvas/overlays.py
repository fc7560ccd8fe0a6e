"""Canvas overlays of the analysis: size by betweenness, marks for brokers, silos and cut
points, ego's open pairs, node colours by a field, and greying for the what-if and timeline.

The overlays hold ids and the latest analysis result only; they restyle the scene's items and
own the extra line items they draw.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QLineF, Qt
from PySide6.QtGui import QColor, QPen
from PySide6.QtWidgets import QGraphicsLineItem, QGridLayout, QLabel, QWidget

from commapper.analysis.graphs import communities_of
from commapper.analysis.result import Analysis, NodeBrokerage
from commapper.analysis.timeline import memberships_outside
from commapper.model import LEVELS, CommunityNode, NodeModel, Stage
from commapper.ui.canvas.items import MARK_COLOURS
from commapper.ui.canvas.scene import MapScene
from commapper.ui.field_text import FIELD_WORDS, field_words, vocabulary_word
from commapper.ui.panels.chart_data import LEVEL_COLOURS_LIGHT
from commapper.ui.shell.theme import is_dark
from commapper.ui.translations import QT_TRANSLATE_NOOP

N_BROKERS_MARKED = 5
MAX_SIZE_FACTOR = 2.5
CATEGORY_COLOURS = (
    "#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#882255",
    "#44AA99", "#999933", "#AA4499", "#332288",
)  # fmt: skip
MISSING_COLOUR = "#D9D9D9"
NOT_MINE_COLOUR = "#BDBDBD"
# The legend's line for each mark, translated where shown (context "CanvasOverlays").
MARK_LEGEND = {
    "broker": QT_TRANSLATE_NOOP("CanvasOverlays", "ring: top brokers (betweenness)"),
    "silo": QT_TRANSLATE_NOOP("CanvasOverlays", "ring: silos: nothing (but me) connects them"),
    "articulation": QT_TRANSLATE_NOOP(
        "CanvasOverlays", "ring: cut points: the map falls apart without them"
    ),
}
FIELDS = ("sector", "domain", "stage", "inside_org", "org")


class CanvasOverlays:
    """The overlays drawn on one scene; set the options, then :meth:`apply` restyles."""

    def __init__(self, scene: MapScene) -> None:
        self.scene = scene
        self.result: Analysis | None = None
        self.size_by_betweenness = False
        self.marks: set[str] = set()
        self.open_pairs = False
        self.colour_by = "sector"  # "sector", "level", or a field or custom attribute name
        self.year: int | None = None
        self.what_if: dict[str, list[str]] | None = None  # fallout: {"nodes", "edges"}
        self.pair_lines: list[QGraphicsLineItem] = []
        # The nodes given a size, marks or dimming, and the edges dimmed, by the last apply.
        self._styled_nodes: set[str] = set()
        self._dimmed_edges: set[str] = set()
        self.legend: list[tuple[str, str]] = []
        scene.session.document_changed.connect(self._follow_edit)

    def _follow_edit(self, _change: object) -> None:
        self.apply()

    def detach(self) -> None:
        """Follow the map no more: the scene is going (a presentation that ends)."""
        self.scene.session.document_changed.disconnect(self._follow_edit)

    def set_result(self, result: Analysis) -> None:
        self.result = result
        self.apply()

    def colour_choices(self) -> list[str]:
        """Every field or custom attribute nodes can be coloured by."""
        attributes = sorted({key for node in self.scene.doc.nodes for key in node.attributes})
        return ["sector", "level", *[f for f in FIELDS if f != "sector"], *attributes]

    # -- restyling -------------------------------------------------------------------------------

    def apply(self) -> None:
        scene, nodes = self.scene, self._nodes()
        factors = self._size_factors(nodes)
        marked = self._marked(nodes)
        lost_nodes = set(self.what_if["nodes"]) if self.what_if else set()
        lost_edges = set(self.what_if["edges"]) if self.what_if else set()
        if self.year is not None:
            lost_edges |= set(memberships_outside(scene.doc, self.year))
        # Only the items styled now or before: after every edit, visiting all 43,000 items of
        # a 10,000-node map cost 40 ms.
        styled = set(factors).union(lost_nodes, *marked.values())
        for node_id in styled | self._styled_nodes:
            if (item := scene.node_items.get(node_id)) is None:
                continue
            item.set_scale_factor(factors.get(node_id, 1.0))
            item.set_marks(tuple(mark for mark in ("broker", "silo", "articulation")
                                 if node_id in marked.get(mark, ())))  # fmt: skip
            if item.dimmed != (node_id in lost_nodes):
                item.dimmed = node_id in lost_nodes
                item.redraw()
        for edge_id in lost_edges | self._dimmed_edges:
            if (edge_item := scene.edge_items.get(edge_id)) is None:
                continue
            if edge_item.dimmed != (edge_id in lost_edges):
                edge_item.dimmed = edge_id in lost_edges
                edge_item.update()
        self._styled_nodes, self._dimmed_edges = styled, lost_edges
        self._draw_open_pairs()
        rule = self._fill_rule()
        # Colouring by sector (no rule) needs no restyle after an edit; the others may, since
        # their colours depend on the map. Restyling repaints every item: not on each keystroke.
        if rule is not None or scene.fill_rule is not None:
            scene.fill_rule = rule
        self.legend = self._legend(marked)

    def _nodes(self) -> dict[str, NodeBrokerage]:
        return self.result.brokerage.nodes if self.result else {}

    def _size_factors(self, nodes: dict[str, NodeBrokerage]) -> dict[str, float]:
        if not self.size_by_betweenness or not nodes:
            return {}
        top = max((values.betweenness for values in nodes.values()), default=0.0)
        if top <= 0:
            return {}
        # Area, not radius, grows with betweenness: the eye reads areas.
        return {
            node_id: 1.0 + (MAX_SIZE_FACTOR - 1.0) * math.sqrt(values.betweenness / top)
            for node_id, values in nodes.items()
        }

    def _marked(self, nodes: dict[str, NodeBrokerage]) -> dict[str, set[str]]:
        if not self.result:
            return {}
        brokerage, ego = self.result.brokerage, self.result.ego
        marked: dict[str, set[str]] = {}
        if "broker" in self.marks:
            ranked = sorted(
                (n for n in nodes if n != ego and nodes[n].betweenness > 0),
                key=lambda n: (-nodes[n].betweenness, n),
            )
            marked["broker"] = set(ranked[:N_BROKERS_MARKED])
        if "silo" in self.marks:
            marked["silo"] = set(brokerage.silos_excluding_ego if ego else brokerage.silos_strict)
        if "articulation" in self.marks:
            marked["articulation"] = set(brokerage.articulation_points_without_ego)
        return marked

    def _draw_open_pairs(self) -> None:
        for line in self.pair_lines:
            self.scene.removeItem(line)
        self.pair_lines = []
        ego = self.result.brokerage.ego if self.result else None
        if not self.open_pairs or not ego:
            return
        colour = QColor(MARK_COLOURS["broker"])
        colour.setAlphaF(0.55)
        pen = QPen(colour, 2.5, Qt.PenStyle.DashLine)
        for first, second in ego.open_pairs:
            a, b = self.scene.node_items.get(first), self.scene.node_items.get(second)
            if a is None or b is None:
                continue
            line = QGraphicsLineItem(QLineF(a.pos(), b.pos()))
            line.setPen(pen)
            line.setZValue(-1)
            line.setToolTip(
                QCoreApplication.translate(
                    "CanvasOverlays", "Open pair: only you connect these two communities"
                )
            )
            self.scene.addItem(line)
            self.pair_lines.append(line)

    # -- colours ---------------------------------------------------------------------------------

    def _fill_rule(self) -> Callable[[NodeModel], QColor | None] | None:
        if self.colour_by == "sector":
            return None
        if self.colour_by == "level":
            levels = self._ego_levels()
            palette = dict(zip([lv.value for lv in LEVELS], LEVEL_COLOURS_LIGHT, strict=True))

            def by_level(node: NodeModel) -> QColor | None:
                if not isinstance(node, CommunityNode):
                    return None
                level = levels.get(node.id)
                return QColor(palette[level] if level else NOT_MINE_COLOUR)

            return by_level
        palette = self._category_palette()

        def by_value(node: NodeModel) -> QColor:
            value = self._value(node)
            return QColor(palette.get(value, MISSING_COLOUR) if value else MISSING_COLOUR)

        return by_value

    def _ego_levels(self) -> dict[str, str]:
        doc = self.scene.doc
        if doc.ego is None:
            return {}
        return {c: level.value for c, level in communities_of(doc, doc.ego.id).items()}

    def _value(self, node: NodeModel) -> str | None:
        value = getattr(node, self.colour_by, None)
        if value is None:
            value = node.attributes.get(self.colour_by)
        return None if value is None or value == "" else str(value)

    def _category_palette(self) -> dict[str, str]:
        values = sorted({v for node in self.scene.doc.nodes if (v := self._value(node))})
        return {v: CATEGORY_COLOURS[i % len(CATEGORY_COLOURS)] for i, v in enumerate(values)}

    def _legend(self, marked: dict[str, set[str]]) -> list[tuple[str, str]]:
        entries: list[tuple[str, str]] = []
        if self.colour_by == "sector":
            sectors = sorted({n.sector for n in self.scene.doc.nodes
                              if isinstance(n, CommunityNode) and n.sector})  # fmt: skip
            sector_text = QCoreApplication.translate("CanvasOverlays", "sector: {sector}")
            entries = [
                (self.scene.sector_colour(sector).name(), sector_text.format(sector=sector))
                for sector in sectors
            ]
        elif self.colour_by == "level":
            level_text = QCoreApplication.translate("CanvasOverlays", "my level: {level}")
            for level, colour in zip(LEVELS, LEVEL_COLOURS_LIGHT, strict=True):
                entries.append((colour, level_text.format(level=vocabulary_word(level))))
            entries.append(
                (
                    NOT_MINE_COLOUR,
                    QCoreApplication.translate("CanvasOverlays", "not one of my communities"),
                )
            )
        else:
            # A field's name, or a custom attribute's (the user's own word, shown as it is).
            field = self.colour_by
            name = field_words(field) if field in FIELD_WORDS else field
            value_text = QCoreApplication.translate("CanvasOverlays", "{field}: {value}")
            for value, colour in self._category_palette().items():
                shown = value_text.format(field=name, value=self._value_text(value))
                entries.append((colour, shown))
            no_value = QCoreApplication.translate("CanvasOverlays", "{field}: no value")
            entries.append((MISSING_COLOUR, no_value.format(field=name)))
        for mark in ("broker", "silo", "articulation"):
            if mark in marked:
                text = QCoreApplication.translate("CanvasOverlays", MARK_LEGEND[mark])
                entries.append((MARK_COLOURS[mark], text))
        if self.size_by_betweenness:
            text = QCoreApplication.translate(
                "CanvasOverlays", "size: betweenness (bigger brokers more)"
            )
            entries.append(("", text))
        if self.pair_lines:
            text = QCoreApplication.translate(
                "CanvasOverlays", "dashed line: open pair only I bridge"
            )
            entries.append((MARK_COLOURS["broker"], text))
        if self.what_if:
            text = QCoreApplication.translate(
                "CanvasOverlays", "faded: what would drop away without the node"
            )
            entries.append(("", text))
        if self.year is not None:
            text = QCoreApplication.translate(
                "CanvasOverlays", "faded lines: memberships not held in {year}"
            )
            entries.append(("", text.format(year=self.year)))
        return entries

    def _value_text(self, value: str) -> str:
        """A value of the field nodes are coloured by, as the legend shows it: a stage or yes and
        no in the user's language, anything else as typed."""
        if self.colour_by == "stage" and value in set(Stage):
            return vocabulary_word(Stage(value))
        if self.colour_by == "inside_org" and value in ("True", "False"):
            yes_no = {"True": QT_TRANSLATE_NOOP("Choices", "yes"),
                      "False": QT_TRANSLATE_NOOP("Choices", "no")}  # fmt: skip
            return QCoreApplication.translate("Choices", yes_no[value])
        return value

    def clear(self) -> None:
        """Remove every overlay (sizes, marks, lines, colours, greying)."""
        self.size_by_betweenness = self.open_pairs = False
        self.marks = set()
        self.colour_by = "sector"
        self.what_if = None
        self.year = None
        self.apply()


class LegendWidget(QWidget):
    """A small legend: a colour swatch and a line of text per entry."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setVerticalSpacing(2)
        self.grid.setColumnStretch(1, 1)

    def show_entries(self, entries: list[tuple[str, str]]) -> None:
        while self.grid.count():
            taken = self.grid.takeAt(0)
            widget = taken.widget() if taken is not None else None
            if widget is not None:
                widget.deleteLater()
        border = "#dddddd" if is_dark() else "#444444"
        for row, (colour, text) in enumerate(entries):
            swatch = QLabel()
            swatch.setFixedSize(16, 16)
            if colour:
                swatch.setStyleSheet(f"background: {colour}; border: 1px solid {border}")
            label = QLabel(text)
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setWordWrap(True)
            self.grid.addWidget(swatch, row, 0)
            self.grid.addWidget(label, row, 1)
