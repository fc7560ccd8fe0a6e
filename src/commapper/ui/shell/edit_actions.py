"""The editing commands of a window: add, connect, delete, copy and paste, rename, layouts, pins.

Each one builds a model edit and hands it to the session as one undo step.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np
from PySide6.QtCore import (
    QMimeData,
    QObject,
    QPoint,
    QPointF,
    Qt,
)
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QMenu

from commapper.io.fragments import MIME_TYPE, FragmentError, fragment_json, paste_edit
from commapper.model import (
    NODE_ID_PREFIX,
    PINNED_TAG,
    Batch,
    BoundaryObjectNode,
    CommunityNode,
    EdgeKind,
    InsertItems,
    MeNode,
    NodeKind,
    NodeModel,
    PersonNode,
    RemoveItems,
    UpdateItem,
)
from commapper.ui.canvas.connect_picker import ConnectPicker, connect_choices
from commapper.ui.canvas.scene import MapScene, new_edge, placeable
from commapper.ui.canvas.view import MapView
from commapper.ui.shell.layouts import MapLayouts
from commapper.ui.translations import QT_TRANSLATE_NOOP

# The label a new node starts with (the user's to change), translated where used.
NEW_LABEL = {
    NodeKind.ME: QT_TRANSLATE_NOOP("EditActions", "Me"),
    NodeKind.COMMUNITY: QT_TRANSLATE_NOOP("EditActions", "New community"),
    NodeKind.PERSON: QT_TRANSLATE_NOOP("EditActions", "New person"),
    NodeKind.BOUNDARY_OBJECT: QT_TRANSLATE_NOOP("EditActions", "New boundary object"),
}
ADD_SHORTCUTS = {
    NodeKind.COMMUNITY: "Ctrl+1",
    NodeKind.PERSON: "Ctrl+2",
    NodeKind.BOUNDARY_OBJECT: "Ctrl+3",
    NodeKind.ME: "Ctrl+4",
}
# Room a new node keeps from the others: a community's width and its label's height.
NEW_NODE_ROOM = QPointF(170.0, 110.0)
# How far from me a community I belong to is first put (the first ring of the landscape).
COMMUNITY_STEP = 180.0


def _action(
    parent: QObject,
    text: str,
    shortcut: QKeySequence.StandardKey | str | None = None,
    tip: str = "",
) -> QAction:
    action = QAction(text, parent)
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
    if tip:
        action.setStatusTip(tip)
        action.setToolTip(tip)
    return action


def new_node(kind: NodeKind, node_id: str, label: str, at: QPointF) -> NodeModel:
    """A node of ``kind`` called ``label``, placed at ``at``."""
    x, y = at.x(), at.y()
    match kind:
        case NodeKind.ME:
            return MeNode(id=node_id, label=label, x=x, y=y)
        case NodeKind.COMMUNITY:
            return CommunityNode(id=node_id, label=label, x=x, y=y)
        case NodeKind.PERSON:
            return PersonNode(id=node_id, label=label, x=x, y=y)
        case NodeKind.BOUNDARY_OBJECT:
            return BoundaryObjectNode(id=node_id, label=label, x=x, y=y)


class EditActions(QObject):
    """The actions that edit the map in one window's scene and view."""

    def __init__(self, scene: MapScene, view: MapView) -> None:
        super().__init__(view)
        self.scene, self.view = scene, view
        self.session = scene.session
        self.layouts = MapLayouts(scene, view)
        self.add_node = {
            kind: _action(
                self, self._add_texts(kind)[0], ADD_SHORTCUTS[kind], self._add_texts(kind)[1]
            )
            for kind in (NodeKind.COMMUNITY, NodeKind.PERSON, NodeKind.BOUNDARY_OBJECT, NodeKind.ME)
        }
        for kind, action in self.add_node.items():
            action.triggered.connect(lambda _=False, kind=kind: self.add(kind))
        self.add_my_community = _action(
            self,
            self.tr("Add a Community I Belong To"),
            "Ctrl+Shift+M",
            self.tr("Add a community beside me, with my membership in it, in one step"),
        )
        self.add_my_community.triggered.connect(lambda: self.add_community_i_belong_to())
        # A map has at most one me: adding another is offered only while there is none.
        self.session.document_changed.connect(self.follow_me)
        self.follow_me()
        self.connect_mode = _action(
            self, self.tr("Connect Mode"), "Ctrl+E",
            self.tr(
                "Click one node, then the other, or drag from one to the other, to connect them "
                "(Shift+drag works in any mode)"
            ),
        )  # fmt: skip
        self.connect_mode.setCheckable(True)
        self.connect_mode.toggled.connect(self._set_connect_mode)
        self.connect_to = _action(
            self, self.tr("Connect To…"), "Ctrl+K",
            self.tr("Connect the selected node to another, picked by name (or press C on the map)"),
        )  # fmt: skip
        self.connect_to.triggered.connect(self.connect_selected_to)
        # C too, but only on the canvas: a letter as a window shortcut would take it from the
        # table's type-to-find and from other panels.
        self.connect_to_key = _action(self, self.tr("Connect To…"), "C")
        self.connect_to_key.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.connect_to_key.triggered.connect(self.connect_selected_to)
        view.addAction(self.connect_to_key)
        self.connect_picker: ConnectPicker | None = None
        self.delete = _action(
            self,
            self.tr("Delete"),
            QKeySequence.StandardKey.Delete,
            self.tr("Delete the selection"),
        )
        self.delete.setShortcuts(
            [QKeySequence(QKeySequence.StandardKey.Delete), QKeySequence("Backspace")]
        )
        self.delete.triggered.connect(self.delete_selection)
        self.cut = _action(self, self.tr("Cut"), QKeySequence.StandardKey.Cut)
        self.cut.triggered.connect(self.cut_selection)
        self.copy = _action(self, self.tr("Copy"), QKeySequence.StandardKey.Copy)
        self.copy.triggered.connect(self.copy_selection)
        self.paste = _action(self, self.tr("Paste"), QKeySequence.StandardKey.Paste)
        self.paste.triggered.connect(self.paste_clipboard)
        self.duplicate = _action(
            self, self.tr("Duplicate"), "Ctrl+D", self.tr("Copy the selection in place")
        )
        self.duplicate.triggered.connect(self.duplicate_selection)
        self.select_all = _action(self, self.tr("Select All"), QKeySequence.StandardKey.SelectAll)
        self.select_all.triggered.connect(
            lambda: self.session.selection.set(node.id for node in self.session.doc.nodes)
        )
        self.rename = _action(
            self, self.tr("Rename"), "F2", self.tr("Rename the selected node in place")
        )
        self.rename.triggered.connect(self.rename_selected)
        # F2 renames on the canvas only: in the table it edits the current cell.
        self.rename.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        view.addAction(self.rename)
        self.landscape = _action(
            self, self.tr("Landscape Layout"), "Ctrl+Shift+L",
            self.tr("Me in the centre, communities on rings by my level and in wedges by sector"),
        )  # fmt: skip
        self.landscape.triggered.connect(lambda: self.apply_layout("landscape"))
        self.force = _action(
            self,
            self.tr("Force-Directed Layout"),
            "Ctrl+Shift+F",
            self.tr("Spread the map out by its connections"),
        )
        self.force.triggered.connect(lambda: self.apply_layout("force"))
        self.pin = _action(
            self,
            self.tr("Pin Selected"),
            "Ctrl+Shift+P",
            self.tr("Layouts leave pinned nodes where they are"),
        )
        self.pin.triggered.connect(lambda: self.set_pinned(True))
        self.unpin = _action(self, self.tr("Unpin Selected"), "Ctrl+Shift+U")
        self.unpin.triggered.connect(lambda: self.set_pinned(False))
        view.context_menu_requested.connect(self._show_context_menu)
        # Extra entries for a node's right-click menu (the analysis adds its what-if here).
        self.node_menu_extras: list[Callable[[QMenu, str], None]] = []
        scene.add_node_requested.connect(self._add_at)
        scene.rename_requested.connect(view.rename_in_place)

    # -- adding ----------------------------------------------------------------------------------

    def follow_me(self, _change: object = None) -> None:
        """Offer Add Me only while the map has no me (a map holds at most one), and adding a
        community I belong to only while there is one."""
        has_me = self.session.doc.ego is not None
        self.add_node[NodeKind.ME].setEnabled(not has_me)
        self.add_my_community.setEnabled(has_me)

    def add_community_i_belong_to(self) -> str | None:
        """Add a community beside me with my (active) membership in it, as one undo step with
        its naming, and start renaming it."""
        doc = self.session.doc
        me = doc.ego
        if me is None:
            self.session.edit_refused.emit(self.tr('Add "me" first: the community is yours.'))
            return None
        near = QPointF(me.x or 0.0, me.y or 0.0)
        at = placeable(self._free_spot(near + QPointF(0.0, -COMMUNITY_STEP)))
        node_id = doc.new_id(NODE_ID_PREFIX[NodeKind.COMMUNITY])
        community = new_node(
            NodeKind.COMMUNITY, node_id, self.tr(NEW_LABEL[NodeKind.COMMUNITY]), at
        )
        membership = new_edge(EdgeKind.MEMBERSHIP, doc.new_id("e"), me.id, node_id)
        merge_key = ("add and name", node_id)
        insert = InsertItems(
            nodes=((len(doc.nodes), community),), edges=((len(doc.edges), membership),)
        )
        if not self.session.edit(insert, self.tr("Add a community I belong to"), merge_key):
            return None
        self.session.selection.set([node_id])
        self.view.keep_in_sight(node_id)
        self.view.rename_in_place(node_id, merge_key)
        return node_id

    def add(self, kind: NodeKind, at: QPointF | None = None) -> str | None:
        """Add a node of ``kind`` (at the view's centre by default) and start renaming it."""
        doc = self.session.doc
        if kind == NodeKind.ME and doc.ego is not None:
            self.session.edit_refused.emit(self.tr('This map already has a "me".'))
            return None
        if at is None:
            at = self._free_spot(self.view.mapToScene(self.view.viewport().rect().center()))
        at = placeable(at)
        node_id = (
            "me" if kind == NodeKind.ME and "me" not in doc else doc.new_id(NODE_ID_PREFIX[kind])
        )
        node = new_node(kind, node_id, self.tr(NEW_LABEL[kind]), at)
        # Adding and naming the node is one gesture: one undo step removes it.
        merge_key = ("add and name", node_id)
        insert = InsertItems(nodes=((len(doc.nodes), node),))
        if not self.session.edit(insert, self._add_texts(kind)[3], merge_key):
            return None
        self.session.selection.set([node_id])
        self.view.keep_in_sight(node_id)
        self.view.rename_in_place(node_id, merge_key)
        return node_id

    def context_menu(self, at: QPointF, node_id: str) -> QMenu:
        """The right-click menu: node commands on a node, adding and pasting elsewhere."""
        menu = QMenu(self.view)
        if node_id:
            menu.addActions([self.rename, self.duplicate, self.delete])
            menu.addSeparator()
            pinned = PINNED_TAG in self.session.doc.node(node_id).tags
            menu.addAction(self.unpin if pinned else self.pin)
            for add_extras in self.node_menu_extras:
                add_extras(menu, node_id)
            return menu
        for kind, add_action in self.add_node.items():
            entry = menu.addAction(self._add_texts(kind)[2])
            entry.setEnabled(add_action.isEnabled())
            entry.triggered.connect(lambda _=False, kind=kind: self.add(kind, at))
        menu.addSeparator()
        menu.addActions([self.paste, self.select_all])
        menu.addSeparator()
        menu.addActions([self.landscape, self.force])
        return menu

    def _show_context_menu(self, at: QPointF, node_id: str, global_pos: QPoint) -> None:
        menu = self.context_menu(at, node_id)
        menu.exec(global_pos)
        menu.deleteLater()

    def _add_at(self, at: QPointF) -> None:
        self.add(NodeKind.COMMUNITY, at)

    def _free_spot(self, around: QPointF) -> QPointF:
        """The point nearest ``around``, on rings of a loose grid, with room for a node and its
        label, so that new nodes never land on each other."""
        # As arrays, a ring's spots against the nodes near the ring: one by one, each spot
        # against each of a room map's 10,000 nodes took 0.3 s, and 50 ms against them all.
        items = self.scene.node_items
        offsets = np.array(
            [
                (node.x, node.y)
                if node.x is not None and node.y is not None
                else (items[node.id].x(), items[node.id].y())  # placed where the scene put it
                for node in self.session.doc.nodes
                if node.id in items
            ],
            dtype=float,
        ).reshape(-1, 2) - (around.x(), around.y())
        room = np.array([NEW_NODE_ROOM.x(), NEW_NODE_ROOM.y()])
        for ring in range(40):
            near_ring = offsets[(np.abs(offsets) < (ring + 1) * room).all(axis=1)]
            steps = sorted(
                ((dx, dy) for dx in range(-ring, ring + 1) for dy in range(-ring, ring + 1)
                 if max(abs(dx), abs(dy)) == ring),
                key=lambda step: abs(step[0]) * room[0] + abs(step[1]) * room[1],
            )  # fmt: skip
            spots = np.array(steps, dtype=float).reshape(-1, 2) * room
            crowded = (np.abs(near_ring[None, :, :] - spots[:, None, :]) < room).all(axis=2)
            free = np.flatnonzero(~crowded.any(axis=1))
            if free.size:
                dx, dy = spots[free[0]]
                return around + QPointF(dx, dy)
        return QPointF(around)

    def _set_connect_mode(self, on: bool) -> None:
        self.scene.connect_mode = on
        if on:
            self.scene.status_message.emit(
                self.tr("Connect Mode: click one node, then the other. Ctrl+E turns it off.")
            )
        else:
            self.scene.cancel_connecting()

    def connect_selected_to(self) -> ConnectPicker | None:
        """Open the picker of what the one selected node can be connected to; say why not when
        there is no such node or nothing to connect it to."""
        doc = self.session.doc
        node_ids = [i for i in self.session.selection.ids if doc.has_node(i)]
        if len(node_ids) != 1:
            n = len(node_ids)
            text = (
                self.tr("Select just one node to connect it: %n are selected.", "", n)
                if n
                else self.tr("Select one node to connect it to another.")
            )
            self.scene.status_message.emit(text)
            return None
        choices = connect_choices(doc, node_ids[0])
        if not choices:
            node = doc.node(node_ids[0])
            text = self.tr("Nothing on the map can be connected to {label}.")
            self.scene.status_message.emit(text.format(label=node.label or node.id))
            return None
        if self.connect_picker is not None:
            self.connect_picker.close_picker()
        picker = ConnectPicker(self.view, node_ids[0], choices)
        picker.closed.connect(self._forget_picker)
        self.connect_picker = picker
        picker.open()
        return picker

    def _forget_picker(self) -> None:
        self.connect_picker = None

    # -- removing, copying -----------------------------------------------------------------------

    def delete_selection(self) -> None:
        ids = self.session.selection.ids
        if not ids:
            return
        self.session.edit(RemoveItems(frozenset(ids)), self._removal_text(ids, cut=False))

    def copy_selection(self) -> bool:
        ids = self.session.selection.ids
        if not any(self.session.doc.has_node(item_id) for item_id in ids):
            return False
        mime = QMimeData()
        text = fragment_json(self.session.doc, ids)
        mime.setData(MIME_TYPE, text.encode("utf-8"))
        labels = [self.session.doc.node(i).label for i in ids if self.session.doc.has_node(i)]
        mime.setText("\n".join(labels))
        QGuiApplication.clipboard().setMimeData(mime)
        return True

    def cut_selection(self) -> None:
        if self.copy_selection():
            ids = self.session.selection.ids
            self.session.edit(RemoveItems(frozenset(ids)), self._removal_text(ids, cut=True))

    def paste_clipboard(self) -> None:
        mime = QGuiApplication.clipboard().mimeData()
        if mime is None or not mime.hasFormat(MIME_TYPE):
            self.session.edit_refused.emit(self.tr("The clipboard holds no map items to paste."))
            return
        data = bytes(mime.data(MIME_TYPE).data())
        self._paste(data.decode("utf-8", errors="replace"), duplicate=False)

    def duplicate_selection(self) -> None:
        ids = self.session.selection.ids
        if any(self.session.doc.has_node(item_id) for item_id in ids):
            self._paste(fragment_json(self.session.doc, ids), duplicate=True)

    def _paste(self, text: str, duplicate: bool) -> None:
        try:
            edit = paste_edit(self.session.doc, text)
        except FragmentError as error:
            self.session.edit_refused.emit(self.tr("Cannot paste: {reason}.").format(reason=error))
            return
        new_ids = [node.id for _, node in edit.nodes]
        n = len(new_ids)
        text = (
            self.tr("Duplicate %n nodes", "", n) if duplicate else self.tr("Paste %n nodes", "", n)
        )
        if new_ids and self.session.edit(edit, text):
            self.session.selection.set(new_ids)

    def rename_selected(self) -> None:
        nodes = [i for i in self.session.selection.ids if self.session.doc.has_node(i)]
        if nodes:
            self.view.rename_in_place(nodes[0])

    def _removal_text(self, ids: Sequence[str], cut: bool) -> str:
        """The undo text of deleting (or cutting) ``ids``: a node by its label, else a count."""
        if len(ids) == 1:
            item = self.session.doc.get(ids[0])
            if item is not None and hasattr(item, "x"):
                label = item.label or item.id
                text = self.tr("Cut {label}") if cut else self.tr("Delete {label}")
                return text.format(label=label)
            return self.tr("Cut edge") if cut else self.tr("Delete edge")
        n = len(ids)
        return self.tr("Cut %n items", "", n) if cut else self.tr("Delete %n items", "", n)

    def _add_texts(self, kind: NodeKind) -> tuple[str, str, str, str]:
        """The texts of adding a node of ``kind``: the action, its tip, the canvas menu entry and
        the undo step."""
        match kind:
            case NodeKind.COMMUNITY:
                return (
                    self.tr("Add Community"),
                    self.tr("Add a community in the middle of the view"),
                    self.tr("Add Community Here"),
                    self.tr("Add community"),
                )
            case NodeKind.PERSON:
                return (
                    self.tr("Add Person"),
                    self.tr("Add a person in the middle of the view"),
                    self.tr("Add Person Here"),
                    self.tr("Add person"),
                )
            case NodeKind.BOUNDARY_OBJECT:
                return (
                    self.tr("Add Boundary Object"),
                    self.tr("Add a boundary object in the middle of the view"),
                    self.tr("Add Boundary Object Here"),
                    self.tr("Add boundary object"),
                )
            case NodeKind.ME:
                return (
                    self.tr("Add Me"),
                    self.tr('Add "me" in the middle of the view'),
                    self.tr("Add Me Here"),
                    self.tr("Add me"),
                )

    # -- layouts and pins ------------------------------------------------------------------------

    def apply_layout(self, name: str) -> None:
        """Lay the map out by ``name`` ("landscape" or "force"): see :class:`MapLayouts`."""
        self.layouts.apply(name)

    def finish_animation(self) -> None:
        """Jump to the end of a running layout animation; a layout still being worked out is
        dropped (tests, closing the window)."""
        self.layouts.finish()

    def set_pinned(self, pinned: bool) -> None:
        doc = self.session.doc
        edits = []
        for node_id in self.session.selection.ids:
            if not doc.has_node(node_id):
                continue
            tags = doc.node(node_id).tags
            if pinned and PINNED_TAG not in tags:
                edits.append(UpdateItem(node_id, {"tags": (*tags, PINNED_TAG)}))
            elif not pinned and PINNED_TAG in tags:
                edits.append(
                    UpdateItem(node_id, {"tags": tuple(t for t in tags if t != PINNED_TAG)})
                )
        if edits:
            n = len(edits)
            text = self.tr("Pin %n nodes", "", n) if pinned else self.tr("Unpin %n nodes", "", n)
            self.session.edit(Batch(tuple(edits)), text)
