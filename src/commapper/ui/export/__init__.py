"""Pictures of a map (PNG, SVG, PDF), printing it, and its PDF report; drawn offscreen, so that
the command line makes them without a display."""

from commapper.ui.export.choices import ExportError, OverlayChoice, picture_colours, theme_names
from commapper.ui.export.picture import PICTURE_FORMATS, MapPicture, export_picture

__all__ = [
    "PICTURE_FORMATS",
    "ExportError",
    "MapPicture",
    "OverlayChoice",
    "export_picture",
    "picture_colours",
    "theme_names",
]
