"""File > Export…, Print…, Export Report…, Import… and Share a Copy… in a real window, their
dialogs answered as a user would (file names typed into Qt's own file dialog)."""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx
import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QImage, QPageLayout
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel, QMenu, QMessageBox

from commapper.io import load_map
from commapper.io.safe_copy import names_in
from commapper.model import NodeKind
from commapper.ui.export.dialogs import PictureOptions, PictureOptionsDialog, ShareDialog
from tests.ui.export.reading import needs_poppler, pdf_info, pdf_text, svg_texts

MENU_ENTRIES = [
    "&Import…",
    "&Export…",
    "S&hare a Copy…",
    "Export &Report…",
    "Print Pre&view…",
    "&Print…",
]


def answer(*steps):
    """Answer the next modal dialogs, one step each: a step gets the dialog and answers it."""
    remaining = list(steps)

    def poll():
        dialog = QApplication.activeModalWidget()
        if dialog is None or getattr(dialog, "_answered", False):
            QTimer.singleShot(10, poll)
            return
        dialog._answered = True
        step = remaining.pop(0)
        if remaining:
            QTimer.singleShot(10, poll)
        step(dialog)

    QTimer.singleShot(0, poll)
    return remaining


def save_as(path: Path):
    def step(dialog):
        assert isinstance(dialog, QFileDialog)
        dialog.selectFile(str(path))
        dialog.accept()

    return step


def test_the_file_menu_has_the_entries(make_window):
    window = make_window()
    # The menu as the bar's child: some PySide6 releases before 6.11.3 hand back a wrapper from
    # QAction.menu() that is already deleted.
    file_menu = next(
        menu
        for menu in window.menuBar().findChildren(
            QMenu, options=Qt.FindChildOption.FindDirectChildrenOnly
        )
        if menu.title() == "&File"
    )
    texts = [action.text() for action in file_menu.actions()]
    at = texts.index(MENU_ENTRIES[0])
    assert [t for t in texts[at:] if t][: len(MENU_ENTRIES)] == MENU_ENTRIES
    assert texts.index("Re&vert to Saved") < at < texts.index("&Close Window")


def test_no_two_actions_of_the_window_share_a_shortcut(make_window):
    from PySide6.QtGui import QAction

    window = make_window()
    keys = [
        action.shortcut().toString()
        for action in window.findChildren(QAction)
        if not action.shortcut().isEmpty()
    ]
    assert len(keys) == len(set(keys)), sorted(k for k in keys if keys.count(k) > 1)
    assert window.exports.export_action.shortcut().toString() == "Ctrl+Shift+E"


def test_export_png_through_the_dialogs_at_the_chosen_scale(make_window, tmp_path):
    window = make_window()
    out = tmp_path / "map.png"

    def options(dialog):
        assert isinstance(dialog, PictureOptionsDialog)
        dialog.theme.setCurrentIndex(dialog.theme.findData("light"))
        dialog.scale.setValue(1.0)
        assert dialog.dpi.text().startswith("96 dots an inch")
        dialog.accept()

    left = answer(save_as(out), options)
    window.exports.export_action.trigger()
    assert not left
    one = QImage(str(out))
    window.exports.export_to(tmp_path / "big.png", "png", PictureOptions("light", 3.0))
    big = QImage(str(tmp_path / "big.png"))
    assert abs(big.width() - 3 * one.width()) <= 4


def test_export_svg_keeps_the_overlays_and_can_hide_names(make_window, tmp_path):
    window = make_window()
    window.analysis.overlays.marks = {"broker"}  # the analysis is worked out if not there yet
    out = tmp_path / "named.svg"
    window.exports.export_to(out, "svg", PictureOptions("light"))
    hidden = tmp_path / "hidden.svg"
    window.exports.export_to(hidden, "svg", PictureOptions("light", hide_names=True))
    people = [n.label for n in window.session.doc.nodes if n.kind == NodeKind.PERSON]
    named_texts, hidden_texts = svg_texts(out), " ".join(svg_texts(hidden))
    assert all(person in named_texts for person in people)
    assert not any(person in hidden_texts for person in people)
    assert "Participant 1" in hidden_texts
    assert any(text.startswith("ring: top brokers") for text in named_texts)
    # The window's own scene is untouched: names still shown, nothing selected.
    assert window.scene.shown_label(window.session.doc.node("p1")) == "Ana"


def test_export_for_another_tool_through_the_dialog(make_window, tmp_path):
    window = make_window()
    out = tmp_path / "map.graphml"
    answer(save_as(out))
    window.exports.export_action.trigger()
    graph = nx.read_graphml(out)
    assert graph.number_of_nodes() == len(window.session.doc.nodes)


def test_export_to_an_unwritable_place_says_so_and_writes_nothing(make_window, tmp_path):
    window = make_window()
    blocker = tmp_path / "file.txt"
    blocker.write_text("")
    assert window.exports.export_to(blocker / "map.png", "png") == []
    box = window.exports.last_message
    assert isinstance(box, QMessageBox) and box.isVisible()
    assert box.text() == "Cannot export the map"
    assert "file.txt/map.png: Not a directory" in box.informativeText()
    assert window.exports.export_to(blocker / "map.gexf", "gexf") == []
    assert "could not be written" in window.exports.last_message.informativeText()


@needs_poppler
def test_print_to_a_pdf_printer_fits_the_map_on_a_landscape_page(make_window, tmp_path):
    window = make_window()
    printer = window.exports._printer()
    assert printer.pageLayout().orientation() == QPageLayout.Orientation.Landscape
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(out))
    window.exports.print_to(printer)
    text = pdf_text(out)
    for node in window.session.doc.nodes:
        assert node.label in text
    assert pdf_info(out)["Pages"] == "1"


@needs_poppler
def test_export_report_through_the_dialog(make_window, tmp_path):
    window = make_window()
    out = tmp_path / "report.pdf"
    answer(save_as(out))
    window.exports.report_action.trigger()
    assert window.session.doc.title in pdf_text(out)
    window.exports.report_to(tmp_path / "letter.pdf", "letter")
    assert "(letter)" in pdf_info(tmp_path / "letter.pdf")["Page size"]


def test_import_a_graph_of_another_tool_into_a_new_unsaved_map(make_window, tmp_path, qtbot):
    source = tmp_path / "florentine.graphml"
    nx.write_graphml(nx.florentine_families_graph(), source)
    window = make_window()
    answer(save_as(source))  # the open dialog takes a name the same way
    count = len(window.app.windows)
    window.exports.import_action.trigger()
    assert len(window.app.windows) == count + 1
    imported = window.app.windows[-1]
    qtbot.addWidget(imported, before_close_func=lambda w: w.session.undo_stack.setClean())
    doc = imported.session.doc
    assert len(doc.nodes) == 15 and len(doc.edges) == 20
    assert {node.kind for node in doc.nodes} == {NodeKind.PERSON}
    assert imported.session.path is None and imported.session.is_modified
    assert all(node.x is not None for node in doc.nodes)  # placed on the canvas


def test_import_into_a_pristine_window_uses_it(make_window, tmp_path):
    source = tmp_path / "kite.graphml"
    nx.write_graphml(nx.krackhardt_kite_graph(), source)
    window = make_window(None)
    assert window.exports.import_from(source) is window
    assert len(window.session.doc.nodes) == 10
    assert window.session.is_modified and window.isWindowModified()


@pytest.mark.parametrize(
    "content",
    [
        "<graphml><graph><node id='a'",  # cut short
        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        '<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'
        "<graphml><graph><node id='&lol2;'/></graph></graphml>",  # an entity bomb's seed
    ],
)
def test_a_broken_or_hostile_file_is_refused_with_a_message(make_window, tmp_path, content):
    source = tmp_path / "bad.graphml"
    source.write_text(content)
    window = make_window()
    before = window.session.doc.content()
    count = len(window.app.windows)
    assert window.exports.import_from(source) is None
    box = window.exports.last_message
    assert box.isVisible() and box.text() == "Cannot import bad.graphml"
    assert_shown_as_typed(box)
    assert box.informativeText().startswith("this is not well-formed XML") or (
        "declares XML entities" in box.informativeText()
    )
    assert len(window.app.windows) == count
    assert window.session.doc.content() == before


def assert_shown_as_typed(box):
    """No text of ``box`` is markup, and each of its labels shows its text as typed."""
    for text in (box.text(), box.informativeText()):
        assert "<p" not in text and "&lt;" not in text
    labels = [label for label in box.findChildren(QLabel) if label.text()]
    assert {label.text() for label in labels} == {box.text(), box.informativeText()} - {""}
    assert all(label.textFormat() == Qt.TextFormat.PlainText for label in labels)


def test_no_message_of_these_actions_shows_markup(make_window, tmp_path):
    window = make_window()
    blocker = tmp_path / "<b>file&amp;.txt"
    blocker.write_text("")
    exports = window.exports
    assert exports.export_to(blocker / "map.png", "png") == []
    shown = [exports.last_message]
    assert exports.export_to(blocker / "map.graphml", "graphml") == []
    shown.append(exports.last_message)
    assert exports.report_to(blocker / "report.pdf") is None
    shown.append(exports.last_message)
    assert exports.share_to(blocker / "copy.commap", "pseudonymised") == []
    shown.append(exports.last_message)
    hostile = tmp_path / "<i>bomb.graphml"
    hostile.write_text(
        '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "<b>a</b>">]><graphml>&a;</graphml>'
    )
    assert exports.import_from(hostile) is None
    shown.append(exports.last_message)
    assert exports.share_to(tmp_path / "ok.commap", "full") == [tmp_path / "ok.commap"]
    shown.append(exports.last_message)
    for box in shown:
        assert_shown_as_typed(box)
    # A name is shown with its tags, as it is called.
    assert "<b>file&amp;.txt/map.png" in shown[0].informativeText()
    assert shown[4].text() == "Cannot import <i>bomb.graphml"
    assert "XML entities" in shown[4].informativeText()


def test_share_a_pseudonymised_copy_with_its_key_beside_it(make_window, tmp_path):
    window = make_window()

    def choose(dialog):
        assert isinstance(dialog, ShareDialog)
        dialog.buttons["pseudonymised"].click()
        dialog.accept()

    out = tmp_path / "shared.commap"
    answer(choose, save_as(out))
    window.exports.share_action.trigger()
    key = tmp_path / "shared.key.json"
    assert out.exists() and key.exists()
    assert names_in(window.session.doc, out.read_bytes()) == []
    copy = load_map(out)
    assert len(copy.nodes) == len(window.session.doc.nodes)
    assert set(json.loads(key.read_text())["pseudonyms"].values()) >= {"Ana", "Tom"}
    message = window.exports.last_message.text()
    assert str(out) in message and str(key) in message and "Keep it to yourself" in message


def test_share_communities_only(make_window, tmp_path):
    window = make_window()
    written = window.exports.share_to(tmp_path / "places.commap", "communities")
    assert written == [tmp_path / "places.commap"]
    kinds = {node.kind for node in load_map(written[0]).nodes}
    assert NodeKind.PERSON not in kinds and NodeKind.ME not in kinds
    assert not (tmp_path / "places.key.json").exists()


def test_share_a_room_map_pseudonymised_keeps_it_a_room_map(window_on, tmp_path):
    from commapper.workshop.room_analysis import analyse_room
    from tests.io.test_safe_copy import room_map

    room = room_map()
    window = window_on(room)
    out = tmp_path / "room.commap"
    assert window.exports.share_to(out, "pseudonymised") == [out, tmp_path / "room.key.json"]
    assert names_in(room, out.read_bytes()) == []
    assert "bo-li" not in out.read_text(encoding="utf-8")
    copy = load_map(out)
    ids = {node.id for node in copy.nodes}
    assert all(
        set(item.attributes["room:from"].split()) <= ids for item in (*copy.nodes, *copy.edges)
    )
    assert len(analyse_room(copy).breadth) == 3


def test_the_share_dialog_explains_each_level(qtbot):
    from PySide6.QtWidgets import QLabel

    from commapper.ui.export.dialogs import SHARE_LEVELS

    dialog = ShareDialog()
    qtbot.addWidget(dialog)
    assert dialog.level() == "pseudonymised"  # the safe choice first
    dialog.buttons["communities"].click()
    assert dialog.level() == "communities"
    shown = [label.text() for label in dialog.findChildren(QLabel)]
    for level, name, explanation in SHARE_LEVELS:
        assert dialog.buttons[level].text() == name
        assert explanation in shown


def test_print_preview_shows_the_map_on_one_page(make_window):
    from PySide6.QtPrintSupport import QPrintPreviewDialog, QPrintPreviewWidget

    window = make_window()
    seen = []

    def look(dialog):
        assert isinstance(dialog, QPrintPreviewDialog)
        preview = dialog.findChild(QPrintPreviewWidget)
        preview.updatePreview()
        seen.append(preview.pageCount())
        dialog.reject()

    answer(look)
    window.exports.preview_action.trigger()
    assert seen == [1]


def test_on_the_welcome_screen_only_import_is_offered(make_window, tmp_path):
    window = make_window(None, show_welcome=True)
    exports = window.exports
    assert exports.import_action.isEnabled()
    assert not any(a.isEnabled() for a in exports.actions if a is not exports.import_action)
    source = tmp_path / "kite.graphml"
    nx.write_graphml(nx.krackhardt_kite_graph(), source)
    assert exports.import_from(source) is window  # the welcome screen gives way to the map
    assert all(action.isEnabled() for action in exports.actions)


@needs_poppler
def test_a_room_map_is_exported_and_reported_with_names_hidden_at_first(window_on, tmp_path):
    from tests.io.test_safe_copy import room_map

    room = room_map()
    window = window_on(room)
    out = tmp_path / "room.svg"
    checked = []

    def options(dialog):
        assert isinstance(dialog, PictureOptionsDialog)
        checked.append(dialog.hide_names.isChecked())
        dialog.theme.setCurrentIndex(dialog.theme.findData("light"))
        dialog.accept()

    left = answer(save_as(out), options)
    window.exports.export_action.trigger()
    assert not left and checked == [True]
    texts = " ".join(svg_texts(out))
    assert names_in(room, texts.encode()) == [] and "Participant 1" in texts
    report = window.exports.report_to(tmp_path / "room.pdf")
    text = pdf_text(report)
    assert names_in(room, text.encode()) == [] and "The room: 3 participants" in text


def test_a_map_of_ones_own_is_exported_with_names_shown_at_first(make_window):
    window = make_window()
    assert window.exports.names_hidden_at_first() is False
