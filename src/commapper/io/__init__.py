"""Files: .commap load, save and migration; other tools' formats both ways (``exchange``) and
safe copies to share (``safe_copy``). No Qt here.

The exchange formats and safe copies load on first use: the app opens maps at every launch and
exports rarely, and their XML and CSV machinery would add to every launch.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from commapper.io.commap import FILE_SUFFIX, load_map, map_to_data, map_to_json, parse_map, save_map
from commapper.io.errors import MapFileError, ReadOnlyFileError
from commapper.io.reading import resolved

if TYPE_CHECKING:
    from commapper.io.exchange import (
        EXCHANGE_FORMATS,
        format_for,
        import_exchange,
        read_exchange,
        write_exchange,
    )
    from commapper.io.safe_copy import names_in

_HOMES = {
    **dict.fromkeys(
        ("EXCHANGE_FORMATS", "format_for", "import_exchange", "read_exchange", "write_exchange"),
        "commapper.io.exchange",
    ),
    # safe_copy() itself is not offered here: importing the module of that name would put the
    # module in its place. Import it from commapper.io.safe_copy.
    "names_in": "commapper.io.safe_copy",
}


def __getattr__(name: str) -> Any:
    if (home := _HOMES.get(name)) is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(home), name)
    globals()[name] = value
    return value


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
    "save_map",
    "write_exchange",
]
