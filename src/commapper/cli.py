"""The ``commapper`` command: open the app, or work on map files from the shell.

Kept light at import time: ``commapper --version`` must answer without importing Qt, pydantic
or networkx, so every heavy import happens inside the subcommand that needs it.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence

from commapper import APP_NAME, __version__

EXIT_OK, EXIT_INVALID, EXIT_USAGE = 0, 1, 2


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] in SUBCOMMANDS:
        name = args.pop(0)
        build, run = SUBCOMMANDS[name]
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
    options = parser.parse_args(args)
    import multiprocessing

    multiprocessing.freeze_support()  # the analysis process of a frozen (PyInstaller) app
    from commapper.ui.app import run_app  # Qt is imported only here

    return run_app(options.file)


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
            for line in error.lines():
                print(f"{name}: {line}")
            continue
        if not options.quiet:
            print(f"{name}: valid ({len(doc.nodes)} nodes, {len(doc.edges)} edges)")
    return status


# -- analyse -------------------------------------------------------------------------------------


def _build_analyse(parser: argparse.ArgumentParser) -> None:
    parser.description = "Breadth and brokerage of a map, as a report or as JSON."
    parser.add_argument("file", metavar="FILE", help="the map to analyse")
    parser.add_argument("--json", action="store_true", help="print the analysis as JSON")
    parser.add_argument(
        "--group-by", metavar="ATTR", help="group actors by this field or custom attribute"
    )
    parser.add_argument(
        "--without", metavar="ID", help='what-if: "where would I be without this node?"'
    )


def _run_analyse(options: argparse.Namespace) -> int:
    import json

    from commapper.analysis import analyse, group_by_choices, what_if
    from commapper.analysis.report import text_report, what_if_report
    from commapper.io import MapFileError, load_map

    try:
        doc = load_map(options.file)
    except MapFileError as error:
        for line in error.lines():
            print(f"{options.file}: {line}", file=sys.stderr)
        return EXIT_INVALID
    if options.without is not None and not doc.has_node(options.without):
        print(f'{options.file}: no node with id "{options.without}"', file=sys.stderr)
        return EXIT_USAGE
    choices = group_by_choices(doc) if options.group_by is not None else set()
    if options.group_by is not None and options.group_by not in choices:
        print(
            f'{options.file}: no person has a value for "{options.group_by}"; group by one of '
            + ", ".join(sorted(choices)),
            file=sys.stderr,
        )
        return EXIT_USAGE
    if options.without is not None:
        comparison = what_if(doc, options.without, group_by=options.group_by)
        if options.json:
            print(json.dumps(comparison, indent=2, ensure_ascii=False, allow_nan=False))
        else:
            print(what_if_report(doc, comparison), end="")
        return EXIT_OK
    result = analyse(doc, group_by=options.group_by)
    if options.json:
        print(json.dumps(result, indent=2, ensure_ascii=False, allow_nan=False))
    else:
        print(text_report(doc, result), end="")
    return EXIT_OK


Subcommand = tuple[Callable[[argparse.ArgumentParser], None], Callable[[argparse.Namespace], int]]

SUBCOMMANDS: dict[str, Subcommand] = {
    "validate": (_build_validate, _run_validate),
    "analyse": (_build_analyse, _run_analyse),
}


if __name__ == "__main__":
    sys.exit(main())
