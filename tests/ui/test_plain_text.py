"""User text reaches the screen as typed: never rendered as markup, one line where one is shown.

A map whose labels, notes, title, attribute names and values and file name are all markup and
control characters is opened in a real window; then every widget, toolbar button, menu entry,
table cell, canvas item and the window title are read back as Qt would show them.
"""

import json
import shutil

import pytest
from PySide6.QtCore import QAbstractListModel, QModelIndex, Qt
from PySide6.QtGui import Qt as QtGui
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QLabel,
    QMenu,
    QMessageBox,
    QTabBar,
    QToolButton,
)

from commapper.model import UpdateItem, UpdateMap, printable
from commapper.resources import DEFAULT_EXAMPLE
from commapper.ui.plain_text import plain_markup

TIMEOUT = 20_000
# Each starts with a tag Qt knows, so any text that begins with it, or has it as the first tag
# of its first line, is taken for markup: an <img> would show a file from this computer.
TAGS = ("<img", "<b>", "<a ")
HOSTILE = "<img src=/usr/share/pixmaps/debian-logo.png><b>bold</b><a href='file:///etc'>link</a>"
CONTROLS = "\x1b[2J\u202egpj.exe\r\nforged"
LABEL = HOSTILE + CONTROLS
FILE_NAME = "<b>R&D \u202emap\x1b[31m\t.commap"  # no "/": that would be a folder


def renders_markup(text: str) -> bool:
    """Whether Qt would render ``text`` as markup with one of the hostile tags in it."""
    return QtGui.mightBeRichText(text) and any(tag in text for tag in TAGS)


def holds_user_text(text: str) -> bool:
    return any(tag in text for tag in TAGS) or "&lt;img" in text


@pytest.fixture
def hostile_window(make_window, tmp_path, qtbot):
    """A window on the example map saved under a hostile name, with hostile text everywhere."""
    path = tmp_path / FILE_NAME
    shutil.copyfile(DEFAULT_EXAMPLE, path)
    window = make_window(path)
    window.app.recent.add(path)
    session = window.session
    session.edit(UpdateMap({"title": LABEL, "description": LABEL}), "Set the title")
    session.edit(
        UpdateItem(
            "c1",
            {
                "notes": LABEL,
                "domain": LABEL,
                "sector": LABEL,
                "tags": (LABEL,),
                "attributes": {LABEL: LABEL, "plain": LABEL, HOSTILE: 1},
            },
        ),
        "Describe",
    )
    session.edit(UpdateItem("p1", {"org": LABEL}), "Set the organisation")
    session.edit(UpdateItem(session.doc.edges[0].id, {"label": LABEL}), "Label an edge")
    # Renamed in place as a user would, so that Undo and Redo name the step with the label.
    window.view.rename_in_place("c1")
    window.view._rename_editor.setText(LABEL)
    window.view.finish_rename(commit=True)
    session.undo_stack.undo()
    session.undo_stack.redo()
    session.selection.set(["c1"])
    window.scene.status_message.emit(LABEL)  # as the canvas reports, quoting a label
    with qtbot.waitSignal(window.analysis.runner.what_if_finished, timeout=TIMEOUT):
        window.analysis.start_what_if("c1")
    window.recent_menu.aboutToShow.emit()
    return window


def model_tooltips(view: QAbstractItemView):
    """The tooltip of every cell of the view's model, in trees too."""
    model = view.model()
    if model is None:
        return
    # A list model keeps columnCount and hasChildren private: one column, no children.
    is_list = isinstance(model, QAbstractListModel)

    def walk(parent: QModelIndex):
        for row in range(model.rowCount(parent)):
            for column in range(1 if is_list else model.columnCount(parent)):
                index = model.index(row, column, parent)
                yield index, model.data(index, Qt.ItemDataRole.ToolTipRole)
            if not is_list:
                yield from walk(model.index(row, 0, parent))

    yield from walk(QModelIndex())


def test_the_hostile_map_is_shown_where_the_test_looks(hostile_window):
    # The walks below would pass on a window that shows none of the text: check it is there.
    window = hostile_window
    assert window.session.doc.node("c1").label == LABEL
    assert "Rename" in window.undo_action.text() and HOSTILE in window.undo_action.text()
    assert window.inspector.heading.text().startswith("Community: <img")
    table = window.inspector.fields["attributes"].table
    assert table.rowCount() == 3 and table.item(0, 0).text() == LABEL
    assert HOSTILE in window.analysis.what_if_view.title.text()
    assert any(FILE_NAME[:5] in entry.text() for entry in window.recent_menu.actions())


def test_no_tooltip_renders_user_text_as_markup(hostile_window):
    window = hostile_window
    seen = []
    for widget in QApplication.allWidgets():
        if widget is not window and not window.isAncestorOf(widget):
            continue
        seen.append((widget, widget.toolTip()))
        if isinstance(widget, QTabBar):
            seen += [(widget, widget.tabToolTip(i)) for i in range(widget.count())]
        if isinstance(widget, QMenu) and widget.toolTipsVisible():
            seen += [(action, action.toolTip()) for action in widget.actions()]
        if isinstance(widget, QAbstractItemView):
            seen += list(model_tooltips(widget))
    seen += [(item, item.toolTip()) for item in window.scene.items()]
    seen += [(edge, edge.tool_tip()) for edge in window.scene.edge_items.values()]
    assert sum(holds_user_text(tip) for _, tip in seen if tip) >= 6  # the walk found them
    assert [(where, tip) for where, tip in seen if tip and renders_markup(tip)] == []


def test_the_undo_and_redo_buttons_name_the_step_as_typed(hostile_window):
    window = hostile_window
    buttons = [
        button
        for button in window.toolbar.findChildren(QToolButton)
        if button.defaultAction() is not None and button.text() in ("Undo", "Redo")
    ]
    assert len(buttons) == 2
    undo = next(button for button in buttons if button.text() == "Undo")
    assert HOSTILE.replace("<", "&lt;").replace(">", "&gt;")[:40] in undo.toolTip()
    assert not renders_markup(undo.toolTip())


def test_the_attribute_table_tooltips_show_names_and_values_as_typed(hostile_window):
    table = hostile_window.inspector.fields["attributes"].table
    for row in range(table.rowCount()):
        for column in range(2):
            item = table.item(row, column)
            tip = item.data(Qt.ItemDataRole.ToolTipRole)
            assert tip == plain_markup(item.text()) and not renders_markup(tip)


def test_labels_that_show_user_text_are_plain_text(hostile_window):
    window = hostile_window
    showing = [
        label
        for label in window.findChildren(QLabel)
        if holds_user_text(label.text()) or "\x1b" in label.text()
    ]
    assert len(showing) >= 2  # the inspector's heading, the what-if's title
    for label in showing:
        assert label.textFormat() == Qt.TextFormat.PlainText or not renders_markup(label.text()), (
            label.objectName(),
            label.text(),
        )
        if label.textFormat() != Qt.TextFormat.PlainText:
            assert not QtGui.mightBeRichText(label.text()) or not holds_user_text(label.text())


def test_the_window_title_is_one_line_with_no_control_characters(hostile_window):
    title = hostile_window.windowTitle()
    assert printable(title) == title
    assert "\\u202e" in title and "\\x1b" in title  # made visible, not obeyed
    hostile_window.setWindowModified(True)
    assert title.count("[*]") == 1  # the mark of unsaved changes; the user's text has none


def test_a_title_with_the_unsaved_mark_in_it_keeps_it_as_text(make_window):
    window = make_window()
    window.session.edit(UpdateMap({"title": "Plan [*] B"}), "Set the title")
    shown = window.windowHandle().title()  # as the title bar gets it, "[*]" worked out
    assert shown.startswith("Plan [*] B — ") and shown.endswith("* — Commapper")
    window.session.undo_stack.setClean()
    assert window.windowHandle().title().startswith("Plan [*] B — ")
    assert "*" not in window.windowHandle().title().removeprefix("Plan [*] B")


def test_open_recent_names_each_file_on_one_line_as_it_is(hostile_window):
    folder = printable(str(hostile_window.session.path.parent))
    entries = [entry for entry in hostile_window.recent_menu.actions() if folder in entry.toolTip()]
    assert len(entries) == 1
    text = entries[0].text()
    assert printable(text) == text
    # An & in a menu entry would underline the next letter and vanish; doubled, it shows.
    assert "R&&D" in text
    assert entries[0].iconText().startswith("<b>R&D")
    assert not renders_markup(entries[0].toolTip())


def test_the_status_bar_shows_a_label_on_one_line(hostile_window):
    message = hostile_window.statusBar().currentMessage()
    assert message.startswith("<img") and printable(message) == message


def test_the_welcome_screen_lists_a_hostile_file_name_on_two_lines(make_window, tmp_path):
    path = tmp_path / FILE_NAME
    shutil.copyfile(DEFAULT_EXAMPLE, path)
    window = make_window()
    window.app.recent.add(path)
    welcome = type(window.welcome)(window.app.recent.paths())
    item = welcome.recent_list.item(0)
    name, folder = item.text().split("\n")
    assert printable(name) == name and name.startswith("<b>R&D ")
    assert folder == printable(str(tmp_path))
    assert not renders_markup(item.toolTip())
    welcome.deleteLater()


def test_a_damaged_autosave_quoting_markup_is_reported_as_typed(make_window, monkeypatch):
    from commapper.ui.app import offer_recovery

    window = make_window()
    folder = window.app.recovery_store.folder
    folder.mkdir(parents=True, exist_ok=True)
    data = json.loads(DEFAULT_EXAMPLE.read_text(encoding="utf-8"))
    data["nodes"][0]["color"] = "<img src=/a.png>"  # short enough to be quoted whole
    (folder / "k1.commap").write_text(json.dumps(data), encoding="utf-8")
    shown = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box) or 0)
    offer_recovery(window)
    [box] = shown
    assert_shown_as_typed(box, "<img src=/a.png>")


def test_undo_steps_name_a_label_on_one_line(make_window):
    window = make_window()
    session = window.session
    session.edit(UpdateItem("c1", {"label": "Two\tcolumns\nand lines"}), "Rename")
    session.selection.set(["c1"])
    window.actions_.delete_selection()
    # A tab would have the Edit menu show "columns…" where shortcuts go, a line break a second
    # line; both made visible instead.
    assert window.undo_action.text() == "Undo Delete Two\\x09columns\\x0aand lines"
    history = window.history.model()
    last = history.index(history.rowCount() - 1, 0)
    assert history.data(last) == "Delete Two\\x09columns\\x0aand lines"


def test_a_file_problem_quoting_markup_is_reported_as_typed(make_window, tmp_path, monkeypatch):
    path = tmp_path / "hostile.commap"
    data = json.loads(DEFAULT_EXAMPLE.read_text(encoding="utf-8"))
    data["nodes"][0]["color"] = "<img src=/a.png>"
    path.write_text(json.dumps(data), encoding="utf-8")
    window = make_window()
    shown = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box) or 0)
    window.files.open_path(path)
    [box] = shown
    assert_shown_as_typed(box, "<img src=/a.png>")


def assert_shown_as_typed(box, quoted: str) -> None:
    """What the box's labels show: ``quoted`` as typed, and no markup (with Qt 6.11 a box's
    informative text escaped as markup showed its tags)."""
    from PySide6.QtWidgets import QLabel

    labels = [label for label in box.findChildren(QLabel) if label.text()]
    assert all(label.textFormat() == Qt.TextFormat.PlainText for label in labels)
    shown = "\n".join(label.text() for label in labels)
    assert quoted in shown
    assert "<p style" not in shown and "&lt;" not in shown
