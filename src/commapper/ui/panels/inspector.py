"""The inspector: the typed fields of the selected nodes or edges, or of the map, for a dock.

It observes the session (selection and document changes) and holds only ids. Every change the
user makes becomes one undoable edit through :meth:`MapSession.edit`; typing in a field merges
into one step, and an edit of several selected items is one step too.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QScrollArea, QVBoxLayout, QWidget

from commapper.model import (
    ACTOR_KINDS,
    SECTOR_SUGGESTIONS,
    Batch,
    DocumentChanged,
    EdgeKind,
    Edit,
    Level,
    Means,
    NodeKind,
    Stage,
    UpdateItem,
    UpdateMap,
)
from commapper.model.items import TEXT_LIMITS
from commapper.ui.field_text import (
    INSIDE_ORG_CHOICES,
    KIND_NAMES,
    KIND_PLURALS,
    node_label,
    short,
    tags_to_text,
    text_to_tags,
    undo_text,
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
# Label text (with its keyboard mnemonic) and the words used in undo texts.
LABELS: dict[str, tuple[str, str]] = {
    "kind": ("Kind", "kind"), "id": ("Id", "id"), "source": ("From", "source"),
    "target": ("To", "target"), "label": ("&Label", "label"), "domain": ("&Domain", "domain"),
    "sector": ("&Sector", "sector"), "inside_org": ("&Inside my org", "inside organisation"),
    "stage": ("S&tage", "stage"), "org": ("&Organisation", "organisation"),
    "level": ("Le&vel", "level"), "modes": ("&Modes", "modes"), "since": ("Si&nce", "since"),
    "until": ("&Until", "until"), "means": ("M&eans", "means"), "via": ("V&ia", "via"),
    "directed": ("Di&rected", "directed"), "weight": ("&Weight", "weight"),
    "tags": ("T&ags", "tags"), "color": ("&Colour", "colour"), "notes": ("&Notes", "notes"),
    "attributes": ("Attri&butes", "attributes"), "title": ("&Title", "title"),
    "description": ("&Description", "description"),
}  # fmt: skip
HEADING_CHARS = 80  # a longer label is cut in the heading, which would otherwise fill the panel
MAP_HINT = (
    "Nothing is selected. Select a community, person, boundary object or connection on the "
    "map or in the table to see and edit its details here."
)


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
        self.message.setAccessibleName("Edit refused")
        self.message.hide()
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.message)
        layout.addWidget(self.scroll, 1)
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
            self.heading.setText("Map")
            names: Sequence[str] = ("title", "description")
        elif len(items) == 1:
            self._show_heading()
            names = FIELDS_BY_KIND[items[0].kind]
        else:
            kinds = {item.kind for item in items}
            common = set.intersection(*(set(FIELDS_BY_KIND[kind]) for kind in kinds))
            names = [n for n in FIELDS_BY_KIND[items[0].kind] if n in common & MULTI_FIELDS]
            what = KIND_PLURALS[items[0].kind] if len(kinds) == 1 else "items"
            self.heading.setText(f"{len(items)} {what} selected")
        for name in names:
            field = self._make_field(name)
            label = QLabel(LABELS[name][0])
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
            hint = QLabel(MAP_HINT)
            hint.setWordWrap(True)
            hint.setObjectName("hint")
            form.addRow(hint)
        scroll_past_fields(page)
        self.scroll.setWidget(page)  # deletes the previous page
        self.refresh()

    def _make_field(self, name: str) -> Field:
        label = LABELS[name][0]
        makers: dict[str, Callable[[], Field]] = {
            "title": lambda: TextField(name, label),
            "description": lambda: NotesField(name, label),
            "label": lambda: TextField(name, label),
            "domain": lambda: SuggestField(name, label, self._used("domain")),
            "sector": lambda: SuggestField(name, label, self._sectors()),
            "org": lambda: SuggestField(name, label, self._used("org")),
            "inside_org": lambda: ChoiceField(name, label, INSIDE_ORG_CHOICES),
            "stage": lambda: ChoiceField(name, label, [("none", None), *_words(Stage)]),
            "level": lambda: ChoiceField(name, label, _words(Level)),
            "means": lambda: ChoiceField(name, label, _words(Means)),
            "modes": lambda: ModesField(name, label),
            "since": lambda: DateField(name, label),
            "until": lambda: DateField(name, label),
            "via": lambda: ViaField(name, label, self._via_candidates),
            "directed": lambda: CheckField(name, label, "from source to target"),
            "weight": lambda: NumberField(name, label),
            "tags": lambda: TextField(name, label, tags_to_text, text_to_tags),
            "color": lambda: ColorField(name, label),
            "notes": lambda: NotesField(name, label),
            "attributes": lambda: AttributesField(name, label),
        }
        field = makers[name]() if name in makers else ReadOnlyField(name, label)
        if name in TEXT_LIMITS:
            # Typing stops at the model's limit instead of being refused past it.
            line = field.focus if isinstance(field.focus, QLineEdit) else field.combo.lineEdit()
            line.setMaxLength(TEXT_LIMITS[name])
        if name == "tags":
            field.focus.setPlaceholderText("comma-separated, e.g. document, standard")
        if name == "directed" and self.items() and self.items()[0].kind == EdgeKind.TIE:
            field.box.setText("the tie has a direction")
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
            (node.id, f"{node.label or node.id} ({KIND_NAMES[node.kind].lower()})")
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
            return KIND_NAMES[item.kind]
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
        self.heading.setText(f"{KIND_NAMES[item.kind]}: {short(name or item.id, HEADING_CHARS)}")

    def _refused(self, text: str) -> None:
        if self._committing:  # refusals of other views' edits are theirs to show
            self.message.setText(f"Not changed: {text}")
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
        words = LABELS[name][1]
        if not self.ids:
            if getattr(self.session.doc, name) != value:
                self._edit(UpdateMap({name: value}), f"Change {words}", ("map", name))
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
        text = undo_text(words, [item.kind for item, _ in changed])
        merge_key = (self.ids[0], name) if len(self.ids) == 1 else (self.ids, name)
        self._edit(edit, text, merge_key)


def _words(choices: Any) -> list[tuple[str, Any]]:
    return [(choice.value, choice) for choice in choices]


def _modes_with(modes: tuple, mode: Any, on: bool) -> tuple:
    """The modes with ``mode`` added or removed, keeping the order the others had."""
    if on:
        return modes if mode in modes else (*modes, mode)
    return tuple(m for m in modes if m != mode)
