"""Time loading, validating and saving generated maps against json.loads of the same bytes.

    uv run python benchmarks/bench_io.py [--sizes 1000 10000] [--repeat 7]

Prints medians. The bar (docs/bars.md): loading a 10,000-node file within 3x the time
of json.loads of the same bytes.
"""

from __future__ import annotations

import argparse
import gc
import json
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from generate import generate_map

from commapper.io import load_map, save_map


def median_seconds(action: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        gc.collect()  # start each run from the same heap
        start = time.perf_counter()
        result = action()
        times.append(time.perf_counter() - start)
        del result  # freeing the previous result is not part of the next run
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--repeat", type=int, default=7)
    options = parser.parse_args()
    print(f"{'nodes':>7} {'edges':>7} {'MiB':>6} {'json.loads':>11} {'load_map':>9} {'ratio':>6} "
          f"{'validate':>9} {'save_map':>9}")  # fmt: skip
    with tempfile.TemporaryDirectory() as folder:
        for size in options.sizes:
            doc = generate_map(size)
            path = Path(folder) / f"map-{size}.commap"
            save_map(doc, path)
            data = path.read_bytes()
            loads = median_seconds(lambda data=data: json.loads(data), options.repeat)
            load = median_seconds(lambda path=path: load_map(path), options.repeat)
            save = median_seconds(lambda doc=doc, path=path: save_map(doc, path), options.repeat)
            command = [sys.executable, "-m", "commapper.cli", "validate", "-q", str(path)]
            validate = median_seconds(
                lambda command=command: subprocess.run(command, check=True),
                max(3, options.repeat // 2),
            )
            print(
                f"{size:>7} {len(doc.edges):>7} {len(data) / 2**20:>6.1f} {loads * 1000:>9.0f}ms "
                f"{load * 1000:>7.0f}ms {load / loads:>5.2f}x {validate * 1000:>7.0f}ms "
                f"{save * 1000:>7.0f}ms"
            )
    print("validate = `commapper validate FILE` in a fresh process, start-up included")
    return 0


if __name__ == "__main__":
    sys.exit(main())
