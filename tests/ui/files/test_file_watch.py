"""The file watcher: other programs' writes, renames and deletions are reported; ours are not."""

import os

from commapper.io import load_map, save_map
from commapper.model import UpdateItem
from commapper.resources import DEFAULT_EXAMPLE
from commapper.ui.files.file_watch import FileWatcher
from commapper.ui.session import MapSession


def watched_copy(qtbot, tmp_path):
    path = tmp_path / "map.commap"
    path.write_bytes(DEFAULT_EXAMPLE.read_bytes())
    watcher = FileWatcher(settle_ms=10)
    watcher.watch(path)
    return watcher, path


def test_an_external_write_is_reported(qtbot, tmp_path):
    watcher, path = watched_copy(qtbot, tmp_path)
    with qtbot.waitSignal(watcher.changed_on_disk) as changed, path.open("a") as stream:
        stream.write("\n")
    assert changed.args == [path.resolve()]


def test_an_atomic_rename_over_the_file_is_reported_and_still_watched(qtbot, tmp_path):
    watcher, path = watched_copy(qtbot, tmp_path)
    for label in ("First", "Second"):  # the second proves the watch survived the first
        replacement = tmp_path / ".map.commap.tmp"
        replacement.write_bytes(DEFAULT_EXAMPLE.read_bytes() + label.encode())
        with qtbot.waitSignal(watcher.changed_on_disk) as changed:
            os.replace(replacement, path)
        assert changed.args[0].read_bytes().endswith(label.encode())


def test_a_deletion_is_reported_and_the_file_coming_back_too(qtbot, tmp_path):
    watcher, path = watched_copy(qtbot, tmp_path)
    with qtbot.waitSignal(watcher.changed_on_disk) as changed:
        path.unlink()
    assert not changed.args[0].exists()
    with qtbot.waitSignal(watcher.changed_on_disk) as changed:
        path.write_bytes(DEFAULT_EXAMPLE.read_bytes())
    assert changed.args[0].exists()


def test_our_own_saves_are_not_reported(qtbot, tmp_path):
    watcher, path = watched_copy(qtbot, tmp_path)
    session = MapSession(load_map(path), path)
    for label in ("One", "Two"):
        session.edit(UpdateItem(session.doc.nodes[0].id, {"label": label}), "Rename")
        with qtbot.assertNotEmitted(watcher.changed_on_disk, wait=200):
            session.save()  # atomic: writes a temporary file and a backup, renames over
            watcher.note_own_save()
    # Our saves did not cost the watch: a later external change is still reported.
    with qtbot.waitSignal(watcher.changed_on_disk):
        save_map(load_map(DEFAULT_EXAMPLE), path)


def test_unwatch_stops_reporting(qtbot, tmp_path):
    watcher, path = watched_copy(qtbot, tmp_path)
    watcher.unwatch()
    assert watcher.path is None
    with qtbot.assertNotEmitted(watcher.changed_on_disk, wait=100):
        path.write_text("changed")
