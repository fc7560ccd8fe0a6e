"""Problems with a map, and pydantic's validation errors turned into sentences a user reads.

Both the file checks (``commapper validate``, opening a map) and refused edits speak this way.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from commapper.model.items import COORDINATE_RANGE, MAX_ID_CHARS, EdgeKind, NodeKind


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a map, at a JSON path such as ``edges[3].target``."""

    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}" if self.path else self.message


def in_path_order(problems: Iterable[Problem]) -> list[Problem]:
    """Problems in the order of the places they are about: ``nodes[2]`` before ``nodes[10]``, the
    top-level keys in the order they first come up, and problems at one place as they came."""
    problems = list(problems)
    first_seen: dict[str, int] = {}
    for problem in problems:
        first_seen.setdefault(_top_level(problem.path), len(first_seen))
    return sorted(
        problems,
        key=lambda problem: (
            first_seen[_top_level(problem.path)],
            _numbers_as_numbers(problem.path),
        ),
    )


def _top_level(path: str) -> str:
    return re.split(r"[.\[]", path, maxsplit=1)[0]


def _numbers_as_numbers(path: str) -> tuple[str | int, ...]:
    # Split on digits, so pieces alternate text and number and compare piece by piece.
    return tuple(int(piece) if piece.isdigit() else piece for piece in re.split(r"(\d+)", path))


_ITEM_LISTS = ("nodes", "edges")
_KIND_TAGS = frozenset(kind.value for kind in (*NodeKind, *EdgeKind))
_KIND_NAMES = {"nodes": ", ".join(NodeKind), "edges": ", ".join(EdgeKind)}


def _kind_names(loc: list[Any]) -> str:
    return _KIND_NAMES.get(loc[0], "the documented kinds") if loc else "the documented kinds"


_PLAIN_KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,39}")
_PATTERN_MESSAGES = {
    "id": "must be 1-64 letters, digits or _ - . : (no spaces)",
    "color": "must be a colour written #rrggbb, such as #1f77b4",
    "since": "must be a real date written YYYY, YYYY-MM or YYYY-MM-DD",
    "until": "must be a real date written YYYY, YYYY-MM or YYYY-MM-DD",
}


def problems_from_validation(error: ValidationError) -> list[Problem]:
    """pydantic's errors as sentences, one per JSON path (``edges[3].level: is required``)."""
    problems: dict[str, Problem] = {}
    for detail in error.errors(include_url=False):
        loc = list(detail["loc"])
        # A discriminated union puts the kind in the path (nodes.3.person.label): drop it.
        if len(loc) >= 3 and loc[0] in _ITEM_LISTS and loc[2] in _KIND_TAGS:
            del loc[2]
        if "attributes" in loc and len(loc) > loc.index("attributes") + 2:
            _add_attribute_problem(problems, detail, loc)
            continue
        if detail["type"] in ("union_tag_invalid", "union_tag_not_found"):
            loc.append("kind")
        path = json_path(loc)
        problems.setdefault(path, Problem(path, _sentence(detail, loc)))
    return list(problems.values())


def _add_attribute_problem(
    problems: dict[str, Problem], detail: ErrorDetails, loc: list[Any]
) -> None:
    """An attribute value is a union of scalars, so pydantic reports one error per type: say one
    sentence, and a precise one when the value is text that is too long or not whole."""
    branch = loc[-1]
    loc = loc[: loc.index("attributes") + 2]
    path = json_path(loc)
    if branch == "[key]":
        problems[path] = Problem(path, f"its name {_sentence(detail, loc)}")
    elif branch == "constrained-str" and detail["type"] in ("string_unicode", "string_too_long"):
        problems[path] = Problem(path, _sentence(detail, loc))
    else:
        problems.setdefault(
            path, Problem(path, "a custom attribute must be text, a number, true/false or null")
        )


def json_path(loc: list[Any]) -> str:
    """A place in a file as a path: ``["nodes", 3, "x"]`` is ``nodes[3].x``; odd keys quoted."""
    path = ""
    for part in loc:
        if isinstance(part, int):
            path += f"[{part}]"
        elif _PLAIN_KEY.fullmatch(part):
            path += f".{part}" if path else part
        else:  # a key from the file that is long or odd: quoted, cut short, on one line
            path += f"[{quoted(part)}]"
    return path


def _sentence(detail: ErrorDetails, loc: list[Any]) -> str:
    kind, context, given = detail["type"], detail.get("ctx") or {}, detail.get("input")
    field = next((part for part in reversed(loc) if isinstance(part, str)), "")
    if kind == "missing":
        return "is required"
    # Nodes and edges are dataclasses, which name an unknown key an unexpected keyword argument.
    if kind in ("extra_forbidden", "unexpected_keyword_argument"):
        return "is not a field Commapper knows (unknown key)"
    if kind == "union_tag_invalid":
        # The item's own value, not pydantic's text version of it (which loses lists and escapes).
        tag = given.get("kind") if isinstance(given, dict) else context.get("tag")
        return f"{quoted(tag)} is not a kind; use one of {_kind_names(loc)}"
    if kind == "union_tag_not_found":
        return f"is required; use one of {_kind_names(loc)}"
    if kind in ("model_attributes_type", "dict_type", "model_type", "dataclass_type"):
        return f"should be a JSON object (found {quoted(given)})"
    if kind in ("tuple_type", "list_type"):  # JSON has lists only, whatever Python keeps
        return f"should be a JSON list (found {quoted(given)})"
    if kind == "value_error":
        return f"{context.get('error', detail['msg'])} (found {quoted(given)})"
    if kind == "string_pattern_mismatch":
        return f"{_PATTERN_MESSAGES.get(field, 'has the wrong form')} (found {quoted(given)})"
    if kind == "too_long" and field in ("nodes", "edges"):
        limit = context.get("max_length")
        return f"the map has more than {limit:,} {field}; at most {limit:,} are allowed"
    if kind == "string_unicode":
        # Reported at an object (no field at the end of the path), it is one of the object's keys.
        if not loc:
            what = "the map has a key that holds"
        else:
            what = "has a key that holds" if isinstance(loc[-1], int) else "holds"
        return f"{what} a \\u escape that is not a whole character (found {quoted(given)})"
    if kind == "string_too_long":
        return f"is too long: at most {context.get('max_length'):,} characters"
    if kind == "finite_number":
        return "must be a finite number"
    if kind in ("greater_than_equal", "less_than_equal") and field in ("x", "y"):
        return f"must be {COORDINATE_RANGE} (found {quoted(given)})"
    if kind == "less_than_equal":
        return f"must be at most {context.get('le'):,.0f} (found {quoted(given)})"
    if kind in ("float_parsing", "float_type", "int_parsing", "int_type"):
        return f"should be a number (found {quoted(given)})"
    if kind in ("bool_parsing", "bool_type"):
        return f"should be true or false (found {quoted(given)})"
    if kind == "string_type":
        return f"should be text (found {quoted(given)})"
    message = detail["msg"].replace("Input should be", "should be").replace("Value error, ", "")
    return f"{message[:1].lower()}{message[1:]} (found {quoted(given)})"


def quoted(value: Any, limit: int = 40) -> str:
    """A value from a file as JSON on one line, cut short, and printable even when it holds half
    of a surrogate pair (which a terminal cannot encode)."""
    if isinstance(value, str):
        text = json.dumps(value[: limit + 1], ensure_ascii=False)
        if len(text) > limit:  # keep the closing quote
            text = json.dumps(value[: limit - 5], ensure_ascii=False)[:-1] + '..."'
    else:
        text = _json_start(value, limit)
        if len(text) > limit:
            text = text[: limit - 3] + "..."
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


def _json_start(value: Any, room: int) -> str:
    """The JSON text of ``value``, or a start of it a little longer than ``room``: a value from a
    file can hold millions of items, and only the first few are ever shown."""
    if isinstance(value, str):
        return json.dumps(value[: max(room, 0) + 1], ensure_ascii=False)
    if isinstance(value, dict):
        entries = (
            (json.dumps(str(key), ensure_ascii=False) + ": ", item) for key, item in value.items()
        )
        return _container_start("{", entries, "}", room)
    if isinstance(value, list | tuple):
        return _container_start("[", (("", item) for item in value), "]", room)
    return json.dumps(value, ensure_ascii=False, default=str)


def _container_start(
    opening: str, entries: Iterable[tuple[str, Any]], closing: str, room: int
) -> str:
    text = opening
    for index, (key, item) in enumerate(entries):
        text += (", " if index else "") + key
        text += _json_start(item, room - len(text))
        if len(text) > room:
            return text
    return text + closing


def quoted_id(node_id: str) -> str:
    """An id that should name a node, quoted: whole up to the longest valid id. Edge ends are not
    held to the id pattern on load (the reference check catches them), so they may be long."""
    return quoted(node_id, limit=MAX_ID_CHARS + 2)
