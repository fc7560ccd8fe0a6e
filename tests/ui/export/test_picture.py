"""Pictures of a map: PNG at a chosen scale, SVG with its labels as text, PDF with selectable
text, a saved view, the themes, and files that cannot be written."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QImage

from commapper.io import load_map
from commapper.resources import DEFAULT_EXAMPLE
from commapper.ui.export import ExportError, OverlayChoice, export_picture, theme_names
from commapper.ui.shell.theme import LIGHT
from tests.ui.export.reading import needs_poppler, pdf_fonts, pdf_info, pdf_text, svg_texts

# In the example's saved view "At work", and not.
AT_WORK = ["Sam", "Nurse educators", "Hospital IT", "Simulation lab team", "Ana", "Marco"]
NOT_AT_WORK = ["Trail running club", "Community choir", "Tom", "Jonas"]


@pytest.fixture
def doc():
    return load_map(DEFAULT_EXAMPLE)


def test_png_pixels_follow_the_scale(qapp, doc, tmp_path):
    export_picture(doc, tmp_path / "one.png", "png", scale=1)
    export_picture(doc, tmp_path / "two.png", "png", scale=2.5)
    export_picture(doc, tmp_path / "dpi.png", "png", dpi=192)
    one, two, dpi = (QImage(str(tmp_path / f"{n}.png")) for n in ("one", "two", "dpi"))
    assert one.width() > 600 and one.height() > 400
    assert abs(two.width() - 2.5 * one.width()) <= 3
    assert abs(two.height() - 2.5 * one.height()) <= 3
    assert abs(dpi.width() - 2 * one.width()) <= 2
    # The file says how many dots an inch its pixels are: it prints at the canvas's size.
    assert round(two.dotsPerMeterX() * 0.0254) == 240
    assert round(dpi.dotsPerMeterX() * 0.0254) == 192


def test_png_in_the_light_theme_has_a_light_background(qapp, doc, tmp_path):
    export_picture(doc, tmp_path / "map.png", "png", theme="light")
    image = QImage(str(tmp_path / "map.png"))
    assert QColor(image.pixel(2, 2)) == LIGHT.background


def test_svg_keeps_every_label_as_text(qapp, doc, tmp_path):
    export_picture(doc, tmp_path / "map.svg", "svg")
    texts = " ".join(svg_texts(tmp_path / "map.svg"))
    for node in doc.nodes:
        assert node.label in texts
    # The legend says what the colours are.
    for sector in {n.sector for n in doc.nodes if getattr(n, "sector", None)}:
        assert sector in svg_texts(tmp_path / "map.svg")


@needs_poppler
def test_pdf_is_one_page_of_the_maps_size_with_its_labels_as_text(qapp, doc, tmp_path):
    export_picture(doc, tmp_path / "map.pdf", "pdf")
    text = pdf_text(tmp_path / "map.pdf")
    for node in doc.nodes:
        assert node.label in text
    info = pdf_info(tmp_path / "map.pdf")
    assert info["Pages"] == "1"
    width, _, height, *_ = info["Page size"].split()
    png = tmp_path / "map.png"
    export_picture(doc, png, "png")
    image = QImage(str(png))
    # 96 picture units an inch: a PNG's pixel at scale 1 is three quarters of a point.
    assert abs(float(width) - image.width() * 0.75) < 2
    assert abs(float(height) - image.height() * 0.75) < 2
    fonts = pdf_fonts(tmp_path / "map.pdf")
    assert fonts and all(fonts.values())  # embedded


def test_a_saved_view_shows_only_its_nodes(qapp, doc, tmp_path):
    export_picture(doc, tmp_path / "work.svg", "svg", view="At work")
    texts = " ".join(svg_texts(tmp_path / "work.svg"))
    for label in AT_WORK:
        assert label in texts
    for label in NOT_AT_WORK:
        assert label not in texts
    export_picture(doc, tmp_path / "all.svg", "svg", view="Everything")
    assert all(label in " ".join(svg_texts(tmp_path / "all.svg")) for label in NOT_AT_WORK)


def test_an_unknown_view_is_refused_naming_the_views_there_are(qapp, doc, tmp_path):
    with pytest.raises(ExportError, match=r'no view called "Nope".*"At work", "Everything"'):
        export_picture(doc, tmp_path / "map.png", "png", view="Nope")
    assert not (tmp_path / "map.png").exists()


def test_overlays_are_drawn_and_named_in_the_legend(qapp, doc, tmp_path):
    choice = OverlayChoice(size_by_betweenness=True, marks=frozenset({"broker"}))
    export_picture(doc, tmp_path / "plain.png", "png")
    export_picture(doc, tmp_path / "overlay.svg", "svg", overlays=choice)
    export_picture(doc, tmp_path / "overlay.png", "png", overlays=choice)
    texts = svg_texts(tmp_path / "overlay.svg")
    assert any(text.startswith("ring: top brokers") for text in texts)
    assert any(text.startswith("size: betweenness") for text in texts)
    # Nodes sized by betweenness take more room.
    plain, overlaid = QImage(str(tmp_path / "plain.png")), QImage(str(tmp_path / "overlay.png"))
    assert plain != overlaid


def test_themes(qapp, doc, tmp_path):
    assert theme_names()[:2] == ["light", "canvas"]
    with pytest.raises(ExportError, match='no theme "sepia"'):
        export_picture(doc, tmp_path / "map.png", "png", theme="sepia")
    if "projector" in theme_names():
        export_picture(doc, tmp_path / "map.png", "png", theme="projector")
        assert QColor(QImage(str(tmp_path / "map.png")).pixel(2, 2)) == QColor("#ffffff")
    else:
        with pytest.raises(ExportError, match="projector theme is not available"):
            export_picture(doc, tmp_path / "map.png", "png", theme="projector")


def test_a_file_that_cannot_be_written_is_a_clear_error_and_nothing_is_lost(qapp, doc, tmp_path):
    blocker = tmp_path / "notes.txt"
    blocker.write_text("not a folder")
    with pytest.raises(ExportError, match=r"cannot write .*notes\.txt/map\.png: Not a directory"):
        export_picture(doc, blocker / "map.png", "png")
    # A picture already there stays whole when the new one cannot be made.
    kept = tmp_path / "kept.png"
    kept.write_bytes(b"an older picture")
    with pytest.raises(ExportError, match="scale must be between"):
        export_picture(doc, kept, "png", scale=0)
    assert kept.read_bytes() == b"an older picture"
    with pytest.raises(ExportError, match='"bmp" is not a picture format'):
        export_picture(doc, tmp_path / "map.bmp", "bmp")


def test_an_empty_map_is_a_small_blank_picture(qapp, tmp_path):
    from commapper.model import MapDocument

    export_picture(MapDocument.new("Nothing yet"), tmp_path / "empty.png", "png")
    image = QImage(str(tmp_path / "empty.png"))
    assert 100 < image.width() < 1000


def test_a_large_map_drawn_small_keeps_its_labels_and_legend_readable(qapp):
    from benchmarks.generate import generate_map
    from commapper.ui.export import MapPicture

    picture = MapPicture(generate_map(600))  # about 3,000 units across
    full_size = picture.size()
    assert picture.scene.label_scale == 1.0
    # Seen whole from afar (a slide, a poster), the legend grows with the map.
    assert picture.legend_zoom > 2.0
    picture.measure(700)  # a page's width
    # Labels grow as on a canvas zoomed out; those that would then cover others are left out.
    assert picture.scene.label_scale > 1.5
    assert picture.scene.crowded_labels
    assert max(picture.map_size.width(), picture.map_size.height()) <= 700.5
    assert picture.legend_zoom == 1.0
    assert picture.size().width() < full_size.width() / 3


def test_a_views_viewport_is_the_part_drawn(qapp, doc, tmp_path):
    from commapper.model import UpdateMap, View, Viewport, apply_edit

    around_me = View(name="Around me", viewport=Viewport(x=-150, y=-100, width=300, height=200))
    apply_edit(doc, UpdateMap({"views": [*doc.views, around_me]}))
    export_picture(doc, tmp_path / "me.png", "png", view="Around me", scale=2, legend=False)
    image = QImage(str(tmp_path / "me.png"))
    assert (image.width(), image.height()) == (600, 400)  # the viewport, at scale 2
    export_picture(doc, tmp_path / "me.svg", "svg", view="Around me")
    texts = " ".join(svg_texts(tmp_path / "me.svg"))
    assert "Sam" in texts  # me, at the origin
    assert "Compliance circle" not in texts  # far out, off the viewport
