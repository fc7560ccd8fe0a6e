"""The legend on the canvas: the sectors on the map and the four kinds of node, the overlays'
colours when they colour by something else, the rings while the guides show; fixed on screen."""

import math

from PySide6.QtCore import QPoint, QRect, QSettings
from PySide6.QtGui import QColor

from commapper.model import CommunityNode, MapDocument, MeNode, NodeKind, PersonNode, UpdateItem
from commapper.ui.canvas.canvas_legend import KINDS, MARGIN
from commapper.ui.field_text import kind_word
from commapper.ui.shell.theme import sector_colour


def settled(window, qtbot):
    legend = window.canvas_legend
    qtbot.waitUntil(lambda: legend.settled)
    return legend


def sectors_of(doc: MapDocument) -> set[str]:
    return {node.sector for node in doc.nodes if isinstance(node, CommunityNode) and node.sector}


def test_the_legend_lists_the_sectors_on_the_map_and_the_four_kinds(make_window, qtbot):
    window = make_window()
    legend = settled(window, qtbot)
    assert legend.isVisible() and legend.action.isChecked()
    assert legend.action in window.docks_menu.actions()
    doc = window.session.doc
    colours = {row.text: row.colour for row in legend.colour_rows}
    assert set(colours) == sectors_of(doc)
    assert all(colours[sector] == sector_colour(sector).name() for sector in colours)
    assert [row.kind for row in legend.shape_rows] == list(KINDS)
    assert [row.text for row in legend.shape_rows] == [kind_word(kind) for kind in KINDS]
    assert legend.footer_rows == []  # no guides yet


def test_the_legend_follows_the_sectors_of_the_map(make_window, qtbot):
    window = make_window()
    doc = window.session.doc
    window.session.edit(UpdateItem("c1", {"sector": "sport"}), "Change sector")
    legend = settled(window, qtbot)
    assert {row.text for row in legend.colour_rows} == sectors_of(doc)
    assert "sport" in sectors_of(doc)
    window.session.edit(UpdateItem("c1", {"sector": None}), "Change sector")
    legend = settled(window, qtbot)
    texts = [row.text for row in legend.colour_rows]
    assert set(texts) == sectors_of(doc) | {"no sector"}
    assert texts[-1] == "no sector"


def test_the_legend_shows_the_overlays_colours_when_they_colour_by_something_else(
    make_window, qtbot
):
    window = make_window()
    panel, legend = window.analysis, window.canvas_legend
    combo = panel.colour_combo
    combo.setCurrentIndex(combo.findData("level"))
    combo.activated.emit(combo.currentIndex())
    settled(window, qtbot)
    assert panel.overlays.colour_by == "level"
    assert [(row.colour, row.text) for row in legend.colour_rows] == panel.overlays.legend
    assert any("my level" in row.text for row in legend.colour_rows)
    combo.setCurrentIndex(combo.findData("sector"))
    combo.activated.emit(combo.currentIndex())
    settled(window, qtbot)
    assert {row.text for row in legend.colour_rows} == sectors_of(window.session.doc)


def test_the_legend_names_the_rings_while_the_guides_show(make_window, qtbot):
    window = make_window()
    window.actions_.landscape.trigger()
    window.actions_.finish_animation()
    legend = settled(window, qtbot)
    assert [row.rings for row in legend.footer_rows] == [True]
    window.guides.action.trigger()
    legend = settled(window, qtbot)
    assert legend.footer_rows == []


def test_the_legend_stays_put_on_screen_while_the_map_zooms_and_pans(make_window, qtbot):
    window = make_window()
    view = window.view
    legend = settled(window, qtbot)
    viewport = view.viewport()

    def in_corner():  # the legend's corner, and how far it is from the viewport's sides there
        left, bottom = legend.corner
        box = QRect(viewport.mapFromGlobal(legend.mapToGlobal(QPoint(0, 0))), legend.size())
        across = box.left() if left else viewport.width() - 1 - box.right()
        down = viewport.height() - 1 - box.bottom() if bottom else box.top()
        return legend.corner, across, down

    start = in_corner()
    assert start[1:] == (MARGIN, MARGIN)
    for move in (
        view.zoom_in,
        view.zoom_in,
        lambda: view.horizontalScrollBar().setValue(view.horizontalScrollBar().value() + 80),
        lambda: view.verticalScrollBar().setValue(view.verticalScrollBar().value() - 60),
        view.zoom_out,
    ):
        move()
        qtbot.wait(1)
        assert in_corner() == start
    height = viewport.height()
    window.resize(window.width() + 120, window.height() + 80)
    qtbot.waitUntil(lambda: viewport.height() != height)
    settled(window, qtbot)
    assert in_corner()[1:] == (MARGIN, MARGIN)  # in a corner of the larger canvas


def test_the_legend_takes_the_corner_that_hides_the_fewest_nodes(window_on, qtbot):
    doc = MapDocument.new()
    crowd = [(float(i % 4) * 30, 1000.0 - (i // 4) * 30) for i in range(16)]  # bottom left
    corners = [(0.0, 0.0), (1000.0, 0.0)]  # top left, top right; the bottom right is empty
    doc.nodes = [PersonNode(id=f"p{i}", x=x, y=y) for i, (x, y) in enumerate(crowd + corners)]
    doc.reindex()
    window = window_on(doc)
    legend = settled(window, qtbot)
    assert legend.corner == (False, True)
    viewport = window.view.viewport()
    right_bottom = viewport.mapFromGlobal(
        legend.mapToGlobal(QPoint(legend.width(), legend.height()))
    )
    assert right_bottom.x() > viewport.width() - 20 and right_bottom.y() > viewport.height() - 20


def test_clicks_on_the_legend_go_to_the_map(make_window, qtbot):
    window = make_window()
    legend = settled(window, qtbot)
    middle = legend.geometry().center()
    assert window.view.childAt(middle) is window.view.viewport()


def test_the_legend_switch_is_remembered(make_window, qtbot):
    window = make_window()
    legend = settled(window, qtbot)
    legend.action.trigger()
    assert not legend.isVisible() and QSettings().value("view/canvas_legend", type=bool) is False
    other = make_window()
    assert not other.canvas_legend.action.isChecked() and not other.canvas_legend.isVisible()
    other.canvas_legend.action.trigger()
    assert other.canvas_legend.isVisible()


def test_an_empty_map_has_no_legend_until_something_is_on_it(window_on, qtbot):
    window = window_on(MapDocument.new())
    legend = settled(window, qtbot)
    assert not legend.isVisible()
    window.actions_.add_node[NodeKind.ME].trigger()
    legend = settled(window, qtbot)
    assert legend.isVisible() and legend.colour_rows == []


def test_the_legend_draws_the_sector_colours_and_the_shapes(window_on, qtbot):
    doc = MapDocument.new()
    doc.nodes = [
        MeNode(id="me", x=0.0, y=0.0),
        CommunityNode(id="c1", label="A", sector="work", x=200.0, y=0.0),
        CommunityNode(id="c2", label="B", sector="family", x=-200.0, y=0.0),
    ]
    doc.reindex()
    window = window_on(doc)
    legend = settled(window, qtbot)
    image = legend.grab().toImage()
    seen = {
        image.pixelColor(x, y).name() for x in range(image.width()) for y in range(image.height())
    }
    for sector in ("work", "family"):
        assert sector_colour(sector).name() in seen
    canvas = window.scene.colours
    assert QColor(canvas.object_fill).name() in seen  # the boundary object's diamond
    assert QColor(canvas.me_fill).name() in seen


def people_and_a_crowd(at_least: int) -> tuple[MapDocument, list[tuple[float, float]]]:
    """A square of at least ``at_least`` people 1,000 units wide, and 16 communities crowded in
    its bottom left corner (where they are, in the order of their ids c0, c1, ...)."""
    doc = MapDocument.new()
    side = math.ceil(math.sqrt(at_least))
    people = [
        PersonNode(id=f"p{i}", x=(i % side) * 1000.0 / side, y=(i // side) * 1000.0 / side)
        for i in range(side * side)
    ]
    crowd = [(float(i % 4) * 30, 1000.0 - (i // 4) * 30) for i in range(16)]
    communities = [CommunityNode(id=f"c{i}", x=x, y=y) for i, (x, y) in enumerate(crowd)]
    doc.nodes = [*people, *communities]
    doc.reindex()
    return doc, crowd


def test_on_a_large_map_the_legend_moves_off_communities_moved_under_it(window_on, qtbot):
    """On a room map only me and the communities count where the legend goes (people are
    dots there): it looks again when they move, not when people do."""
    from commapper.model import MoveNodes
    from commapper.ui.canvas.items import MANY_NODES

    doc, crowd = people_and_a_crowd(MANY_NODES + 50)
    window = window_on(doc)
    legend = settled(window, qtbot)
    assert legend.corner == (True, False)  # top left: the first the communities leave free
    people_up_there = {f"p{i}": (float(i % 4) * 30, float(i // 4) * 30) for i in range(16)}
    window.session.edit(MoveNodes(people_up_there), "Move people")
    assert settled(window, qtbot).corner == (True, False)
    up = {f"c{i}": (x, 1000.0 - y) for i, (x, y) in enumerate(crowd)}  # to the top left
    window.session.edit(MoveNodes(up), "Move communities")
    assert settled(window, qtbot).corner == (True, True)  # bottom left, free now


def test_after_a_layout_of_a_large_map_the_legend_looks_where_the_nodes_landed(
    window_on, qtbot, monkeypatch
):
    """A large map's nodes land in slices after a layout: the legend chooses its corner once
    they are all where the layout put them, not from where they were."""
    from commapper.model import MoveNodes
    from commapper.ui.canvas import slices
    from commapper.ui.canvas.node_layer import PICTURE_NODES

    monkeypatch.setattr(slices, "SLICE_SECONDS", 0.0)  # a step a slice
    doc, crowd = people_and_a_crowd(PICTURE_NODES + 100)
    window = window_on(doc)
    legend = settled(window, qtbot)
    assert legend.corner == (True, False)  # top left: the first the communities leave free
    # Like a layout: the communities go to the top left, and every person moves a little.
    layout = {node.id: (node.x + 1.0, node.y) for node in doc.nodes if node.kind == "person"}
    layout |= {f"c{i}": (x, 1000.0 - y) for i, (x, y) in enumerate(crowd)}
    window.session.edit(MoveNodes(layout), "Layout")
    assert window.scene.moves_due  # landing in slices
    qtbot.waitUntil(lambda: not window.scene.moves_due)
    assert settled(window, qtbot).corner == (True, True)  # bottom left, free now


def test_the_line_about_the_rings_is_shown_whole(make_window, qtbot):
    """It was cut to "rings: my level of parti…", as a long sector's name is."""
    from PySide6.QtGui import QFontMetricsF

    from commapper.ui.canvas.canvas_legend import ICON, PADDING, LegendRow

    window = make_window()
    window.actions_.landscape.trigger()
    window.actions_.finish_animation()
    legend = settled(window, qtbot)
    (rings,) = legend.footer_rows
    assert legend.shown_text(rings) == rings.text
    text_width = QFontMetricsF(legend._text_font()).horizontalAdvance(rings.text)
    assert legend.width() >= 2 * PADDING + ICON + 4 + text_width
    assert legend.shown_text(LegendRow("a" * 400, "#000000")).endswith("…")  # a sector
