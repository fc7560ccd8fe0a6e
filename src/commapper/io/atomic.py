"""Writing a file so that a failure at any moment leaves the previous version intact."""

from __future__ import annotations

import contextlib
import errno
import os
import re
import secrets
import shutil
import stat
import time
from pathlib import Path

try:
    import fcntl
except ImportError:  # Windows, where a file being written cannot be deleted anyway
    fcntl = None  # type: ignore[assignment]

# A temporary file left by a save that was killed: older than this, and not held by a save.
STALE_AFTER_SECONDS = 10


class ReadOnlyTarget(PermissionError):
    """The file to replace is marked read-only: replacing it must be asked for."""


def backup_path(path: Path) -> Path:
    """Where the previous version of ``path`` is kept: ``NAME.commap.bak``."""
    return path.with_name(path.name + ".bak")


def atomic_write(
    path: Path, data: bytes, *, keep_backup: bool = True, replace_read_only: bool = False
) -> None:
    """Replace ``path`` with ``data`` atomically, keeping the old file as ``NAME.bak``.

    Writes a temporary file in the same folder, flushes and fsyncs it, then renames it over the
    target, so readers see either the old file or the new one, never a half-written one. A
    symbolic link stays a link: the file it leads to is replaced. The new file keeps the old one's
    permissions, and its owner and group where the system allows it.

    Raises
    ------
    ReadOnlyTarget
        If ``path`` is read-only and ``replace_read_only`` is False; nothing was written.
    OSError
        If anything else fails; ``path`` is then exactly as it was.
    """
    if path.is_symlink():
        path = Path(os.path.realpath(path))
    try:
        original: os.stat_result | None = os.stat(path)
    except FileNotFoundError:
        original = None
    if original is not None and not replace_read_only and _is_read_only(path, original):
        raise ReadOnlyTarget(errno.EACCES, "the file is read-only", str(path))
    _remove_stale_temporary_files(path)
    # A copy of a private file must not be readable by others while it is written; a new file
    # gets the permissions the user's umask gives, applied by the system as it creates it.
    descriptor, temp_path = _create_temporary_file(path, 0o666 if original is None else 0o600)
    try:
        with os.fdopen(descriptor, "wb") as temp_file:
            _hold(temp_file.fileno())
            temp_file.write(data)
            temp_file.flush()
            os.fsync(temp_file.fileno())
        if original is not None:
            _copy_owner_and_permissions(original, temp_path)
            if keep_backup:
                _keep_backup(path)
        os.replace(temp_path, path)
    except BaseException:
        with contextlib.suppress(OSError):
            temp_path.unlink()
        raise
    _fsync_folder(path.parent)


def _is_read_only(path: Path, info: os.stat_result) -> bool:
    # Nobody may write it (as chmod a-w, or the read-only attribute on Windows leaves it), or
    # this user may not. The administrator may write anything, so the mode is asked too.
    return not info.st_mode & 0o222 or not os.access(path, os.W_OK)


def _temporary_name_pattern(path: Path) -> re.Pattern[str]:
    """The names of the temporary files of saves of ``path``, and nothing else."""
    return re.compile(re.escape(f".{path.name}.") + r"[a-z0-9_]{8}\.tmp")


def _create_temporary_file(path: Path, mode: int) -> tuple[int, Path]:
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    for _ in range(100):
        temp_path = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
        try:
            return os.open(temp_path, flags, mode), temp_path
        except FileExistsError:
            continue
    raise FileExistsError(errno.EEXIST, "no free name for a temporary file", str(path.parent))


def _hold(descriptor: int) -> None:
    """Mark the temporary file as being written, so that no other save takes it for stale."""
    if fcntl is not None:
        with contextlib.suppress(OSError):
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)


def _remove_stale_temporary_files(path: Path) -> None:
    """Remove what saves of ``path`` that were killed left behind: old, and held by no save."""
    pattern = _temporary_name_pattern(path)
    now = time.time()
    try:
        entries = [entry for entry in os.scandir(path.parent) if pattern.fullmatch(entry.name)]
    except OSError:
        return
    for entry in entries:
        with contextlib.suppress(OSError):
            info = entry.stat(follow_symlinks=False)
            if stat.S_ISREG(info.st_mode) and now - info.st_mtime > STALE_AFTER_SECONDS:
                _remove_unless_held(Path(entry.path))


def _remove_unless_held(temp_path: Path) -> None:
    if fcntl is None:
        temp_path.unlink()
        return
    descriptor = os.open(temp_path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)  # raises while a save holds it
        temp_path.unlink()
    finally:
        os.close(descriptor)


def _copy_owner_and_permissions(original: os.stat_result, temp_path: Path) -> None:
    """Another user's file saved by this one keeps its owner, or at least its group, where the
    system allows that; then its permissions (after the owner, which may clear setuid bits)."""
    if hasattr(os, "chown"):
        for owner in (original.st_uid, -1):
            try:
                os.chown(temp_path, owner, original.st_gid)
                break
            except PermissionError:
                continue
    os.chmod(temp_path, stat.S_IMODE(original.st_mode))


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
