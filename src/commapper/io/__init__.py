"""Files: .commap load, save and migration; other tools' formats both ways (``exchange``) and
safe copies to share (``safe_copy``). No Qt here."""

from commapper.io.commap import FILE_SUFFIX, load_map, map_to_data, map_to_json, parse_map, save_map
from commapper.io.errors import MapFileError, ReadOnlyFileError
from commapper.io.exchange import (
    EXCHANGE_FORMATS,
    format_for,
    import_exchange,
    read_exchange,
    write_exchange,
)
from commapper.io.reading import resolved
from commapper.io.safe_copy import names_in, safe_copy

__all__ = [
    "EXCHANGE_FORMATS",
    "FILE_SUFFIX",
    "MapFileError",
    "ReadOnlyFileError",
    "format_for",
    "import_exchange",
    "load_map",
    "map_to_data",
    "map_to_json",
    "names_in",
    "parse_map",
    "read_exchange",
    "resolved",
    "safe_copy",
    "save_map",
    "write_exchange",
]
