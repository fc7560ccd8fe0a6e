"""The node and edge tables: editing, sorting, filtering, and selection shared with the session."""

import time

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox

from commapper.model import Batch, CommunityNode, InsertItems, Level, RemoveItems, UpdateItem
from commapper.ui.panels.table_models import EDGE_COLUMNS, NODE_COLUMNS
from commapper.ui.panels.tables import EdgeTableModel, NodeTableModel, TablePanel
from commapper.ui.session import MapSession

EDIT = Qt.ItemDataRole.EditRole


def column(columns, name):
    return [c.name for c in columns].index(name)


@pytest.fixture
def panel(qtbot, session):
    widget = TablePanel(session)
    qtbot.addWidget(widget)
    widget.resize(1100, 500)
    widget.show()
    return widget


def test_set_data_is_one_undo_step_and_undo_restores_the_document(qtbot, session):
    model = NodeTableModel(session)
    before = session.doc.content()
    index = model.index(model.row_of["c1"], column(NODE_COLUMNS, "sector"))
    assert index.data() == "health"
    assert model.setData(index, "care", EDIT)
    assert session.doc.node("c1").sector == "care" and session.undo_stack.count() == 1
    assert index.data() == "care"
    session.undo_stack.undo()
    assert session.doc.content() == before


def test_typed_text_is_parsed_per_column_and_bad_text_is_refused(qtbot, session):
    nodes, edges = NodeTableModel(session), EdgeTableModel(session)
    stage = nodes.index(nodes.row_of["c1"], column(NODE_COLUMNS, "stage"))
    assert nodes.setData(stage, "none", EDIT) and session.doc.node("c1").stage is None
    x = nodes.index(nodes.row_of["c1"], column(NODE_COLUMNS, "x"))
    assert nodes.setData(x, "12.5", EDIT) and session.doc.node("c1").x == 12.5
    with qtbot.waitSignal(session.edit_refused):
        assert not nodes.setData(x, "far", EDIT)
    level = edges.index(edges.row_of["e6"], column(EDGE_COLUMNS, "level"))
    assert edges.setData(level, "Core", EDIT) and session.doc.edge("e6").level == Level.CORE
    since = edges.index(edges.row_of["e6"], column(EDGE_COLUMNS, "since"))
    with qtbot.waitSignal(session.edit_refused):
        assert not edges.setData(since, "2022-13", EDIT)
    assert session.doc.edge("e6").since == "2022-09"
    # A column that does not apply to the row's kind is not editable.
    domain = nodes.index(nodes.row_of["p1"], column(NODE_COLUMNS, "domain"))
    assert not nodes.flags(domain) & Qt.ItemFlag.ItemIsEditable


def test_choice_columns_are_edited_with_a_combo_box_from_the_keyboard(qtbot, session, panel):
    page = panel.edges
    panel.tabs.setCurrentWidget(page)
    proxy_row = page.proxy.mapFromSource(page.model.index(page.model.row_of["e6"], 0)).row()
    index = page.proxy.index(proxy_row, column(EDGE_COLUMNS, "level"))
    page.view.setFocus()
    page.view.setCurrentIndex(index)
    qtbot.keyClick(page.view, Qt.Key.Key_F2)
    editor = page.view.indexWidget(index)
    assert isinstance(editor, QComboBox) and editor.currentText() == "active"
    editor.setCurrentIndex(editor.findText("peripheral"))
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # the delegate commits on a queued call
    qtbot.waitUntil(lambda: session.doc.edge("e6").level == Level.PERIPHERAL)
    assert session.undo_stack.count() == 1


def test_text_cells_are_edited_by_typing(qtbot, session, panel):
    page = panel.nodes
    index = page.proxy.index(
        page.proxy.mapFromSource(page.model.index(page.model.row_of["p1"], 0)).row(),
        column(NODE_COLUMNS, "label"),
    )
    page.view.setFocus()
    page.view.setCurrentIndex(index)
    qtbot.keyClick(page.view, Qt.Key.Key_F2)
    editor = page.view.indexWidget(index)
    assert editor.maxLength() == 500  # typing stops at a label's limit, as in the Inspector
    editor.selectAll()
    qtbot.keyClicks(editor, "Ana Lopez")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: session.doc.node("p1").label == "Ana Lopez")
    assert session.undo_stack.count() == 1


def test_sorting_by_level_follows_its_order_and_filters_combine(qtbot, session, panel):
    page = panel.edges
    level = column(EDGE_COLUMNS, "level")
    page.kind.setCurrentIndex(page.kind.findData("membership"))
    page.view.sortByColumn(level, Qt.SortOrder.AscendingOrder)
    levels = [page.proxy.index(row, level).data() for row in range(page.proxy.rowCount())]
    assert levels[0] == "core" and levels[-1] == "transactional"
    assert page.proxy.rowCount() == 24
    panel.filter.setText("nurse educators")
    rows = {page.proxy.index(r, 0).data() for r in range(page.proxy.rowCount())}
    assert rows == {"e1", "e17", "e22"}
    assert panel.nodes.proxy.rowCount() == 1  # the filter applies to both tabs
    panel.filter.clear()
    page.kind.setCurrentIndex(0)
    assert page.proxy.rowCount() == len(session.doc.edges)


def test_selecting_rows_sets_the_session_selection_and_back(qtbot, session, panel):
    page = panel.nodes
    with qtbot.waitSignal(session.selection.changed):
        page.view.selectRow(page.proxy.mapFromSource(page.model.index(2, 0)).row())
    assert session.selection.ids == ("c2",)
    session.selection.set(["e35", "c4"])
    assert panel.nodes.selected_ids() == ("c4",)
    assert panel.edges.selected_ids() == ("e35",)
    assert session.selection.ids == ("e35", "c4")  # echoing did not change it
    session.selection.clear()
    assert panel.nodes.selected_ids() == () and panel.edges.selected_ids() == ()


def test_hidden_tables_take_the_selection_when_shown(qtbot, session, panel):
    """Closed (as they are until asked for), the tables follow no selection, which on a room
    map costs 70-90 ms a change; shown again, they show the session's."""
    panel.hide()
    session.selection.set(["e35", "c4"])
    assert panel.nodes.selected_ids() == ()
    panel.show()
    assert panel.nodes.selected_ids() == ("c4",) and panel.edges.selected_ids() == ("e35",)
    assert session.selection.ids == ("e35", "c4")


def test_hidden_tables_tell_the_rows_changed_meanwhile_when_shown(qtbot, session, panel):
    """Closed, the tables put no changed row through the filter (a layout of a room map
    changes 10,000 of them); shown again, they filter as a fresh table would."""
    panel.filter.setText("renamed meanwhile")
    assert panel.nodes.proxy.rowCount() == 0
    panel.hide()
    with qtbot.assertNotEmitted(panel.node_model.dataChanged):
        session.edit(UpdateItem("c1", {"label": "Renamed meanwhile"}), "Rename")
    panel.show()
    proxy = panel.nodes.proxy
    assert proxy.rowCount() == 1 and proxy.index(0, 0).data() == "c1"


def test_hidden_tables_follow_the_rows_that_came_and_went_when_shown(qtbot, session, panel):
    """Closed, the tables follow no row that comes or goes (a node added to a room map meant
    following 43,000 rows); shown again, they have the map's rows in its order."""
    panel.hide()
    model = panel.node_model
    with qtbot.assertNotEmitted(model.rowsInserted), qtbot.assertNotEmitted(model.rowsRemoved):
        session.edit(InsertItems(nodes=((0, CommunityNode(id="c99", label="New")),)), "Add")
        session.edit(RemoveItems(frozenset({"c1"})), "Delete")
    with qtbot.waitSignal(model.rowsInserted):
        panel.show()
    assert model.ids == [node.id for node in session.doc.nodes]
    assert panel.edge_model.ids == [edge.id for edge in session.doc.edges]
    assert panel.nodes.proxy.rowCount() == len(session.doc.nodes)
    panel.filter.setText("new")
    assert [panel.nodes.proxy.index(0, 0).data()] == ["c99"]


def test_showing_the_tables_keeps_the_selection_made_while_they_were_closed(qtbot, session, panel):
    page = panel.nodes
    page.view.selectRow(
        page.proxy.mapFromSource(page.model.index(page.model.row_of["c1"], 0)).row()
    )
    assert session.selection.ids == ("c1",)
    panel.hide()
    session.edit(RemoveItems(frozenset({"c1"})), "Delete")
    session.selection.set(["p1"])
    panel.show()
    assert session.selection.ids == ("p1",)
    assert panel.nodes.selected_ids() == ("p1",)


def test_document_changes_refresh_the_tables(qtbot, session, panel):
    model = panel.node_model
    with qtbot.waitSignal(model.dataChanged):
        session.edit(UpdateItem("c1", {"label": "Educators"}), "Rename")
    assert model.index(model.row_of["c1"], column(NODE_COLUMNS, "label")).data() == "Educators"
    edges = panel.edge_model
    source = edges.index(edges.row_of["e35"], column(EDGE_COLUMNS, "source"))
    assert source.data() == "Educators"
    with qtbot.waitSignal(model.rowsInserted):
        session.edit(InsertItems(nodes=((0, CommunityNode(id="c99", label="New")),)), "Add")
    assert model.rowCount() == len(session.doc.nodes) and model.row_of["c99"] == 0
    session.selection.set(["c1"])
    with qtbot.waitSignal(edges.rowsRemoved):
        session.undo_stack.undo()  # the insert
        session.edit(RemoveItems(frozenset({"c1"})), "Delete")
    assert "c1" not in model.row_of and not any(
        "c1" in (session.doc.edge(e).source, session.doc.edge(e).target) for e in edges.ids
    )
    assert session.selection.ids == ()


@pytest.mark.parametrize("sorted_by", [None, "label"])
def test_rows_that_come_and_go_are_followed_one_by_one(qtbot, session, panel, sorted_by):
    """Deleting, undoing and adding moves only those rows (no reset, which would make the
    filter check every row again), and the tables end as a fresh one would show them."""
    if sorted_by is not None:
        panel.nodes.view.sortByColumn(column(NODE_COLUMNS, sorted_by), Qt.SortOrder.DescendingOrder)
    panel.filter.setText("e")
    resets = []
    for model in (panel.node_model, panel.edge_model):
        model.modelReset.connect(lambda: resets.append(1))
    session.edit(RemoveItems(frozenset({"c1", "p2"})), "Delete")
    session.undo_stack.undo()
    node = CommunityNode(id="c99", label="Newest")
    session.edit(InsertItems(nodes=((3, node),)), "Add")
    assert resets == []
    fresh = TablePanel(session)
    qtbot.addWidget(fresh)
    if sorted_by is not None:
        fresh.nodes.view.sortByColumn(column(NODE_COLUMNS, sorted_by), Qt.SortOrder.DescendingOrder)
    fresh.filter.setText("e")
    for page, fresh_page in ((panel.nodes, fresh.nodes), (panel.edges, fresh.edges)):
        assert page.model.ids == fresh_page.model.ids
        assert page.model.row_of == fresh_page.model.row_of
        shown = [page.proxy.index(r, 0).data() for r in range(page.proxy.rowCount())]
        expected = [fresh_page.proxy.index(r, 0).data() for r in range(fresh_page.proxy.rowCount())]
        assert shown == expected


def test_a_batch_that_adds_a_row_and_renames_another_shows_both(session):
    model = NodeTableModel(session)
    new = CommunityNode(id="c-new", label="Brand new", x=0, y=0)
    add = InsertItems(nodes=((len(session.doc.nodes), new),))
    session.edit(Batch((add, UpdateItem("c1", {"label": "Renamed in batch"}))), "Batch")
    label = model.index(model.row_of["c1"], column(NODE_COLUMNS, "label")).data()
    assert label == "Renamed in batch"
    assert "renamed in batch" in model.search_text(model.row_of["c1"])  # the filter finds it
    assert "c-new" in model.row_of


def test_large_maps_are_fast_enough(qtbot):
    from benchmarks.generate import generate_map

    session = MapSession(generate_map(2000), None)
    start = time.perf_counter()
    panel = TablePanel(session)
    qtbot.addWidget(panel)
    panel.filter.setText("community 1")
    panel.filter.setText("community 12")
    session.edit(UpdateItem("c3", {"label": "Renamed"}), "Rename")
    panel.edges.view.sortByColumn(column(EDGE_COLUMNS, "level"), Qt.SortOrder.AscendingOrder)
    elapsed = time.perf_counter() - start
    assert len(session.doc.edges) > 5000
    # Generous for slow machines; here it takes well under two seconds.
    assert elapsed < 4.0, elapsed
    levels = panel.edge_model
    first = levels.index(0, column(EDGE_COLUMNS, "level")).data()
    assert first == "core"
