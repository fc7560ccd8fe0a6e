"""``commapper report FILE -o OUT.pdf``: the map's PDF report (the map, its figures with what
they mean, the charts, the findings and the references), made offscreen."""

from __future__ import annotations

import argparse
import os
import sys

from commapper.cli import EXIT_INVALID, EXIT_OK, _say, _say_problems


def build(parser: argparse.ArgumentParser) -> None:
    parser.description = (
        "Write a PDF report of a map: the map, the breadth and brokerage figures with what "
        "they mean, the charts, what stands out, and the references."
    )
    parser.add_argument("file", metavar="FILE", help="the map to report on")
    parser.add_argument(
        "-o", "--output", metavar="OUT.pdf", required=True, help="the PDF file to write"
    )
    parser.add_argument(
        "--page",
        choices=("a4", "letter"),
        default="a4",
        help="the paper size (default: a4)",
    )
    parser.add_argument(
        "--names",
        choices=("hidden", "shown"),
        help="people's names: hidden (as Person 1, 2…, as in a pseudonymised copy) or shown "
        "(default: hidden on a room map, as the presentation starts, else shown)",
    )


def run(options: argparse.Namespace) -> int:
    from commapper.io import MapFileError, load_map

    try:
        doc = load_map(options.file)
    except MapFileError as error:
        _say_problems(options.file, error, sys.stderr)
        return EXIT_INVALID
    # As for `analyse`: small dense matrices only, OpenBLAS's threads would cost more than save.
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    from commapper.ui.export.application import drawing_application

    drawing_application()
    from commapper.ui.export import ExportError
    from commapper.ui.export.report import write_report

    try:
        hide_names = None if options.names is None else options.names == "hidden"
        written = write_report(doc, options.output, page=options.page, hide_names=hide_names)
    except ExportError as error:
        _say(f"{options.file}: {error}", sys.stderr)
        return EXIT_INVALID
    _say(f"{options.file}: report written to {written}")
    return EXIT_OK
