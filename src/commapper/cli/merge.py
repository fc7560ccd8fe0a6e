"""``commapper merge``: participants' maps merged into one room map (docs/workshop.md)."""

from __future__ import annotations

import argparse
import sys

from commapper.cli import EXIT_INVALID, EXIT_OK, _say

# Suggestions printed before the rest are only counted: a large room can have hundreds.
MAX_SUGGESTIONS_SHOWN = 50


def _count(n: int, one: str, many: str) -> str:
    """``n`` and the word for so many: "1 participant", "3 participants"."""
    return f"{n} {one if n == 1 else many}"


def build(parser: argparse.ArgumentParser) -> None:
    parser.description = (
        "Merge participants' maps into one room map: the same community, boundary object or "
        "person named in several maps becomes one node that records who named it."
    )
    parser.add_argument("files", nargs="+", metavar="FILE", help="participants' .commap maps")
    parser.add_argument(
        "-o", "--output", required=True, metavar="ROOM.commap", help="the room map to write"
    )
    parser.add_argument(
        "--anonymise",
        action="store_true",
        help='people become "Participant n" and "Person n"; no name is written anywhere',
    )
    parser.add_argument(
        "--aliases", metavar="FILE", help="an alias file: spellings that are one thing, or two"
    )
    parser.add_argument(
        "--skip-broken",
        action="store_true",
        help="merge the files that can be read, and name the others, rather than stop",
    )


def run(options: argparse.Namespace) -> int:
    from pathlib import Path

    from commapper.io import MapFileError, save_map
    from commapper.workshop.alias_file import AliasFileError, load_aliases
    from commapper.workshop.matching import Aliases
    from commapper.workshop.room import Room, load_participant, merge_room
    from commapper.workshop.room_analysis import is_room_map

    output = Path(options.output)
    aliases = Aliases()
    if options.aliases is not None:
        try:
            aliases = load_aliases(options.aliases)
        except AliasFileError as error:
            for line in error.lines():
                _say(f"{options.aliases}: {line}", sys.stderr)
            return EXIT_INVALID
    room = Room(aliases=aliases, anonymise=options.anonymise)
    seen: set[Path] = set()
    for name in options.files:
        path = Path(name)
        if path.resolve() == output.resolve():
            _say(f"{name}: this is the output file; a room map is not merged into itself",
                 sys.stderr)  # fmt: skip
            return EXIT_INVALID
        if path.resolve() in seen:
            _say(f"{name}: given twice; merged once", sys.stderr)
            continue
        seen.add(path.resolve())
        file = load_participant(path)
        if file.document is not None and is_room_map(file.document):
            # An earlier room map saved beside the participants' maps (maps/*.commap takes it
            # in): left out, as the app leaves it out of a folder.
            _say(f"{name}: a room map, not a participant's map; left out", sys.stderr)
            continue
        room = room.with_file(file)
    for file in room.broken:
        for line in file.problems:
            _say(f"{file.path}: {line}", sys.stderr)
    if room.broken and not options.skip_broken:
        _say(
            f"commapper merge: {len(room.broken)} of {_count(len(room.files), 'file', 'files')} "
            f"could not be read; "
            "nothing was written (--skip-broken merges the others)",
            sys.stderr,
        )
        return EXIT_INVALID
    readable = len(room.files) - len(room.broken)
    if readable == 0:
        _say("commapper merge: no participant's map could be read; nothing was written",
             sys.stderr)  # fmt: skip
        return EXIT_INVALID
    merged = merge_room(room)
    for problem in merged.problems:
        if problem.source not in merged.broken:
            _say(f"{problem.source}: {problem.message}", sys.stderr)
    try:
        save_map(merged.document, output)
    except MapFileError as error:
        for line in error.lines():
            _say(f"{output}: {line}", sys.stderr)
        return EXIT_INVALID
    doc = merged.document
    skipped = f", {len(room.broken)} skipped" if room.broken else ""
    _say(
        f"{output}: the room map of {_count(readable, 'participant', 'participants')}{skipped} "
        f"({_count(len(doc.nodes), 'node', 'nodes')}, {_count(len(doc.edges), 'edge', 'edges')})"
    )
    suggestions = merged.suggestions
    if suggestions:
        matches = _count(len(suggestions), "suggested match", "suggested matches")
        _say(f"{matches}, not merged (accept them in an alias file):")
        for suggestion in suggestions[:MAX_SUGGESTIONS_SHOWN]:
            first, second = suggestion.labels
            kind = suggestion.match.kind.replace("_", " ")
            named = suggestion.named_by
            _say(
                f'  {kind}: "{first}" ({named[0]}) and "{second}" ({named[1]}), '
                f"{suggestion.similarity:.0%} alike"
            )
        if len(suggestions) > MAX_SUGGESTIONS_SHOWN:
            _say(f"  ... and {len(suggestions) - MAX_SUGGESTIONS_SHOWN} more")
    return EXIT_OK
