"""A room: participants' files, the facilitator's aliases and decisions, as one value.

Built for the app's room map (a watched folder, a review panel) and for ``commapper merge``:

- :func:`load_participant` reads one file into a :class:`ParticipantFile`, which holds either
  the map or the problems that stopped it being read: a broken file is listed, never a stop.
- :class:`Room` is immutable; each change (a file loaded again or gone, a suggestion accepted,
  rejected or undone, aliases edited, names hidden) is a method that returns a new room, so an
  undo step is the room before.
- :func:`merge_room` is pure: the room in, a :class:`RoomMerge` out (the room map, open
  suggestions, problems by file). Pass the room map shown so far as ``previous`` to keep the
  places of nodes, and keep ``room.remembering(merge)`` so that pseudonyms keep their numbers.

A typical loop in the app::

    room = Room(anonymise=True)
    for path in room_files(folder):
        room = room.with_file(load_participant(path))
    merge = merge_room(room)
    room = room.remembering(merge)
    ...  # a file changed: load it again and merge again, with previous=merge.document
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from commapper.io import FILE_SUFFIX, MapFileError, load_map
from commapper.model import MapDocument
from commapper.workshop.matching import Aliases, Decisions, Match
from commapper.workshop.merge import (
    DEFAULT_TITLE,
    InputProblem,
    MergeResult,
    Participant,
    merge_maps,
)


@dataclass(frozen=True)
class ParticipantFile:
    """One participant's file as read: its map, or the problems that kept it from being read
    (one line each, as ``commapper validate`` prints them)."""

    path: str
    document: MapDocument | None = None
    problems: tuple[str, ...] = ()

    @property
    def name(self) -> str:
        """The name a participant gets when their ``me`` has none: the file's, without
        ``.commap``."""
        return Path(self.path).stem


def load_participant(path: str | os.PathLike[str]) -> ParticipantFile:
    """Read a participant's file; a file that cannot be read comes back with its problems."""
    try:
        return ParticipantFile(os.fspath(path), load_map(path))
    except MapFileError as error:
        from commapper.io.exchange import import_first

        # Another tool's file is not broken JSON, as load_map would say: it is to be imported.
        advice = import_first(path)
        problems = (f"{os.fspath(path)}: {advice}",) if advice else tuple(error.lines())
        return ParticipantFile(os.fspath(path), None, problems)


def room_files(folder: str | os.PathLike[str]) -> list[Path]:
    """The maps in ``folder`` that belong to the room, by name: ``.commap`` files, leaving out
    hidden ones (a save in progress writes ``.NAME.commap.XXXX.tmp``)."""
    return sorted(
        path
        for path in Path(folder).iterdir()
        if path.suffix == FILE_SUFFIX and not path.name.startswith(".") and path.is_file()
    )


@dataclass(frozen=True)
class Room:
    """Everything a room map is merged from. Files keep the order they came in, which is the
    order participants are numbered in."""

    files: tuple[ParticipantFile, ...] = ()
    aliases: Aliases = field(default_factory=Aliases)
    decisions: Decisions = field(default_factory=Decisions)
    anonymise: bool = False
    title: str = DEFAULT_TITLE
    # pseudonym numbers from earlier merges (MergeResult.numbers); not compared between rooms
    numbers: Mapping[str, int] = field(default_factory=dict, compare=False)

    def with_file(self, file: ParticipantFile) -> Room:
        """The room with ``file`` added, or in place of the file of the same path."""
        files = list(self.files)
        for index, present in enumerate(files):
            if present.path == file.path:
                files[index] = file
                break
        else:
            files.append(file)
        return dataclasses.replace(self, files=tuple(files))

    def without_file(self, path: str | os.PathLike[str]) -> Room:
        """The room without the file at ``path`` (it was deleted or moved away)."""
        gone = os.fspath(path)
        return dataclasses.replace(
            self, files=tuple(file for file in self.files if file.path != gone)
        )

    def with_aliases(self, aliases: Aliases) -> Room:
        return dataclasses.replace(self, aliases=aliases)

    def accepting(self, match: Match) -> Room:
        """The room with a suggestion accepted: its two spellings are one."""
        return dataclasses.replace(self, decisions=self.decisions.accept(match))

    def rejecting(self, match: Match) -> Room:
        """The room with a suggestion rejected: its two spellings stay two, unsuggested."""
        return dataclasses.replace(self, decisions=self.decisions.reject(match))

    def undeciding(self, match: Match) -> Room:
        """The room with the answer about ``match`` forgotten: suggested again."""
        return dataclasses.replace(self, decisions=self.decisions.undo(match))

    def written(self, labels: Mapping[Match, tuple[str, str]]) -> Room:
        """The room as its alias file holds it (:meth:`Aliases.with_decisions`): each accepted
        match a group shown as the first of the two spellings ``labels`` gives it, each rejected
        one a distinct pair. The app merges this room, so that its map is the one ``commapper
        merge --aliases`` makes from the written file, label for label."""
        aliases = self.aliases.with_decisions(self.decisions, dict(labels))
        return dataclasses.replace(self, aliases=aliases, decisions=Decisions())

    def anonymised(self, anonymise: bool = True) -> Room:
        return dataclasses.replace(self, anonymise=anonymise)

    def remembering(self, merge: MergeResult) -> Room:
        """The room keeping the pseudonym numbers ``merge`` gave, for the next merge."""
        return dataclasses.replace(self, numbers=dict(merge.numbers))

    @property
    def broken(self) -> tuple[ParticipantFile, ...]:
        """The files that could not be read."""
        return tuple(file for file in self.files if file.document is None)


@dataclass(frozen=True)
class RoomMerge(MergeResult):
    """The merge of a room: the room map, suggestions, problems (by file, the broken files'
    included, which the merge left out), and the broken files' paths."""

    broken: tuple[str, ...] = ()


def merge_room(room: Room, previous: MapDocument | None = None) -> RoomMerge:
    """The room map of ``room``'s readable files (see :func:`~commapper.workshop.merge.
    merge_maps`); the broken files are listed in ``problems`` and ``broken``."""
    participants = [
        Participant(file.path, file.name, file.document)
        for file in room.files
        if file.document is not None
    ]
    merged = merge_maps(
        participants,
        room.aliases,
        room.decisions,
        anonymise=room.anonymise,
        numbers=room.numbers,
        previous=previous,
        title=room.title,
    )
    load_problems = tuple(
        InputProblem(file.path, line) for file in room.broken for line in file.problems
    )
    return RoomMerge(
        document=merged.document,
        suggestions=merged.suggestions,
        problems=load_problems + merged.problems,
        participants=merged.participants,
        numbers=merged.numbers,
        broken=tuple(file.path for file in room.broken),
    )
