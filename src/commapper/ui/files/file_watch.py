"""Noticing that the open map file was changed or deleted on disk by another program."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TypeAlias

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

from commapper.io import resolved

# What identifies one version of a file: a rewrite changes the time or size, a replacement by
# rename (how careful programs, Commapper included, save) changes the inode.
Signature: TypeAlias = tuple[int, int, int, int] | None


def file_signature(path: Path) -> Signature:
    """``(mtime_ns, size, inode, device)`` of ``path``, or None if there is no such file."""
    try:
        stat = os.stat(path)
    except OSError:
        return None
    return (stat.st_mtime_ns, stat.st_size, stat.st_ino, stat.st_dev)


class FileWatcher(QObject):
    """Watches one file and says when it no longer is what this window last read or wrote.

    ``changed_on_disk`` carries the path; if ``path.exists()`` is then False, the file was
    deleted (or renamed away). A burst of events (a program writing in steps) is reported once,
    after ``settle_ms`` of quiet. Our own saves are not reported as long as :meth:`note_own_save`
    is called right after each one.
    """

    changed_on_disk = Signal(Path)

    def __init__(self, parent: QObject | None = None, settle_ms: int = 150) -> None:
        super().__init__(parent)
        self._path: Path | None = None
        self._known: Signature = None
        self._watcher = QFileSystemWatcher(self)
        self._watcher.fileChanged.connect(self._on_event)
        # The folder too: a file replaced by rename, or deleted and written again, drops out of
        # the file watch, and only the folder says when it is back.
        self._watcher.directoryChanged.connect(self._on_event)
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(settle_ms)
        self._settle.timeout.connect(self._check)

    @property
    def path(self) -> Path | None:
        return self._path

    def watch(self, path: Path) -> None:
        """Watch ``path`` (after open or Save As), taking its current state as known."""
        self.unwatch()
        self._path = resolved(path)
        self._known = file_signature(self._path)
        self._watcher.addPath(str(self._path.parent))
        self._ensure_file_watched()

    def unwatch(self) -> None:
        """Stop watching (the window closed, or shows a map with no file)."""
        self._settle.stop()
        watched = self._watcher.files() + self._watcher.directories()
        if watched:
            self._watcher.removePaths(watched)
        self._path = None
        self._known = None

    def note_own_save(self) -> None:
        """Call right after saving to the watched path: what is on disk now is ours."""
        if self._path is None:
            return
        self._known = file_signature(self._path)
        # Our atomic save replaced the file, so the old watch is gone.
        self._ensure_file_watched()

    def _ensure_file_watched(self) -> None:
        assert self._path is not None
        if self._path.exists() and str(self._path) not in self._watcher.files():
            self._watcher.addPath(str(self._path))

    def _on_event(self, _changed: str) -> None:
        if self._path is not None:
            self._settle.start()  # restarts: wait for the writer to finish

    def _check(self) -> None:
        if self._path is None:
            return
        self._ensure_file_watched()
        current = file_signature(self._path)
        if current == self._known:
            return  # our own save, or a folder event about another file
        self._known = current  # report each new state once
        self.changed_on_disk.emit(self._path)
