"""The inspector: the typed fields of the selected nodes or edges, or of the map, for a dock.

It observes the session (selection and document changes) and holds only ids. Every change the
user makes becomes one undoable edit through :meth:`MapSession.edit`; typing in a field merges
into one step, and an edit of several selected items is one step too.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFormLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from commapper.model import (
    ACTOR_KINDS,
    SECTOR_SUGGESTIONS,
    Batch,
    CrossingEdge,
    DocumentChanged,
    Edge,
    EdgeKind,
    Edit,
    MembershipEdge,
    Mode,
    Node,
    NodeKind,
    ObjectUseEdge,
    TieEdge,
    UpdateItem,
    UpdateMap,
)
from commapper.model.items import TEXT_LIMITS
from commapper.ui.field_text import (
    field_choices,
    field_words,
    kind_name,
    kind_word,
    node_label,
    short,
    tags_to_text,
    text_to_tags,
)
from commapper.ui.panels.attributes_table import AttributesField
from commapper.ui.panels.inspector_fields import (
    CheckField,
    ChoiceField,
    ColorField,
    DateField,
    Field,
    ModesField,
    NotesField,
    NumberField,
    ReadOnlyField,
    SuggestField,
    TextField,
    ViaField,
)
from commapper.ui.session import MapSession
from commapper.ui.translations import QT_TRANSLATE_NOOP
from commapper.ui.wheel import scroll_past_fields

_HEAD = ("kind", "id")
_TAIL = ("tags", "color", "notes", "attributes")
FIELDS_BY_KIND: dict[str, tuple[str, ...]] = {
    NodeKind.ME: (*_HEAD, "label", "org", *_TAIL),
    NodeKind.PERSON: (*_HEAD, "label", "org", *_TAIL),
    NodeKind.COMMUNITY: (*_HEAD, "label", "domain", "sector", "inside_org", "stage", *_TAIL),
    NodeKind.BOUNDARY_OBJECT: (*_HEAD, "label", *_TAIL),
    EdgeKind.MEMBERSHIP: (*_HEAD, "source", "target", "label", "level", "modes", "since", "until",
                          *_TAIL),
    EdgeKind.CROSSING: (*_HEAD, "source", "target", "label", "means", "via", "directed", *_TAIL),
    EdgeKind.OBJECT_USE: (*_HEAD, "source", "target", "label", *_TAIL),
    EdgeKind.TIE: (*_HEAD, "source", "target", "label", "directed", "weight", *_TAIL),
}  # fmt: skip
# Fields that make sense to set on several items at once.
MULTI_FIELDS = frozenset(
    {"kind", "domain", "sector", "inside_org", "stage", "org", "level", "modes", "since", "until",
     "means", "directed", "weight", "tags", "color"}
)  # fmt: skip
WIDE_FIELDS = frozenset({"modes", "via", "notes", "attributes", "description"})
READ_ONLY = frozenset({"kind", "id", "source", "target"})
# The label of each field, with its keyboard mnemonic; translated where shown.
LABELS: dict[str, str] = {
    "kind": QT_TRANSLATE_NOOP("Inspector", "Kind"),
    "id": QT_TRANSLATE_NOOP("Inspector", "Id"),
    "source": QT_TRANSLATE_NOOP("Inspector", "From"),
    "target": QT_TRANSLATE_NOOP("Inspector", "To"),
    "label": QT_TRANSLATE_NOOP("Inspector", "&Label"),
    "domain": QT_TRANSLATE_NOOP("Inspector", "&Domain"),
    "sector": QT_TRANSLATE_NOOP("Inspector", "&Sector"),
    "inside_org": QT_TRANSLATE_NOOP("Inspector", "&Inside my org"),
    "stage": QT_TRANSLATE_NOOP("Inspector", "S&tage"),
    "org": QT_TRANSLATE_NOOP("Inspector", "&Organisation"),
    "level": QT_TRANSLATE_NOOP("Inspector", "Le&vel"),
    "modes": QT_TRANSLATE_NOOP("Inspector", "&Modes"),
    "since": QT_TRANSLATE_NOOP("Inspector", "Si&nce"),
    "until": QT_TRANSLATE_NOOP("Inspector", "&Until"),
    "means": QT_TRANSLATE_NOOP("Inspector", "M&eans"),
    "via": QT_TRANSLATE_NOOP("Inspector", "V&ia"),
    "directed": QT_TRANSLATE_NOOP("Inspector", "Di&rected"),
    "weight": QT_TRANSLATE_NOOP("Inspector", "&Weight"),
    "tags": QT_TRANSLATE_NOOP("Inspector", "T&ags"),
    "color": QT_TRANSLATE_NOOP("Inspector", "&Colour"),
    "notes": QT_TRANSLATE_NOOP("Inspector", "&Notes"),
    "attributes": QT_TRANSLATE_NOOP("Inspector", "Attri&butes"),
    "title": QT_TRANSLATE_NOOP("Inspector", "&Title"),
    "description": QT_TRANSLATE_NOOP("Inspector", "&Description"),
}
HEADING_CHARS = 80  # a longer label is cut in the heading, which would otherwise fill the panel
UNDO_NAME_CHARS = 40  # a name in an undo step (the Edit menu, the History)
MAP_HINT = QT_TRANSLATE_NOOP(
    "Inspector",
    "Nothing is selected. Select a community, person, boundary object or connection on the "
    "map or in the table to see and edit its details here.",
)


# A crossing's label is what was learned across it (Wenger): the field says so.
CROSSING_LABEL = QT_TRANSLATE_NOOP("Inspector", "What was &learned")


def _label_text(name: str, kinds: Collection[str] = ()) -> str:
    """The label of the field ``name`` (of items of ``kinds``), with its keyboard mnemonic, in
    the user's language."""
    if name == "label" and kinds and set(kinds) == {EdgeKind.CROSSING}:
        return QCoreApplication.translate("Inspector", CROSSING_LABEL)
    return QCoreApplication.translate("Inspector", LABELS[name])


class Inspector(QWidget):
    """Shows and edits the selected items of ``session`` (or the map when nothing is selected)."""

    def __init__(self, session: MapSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setObjectName("inspector")
        self.heading = QLabel()
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.heading.setWordWrap(True)
        font = self.heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.heading.setFont(font)
        self.message = QLabel()
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020;")
        self.message.setAccessibleName(self.tr("Edit refused"))
        self.message.hide()
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QScrollArea.Shape.NoFrame)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.message)
        layout.addWidget(self.scroll_area, 1)
        self.fields: dict[str, Field] = {}
        self.ids: tuple[str, ...] = ()
        self._committing = False
        session.selection.changed.connect(self.rebuild)
        session.document_changed.connect(self._document_changed)
        session.edit_refused.connect(self._refused)
        self.rebuild()

    # -- building the form -----------------------------------------------------------------------

    def items(self) -> list[Any]:
        doc = self.session.doc
        return [doc.get(item_id) for item_id in self.ids if item_id in doc]

    def rebuild(self) -> None:
        """Build the form for the current selection and show its values."""
        doc = self.session.doc
        self.ids = tuple(item_id for item_id in self.session.selection.ids if item_id in doc)
        items = self.items()
        self.message.hide()
        page = QWidget()
        outer = QVBoxLayout(page)
        form = QFormLayout()
        outer.addLayout(form)
        outer.addStretch(1)  # rows keep their height; the space goes below them
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        self.fields = {}
        if not items:
            self.heading.setText(self.tr("Map"))
            names: Sequence[str] = ("title", "description")
        elif len(items) == 1:
            self._show_heading()
            names = FIELDS_BY_KIND[items[0].kind]
        else:
            kinds = {item.kind for item in items}
            common = set.intersection(*(set(FIELDS_BY_KIND[kind]) for kind in kinds))
            names = [n for n in FIELDS_BY_KIND[items[0].kind] if n in common & MULTI_FIELDS]
            kind = items[0].kind if len(kinds) == 1 else None
            self.heading.setText(self._selected_text(kind, len(items)))
        kinds_shown = {item.kind for item in items}
        for name in names:
            field = self._make_field(name, kinds_shown)
            label = QLabel(_label_text(name, kinds_shown))
            label.setBuddy(field.focus)
            if name in WIDE_FIELDS:  # label above, the editor across the whole width
                form.addRow(label)
                form.addRow(field.widget)
            else:
                form.addRow(label, field.widget)
            if name not in READ_ONLY:
                field.edited.connect(lambda value, n=name: self._commit(n, value))
            self.fields[name] = field
        if not items:
            hint = QLabel(self.tr(MAP_HINT))
            hint.setWordWrap(True)
            hint.setObjectName("hint")
            form.addRow(hint)
        scroll_past_fields(page)
        self.scroll_area.setWidget(page)  # deletes the previous page
        self.refresh()

    def _make_field(self, name: str, kinds: Collection[str] = ()) -> Field:
        label = _label_text(name, kinds)
        makers: dict[str, Callable[[], Field]] = {
            "title": lambda: TextField(name, label),
            "description": lambda: NotesField(name, label),
            "label": lambda: TextField(name, label),
            "domain": lambda: SuggestField(name, label, self._used("domain")),
            "sector": lambda: SuggestField(name, label, self._sectors()),
            "org": lambda: SuggestField(name, label, self._used("org")),
            "inside_org": lambda: ChoiceField(name, label, field_choices(name)),
            "stage": lambda: ChoiceField(name, label, field_choices(name)),
            "level": lambda: ChoiceField(name, label, field_choices(name)),
            "means": lambda: ChoiceField(name, label, field_choices(name)),
            "modes": lambda: ModesField(name, label),
            "since": lambda: DateField(name, label),
            "until": lambda: DateField(name, label),
            "via": lambda: ViaField(name, label, self._via_candidates),
            "directed": lambda: CheckField(name, label, self.tr("from source to target")),
            "weight": lambda: NumberField(name, label),
            "tags": lambda: TextField(name, label, tags_to_text, text_to_tags),
            "color": lambda: ColorField(name, label),
            "notes": lambda: NotesField(name, label),
            "attributes": lambda: AttributesField(name, label),
        }
        field = makers[name]() if name in makers else ReadOnlyField(name, label)
        if name in TEXT_LIMITS and isinstance(field, TextField | SuggestField):
            # Typing stops at the model's limit instead of being refused past it.
            field.line.setMaxLength(TEXT_LIMITS[name])
        if name == "tags" and isinstance(field, TextField):
            field.line.setPlaceholderText(self.tr("comma-separated, e.g. document, standard"))
        if (
            name == "directed"
            and isinstance(field, CheckField)
            and self.items()
            and self.items()[0].kind == EdgeKind.TIE
        ):
            field.box.setText(self.tr("the tie has a direction"))
        return field

    def _used(self, name: str) -> list[str]:
        values = {getattr(node, name, None) for node in self.session.doc.nodes}
        return sorted((value for value in values if value), key=str.casefold)

    def _sectors(self) -> list[str]:
        used = self._used("sector")
        return [*SECTOR_SUGGESTIONS, *(s for s in used if s not in SECTOR_SUGGESTIONS)]

    def _via_candidates(self) -> list[tuple[str, str]]:
        kinds = ACTOR_KINDS | {NodeKind.BOUNDARY_OBJECT}
        return [
            (
                node.id,
                self.tr("{label} ({kind})").format(
                    label=node.label or node.id, kind=kind_word(node.kind)
                ),
            )
            for node in self.session.doc.nodes
            if node.kind in kinds
        ]

    # -- showing values --------------------------------------------------------------------------

    def refresh(self) -> None:
        """Show the current values; a field the user is typing in keeps its text."""
        items = self.items()
        for name, field in self.fields.items():
            if items:
                field.show_values([self._value_of(item, name) for item in items])
            else:
                field.show_value(getattr(self.session.doc, name))

    def _value_of(self, item: Any, name: str) -> Any:
        if name == "kind":
            return kind_name(item.kind)
        if name in ("source", "target"):
            node_id = getattr(item, name)
            return f"{node_label(self.session.doc, node_id)} ({node_id})"
        return getattr(item, name)

    def _document_changed(self, change: DocumentChanged) -> None:
        if not self.ids:
            if change.map_fields & {"title", "description"}:
                self.refresh()
            return
        if change.nodes_changed or change.edges_changed or change.structure_changed:
            self.refresh()
            self._show_heading()

    def _show_heading(self) -> None:
        items = self.items()
        if len(items) != 1:
            return
        item, doc = items[0], self.session.doc
        name = item.label
        if not name and hasattr(item, "source"):
            name = f"{node_label(doc, item.source)} → {node_label(doc, item.target)}"
        # Cut short: the whole label is in the field below.
        self.heading.setText(
            self.tr("{kind}: {name}").format(
                kind=kind_name(item.kind), name=short(name or item.id, HEADING_CHARS)
            )
        )

    def _refused(self, text: str) -> None:
        if self._committing:  # refusals of other views' edits are theirs to show
            self.message.setText(self.tr("Not changed: {reason}").format(reason=text))
            self.message.show()

    def _edit(self, edit: Edit, text: str, merge_key: Any) -> None:
        self._committing = True
        try:
            if self.session.edit(edit, text, merge_key):
                self.message.hide()
        finally:
            self._committing = False

    # -- editing ---------------------------------------------------------------------------------

    def _commit(self, name: str, value: Any) -> None:
        words = field_words(name)
        if not self.ids:
            if getattr(self.session.doc, name) != value:
                text = self.tr("Change {field}").format(field=words)
                self._edit(UpdateMap({name: value}), text, ("map", name))
            return
        changed = []
        for item in self.items():
            new = _modes_with(item.modes, *value) if name == "modes" else value
            if getattr(item, name) != new:
                changed.append((item, new))
        if not changed:
            return
        edits: list[Edit] = [UpdateItem(item.id, {name: new}) for item, new in changed]
        edit = edits[0] if len(edits) == 1 else Batch(tuple(edits))
        if len(changed) == 1:
            text = self._one_item_undo_text(name, words, changed[0][0])
        else:
            text = self._undo_text(words, [item.kind for item, _ in changed])
        merge_key = (self.ids[0], name) if len(self.ids) == 1 else (self.ids, name)
        self._edit(edit, text, merge_key)

    # -- texts -----------------------------------------------------------------------------------

    def _selected_text(self, kind: str | None, n: int) -> str:
        """ "3 communities selected"; ``kind`` None for items of several kinds."""
        texts: dict[str, str] = {
            NodeKind.ME: self.tr("%n me nodes selected", "", n),
            NodeKind.COMMUNITY: self.tr("%n communities selected", "", n),
            NodeKind.PERSON: self.tr("%n people selected", "", n),
            NodeKind.BOUNDARY_OBJECT: self.tr("%n boundary objects selected", "", n),
            EdgeKind.MEMBERSHIP: self.tr("%n memberships selected", "", n),
            EdgeKind.CROSSING: self.tr("%n crossings selected", "", n),
            EdgeKind.OBJECT_USE: self.tr("%n object uses selected", "", n),
            EdgeKind.TIE: self.tr("%n ties selected", "", n),
        }
        return (texts.get(kind) if kind else None) or self.tr("%n items selected", "", n)

    def _one_item_undo_text(self, name: str, words: str, item: Node | Edge) -> str:
        """What the History names: "Rename Hospital IT", "Change sector of Hospital IT", "Change
        level of Ana – Nurse educators"."""
        doc = self.session.doc

        def called(node_id: str) -> str:
            return short(doc.node(node_id).label or node_id, UNDO_NAME_CHARS)

        match item:
            case MembershipEdge() | CrossingEdge() | ObjectUseEdge() | TieEdge():
                whom = f"{called(item.source)} – {called(item.target)}"
            case _:
                whom = called(item.id)
        if name == "label" and isinstance(item, CrossingEdge):
            return self.tr("Change what was learned across {name}").format(name=whom)
        if name == "label":
            return self.tr("Rename {name}").format(name=whom)
        return self.tr("Change {field} of {name}").format(field=words, name=whom)

    def _undo_text(self, field: str, kinds: list[str]) -> str:
        """ "Change sector" for one item, "Change sector of 3 communities" for several."""
        n = len(kinds)
        if n == 1:
            return self.tr("Change {field}").format(field=field)
        texts: dict[str, str] = {
            NodeKind.ME: self.tr("Change {field} of %n me nodes", "", n),
            NodeKind.COMMUNITY: self.tr("Change {field} of %n communities", "", n),
            NodeKind.PERSON: self.tr("Change {field} of %n people", "", n),
            NodeKind.BOUNDARY_OBJECT: self.tr("Change {field} of %n boundary objects", "", n),
            EdgeKind.MEMBERSHIP: self.tr("Change {field} of %n memberships", "", n),
            EdgeKind.CROSSING: self.tr("Change {field} of %n crossings", "", n),
            EdgeKind.OBJECT_USE: self.tr("Change {field} of %n object uses", "", n),
            EdgeKind.TIE: self.tr("Change {field} of %n ties", "", n),
        }
        same = len(set(kinds)) == 1
        text = texts[kinds[0]] if same else self.tr("Change {field} of %n items", "", n)
        return text.format(field=field)


def _modes_with(modes: tuple[Mode, ...], mode: Mode, on: bool) -> tuple[Mode, ...]:
    """The modes with ``mode`` added or removed, keeping the order the others had."""
    if on:
        return modes if mode in modes else (*modes, mode)
    return tuple(m for m in modes if m != mode)
