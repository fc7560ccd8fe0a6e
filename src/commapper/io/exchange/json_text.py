"""JSON from another tool's file, read without trusting it (Kumu blueprints)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from commapper.io.commap import json_problem
from commapper.io.errors import MapFileError


def _refuse_constant(name: str) -> None:
    raise ValueError(f"{name} is not a number JSON allows")


def parse_json(data: bytes, path: Path | None) -> Any:
    """The JSON value in ``data`` (UTF-8, a byte-order mark allowed).

    Raises
    ------
    MapFileError
        If the bytes are not UTF-8 JSON, or are nested too deeply to read.
    """
    if not data.strip():
        raise MapFileError.single(path, "the file is empty")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise MapFileError.single(
            path, f"this is not UTF-8 text (byte {error.start} is not UTF-8)"
        ) from None
    try:
        return json.loads(text, parse_constant=_refuse_constant)
    except json.JSONDecodeError as error:
        raise MapFileError.single(path, json_problem(error)) from None
    except RecursionError:
        raise MapFileError.single(path, "the JSON is nested too deeply to be a map") from None
    except ValueError as error:  # NaN, Infinity, an integer of thousands of digits
        raise MapFileError.single(path, f"this is not valid JSON: {error}") from None
