"""Reading back what a picture or report holds: the text of an SVG and of a PDF."""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest
from defusedxml import ElementTree

needs_poppler = pytest.mark.skipif(
    shutil.which("pdftotext") is None, reason="poppler-utils (pdftotext, pdfinfo) not installed"
)


def words(text: str) -> str:
    """``text`` with every run of white space made one space (labels wrap onto lines), and
    ligatures as their letters (the PDF's fonts draw "ff" as one glyph)."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text)).strip()


def svg_texts(path: Path) -> list[str]:
    """The contents of every ``<text>`` element of an SVG file."""
    root = ElementTree.parse(path).getroot()
    return [words("".join(e.itertext())) for e in root.iter() if e.tag.endswith("}text")]


def pdf_text(path: Path) -> str:
    """The text of a PDF in the order it was drawn (``pdftotext -raw``), spaces made single."""
    run = subprocess.run(["pdftotext", "-raw", str(path), "-"], capture_output=True, check=True)
    return words(run.stdout.decode())


def pdf_info(path: Path) -> dict[str, str]:
    run = subprocess.run(["pdfinfo", str(path)], capture_output=True, check=True, text=True)
    return {
        key.strip(): value.strip()
        for key, _, value in (line.partition(":") for line in run.stdout.splitlines())
    }


def pdf_fonts(path: Path) -> dict[str, bool]:
    """The fonts of a PDF as ``pdffonts`` lists them, and whether each is embedded."""
    run = subprocess.run(["pdffonts", str(path)], capture_output=True, check=True, text=True)
    # name, type (one or two words), encoding, emb, sub, uni, object number, generation
    rows = [line.split() for line in run.stdout.splitlines()[2:]]
    return {row[0]: row[-5] == "yes" for row in rows}


def pdf_pages(path: Path) -> list[str]:
    """The text of each page of a PDF, as :func:`pdf_text` reads it (a form feed ends a page)."""
    run = subprocess.run(["pdftotext", "-raw", str(path), "-"], capture_output=True, check=True)
    return [words(page) for page in run.stdout.decode().split("\f")[:-1]]
