"""Time a workshop room: participants' files merged into a room map and the room analysed.

    uv run python benchmarks/bench_room.py [--sizes 30 300] [--runs 3]

For each size a realistic room is generated and written to a temporary folder, one ``.commap``
per participant: 5-15 communities each, drawn from a shared pool (popular ones more often, as
in a real room) and spelt as people spell them (case, hyphens, "I.T.", now and then a typo, so
that near misses are found and offered); 2-8 people each, half of them other participants
(in any case), half from outside the room; a few boundary objects, ties and crossings.

Then, as ``commapper merge`` and ``commapper analyse`` do, from the files: read every file,
merge (with suggestions), write the room map atomically, read it back, and analyse the room
(:func:`commapper.workshop.room_analysis.analyse_room`). The median of ``--runs`` is printed
with each step; the bars (issue 14): 30 participants under 2 s, 300 under 20 s. Last, the two
commands are timed once each as whole processes, start-up included.
"""

from __future__ import annotations

import argparse
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from commapper.io import load_map, save_map
from commapper.model import (
    LEVELS,
    BoundaryObjectNode,
    CommunityNode,
    CrossingEdge,
    MapDocument,
    Means,
    MembershipEdge,
    MeNode,
    ObjectUseEdge,
    PersonNode,
    TieEdge,
)
from commapper.model.items import SECTOR_SUGGESTIONS
from commapper.workshop.room import Room, load_participant, merge_room
from commapper.workshop.room_analysis import analyse_room

BARS = {30: 2.0, 300: 20.0}
# fmt: off
FIRST = ("Ana", "Bruno", "Chidi", "Dana", "Elif", "Femi", "Greta", "Hiro", "Ines", "Jonas",
         "Kemal", "Lena", "Mei", "Nils", "Olu", "Priya", "Quinn", "Rosa", "Sami", "Tomas")
LAST = ("Lima", "Berg", "Okafor", "Silva", "Nakamura", "Rossi", "Haddad", "Novak", "Moreau",
        "Lindqvist", "Adeyemi", "Kowalski", "Garcia", "Schmidt", "Tanaka")
TOPICS = ("open data", "hospital IT", "nurse education", "python", "community choir",
          "compliance", "digital humanities", "library UX", "patient safety", "metadata",
          "urban gardening", "chess", "research software", "climate action", "design systems",
          "public health", "teacher training", "accessibility", "open source", "data ethics")
KINDS = ("circle", "meetup", "network", "working group", "lab", "forum", "club", "team")
OBJECTS = ("Shared care protocol", "Style guide", "Data dictionary", "Reading list",
           "Code of conduct", "Curriculum map", "API standard", "Glossary")
# fmt: on


def pool_of_communities(size: int, rng: random.Random) -> list[str]:
    names: list[str] = []
    while len(names) < size:
        name = f"{rng.choice(TOPICS)} {rng.choice(KINDS)}"
        name = name[0].upper() + name[1:]
        if len(names) >= len(TOPICS) * len(KINDS) // 2:
            name = f"{name} {len(names)}"
        if name not in names:
            names.append(name)
    return names


def spelt(label: str, rng: random.Random) -> str:
    """``label`` as one participant writes it: mostly as is, else in another case, hyphenated,
    with "IT" as "I.T.", and now and then with a letter missing (a typo: a near miss)."""
    roll = rng.random()
    if roll < 0.55:
        return label
    if roll < 0.7:
        return label.lower()
    if roll < 0.8:
        return label.replace(" ", "-", 1)
    if roll < 0.9:
        return label.replace("IT", "I.T.").upper() if "IT" in label else label.upper()
    if roll < 0.97:
        return label + " "
    position = rng.randrange(1, len(label))
    return label[:position] + label[position + 1 :]


def participant_map(
    name: str,
    index: int,
    names: list[str],
    communities: list[str],
    weights: list[float],
    outsiders: list[str],
    rng: random.Random,
) -> MapDocument:
    nodes: list = [MeNode(id="me", label=name, org=rng.choice(("Acme", "City", "University")))]
    edges: list = []
    chosen: list[str] = []
    while len(chosen) < rng.randint(5, 15):
        community = rng.choices(communities, weights)[0]
        if community not in chosen:
            chosen.append(community)
    for number, community in enumerate(chosen):
        nodes.append(
            CommunityNode(
                id=f"c{number}",
                label=spelt(community, rng),
                sector=rng.choice(SECTOR_SUGGESTIONS),
                domain=community.split()[0].lower(),
                inside_org=rng.choice((True, False, None)),
            )
        )
        edges.append(
            MembershipEdge(id=f"m{number}", source="me", target=f"c{number}",
                           level=rng.choice(LEVELS))
        )  # fmt: skip
    others = [other for other in names if other != name]
    people = rng.sample(others, min(len(others), rng.randint(1, 4)))
    people += rng.sample(outsiders, rng.randint(1, 4))
    for number, person in enumerate(dict.fromkeys(people)):
        nodes.append(
            PersonNode(id=f"p{number}", label=person if rng.random() < 0.8 else person.lower())
        )
        edges.append(TieEdge(id=f"t{number}", source="me", target=f"p{number}"))
        target = rng.randrange(len(chosen))
        edges.append(
            MembershipEdge(id=f"pm{number}", source=f"p{number}", target=f"c{target}",
                           level="active")
        )  # fmt: skip
    for number, label in enumerate(rng.sample(OBJECTS, rng.randint(0, 3))):
        nodes.append(BoundaryObjectNode(id=f"o{number}", label=spelt(label, rng)))
        for target in rng.sample(range(len(chosen)), 2):
            edges.append(ObjectUseEdge(id=f"u{number}-{target}", source=f"o{number}",
                                       target=f"c{target}"))  # fmt: skip
    for number in range(rng.randint(0, 3)):
        source, target = rng.sample(range(len(chosen)), 2)
        edges.append(
            CrossingEdge(id=f"x{number}", source=f"c{source}", target=f"c{target}",
                         means=Means.BROKER, via=("me",))
        )  # fmt: skip
    doc = MapDocument.new(f"{name}'s landscape")
    doc.nodes, doc.edges = nodes, edges
    doc.reindex()
    return doc


def write_room(folder: Path, participants: int, seed: int = 1) -> list[Path]:
    rng = random.Random(seed)
    names: list[str] = []
    while len(names) < participants:
        name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        names.append(name if name not in names else f"{name} {len(names)}")
    communities = pool_of_communities(max(40, participants // 2), rng)
    weights = [1 / (rank + 1) ** 0.9 for rank in range(len(communities))]
    outsiders = [f"{rng.choice(FIRST)} {rng.choice(LAST)}-{i}" for i in range(participants * 2)]
    paths = []
    for index, name in enumerate(names):
        path = folder / f"participant-{index:03d}.commap"
        doc = participant_map(name, index, names, communities, weights, outsiders, rng)
        save_map(doc, path)
        paths.append(path)
    return paths


def time_room(paths: list[Path], out: Path) -> dict[str, float]:
    """One merge and analysis from the files, as the commands do, step by step."""
    times: dict[str, float] = {}
    start = time.perf_counter()
    room = Room()
    for path in paths:
        room = room.with_file(load_participant(path))
    times["read"] = time.perf_counter() - start
    mark = time.perf_counter()
    merged = merge_room(room)
    times["merge"] = time.perf_counter() - mark
    mark = time.perf_counter()
    save_map(merged.document, out)
    doc = load_map(out)
    times["write+read"] = time.perf_counter() - mark
    mark = time.perf_counter()
    analyse_room(doc)
    times["analyse room"] = time.perf_counter() - mark
    times["total"] = time.perf_counter() - start
    times["nodes"], times["edges"] = len(doc.nodes), len(doc.edges)
    times["suggestions"] = len(merged.suggestions)
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[30, 300])
    parser.add_argument("--runs", type=int, default=3)
    options = parser.parse_args()
    failed = False
    for size in options.sizes:
        with tempfile.TemporaryDirectory() as folder:
            paths = write_room(Path(folder), size)
            out = Path(folder) / "room.out"
            runs = [time_room(paths, out) for _ in range(options.runs)]
            median = {key: statistics.median(run[key] for run in runs) for key in runs[0]}
            steps = ", ".join(
                f"{key} {median[key]:.2f} s"
                for key in ("read", "merge", "write+read", "analyse room")
            )
            bar = BARS.get(size)
            verdict = (
                ""
                if bar is None
                else f" (bar {bar:.0f} s: {'ok' if median['total'] < bar else 'MISSED'})"
            )
            failed |= bar is not None and median["total"] >= bar
            print(
                f"{size} participants -> {median['nodes']:.0f} nodes, {median['edges']:.0f} "
                f"edges, {median['suggestions']:.0f} suggestions: total {median['total']:.2f} s"
                f"{verdict}\n    {steps}"
            )
            room_file = Path(folder) / "room.commap"
            for args in (["merge", *map(str, paths), "-o", str(room_file)],
                         ["analyse", "--json", str(room_file)]):  # fmt: skip
                start = time.perf_counter()
                result = subprocess.run(
                    [sys.executable, "-m", "commapper.cli", *args],
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.PIPE,
                    text=True,
                )
                took = time.perf_counter() - start
                status = "" if result.returncode == 0 else f" (exit {result.returncode})"
                print(f"    commapper {args[0]} as a process: {took:.2f} s{status}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
