"""A room as the app keeps it: files read from a folder, broken ones listed, decisions undone."""

from __future__ import annotations

from commapper.io import save_map
from commapper.workshop.provenance import ROOM_COUNT
from commapper.workshop.room import (
    ParticipantFile,
    Room,
    load_participant,
    merge_room,
    room_files,
)
from tests.workshop.test_merge import participant


def write(folder, name, *communities, people=()):
    path = folder / f"{name.lower()}.commap"
    save_map(participant(name, communities, people).document, path)
    return path


def test_a_broken_file_is_listed_and_the_rest_merged(tmp_path):
    write(tmp_path, "Ana", "Choir")
    write(tmp_path, "Bo", "choir")
    (tmp_path / "cy.commap").write_text('{"format": "commapper-map", "nodes": [', "utf-8")
    (tmp_path / ".ana.commap.1234.tmp").write_text("half a save", "utf-8")
    (tmp_path / "notes.txt").write_text("not a map", "utf-8")
    room = Room()
    for path in room_files(tmp_path):
        room = room.with_file(load_participant(path))
    assert [file.name for file in room.files] == ["ana", "bo", "cy"]
    assert [file.name for file in room.broken] == ["cy"]
    merged = merge_room(room)
    assert merged.broken == (str(tmp_path / "cy.commap"),)
    assert merged.problems[0].source == str(tmp_path / "cy.commap")
    assert "ends too early" in merged.problems[0].message
    (choir,) = [node for node in merged.document.nodes if node.kind == "community"]
    assert choir.attributes[ROOM_COUNT] == 2


def test_a_changed_file_takes_its_place_and_keeps_every_id(tmp_path):
    ana = write(tmp_path, "Ana", "Choir")
    bo = write(tmp_path, "Bo", "Chess club")
    room = Room().with_file(load_participant(ana)).with_file(load_participant(bo))
    first = merge_room(room)
    write(tmp_path, "Ana", "Choir", "Chess club")  # Ana adds a community Bo has
    room = room.with_file(load_participant(ana))
    assert [file.path for file in room.files] == [str(ana), str(bo)]
    second = merge_room(room, previous=first.document)
    assert {node.id for node in first.document.nodes} == {node.id for node in second.document.nodes}
    assert second.document.node("c:chess-club").attributes[ROOM_COUNT] == 2
    gone = merge_room(room.without_file(bo))
    assert "p:bo" not in gone.document


def test_accepting_rejecting_and_undoing_a_suggestion(tmp_path):
    room = Room()
    for name, community in (("Ana", "Python meetup"), ("Bo", "Pyton meetup")):
        room = room.with_file(load_participant(write(tmp_path, name, community)))
    (suggestion,) = merge_room(room).suggestions
    accepted = room.accepting(suggestion.match)
    assert len([n for n in merge_room(accepted).document.nodes if n.kind == "community"]) == 1
    rejected = accepted.rejecting(suggestion.match)
    assert merge_room(rejected).suggestions == ()
    assert merge_room(rejected.undeciding(suggestion.match)).suggestions == (suggestion,)
    # Each change is a new room; the old one is the undo step.
    assert room.decisions != accepted.decisions


def test_an_anonymised_room_keeps_its_pseudonyms_as_files_come(tmp_path):
    ana, bo = write(tmp_path, "Ana"), write(tmp_path, "Bo")
    room = Room().anonymised().with_file(load_participant(ana))
    first = merge_room(room)
    room = room.remembering(first).without_file(ana).with_file(load_participant(bo))
    second = merge_room(room)
    assert [node.label for node in second.document.nodes] == ["Participant 2"]


def test_a_file_that_is_missing_is_a_problem_not_a_stop(tmp_path):
    file = load_participant(tmp_path / "gone.commap")
    assert file.document is None and file.problems
    room = Room().with_file(file).with_file(ParticipantFile("x", participant("Ana").document))
    merged = merge_room(room)
    assert [node.label for node in merged.document.nodes] == ["Ana"]
