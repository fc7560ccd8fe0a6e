"""Saving replaces the file the user chose, as it was: through links, with its owner and mode,
asking before a read-only file, and tidying what killed saves left behind."""

import os
import signal
import stat
import subprocess
import sys
import textwrap
import time

import pytest

from commapper.io import MapFileError, ReadOnlyFileError, load_map, save_map
from commapper.io.atomic import STALE_AFTER_SECONDS, atomic_write, backup_path
from commapper.model import MapDocument


def test_saving_through_a_symbolic_link_replaces_the_file_it_leads_to(tmp_path):
    target = tmp_path / "real" / "m.commap"
    target.parent.mkdir()
    save_map(MapDocument.new("old"), target)
    link = tmp_path / "link.commap"
    link.symlink_to(os.path.relpath(target, tmp_path))
    save_map(MapDocument.new("new"), link)
    assert link.is_symlink() and load_map(target).title == "new"
    assert load_map(backup_path(target)).title == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link.commap", "real"]


def test_a_read_only_file_is_not_replaced_unless_asked(tmp_path):
    path = tmp_path / "m.commap"
    save_map(MapDocument.new("old"), path)
    path.chmod(0o444)
    before = path.read_bytes()
    with pytest.raises(ReadOnlyFileError) as caught:
        save_map(MapDocument.new("new"), path)
    assert isinstance(caught.value, MapFileError)
    assert caught.value.lines() == ["the file is read-only, so it was not replaced"]
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["m.commap"]
    save_map(MapDocument.new("new"), path, replace_read_only=True)
    assert load_map(path).title == "new"
    assert stat.S_IMODE(path.stat().st_mode) == 0o444  # still read-only, as the user had it


@pytest.mark.skipif(os.geteuid() != 0, reason="only the administrator may give files away")
def test_another_users_file_keeps_its_owner_and_group(tmp_path):
    path = tmp_path / "m.commap"
    save_map(MapDocument.new("theirs"), path)
    os.chown(path, 4321, 8765)
    save_map(MapDocument.new("edited"), path)
    info = path.stat()
    assert (info.st_uid, info.st_gid, load_map(path).title) == (4321, 8765, "edited")


def test_a_new_file_gets_the_permissions_the_umask_gives(tmp_path):
    old_umask = os.umask(0o027)
    try:
        save_map(MapDocument.new(), tmp_path / "m.commap")
    finally:
        os.umask(old_umask)
    assert stat.S_IMODE((tmp_path / "m.commap").stat().st_mode) == 0o640


def test_saving_never_changes_the_process_umask(tmp_path):
    """Setting the umask to 0, even for a moment, lets other threads create files anyone may
    write; the profiler sees every call of os.umask made while saving."""
    umask_calls = []

    def watch(frame, event, argument):
        if event == "c_call" and argument is os.umask:
            umask_calls.append(frame.f_code.co_name)

    sys.setprofile(watch)
    try:
        save_map(MapDocument.new(), tmp_path / "new.commap")
        save_map(MapDocument.new(), tmp_path / "new.commap")
    finally:
        sys.setprofile(None)
    assert umask_calls == []


def _age(path, seconds):
    past = time.time() - seconds
    os.utime(path, (past, past))


def test_a_save_removes_what_killed_saves_of_the_same_file_left_behind(tmp_path):
    path = tmp_path / "m.commap"
    save_map(MapDocument.new("old"), path)
    stale = tmp_path / ".m.commap.a1b2c3d4.tmp"
    fresh = tmp_path / ".m.commap.e5f6a7b8.tmp"  # perhaps a save still being written
    other_map = tmp_path / ".other.commap.a1b2c3d4.tmp"
    not_ours = tmp_path / ".m.commap.notes.tmp"
    for leftover in (stale, fresh, other_map, not_ours):
        leftover.write_bytes(b"{")
    for leftover in (stale, other_map, not_ours):
        _age(leftover, STALE_AFTER_SECONDS + 60)
    save_map(MapDocument.new("new"), path)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        ["m.commap", "m.commap.bak", fresh.name, other_map.name, not_ours.name]
    )


def test_a_temporary_file_held_by_a_living_save_is_left_alone(tmp_path):
    """A slow save in another process (a stalled network drive) holds its temporary file."""
    path = tmp_path / "m.commap"
    held = tmp_path / ".m.commap.0123abcd.tmp"
    held.write_bytes(b"{")
    _age(held, STALE_AFTER_SECONDS + 60)
    holder = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(
            f"""
            import fcntl, os, sys
            descriptor = os.open({str(held)!r}, os.O_WRONLY)
            fcntl.flock(descriptor, fcntl.LOCK_EX)
            print("holding", flush=True)
            sys.stdin.readline()
            """
        )],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )  # fmt: skip
    try:
        assert holder.stdout.readline() == "holding\n"
        save_map(MapDocument.new(), path)
        assert held.exists()
    finally:
        holder.communicate("done\n", timeout=10)
    save_map(MapDocument.new(), path)
    assert not held.exists()


def test_a_killed_save_leaves_the_old_file_and_the_next_save_tidies_up(tmp_path):
    """Killed mid-write by the system: past its file size limit a process gets SIGXFSZ."""
    path = tmp_path / "m.commap"
    save_map(MapDocument.new("old"), path)
    script = textwrap.dedent(
        f"""
        import resource, signal
        from commapper.io import save_map
        from commapper.model import MapDocument
        signal.signal(signal.SIGXFSZ, signal.SIG_DFL)  # Python ignores it; the system kills
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
        resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))
        doc = MapDocument.new("new"); doc.description = "x" * 20000
        save_map(doc, {str(path)!r})
        """
    )
    killed = subprocess.run([sys.executable, "-c", script], cwd=tmp_path)
    assert killed.returncode == -signal.SIGXFSZ
    (leftover,) = tmp_path.glob(".m.commap.*.tmp")
    assert load_map(path).title == "old"
    _age(leftover, STALE_AFTER_SECONDS + 1)
    atomic_write(path, path.read_bytes())
    assert sorted(p.name for p in tmp_path.iterdir()) == ["m.commap", "m.commap.bak"]
