"""Other tools' formats both ways: GraphML, GEXF, CSV tables and Kumu JSON (docs/exchange.md).

``EXCHANGE_FORMATS`` lists them (and .commap itself, so that a safe copy is written the same
way); :func:`format_for` picks one from a name or a file's suffix; :func:`write_exchange` and
:func:`read_exchange` do the work. Errors of every kind are :class:`MapFileError`.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from commapper.io.atomic import ReadOnlyTarget, atomic_write
from commapper.io.commap import FILE_SUFFIX, map_to_json, parse_map
from commapper.io.errors import MapFileError
from commapper.io.exchange.building import ORIGINAL_ID, Imported, ReadGraph, build_document
from commapper.io.exchange.gexf import read_gexf, write_gexf
from commapper.io.exchange.graphml import read_graphml, write_graphml
from commapper.io.exchange.kumu import read_kumu, write_kumu
from commapper.io.exchange.tables import read_tables, table_paths, write_tables
from commapper.io.reading import read_map_bytes
from commapper.model import MapDocument


@dataclass(frozen=True)
class ExchangeFormat:
    """A format maps are exported to or imported from."""

    name: str
    suffixes: tuple[str, ...]
    description: str
    can_read: bool = True
    can_write: bool = True


EXCHANGE_FORMATS: dict[str, ExchangeFormat] = {
    fmt.name: fmt
    for fmt in (
        ExchangeFormat("commap", (".commap",), "Commapper map"),
        ExchangeFormat("graphml", (".graphml",), "GraphML (Gephi, yEd, Cytoscape, networkx)"),
        ExchangeFormat("gexf", (".gexf",), "GEXF (Gephi)"),
        ExchangeFormat("csv", (".csv",), "CSV tables: a nodes file and an edges file"),
        ExchangeFormat("kumu", (".json",), "Kumu JSON (elements and connections)"),
    )
}


def format_for(path: str | os.PathLike[str], given: str | None = None) -> str:
    """The name of the format to use for ``path``: ``given`` if named, else the one its suffix
    belongs to.

    Raises
    ------
    MapFileError
        If ``given`` names no format, or the suffix belongs to none.
    """
    path = Path(path)
    if given is not None:
        name = given.lower().lstrip(".")
        if name not in EXCHANGE_FORMATS:
            raise MapFileError.single(
                path, f"{given!r} is not a format Commapper knows; use one of {_names()}"
            )
        return name
    suffix = path.suffix.lower()
    for fmt in EXCHANGE_FORMATS.values():
        if suffix in fmt.suffixes:
            return fmt.name
    said = f"the suffix {suffix!r}" if suffix else "no suffix"
    raise MapFileError.single(
        path, f"the file has {said}, which names no format; give one of {_names()}"
    )


def other_tool_format(path: str | os.PathLike[str]) -> ExchangeFormat | None:
    """The format of another tool that ``path``'s suffix names (GraphML, GEXF, CSV), or None:
    for saying, when such a file is given where a map is expected, that it is to be imported
    first. A ``.json`` file may be a map as well as Kumu's, so it names none.

    >>> other_tool_format("people.graphml").description
    'GraphML (Gephi, yEd, Cytoscape, networkx)'
    >>> other_tool_format("map.json") is None
    True
    """
    suffix = Path(path).suffix.lower()
    for fmt in EXCHANGE_FORMATS.values():
        if suffix in fmt.suffixes and fmt.name not in ("commap", "kumu"):
            return fmt
    return None


def import_first(path: str | os.PathLike[str]) -> str | None:
    """What to say when another tool's file (by its suffix) is given where a map is expected:
    to import it first; None for any other file.

    >>> print(import_first("people.graphml").replace("; ", ";\\n"))
    this is a GraphML file, not a .commap map;
    import it first: commapper import people.graphml -o MAP.commap
    """
    other = other_tool_format(path)
    if other is None:
        return None
    kind = other.description.split(" ")[0]
    return (
        f"this is a {kind} file, not a {FILE_SUFFIX} map; import it first: "
        f"commapper import {os.fspath(path)} -o MAP{FILE_SUFFIX}"
    )


def _names() -> str:
    return ", ".join(EXCHANGE_FORMATS)


_WRITERS: dict[str, Callable[[MapDocument], bytes]] = {
    "commap": lambda doc: map_to_json(doc).encode("utf-8"),
    "graphml": write_graphml,
    "gexf": write_gexf,
    "kumu": write_kumu,
}
_READERS: dict[str, Callable[[bytes, Path], ReadGraph]] = {
    "graphml": read_graphml,
    "gexf": read_gexf,
    "kumu": read_kumu,
}


def write_exchange(doc: MapDocument, path: str | os.PathLike[str], fmt: str) -> list[Path]:
    """Write ``doc`` to ``path`` in the format named ``fmt``, atomically; returns the files
    written (CSV writes two: see :func:`table_paths`).

    Raises
    ------
    MapFileError
        If the format is unknown or a file cannot be written (the old one is then intact).
    """
    path = Path(path)
    name = format_for(path, fmt)
    if name == "csv":
        files = list(zip(table_paths(path), write_tables(doc), strict=True))
    else:
        files = [(path, _WRITERS[name](doc))]
    for target, data in files:
        _write(target, data)
    return [target for target, _ in files]


def _write(path: Path, data: bytes) -> None:
    try:
        atomic_write(path, data, keep_backup=False)
    except ReadOnlyTarget:
        raise MapFileError.single(path, "the file is read-only, so it was not replaced") from None
    except OSError as error:
        raise MapFileError.single(
            path, f"the file could not be written ({error.strerror or error})"
        ) from None


def import_exchange(path: str | os.PathLike[str], fmt: str | None = None) -> Imported:
    """The map in the file at ``path`` (in the format ``fmt``, else the one its suffix names),
    with notes on what was changed to make it a map (ids replaced, values kept as attributes).

    Raises
    ------
    MapFileError
        If the file cannot be read or holds no map this format can give.
    """
    path = Path(path)
    name = format_for(path, fmt)
    if not EXCHANGE_FORMATS[name].can_read:
        raise MapFileError.single(path, f"Commapper cannot read {name} files")
    if name == "commap":
        return Imported(parse_map(read_map_bytes(path), path))
    # A map in CSV is two files, so the tables read their own.
    graph = read_tables(path) if name == "csv" else _READERS[name](read_map_bytes(path), path)
    return build_document(graph, path)


def read_exchange(path: str | os.PathLike[str], fmt: str | None = None) -> MapDocument:
    """The map in the file at ``path``; see :func:`import_exchange`."""
    return import_exchange(path, fmt).document


__all__ = [
    "EXCHANGE_FORMATS",
    "ORIGINAL_ID",
    "ExchangeFormat",
    "Imported",
    "format_for",
    "import_exchange",
    "import_first",
    "other_tool_format",
    "read_exchange",
    "table_paths",
    "write_exchange",
]
