"""The presentation: the map full screen on a projector, while the editor stays on the laptop.

It is a second scene on the editor's session, not a copy of the map: every edit reaches it
through the same change events at once, while it keeps what a projection needs for itself: its
own zoom, labels sized for the back of the room, the projector theme, names hidden, a spotlight,
and the saved view it is showing. It is never edited through: clicks light a node, keys step.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import (
    QCoreApplication,
    QEasingCurve,
    QEvent,
    QObject,
    QPoint,
    QRectF,
    QSettings,
    Qt,
    QTimer,
    QVariantAnimation,
    Signal,
    SignalInstance,
)
from PySide6.QtGui import (
    QCloseEvent,
    QFont,
    QFontMetricsF,
    QKeyEvent,
    QMouseEvent,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QGraphicsView,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from commapper.analysis.result import Analysis
from commapper.model import DocumentChanged, EdgeKind, NodeKind, View
from commapper.ui.canvas.canvas_legend import install_canvas_legend
from commapper.ui.canvas.items import (
    LABEL_GAP,
    LABEL_MAX_WIDTH,
    LEADER_KINDS,
    NodeItem,
    label_font,
)
from commapper.ui.canvas.overlays import CanvasOverlays
from commapper.ui.canvas.scene import MapScene
from commapper.ui.canvas.view import MapView
from commapper.ui.plain_text import printable
from commapper.ui.present.pseudonyms import Pseudonyms
from commapper.ui.present.saved_views import node_filter, show_overlay, viewport_rect
from commapper.ui.session import MapSession
from commapper.ui.shell.theme import PROJECTOR, PROJECTOR_DARK
from commapper.workshop.room_analysis import is_room_map

# Labels on the projection are this many times their size in the editor at 100%, on a screen
# 1,080 pixels high, whatever the zoom: read from the back of a room.
ROOM_LABEL_SCALE = 2.0
# ... down to this with MANY_LANDMARKS names of me and communities on show, from FEW_LANDMARKS.
CROWDED_LABEL_SCALE, FEW_LANDMARKS, MANY_LANDMARKS = 1.3, 20, 60
ALWAYS_NAMED_IN_ROOM = 12
ROOM_LEGEND_SCALE = 2.2  # the legend's and the captions' type against the app's, likewise
ROOM_CAPTION_SCALE = 2.2
TRANSITION_MS = 450
ANIMATED_NODES = 600  # nodes appearing beyond this many come at once, not faded in
CAPTION_MS = 3500
LEGEND_MARGIN = 12
DARK_SETTING = "presentation/dark"
# Keys a presenter's clicker sends, besides the keyboard's.
NEXT_KEYS = frozenset({Qt.Key.Key_PageDown, Qt.Key.Key_Space, Qt.Key.Key_Right, Qt.Key.Key_Down})
PREVIOUS_KEYS = frozenset({Qt.Key.Key_PageUp, Qt.Key.Key_Backspace, Qt.Key.Key_Left, Qt.Key.Key_Up})


class PresentationView(MapView):
    """The projection's view: no editing; a click on a node asks for its spotlight."""

    node_clicked = Signal(str)  # "" for empty canvas

    def __init__(self, scene: MapScene, parent: QWidget | None = None) -> None:
        super().__init__(scene, parent)
        self.setInteractive(False)  # items are not selected, moved or renamed from here
        self.setDragMode(QGraphicsView.DragMode.NoDrag)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.reserved_right = 0  # pixels kept free of the map on the right, for the legend
        self.setAccessibleName(self.tr("Presentation"))
        self.setAccessibleDescription(
            self.tr(
                "The map as the room sees it. Page Down and Page Up step through the saved "
                "views; click a node to light it and its neighbours; N hides or shows names; "
                "Escape leaves."
            )
        )

    def label_scale_for(self, zoom: float) -> float:
        # Sized in screen pixels: the same on screen at any zoom, larger on a larger screen,
        # and somewhat smaller when many names must find room (a room map has dozens).
        screen_scale = max(0.75, self.viewport().height() / 1080)
        landmarks = sum(
            item.kind in LEADER_KINDS and item.isVisible()
            for item in self.map_scene.node_items.values()
        )
        crowding = min(
            1.0, max(0.0, (landmarks - FEW_LANDMARKS) / (MANY_LANDMARKS - FEW_LANDMARKS))
        )
        room_scale = ROOM_LABEL_SCALE - crowding * (ROOM_LABEL_SCALE - CROWDED_LABEL_SCALE)
        return room_scale * screen_scale / zoom

    def frame(self, rect: QRectF, label_room: bool = False) -> None:
        """Show exactly ``rect``, centred in the room the legend leaves on the right (fit_rect
        adds a margin; a transition must not); with ``label_room``, leave room on screen around
        it for the labels of the nodes at its edges, which keep their size on screen."""
        room = self.viewport().rect().adjusted(0, 0, -self.reserved_right, 0)
        if label_room:  # at most a quarter of the room on each side, on a small screen
            across, down = self._label_room()
            across, down = min(across, room.width() // 4), min(down, room.height() // 4)
            room = room.adjusted(across, down, -across, -down)
        if rect.isEmpty() or room.width() <= 0 or room.height() <= 0:
            return
        zoom = min(room.width() / rect.width(), room.height() / rect.height())
        self._set_transform_for(zoom)
        centre = rect.center()
        centre.setX(centre.x() + self.reserved_right / 2 / self.zoom)
        self.centerOn(centre)

    def _label_room(self) -> tuple[int, int]:
        """Pixels a label may reach beyond its node's disc: its widest, beside it, and three
        lines below it, at the size labels are drawn on screen."""
        on_screen = self.label_scale_for(1.0)
        line = QFontMetricsF(label_font(NodeKind.COMMUNITY)).height()
        return int((LABEL_MAX_WIDTH + 2 * LABEL_GAP) * on_screen), int(3 * line * on_screen)

    def shown_rect(self) -> QRectF:
        return self.mapToScene(self.viewport().rect()).boundingRect()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            node = self.node_item_at(event.position().toPoint())
            self.node_clicked.emit(node.node_id if node is not None and node.isVisible() else "")
            event.accept()
            return
        super().mousePressEvent(event)  # the middle button pans

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        event.accept()

    def contextMenuEvent(self, event: object) -> None:
        return

    def keyPressEvent(self, event: QKeyEvent) -> None:
        event.ignore()  # the presentation window's keys, not the editor's

    def focusNextPrevChild(self, forward: bool) -> bool:
        return False


class Presentation(QWidget):
    """A full-screen window showing the session's map to a room (see the module's docstring).

    Page Down, Space, Right or a clicker's next key steps to the next saved view, Page Up back;
    Home and End go to the first and the last step, the whole map. N hides or shows people's
    names, D switches dark and light, L the legend, F fits the map; Escape leaves.
    """

    closed = Signal()

    def __init__(
        self,
        session: MapSession,
        pseudonyms: Pseudonyms,
        *,
        names_hidden: bool,
        analysis: Analysis | None = None,
        results: SignalInstance | None = None,
    ) -> None:
        super().__init__(None, Qt.WindowType.Window)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(
            QCoreApplication.translate("Presentation", "Presentation of {name}").format(
                name=session.display_name
            )
        )
        self.session = session
        self.pseudonyms = pseudonyms
        pseudonyms.room = is_room_map(session.doc)
        pseudonyms.number_all(session.doc.nodes)
        self.scene = MapScene(session, parent=self, mirror=True)
        self.dark = bool(QSettings().value(DARK_SETTING, False, type=bool))
        self.scene.use_theme(PROJECTOR_DARK if self.dark else PROJECTOR)
        # Names for the back of the room take room: beyond a few, communities' names give way
        # to one another (the better connected named first) rather than pile up.
        self.scene.always_named = ALWAYS_NAMED_IN_ROOM
        self.view = PresentationView(self.scene)
        self.view.node_clicked.connect(self.spotlight)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        self.overlays = CanvasOverlays(self.scene)
        if analysis is not None:
            self.overlays.set_result(analysis)
        self._results = results
        if results is not None:
            results.connect(self.overlays.set_result)
        self.legend = install_canvas_legend(self.view, self.overlays)
        self.caption = _Caption(self.view)
        # Top right, beside the map rather than over it.
        self.legend.corner, self.legend.corner_fixed = (False, False), True
        self.legend.action.toggled.connect(self._legend_switched)
        self.names_hidden = False
        if names_hidden:  # the scene was built with the names: label it again only to hide them
            self.set_names_hidden(True)
        self.spotlit: str | None = None
        self.step = 0
        self._target = QRectF()  # the part of the map the step shows, in scene coordinates
        self._fit_nodes = True
        self._transition = QVariantAnimation(self)
        self._transition.setDuration(TRANSITION_MS)
        self._transition.setEasingCurve(QEasingCurve.Type.InOutCubic)
        self._transition.valueChanged.connect(self._transition_step)
        self._transition.finished.connect(self._transition_done)
        self._fading: list[NodeItem] = []
        # After the overlays, which reset the dimming of what they style on every edit.
        session.document_changed.connect(self._follow_edit)
        self.view.installEventFilter(self)
        self.view.viewport().installEventFilter(self)
        self._reframe_soon = QTimer(self)
        self._reframe_soon.setSingleShot(True)
        self._reframe_soon.setInterval(0)
        self._reframe_soon.timeout.connect(self._reframe)

    # -- the steps: the saved views in order, then the whole map --------------------------------

    @property
    def steps(self) -> list[View | None]:
        return [*self.session.doc.views, None]

    def start(self) -> None:
        """Show the first step (the first saved view, or the whole map when there is none),
        its caption followed by the keys to press."""
        self.go_to(0, animate=False)
        names = (
            QCoreApplication.translate("Presentation", "N: show names")
            if self.names_hidden
            else QCoreApplication.translate("Presentation", "N: hide names")
        )
        keys = QCoreApplication.translate(
            "Presentation", "Page Down: next view · click: spotlight · {names} · Esc: leave"
        ).format(names=names)
        self.caption.say(f"{self.caption.text()}\n{keys}")

    def go_to(self, step: int, animate: bool = True) -> None:
        steps = self.steps
        self.step = max(0, min(step, len(steps) - 1))
        view = steps[self.step]
        self.spotlight("")
        before = set(self.scene.shown_node_ids())
        self.scene.show_only(node_filter(view))
        shown = self.scene.shown_node_ids()
        for node_id, item in self.scene.node_items.items():
            item.setSelected(view is not None and node_id in view.highlighted)
        show_overlay(self.overlays, view.overlay if view is not None else None)
        target = viewport_rect(view) if view is not None else None
        # Without a viewport of its own a step shows its nodes whole, with room for their labels.
        self._fit_nodes = target is None
        if target is None:
            target = _discs_around(self.scene, shown)
        previous, self._target = self._target, target
        appearing = [self.scene.node_items[node_id] for node_id in shown if node_id not in before]
        if animate and self.isVisible():
            self._animate_to(previous, target, appearing)
        else:
            self._reframe()
        title = (
            view.name
            if view is not None
            else QCoreApplication.translate("Presentation", "The whole map")
        )
        if self.names_hidden:
            title = self.pseudonyms.text(title)
        self.caption.say(f"{self.step + 1} / {len(steps)}   {printable(title)}")

    def _animate_to(self, start: QRectF, target: QRectF, appearing: list[NodeItem]) -> None:
        self._transition.stop()
        self._fading = appearing if len(appearing) <= ANIMATED_NODES else []
        for item in self._fading:
            item.setOpacity(0.0)
        self.scene.zoom_in_motion = True  # labels and the edges' picture wait for the end
        legend = self.legend.sizeHint().width() + 2 * LEGEND_MARGIN
        self.view.reserved_right = legend if self.legend.action.isChecked() else 0
        self._transition.setStartValue(start if not start.isEmpty() else self.view.shown_rect())
        self._transition.setEndValue(target)
        self._transition.start()

    def _transition_step(self, rect: object) -> None:
        if isinstance(rect, QRectF):
            self.view.frame(rect, label_room=self._fit_nodes)
        progress = self._transition.currentTime() / max(1, self._transition.duration())
        for item in self._fading:
            item.setOpacity(min(1.0, progress))

    @property
    def step_done(self) -> bool:
        """Whether the last step's transition has ended."""
        return self._transition.state() != QVariantAnimation.State.Running

    def _transition_done(self) -> None:
        for item in self._fading:
            item.setOpacity(1.0)
        self._fading = []
        self.scene.zoom_in_motion = False
        self.scene.edge_layer.invalidate()
        self._reframe()
        self.view.viewport().update()

    def resizeEvent(self, event: QResizeEvent) -> None:
        # The legend and the captions grow with the screen, as the labels do.
        super().resizeEvent(event)
        scale = max(0.75, self.height() / 1080)
        for widget, factor in (
            (self.legend, ROOM_LEGEND_SCALE),
            (self.caption, ROOM_CAPTION_SCALE),
        ):
            font = QFont(self.font())
            font.setPointSizeF(font.pointSizeF() * factor * scale)
            widget.setFont(font)

    def _legend_switched(self, _on: bool) -> None:
        self._reframe()  # the map takes the room the legend leaves, or makes room for it

    def _reframe(self) -> None:
        """Show the step's part of the map again, in the room there is now."""
        if self._transition.state() == QVariantAnimation.State.Running:
            return  # it ends on the target, framed anew
        legend = self.legend.sizeHint().width() + 2 * LEGEND_MARGIN
        self.view.reserved_right = legend if self.legend.action.isChecked() else 0
        self.view.frame(self._target, label_room=self._fit_nodes)
        self.view._zoom_settled()

    # -- spotlight, names, theme -----------------------------------------------------------------

    def spotlight(self, node_id: str) -> None:
        """Light ``node_id`` and its neighbours and dim the rest; "" (or the lit node again)
        lights everything."""
        if node_id == self.spotlit or node_id not in self.scene.node_items:
            node_id = ""
        self.spotlit = node_id or None
        self._dim_around(self.spotlit)

    def _dim_around(self, node_id: str | None) -> None:
        lit: set[str] | None = None
        if node_id is not None and node_id in self.scene.node_items:
            lit = {node_id}
            for edge in self.scene.node_items[node_id].edges:
                lit |= {edge.source.node_id, edge.target.node_id}
        for item_id, item in self.scene.node_items.items():
            dimmed = lit is not None and item_id not in lit
            if item.dimmed != dimmed:
                item.dimmed = dimmed
                item.redraw()
        for edge in self.scene.edge_items.values():
            dimmed = lit is not None and node_id not in (edge.source.node_id, edge.target.node_id)
            if edge.dimmed != dimmed:
                edge.dimmed = dimmed
                edge.update()
        self.scene.edge_labels.update()

    def set_names_hidden(self, hidden: bool) -> None:
        """People as "Participant n" on the projection (the map keeps their names)."""
        self.names_hidden = hidden
        self.scene.hidden_edge_labels = frozenset({EdgeKind.TIE}) if hidden else frozenset()
        self.scene.show_labels_as(
            self.pseudonyms.label if hidden else None, self.pseudonyms.text if hidden else None
        )
        if self.isVisible():
            self.caption.say(
                QCoreApplication.translate("Presentation", "Names hidden")
                if hidden
                else QCoreApplication.translate("Presentation", "Names shown")
            )

    def set_dark(self, dark: bool) -> None:
        self.dark = dark
        QSettings().setValue(DARK_SETTING, dark)
        self.scene.use_theme(PROJECTOR_DARK if dark else PROJECTOR)
        self.legend.update()

    def _follow_edit(self, change: DocumentChanged) -> None:
        people_changed = change.nodes_added or change.nodes_removed or change.nodes_changed
        if people_changed:
            names_changed = self.pseudonyms.number_all(self.session.doc.nodes)
            if names_changed and self.names_hidden:  # out of every label again
                self.set_names_hidden(True)
        if self.spotlit is not None and self.spotlit in change.nodes_removed:
            self.spotlit = None
        self._dim_around(self.spotlit)
        if "views" in change.map_fields:  # the view on show may have changed, moved or gone
            self.go_to(min(self.step, len(self.steps) - 1), animate=False)

    # -- keys ------------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.view and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            return self._key(event)
        if watched is self.view.viewport() and event.type() == QEvent.Type.Resize:
            # Full screen comes after the first step is shown: framed again in the room it has.
            self._reframe_soon.start()
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not self._key(event):
            super().keyPressEvent(event)

    def _key(self, event: QKeyEvent) -> bool:
        key = Qt.Key(event.key())
        actions: dict[Qt.Key, Callable[[], object]] = {
            Qt.Key.Key_Escape: self.close,
            Qt.Key.Key_Home: lambda: self.go_to(0),
            Qt.Key.Key_End: lambda: self.go_to(len(self.steps) - 1),
            Qt.Key.Key_N: lambda: self.set_names_hidden(not self.names_hidden),
            Qt.Key.Key_D: lambda: self.set_dark(not self.dark),
            Qt.Key.Key_L: self.legend.action.toggle,
            Qt.Key.Key_F: lambda: self.go_to(self.step),
            Qt.Key.Key_F5: self.close,
        }
        if key in NEXT_KEYS:
            self.go_to(self.step + 1)
        elif key in PREVIOUS_KEYS:
            self.go_to(self.step - 1)
        elif key in actions:
            actions[key]()
        else:
            return False
        event.accept()
        return True

    def closeEvent(self, event: QCloseEvent) -> None:
        self._transition.stop()
        # The editor's session and analysis outlive this window: they must not reach into it.
        self.session.document_changed.disconnect(self._follow_edit)
        self.overlays.detach()
        if self._results is not None:
            self._results.disconnect(self.overlays.set_result)
        self.closed.emit()
        super().closeEvent(event)


class _Caption(QLabel):
    """A line of large text over the bottom left of the projection, fading after a while:
    which view is showing, and at first how to step."""

    def __init__(self, view: QWidget) -> None:
        super().__init__(view)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setStyleSheet(
            "QLabel { background: rgba(0, 0, 0, 170); color: white; padding: 8px 14px; "
            "border-radius: 6px; }"
        )
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(CAPTION_MS)
        self._timer.timeout.connect(self.hide)
        self.hide()

    def say(self, text: str) -> None:
        self.setText(text)
        self.adjustSize()
        parent = self.parentWidget()
        if parent is not None:
            self.move(QPoint(24, parent.height() - self.height() - 24))
        self.show()
        self.raise_()
        self._timer.start()


def _discs_around(scene: MapScene, node_ids: list[str]) -> QRectF:
    """The rectangle around the discs of ``node_ids`` (not their labels, whose size on the
    projection is fixed on screen: see PresentationView.frame)."""
    rect = QRectF()
    for node_id in node_ids:
        item = scene.node_items[node_id]
        r = item.radius
        rect = rect.united(QRectF(item.pos().x() - r, item.pos().y() - r, 2 * r, 2 * r))
    return rect if not rect.isEmpty() else QRectF(-300, -200, 600, 400)
