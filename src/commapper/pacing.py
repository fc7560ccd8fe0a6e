"""Work on a thread beside the window's, paced so that the window keeps Python's lock.

Python runs one thread at a time. A thread that never pauses gets the lock back 5 ms after the
window's thread takes it, so whatever the window does meanwhile takes twice as long: a 60 ms
step of a room map's labels became 120 ms while an analysis result was unpickled beside it.
Work paced here stops after each millisecond or so of its own and sleeps four times as long,
leaving the window's thread the lock four fifths of the time.
"""

from __future__ import annotations

import io
import pickle
import time

WORK_A_PIECE = 0.001  # seconds of a thread's own work between pauses
PAUSE_PER_WORK = 4.0  # each pause, as a multiple of the work before it


class Pacer:
    """Call :meth:`pause_if_due` between small pieces of work; it sleeps once a piece's worth of
    work (:data:`WORK_A_PIECE` of the thread's own time, not waiting) has been done since the
    last pause, :data:`PAUSE_PER_WORK` times as long as that work."""

    def __init__(self) -> None:
        self._since = time.thread_time()

    def pause_if_due(self) -> None:
        work = time.thread_time() - self._since
        if work >= WORK_A_PIECE:
            time.sleep(PAUSE_PER_WORK * work)
            self._since = time.thread_time()


class _PacedWriter(io.BytesIO):
    """A file for a pickler, which pauses, when due, before each write: the pickler writes a
    frame (64 KiB or so, as it chooses) or a large value at a time."""

    def __init__(self) -> None:
        super().__init__()
        self.pacer = Pacer()

    def write(self, data: bytes | bytearray | memoryview) -> int:  # type: ignore[override]
        self.pacer.pause_if_due()
        return super().write(data)


class _PacedReader(io.BytesIO):
    """A file for an unpickler, which pauses, when due, before each read: the unpickler reads a
    frame (64 KiB or so) or a large value at a time."""

    def __init__(self, data: bytes) -> None:
        super().__init__(data)
        self.pacer = Pacer()

    def read(self, size: int | None = -1) -> bytes:
        self.pacer.pause_if_due()
        return super().read(size)

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        self.pacer.pause_if_due()
        return super().readinto(buffer)


def dumps_paced(value: object, pickler: type[pickle.Pickler] = pickle.Pickler) -> bytes:
    """``value`` pickled (by ``pickler``, a :class:`pickle.Pickler` class) with a pause after
    each piece of work: for a thread beside the window's. Objects that reduce to parts pickled
    in turn (as a map's items are) give the pickler a frame to write, and so a pause, between
    parts; a single object the pickler writes in one go is not paused within."""
    writer = _PacedWriter()
    pickler(writer, pickle.HIGHEST_PROTOCOL).dump(value)
    return writer.getvalue()


def loads_paced(data: bytes) -> object:
    """``data`` unpickled with a pause after each piece of work: for a thread beside the
    window's."""
    return pickle.Unpickler(_PacedReader(data)).load()
