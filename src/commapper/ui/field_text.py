"""Field values as the text the inspector and tables show, and typed text back into values."""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from typing import Any

from commapper.model import EdgeKind, MapDocument, Mode, NodeKind
from commapper.model.items import DATE_PATTERN

# Plural names for undo texts such as "Change sector of 3 communities".
KIND_PLURALS: dict[str, str] = {
    NodeKind.ME: "me nodes",
    NodeKind.COMMUNITY: "communities",
    NodeKind.PERSON: "people",
    NodeKind.BOUNDARY_OBJECT: "boundary objects",
    EdgeKind.MEMBERSHIP: "memberships",
    EdgeKind.CROSSING: "crossings",
    EdgeKind.OBJECT_USE: "object uses",
    EdgeKind.TIE: "ties",
}
KIND_NAMES: dict[str, str] = {
    NodeKind.ME: "Me",
    NodeKind.COMMUNITY: "Community",
    NodeKind.PERSON: "Person",
    NodeKind.BOUNDARY_OBJECT: "Boundary object",
    EdgeKind.MEMBERSHIP: "Membership",
    EdgeKind.CROSSING: "Crossing",
    EdgeKind.OBJECT_USE: "Object use",
    EdgeKind.TIE: "Tie",
}
DATE_HINT = "Use YYYY, YYYY-MM or YYYY-MM-DD (a real date), or leave empty."
# The words shown for the three states of inside_org, in the order the choices are offered.
INSIDE_ORG_CHOICES: tuple[tuple[str, bool | None], ...] = (
    ("unknown", None),
    ("yes", True),
    ("no", False),
)
YES_NO_CHOICES: tuple[tuple[str, bool], ...] = (("yes", True), ("no", False))


def is_valid_date(text: str) -> bool:
    """Whether ``text`` is a date the model accepts (YYYY, YYYY-MM or a real YYYY-MM-DD)."""
    return re.fullmatch(DATE_PATTERN, text) is not None


def tags_to_text(tags: Iterable[str]) -> str:
    return ", ".join(tags)


def text_to_tags(text: str) -> tuple[str, ...]:
    """Comma-separated tags, stripped, empty ones dropped, duplicates kept once."""
    return tuple(dict.fromkeys(tag.strip() for tag in text.split(",") if tag.strip()))


def modes_to_text(modes: Iterable[Mode]) -> str:
    return ", ".join(Mode(mode).value for mode in modes)


def text_to_modes(text: str) -> tuple[str, ...]:
    """Modes from "engagement, alignment"; unknown words are kept so the model can refuse them."""
    words = (word.strip().lower() for word in text.split(","))
    return tuple(dict.fromkeys(word for word in words if word))


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


def undo_text(field_label: str, kinds: list[str]) -> str:
    """ "Change sector" for one item, "Change sector of 3 communities" for several."""
    if len(kinds) == 1:
        return f"Change {field_label}"
    same = len(set(kinds)) == 1
    return f"Change {field_label} of {len(kinds)} {KIND_PLURALS[kinds[0]] if same else 'items'}"


def short(text: str, limit: int) -> str:
    """``text`` cut to at most ``limit`` characters, ending in an ellipsis when cut."""
    return text if len(text) <= limit else text[: limit - 1] + "…"
