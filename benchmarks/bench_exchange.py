"""Time exporting and importing generated maps in each exchange format, making safe copies, and
refusing an XML entity bomb.

    uv run python benchmarks/bench_exchange.py [--sizes 2000 10000] [--repeat 3]

Prints medians in seconds, and each file's size. The bar (issue 15): a bomb is refused in under
a second.
"""

from __future__ import annotations

import argparse
import functools
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from generate import generate_map

from commapper.io import MapFileError
from commapper.io.exchange import read_exchange, table_paths, write_exchange
from commapper.io.safe_copy import safe_copy

FORMATS = {"graphml": ".graphml", "gexf": ".gexf", "kumu": ".json", "csv": ".csv"}
# Ten entities of ten references each, nine deep: 10**9 "lol"s, 3 GB if expanded.
BOMB = (
    '<?xml version="1.0"?>\n<!DOCTYPE lolz [\n <!ENTITY lol "lol">\n'
    + "".join(
        f' <!ENTITY lol{n} "{("&lol" + (str(n - 1) if n > 1 else "") + ";") * 10}">\n'
        for n in range(1, 10)
    )
    + "]>\n<graphml>&lol9;</graphml>\n"
)


def median_seconds(action: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[2000, 10000])
    parser.add_argument("--repeat", type=int, default=3)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        bomb = Path(folder) / "bomb.graphml"
        bomb.write_text(BOMB, encoding="utf-8")

        def refuse() -> None:
            try:
                read_exchange(bomb)
            except MapFileError:
                return
            raise AssertionError("the bomb was read")

        print(f"entity bomb refused in {median_seconds(refuse, options.repeat):.4f} s")
        for size in options.sizes:
            doc = generate_map(size)
            print(f"{size:,} nodes, {len(doc.edges):,} edges")
            for fmt, suffix in FORMATS.items():
                path = Path(folder) / f"map{suffix}"
                written = median_seconds(
                    functools.partial(write_exchange, doc, path, fmt), options.repeat
                )
                read = median_seconds(functools.partial(read_exchange, path), options.repeat)
                files = table_paths(path) if fmt == "csv" else (path,)
                size_mb = sum(file.stat().st_size for file in files) / 2**20
                times = f"export {written:6.3f} s  import {read:6.3f} s"
                print(f"  {fmt:8} {times}  {size_mb:5.1f} MiB")
            for level in ("pseudonymised", "communities"):
                seconds = median_seconds(functools.partial(safe_copy, doc, level), options.repeat)
                print(f"  safe copy, {level}: {seconds:.3f} s")


if __name__ == "__main__":
    main()
