"""The analysis panel on a real window: figures follow edits, findings select, overlays draw,
the what-if and timeline show the figures the analysis gives."""

import pytest
from PySide6.QtCore import QPointF, Qt

from commapper.analysis.analyse import analyse
from commapper.analysis.fallout import fallout
from commapper.analysis.timeline import as_of
from commapper.analysis.whatif import headline_figures
from commapper.model import (
    CommunityNode,
    InsertItems,
    MembershipEdge,
    NodeKind,
    RemoveItems,
    remove_items,
)
from commapper.ui.panels.analysis_dock import AnalysisPanel
from commapper.ui.panels.analysis_figures import figure_text
from commapper.ui.panels.analysis_worker import AnalysisRunner
from commapper.ui.panels.whatif_view import WHAT_IF_TEXT

TIMEOUT = 60000


@pytest.fixture
def panel(make_window, qtbot):
    """The analysis dock of a real window, with its first analysis shown."""
    window = make_window()
    panel = window.analysis
    panel.runner.set_debounce_ms(20)
    if panel.runner.result is None:
        with qtbot.waitSignal(panel.runner.finished, timeout=TIMEOUT):
            pass
    return panel  # the window shuts the runner down when it closes


def scroll_to_charts(panel, qtbot):
    """Scroll the panel down to its charts, which are made once they come into view."""
    from PySide6.QtWidgets import QDockWidget

    dock = panel.parentWidget()
    if isinstance(dock, QDockWidget):
        dock.raise_()  # a tab behind the Inspector's in a window of this size
    else:
        panel.show()
    panel.scroll_area.ensureWidgetVisible(panel.charts_box)
    qtbot.waitUntil(lambda: bool(panel.charts))


def test_the_charts_are_made_only_once_scrolled_into_view_and_show_the_result_then(panel, qtbot):
    import sys

    panel.parentWidget().raise_()  # the dock, a tab behind the Inspector's
    qtbot.waitUntil(lambda: panel.findings.visibleRegion().boundingRect().height() > 0)
    qtbot.waitUntil(lambda: panel.charts_box.armed)  # a result shown, the panel laid out for it
    panel.repaint()  # painted, with the charts below the fold
    assert panel.scroll_area.verticalScrollBar().value() == 0
    assert not panel.charts and panel.charts_box.visibleRegion().isEmpty()
    scroll_to_charts(panel, qtbot)
    assert "pyqtgraph" in sys.modules
    assert panel.roles_chart.heading.text() == "Brokerage roles: me"
    assert panel.sector_chart.isVisibleTo(panel) and panel.broker_chart.isVisibleTo(panel)


def test_the_figures_are_the_analysis_of_the_map(panel):
    result = analyse(panel.session.doc)
    breadth = result.breadth.all_levels
    assert panel.breadth.text_of("People within reach") == str(breadth.reach_people)
    assert panel.brokerage.text_of("Open pairs only I bridge") == str(
        len(result.brokerage.ego.open_pairs)
    )
    assert panel.no_me.isHidden()


def test_the_level_filter_switches_to_members_only(panel):
    members = analyse(panel.session.doc).breadth.members_only.n_communities
    panel.level_filter.setCurrentIndex(panel.level_filter.findData("members_only"))
    assert panel.breadth.text_of("Communities").startswith(f"{members} ")


def test_an_edit_updates_the_figures(panel, qtbot):
    session = panel.session
    doc = session.doc
    before = analyse(doc).breadth.all_levels.n_communities
    community = CommunityNode(id=doc.new_id("c"), label="Allotment society", sector="hobby")
    edge = MembershipEdge(id=doc.new_id("e"), source=doc.ego.id, target=community.id, level="core")
    with qtbot.waitSignal(panel.runner.finished, timeout=TIMEOUT):
        session.edit(
            InsertItems(nodes=((len(doc.nodes), community),), edges=((len(doc.edges), edge),)),
            "Join",
        )
    assert panel.breadth.text_of("Communities").startswith(f"{before + 1} ")


def test_clicking_a_finding_selects_its_nodes(panel, qtbot):
    item = panel.findings.item(0)
    rect = panel.findings.visualItemRect(item)
    qtbot.mouseClick(panel.findings.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    nodes = panel.result.findings[0].nodes
    assert sorted(panel.session.selection.ids) == sorted(nodes)
    assert sorted(panel.scene.selected_node_ids()) == sorted(nodes)


def test_the_what_if_shows_the_figures_without_the_node_and_fades_what_drops(panel, qtbot):
    doc = panel.session.doc
    # A community whose loss cuts me off from some of its people.
    node_id = next(n.id for n in doc.nodes if len(fallout(doc, n.id)["nodes"]) > 1)
    with qtbot.waitSignal(panel.runner.what_if_finished, timeout=TIMEOUT):
        panel.start_what_if(node_id)
    reduced = doc.snapshot()
    carried = [e.id for e in doc.edges if e.kind == "crossing" and set(e.via or ()) == {node_id}]
    remove_items(reduced, [node_id, *carried])
    expected = headline_figures(analyse(reduced))
    for name, value in expected.items():
        assert panel.what_if_view.figure(name)[1] == figure_text(value)
    lost = fallout(doc, node_id)
    assert len(lost["nodes"]) > 1
    assert all(panel.scene.node_items[n].dimmed for n in lost["nodes"])
    assert all(panel.scene.edge_items[e].dimmed for e in lost["edges"])
    panel.what_if_view.done_button.click()
    assert not any(item.dimmed for item in panel.scene.node_items.values())
    assert panel.what_if_box.isHidden()


def test_the_canvas_menu_offers_the_what_if(panel, qtbot):
    window = panel.window()  # the main window whose canvas the user right-clicks
    menu = window.actions_.context_menu(QPointF(0, 0), "c1")
    (action,) = (a for a in menu.actions() if a.text() == WHAT_IF_TEXT)
    with qtbot.waitSignal(panel.runner.what_if_finished, timeout=TIMEOUT):
        action.trigger()
    assert panel.what_if_node == "c1"


def test_the_timeline_shows_the_figures_of_that_year_and_fades_other_memberships(panel, qtbot):
    panel.timeline_check.setChecked(True)
    with qtbot.waitSignal(panel.runner.finished, timeout=TIMEOUT) as done:
        panel.slider.setValue(0)
    year = panel.years[0]
    assert done.args[0] == analyse(as_of(panel.session.doc, year))
    expected = analyse(as_of(panel.session.doc, year)).breadth.all_levels
    assert panel.breadth.text_of("People within reach") == str(expected.reach_people)
    outside = [
        e.id
        for e in panel.session.doc.edges
        if e.id not in {x.id for x in as_of(panel.session.doc, year).edges}
    ]
    assert outside and all(panel.scene.edge_items[e].dimmed for e in outside)
    with qtbot.waitSignal(panel.runner.finished, timeout=TIMEOUT):
        panel.timeline_check.setChecked(False)
    assert not any(item.dimmed for item in panel.scene.edge_items.values())


def test_overlays_add_and_remove_their_items(panel):
    scene = panel.scene
    panel.pairs_check.setChecked(True)
    pairs = len(panel.result.brokerage.ego.open_pairs)
    assert len(panel.overlays.pair_lines) == pairs > 0
    assert all(line.scene() is scene for line in panel.overlays.pair_lines)
    panel.pairs_check.setChecked(False)
    assert panel.overlays.pair_lines == []

    panel.silo_check.setChecked(True)
    silos = panel.result.brokerage.silos_excluding_ego
    assert silos and all("silo" in scene.node_items[s].marks for s in silos)
    # A marked node deleted and brought back by undo is a new item: marked again.
    session = scene.session
    session.edit(RemoveItems(frozenset({silos[0]})), "Delete")
    session.undo_stack.undo()
    assert "silo" in scene.node_items[silos[0]].marks
    panel.silo_check.setChecked(False)
    assert not any(item.marks for item in scene.node_items.values())

    panel.size_check.setChecked(True)
    top = max(panel.result.brokerage.nodes.items(), key=lambda kv: kv[1].betweenness)[0]
    item = scene.node_items[top]
    assert item.radius > item.base_radius
    panel.size_check.setChecked(False)
    assert item.radius == item.base_radius

    panel.colour_combo.setCurrentIndex(panel.colour_combo.findData("level"))
    panel._overlays_changed()
    assert scene.fill_rule is not None
    assert any("my level" in text for _, text in panel.overlays.legend)


def test_until_the_first_result_the_panel_does_not_say_the_map_has_no_me(make_window, qtbot):
    window = make_window()
    runner = AnalysisRunner(window.session, debounce_ms=20)
    with qtbot.waitSignal(runner.finished, timeout=TIMEOUT):
        panel = AnalysisPanel(window.session, window.scene, window.view, runner=runner)
        qtbot.addWidget(panel)
        assert panel.result is None and panel.no_me.isHidden()
    assert panel.no_me.isHidden()  # the example map has a me
    panel.shutdown()


def test_a_map_without_me_shows_the_whole_map_figures(make_window, qtbot):
    window = make_window()
    session = window.session
    session.edit(InsertItems(), "nothing")  # keep the stack simple
    remove_items(session.doc, [session.doc.ego.id])
    runner = AnalysisRunner(session, debounce_ms=20)
    with qtbot.waitSignal(runner.finished, timeout=TIMEOUT):
        panel = AnalysisPanel(session, window.scene, window.view, runner=runner)
    qtbot.addWidget(panel)
    assert not panel.no_me.isHidden()
    assert panel.breadth_box.isHidden()
    scroll_to_charts(panel, qtbot)
    assert panel.broker_chart.isVisibleTo(panel)
    assert not panel.sector_chart.isVisibleTo(panel)  # my sectors: no me, none
    panel.shutdown()


def test_a_change_of_colour_scheme_redraws_the_charts(panel, qtbot):
    from PySide6.QtGui import QGuiApplication

    scroll_to_charts(panel, qtbot)
    title_before = panel.roles_chart.heading.text()
    assert title_before.startswith("Brokerage roles: ")
    QGuiApplication.styleHints().colorSchemeChanged.emit(Qt.ColorScheme.Dark)
    # Redrawn from the last result: the roles chart still names whose roles it shows.
    assert panel.roles_chart.heading.text() == title_before


def test_an_empty_map_shows_no_empty_broker_chart_and_the_canvas_says_how_to_begin(
    make_window, qtbot
):
    from commapper.ui.canvas.view import EMPTY_MAP_HINT

    window = make_window(None)
    runner = AnalysisRunner(window.session, debounce_ms=20)
    with qtbot.waitSignal(runner.finished, timeout=TIMEOUT):
        panel = AnalysisPanel(window.session, window.scene, window.view, runner=runner)
        qtbot.addWidget(panel)
    scroll_to_charts(panel, qtbot)
    assert panel.broker_chart.isHidden() and panel.broker_chart.heading.isHidden()
    assert panel.roles_chart.isHidden()  # no people, no roles
    assert "Ctrl+4" in EMPTY_MAP_HINT and window.view._showed_empty_hint
    window.actions_.add(NodeKind.COMMUNITY)
    assert not window.view._showed_empty_hint
    panel.shutdown()


def test_the_wheel_scrolls_the_panel_even_over_its_combo_boxes(panel, wheel_down):
    bar = panel.scroll_area.verticalScrollBar()
    assert bar.maximum() > 0 and bar.value() == 0
    wheel_down(panel.scroll_area.viewport())
    assert bar.value() > 0
    # Over a combo box the wheel changes nothing; Qt then hands a real (not a sent) wheel event
    # on to the panel, which scrolls.
    colour = panel.colour_combo.currentIndex()
    wheel_down(panel.colour_combo)
    assert panel.colour_combo.currentIndex() == colour


def test_selecting_me_shows_my_roles_as_the_figures_give_them(panel, qtbot):
    scroll_to_charts(panel, qtbot)
    panel.session.selection.set(["p1"])
    assert panel.roles_chart.heading.text() == "Brokerage roles: Ana"
    panel.session.selection.set(["me"])
    # The same roles as the figure "Brokerage roles" above, not Sam's roles among the people.
    assert panel.roles_chart.heading.text() == "Brokerage roles: me"


def test_the_timeline_and_the_colour_choices_follow_the_map(panel):
    """A membership with a new year puts it on the timeline, one without leaves it as it was;
    a custom attribute typed on a node can colour the map at once, and goes when it does."""
    from commapper.model import UpdateItem

    session, doc = panel.session, panel.session.doc
    years = list(panel.years)
    me, community = doc.ego.id, next(n.id for n in doc.nodes if n.kind == "community")
    dated = MembershipEdge(id="e-dated", source=me, target=community, level="core", since="1987")
    session.edit(InsertItems(edges=((len(doc.edges), dated),)), "Add")
    assert panel.years == sorted({*years, 1987})
    plain = MembershipEdge(id="e-plain", source=me, target=community, level="core")
    session.edit(InsertItems(edges=((len(doc.edges), plain),)), "Add")
    assert panel.years == sorted({*years, 1987})
    session.edit(RemoveItems(frozenset({"e-dated"})), "Remove")
    assert panel.years == years
    session.edit(UpdateItem(community, {"attributes": {"funding": "grant"}}), "Attribute")
    assert panel.colour_combo.findData("funding") >= 0
    session.undo_stack.undo()
    assert panel.colour_combo.findData("funding") < 0
