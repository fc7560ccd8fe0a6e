"""Files: .commap load, save and migration (and later import and export). No Qt here."""

from commapper.io.commap import FILE_SUFFIX, load_map, map_to_data, map_to_json, parse_map, save_map
from commapper.io.errors import MapFileError, ReadOnlyFileError
from commapper.io.reading import resolved

__all__ = [
    "FILE_SUFFIX",
    "MapFileError",
    "ReadOnlyFileError",
    "load_map",
    "map_to_data",
    "map_to_json",
    "parse_map",
    "resolved",
    "save_map",
]
