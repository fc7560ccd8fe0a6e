"""Colours, sizes and pens of the map, chosen to stay readable for colour-blind people and on a
projector, in light and dark themes."""

from __future__ import annotations

import zlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette

from commapper.model import Level, NodeKind

# Okabe and Ito's palette (2008), safe for the common colour-vision deficiencies, with Paul Tol's
# wine and grey for the eighth and extra sectors.
SECTOR_COLOURS: dict[str, str] = {
    "work": "#0072B2",
    "civic": "#009E73",
    "education": "#E69F00",
    "family": "#CC79A7",
    "hobby": "#F0E442",
    "online": "#56B4E9",
    "health": "#D55E00",
    "academia": "#882255",
}
_EXTRA_SECTOR_COLOURS = ("#44AA99", "#999933", "#AA4499", "#332288", "#117733", "#88CCEE")
NO_SECTOR_COLOUR = "#9E9E9E"


def sector_key(sector: str | None) -> str:
    """The sector as colours know it: "Health " and "health" are one sector."""
    return (sector or "").strip().lower()


def sector_colour(sector: str | None, palette: Mapping[str, str] | None = None) -> QColor:
    """The colour of a sector: fixed for the suggested ones, from ``palette`` (see
    :func:`sector_palette`) for the others, or else stable by name."""
    key = sector_key(sector)
    if not key:
        return QColor(NO_SECTOR_COLOUR)
    if key in SECTOR_COLOURS:
        return QColor(SECTOR_COLOURS[key])
    if palette is not None and key in palette:
        return QColor(palette[key])
    return QColor(_EXTRA_SECTOR_COLOURS[_first_choice(key)])


def sector_palette(sectors: Iterable[str | None]) -> dict[str, str]:
    """Colours for the sectors of one map that are not suggested ones, each its own while there
    are colours enough: each sector starts from its colour by name and, if an earlier sector
    (A to Z) has that, takes the next free one. The same sectors always get the same colours.

    >>> sector_palette(["leisure", "research"]) == sector_palette(["research", "leisure"])
    True
    >>> len(set(sector_palette(["leisure", "research", "tech"]).values()))
    3
    """
    keys = sorted({key for s in sectors if (key := sector_key(s)) and key not in SECTOR_COLOURS})
    palette, taken = {}, set()
    count = len(_EXTRA_SECTOR_COLOURS)
    for key in keys:
        start = _first_choice(key)
        free = [i for i in (*range(start, count), *range(start)) if i not in taken]
        index = free[0] if free else start
        taken.add(index)
        palette[key] = _EXTRA_SECTOR_COLOURS[index]
    return palette


def _first_choice(key: str) -> int:
    # crc32, not hash(): the same sector gets the same colour in every run.
    return zlib.crc32(key.encode()) % len(_EXTRA_SECTOR_COLOURS)


# Node radius in scene units, by kind: a community is the big shape, a person a small one.
NODE_RADIUS: dict[NodeKind, float] = {
    NodeKind.ME: 24.0,
    NodeKind.COMMUNITY: 30.0,
    NodeKind.PERSON: 11.0,
    NodeKind.BOUNDARY_OBJECT: 12.0,
}

# Membership width by participation level: the core of a community is drawn the thickest.
LEVEL_WIDTH: dict[Level, float] = {
    Level.CORE: 5.0,
    Level.ACTIVE: 3.5,
    Level.OCCASIONAL: 2.2,
    Level.PERIPHERAL: 1.4,
    Level.TRANSACTIONAL: 1.0,
}


@dataclass(frozen=True)
class CanvasColours:
    """The canvas colours of one theme."""

    background: QColor
    grid: QColor
    text: QColor
    text_halo: QColor
    edge: QColor
    crossing: QColor
    selection: QColor
    me_fill: QColor
    person_fill: QColor
    object_fill: QColor
    outline: QColor
    # Lines and outlines are drawn this many times their usual width: thicker on a projector,
    # where thin grey lines wash out.
    line_weight: float = 1.0
    name: str = "light"


LIGHT = CanvasColours(
    background=QColor("#fbfbf8"),
    grid=QColor("#ecece6"),
    text=QColor("#1b1b1b"),
    text_halo=QColor(251, 251, 248, 190),
    edge=QColor("#7a7a7a"),
    crossing=QColor("#3b3b98"),
    selection=QColor("#0a64d8"),
    me_fill=QColor("#222222"),
    person_fill=QColor("#f2f2f2"),
    object_fill=QColor("#fff3c4"),
    outline=QColor("#3a3a3a"),
)
DARK = CanvasColours(
    name="dark",
    background=QColor("#1e1f22"),
    grid=QColor("#2a2b2f"),
    text=QColor("#ececec"),
    text_halo=QColor(30, 31, 34, 190),
    edge=QColor("#9a9a9a"),
    crossing=QColor("#9fa8ff"),
    selection=QColor("#4da3ff"),
    me_fill=QColor("#f5f5f5"),
    person_fill=QColor("#3a3c42"),
    object_fill=QColor("#5a4d1e"),
    outline=QColor("#d0d0d0"),
)
# For a room: near-black on white (a projector washes out pale greys and thin lines), the
# sector colours as they are, and every line twice as thick.
PROJECTOR = CanvasColours(
    name="projector",
    background=QColor("#ffffff"),
    grid=QColor("#e4e4e4"),
    text=QColor("#000000"),
    text_halo=QColor(255, 255, 255, 225),
    edge=QColor("#3c3c3c"),
    crossing=QColor("#1f1fa8"),
    selection=QColor("#d1006b"),
    me_fill=QColor("#000000"),
    person_fill=QColor("#ffffff"),
    object_fill=QColor("#ffe680"),
    outline=QColor("#000000"),
    line_weight=2.0,
)
# The same for a dark room or a dim projector: white on black.
PROJECTOR_DARK = CanvasColours(
    name="projector-dark",
    background=QColor("#000000"),
    grid=QColor("#262626"),
    text=QColor("#ffffff"),
    text_halo=QColor(0, 0, 0, 225),
    edge=QColor("#c8c8c8"),
    crossing=QColor("#b4bcff"),
    selection=QColor("#ff5cad"),
    me_fill=QColor("#ffffff"),
    person_fill=QColor("#2b2b2b"),
    object_fill=QColor("#b8962e"),
    outline=QColor("#ffffff"),
    line_weight=2.0,
)
THEMES: dict[str, CanvasColours] = {
    theme.name: theme for theme in (LIGHT, DARK, PROJECTOR, PROJECTOR_DARK)
}


def is_dark() -> bool:
    """Whether the application is showing a dark theme (following the system)."""
    if not isinstance(QGuiApplication.instance(), QGuiApplication):
        return False
    scheme = QGuiApplication.styleHints().colorScheme()
    if scheme != Qt.ColorScheme.Unknown:
        return scheme == Qt.ColorScheme.Dark
    return QGuiApplication.palette().color(QPalette.ColorRole.Window).lightness() < 128


def canvas_colours() -> CanvasColours:
    return DARK if is_dark() else LIGHT
