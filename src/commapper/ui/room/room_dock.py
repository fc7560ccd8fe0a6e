"""The Room panel of a room map's window: who named the selected node, and pages for the
participants, the matches to review and the aliases; the room's analysis beside it (a dock of
its own on a wide screen, so that both can be seen at once; see ``actions.attach_room_panel``)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from commapper.model import printable
from commapper.ui.field_text import short
from commapper.ui.room.aliases_page import AliasesPage
from commapper.ui.room.analysis_view import RoomAnalysisView
from commapper.ui.room.review import MatchesPage, ParticipantsPage
from commapper.ui.room.room_map import RoomMap
from commapper.workshop.provenance import ROOM_COUNT, item_sources

NAMES_SHOWN = 8  # participants named before "and n more"


class RoomPanel(QWidget):
    """The review panel of ``room``'s window, and the room analysis (``analysis``) to dock
    beside it."""

    def __init__(self, room: RoomMap) -> None:
        super().__init__()
        self.room = room
        self.named_by = QLabel()
        self.named_by.setTextFormat(Qt.TextFormat.PlainText)
        self.named_by.setWordWrap(True)
        self.named_by.setAccessibleName(self.tr("Who named the selected node"))
        self.participants = ParticipantsPage(room)
        self.matches = MatchesPage(room)
        self.aliases = AliasesPage(room)
        self.analysis = RoomAnalysisView(room.session, room.in_worker)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.setUsesScrollButtons(True)
        self.tabs.addTab(self.participants, self.tr("Participants"))
        self.tabs.addTab(self.matches, self.tr("Matches"))
        self.tabs.addTab(self.aliases, self.tr("Aliases"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.named_by)
        layout.addWidget(self.tabs, 1)
        session = room.session
        session.selection.changed.connect(self.show_named_by)
        session.document_changed.connect(self.show_named_by)
        room.changed.connect(self._show_counts)
        self._show_counts()
        self.show_named_by()

    def _show_counts(self) -> None:
        suggestions = len(self.room.merge.suggestions)
        self.tabs.setTabText(
            1, self.tr("Matches ({n})").format(n=suggestions) if suggestions else self.tr("Matches")
        )

    def show_named_by(self, _change: object = None) -> None:
        """Who named the selected node, from its provenance (``room:from``, ``room:count``)."""
        doc = self.room.session.doc
        ids = [item_id for item_id in self.room.session.selection.ids if doc.has_node(item_id)]
        if len(ids) != 1:
            self.named_by.setText(self.tr("Select a node to see who in the room named it."))
            return
        node = doc.node(ids[0])
        sources = item_sources(node)
        count = node.attributes.get(ROOM_COUNT)
        if not isinstance(count, int) or isinstance(count, bool):
            count = len(sources)
        if not count:
            self.named_by.setText(
                self.tr("{label}: on no participant's map (added here).").format(
                    label=printable(short(node.label, 40))
                )
            )
            return
        names = [
            printable(getattr(doc.get(source), "label", "") or source)
            for source in sources[:NAMES_SHOWN]
        ]
        more = len(sources) - NAMES_SHOWN
        text = self.tr("{label}: named by %n people", "", count).format(
            label=printable(short(node.label, 40))
        )
        text += " (" + ", ".join(names)
        text += (self.tr(" and %n more", "", more) if more > 0 else "") + ")"
        self.named_by.setText(text)
