"""Noticing participants' maps arriving, changing and going in a room's folder."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

from commapper.ui.files.file_watch import Signature, file_signature
from commapper.workshop.room import room_files

SETTLE_MS = 300
"""Quiet after the last event before the folder is looked at: a copy or a save in steps is
reported once."""


class FolderWatcher(QObject):
    """Watches a folder's ``.commap`` files (:func:`~commapper.workshop.room.room_files`) and
    one more file of the facilitator's (the aliases).

    ``changed`` carries the files that appeared or changed and those that went, after
    ``settle_ms`` of quiet; ``extra_changed`` says the extra file is not what it was. Editors
    and Commapper itself save by writing a new file and renaming it over the old one, which
    ends the watch on the old file; every look re-adds the files, and the folder's own events
    say when one was replaced.
    """

    changed = Signal(list, list)  # list[Path] appeared or changed, list[Path] gone
    extra_changed = Signal()

    def __init__(
        self, folder: Path, extra: Path | None = None, parent: QObject | None = None,
        settle_ms: int = SETTLE_MS,
    ) -> None:  # fmt: skip
        super().__init__(parent)
        self.folder = folder
        self.extra = extra
        self._known: dict[Path, Signature] = {}
        self._extra_known: Signature = None
        self._watcher = QFileSystemWatcher(self)
        self._watcher.fileChanged.connect(self._on_event)
        self._watcher.directoryChanged.connect(self._on_event)
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(settle_ms)
        self._settle.timeout.connect(self.look)

    def start(self) -> list[Path]:
        """Start watching; the folder's maps as they are now, taken as known."""
        self._watcher.addPath(str(self.folder))
        paths = self._scan()
        self._known = {path: file_signature(path) for path in paths}
        self._extra_known = file_signature(self.extra) if self.extra is not None else None
        self._watch_files()
        return paths

    def stop(self) -> None:
        self._settle.stop()
        watched = self._watcher.files() + self._watcher.directories()
        if watched:
            self._watcher.removePaths(watched)

    def note_extra_written(self) -> None:
        """Call after writing the extra file: what is on disk now is ours."""
        if self.extra is not None:
            self._extra_known = file_signature(self.extra)

    def _on_event(self, _path: str) -> None:
        self._settle.start()  # restarts: wait for the writer to finish

    def _scan(self) -> list[Path]:
        try:
            return room_files(self.folder)
        except OSError:  # the folder itself went: every map in it went too
            return []

    def look(self) -> bool:
        """Compare the folder with what was known and report the difference (the settle timer
        calls this; so may Merge Again); whether a map appeared, changed or went."""
        paths = self._scan()
        now = {path: file_signature(path) for path in paths}
        changed = [path for path, signature in now.items() if self._known.get(path) != signature]
        gone = [path for path in self._known if path not in now]
        self._known = now
        self._watch_files()
        if self.extra is not None:
            extra = file_signature(self.extra)
            if extra != self._extra_known:
                self._extra_known = extra
                self.extra_changed.emit()
        if changed or gone:
            self.changed.emit(changed, gone)
        return bool(changed or gone)

    def _watch_files(self) -> None:
        watched = set(self._watcher.files())
        wanted = {str(path) for path in self._known}
        if self.extra is not None and self.extra.exists():
            wanted.add(str(self.extra))
        if wanted - watched:
            self._watcher.addPaths(sorted(wanted - watched))
