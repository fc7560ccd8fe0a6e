"""Connecting two nodes from the keyboard: C (or Map > Connect To…), type, Enter."""

import time

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableView

from commapper.model import (
    BoundaryObjectNode,
    CommunityNode,
    EdgeKind,
    Level,
    MapDocument,
    MembershipEdge,
    NodeKind,
    PersonNode,
    RemoveItems,
    edge_kinds_between,
)
from commapper.ui.canvas.connect_picker import (
    MAX_ROWS,
    ConnectChoice,
    best_matches,
    connect_choices,
    match_rank,
)

ANA = "p1"  # a person in the example map, member of Hospital IT and the Simulation lab team


def press_c(window, node_ids):
    """Select ``node_ids`` and press C on the canvas, as the user does."""
    window.session.selection.set(node_ids)
    window.activateWindow()
    window.qtbot.waitUntil(window.isActiveWindow)  # shortcuts only run in an active window
    window.view.setFocus()
    window.qtbot.keyClick(window.view, Qt.Key.Key_C)
    return window.actions_.connect_picker


@pytest.fixture
def window(make_window, qtbot):
    window = make_window()
    window.qtbot = qtbot
    return window


def edges_between(doc, first, second):
    return [edge for edge in doc.edges if {edge.source, edge.target} == {first, second}]


def test_c_then_typing_and_enter_connects_as_one_undo_step(window, qtbot):
    doc, stack = window.session.doc, window.session.undo_stack
    edges_before, steps_before = len(doc.edges), stack.count()
    picker = press_c(window, [ANA])
    assert picker is not None and picker.isVisible()
    qtbot.keyClicks(picker.search, "COMPLIANCE")  # any case
    assert picker.current_node_id() == "c11"
    qtbot.keyClick(picker.search, Qt.Key.Key_Return)

    (edge,) = edges_between(doc, ANA, "c11")
    assert edge.kind == EdgeKind.MEMBERSHIP and (edge.source, edge.target) == (ANA, "c11")
    assert stack.count() == steps_before + 1
    assert stack.undoText() == "Connect Ana to Compliance circle"
    # Ana stays selected: C again connects her to the next one.
    assert window.session.selection.ids == (ANA,)
    assert window.actions_.connect_picker is None and not picker.isVisible()
    window.qtbot.keyClick(window.view, Qt.Key.Key_C)
    again = window.actions_.connect_picker
    assert again is not None and again.source_id == ANA
    again.close_picker()
    stack.undo()
    assert not edges_between(doc, ANA, "c11") and len(doc.edges) == edges_before


def test_the_menu_entry_opens_it_too(window):
    window.session.selection.set([ANA])
    window.actions_.connect_to.trigger()
    assert window.actions_.connect_picker is not None
    assert window.actions_.connect_to.shortcut().toString() == "Ctrl+K"


def test_escape_closes_with_the_map_unchanged(window, qtbot):
    doc = window.session.doc
    before, steps = doc.model_dump(), window.session.undo_stack.count()
    picker = press_c(window, [ANA])
    qtbot.keyClicks(picker.search, "choir")
    qtbot.keyClick(picker.search, Qt.Key.Key_Down)
    qtbot.keyClick(picker.search, Qt.Key.Key_Escape)
    assert not picker.isVisible() and window.actions_.connect_picker is None
    assert doc.model_dump() == before and window.session.undo_stack.count() == steps
    assert window.session.selection.ids == (ANA,)


def test_arrows_and_tab_choose_the_row_enter_connects(window, qtbot):
    picker = press_c(window, [ANA])
    rows = [picker.list.item(row).data(Qt.ItemDataRole.UserRole) for row in range(3)]
    qtbot.keyClick(picker.search, Qt.Key.Key_Down)
    qtbot.keyClick(picker.search, Qt.Key.Key_Tab)
    qtbot.keyClick(picker.search, Qt.Key.Key_Up)
    assert picker.current_node_id() == rows[1]
    qtbot.keyClick(picker.search, Qt.Key.Key_Up)
    qtbot.keyClick(picker.search, Qt.Key.Key_Up)  # stays on the first
    qtbot.keyClick(picker.search, Qt.Key.Key_Backtab)  # Shift+Tab goes round to the last
    assert picker.list.currentRow() == picker.list.count() - 1
    assert window.view.hasFocus() is False  # Tab did not walk the canvas's nodes
    assert window.session.selection.ids == (ANA,)
    qtbot.keyClick(picker.search, Qt.Key.Key_Tab)
    qtbot.keyClick(picker.search, Qt.Key.Key_Enter)
    assert edges_between(window.session.doc, ANA, rows[0])


def test_picking_a_node_already_connected_shows_that_connection(window, qtbot):
    doc = window.session.doc
    picker = press_c(window, [ANA])
    already = next(choice for choice in picker.choices if choice.connected)
    edges_before, steps = len(doc.edges), window.session.undo_stack.count()
    messages = []
    window.scene.status_message.connect(messages.append)
    picker.connect_to(already.node_id)
    assert len(doc.edges) == edges_before and window.session.undo_stack.count() == steps
    (shown,) = window.session.selection.ids
    assert {doc.edge(shown).source, doc.edge(shown).target} == {ANA, already.node_id}
    assert "already connected" in messages[-1]


def test_a_click_on_a_row_connects(window, qtbot):
    picker = press_c(window, [ANA])
    qtbot.keyClicks(picker.search, "choir")
    rect = picker.list.visualItemRect(picker.list.item(0))
    qtbot.mouseClick(picker.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert edges_between(window.session.doc, ANA, "c10")
    assert not picker.isVisible()


def test_it_follows_changes_made_while_it_is_open(window):
    session = window.session
    picker = press_c(window, [ANA])
    session.edit(RemoveItems(frozenset({"c11"})), "Delete Compliance circle")
    assert picker.isVisible() and "c11" not in {c.node_id for c in picker.choices}
    session.edit(RemoveItems(frozenset({ANA})), "Delete Ana")
    assert not picker.isVisible() and window.actions_.connect_picker is None


def test_it_offers_exactly_the_nodes_that_can_be_joined(window):
    doc = window.session.doc
    picker = press_c(window, [ANA])
    offered = {choice.node_id for choice in picker.choices}
    expected = {
        node.id
        for node in doc.nodes
        if node.id != ANA
        and (
            edge_kinds_between(NodeKind.PERSON, NodeKind(node.kind))
            or edge_kinds_between(NodeKind(node.kind), NodeKind.PERSON)
        )
    }
    assert offered == expected
    assert ANA not in offered
    assert not any(node_id.startswith("o") for node_id in offered)  # no boundary objects
    assert {"me", "p2", "c1", "c11"} <= offered  # a person is joined to people and communities
    # Already connected (me, Hospital IT, the Simulation lab team, Jonas) last, and said so.
    texts = [picker.list.item(row).text() for row in range(picker.list.count())]
    connected = [text for text in texts if text.endswith("already connected")]
    assert len(connected) == 4 and texts[-4:] == connected
    assert "Hospital IT — community, already connected" in texts
    assert "Compliance circle — community" in texts


def test_a_boundary_object_is_offered_communities_only(window):
    picker = press_c(window, ["o1"])  # the shared care protocol
    assert {choice.kind for choice in picker.choices} == {NodeKind.COMMUNITY}


def test_without_one_selected_node_the_status_bar_says_why(window, qtbot):
    for selection, words in (([], "Select one node"), ([ANA, "c1"], "2 are selected")):
        with qtbot.waitSignal(window.scene.status_message) as message:
            assert press_c(window, selection) is None
        assert words in message.args[0]
        assert words in window.statusBar().currentMessage()


def test_with_nothing_to_connect_to_it_says_so(window_on, qtbot):
    doc = MapDocument.new()
    doc.nodes = [
        BoundaryObjectNode(id="o1", label="Protocol", x=0, y=0),
        PersonNode(id="p1", label="Ana", x=100, y=0),
    ]
    doc.reindex()
    window = window_on(doc)
    window.qtbot = qtbot
    with qtbot.waitSignal(window.scene.status_message) as message:
        assert press_c(window, ["o1"]) is None
    assert message.args == ["Nothing on the map can be connected to Protocol."]


def big_map(n):
    doc = MapDocument.new()
    doc.nodes = [PersonNode(id="me0", label="Sam", x=0, y=0)] + [
        CommunityNode(id=f"c{i}", label=f"Community {i:05}", x=(i % 100) * 200, y=(i // 100) * 150)
        for i in range(n)
    ]
    doc.edges = [MembershipEdge(id="e0", source="me0", target="c0", level=Level.ACTIVE)]
    doc.reindex()
    return doc


def test_on_a_large_map_it_lists_a_few_hundred_and_says_how_many_more(window_on, qtbot):
    window = window_on(big_map(2_000))
    window.session.selection.set(["me0"])
    picker = window.actions_.connect_selected_to()
    assert picker.list.count() == MAX_ROWS
    assert picker.more.text() == f"{2_000 - MAX_ROWS} more — keep typing to narrow the list"
    qtbot.keyClicks(picker.search, "community 0")
    assert picker.more.text() == f"{2_000 - MAX_ROWS} more — keep typing to narrow the list"
    qtbot.keyClicks(picker.search, "199")
    assert picker.list.count() == 10 and picker.list.item(0).text().startswith("Community 01990")
    assert "Enter connects" in picker.more.text()
    qtbot.keyClicks(picker.search, "x")
    assert picker.list.count() == 0 and picker.more.text().startswith("No node")


def test_filtering_ten_thousand_labels_keeps_up_with_typing():
    choices = connect_choices(big_map(10_000), "me0")
    started = time.perf_counter()
    for typed in ("c", "co", "com", "comm", "commu", "community", "community 0", "y 09"):
        shown, total = best_matches(choices, typed)
        assert len(shown) == min(total, MAX_ROWS)
    # About 3 ms a key alone, 100 ms on a loaded test machine: this guards against work that
    # grows faster than the map (sorting it whole, a row for each match), not a benchmark.
    assert (time.perf_counter() - started) / 8 < 0.5


def test_c_in_the_table_is_left_to_the_table(window, qtbot):
    window.session.selection.set([ANA])
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    table = window.tables.findChild(QTableView)
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_C)
    assert window.actions_.connect_picker is None


def test_user_text_is_shown_as_typed(window_on, qtbot):
    doc = MapDocument.new()
    doc.nodes = [
        PersonNode(id="p1", label="<b>Ana</b>\nline", x=0, y=0),
        CommunityNode(id="c1", label="<img src=x>", x=100, y=0),
    ]
    doc.reindex()
    window = window_on(doc)
    window.qtbot = qtbot
    picker = press_c(window, ["p1"])
    assert picker.title.textFormat() == Qt.TextFormat.PlainText
    assert picker.title.text() == "Connect <b>Ana</b>\\x0aline to…"
    assert picker.list.item(0).text() == "<img src=x> — community"


def test_clicking_the_canvas_closes_it(window, qtbot):
    picker = press_c(window, [ANA])
    window.view.setFocus()
    assert not picker.isVisible() and window.actions_.connect_picker is None


def test_matching_ranks_whole_then_start_then_word_then_inside():
    assert match_rank("hospital it", "hospital it") == 0
    assert match_rank("hospital it", "hosp") == 1
    assert match_rank("hospital it", "it") == 2  # "it" inside "hospital" comes first
    assert match_rank("hospital it", "spit") == 3
    assert match_rank("hospital it", "lab") is None

    def choice(node_id, label, connected=False):
        return ConnectChoice(node_id, label, NodeKind.COMMUNITY, connected, label.casefold())

    choices = [
        choice("a", "Bits and bobs"),
        choice("b", "IT"),
        choice("c", "Hospital IT"),
        choice("d", "Italian club"),
        choice("e", "IT support", connected=True),
    ]
    shown, total = best_matches(choices, " it ")
    assert [c.node_id for c in shown] == ["b", "d", "c", "a", "e"] and total == 5
    assert best_matches(choices, "it", limit=2) == (shown[:2], 5)
    assert best_matches(choices, "") == (choices, 5)


def test_choices_are_computed_from_the_map(session):
    choices = connect_choices(session.doc, "c1")  # a community: every node but itself
    assert len(choices) == len(session.doc.nodes) - 1
    assert [c.connected for c in choices] == sorted(c.connected for c in choices)


def test_screenshot(window, qtbot):
    picker = press_c(window, [ANA])
    qtbot.keyClicks(picker.search, "o")
    window.grab().save("/tmp/connect_picker.png")
