"""Reading the bytes of a map file: from a regular file only, bounded in size, never waiting.

A path can name a named pipe (reading it waits for a writer, forever), a device, a socket, or a
symbolic link that leads back to itself. Each is refused with a sentence before it is opened, and
once more after opening, in case another program swapped the file in between.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from commapper.io.errors import MapFileError
from commapper.model.items import MAX_FILE_BYTES

# Opening a named pipe without O_NONBLOCK waits for a writer; a terminal would become ours.
_OPEN_FLAGS = (
    os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    | getattr(os, "O_BINARY", 0)
)  # fmt: skip

_NOT_A_FILE = (
    (stat.S_ISDIR, "this is a folder, not a map file"),
    (stat.S_ISFIFO, "this is a named pipe (FIFO), not a map file"),
    (stat.S_ISCHR, "this is a device, not a map file"),
    (stat.S_ISBLK, "this is a device, not a map file"),
    (stat.S_ISSOCK, "this is a socket, not a map file"),
)


def read_map_bytes(path: Path) -> bytes:
    """The bytes of the file at ``path``, which must be a regular file of at most 64 MiB.

    Raises
    ------
    MapFileError
        If ``path`` is missing, unreadable, not a regular file or too large.
    """
    try:
        _check_regular_file(path, os.stat(path))
        descriptor = os.open(path, _OPEN_FLAGS)
    except OSError as error:
        raise _unreadable(path, error) from None
    with open(descriptor, "rb") as stream:
        try:
            info = os.fstat(descriptor)
            _check_regular_file(path, info)  # the file may have been swapped after stat()
            # At most one byte past what fstat() promised: a file that grew is still bounded.
            data = stream.read(info.st_size + 1)
        except OSError as error:
            raise _unreadable(path, error) from None
    if len(data) > MAX_FILE_BYTES:
        raise too_big(path, len(data))
    return data


def _check_regular_file(path: Path, info: os.stat_result) -> None:
    if stat.S_ISREG(info.st_mode):
        if info.st_size > MAX_FILE_BYTES:
            raise too_big(path, info.st_size)
        return
    message = next(
        (words for is_kind, words in _NOT_A_FILE if is_kind(info.st_mode)),
        "this is not a regular file, so it cannot be a map file",
    )
    raise MapFileError.single(path, message)


def too_big(path: Path | None, size: int) -> MapFileError:
    """The error for a file over the limit, with exact figures: "64 MiB" alone reads as within."""
    return MapFileError.single(
        path,
        f"the file is {size:,} bytes; a map file may be at most {MAX_FILE_BYTES // 2**20} MiB "
        f"({MAX_FILE_BYTES:,} bytes)",
    )


def _unreadable(path: Path, error: OSError) -> MapFileError:
    if isinstance(error, FileNotFoundError):
        return MapFileError.single(path, "the file does not exist")
    if isinstance(error, IsADirectoryError):
        return MapFileError.single(path, "this is a folder, not a map file")
    if isinstance(error, PermissionError):
        return MapFileError.single(path, "you do not have permission to read this file")
    if error.errno == errno.ELOOP:
        return MapFileError.single(
            path, "this is a symbolic link that leads back to itself (a loop), not a map file"
        )
    if error.errno == errno.ENXIO:  # a socket, or a device with nothing behind it
        return MapFileError.single(path, "this is not a regular file, so it cannot be a map file")
    return MapFileError.single(path, f"the file could not be read ({error.strerror or error})")


def resolved(path: str | os.PathLike[str]) -> Path:
    """``path`` made absolute with its links followed, or only made absolute when they cannot be
    followed (a link that leads back to itself, a drive that went away): comparing two paths, or
    remembering one, must never fail."""
    try:
        return Path(path).resolve()
    except (OSError, RuntimeError):  # Python 3.11 raises RuntimeError for a link loop
        return Path(os.path.abspath(path))
