"""A view's overlay names the overlays the analysis panel had on; the presentation and pictures
read it the same way (docs/file-format.md)."""

from __future__ import annotations

import itertools

import pytest

from commapper.ui.export.choices import OverlayChoice
from commapper.ui.present.saved_views import overlay_name, overlay_settings, show_overlay

MARKS = ("broker", "silo", "articulation")


@pytest.mark.parametrize(
    ("size", "marks", "pairs", "colour"),
    [
        (size, frozenset(marks), pairs, colour)
        for size, pairs, colour in itertools.product(
            (False, True), (False, True), ("sector", "level", "domain")
        )
        for marks in ((), ("broker",), ("silo", "articulation"), MARKS)
    ],
)
def test_the_overlays_on_screen_come_back_from_their_name(
    window_on, qtbot, size, marks, pairs, colour
):
    from tests.ui.present.test_presentation import small_map

    overlays = window_on(small_map()).analysis.overlays
    overlays.size_by_betweenness, overlays.marks = size, set(marks)
    overlays.open_pairs, overlays.colour_by = pairs, colour
    name = overlay_name(overlays)
    assert (name is None) == (not size and not marks and not pairs and colour == "sector")
    for read in (overlay_settings(name), OverlayChoice.named(name)):  # the presentation, a picture
        assert (read.size_by_betweenness, read.marks, read.open_pairs, read.colour_by) == (
            size, marks, pairs, colour
        )  # fmt: skip
    overlays.size_by_betweenness, overlays.marks, overlays.colour_by = False, set(), "sector"
    show_overlay(overlays, name)
    assert overlay_name(overlays) == name


def test_unknown_words_are_ignored():
    settings = overlay_settings("brokers, sparkles, ,colour=")
    assert settings.marks == {"broker"} and settings.colour_by == "sector"
