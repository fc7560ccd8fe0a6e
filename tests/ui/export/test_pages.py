"""Laying a report down pages: a list longer than what is left of a page is cut between its
items, its heading kept with the first, and no item left alone at the top of a page."""

from __future__ import annotations

from PySide6.QtGui import QPdfWriter

from commapper.ui.export.pages import Pages
from tests.ui.export.reading import needs_poppler, pdf_pages


def laid_out(path, before: int, count: int) -> list[str]:
    writer = QPdfWriter(str(path))
    pages = Pages(writer, "a4", lambda n: f"page {n}")
    for index in range(before):  # paragraphs that fill part of the first page
        pages.text(f"<p>Paragraph {index} " + "lorem ipsum " * 40 + "</p>")
    items = [f"Item {n} begins " + "dolor sit amet " * (8 + n % 5) + f"and item {n} ends"
             for n in range(1, count + 1)]  # fmt: skip
    pages.listed("<h2>What stands out</h2>", items)
    pages.finish()
    return pdf_pages(path)


def where(pages: list[str], text: str) -> list[int]:
    return [number for number, page in enumerate(pages) if text in page]


@needs_poppler
def test_a_list_that_fits_a_page_is_never_cut(qapp, tmp_path):
    pages = laid_out(tmp_path / "short.pdf", before=6, count=12)
    heading = where(pages, "What stands out")
    assert len(heading) == 1
    for n in range(1, 13):
        assert where(pages, f"Item {n} begins") == heading
        assert where(pages, f"and item {n} ends") == heading


@needs_poppler
def test_a_long_list_is_cut_between_items_never_inside_one(qapp, tmp_path):
    count = 70
    pages = laid_out(tmp_path / "long.pdf", before=3, count=count)
    assert len(pages) >= 3
    assert where(pages, "What stands out") == where(pages, "Item 1 begins")
    for n in range(1, count + 1):
        begins, ends = where(pages, f"Item {n} begins"), where(pages, f"and item {n} ends")
        assert len(begins) == 1 and begins == ends, n
    # No page begins with the list's last item alone.
    last = where(pages, f"Item {count} begins")[0]
    assert f"Item {count - 1} begins" in pages[last]
