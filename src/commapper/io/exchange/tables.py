"""CSV tables: a nodes file and an edges file, as Gephi's data laboratory and Kumu import them.

``map.csv`` is written as ``map.nodes.csv`` and ``map.edges.csv`` (:func:`table_paths`). The
nodes file has Gephi's ``Id`` and ``Label`` and Kumu's ``Type`` (the kind), ``Description`` (the
notes) and ``Tags`` (joined by ``|``); the edges file Gephi's ``Source``, ``Target``, ``Type``
(Directed or Undirected) and ``Weight``, Kumu's ``From`` and ``To``, and the kind as ``Kind``.
Every other field and custom attribute is a column of its own. A table holds text only, so on
reading, a custom attribute that reads as a number or as true or false becomes one.
"""

from __future__ import annotations

import csv
import io
import math
import re
from pathlib import Path
from typing import Any

from commapper.io.errors import MapFileError
from commapper.io.exchange.building import ReadEdge, ReadGraph, ReadNode, check_counts
from commapper.io.exchange.records import (
    EDGE_FIELDS,
    LIST_FIELDS,
    NODE_FIELDS,
    FlatItem,
    attribute_column,
    flat_map,
)
from commapper.io.reading import read_map_bytes
from commapper.model import MapDocument
from commapper.model.items import MAX_NOTES_CHARS

NODES_SUFFIX, EDGES_SUFFIX = ".nodes.csv", ".edges.csv"
# Column names other tools give a meaning, for fields named otherwise in a map.
_NODE_HEADINGS = {"id": "Id", "label": "Label", "kind": "Type", "notes": "Description",
                  "tags": "Tags"}  # fmt: skip
_EDGE_HEADINGS = {"id": "Id", "source": "Source", "target": "Target", "kind": "Kind",
                  "type": "Type", "from": "From", "to": "To", "label": "Label",
                  "weight": "Weight", "notes": "Description", "tags": "Tags"}  # fmt: skip
# Read without regard to case; a column not named here is a field of its own name, or else a
# custom attribute.
_NODE_COLUMNS = {"id": "id", "label": "label", "type": "kind", "kind": "kind",
                 "description": "notes", "notes": "notes", "tags": "tags"}  # fmt: skip
_EDGE_COLUMNS = {"id": "id", "source": "source", "from": "source", "target": "target",
                 "to": "target", "kind": "kind", "label": "label", "weight": "weight",
                 "description": "notes", "notes": "notes", "tags": "tags",
                 "direction": "direction", "type": "type"}  # fmt: skip
_DIRECTIONS = {"directed": True, "undirected": False, "mutual": False}


def table_paths(path: str | Path) -> tuple[Path, Path]:
    """The nodes file and the edges file for ``path``: ``map.csv``, ``map.nodes.csv`` and
    ``map.edges.csv`` all give ``(map.nodes.csv, map.edges.csv)``."""
    path = Path(path)
    name = path.name
    for suffix in (NODES_SUFFIX, EDGES_SUFFIX, ".csv"):
        if name.lower().endswith(suffix):
            name = name[: -len(suffix)]
            break
    return path.with_name(name + NODES_SUFFIX), path.with_name(name + EDGES_SUFFIX)


def write_tables(doc: MapDocument) -> tuple[bytes, bytes]:
    """``doc`` as the bytes of its nodes file and its edges file (UTF-8 with a byte-order mark,
    which spreadsheet programs need to read anything beyond ASCII)."""
    flat = flat_map(doc)
    nodes = _table(flat.nodes, _NODE_HEADINGS, ("id", "label", "kind"), NODE_FIELDS)
    edges = _table(
        flat.edges, _EDGE_HEADINGS, ("id", "source", "target", "kind"), EDGE_FIELDS, edges=True
    )
    return nodes, edges


def _table(
    items: list[FlatItem],
    headings: dict[str, str],
    first: tuple[str, ...],
    field_order: tuple[str, ...],
    *,
    edges: bool = False,
) -> bytes:
    used = {name for item in items for name in item.fields}
    fields = [name for name in field_order if name in used and name not in first]
    attributes: dict[str, None] = {}
    for item in items:
        attributes.update(dict.fromkeys(map(attribute_column, item.attributes)))
    names = [*first, *(["type", "from", "to"] if edges else []), *fields]
    header = [headings.get(name, name) for name in names]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([*header, *attributes])
    for item in items:
        directed = item.fields.get("directed", True)
        row = {"id": item.id, "kind": item.kind, "source": item.source, "target": item.target,
               "from": item.source, "to": item.target,
               "type": "Directed" if directed else "Undirected"}  # fmt: skip
        row.update(item.fields)
        cells = [_cell(row.get(name)) for name in names]
        by_column = {attribute_column(name): value for name, value in item.attributes.items()}
        cells += [_cell(by_column.get(column)) for column in attributes]
        writer.writerow(cells)
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, list):
        return "|".join(value)
    return str(value)


# -- reading -------------------------------------------------------------------------------------


def read_tables(path: Path) -> ReadGraph:
    """The graph in the nodes and edges files of ``path`` (see :func:`table_paths`); either may
    be missing, and a single CSV file of another name is taken for the one its columns say."""
    nodes_path, edges_path = table_paths(path)
    if path not in (nodes_path, edges_path) and path.exists():
        rows = _rows(path)
        is_edges = bool(rows) and {"source", "from"} & {name.lower() for name in rows[0]}
        nodes_rows, edges_rows = ([], rows) if is_edges else (rows, [])
        nodes_at, edges_at = path, path
    else:
        if not nodes_path.exists() and not edges_path.exists():
            raise MapFileError.single(
                path,
                f"found neither {nodes_path.name} nor {edges_path.name}; a map in CSV is a "
                "nodes file and an edges file",
            )
        nodes_rows = _rows(nodes_path) if nodes_path.exists() else []
        edges_rows = _rows(edges_path) if edges_path.exists() else []
        nodes_at, edges_at = nodes_path, edges_path
    check_counts(path, max(len(nodes_rows) - 1, 0), max(len(edges_rows) - 1, 0))
    read = ReadGraph()
    known: set[str] = set()
    _read_nodes(nodes_rows, nodes_at, read, known)
    _read_edges(edges_rows, edges_at, read, known)
    return read


def _rows(path: Path) -> list[list[str]]:
    data = read_map_bytes(path)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise MapFileError.single(
            path, f"this is not UTF-8 text (byte {error.start} is not UTF-8); save the table as "
            "CSV in UTF-8",
        ) from None  # fmt: skip
    first_line = text.split("\n", 1)[0]
    delimiter = max(",;\t", key=first_line.count)
    csv.field_size_limit(MAX_NOTES_CHARS + 1)
    try:
        _check_quotes_close(text, delimiter, path)
        return [
            row for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter) if row
        ]
    except csv.Error as error:
        if "field larger" in str(error):
            raise MapFileError.single(
                path, f"a cell holds more than {MAX_NOTES_CHARS:,} characters, more than any "
                "field of a map may hold",
            ) from None  # fmt: skip
        raise MapFileError.single(
            path, f"this is not a CSV table that can be read ({error})"
        ) from None


def _check_quotes_close(text: str, delimiter: str, path: Path) -> None:
    """Refuse a table with a quote that is never closed: read leniently, as other tables are,
    every line after it would be one cell, and the table one row short of what it shows.

    Raises
    ------
    MapFileError
        Naming the line of the row whose quote is not closed.
    csv.Error
        If the table cannot be read for another reason (for the caller to say).
    """
    # Strict reading fails at the end of the file inside a quoted cell; other strictness (a
    # character after a closing quote) is left to the lenient reading, which takes it.
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    start = 1
    try:
        for _ in reader:
            start = reader.line_num + 1
    except csv.Error as error:
        if "end of data" not in str(error):
            return
        raise MapFileError.single(
            path,
            f'line {start}: a quote (") opened in this row is never closed, so every line '
            'after it would be one cell; close it, or write a quote inside a cell as two ("")',
        ) from None


def _heading_names(header: list[str], columns: dict[str, str]) -> list[str]:
    return [columns.get(name.strip().lower(), name.strip()) for name in header]


def _read_nodes(rows: list[list[str]], path: Path, read: ReadGraph, known: set[str]) -> None:
    if not rows:
        return
    names = _heading_names(rows[0], _NODE_COLUMNS)
    if "id" not in names and "label" not in names:
        raise MapFileError.single(path, "the nodes table needs an Id or a Label column")
    for number, row in enumerate(rows[1:], start=2):
        values = _row_values(names, row)
        key = values.pop("id", None) or values.get("label")
        if not key:
            raise MapFileError.single(path, f"row {number} has neither an id nor a label")
        known.add(str(key))
        read.nodes.append(ReadNode(str(key), values, f"{path.name} row {number}"))


def _read_edges(rows: list[list[str]], path: Path, read: ReadGraph, known: set[str]) -> None:
    if not rows:
        return
    names = _heading_names(rows[0], _EDGE_COLUMNS)
    if "source" not in names or "target" not in names:
        raise MapFileError.single(
            path, "the edges table needs Source and Target (or From and To) columns"
        )
    labels = {node.values.get("label"): node.key for node in read.nodes}
    for number, row in enumerate(rows[1:], start=2):
        values = _row_values(names, row)
        ends = []
        for end in ("source", "target"):
            given = str(values.pop(end, "") or "")
            if not given:
                raise MapFileError.single(path, f"row {number} has no {end}")
            if given not in known:
                # Kumu's From and To name elements by label; a table of edges alone (Gephi's)
                # names nodes that no nodes table lists: they become people.
                given = labels.get(given) or given
                if given not in known:
                    read.nodes.append(ReadNode(given, {}, f"{path.name} row {number}"))
                    known.add(given)
            ends.append(given)
        key = values.pop("id", None)
        direction = values.pop("direction", None) or values.pop("type", None)
        directed = _DIRECTIONS.get(str(direction).lower()) if direction is not None else None
        if direction is not None and directed is None and "kind" not in values:
            values["kind"] = str(direction).lower()  # Kumu's connection type
        read.edges.append(
            ReadEdge(None if key is None else str(key), ends[0], ends[1], values,
                     f"{path.name} row {number}", directed)
        )  # fmt: skip


def _row_values(names: list[str], row: list[str]) -> dict[str, Any]:
    """The cells of a row by column name; empty cells are left out, custom attributes that
    read as numbers or as true or false become them."""
    values: dict[str, Any] = {}
    for name, cell in zip(names, row, strict=False):
        if cell == "":
            continue
        values[name] = _typed(cell) if _is_attribute(name) else cell
    return values


_FIELD_NAMES = frozenset({*NODE_FIELDS, *EDGE_FIELDS, *_NODE_COLUMNS.values(),
                          *_EDGE_COLUMNS.values()})  # fmt: skip


def _is_attribute(name: str) -> bool:
    return name not in _FIELD_NAMES


_INTEGER = re.compile(r"-?[0-9]{1,40}")
_DECIMAL = re.compile(r"-?[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?")


def _typed(cell: str) -> Any:
    """A custom attribute's cell as a number or true or false when it is written as one (as
    this module writes them: no spaces, no thousands separators), else as text."""
    if cell in ("true", "false"):
        return cell == "true"
    if _INTEGER.fullmatch(cell):
        return int(cell)
    if _DECIMAL.fullmatch(cell):
        number = float(cell)
        return number if math.isfinite(number) else cell
    return cell


__all__ = [
    "EDGES_SUFFIX",
    "LIST_FIELDS",
    "NODES_SUFFIX",
    "read_tables",
    "table_paths",
    "write_tables",
]
