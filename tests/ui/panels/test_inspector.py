"""The inspector: typing into its real widgets edits the document as one undoable step."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from commapper.model import Level, Mode, Stage, UpdateItem
from commapper.ui.panels.inspector import Inspector
from commapper.ui.panels.inspector_fields import MIXED_TEXT


@pytest.fixture
def inspector(qtbot, session):
    widget = Inspector(session)
    qtbot.addWidget(widget)
    widget.resize(340, 700)
    widget.show()
    return widget


def type_into(qtbot, line, text):
    line.setFocus()
    line.selectAll()
    qtbot.keyClick(line, Qt.Key.Key_Delete)
    qtbot.keyClicks(line, text)


def test_typing_a_label_is_one_undo_step_and_undo_restores_the_document(qtbot, session, inspector):
    before = session.doc.content()
    session.selection.set(["c1"])
    type_into(qtbot, inspector.fields["label"].line, "Educators")
    assert session.doc.node("c1").label == "Educators"
    assert session.undo_stack.count() == 1
    assert inspector.fields["label"].line.text() == "Educators"  # typing was not clobbered
    session.undo_stack.undo()
    assert session.doc.content() == before
    assert inspector.fields["label"].line.text() == "Nurse educators"


def test_fields_follow_the_kind_and_show_plain_values(session, inspector):
    session.selection.set(["c1"])
    assert {"domain", "sector", "inside_org", "stage"} <= set(inspector.fields)
    assert inspector.fields["kind"].line.isReadOnly()
    assert inspector.fields["sector"].combo.currentText() == "health"
    assert inspector.fields["stage"].combo.currentText() == "active"
    session.selection.set(["e6"])
    assert {"level", "modes", "since", "until"} <= set(inspector.fields)
    assert inspector.fields["source"].line.text() == "Sam (me)"
    session.selection.set([])
    assert inspector.fields["title"].line.text() == session.doc.title
    assert inspector.heading.textFormat() == Qt.TextFormat.PlainText


def test_choices_check_boxes_and_sector_suggestions_edit_the_document(qtbot, session, inspector):
    session.selection.set(["c1"])
    sector = inspector.fields["sector"].combo
    suggestions = [sector.itemText(i) for i in range(sector.count())]
    assert suggestions[:3] == ["work", "civic", "education"]
    type_into(qtbot, sector.lineEdit(), "care")
    assert session.doc.node("c1").sector == "care"
    stage = inspector.fields["stage"].combo
    stage.activated.emit(0)  # "none", as chosen by the user
    assert session.doc.node("c1").stage is None
    session.selection.set(["e6"])
    qtbot.mouseClick(inspector.fields["modes"].boxes[Mode.ALIGNMENT], Qt.MouseButton.LeftButton)
    assert session.doc.edge("e6").modes == (Mode.ENGAGEMENT, Mode.IMAGINATION, Mode.ALIGNMENT)
    level = inspector.fields["level"].combo
    level.setCurrentIndex(0)
    level.activated.emit(0)
    assert session.doc.edge("e6").level == Level.CORE
    assert session.undo_stack.count() == 4


def test_the_wheel_scrolls_past_a_choice_until_it_is_clicked(qtbot, session, inspector, wheel_down):
    session.selection.set(["c1"])
    stage = inspector.fields["stage"].combo
    inspector.setFocus()
    wheel_down(stage)
    assert session.doc.node("c1").stage == Stage.ACTIVE and session.undo_stack.count() == 0
    stage.setFocus()
    qtbot.waitUntil(stage.hasFocus)
    wheel_down(stage)
    assert session.doc.node("c1").stage == Stage.DISPERSED and session.undo_stack.count() == 1


def test_an_invalid_date_shows_a_hint_and_changes_nothing(qtbot, session, inspector):
    session.selection.set(["e6"])
    before = session.doc.content()
    since = inspector.fields["since"]
    type_into(qtbot, since.line, "2022-13")
    qtbot.keyClick(since.line, Qt.Key.Key_Return)
    assert since.hint.isVisible() and since.line.text() == "2022-13"
    assert session.doc.content() == before and session.undo_stack.count() == 0
    qtbot.keyClick(since.line, Qt.Key.Key_Backspace)
    qtbot.keyClick(since.line, Qt.Key.Key_Backspace)
    qtbot.keyClicks(since.line, "11")
    assert not since.hint.isVisible()
    assert session.doc.content() == before  # a date is committed as a whole
    qtbot.keyClick(since.line, Qt.Key.Key_Return)
    assert session.doc.edge("e6").since == "2022-11"
    assert session.undo_stack.count() == 1


def test_clearing_a_date_and_leaving_the_field_removes_it(qtbot, session, inspector):
    session.selection.set(["e6"])
    type_into(qtbot, inspector.fields["until"].line, "")
    inspector.fields["label"].line.setFocus()
    qtbot.waitUntil(lambda: session.doc.edge("e6").until is None)


def test_an_edit_of_several_communities_is_one_step(qtbot, session, inspector):
    session.selection.set(["c1", "c2", "c5"])
    assert "label" not in inspector.fields and "sector" in inspector.fields
    assert inspector.heading.text() == "3 communities selected"
    assert inspector.fields["domain"].combo.lineEdit().placeholderText() == MIXED_TEXT
    before = session.doc.content()
    type_into(qtbot, inspector.fields["sector"].combo.lineEdit(), "care")
    assert {session.doc.node(c).sector for c in ("c1", "c2", "c5")} == {"care"}
    assert session.undo_stack.count() == 1
    assert session.undo_stack.undoText() == "Change sector of 3 communities"
    session.undo_stack.undo()
    assert session.doc.content() == before


def test_modes_on_several_memberships_add_one_mode_to_each(qtbot, session, inspector):
    session.selection.set(["e1", "e2"])
    box = inspector.fields["modes"].boxes[Mode.ENGAGEMENT]
    assert box.checkState() == Qt.CheckState.PartiallyChecked
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton)
    assert session.doc.edge("e1").modes == (Mode.ENGAGEMENT, Mode.ALIGNMENT)
    assert session.doc.edge("e2").modes == (Mode.IMAGINATION, Mode.ENGAGEMENT)
    assert session.undo_stack.count() == 1
    assert box.checkState() == Qt.CheckState.Checked


def test_a_change_made_elsewhere_refreshes_the_fields(qtbot, session, inspector):
    session.selection.set(["c1"])
    with qtbot.waitSignal(session.document_changed):
        session.edit(UpdateItem("c1", {"stage": Stage.DISPERSED, "domain": "nursing"}), "Other")
    assert inspector.fields["stage"].combo.currentText() == "dispersed"
    assert inspector.fields["domain"].combo.currentText() == "nursing"


def test_tags_notes_weight_and_via(qtbot, session, inspector):
    session.selection.set(["o1"])
    type_into(qtbot, inspector.fields["tags"].line, "document, shared")
    assert session.doc.node("o1").tags == ("document", "shared")
    notes = inspector.fields["notes"].edit
    notes.setFocus()
    qtbot.keyClicks(notes, "<b>bold?</b>")
    assert session.doc.node("o1").notes == "<b>bold?</b>"
    assert session.undo_stack.count() == 2
    session.selection.set(["e40"])
    spin = inspector.fields["weight"].spin
    spin.setFocus()
    spin.selectAll()
    qtbot.keyClicks(spin, "4.5")
    assert session.doc.edge("e40").weight == 4.5
    session.selection.set(["e35"])
    via = inspector.fields["via"].list
    marco = next(via.item(r) for r in range(via.count()) if via.item(r).data(256) == "p2")
    marco.setCheckState(Qt.CheckState.Checked)
    assert session.doc.edge("e35").via == ("p1", "p2")


def test_colour_is_chosen_in_a_dialog_and_cleared(qtbot, session, inspector, monkeypatch):
    monkeypatch.setattr(
        "commapper.ui.panels.inspector_fields.QColorDialog.getColor",
        lambda *args: QColor("#123456"),
    )
    session.selection.set(["c1"])
    colour = inspector.fields["color"]
    qtbot.mouseClick(colour.choose, Qt.MouseButton.LeftButton)
    assert session.doc.node("c1").color == "#123456"
    assert colour.clear.isEnabled()
    qtbot.mouseClick(colour.clear, Qt.MouseButton.LeftButton)
    assert session.doc.node("c1").color is None


def test_attributes_table_adds_types_and_removes_values(qtbot, session, inspector):
    session.selection.set(["p1"])
    field = inspector.fields["attributes"]
    qtbot.mouseClick(field.add, Qt.MouseButton.LeftButton)
    assert session.doc.node("p1").attributes == {"attribute": None}
    field.table.item(0, 1).setText("42")
    assert session.doc.node("p1").attributes == {"attribute": 42}
    field.table.item(0, 0).setText("years")
    field.table.item(0, 1).setText("true")
    assert session.doc.node("p1").attributes == {"years": True}
    field.table.setCurrentCell(0, 0)
    qtbot.mouseClick(field.remove, Qt.MouseButton.LeftButton)
    assert session.doc.node("p1").attributes == {}


def test_map_title_is_edited_when_nothing_is_selected(qtbot, session, inspector):
    session.selection.set([])
    type_into(qtbot, inspector.fields["title"].line, "Mine")
    assert session.doc.title == "Mine"
    assert session.undo_stack.count() == 1


def test_a_refused_edit_shows_its_message(qtbot, session, inspector):
    session.selection.set(["c1"])
    with qtbot.waitSignal(session.edit_refused):
        type_into(qtbot, inspector.fields["tags"].line, "x" * 201)
    assert inspector.message.isVisible()
    assert inspector.message.text() == "Not changed: tags[0]: is too long: at most 200 characters"


def test_labels_have_buddies_and_widgets_have_accessible_names(session, inspector):
    from PySide6.QtWidgets import QLabel

    session.selection.set(["e6"])
    labels = inspector.scroll_area.widget().findChildren(QLabel)
    buddies = {label.buddy() for label in labels if label.buddy() is not None}
    for name, field in inspector.fields.items():
        assert field.focus in buddies, name
        assert field.focus.accessibleName(), name


def test_a_label_stops_at_its_limit_and_a_long_one_is_cut_in_the_heading(qtbot, session, inspector):
    session.selection.set(["c1"])
    line = inspector.fields["label"].line
    type_into(qtbot, line, "x" * 520)
    assert session.doc.node("c1").label == "x" * 500 and line.text() == "x" * 500
    assert inspector.message.isHidden()  # nothing was refused: typing just stopped
    assert len(inspector.heading.text()) < 100 and inspector.heading.text().endswith("…")


def test_the_history_names_what_one_edit_changed(qtbot, session, inspector):
    session.selection.set(["c1"])
    type_into(qtbot, inspector.fields["sector"].combo.lineEdit(), "care")
    assert session.undo_stack.undoText() == "Change sector of Nurse educators"
    type_into(qtbot, inspector.fields["label"].line, "Educators")
    assert session.undo_stack.undoText() == "Rename Nurse educators"
    session.selection.set(["e1"])
    type_into(qtbot, inspector.fields["since"].line, "2017")
    inspector.fields["label"].line.setFocus()
    qtbot.waitUntil(lambda: session.doc.edge("e1").since == "2017")
    assert session.undo_stack.undoText() == "Change since of Sam – Educators"


def test_choices_are_plain_words_not_stored_values(session, inspector):
    crossing = next(edge.id for edge in session.doc.edges if edge.kind == "crossing")
    session.selection.set([crossing])
    combo = inspector.fields["means"].combo
    words = [combo.itemText(index) for index in range(combo.count())]
    assert "boundary object" in words and not [word for word in words if "_" in word]


def test_a_crossings_label_is_what_was_learned(qtbot, session, inspector):
    from PySide6.QtWidgets import QLabel

    crossing = next(edge for edge in session.doc.edges if edge.kind == "crossing")
    session.selection.set([crossing.id])
    labels = [label.text() for label in inspector.findChildren(QLabel)]
    assert "What was &learned" in labels and "&Label" not in labels
    type_into(qtbot, inspector.fields["label"].line, "triage habits")
    source, target = (session.doc.node(n).label for n in (crossing.source, crossing.target))
    assert session.undo_stack.undoText() == (f"Change what was learned across {source} – {target}")
    session.selection.set(["c1"])  # a community's label is still its name
    assert "&Label" in [label.text() for label in inspector.findChildren(QLabel)]
