"""The ``commapper`` command: open the app, or work on map files from the shell.

Kept light at import time: ``commapper --version`` must answer without importing Qt, pydantic
or networkx, so every heavy import happens inside the subcommand that needs it.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, TextIO

from commapper import APP_NAME, __version__

if TYPE_CHECKING:
    from commapper.io import MapFileError
    from commapper.model import MapDocument

EXIT_OK, EXIT_INVALID, EXIT_USAGE = 0, 1, 2


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] in SUBCOMMANDS:
        name = args.pop(0)
        build, run = _subcommand(name)
        parser = argparse.ArgumentParser(prog=f"commapper {name}")
        build(parser)
        options = parser.parse_args(args)
        try:
            status = run(options)
            sys.stdout.flush()
            return status
        except KeyboardInterrupt:
            return 130
        except BrokenPipeError:
            # The reader went away (`commapper analyse ... | head`): not an error of ours.
            # Point stdout at nothing so that Python's own flush at exit stays quiet too.
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            return 0
    return _open_app(args)


def _open_app(args: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="commapper",
        description=f"{APP_NAME}: map the communities of practice you belong to.",
        epilog="commands: " + ", ".join(SUBCOMMANDS) + " (commapper COMMAND --help for more)",
    )
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    parser.add_argument(
        "file", nargs="?", help="a .commap map to open (default: the welcome screen)"
    )
    parser.add_argument(
        "--present",
        action="store_true",
        help="present the map full screen at once, as for a room (F5 in the app)",
    )
    options = parser.parse_args(args)
    if options.present and not options.file:
        parser.error("--present needs a map file to present")
    if not _has_display():
        print(
            "commapper: there is no display to open a window on (neither DISPLAY nor "
            "WAYLAND_DISPLAY is set); validate and analyse work without one.",
            file=sys.stderr,
        )
        return EXIT_INVALID
    import multiprocessing

    multiprocessing.freeze_support()  # the analysis process of a frozen (PyInstaller) app
    # The layers below the window first: once PySide6 is loaded, its import hook reads the
    # source of every module imported after it, to look for its name (PYSIDE-2029); numpy,
    # pydantic and igraph read so and kept in the line cache cost 12 MB.
    import commapper.io
    import commapper.layout
    import commapper.model
    from commapper.ui.app import run_app  # Qt is imported only here

    return run_app(options.file, present=options.present)


def _has_display() -> bool:
    """Whether a window can be shown: on Linux and other X11 or Wayland systems, a display must
    be named (Qt would otherwise abort with advice about a missing library); a platform chosen
    with QT_QPA_PLATFORM (offscreen, vnc...) counts as one."""
    if sys.platform in ("win32", "darwin") or os.environ.get("QT_QPA_PLATFORM"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


# -- validate ------------------------------------------------------------------------------------


def _build_validate(parser: argparse.ArgumentParser) -> None:
    parser.description = "Check .commap files; prints one line per problem."
    parser.add_argument("files", nargs="+", metavar="FILE", help="map files to check")
    parser.add_argument("-q", "--quiet", action="store_true", help="print only the problems")


def _run_validate(options: argparse.Namespace) -> int:
    from commapper.io import MapFileError, load_map

    status = EXIT_OK
    for name in options.files:
        try:
            doc = load_map(name)
        except MapFileError as error:
            status = EXIT_INVALID
            _say_problems(name, error, sys.stdout)
            continue
        if not options.quiet:
            _say(f"{name}: valid ({len(doc.nodes)} nodes, {len(doc.edges)} edges)")
    return status


def _say(text: str, file: TextIO | None = None) -> None:
    """Print ``text`` with nothing in it that a terminal would act on, line by line: a file
    name or a label from a map cannot clear the screen, retitle the window or forge a line."""
    from commapper.model.text import printable

    lines = text.split("\n")
    print("\n".join(printable(line) for line in lines), file=file or sys.stdout)


def _say_problems(name: str, error: MapFileError, file: TextIO) -> None:
    for line in error.lines():
        _say(f"{name}: {line}", file)


def _say_json(data: object) -> None:
    """JSON for a terminal: JSON escapes C0 controls itself; DEL, the C1 controls and the
    bidirectional controls are written as \\u escapes too (the same JSON value)."""
    import json
    import re

    text = json.dumps(data, indent=2, ensure_ascii=False, allow_nan=False)
    unsafe = re.compile("[\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
    print(unsafe.sub(lambda match: f"\\u{ord(match.group()):04x}", text))


# -- analyse -------------------------------------------------------------------------------------


def _build_analyse(parser: argparse.ArgumentParser) -> None:
    parser.description = "Breadth and brokerage of a map, as a report or as JSON."
    parser.add_argument("file", metavar="FILE", help="the map to analyse")
    parser.add_argument("--json", action="store_true", help="print the analysis as JSON")
    parser.add_argument(
        "--group-by", metavar="ATTR", help="group actors by this field or custom attribute"
    )
    parser.add_argument(
        "--without",
        metavar="NODE",
        help='what-if: "where would I be without this node?" (its id or its label)',
    )


def _run_analyse(options: argparse.Namespace) -> int:
    from commapper.io import MapFileError, load_map

    try:
        doc = load_map(options.file)
    except MapFileError as error:
        _say_problems(options.file, error, sys.stderr)
        return EXIT_INVALID
    # Set before numpy loads (the user's own setting wins): the analysis multiplies only small
    # dense matrices (the ego network, a thousand rows at most on the maps of the bars), and
    # waking OpenBLAS's threads for them costs more than they save: 0.1 s of a 1,000-node map
    # while the other core is busy.
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    from commapper.analysis.analyse import analyse, group_by_choices
    from commapper.analysis.report import text_report, what_if_report
    from commapper.analysis.result import to_json
    from commapper.analysis.whatif import what_if

    without = None
    if options.without is not None:
        without, problem = _node_named(doc, options.without)
        if without is None:
            _say(f"{options.file}: {problem}", sys.stderr)
            return EXIT_USAGE
    choices = group_by_choices(doc) if options.group_by is not None else set()
    if options.group_by is not None and options.group_by not in choices:
        _say(
            f'{options.file}: no person has a value for "{options.group_by}"; group by one of '
            + ", ".join(sorted(choices)),
            sys.stderr,
        )
        return EXIT_USAGE
    if without is not None:
        comparison = what_if(doc, without, group_by=options.group_by)
        if options.json:
            _say_json(to_json(comparison))
        else:
            _say(what_if_report(doc, comparison).removesuffix("\n"))
        return EXIT_OK
    result = analyse(doc, group_by=options.group_by)
    # A room map (`commapper merge`) is analysed as a room too (docs/workshop.md).
    from commapper.workshop import room_analysis

    room = room_analysis.analyse_room(doc) if room_analysis.is_room_map(doc) else None
    if options.json:
        data = to_json(result)
        if room is not None:
            data["room"] = room_analysis.room_to_json(room)
        _say_json(data)
    else:
        report = text_report(doc, result)
        report += room_analysis.room_report(doc, room) if room is not None else ""
        _say(report.removesuffix("\n"))
    return EXIT_OK


def _node_named(doc: MapDocument, given: str) -> tuple[str | None, str]:
    """The node ``given`` names, by id or else by label; or None and what went wrong (no such
    node, or several share that label: then their ids, to pick one)."""
    from commapper.model.problems import quoted

    if doc.has_node(given):
        return given, ""
    named = sorted(node.id for node in doc.nodes if node.label == given)
    if len(named) == 1:
        return named[0], ""
    if not named:
        return None, f"no node has the id or label {quoted(given)}"
    shown = ", ".join(f"{node_id} ({doc.node(node_id).kind})" for node_id in named[:10])
    more = f" and {len(named) - 10} more" if len(named) > 10 else ""
    return None, (
        f"{len(named)} nodes are called {quoted(given)}: {shown}{more}; "
        "give the id of the one you mean with --without"
    )


Subcommand = tuple[Callable[[argparse.ArgumentParser], None], Callable[[argparse.Namespace], int]]

# A command is built here, or in a module of this package named by a string: a module with
# ``build(parser)`` and ``run(options)``, imported only when its command runs.
SUBCOMMANDS: dict[str, Subcommand | str] = {
    "validate": (_build_validate, _run_validate),
    "analyse": (_build_analyse, _run_analyse),
    "export": "export",
    "import": "importing",
    "install-desktop": "install",
    "merge": "merge",
    "report": "report",
}


def _subcommand(name: str) -> Subcommand:
    found = SUBCOMMANDS[name]
    if not isinstance(found, str):
        return found
    import importlib

    module = importlib.import_module(f"commapper.cli.{found}")
    return module.build, module.run


if __name__ == "__main__":
    sys.exit(main())
