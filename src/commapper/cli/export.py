"""``commapper export FILE -o OUT``: a map as a picture (PNG, SVG, PDF), in another tool's
format (GraphML, GEXF, CSV, Kumu JSON), or as a .commap copy; any of them may be made a safe
copy first (``--anonymise``), checked to name no person of the map."""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from commapper.cli import EXIT_INVALID, EXIT_OK, EXIT_USAGE, _say, _say_problems

if TYPE_CHECKING:
    from commapper.model import MapDocument

PICTURE_FORMATS = ("png", "svg", "pdf")
DATA_FORMATS = ("graphml", "gexf", "csv", "kumu", "commap")


def build(parser: argparse.ArgumentParser) -> None:
    parser.description = (
        "Export a map as a picture (png, svg, pdf), for another tool (graphml, gexf, csv, "
        "kumu) or as a copy (commap), pseudonymised or without people if asked."
    )
    parser.add_argument("file", metavar="FILE", help="the map to export")
    parser.add_argument("-o", "--output", metavar="OUT", required=True, help="the file to write")
    parser.add_argument(
        "--format",
        type=str.lower,
        choices=(*PICTURE_FORMATS, *DATA_FORMATS),
        help="the format (default: the one OUT's suffix names; .json is Kumu's); csv writes "
        "OUT.nodes.csv and OUT.edges.csv",
    )
    parser.add_argument("--view", metavar="NAME", help="pictures: show this saved view")
    parser.add_argument(
        "--theme",
        choices=("light", "dark", "projector", "projector-dark"),
        default="light",
        help="pictures: the colours (default light, for print; projector: black on white, "
        "thick lines)",
    )
    size = parser.add_mutually_exclusive_group()
    size.add_argument(
        "--scale", type=float, default=1.0, help="PNG: pixels per pixel of the canvas (default 1)"
    )
    size.add_argument(
        "--dpi", type=float, help="PNG: dots an inch when printed at the canvas's size (96 = 1x)"
    )
    parser.add_argument(
        "--anonymise",
        choices=("pseudonymised", "communities"),
        help="share a safe copy: people as pseudonyms (the key is written beside OUT, as "
        "STEM.key.json: share.commap gets share.key.json; keep it to yourself), or "
        "communities only (no people at all)",
    )


def run(options: argparse.Namespace) -> int:
    from commapper.io import MapFileError, load_map

    output = Path(options.output)
    fmt = options.format or _format_of(output)
    if fmt is None:
        _say(
            f"{options.output}: cannot tell the format from the suffix; give --format (one of "
            + ", ".join((*PICTURE_FORMATS, *DATA_FORMATS))
            + ")",
            sys.stderr,
        )
        return EXIT_USAGE
    if options.view is not None and fmt not in PICTURE_FORMATS:
        _say(f"--view applies to pictures (png, svg, pdf), not to {fmt}", sys.stderr)
        return EXIT_USAGE
    try:
        original = load_map(options.file)
    except MapFileError as error:
        from commapper.io.exchange import import_first

        if (advice := import_first(options.file)) is not None:
            # Not JSON, as load_map says, because it is another tool's file.
            _say(f"{options.file}: {advice}", sys.stderr)
            return EXIT_INVALID
        _say_problems(options.file, error, sys.stderr)
        return EXIT_INVALID
    names = [view.name for view in original.views]
    if options.view is not None and options.view not in names:
        shown = ", ".join(f'"{name}"' for name in names) or "none"
        _say(
            f'{options.file}: no saved view is called "{options.view}" (views: {shown})',
            sys.stderr,
        )
        return EXIT_INVALID
    doc, key, view = original, None, options.view
    if options.anonymise:
        from commapper.io.safe_copy import safe_copy

        try:
            doc, key = safe_copy(original, options.anonymise)
        except MapFileError as error:
            _say_problems(options.file, error, sys.stderr)
            return EXIT_INVALID
        if view is not None:  # a copy's views keep their order; a name in one is replaced
            view = doc.views[names.index(view)].name
    try:
        # A safe copy is made in a private folder and checked there, so that a copy refused
        # leaves an older OUT as it was; only then are the files put in place.
        with _staging(options.anonymise is not None, output) as staged:
            written = (
                _picture(doc, staged, fmt, options, view)
                if fmt in PICTURE_FORMATS
                else _data(doc, staged, fmt)
            )
            if staged != output:
                if not _checked(original, written, options.file):
                    return EXIT_INVALID
                written = _put_in_place(written, output.parent)
    except _ExportFailed as error:
        _say(f"{options.file}: {error}", sys.stderr)
        return EXIT_INVALID
    except MapFileError as error:
        for line in error.lines():
            _say(f"{error.path or options.output}: {line}", sys.stderr)
        return EXIT_INVALID
    _say(f"{options.file}: exported to {', '.join(map(str, written))} ({fmt})")
    if key is not None:
        from commapper.io.safe_copy import key_path, write_key

        try:
            key_file = write_key(key, key_path(output))
        except MapFileError as error:
            _say_problems(options.file, error, sys.stderr)
            return EXIT_INVALID
        _say(
            f"the key from pseudonyms to names is {key_file}; keep it to yourself, and send "
            "only the copy"
        )
    return EXIT_OK


def _format_of(path: Path) -> str | None:
    suffix = path.suffix.lower().lstrip(".")
    if suffix in PICTURE_FORMATS:
        return suffix
    from commapper.io import MapFileError
    from commapper.io.exchange import format_for

    try:
        return format_for(path)
    except MapFileError:
        return None


class _ExportFailed(Exception):
    """A picture could not be made; the message says why."""


def _picture(
    doc: MapDocument, output: Path, fmt: str, options: argparse.Namespace, view: str | None
) -> list[Path]:
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    try:
        # The layers below Qt are loaded; Qt only now (see _open_app: PYSIDE-2029).
        from commapper.ui.export.application import drawing_application

        drawing_application()
        from commapper.ui.export import ExportError, export_picture
    except ImportError as error:
        raise _ExportFailed(f"pictures cannot be made here ({error})") from None
    try:
        written = export_picture(
            doc,
            output,
            fmt,
            theme=options.theme,
            view=view,
            scale=options.scale,
            dpi=options.dpi,
        )
    except ExportError as error:
        raise _ExportFailed(str(error)) from None
    return [Path(written)]


def _data(doc: MapDocument, output: Path, fmt: str) -> list[Path]:
    from commapper.io.exchange import write_exchange

    return write_exchange(doc, output, fmt)


@contextlib.contextmanager
def _staging(staged: bool, output: Path) -> Iterator[Path]:
    """Where to write ``output`` first: itself, or when ``staged`` the same name in a private
    temporary folder, removed afterwards."""
    if not staged:
        yield output
        return
    with tempfile.TemporaryDirectory(prefix="commapper-export-") as folder:
        yield Path(folder) / output.name


def _put_in_place(staged: list[Path], folder: Path) -> list[Path]:
    """Each staged file written atomically under its name in ``folder``; the files written.

    Raises
    ------
    MapFileError
        If one cannot be written (the file it would have replaced is then as it was).
    """
    from commapper.io.atomic import ReadOnlyTarget, atomic_write
    from commapper.io.errors import MapFileError

    written = []
    for path in staged:
        target = folder / path.name
        try:
            atomic_write(target, path.read_bytes(), keep_backup=False)
        except ReadOnlyTarget:
            raise MapFileError.single(
                target, "the file is read-only, so it was not replaced"
            ) from None
        except OSError as error:
            raise MapFileError.single(
                target, f"the file could not be written ({error.strerror or error})"
            ) from None
        written.append(target)
    return written


def _checked(original: MapDocument, written: list[Path], name: str) -> bool:
    """Whether no file written names a person of the original map; if one does, the user is
    told (which the safe copy should never let happen) and nothing is put in place."""
    from commapper.io.safe_copy import names_in

    named = sorted({found for path in written for found in names_in(original, path.read_bytes())})
    if not named:
        return True
    _say(
        f"{name}: the copy still named {len(named)} "
        f"{'person' if len(named) == 1 else 'people'} of the map, so nothing was written",
        sys.stderr,
    )
    return False
