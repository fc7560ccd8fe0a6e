"""Time each layout on generated maps: the median of a few runs, in seconds.

uv run python benchmarks/bench_layout.py [--sizes 200 2000 10000] [--runs 3]

"place half" is place_unplaced with every other node unplaced; "place all" with only ``me``
placed, which is what opening a file without positions runs.
"""

from __future__ import annotations

import argparse
import dataclasses
import statistics
import sys
import time

from generate import generate_map

from commapper.layout import force_layout, landscape_layout, place_unplaced


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[200, 2000, 10000])
    parser.add_argument("--runs", type=int, default=3)
    options = parser.parse_args()
    print(f"{'nodes':>7} {'landscape':>10} {'force':>10} {'place half':>11} {'place all':>10}")
    for size in options.sizes:
        doc = generate_map(size)
        # Half the nodes without a position: what place_unplaced meets on opening a sparse file.
        half = generate_map(size)
        half.nodes = [
            dataclasses.replace(node, x=None, y=None) if index % 2 else node
            for index, node in enumerate(half.nodes)
        ]
        half.reindex()
        bare = generate_map(size)
        bare.nodes = [
            node if node.id == "me" else dataclasses.replace(node, x=None, y=None)
            for node in bare.nodes
        ]
        bare.reindex()
        figures = []
        for layout, target in (
            (landscape_layout, doc),
            (force_layout, doc),
            (place_unplaced, half),
            (place_unplaced, bare),
        ):
            times = []
            for _ in range(options.runs):
                start = time.perf_counter()
                layout(target)
                times.append(time.perf_counter() - start)
            figures.append(statistics.median(times))
        print(
            f"{size:>7} {figures[0]:>10.2f} {figures[1]:>10.2f} {figures[2]:>11.2f}"
            f" {figures[3]:>10.2f}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
