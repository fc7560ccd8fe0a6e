"""Where the bundled resources (examples, schema, translations, icons, desktop files) are,
installed or in a checkout."""

from __future__ import annotations

from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent
# A wheel carries resources inside the package; a source checkout keeps them at the top.
RESOURCES_DIR = next(
    (path for path in (_PACKAGE_DIR / "resources", _PACKAGE_DIR.parents[1] / "resources")
     if path.is_dir()),
    _PACKAGE_DIR / "resources",
)  # fmt: skip

EXAMPLES_DIR = RESOURCES_DIR / "examples"
SCHEMA_PATH = RESOURCES_DIR / "schema" / "commap-1.schema.json"
DEFAULT_EXAMPLE = EXAMPLES_DIR / "nurse-educator-landscape.commap"
TRANSLATIONS_DIR = RESOURCES_DIR / "translations"
#: The app's icon, laid out as in the hicolor icon theme: scalable/apps/APP_ID.svg, and a PNG
#: rendered from it at each of ICON_SIZES (NxN/apps/APP_ID.png; packaging/render_icons.py).
ICONS_DIR = RESOURCES_DIR / "icons" / "hicolor"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
#: What a desktop needs to list the app and open .commap files with it, named by APP_ID: the
#: .desktop entry, the MIME type (shared-mime-info) and the AppStream metainfo.
DESKTOP_DIR = RESOURCES_DIR / "desktop"


def example_maps() -> list[Path]:
    """The example maps shipped with the app, by file name."""
    return sorted(EXAMPLES_DIR.glob("*.commap"))


def is_example(path: Path) -> bool:
    """Whether ``path`` is one of the bundled example maps."""
    return Path(path).resolve().parent == EXAMPLES_DIR.resolve()
