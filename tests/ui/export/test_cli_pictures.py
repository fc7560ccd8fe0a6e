"""``commapper export`` for pictures: the real command in a subprocess, with no display."""

from __future__ import annotations

import os
import subprocess
import sys

from PySide6.QtGui import QColor, QImage

from commapper.io import load_map
from commapper.resources import DEFAULT_EXAMPLE
from commapper.ui.shell.theme import PROJECTOR
from tests.ui.export.reading import needs_poppler, pdf_text, svg_texts


def export(*args: str) -> subprocess.CompletedProcess[str]:
    # No display and no platform chosen: pictures are drawn offscreen all the same.
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "QT_QPA_PLATFORM")}
    return subprocess.run(
        [sys.executable, "-m", "commapper.cli", "export", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,  # a busy machine: the command itself takes 2-4 s
    )


def test_png_at_a_scale_and_at_a_dpi(tmp_path):
    for name, extra in (("one", ()), ("two", ("--scale", "2")), ("dpi", ("--dpi", "288"))):
        run = export(str(DEFAULT_EXAMPLE), "-o", str(tmp_path / f"{name}.png"), *extra)
        assert run.returncode == 0, run.stderr
        assert f"exported to {tmp_path / name}.png (png)" in run.stdout
    one, two, dpi = (QImage(str(tmp_path / f"{n}.png")) for n in ("one", "two", "dpi"))
    assert abs(two.width() - 2 * one.width()) <= 2
    assert abs(dpi.height() - 3 * one.height()) <= 3
    assert round(dpi.dotsPerMeterX() * 0.0254) == 288


def test_svg_of_a_view_in_the_projector_theme(tmp_path):
    out = tmp_path / "work.svg"
    run = export(str(DEFAULT_EXAMPLE), "-o", str(out), "--view", "At work", "--theme", "projector")
    assert run.returncode == 0, run.stderr
    texts = " ".join(svg_texts(out))
    assert "Hospital IT" in texts and "Trail running club" not in texts
    png = tmp_path / "work.png"
    assert export(str(DEFAULT_EXAMPLE), "-o", str(png), "--theme", "projector").returncode == 0
    assert QColor(QImage(str(png)).pixel(1, 1)) == PROJECTOR.background


@needs_poppler
def test_pdf_by_format_with_its_text_selectable(tmp_path):
    out = tmp_path / "map.out"
    run = export(str(DEFAULT_EXAMPLE), "-o", str(out), "--format", "pdf")
    assert run.returncode == 0, run.stderr
    assert out.read_bytes().startswith(b"%PDF")
    text = pdf_text(out)
    assert all(node.label in text for node in load_map(DEFAULT_EXAMPLE).nodes)


def test_a_pseudonymised_picture_names_no_one(tmp_path):
    out = tmp_path / "safe.svg"
    run = export(str(DEFAULT_EXAMPLE), "-o", str(out), "--anonymise", "pseudonymised")
    assert run.returncode == 0, run.stderr
    texts = " ".join(svg_texts(out))
    people = [n.label for n in load_map(DEFAULT_EXAMPLE).nodes if n.kind in ("person", "me")]
    assert people and not any(person in texts for person in people)
    assert "Hospital IT" in texts


def test_an_unwritable_picture_is_one_clear_line(tmp_path):
    blocker = tmp_path / "file.txt"
    blocker.write_text("")
    run = export(str(DEFAULT_EXAMPLE), "-o", str(blocker / "map.png"))
    assert run.returncode == 1
    assert "Traceback" not in run.stderr
    assert run.stderr.strip().splitlines() == [
        f"{DEFAULT_EXAMPLE}: cannot write {blocker / 'map.png'}: Not a directory"
    ]


def test_scale_and_dpi_together_is_a_usage_error(tmp_path):
    run = export(str(DEFAULT_EXAMPLE), "-o", str(tmp_path / "m.png"), "--scale", "2", "--dpi", "1")
    assert run.returncode == 2
    assert "not allowed with argument" in run.stderr
