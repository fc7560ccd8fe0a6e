"""The list of recently opened maps behind File > Open Recent, kept in the user's settings."""

from __future__ import annotations

import functools
import os
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QSettings, Signal
from PySide6.QtWidgets import QMenu

from commapper.model import printable
from commapper.ui.plain_text import menu_text, plain_markup

MAX_RECENT_FILES = 10
SETTINGS_KEY = "files/recent"


class RecentFiles(QObject):
    """Recently opened or saved map files, most recent first, stored in ``QSettings``.

    Parameters
    ----------
    settings
        Where the list is kept; by default the application's settings (``QSettings()``, named by
        ``create_application``). Tests pass one backed by a file in a temporary folder.
    limit
        How many files are remembered.

    One instance can be shared by every window; each window rebuilds its menu on ``changed``
    (or in the menu's ``aboutToShow``, which also picks up files opened by another process).
    """

    changed = Signal()

    def __init__(
        self,
        settings: QSettings | None = None,
        limit: int = MAX_RECENT_FILES,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._settings = settings if settings is not None else QSettings()
        self._limit = limit

    def add(self, path: Path) -> None:
        """Put ``path`` first (call after every successful open and save)."""
        path = _resolved(Path(path))
        kept = [other for other in self._stored() if other != path and other.is_file()]
        self._store([path, *kept])

    def remove(self, path: Path) -> None:
        """Forget ``path`` (for instance after it failed to open)."""
        path = _resolved(Path(path))
        self._store([other for other in self._stored() if other != path])

    def paths(self) -> list[Path]:
        """The remembered files that still exist, most recent first, without duplicates."""
        # Missing files are hidden, not forgotten: a network drive or USB stick may come back.
        return [path for path in self._stored() if path.is_file()][: self._limit]

    def clear(self) -> None:
        self._store([])

    def _stored(self) -> list[Path]:
        value = self._settings.value(SETTINGS_KEY, [])
        # INI and registry back ends return a single-item list as a bare string, none as None.
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list):
            return []
        unique: list[Path] = []
        for text in value:
            if isinstance(text, str) and text:
                path = _resolved(Path(text))
                if path not in unique:
                    unique.append(path)
        return unique

    def _store(self, paths: list[Path]) -> None:
        self._settings.setValue(SETTINGS_KEY, [str(path) for path in paths[: self._limit]])
        self._settings.sync()  # so that another Commapper window process sees it at once
        self.changed.emit()


def fill_recent_menu(menu: QMenu, paths: list[Path], open_path: Callable[[Path], object]) -> None:
    """Fill File > Open Recent: an entry per file, named as the file is (an ``&`` in the name
    shown, control characters made visible), and the whole path in its tooltip."""
    menu.clear()
    menu.setToolTipsVisible(True)
    for path in paths:
        entry = menu.addAction(menu_text(path.name), functools.partial(open_path, path))
        entry.setToolTip(plain_markup(printable(str(path))))
    if not paths:
        menu.addAction(QCoreApplication.translate("RecentFiles", "No recent maps")).setEnabled(
            False
        )


def _resolved(path: Path) -> Path:
    try:
        return path.resolve()
    except (OSError, RuntimeError):  # a symlink loop or an unreachable drive
        return Path(os.path.abspath(path))
