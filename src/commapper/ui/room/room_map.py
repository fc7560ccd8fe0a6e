"""A window's map kept as the merge of a folder of participants' maps: the folder watched, the
facilitator's decisions and aliases applied, each change reaching the map as one edit.

The map in the window is an ordinary map: the facilitator edits it as any other, and Save
writes a normal ``.commap``. :class:`RoomMap` keeps beside it the :class:`~commapper.workshop.
room.Room` (the files as they are on disk, the aliases, the decisions) and the merge the map was
last brought up to date with. When the room changes it merges again and hands the difference
to the map (:func:`~commapper.workshop.diff.room_update`): nodes that stay keep their places,
and whatever the facilitator changed on the map (a place, a field, a node added or deleted)
stays as they left it.

Every change from the room is one undo step (a :class:`RoomCommand`), a file arriving too: the
facilitator's own edits and the folder's interleave on one map, and each undo step must find
the map as it left it. Undo gives back the map, the decisions and aliases as they were before
the step; the files are what is on disk, always, so a file's change that was undone comes back
with the next merge (when any file changes, or on Merge Again).

The facilitator's aliases and decisions are written to ``aliases.json`` in the folder, in the
format of ``commapper merge --aliases``, so the command gives the same room.

The room lives as long as its window: when the window goes (closed, so deleted), the folder is
no longer watched and a merge still running in the worker thread is dropped, never delivered to
the deleted objects (:meth:`RoomMap.stop`).
"""

from __future__ import annotations

import dataclasses
import logging
import threading
from collections.abc import Callable, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Signal
from PySide6.QtGui import QUndoCommand

from commapper.io.atomic import atomic_write
from commapper.layout import place_unplaced
from commapper.model import Edit, EditError, MapDocument, MoveNodes, apply_edit, printable
from commapper.ui.room.folder_watch import FolderWatcher
from commapper.ui.session import MapSession
from commapper.workshop.alias_file import AliasFileError, aliases_to_json, load_aliases
from commapper.workshop.diff import room_update
from commapper.workshop.matching import Aliases, Decisions, Match
from commapper.workshop.room import Room, RoomMerge, load_participant, merge_room, room_files
from commapper.workshop.room_analysis import is_room_map

ALIASES_FILE = "aliases.json"
_T = TypeVar("_T")
logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class RoomState:
    """What an undo step of the room gives back: the facilitator's aliases and decisions, the
    two spellings each decided match was shown with, and the merge the map was brought up to
    date with."""

    aliases: Aliases
    decisions: Decisions
    merge: RoomMerge
    labels: Mapping[Match, tuple[str, str]] = field(default_factory=dict)


@dataclass(frozen=True)
class OpenedRoom:
    """A folder's room as it is when it is opened: the room map (its nodes placed), the room,
    its merge, the problem with the aliases file (if any), and the room maps in the folder."""

    document: MapDocument
    room: Room
    merge: RoomMerge
    aliases_problem: str | None
    room_maps: frozenset[str]


def first_room_map(folder: Path) -> OpenedRoom:
    """The room of ``folder`` as it is now.

    Raises
    ------
    OSError
        If the folder cannot be read.
    """
    aliases, problem = read_aliases(folder / ALIASES_FILE)
    room = Room(aliases=aliases, title=folder.name or str(folder))
    room_maps: set[str] = set()
    for path in room_files(folder):
        room = read_into(room, path, room_maps)
    merge = merge_room(room)
    doc = merge.document.snapshot()
    positions = place_unplaced(doc)
    if positions:
        apply_edit(doc, MoveNodes.tidied(positions))
    return OpenedRoom(doc, room.remembering(merge), merge, problem, frozenset(room_maps))


def read_into(room: Room, path: Path, room_maps: set[str]) -> Room:
    """``room`` with the file at ``path`` read (again). A room map (a merge saved into the
    folder, as the facilitator may well save this one) is no participant's: it is left out, and
    its path kept in ``room_maps``."""
    file = load_participant(path)
    if file.document is not None and is_room_map(file.document):
        room_maps.add(file.path)
        return room.without_file(path)
    room_maps.discard(file.path)
    return room.with_file(file)


def read_aliases(path: Path) -> tuple[Aliases, str | None]:
    """The aliases in ``path`` (none when there is no such file) and the problem that kept
    the file from being read, if any."""
    if not path.exists():
        return Aliases(), None
    try:
        return load_aliases(path), None
    except AliasFileError as error:
        return Aliases(), "; ".join(error.lines())


class RoomMap(QObject):
    """The room behind ``session``'s map: watches ``folder`` and keeps the map its merge.

    ``changed`` is emitted after every change of the room (a file read, a decision, an alias,
    one undone), for the panels to show it again.

    Every merge runs in a worker thread, one at a time, so that the window answers while a
    large room is merged (a second or two at 300 participants): a folder's change, a decision,
    an alias, Merge Again. Each is one undo step when it lands; undo and redo need no merge.
    """

    changed = Signal()
    working = Signal(bool)  # a merge is under way (True), or the room has caught up (False)

    def __init__(
        self, session: MapSession, folder: Path, opened: OpenedRoom, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.folder = folder
        self.aliases_path = folder / ALIASES_FILE
        self.room = room = opened.room
        self.merge = opened.merge
        self.labels: Mapping[Match, tuple[str, str]] = {}
        self.aliases_problem = opened.aliases_problem
        # The room maps saved in the folder (this one, say), left out of the room.
        self.room_maps = opened.room_maps
        self.watcher = FolderWatcher(folder, self.aliases_path, self)
        self.watcher.changed.connect(self.files_changed)
        self.watcher.extra_changed.connect(self._aliases_changed_on_disk)
        self.watcher.start()
        # Merged in the worker thread one at a time (see _next): the files that changed (path ->
        # still there), the facilitator's changes asked for, and the merge under way.
        self._pending: dict[Path, bool] = {}
        self._asked: list[tuple[Callable[[RoomState], RoomState], str]] = []
        self._job: _MergeJob | None = None
        self._stopped = False
        self._doc_version = 0
        session.document_changed.connect(self._count_change)
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="commapper-room")
        self._relay = _Relay(self)
        self._relay.done.connect(self._delivered)
        if parent is not None:  # the window: its deletion (closed) ends the room
            parent.installEventFilter(self)
        # What the alias file holds, as read or last written: written again only when it changes.
        self._saved = (room.aliases, room.decisions)
        self._written = self._read_text()

    def stop(self) -> None:
        """Stop following the folder: no more watching, and a merge under way is dropped (the
        worker thread ends when it has finished, without a word)."""
        self._relay.close()
        self.watcher.stop()
        self._stopped = True
        self._pool.shutdown(wait=False, cancel_futures=True)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # A closed window is deleted (WA_DeleteOnClose), and this room with it.
        if event.type() == QEvent.Type.DeferredDelete and watched is self.parent():
            self.stop()
        return False

    def _count_change(self, _change: object) -> None:
        self._doc_version += 1

    @property
    def state(self) -> RoomState:
        return RoomState(self.room.aliases, self.room.decisions, self.merge, self.labels)

    def set_state(self, state: RoomState) -> None:
        """Take ``state`` (an undo step does); the files stay as they are on disk."""
        self.room = dataclasses.replace(
            self.room, aliases=state.aliases, decisions=state.decisions
        ).remembering(state.merge)
        self.merge = state.merge
        self.labels = state.labels
        self._write_aliases()
        self.changed.emit()

    # -- what changes the room -------------------------------------------------------------------

    def files_changed(self, changed: list[Path], gone: list[Path]) -> None:
        """Read the files that appeared or changed, drop those that went, and merge again (in
        the worker thread, see :meth:`_next`). Files that change while a merge is under way are
        read by the next one."""
        for path in gone:
            self._pending[path] = False
        for path in changed:
            self._pending[path] = True
        self._next()

    def merge_again(self, text: str | None = None) -> None:
        """Merge the room as it is now and bring the map up to date (Merge Again)."""
        self._change(lambda state: state, text or self.tr("Room: merged again"))

    def accept(self, match: Match, labels: tuple[str, str]) -> None:
        self._change(
            lambda state: dataclasses.replace(
                state,
                decisions=state.decisions.accept(match),
                labels={**state.labels, match: labels},
            ),
            self.tr("Accept match {first} = {second}").format(first=labels[0], second=labels[1]),
        )

    def reject(self, match: Match, labels: tuple[str, str]) -> None:
        self._change(
            lambda state: dataclasses.replace(
                state,
                decisions=state.decisions.reject(match),
                labels={**state.labels, match: labels},
            ),
            self.tr("Reject match {first} ≠ {second}").format(first=labels[0], second=labels[1]),
        )

    def undecide(self, match: Match) -> None:
        first, second = self.labels.get(match, (match.first, match.second))
        self._change(
            lambda state: dataclasses.replace(state, decisions=state.decisions.undo(match)),
            self.tr("Undo match decision {first} / {second}").format(first=first, second=second),
        )

    def set_aliases(self, aliases: Aliases, text: str, decisions: Decisions | None = None) -> None:
        """Take ``aliases`` (and ``decisions``, when given) as one undo step."""

        def change(state: RoomState) -> RoomState:
            state = dataclasses.replace(state, aliases=aliases)
            return state if decisions is None else dataclasses.replace(state, decisions=decisions)

        self._change(change, text)

    def _aliases_changed_on_disk(self) -> None:
        text = self._read_text()
        if text is None or text == self._written:
            return  # deleted (written again with the next change), or our own write
        aliases, problem = read_aliases(self.aliases_path)
        self.aliases_problem = problem
        self._written = text
        self._saved = (aliases, Decisions())
        if problem is not None:
            self.changed.emit()
            return
        self._change(
            lambda state: RoomState(aliases, Decisions(), state.merge, {}),
            self.tr("Room: {file} changed").format(file=ALIASES_FILE),
        )

    def _change(self, change: Callable[[RoomState], RoomState], text: str) -> None:
        """Merge the room with the aliases and decisions ``change`` makes of the room's state,
        as one undo step (in the worker thread, see :meth:`_next`). Changes asked for while a
        merge is under way follow in turn, each on the state the one before left."""
        self._asked.append((change, text))
        self._next()

    @property
    def busy(self) -> bool:
        """Whether a merge is under way or waiting."""
        return self._job is not None or bool(self._asked or self._pending)

    def _next(self) -> None:
        """Start the next merge in the worker thread, unless one is under way: the facilitator's
        changes first, in the order asked, then the files that changed.

        The worker reads the files, merges and works out the edit of the map, on the room and a
        snapshot of the map as they are now; :meth:`_merged_elsewhere` applies the result."""
        if self._job is not None or self._stopped:
            return
        before = self.state
        if self._asked:
            change, text = self._asked.pop(0)
            after = change(before)
            room = dataclasses.replace(self.room, aliases=after.aliases, decisions=after.decisions)
            paths: dict[Path, bool] = {}
        elif self._pending:
            paths, self._pending = self._pending, {}
            change, after, room = None, before, self.room
            if len(paths) == 1:
                text = self.tr("Room: {file} changed").format(file=next(iter(paths)).name)
            else:
                text = self.tr("Room: {n} files changed").format(n=len(paths))
        else:
            return
        self._job = job = _MergeJob(
            room,
            paths,
            after.labels,
            self.merge.document,
            self.session.doc.snapshot(),
            set(self.room_maps),
            asked_with=self._asked_with(),
            change=change,
            after=after,
            text=text,
        )
        self.working.emit(True)
        self.in_worker(job.run, self._merged_elsewhere)

    def in_worker(self, work: Callable[[], _T], done: Callable[[_T], None]) -> None:
        """Run ``work`` in the room's worker thread, after what is under way there, and hand
        its result to ``done`` on the GUI thread; dropped once the room has stopped. An
        exception in ``work`` is logged, and ``done`` not called."""
        relay = self._relay

        def run() -> None:
            try:
                result = work()
            except Exception:
                logger.exception("working in the room's worker thread")
                return
            relay.send(lambda: done(result))

        if not self._stopped:
            self._pool.submit(run)

    def _delivered(self, call: Callable[[], None]) -> None:
        if not self._stopped:
            call()

    def _asked_with(self) -> _Asked:
        return _Asked(self.merge, self.room.aliases, self.room.decisions, self._doc_version)

    def _merged_elsewhere(self, job: _MergeJob) -> None:
        if job is not self._job:
            return
        self._job = None
        asked = self._asked_with()
        if job.merge is None:  # a bug, logged: the change is dropped rather than tried forever
            self._carry_on()
            return
        if not asked.same_room(job.asked_with):
            # A step undone meanwhile: ask again, from the room as it is now.
            if job.change is not None:
                self._asked.insert(0, (job.change, job.text))
            else:
                self._pending = {**job.paths, **self._pending}
            self._carry_on()
            return
        edit = job.edit
        if asked.doc_version != job.asked_with.doc_version:
            # The facilitator edited the map meanwhile: the merge holds, the edit is worked out
            # again on the map as it is (the quick part).
            edit = room_update(self.session.doc, self.merge.document, job.merge.document)
        if job.paths:
            self.room = dataclasses.replace(self.room, files=job.room.files)
            self.room_maps = frozenset(job.room_maps)
        self._commit(self.state, dataclasses.replace(job.after, merge=job.merge), edit, job.text)
        self._carry_on()

    def _carry_on(self) -> None:
        """Start what is waiting, or say the room has caught up."""
        self._next()
        if self._job is None:
            self.working.emit(False)

    def _commit(self, before: RoomState, after: RoomState, edit: Edit | None, text: str) -> None:
        """Apply ``edit`` and take ``after`` as one undo step; nothing goes on the undo stack
        when neither the map nor the facilitator's aliases and decisions change."""
        if edit is None and (after.aliases, after.decisions) == (before.aliases, before.decisions):
            self.set_state(after)  # a file with a new problem, or a change the map shows already
            return
        inverse = None
        if edit is not None:
            try:
                inverse = apply_edit(self.session.doc, edit)
            except EditError as error:  # a bug: the merge and the map disagree
                self.session.edit_refused.emit(str(error))
                return
        self.set_state(after)
        self.session.undo_stack.push(RoomCommand(self, before, after, edit, inverse, text))

    def _read_text(self) -> str | None:
        try:
            return self.aliases_path.read_text("utf-8")
        except (OSError, UnicodeDecodeError):
            return None

    def _write_aliases(self) -> None:
        """Write the aliases and decisions to the folder's alias file when they changed."""
        if (self.room.aliases, self.room.decisions) == self._saved:
            return
        aliases = self.room.aliases.with_decisions(self.room.decisions, dict(self.labels))
        text = aliases_to_json(aliases, dict(self.labels))
        try:
            atomic_write(self.aliases_path, text.encode("utf-8"), keep_backup=False)
        except OSError as error:
            self.aliases_problem = QCoreApplication.translate(
                "RoomMap", "cannot be written ({error})"
            ).format(error=printable(str(error)))
            return
        self._written = text
        self._saved = (self.room.aliases, self.room.decisions)
        self.aliases_problem = None
        self.watcher.note_extra_written()


class _Relay(QObject):
    """Carries a worker's merge back to the GUI thread (a queued signal), until closed: the
    lock keeps a worker from emitting while, or after, the GUI thread closes it, so nothing is
    emitted on an object about to be deleted."""

    done = Signal(object)  # a call to make on the GUI thread

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lock = threading.Lock()
        self._open = True

    def send(self, result: object) -> None:
        """Emit ``done`` from a worker thread, unless the room has stopped."""
        with self._lock:
            if self._open:
                self.done.emit(result)

    def close(self) -> None:
        with self._lock:
            self._open = False


@dataclass(frozen=True)
class _Asked:
    """What a worker's merge was worked out from, besides the files: it applies only while
    these are as they were."""

    merge: RoomMerge
    aliases: Aliases
    decisions: Decisions
    doc_version: int

    def same_room(self, other: _Asked) -> bool:
        """Whether the room is as it was (the map may have been edited)."""
        return self.merge is other.merge and (self.aliases, self.decisions) == (
            other.aliases,
            other.decisions,
        )


class _MergeJob:
    """A change of the room merged in the worker thread: the files read again, the room
    merged, and the edit that brings the map up to date, worked out on values nobody changes
    meanwhile. ``change`` and ``after`` are the facilitator's change (None and the state as it
    was, for files)."""

    def __init__(
        self,
        room: Room,
        paths: dict[Path, bool],
        labels: Mapping[Match, tuple[str, str]],
        base: MapDocument,
        current: MapDocument,
        room_maps: set[str],
        *,
        asked_with: _Asked,
        change: Callable[[RoomState], RoomState] | None,
        after: RoomState,
        text: str,
    ) -> None:
        self.room, self.paths, self.labels = room, paths, labels
        self.base, self.current = base, current
        self.room_maps = room_maps
        self.asked_with, self.change, self.after, self.text = asked_with, change, after, text
        self.merge: RoomMerge | None = None
        self.edit: Edit | None = None

    def run(self) -> _MergeJob:
        try:
            for path, present in self.paths.items():
                if present:
                    self.room = read_into(self.room, path, self.room_maps)
                else:
                    self.room = self.room.without_file(path)
                    self.room_maps.discard(str(path))
            self.merge = merge_room(self.room.written(self.labels))
            self.edit = room_update(self.current, self.base, self.merge.document)
        except Exception:  # a bug: logged, and the change asked again
            logger.exception("merging the room in a worker thread")
            self.merge = None
        return self


class RoomCommand(QUndoCommand):
    """One change of the room as an undo step: the room's state before and after, and the edit
    of the map that went with it (none when only the suggestions changed).

    Applied before it is pushed, as :class:`~commapper.ui.commands.EditCommand` is.
    """

    def __init__(
        self,
        room: RoomMap,
        before: RoomState,
        after: RoomState,
        edit: Edit | None,
        inverse: Edit | None,
        text: str,
    ) -> None:
        super().__init__(printable(text))
        self.room, self.before, self.after = room, before, after
        self.edit, self.inverse = edit, inverse
        self._applied = True

    def redo(self) -> None:
        if self._applied:
            self._applied = False
            return
        if self.edit is not None:
            self.inverse = apply_edit(self.room.session.doc, self.edit)
        self.room.set_state(self.after)

    def undo(self) -> None:
        if self.inverse is not None:
            self.edit = apply_edit(self.room.session.doc, self.inverse)
        self.room.set_state(self.before)
