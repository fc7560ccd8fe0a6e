"""Autosave to a recovery folder, and finding what a crashed Commapper left behind there.

Each autosaved session has three files in the recovery folder, named by its session key:

- ``KEY.commap``: the document, a normal map file (it can be opened like any other);
- ``KEY.json``: a sidecar saying which file the map came from, its title, when and by whom it
  was written;
- ``KEY.lock``: a :class:`QLockFile` held by the process that autosaves the session.

The lock is what tells a crash from a window that is still open: the operating system keeps a
lock of a live process, and a dead process's lock is recognised as stale by its process id (and,
against a reused id, by the process name), on every platform Qt supports.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import re
import socket
import threading
import uuid
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QLockFile, QObject, QStandardPaths, QTimer, Signal

from commapper.io import FILE_SUFFIX, MapFileError, load_map, map_to_json, resolved
from commapper.io.atomic import atomic_write
from commapper.io.commap import map_json_yielding
from commapper.model import MapDocument, utc_now
from commapper.ui.session import MapSession

SIDECAR_FORMAT = "commapper-recovery"
SIDECAR_VERSION = 1
# Keys become file names: keep them to characters that are safe in a name on every platform.
_KEY_PATTERN = re.compile(r"[A-Za-z0-9_-]{1,64}")
# Far larger than any title or path; a bigger sidecar is not ours and is not worth reading.
_MAX_SIDECAR_BYTES = 64 * 1024
# How often the GUI thread looks whether an autosave being written is done. The writing thread
# touches no Qt object: a signal emitted from a Python thread crashed the test suite once.
WRITING_LOOK_MS = 50
# What the writing thread gives for a failure that is a bug (translated on the GUI thread).
_UNEXPECTED = object()


def default_recovery_folder() -> Path:
    """``<app local data>/recovery``; per application once ``create_application`` named it."""
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppLocalDataLocation)
    return Path(base) / "recovery"


@dataclass(frozen=True)
class RecoveryEntry:
    """One autosaved map left behind by a Commapper that did not close normally.

    Attributes
    ----------
    key
        The session key the entry was written under.
    map_path
        The autosaved ``.commap`` file.
    original_path
        The file the map was opened from or last saved to; None for a map never saved.
    title
        The map's title when it was autosaved ("" if it had none or the sidecar is unreadable).
    written
        When it was autosaved (UTC), or None if unknown.
    pid
        The process that wrote it, or None if unknown.
    problem
        None when the entry looks recoverable; otherwise a sentence saying what is wrong (the
        map is missing or damaged, or the sidecar is unreadable).
    """

    key: str
    map_path: Path
    original_path: Path | None = None
    title: str = ""
    written: datetime | None = None
    pid: int | None = None
    problem: str | None = None

    @property
    def damaged(self) -> bool:
        return self.problem is not None

    @property
    def display_name(self) -> str:
        """What to call the entry when asking the user: the title, else the file name."""
        if self.title:
            return self.title
        if self.original_path is not None:
            return self.original_path.name
        return QCoreApplication.translate("RecoveryEntry", "Untitled")

    def load(self) -> MapDocument:
        """The autosaved document.

        Raises
        ------
        MapFileError
            If the autosaved map is missing or damaged.
        """
        return load_map(self.map_path)


class RecoveryStore:
    """The recovery folder: autosaved maps of open sessions, and those of crashed ones.

    Parameters
    ----------
    folder
        Where entries are kept; by default :func:`default_recovery_folder`. It is created on
        the first write.
    """

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = Path(folder) if folder is not None else default_recovery_folder()
        # Locks this store holds: its own sessions' (while they are open) and those of crashed
        # entries handed out by pending() (so that a second Commapper does not offer them too).
        self._locks: dict[str, QLockFile] = {}
        self._claimed: set[str] = set()  # keys of crashed entries pending() handed out

    @staticmethod
    def new_key() -> str:
        """A fresh session key, unique across processes and runs."""
        return uuid.uuid4().hex

    def map_path(self, key: str) -> Path:
        return self.folder / f"{_checked_key(key)}{FILE_SUFFIX}"

    def _sidecar_path(self, key: str) -> Path:
        return self.folder / f"{_checked_key(key)}.json"

    def _lock_path(self, key: str) -> Path:
        return self.folder / f"{_checked_key(key)}.lock"

    # -- this process's sessions -----------------------------------------------------------------

    def write(self, key: str, session: MapSession) -> None:
        """Autosave ``session`` under ``key``, replacing the previous autosave atomically.

        Raises
        ------
        OSError
            If the folder or a file could not be written (disk full, no permission); the
            previous autosave, if any, is then intact.
        """
        # The map is serialised first: if that fails nothing on disk has changed.
        data = map_to_json(session.doc).encode("utf-8")
        self.prepare(key)
        self.write_files(key, data, session.path, session.doc.title)

    def prepare(self, key: str) -> None:
        """Make the folder and lock ``key``'s entry, on the GUI thread (the lock is a Qt
        object); raises OSError if either cannot be done."""
        self.folder.mkdir(parents=True, exist_ok=True)
        # Lock before the files exist, so another process never sees them unlocked and takes a
        # window that is still open for a crash.
        self._hold_lock(key)

    def write_files(self, key: str, data: bytes, original: Path | None, title: str) -> None:
        """Write a map serialised as ``data`` under ``key`` (prepared), and its sidecar; from
        any thread. Raises OSError."""
        atomic_write(self.map_path(key), data, keep_backup=False)
        sidecar = {
            "format": SIDECAR_FORMAT,
            "version": SIDECAR_VERSION,
            "key": key,
            "original_path": str(resolved(original)) if original else None,
            "title": title,
            "written": utc_now().isoformat(),
            "pid": os.getpid(),
            "host": socket.gethostname(),
        }
        atomic_write(
            self._sidecar_path(key),
            json.dumps(sidecar, indent=2).encode("utf-8"),
            keep_backup=False,
        )

    def remove(self, key: str) -> None:
        """Delete the entry of ``key`` (its session was saved or closed); never raises."""
        for path in (self.map_path(key), self._sidecar_path(key)):
            with contextlib.suppress(OSError):
                path.unlink()
        lock = self._locks.pop(key, None)
        if lock is not None:
            lock.unlock()  # also deletes the lock file

    def _hold_lock(self, key: str) -> None:
        if key in self._locks:
            return
        lock = QLockFile(str(self._lock_path(key)))
        # Only a dead owner makes a lock stale, never its age: a window can stay open for days.
        lock.setStaleLockTime(0)
        if not lock.tryLock(0):
            text = QCoreApplication.translate(
                "RecoveryStore", "the recovery lock {path} is held by another process"
            )
            raise OSError(text.format(path=self._lock_path(key)))
        self._locks[key] = lock

    # -- what crashed sessions left --------------------------------------------------------------

    def pending(self) -> list[RecoveryEntry]:
        """Entries left by processes that are no longer running, newest first.

        Entries of live processes (this one included) are not offered. A damaged entry is
        listed with its ``problem`` set. The entries returned stay claimed by this store until
        :meth:`discard` (or until the process ends), so a second Commapper started meanwhile
        does not offer them too. Never raises.
        """
        try:
            names = [path.name for path in self.folder.iterdir()]
        except OSError:
            return []  # no folder yet (nothing was ever autosaved), or it cannot be read
        keys = {
            name.rsplit(".", 1)[0]
            for name in names
            if name.endswith((FILE_SUFFIX, ".json")) and not name.startswith(".")
        }
        entries = []
        for key in sorted(keys):
            if not _KEY_PATTERN.fullmatch(key) or not self._claim(key):
                continue
            entries.append(self._read_entry(key))
        entries.sort(key=_newest_first)
        return entries

    def _claim(self, key: str) -> bool:
        """Take the lock of ``key`` if its owner is gone; False if a live process holds it."""
        if key in self._locks:
            # Ours: either a session of this process (live, not offered) or claimed before.
            return key in self._claimed
        lock = QLockFile(str(self._lock_path(key)))
        lock.setStaleLockTime(0)
        # tryLock removes a stale lock (its owner died) and takes it; an unreadable or
        # unwritable lock file makes it fail, and the entry waits for a later start.
        if not lock.tryLock(0):
            return False
        self._locks[key] = lock
        self._claimed.add(key)
        return True

    def _read_entry(self, key: str) -> RecoveryEntry:
        map_path = self.map_path(key)
        sidecar, sidecar_problem = _read_sidecar(self._sidecar_path(key), key)
        problem = sidecar_problem
        try:
            load_map(map_path)
        except MapFileError as error:
            text = QCoreApplication.translate(
                "RecoveryStore", "the autosaved map cannot be read: {problems}"
            )
            problem = text.format(problems="; ".join(error.lines()))
        except Exception as error:  # a bug in the reader must not stop the window from opening
            text = QCoreApplication.translate(
                "RecoveryStore", "the autosaved map cannot be read ({error})"
            )
            problem = text.format(error=type(error).__name__)
        return RecoveryEntry(
            key=key,
            map_path=map_path,
            original_path=sidecar.get("original_path"),
            title=sidecar.get("title", ""),
            written=sidecar.get("written"),
            pid=sidecar.get("pid"),
            problem=problem,
        )

    def discard(self, entry: RecoveryEntry) -> None:
        """Delete a recovered or unwanted entry and its lock; never raises."""
        self._claimed.discard(entry.key)
        self.remove(entry.key)
        with contextlib.suppress(OSError):
            self._lock_path(entry.key).unlink()  # a stale lock pending() could not take


def recover_into(session: MapSession, entry: RecoveryEntry) -> None:
    """Show the recovered document in ``session``, marked unsaved, for its original file.

    Raises
    ------
    MapFileError
        If the entry is damaged; ``session`` is then unchanged.
    """
    doc = entry.load()
    session.replace_content(doc, entry.original_path)
    # What was recovered is not what the file holds: it must be saved (or dropped) by the user.
    session.undo_stack.resetClean()


def _checked_key(key: str) -> str:
    if not _KEY_PATTERN.fullmatch(key):
        raise ValueError(f"a recovery key is 1-64 letters, digits, _ or -, not {key!r}")
    return key


def _read_sidecar(path: Path, key: str) -> tuple[dict[str, Any], str | None]:
    """The usable fields of a sidecar and a problem sentence; a bad sidecar is not fatal."""
    try:
        with path.open("rb") as stream:
            raw = json.loads(stream.read(_MAX_SIDECAR_BYTES + 1))
    except FileNotFoundError:
        # A crash between writing the map and its first sidecar: the map alone can be recovered.
        return {}, None
    except (OSError, ValueError, RecursionError):
        return {}, QCoreApplication.translate(
            "RecoveryStore",
            "the notes saved with this map are unreadable; it came from an unknown file",
        )
    if not isinstance(raw, dict) or raw.get("format") != SIDECAR_FORMAT or raw.get("key") != key:
        return {}, QCoreApplication.translate(
            "RecoveryStore", "the notes saved with this map are not Commapper's"
        )
    fields: dict[str, Any] = {}
    if isinstance(raw.get("original_path"), str) and raw["original_path"]:
        fields["original_path"] = Path(raw["original_path"])
    if isinstance(raw.get("title"), str):
        fields["title"] = raw["title"][:500]
    if isinstance(raw.get("pid"), int) and not isinstance(raw.get("pid"), bool):
        fields["pid"] = raw["pid"]
    if isinstance(raw.get("written"), str):
        with contextlib.suppress(ValueError):
            fields["written"] = datetime.fromisoformat(raw["written"])
    return fields, None


def _newest_first(entry: RecoveryEntry) -> tuple[int, float]:
    if entry.written is None or entry.written.tzinfo is None:
        return (1, 0.0)
    return (0, -entry.written.timestamp())


class Autosaver(QObject):
    """Autosaves one session to a :class:`RecoveryStore` every ``interval_ms`` while it is unsaved.

    It writes only when the document changed since the last autosave, removes the entry when
    the session becomes clean (saved, or undone back to the saved state), and on :meth:`close`.
    The timer's autosaves are serialised and written on a thread of their own, from a snapshot
    of the document (its items never change; the lists are copied): on the GUI thread a
    10,000-node map stalled the window 0.25 s a minute. :meth:`autosave_now` writes at once.
    """

    saved = Signal()  # an autosave was written
    failed = Signal(str)  # an autosave could not be written; the text says why

    def __init__(
        self,
        session: MapSession,
        store: RecoveryStore,
        interval_ms: int = 60_000,
        key: str | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.store = store
        self.key = key or RecoveryStore.new_key()
        # A modified session that was never autosaved still needs its first autosave.
        self._changed_since_autosave = True
        self._closed = False
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self._autosave_in_background)
        self._writing: threading.Thread | None = None
        # The writing thread's: why it failed, "" if it did not (read once the thread ended).
        self._outcome: str | object = ""
        self._look_at_writing = QTimer(self)
        self._look_at_writing.setInterval(WRITING_LOOK_MS)
        self._look_at_writing.timeout.connect(self._if_written)
        session.document_changed.connect(self._note_change)
        session.undo_stack.cleanChanged.connect(self._clean_changed)
        self._timer.start()

    def _note_change(self, _change: object) -> None:
        self._changed_since_autosave = True

    def _clean_changed(self, clean: bool) -> None:
        if clean:
            # The file now holds this document: nothing left to recover. An autosave being
            # written is removed once written, its lock held till then (_done_writing).
            if self._writing is None:
                self._remove_entry()
            self._changed_since_autosave = False
        else:
            self._changed_since_autosave = True

    @property
    def _due(self) -> bool:
        """Whether an autosave is due: the session is open, unsaved, and changed since."""
        return not self._closed and self.session.is_modified and self._changed_since_autosave

    def autosave_now(self) -> bool:
        """Write the session if it is unsaved and changed since the last autosave.

        Returns whether it wrote. Failures emit ``failed`` instead of raising, because this runs
        from a timer inside Qt's event loop.
        """
        self._wait_for_writing()  # first: if it failed, what it held is due again
        if not self._due:
            return False
        try:
            self.store.write(self.key, self.session)
        except (OSError, MapFileError, ValueError) as error:
            reason = getattr(error, "strerror", None) or str(error)
            self.failed.emit(
                self.tr("Autosave failed ({reason}); your changes are not yet safe.").format(
                    reason=reason
                )
            )
            return False
        self._changed_since_autosave = False
        self.saved.emit()
        return True

    def _autosave_in_background(self) -> None:
        if not self._due:
            return
        if self._writing is not None:
            return  # the next tick writes what changed meanwhile
        try:
            self.store.prepare(self.key)
        except OSError as error:
            self._done_writing(error.strerror or str(error))
            return
        self._changed_since_autosave = False
        doc, path = self.session.doc.snapshot(), self.session.path
        self._outcome = ""
        self._writing = threading.Thread(
            target=self._write, args=(doc, path), name="autosave", daemon=True
        )
        self._writing.start()
        self._look_at_writing.start()

    def _write(self, doc: MapDocument, path: Path | None) -> None:
        """On the writing thread, which touches no Qt object: how it went, whatever happens (or
        no autosave would follow)."""
        outcome: str | object = ""
        try:
            data = map_json_yielding(doc).encode("utf-8")
            self.store.write_files(self.key, data, path, doc.title)
        except (OSError, ValueError) as error:
            outcome = getattr(error, "strerror", None) or str(error) or "error"
        except Exception:  # a bug: logged, and told as a failure, or autosaving would stop
            logging.getLogger(__name__).exception("The autosave thread failed")
            outcome = _UNEXPECTED
        self._outcome = outcome

    def _if_written(self) -> None:
        if self._writing is not None and not self._writing.is_alive():
            self._wait_for_writing()

    def _done_writing(self, outcome: str | object) -> None:
        if self._closed or not self.session.is_modified:
            self._remove_entry()  # closed or saved while it was being written
            return
        if outcome:
            reason = self.tr("an unexpected error") if outcome is _UNEXPECTED else str(outcome)
            self._changed_since_autosave = True
            self.failed.emit(
                self.tr("Autosave failed ({reason}); your changes are not yet safe.").format(
                    reason=reason
                )
            )
        else:
            self.saved.emit()

    def _wait_for_writing(self) -> None:
        """Wait for the autosave being written, if one is, and tell how it went."""
        if self._writing is not None:
            self._writing.join()
            self._writing = None
            self._look_at_writing.stop()
            self._done_writing(self._outcome)

    def _remove_entry(self) -> None:
        # Unconditional: a half-written first autosave (map but no sidecar) must go too.
        self.store.remove(self.key)

    def close(self) -> None:
        """The window closed normally: stop autosaving and delete the entry."""
        if self._closed:
            return
        self._closed = True
        self._timer.stop()
        self._wait_for_writing()
        self.session.document_changed.disconnect(self._note_change)
        self.session.undo_stack.cleanChanged.disconnect(self._clean_changed)
        self._remove_entry()
