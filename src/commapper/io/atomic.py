"""Writing a file so that a failure at any moment leaves the previous version intact."""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from pathlib import Path


def backup_path(path: Path) -> Path:
    """Where the previous version of ``path`` is kept: ``NAME.commap.bak``."""
    return path.with_name(path.name + ".bak")


def atomic_write(path: Path, data: bytes, *, keep_backup: bool = True) -> None:
    """Replace ``path`` with ``data`` atomically, keeping the old file as ``NAME.bak``.

    Writes a temporary file in the same folder, flushes and fsyncs it, then renames it over the
    target, so readers see either the old file or the new one, never a half-written one.

    Raises
    ------
    OSError
        If anything fails; ``path`` is then exactly as it was.
    """
    folder = path.parent
    handle, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    temp_path = Path(temp_name)
    try:
        with os.fdopen(handle, "wb") as temp_file:
            temp_file.write(data)
            temp_file.flush()
            os.fsync(temp_file.fileno())
        _copy_permissions(path, temp_path)
        if keep_backup and path.exists():
            _keep_backup(path)
        os.replace(temp_path, path)
    except BaseException:
        with contextlib.suppress(OSError):
            temp_path.unlink()
        raise
    _fsync_folder(folder)


def _copy_permissions(original: Path, temp_path: Path) -> None:
    """mkstemp makes a private file; the saved map should keep the old one's permissions."""
    try:
        mode = original.stat().st_mode & 0o7777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    os.chmod(temp_path, mode)


def _keep_backup(path: Path) -> None:
    backup = backup_path(path)
    staging = backup.with_name(backup.name + ".tmp")
    with contextlib.suppress(FileNotFoundError):
        staging.unlink()
    try:
        os.link(path, staging)  # cheap, and the old bytes stay untouched
    except OSError:
        shutil.copy2(path, staging)
    os.replace(staging, backup)


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself durable; not every platform can open a folder, so best effort."""
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)
