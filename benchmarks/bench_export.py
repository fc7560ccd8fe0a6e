"""Time pictures and the report of generated maps, as ``commapper export`` and ``commapper
report`` make them (offscreen, in this process, after Qt has started).

    QT_QPA_PLATFORM=offscreen uv run python benchmarks/bench_export.py [--sizes 200 2000]

For each size: PNG at scale 1, SVG and PDF through ``export_picture``, and the A4 report through
``write_report`` (its analysis included); the seconds each took and the bytes written.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from benchmarks.generate import generate_map


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[200, 2000])
    options = parser.parse_args()
    from commapper.ui.export.application import drawing_application

    drawing_application()
    from commapper.ui.export import export_picture
    from commapper.ui.export.report import write_report

    folder = Path(tempfile.mkdtemp(prefix="bench-export-"))
    print(f"{'nodes':>7} {'what':>7} {'seconds':>8} {'bytes':>12}")
    for size in options.sizes:
        doc = generate_map(size)
        for fmt in ("png", "svg", "pdf"):
            path = folder / f"{size}.{fmt}"
            start = time.perf_counter()
            export_picture(doc, path, fmt)
            took = time.perf_counter() - start
            print(f"{size:>7} {fmt:>7} {took:>8.2f} {path.stat().st_size:>12,}")
        path = folder / f"{size}-report.pdf"
        start = time.perf_counter()
        write_report(doc, path)
        took = time.perf_counter() - start
        print(f"{size:>7} {'report':>7} {took:>8.2f} {path.stat().st_size:>12,}")


if __name__ == "__main__":
    main()
