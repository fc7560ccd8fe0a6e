"""Names hidden on the projection: people as "Participant n" (on a room map, the people the
participants named as "Person n"), and their names taken out of every other label. The map
itself keeps the names."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from commapper.model import MapDocument, NodeKind, NodeModel
from commapper.workshop.anonymise import NameScrubber
from commapper.workshop.provenance import ROOM_PARTICIPANT
from commapper.workshop.room_analysis import is_room_map


class Pseudonyms:
    """People as "Participant n", numbered in map order and then as they come, the same
    numbers for as long as the window is open; their names also taken out of every other label
    ("Ana's reading group" becomes "Participant 2's reading group"). The map keeps the names.

    On a room map (``room``) the participants are "Participant n" and the people they named
    "Person n".
    """

    def __init__(self) -> None:
        self.room = False
        self._numbers: dict[str, str] = {}
        self._counts = {True: 0, False: 0}  # participants, others
        self._scrub = NameScrubber({})
        self._names: frozenset[tuple[str, str]] = frozenset()

    def number_all(self, nodes: list[NodeModel]) -> bool:
        """Number the people of ``nodes`` not numbered yet and learn their names; whether any
        name came, went or changed (labels must then be drawn again)."""
        names = frozenset(
            (node.label, self._pseudonym(node) if node.kind == NodeKind.PERSON else _me())
            for node in nodes
            if node.kind in (NodeKind.PERSON, NodeKind.ME) and node.label.strip()
        )
        if names == self._names:
            return False
        self._names = names
        self._scrub = NameScrubber(dict(sorted(names)))
        return True

    def _pseudonym(self, node: NodeModel) -> str:
        if node.id not in self._numbers:
            participant = not self.room or node.attributes.get(ROOM_PARTICIPANT) is True
            self._counts[participant] += 1
            number = self._counts[participant]
            self._numbers[node.id] = (
                QCoreApplication.translate("Presentation", "Participant {number}")
                if participant
                else QCoreApplication.translate("Presentation", "Person {number}")
            ).format(number=number)
        return self._numbers[node.id]

    def label(self, node: NodeModel) -> str:
        if node.kind == NodeKind.PERSON:
            return self._pseudonym(node)
        if node.kind == NodeKind.ME:
            return _me()
        return self._scrub(node.label)

    def text(self, text: str) -> str:
        """``text`` with the people's names in it replaced by their pseudonyms."""
        return self._scrub(text)


def _me() -> str:
    return QCoreApplication.translate("Presentation", "Me")


def names_hidden_at_first(doc: MapDocument) -> bool:
    """Whether people's names start hidden on the projection: on a room map, merged from
    participants' maps, a room should not see who drew what."""
    return is_room_map(doc)
