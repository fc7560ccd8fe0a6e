"""Time the full analysis of generated maps and report its peak memory.

    uv run python benchmarks/bench_analysis.py [--sizes 1000 10000]

The bars (DESIGN.md section 10): 1,000 nodes under 1 s, 10,000 nodes under 15 s, < 1 GiB.
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
import tracemalloc

from generate import generate_map

from commapper.analysis import analyse


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    options = parser.parse_args()
    print(f"{'nodes':>7} {'edges':>7} {'seconds':>8} {'peak MiB (Python heap)':>23}")
    for size in options.sizes:
        doc = generate_map(size)
        tracemalloc.start()
        start = time.perf_counter()
        analyse(doc)
        elapsed = time.perf_counter() - start
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        print(f"{size:>7} {len(doc.edges):>7} {elapsed:>8.2f} {peak / 2**20:>23.0f}")
    max_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"process peak RSS: {max_rss:.0f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
