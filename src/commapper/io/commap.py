"""Reading and writing .commap files: checked, migrated, atomic, and never trusting the input."""

from __future__ import annotations

import codecs
import contextlib
import gc
import json
import os
import re
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any, TypeVar

from pydantic import TypeAdapter, ValidationError
from pydantic_core import to_json

from commapper.io.atomic import ReadOnlyTarget, atomic_write
from commapper.io.errors import MapFileError, ReadOnlyFileError
from commapper.io.first_look import first_look
from commapper.io.migrate import MigrationError, migrate
from commapper.io.reading import read_map_bytes
from commapper.model import (
    EDGE_CLASSES,
    FORMAT_NAME,
    NODE_CLASSES,
    SCHEMA_VERSION,
    Edge,
    EdgeModel,
    MapDocument,
    Node,
    NodeModel,
    View,
    field_names,
    in_path_order,
    problems_from_validation,
    quoted,
    raw_reference_problems,
    reference_problems,
    utc_now,
)
from commapper.model.items import MAX_EDGES, MAX_NODES
from commapper.pacing import Pacer

FILE_SUFFIX = ".commap"


def load_map(path: str | os.PathLike[str]) -> MapDocument:
    """Read a .commap file into a document; opening never writes to the file.

    Raises
    ------
    MapFileError
        If the file cannot be read or is not a valid map; its problems say what and where.
    """
    path = Path(path)
    data = read_map_bytes(path)
    return parse_map(data, path)


def parse_map(data: bytes, path: str | os.PathLike[str] | None = None) -> MapDocument:
    """Turn the bytes of a .commap file into a document, checking every rule of the format."""
    path = None if path is None else Path(path)
    head = first_look(data, path)
    if head is not None:
        _check_format_and_version(head, path)
    with _garbage_collection_paused():
        try:
            # Fast path: a current, valid file is parsed and validated in one pass by pydantic.
            doc = MapDocument.model_validate_json(data)
        except ValidationError:
            # Anything else takes the careful path, which migrates or explains what is wrong.
            doc = _parse_carefully(data, path)
        problems = reference_problems(doc)
    if problems:
        raise MapFileError(path, problems)
    return doc


def _parse_carefully(data: bytes, path: Path | None) -> MapDocument:
    raw = _decode_json(data, path)
    raw = _check_header(raw, path)
    try:
        return MapDocument.model_validate(raw)
    except ValidationError as error:
        # Every problem at once: the rules across items too, over what can be read of them.
        problems = in_path_order([*problems_from_validation(error), *raw_reference_problems(raw)])
        raise MapFileError(path, problems, total=len(problems)) from None


@contextlib.contextmanager
def _garbage_collection_paused() -> Iterator[None]:
    """Parsing allocates tens of thousands of small objects, which sets off repeated full
    collections that cost more than the parse itself; nothing parsed here forms a cycle.

    A parsed document lives as long as its map is open, so on success its objects go straight to
    the oldest generation: the collector would otherwise scan them all once as young objects and
    again as middle-aged ones before reaching the same verdict (a 10,000-node map makes about
    150,000 of them, and that first scan alone costs half a json.loads of the file).
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
        # freeze() then unfreeze() moves every young object to the oldest generation without
        # scanning anything. Skipped when the program froze objects itself (gc.freeze() before a
        # fork): unfreeze() would release those too.
        if gc.get_freeze_count() == 0:
            gc.freeze()
            gc.unfreeze()
    finally:
        if was_enabled:
            gc.enable()


def save_map(
    doc: MapDocument, path: str | os.PathLike[str], *, replace_read_only: bool = False
) -> None:
    """Write ``doc`` to ``path`` atomically, keeping the previous file as ``NAME.commap.bak``.

    Raises
    ------
    ReadOnlyFileError
        If ``path`` is a read-only file and ``replace_read_only`` is False; it is unchanged.
    MapFileError
        If the file cannot be written (disk full, no permission...); the old file is intact.
    """
    path = Path(path)
    data = map_to_json(doc).encode("utf-8")
    try:
        atomic_write(path, data, replace_read_only=replace_read_only)
    except ReadOnlyTarget:
        raise ReadOnlyFileError.single(
            path, "the file is read-only, so it was not replaced"
        ) from None
    except OSError as error:
        reason = error.strerror or str(error)
        raise MapFileError.single(
            path, f"the map could not be saved ({reason}); the previous file is unchanged"
        ) from None


# -- writing ---------------------------------------------------------------------------------

# Keys in the order docs/file-format.md writes them: what an item is, then how it is placed or
# joined, then its kind's own fields; an edge's label after those; the common extras last.
_COMMON_TAIL = ("notes", "tags", "color", "attributes")
_NODE_KEY_ORDER = ("id", "kind", "label", "x", "y", "org", "domain", "sector", "inside_org",
                   "stage", *_COMMON_TAIL)  # fmt: skip
_EDGE_KEY_ORDER = ("id", "kind", "source", "target", "level", "modes", "since", "until", "means",
                   "via", "directed", "weight", "label", *_COMMON_TAIL)  # fmt: skip


def map_to_json(doc: MapDocument) -> str:
    """The document as .commap text: two-space indent, keys in the documented order, newline."""
    # pydantic's Rust encoder: the standard library's is pure Python as soon as it indents.
    return to_json(map_to_data(doc), indent=2).decode("utf-8") + "\n"


def map_json_yielding(doc: MapDocument) -> str:
    """The document as .commap text, one item a line, for a thread beside the window's: made a
    piece of :data:`ITEMS_A_PIECE` items at a time, paced between pieces (commapper/pacing.py)
    so that the window's thread has Python's lock nearly to itself. pydantic's encoder, as
    :func:`map_to_json` uses it, holds the lock for the whole map (50 ms at 10,000 nodes)."""
    head = json.dumps(_head_data(doc), ensure_ascii=False)[:-1]  # without its closing brace
    parts = [
        head,
        f', "nodes": [\n{_item_lines(_NODE_LIST, doc.nodes)}\n]',
        f', "edges": [\n{_item_lines(_EDGE_LIST, doc.edges)}\n]',
    ]
    views = _VIEW_LIST.dump_python(doc.views, mode="json", exclude_defaults=True)
    parts.append(f', "views": {json.dumps(views, ensure_ascii=False)}}}\n')
    return "".join(parts)


def _item_lines(adapter: TypeAdapter[list[_ItemT]], items: list[_ItemT]) -> str:
    """Items as JSON, one a line, a piece at a time with pauses (see map_json_yielding)."""
    lines: list[str] = []
    pacer = Pacer()
    for start in range(0, len(items), ITEMS_A_PIECE):
        piece = _items_data(adapter, items[start : start + ITEMS_A_PIECE])
        lines.extend(json.dumps(data, ensure_ascii=False) for data in piece)
        pacer.pause_if_due()
    return ",\n".join(lines)


def map_to_data(doc: MapDocument) -> dict[str, Any]:
    """The document as the plain JSON data written to a file (defaults left out for brevity)."""
    return {
        **_head_data(doc),
        "nodes": _items_data(_NODE_LIST, doc.nodes),
        "edges": _items_data(_EDGE_LIST, doc.edges),
        "views": _VIEW_LIST.dump_python(doc.views, mode="json", exclude_defaults=True),
    }


def _head_data(doc: MapDocument) -> dict[str, Any]:
    return {
        "format": FORMAT_NAME,
        "schema_version": SCHEMA_VERSION,
        "title": doc.title,
        "description": doc.description,
        "created": _timestamp(doc.created),
        "modified": _timestamp(doc.modified),
    }


def items_to_data(
    nodes: list[NodeModel], edges: list[EdgeModel]
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Some nodes and edges as the plain JSON data a file holds them as."""
    return _items_data(_NODE_LIST, nodes), _items_data(_EDGE_LIST, edges)


_NODE_LIST = TypeAdapter(list[Node])
_EDGE_LIST = TypeAdapter(list[Edge])
_VIEW_LIST = TypeAdapter(list[View])


_ItemT = TypeVar("_ItemT", bound=NodeModel | EdgeModel)


# map_json_yielding: items serialised between looks at the pacer (about 1 ms of work).
ITEMS_A_PIECE = 200


def _items_data(adapter: TypeAdapter[list[_ItemT]], items: list[_ItemT]) -> list[dict[str, Any]]:
    dumped = adapter.dump_python(items, mode="json", exclude_defaults=True)
    ordered = []
    for item, data in zip(items, dumped, strict=True):
        # The kind always equals its default, so it was excluded above; it must be written.
        data["kind"] = item.kind
        ordered.append({key: data[key] for key in _WRITTEN_ORDER[type(item)] if key in data})
    return ordered


def _written_order(item_class: type) -> tuple[str, ...]:
    fields = field_names(item_class)
    order = _NODE_KEY_ORDER if item_class in NODE_CLASSES.values() else _EDGE_KEY_ORDER
    # A field not placed above yet is still written, before the common extras.
    unplaced = sorted(fields.difference(order))
    head = [key for key in order if key in fields and key not in _COMMON_TAIL]
    return (*head, *unplaced, *(key for key in _COMMON_TAIL if key in fields))


_WRITTEN_ORDER: dict[type, tuple[str, ...]] = {
    item_class: _written_order(item_class)
    for item_class in (*NODE_CLASSES.values(), *EDGE_CLASSES.values())
}


def _timestamp(moment: datetime) -> str:
    text = moment.isoformat()
    return text.removesuffix("+00:00") + "Z" if text.endswith("+00:00") else text


# -- reading ---------------------------------------------------------------------------------


def _reject_constant(name: str) -> None:
    raise ValueError(f"{name} is not a number JSON allows")


class _TooManyDigits(ValueError):
    pass


def _parse_int(digits: str) -> int:
    # Python refuses to convert thousands of digits, with advice meant for programmers.
    if len(digits) > 40:
        raise _TooManyDigits(f"a number with {len(digits):,} digits is larger than any map needs")
    return int(digits)


_UTF8_MARK = codecs.BOM_UTF8
# How JSON text in other encodings begins (RFC 8259 section 8.1, RFC 4627 section 3): with a byte
# order mark, or with a character JSON can start with whose other bytes are zero.
_JSON_START = rb'[{\[ \t\r\n"]'
_OTHER_ENCODINGS = (
    ("UTF-32", (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE),
     re.compile(rb"\0\0\0" + _JSON_START + rb"|" + _JSON_START + rb"\0\0\0")),
    ("UTF-16", (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE),
     re.compile(rb"\0" + _JSON_START + rb"|" + _JSON_START + rb"\0")),
)  # fmt: skip


def _check_encoding(data: bytes, path: Any) -> None:
    """Say plainly what is wrong with text saved in another encoding or marked twice as UTF-8."""
    for name, marks, start in _OTHER_ENCODINGS:
        if data.startswith(marks) or start.match(data):
            raise MapFileError.single(
                path, f"this file is {name} text; save it as UTF-8 (a map file is JSON in UTF-8)"
            )
    if data.startswith(_UTF8_MARK * 2):
        raise MapFileError.single(
            path,
            "the file begins with the UTF-8 byte-order mark twice; a map file may begin with it "
            "once at most",
        )


def _decode_json(data: bytes, path: Any) -> Any:
    if not data.strip():
        raise MapFileError.single(path, "the file is empty")
    _check_encoding(data, path)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise MapFileError.single(
            path,
            f"this is not UTF-8 text (byte {error.start} is not UTF-8); a map file is JSON "
            "saved as UTF-8",
        ) from None
    try:
        return json.loads(text, parse_constant=_reject_constant, parse_int=_parse_int)
    except json.JSONDecodeError as error:
        where = f"line {error.lineno}, column {error.colno}"
        if error.pos >= len(text.rstrip()):
            raise MapFileError.single(
                path, f"the file ends too early ({where}); it may have been cut off"
            ) from None
        raise MapFileError.single(path, json_problem(error)) from None
    except RecursionError:
        raise MapFileError.single(path, "the JSON is nested too deeply to be a map") from None
    except _TooManyDigits as error:
        raise MapFileError.single(path, str(error)) from None
    except ValueError as error:  # NaN, Infinity, or an integer with too many digits
        raise MapFileError.single(path, f"this is not valid JSON: {error}") from None


def json_problem(error: json.JSONDecodeError) -> str:
    """What is wrong with JSON, as a sentence that says where: Python's messages that end on
    "at" ("Unterminated string starting at") are finished with the place.

    Examples
    --------
    >>> try:
    ...     json.loads('{"a": "abc')
    ... except json.JSONDecodeError as error:
    ...     print(json_problem(error))
    this is not valid JSON: unterminated string starting at line 1, column 7
    >>> try:
    ...     json.loads('{"a" 1}')
    ... except json.JSONDecodeError as error:
    ...     print(json_problem(error))
    this is not valid JSON at line 1, column 6: expecting ':' delimiter
    """
    where = f"line {error.lineno}, column {error.colno}"
    message = error.msg[:1].lower() + error.msg[1:]
    if message.endswith(" at"):
        return f"this is not valid JSON: {message} {where}"
    return f"this is not valid JSON at {where}: {message}"


def _check_header(raw: Any, path: Any) -> dict[str, Any]:
    """Check what must be true before validating the rest: a map, of a version we can read, with
    no more items than allowed; then bring it to the current version."""
    _check_format_and_version(raw, path)
    for key, limit in (("nodes", MAX_NODES), ("edges", MAX_EDGES)):
        items = raw.get(key)
        if isinstance(items, list) and len(items) > limit:
            raise MapFileError.single(
                path, f"the map has {len(items):,} {key}; at most {limit:,} are allowed", key
            )
    try:
        data = migrate(raw)
    except MigrationError as error:
        raise MapFileError.single(path, str(error), "schema_version") from None
    now = utc_now().isoformat()
    data.setdefault("created", now)
    data.setdefault("modified", now)
    return data


def _check_format_and_version(raw: Any, path: Any) -> None:
    if not isinstance(raw, dict):
        raise MapFileError.single(path, "a Commapper map is a JSON object, and this is not one")
    if raw.get("format") != FORMAT_NAME:
        found = "no format" if "format" not in raw else f"format {quoted(raw['format'])}"
        raise MapFileError.single(
            path, f'this is not a Commapper map ({found}; expected "{FORMAT_NAME}")', "format"
        )
    if "schema_version" not in raw:
        raise MapFileError.single(
            path, f"is required: the version of the format, {SCHEMA_VERSION}", "schema_version"
        )
    version = raw.get("schema_version")
    # 1.0 is a whole number to JSON and to the schema; true is not a number at all.
    if isinstance(version, bool) or not (
        isinstance(version, int) or (isinstance(version, float) and version.is_integer())
    ):
        raise MapFileError.single(path, "must be a whole number such as 1", "schema_version")
    if version > SCHEMA_VERSION:
        raise MapFileError.single(
            path,
            f"this map was made by a newer version of Commapper (schema version "
            f"{quoted(version)}; this version reads up to {SCHEMA_VERSION}). Update Commapper "
            "to open it.",
            "schema_version",
        )
