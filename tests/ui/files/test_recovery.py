"""Autosave and recovery: written only when unsaved, offered after a real crash, never raising."""

import json
import os
import subprocess
import sys
import textwrap
import threading

import pytest

from commapper.io import MapFileError, load_map
from commapper.model import UpdateItem
from commapper.resources import DEFAULT_EXAMPLE
from commapper.ui.files.recovery import Autosaver, RecoveryStore, recover_into
from commapper.ui.session import MapSession

# A separate Commapper process: it opens the example, renames its first node, autosaves to the
# folder given as argv[1], says so, then waits for a line on stdin and (on "crash") dies with no
# clean-up, as a crash would.
CHILD = textwrap.dedent(
    """
    import os, sys
    from pathlib import Path
    from PySide6.QtCore import QCoreApplication
    from commapper.io import load_map
    from commapper.model import UpdateItem
    from commapper.resources import DEFAULT_EXAMPLE
    from commapper.ui.files.recovery import Autosaver, RecoveryStore
    from commapper.ui.session import MapSession

    app = QCoreApplication([])
    session = MapSession(load_map(DEFAULT_EXAMPLE), DEFAULT_EXAMPLE)
    node = session.doc.nodes[0]
    session.edit(UpdateItem(node.id, {"label": "Renamed before the crash"}), "Rename")
    autosaver = Autosaver(session, RecoveryStore(Path(sys.argv[1])))
    assert autosaver.autosave_now()
    print(autosaver.key, flush=True)
    sys.stdin.readline()
    os._exit(1)
    """
)


def start_child(folder):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(folder)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    )
    key = child.stdout.readline().strip()  # blocks until the autosave is on disk
    assert key, "the child process failed before autosaving"
    return child, key


def edited_example():
    doc = load_map(DEFAULT_EXAMPLE)
    session = MapSession(doc, DEFAULT_EXAMPLE)
    session.edit(UpdateItem(doc.nodes[0].id, {"label": "Renamed before the crash"}), "Rename")
    return session


def test_autosave_writes_only_while_the_map_has_unsaved_changes(qtbot, tmp_path):
    session = MapSession(load_map(DEFAULT_EXAMPLE), DEFAULT_EXAMPLE)
    store = RecoveryStore(tmp_path / "recovery")
    autosaver = Autosaver(session, store)
    assert not autosaver.autosave_now()  # just opened: the file holds it all
    assert not store.map_path(autosaver.key).exists()

    session.edit(UpdateItem(session.doc.nodes[0].id, {"label": "Changed"}), "Rename")
    with qtbot.waitSignal(autosaver.saved):
        assert autosaver.autosave_now()
    written = store.map_path(autosaver.key)
    assert load_map(written).content() == session.doc.content()  # a normal map file
    stamp = written.stat().st_mtime_ns

    assert not autosaver.autosave_now()  # nothing changed since
    assert written.stat().st_mtime_ns == stamp


def test_the_timer_autosaves_after_an_edit(qtbot, tmp_path):
    session = MapSession(load_map(DEFAULT_EXAMPLE), DEFAULT_EXAMPLE)
    autosaver = Autosaver(session, RecoveryStore(tmp_path), interval_ms=20)
    with qtbot.waitSignal(autosaver.saved):
        session.edit(UpdateItem(session.doc.nodes[0].id, {"label": "Changed"}), "Rename")
    sidecar = json.loads((tmp_path / f"{autosaver.key}.json").read_text())
    assert sidecar["original_path"] == str(DEFAULT_EXAMPLE.resolve())
    assert sidecar["pid"] == os.getpid()


def test_the_timers_autosave_is_written_beside_the_window_from_the_map_as_it_was(qtbot, tmp_path):
    """Serialising a room map on the window's thread stalled it 0.25 s a minute: the timer's
    autosaves are written on a thread of their own, from a snapshot of the map."""
    session = MapSession(load_map(DEFAULT_EXAMPLE), DEFAULT_EXAMPLE)
    store = RecoveryStore(tmp_path)
    autosaver = Autosaver(session, store, interval_ms=20)
    threads, in_flight, go_on = [], threading.Event(), threading.Event()
    write_files = store.write_files

    def held_write(*args):
        threads.append(threading.current_thread())
        in_flight.set()
        go_on.wait(timeout=30)
        write_files(*args)

    store.write_files = held_write
    node_id = session.doc.nodes[0].id
    session.edit(UpdateItem(node_id, {"label": "Autosaved"}), "Rename")
    qtbot.waitUntil(in_flight.is_set)
    session.edit(UpdateItem(node_id, {"label": "After the snapshot"}), "Rename")
    with qtbot.waitSignal(autosaver.saved):
        go_on.set()
    assert threads and threads[0] is not threading.main_thread()
    assert load_map(store.map_path(autosaver.key)).node(node_id).label == "Autosaved"
    # The edit made meanwhile is autosaved by the next tick.
    with qtbot.waitSignal(autosaver.saved):
        pass
    assert load_map(store.map_path(autosaver.key)).node(node_id).label == "After the snapshot"
    autosaver.close()


def test_a_save_while_an_autosave_is_written_leaves_no_entry(qtbot, tmp_path):
    session = MapSession(load_map(DEFAULT_EXAMPLE), None)
    store = RecoveryStore(tmp_path / "recovery")
    autosaver = Autosaver(session, store, interval_ms=20)
    in_flight, go_on = threading.Event(), threading.Event()
    write_files = store.write_files

    def held_write(*args):
        in_flight.set()
        go_on.wait(timeout=30)
        write_files(*args)

    store.write_files = held_write
    session.edit(UpdateItem(session.doc.nodes[0].id, {"label": "Changed"}), "Rename")
    qtbot.waitUntil(in_flight.is_set)
    session.save(tmp_path / "mine.commap")
    go_on.set()
    qtbot.waitUntil(lambda: autosaver._writing is None)
    assert list((tmp_path / "recovery").iterdir()) == []
    autosaver.close()


def test_an_autosave_thread_that_fails_unexpectedly_is_reported_and_the_next_one_writes(
    qtbot, tmp_path
):
    session = MapSession(load_map(DEFAULT_EXAMPLE), None)
    store = RecoveryStore(tmp_path)
    autosaver = Autosaver(session, store, interval_ms=20)
    write_files, calls = store.write_files, []

    def fails_once(*args):
        calls.append(args)
        if len(calls) == 1:
            raise RuntimeError("unforeseen")
        write_files(*args)

    store.write_files = fails_once
    with qtbot.waitSignal(autosaver.failed) as failed:
        session.edit(UpdateItem(session.doc.nodes[0].id, {"label": "Changed"}), "Rename")
    assert "unexpected" in failed.args[0]
    with qtbot.waitSignal(autosaver.saved, timeout=10_000):
        pass  # the next tick writes what was not saved
    assert store.map_path(autosaver.key).exists()
    autosaver.close()


def test_an_autosave_asked_for_while_one_fails_waits_for_it_and_writes_what_it_could_not(
    qtbot, tmp_path
):
    session = MapSession(load_map(DEFAULT_EXAMPLE), None)
    store = RecoveryStore(tmp_path)
    autosaver = Autosaver(session, store, interval_ms=20)
    in_flight, go_on = threading.Event(), threading.Event()
    write_files, told = store.write_files, []
    autosaver.failed.connect(lambda reason: told.append(("failed", reason)))
    autosaver.saved.connect(lambda: told.append(("saved", "")))

    def fails_when_let_go(*args):
        in_flight.set()
        go_on.wait(timeout=30)
        raise OSError(28, "No space left on device")

    store.write_files = fails_when_let_go
    session.edit(UpdateItem(session.doc.nodes[0].id, {"label": "Changed"}), "Rename")
    qtbot.waitUntil(in_flight.is_set)
    store.write_files = write_files
    threading.Timer(0.1, go_on.set).start()
    assert autosaver.autosave_now()  # as after a recovery: waits, then writes it all
    assert load_map(store.map_path(autosaver.key)).nodes[0].label == "Changed"
    qtbot.wait(100)  # the window's next look at the thread changes nothing now
    assert [what for what, _ in told] == ["failed", "saved"]
    assert "No space left" in told[0][1]
    autosaver.close()


def test_saving_and_closing_remove_the_entry(qtbot, tmp_path):
    session = MapSession(load_map(DEFAULT_EXAMPLE), None)
    store = RecoveryStore(tmp_path / "recovery")
    autosaver = Autosaver(session, store)
    session.edit(UpdateItem(session.doc.nodes[0].id, {"label": "Changed"}), "Rename")
    assert autosaver.autosave_now()
    session.save(tmp_path / "mine.commap")
    assert list((tmp_path / "recovery").iterdir()) == []

    session.edit(UpdateItem(session.doc.nodes[0].id, {"label": "Again"}), "Rename")
    assert autosaver.autosave_now()  # unsaved again after the save: autosaved again
    autosaver.close()
    assert list((tmp_path / "recovery").iterdir()) == []
    assert not autosaver.autosave_now()


def test_a_failed_autosave_is_a_signal_not_an_exception(qtbot, tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the recovery folder should be")
    session = edited_example()
    autosaver = Autosaver(session, RecoveryStore(blocker / "recovery"))
    with qtbot.waitSignal(autosaver.failed) as failed:
        assert not autosaver.autosave_now()
    assert "Autosave failed" in failed.args[0]


def test_a_crashed_session_is_offered_and_recovers_the_edited_map(qtbot, tmp_path):
    child, key = start_child(tmp_path)
    assert RecoveryStore(tmp_path).pending() == []  # still running: its window is open
    child.communicate("crash\n")
    assert child.returncode == 1

    store = RecoveryStore(tmp_path)
    [entry] = store.pending()
    assert entry.key == key and entry.pid == child.pid and not entry.damaged
    assert entry.original_path == DEFAULT_EXAMPLE.resolve()
    assert entry.load().content() == edited_example().doc.content()
    # Claimed by this store, so a second Commapper starting now does not offer it too.
    assert RecoveryStore(tmp_path).pending() == []

    session = MapSession()
    recover_into(session, entry)
    assert session.is_modified and session.path == DEFAULT_EXAMPLE.resolve()
    assert session.doc.nodes[0].label == "Renamed before the crash"
    # The window autosaves the recovered map under its own key before dropping the old entry,
    # so a second crash at this moment loses nothing.
    autosaver = Autosaver(session, store)
    assert autosaver.autosave_now()
    store.discard(entry)
    assert sorted(path.stem for path in tmp_path.iterdir()) == [autosaver.key] * 3
    assert store.pending() == []
    autosaver.close()
    assert list(tmp_path.iterdir()) == []


def test_entries_of_this_process_are_not_offered(qtbot, tmp_path):
    store = RecoveryStore(tmp_path)
    autosaver = Autosaver(edited_example(), store)
    assert autosaver.autosave_now()
    assert store.pending() == []
    assert RecoveryStore(tmp_path).pending() == []


@pytest.mark.parametrize(
    ("map_bytes", "sidecar_bytes"),
    [
        (b'{"format": "commapper-map", "nodes": [', None),
        (b"\x00\xff garbage", b"{not json"),
        (None, b'{"format": "commapper-recovery", "key": "k1"}'),
    ],
    ids=["cut-off map", "garbage map and sidecar", "sidecar without a map"],
)
def test_a_damaged_entry_is_reported_not_raised(qtbot, tmp_path, map_bytes, sidecar_bytes):
    if map_bytes is not None:
        (tmp_path / "k1.commap").write_bytes(map_bytes)
    if sidecar_bytes is not None:
        (tmp_path / "k1.json").write_bytes(sidecar_bytes)
    (tmp_path / "not a key!.json").write_text("{}")  # not a name Commapper writes: ignored
    store = RecoveryStore(tmp_path)
    [entry] = store.pending()
    assert entry.damaged and "cannot be read" in entry.problem
    with pytest.raises(MapFileError):
        entry.load()
    store.discard(entry)
    assert [path.name for path in tmp_path.iterdir()] == ["not a key!.json"]


def test_a_sidecar_that_is_not_ours_still_lets_the_map_be_recovered(qtbot, tmp_path):
    source = edited_example()
    writer = RecoveryStore(tmp_path)
    writer.write("k2", source)
    del writer  # its lock goes with it: the entry is left behind as after a crash
    (tmp_path / "k2.json").write_text('["someone else\'s file"]')
    [entry] = RecoveryStore(tmp_path).pending()
    assert entry.original_path is None and entry.problem is not None
    assert entry.load().content() == source.doc.content()
