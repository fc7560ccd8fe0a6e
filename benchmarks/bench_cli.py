"""Time ``commapper analyse --json`` as a whole process against igraph alone doing the heavy part.

    uv run python benchmarks/bench_cli.py [--sizes 1000] [--runs 5]

For each size a generated map (``generate.py``) is saved to a temporary folder, then two fresh
processes are timed from outside (wall clock, stdout to /dev/null, the median of ``--runs``,
run alternately so that both see the same noise):

- the command, as a user runs it: ``commapper analyse --json FILE``;
- igraph alone doing the heavy part of that analysis: a script that imports only igraph and
  json, reads the same file, builds the whole map (G_map) and the community network (C), and
  makes the igraph calls the analysis makes on them: Brandes betweenness of both, the
  articulation points and bridges of G_map, and its articulation points without ``me``.

Both run with compiled bytecode, as an installed program does: the children write and read
their ``.pyc`` files under a temporary ``PYTHONPYCACHEPREFIX`` (filled by a first, untimed run)
whatever ``PYTHONDONTWRITEBYTECODE`` says. ``--no-bytecode`` times them compiling every module
from source on every run instead (about 1 s more for the command, 0.2 s for igraph alone).

The bar (docs/bars.md): the command within 4x igraph alone at 1,000 nodes. Last, one run of the
command under ``python -X importtime`` shows where its start-up goes, by top-level package.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

from generate import generate_map

from commapper.io import save_map

BAR = 4.0

# igraph alone: the same file, the same graphs, the igraph calls the analysis makes on them.
IGRAPH_ALONE = r"""
import json
import sys

import igraph

with open(sys.argv[1], encoding="utf-8") as file:
    data = json.load(file)
ids = [node["id"] for node in data["nodes"]]
index = {node_id: position for position, node_id in enumerate(ids)}
full_map = igraph.Graph(
    n=len(ids), edges=[(index[edge["source"]], index[edge["target"]]) for edge in data["edges"]]
)
full_map.simplify()
full_map.betweenness(directed=False)
full_map.articulation_points()
full_map.bridges()
if "me" in index:
    without_me = full_map.copy()
    without_me.delete_vertices([index["me"]])
    without_me.articulation_points()

# C: communities joined by a shared member, a shared boundary object or a crossing.
communities = [node["id"] for node in data["nodes"] if node["kind"] == "community"]
place = {community: position for position, community in enumerate(communities)}
by_connector = {}
for edge in data["edges"]:
    if edge["kind"] in ("membership", "object_use"):
        by_connector.setdefault(edge["source"], set()).add(place[edge["target"]])
pairs = set()
for linked in by_connector.values():
    linked = sorted(linked)
    pairs.update((a, b) for i, a in enumerate(linked) for b in linked[i + 1 :])
for edge in data["edges"]:
    if edge["kind"] == "crossing":
        pairs.add(tuple(sorted((place[edge["source"]], place[edge["target"]]))))
igraph.Graph(n=len(communities), edges=sorted(pairs)).betweenness(directed=False)
"""


def commapper_command() -> list[str]:
    """``commapper`` as installed beside this Python, else ``python -m commapper``."""
    installed = Path(sys.executable).with_name("commapper")
    return [str(installed)] if installed.exists() else [sys.executable, "-m", "commapper"]


def child_environment(cache: Path | None) -> dict[str, str]:
    """The children's environment: bytecode written to and read from ``cache``, or never
    written (each module compiled from source on every run) when ``cache`` is None."""
    environment = dict(os.environ)
    if cache is None:
        environment["PYTHONDONTWRITEBYTECODE"] = "1"
        environment.pop("PYTHONPYCACHEPREFIX", None)
    else:
        environment.pop("PYTHONDONTWRITEBYTECODE", None)
        environment["PYTHONPYCACHEPREFIX"] = str(cache)
    return environment


def wall_clock(command: list[str], environment: dict[str, str]) -> float:
    """Seconds from start to exit of ``command``, its output thrown away."""
    start = time.perf_counter()
    subprocess.run(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=True, env=environment
    )
    return time.perf_counter() - start


def import_summary(path: Path, environment: dict[str, str], top: int = 8) -> list[str]:
    """Lines summarising ``python -X importtime -m commapper analyse --json PATH``: what our
    own modules import and what each costs with everything it brings (cumulative), then the
    time of every module summed by top-level package (self times: they add up to the total)."""
    command = [sys.executable, "-X", "importtime", "-m", "commapper", "analyse", "--json"]
    run = subprocess.run(
        [*command, str(path)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        check=True,
        env=environment,
    )
    rows = []  # (depth, name, self us, cumulative us), children before their parent
    for line in run.stderr.splitlines():
        if line.startswith("import time:") and "imported package" not in line:
            self_us, cumulative_us, name = line.removeprefix("import time:").split("|")
            depth = (len(name) - len(name.lstrip())) // 2
            rows.append((depth, name.strip(), int(self_us), int(cumulative_us)))
    by_package: dict[str, int] = defaultdict(int)
    asked_for: dict[str, int] = defaultdict(int)
    parents: dict[int, str] = {}
    for depth, name, self_us, cumulative_us in reversed(rows):  # a parent before its children
        parents[depth] = name
        root = name.split(".")[0]
        by_package[".".join(name.split(".")[:2]) if root == "commapper" else root] += self_us
        parent = parents.get(depth - 1, "") if depth else ""
        if root != "commapper" and parent.startswith("commapper"):
            asked_for[root] += cumulative_us
    total = sum(by_package.values())
    lines = [f"  all imports: {total / 1e6:.2f} s (importtime inflates this somewhat)"]
    lines.append("  imported by commapper, with what each brings:")
    ranked = sorted(asked_for.items(), key=lambda item: -item[1])[:top]
    lines += [f"    {us / 1e6:6.3f} s  {package}" for package, us in ranked]
    lines.append("  by package (each module's own time):")
    ranked = sorted(by_package.items(), key=lambda item: -item[1])[:top]
    lines += [f"    {us / 1e6:6.3f} s  {package}" for package, us in ranked]
    watched = ("networkx", "scipy", "pydantic", "PySide6", "pyqtgraph")
    loaded = [f"{name} {'yes' if name in by_package else 'no'}" for name in watched]
    lines.append("  loaded: " + ", ".join(loaded))
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000])
    parser.add_argument("--runs", type=int, default=5, help="timed runs of each (median)")
    parser.add_argument(
        "--no-bytecode", action="store_true", help="compile every module on every run"
    )
    options = parser.parse_args()
    command = commapper_command()
    print(f"command: {' '.join(command)} analyse --json FILE")
    print("bytecode: " + ("none (compiled on every run)" if options.no_bytecode else "cached"))
    print(f"{'nodes':>7} {'edges':>6} {'commapper s':>12} {'igraph alone s':>15} {'ratio':>6}")
    with tempfile.TemporaryDirectory() as folder:
        environment = child_environment(None if options.no_bytecode else Path(folder) / "pyc")
        baseline = Path(folder) / "igraph_alone.py"
        baseline.write_text(IGRAPH_ALONE, encoding="utf-8")
        summaries = {}
        for size in options.sizes:
            doc = generate_map(size)
            path = Path(folder) / f"map-{size}.commap"
            save_map(doc, path)
            ours = [*command, "analyse", "--json", str(path)]
            alone = [sys.executable, str(baseline), str(path)]
            wall_clock(ours, environment), wall_clock(alone, environment)  # warm the caches
            ours_times, alone_times = [], []
            for _ in range(options.runs):
                ours_times.append(wall_clock(ours, environment))
                alone_times.append(wall_clock(alone, environment))
            ours_median = statistics.median(ours_times)
            alone_median = statistics.median(alone_times)
            ratio = ours_median / alone_median
            mark = "ok" if ratio <= BAR else f"over {BAR:g}x"
            print(
                f"{size:>7} {len(doc.edges):>6} {ours_median:>12.3f} {alone_median:>15.3f} "
                f"{ratio:>5.2f}x {mark}"
            )
            print(f"{'':>7} runs: commapper {' '.join(f'{t:.2f}' for t in ours_times)}; "
                  f"igraph alone {' '.join(f'{t:.2f}' for t in alone_times)}")  # fmt: skip
            summaries[size] = import_summary(path, environment)
        for size, lines in summaries.items():
            print(f"\nwhere the start-up of analyse --json goes ({size} nodes, -X importtime):")
            print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
