"""Time the full analysis of generated maps and report its peak memory.

    uv run python benchmarks/bench_analysis.py [--sizes 1000 2000 10000] [--repeat 3]

Each size runs in a fresh subprocess, so that its peak resident memory (RSS, which counts numpy
and igraph as well as Python objects) is its own; the times are taken without tracemalloc,
which slows the analysis about twice (``--heap`` adds a separate traced run for the peak of the
Python heap alone). The bars (docs/bars.md): 1,000 nodes under 1 s, 10,000 nodes under
15 s, memory under 1 GiB.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

from generate import generate_map

from commapper.analysis.analyse import analyse


def measure(size: int, repeat: int, heap: bool) -> dict:
    """Analyse the generated map of ``size`` nodes ``repeat`` times, in this process."""
    doc = generate_map(size)
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    times, methods = [], {}
    for _ in range(repeat):
        start = time.perf_counter()
        result = analyse(doc)
        times.append(time.perf_counter() - start)
        methods = result.brokerage.betweenness_method
        del result
    figures = {
        "nodes": size,
        "edges": len(doc.edges),
        "seconds": times,
        "rss_before_mib": rss_before,
        "peak_rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "betweenness_method": methods,
    }
    if heap:
        tracemalloc.start()
        analyse(doc)
        figures["peak_heap_mib"] = tracemalloc.get_traced_memory()[1] / 2**20
        tracemalloc.stop()
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 2000, 10000])
    parser.add_argument("--repeat", type=int, default=3, help="timed runs per size (median)")
    parser.add_argument("--heap", action="store_true", help="also trace the Python heap's peak")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)  # a child: one size, as JSON
    options = parser.parse_args()
    if options.one is not None:
        print(json.dumps(measure(options.one, options.repeat, options.heap)))
        return 0
    print(f"{'nodes':>7} {'edges':>7} {'median s':>9} {'all runs s':>20} {'peak RSS MiB':>13}")
    for size in options.sizes:
        command = [sys.executable, str(Path(__file__)), "--one", str(size)]
        command += ["--repeat", str(options.repeat)] + (["--heap"] if options.heap else [])
        child = subprocess.run(command, capture_output=True, text=True, check=True)
        figures = json.loads(child.stdout)
        runs = " ".join(f"{seconds:.2f}" for seconds in figures["seconds"])
        print(
            f"{size:>7} {figures['edges']:>7} {statistics.median(figures['seconds']):>9.2f} "
            f"{runs:>20} {figures['peak_rss_mib']:>13.0f}"
        )
        print(f"{'':>7} betweenness: {figures['betweenness_method']}")
        if options.heap:
            print(f"{'':>7} peak Python heap (tracemalloc run): {figures['peak_heap_mib']:.0f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
