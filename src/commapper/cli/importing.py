"""``commapper import IN -o OUT.commap``: another tool's graph (GraphML, GEXF, CSV tables, Kumu
JSON) as a map, saying what was changed to make it one."""

from __future__ import annotations

import argparse
import sys

from commapper.cli import EXIT_INVALID, EXIT_OK, EXIT_USAGE, _say, _say_problems


def build(parser: argparse.ArgumentParser) -> None:
    parser.description = (
        "Import a graph from another tool (graphml, gexf, csv, kumu) as a Commapper map. A "
        "node without a kind becomes a person and an edge a tie; other values become custom "
        "attributes."
    )
    parser.add_argument(
        "file", metavar="IN", help="the file to read (for CSV, NAME.nodes.csv or NAME.csv)"
    )
    parser.add_argument(
        "-o", "--output", metavar="OUT.commap", required=True, help="the map to write"
    )
    parser.add_argument(
        "--format",
        type=str.lower,
        choices=("graphml", "gexf", "csv", "kumu", "commap"),
        help="the format of IN (default: the one its suffix names; .json is Kumu's)",
    )


def run(options: argparse.Namespace) -> int:
    from commapper.io import MapFileError, save_map
    from commapper.io.exchange import format_for, import_exchange

    try:
        fmt = format_for(options.file, options.format)
    except MapFileError as error:
        _say_problems(options.file, error, sys.stderr)
        return EXIT_USAGE
    try:
        imported = import_exchange(options.file, fmt)
    except MapFileError as error:
        _say_problems(options.file, error, sys.stderr)
        return EXIT_INVALID
    doc = imported.document
    try:
        save_map(doc, options.output)
    except MapFileError as error:
        _say_problems(options.output, error, sys.stderr)
        return EXIT_INVALID
    for note in imported.notes:
        _say(f"{options.file}: note: {note}")
    nodes, edges = len(doc.nodes), len(doc.edges)
    _say(
        f"{options.file}: imported {nodes} node{'' if nodes == 1 else 's'} and "
        f"{edges} edge{'' if edges == 1 else 's'} into {options.output}"
    )
    return EXIT_OK
