"""Field values as the text the inspector and tables show, and typed text back into values."""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from enum import Enum
from typing import Any

from PySide6.QtCore import QCoreApplication

from commapper.model import EdgeKind, Level, MapDocument, Means, Mode, NodeKind, Stage
from commapper.model.items import DATE_PATTERN
from commapper.ui.translations import QT_TRANSLATE_NOOP

# Texts of the tables below are marked for translation where they are defined and translated
# where they are shown, in the context named in each (the words of an enum: the enum's name).
KIND_NAMES: dict[str, str] = {
    NodeKind.ME: QT_TRANSLATE_NOOP("Kinds", "Me"),
    NodeKind.COMMUNITY: QT_TRANSLATE_NOOP("Kinds", "Community"),
    NodeKind.PERSON: QT_TRANSLATE_NOOP("Kinds", "Person"),
    NodeKind.BOUNDARY_OBJECT: QT_TRANSLATE_NOOP("Kinds", "Boundary object"),
    EdgeKind.MEMBERSHIP: QT_TRANSLATE_NOOP("Kinds", "Membership"),
    EdgeKind.CROSSING: QT_TRANSLATE_NOOP("Kinds", "Crossing"),
    EdgeKind.OBJECT_USE: QT_TRANSLATE_NOOP("Kinds", "Object use"),
    EdgeKind.TIE: QT_TRANSLATE_NOOP("Kinds", "Tie"),
}
# What a node is called inside a sentence: "Ana (person)".
KIND_WORDS: dict[str, str] = {
    NodeKind.ME: QT_TRANSLATE_NOOP("Kinds", "me"),
    NodeKind.COMMUNITY: QT_TRANSLATE_NOOP("Kinds", "community"),
    NodeKind.PERSON: QT_TRANSLATE_NOOP("Kinds", "person"),
    NodeKind.BOUNDARY_OBJECT: QT_TRANSLATE_NOOP("Kinds", "boundary object"),
}
# What a table's kind filter offers.
KIND_PLURAL_NAMES: dict[str, str] = {
    NodeKind.ME: QT_TRANSLATE_NOOP("Kinds", "Me nodes"),
    NodeKind.COMMUNITY: QT_TRANSLATE_NOOP("Kinds", "Communities"),
    NodeKind.PERSON: QT_TRANSLATE_NOOP("Kinds", "People"),
    NodeKind.BOUNDARY_OBJECT: QT_TRANSLATE_NOOP("Kinds", "Boundary objects"),
    EdgeKind.MEMBERSHIP: QT_TRANSLATE_NOOP("Kinds", "Memberships"),
    EdgeKind.CROSSING: QT_TRANSLATE_NOOP("Kinds", "Crossings"),
    EdgeKind.OBJECT_USE: QT_TRANSLATE_NOOP("Kinds", "Object uses"),
    EdgeKind.TIE: QT_TRANSLATE_NOOP("Kinds", "Ties"),
}
# The model's words for a participation level, a stage, a means of crossing and a mode of
# belonging, as the inspector, the tables and the analysis show them.
VOCABULARY: dict[type[Enum], dict[Any, str]] = {
    Level: {
        Level.CORE: QT_TRANSLATE_NOOP("Level", "core"),
        Level.ACTIVE: QT_TRANSLATE_NOOP("Level", "active"),
        Level.OCCASIONAL: QT_TRANSLATE_NOOP("Level", "occasional"),
        Level.PERIPHERAL: QT_TRANSLATE_NOOP("Level", "peripheral"),
        Level.TRANSACTIONAL: QT_TRANSLATE_NOOP("Level", "transactional"),
    },
    Stage: {
        Stage.POTENTIAL: QT_TRANSLATE_NOOP("Stage", "potential"),
        Stage.COALESCING: QT_TRANSLATE_NOOP("Stage", "coalescing"),
        Stage.ACTIVE: QT_TRANSLATE_NOOP("Stage", "active"),
        Stage.DISPERSED: QT_TRANSLATE_NOOP("Stage", "dispersed"),
        Stage.MEMORABLE: QT_TRANSLATE_NOOP("Stage", "memorable"),
    },
    Means: {
        Means.BROKER: QT_TRANSLATE_NOOP("Means", "broker"),
        Means.BOUNDARY_OBJECT: QT_TRANSLATE_NOOP("Means", "boundary object"),
        Means.ENCOUNTER: QT_TRANSLATE_NOOP("Means", "encounter"),
        Means.PRACTICE: QT_TRANSLATE_NOOP("Means", "practice"),
    },
    Mode: {
        Mode.ENGAGEMENT: QT_TRANSLATE_NOOP("Mode", "engagement"),
        Mode.IMAGINATION: QT_TRANSLATE_NOOP("Mode", "imagination"),
        Mode.ALIGNMENT: QT_TRANSLATE_NOOP("Mode", "alignment"),
    },
}
# What an undo text calls each field: "Change sector".
FIELD_WORDS: dict[str, str] = {
    "kind": QT_TRANSLATE_NOOP("Fields", "kind"),
    "id": QT_TRANSLATE_NOOP("Fields", "id"),
    "source": QT_TRANSLATE_NOOP("Fields", "source"),
    "target": QT_TRANSLATE_NOOP("Fields", "target"),
    "label": QT_TRANSLATE_NOOP("Fields", "label"),
    "domain": QT_TRANSLATE_NOOP("Fields", "domain"),
    "sector": QT_TRANSLATE_NOOP("Fields", "sector"),
    "inside_org": QT_TRANSLATE_NOOP("Fields", "inside organisation"),
    "stage": QT_TRANSLATE_NOOP("Fields", "stage"),
    "org": QT_TRANSLATE_NOOP("Fields", "organisation"),
    "level": QT_TRANSLATE_NOOP("Fields", "level"),
    "modes": QT_TRANSLATE_NOOP("Fields", "modes"),
    "since": QT_TRANSLATE_NOOP("Fields", "since"),
    "until": QT_TRANSLATE_NOOP("Fields", "until"),
    "means": QT_TRANSLATE_NOOP("Fields", "means"),
    "via": QT_TRANSLATE_NOOP("Fields", "via"),
    "directed": QT_TRANSLATE_NOOP("Fields", "directed"),
    "weight": QT_TRANSLATE_NOOP("Fields", "weight"),
    "tags": QT_TRANSLATE_NOOP("Fields", "tags"),
    "color": QT_TRANSLATE_NOOP("Fields", "colour"),
    "notes": QT_TRANSLATE_NOOP("Fields", "notes"),
    "attributes": QT_TRANSLATE_NOOP("Fields", "attributes"),
    "title": QT_TRANSLATE_NOOP("Fields", "title"),
    "description": QT_TRANSLATE_NOOP("Fields", "description"),
    "x": QT_TRANSLATE_NOOP("Fields", "x"),
    "y": QT_TRANSLATE_NOOP("Fields", "y"),
}
DATE_HINT = QT_TRANSLATE_NOOP(
    "DateField", "Use YYYY, YYYY-MM or YYYY-MM-DD (a real date), or leave empty."
)


def field_words(name: str) -> str:
    """What an undo text calls the field ``name`` ("Change sector"), in the user's language."""
    return QCoreApplication.translate("Fields", FIELD_WORDS[name])


def kind_name(kind: str) -> str:
    """What a node or edge of ``kind`` is called ("Community"), in the user's language."""
    return QCoreApplication.translate("Kinds", KIND_NAMES[kind])


def kind_word(kind: str) -> str:
    """What a node of ``kind`` is called inside a sentence ("person"), in the user's language."""
    return QCoreApplication.translate("Kinds", KIND_WORDS[kind])


def kind_plural_name(kind: str) -> str:
    """What nodes or edges of ``kind`` are called ("Communities"), in the user's language."""
    return QCoreApplication.translate("Kinds", KIND_PLURAL_NAMES[kind])


def vocabulary_word(value: Enum) -> str:
    """The word shown for a level, stage, means or mode, in the user's language."""
    kind = type(value)
    return QCoreApplication.translate(kind.__name__, VOCABULARY[kind][value])


def field_choices(name: str) -> tuple[tuple[str, Any], ...]:
    """The (words shown, value) pairs offered for the field ``name``, in the order offered;
    empty for a field without a fixed set of values."""
    yes = QCoreApplication.translate("Choices", "yes")
    no = QCoreApplication.translate("Choices", "no")
    if name == "inside_org":
        return ((QCoreApplication.translate("Choices", "unknown"), None), (yes, True), (no, False))
    if name == "directed":
        return ((yes, True), (no, False))
    if name == "stage":
        none = QCoreApplication.translate("Choices", "none")
        return ((none, None), *((vocabulary_word(stage), stage) for stage in Stage))
    vocabulary = {"level": Level, "means": Means}.get(name)
    return tuple((vocabulary_word(value), value) for value in vocabulary or ())


def is_valid_date(text: str) -> bool:
    """Whether ``text`` is a date the model accepts (YYYY, YYYY-MM or a real YYYY-MM-DD)."""
    return re.fullmatch(DATE_PATTERN, text) is not None


def tags_to_text(tags: Iterable[str]) -> str:
    return ", ".join(tags)


def text_to_tags(text: str) -> tuple[str, ...]:
    """Comma-separated tags, stripped, empty ones dropped, duplicates kept once."""
    return tuple(dict.fromkeys(tag.strip() for tag in text.split(",") if tag.strip()))


def modes_to_text(modes: Iterable[Mode]) -> str:
    return ", ".join(vocabulary_word(Mode(mode)) for mode in modes)


def text_to_modes(text: str) -> tuple[str, ...]:
    """Modes from "engagement, alignment" (in the user's language or the file's); unknown words
    are kept so the model can refuse them."""
    known = {vocabulary_word(mode).casefold(): mode.value for mode in Mode}
    words = (word.strip().casefold() for word in text.split(","))
    return tuple(dict.fromkeys(known.get(word, word) for word in words if word))


def optional_text(text: str) -> str | None:
    """Empty text means "no value" for optional fields such as domain, sector and org."""
    return text if text.strip() else None


def choice_text(value: Any, choices: Iterable[tuple[str, Any]]) -> str:
    return next((text for text, choice in choices if choice == value), "")


def attribute_to_text(value: Any) -> str:
    """A custom attribute value as typed: true/false, a number, text, or empty for null."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return repr(value)
    return str(value)


def text_to_attribute(text: str) -> str | bool | int | float | None:
    """Typed text as the value it most plausibly means: empty, true/false, a number, or text."""
    stripped = text.strip()
    if not stripped:
        return None
    if stripped.lower() in ("true", "false"):
        return stripped.lower() == "true"
    if re.fullmatch(r"[+-]?\d{1,15}", stripped):
        return int(stripped)
    try:
        number = float(stripped)
    except ValueError:
        return text
    return number if math.isfinite(number) else text


def node_label(doc: MapDocument, node_id: str) -> str:
    """A node's label for display, falling back on its id when it has none or is gone."""
    node = doc.get(node_id)
    return (node.label if node is not None else "") or node_id


def short(text: str, limit: int) -> str:
    """``text`` cut to at most ``limit`` characters, ending in an ellipsis when cut."""
    return text if len(text) <= limit else text[: limit - 1] + "…"
