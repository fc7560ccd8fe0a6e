"""The facilitator's alias file (``commapper merge --aliases FILE``): read, checked and written.

A JSON object (docs/workshop.md)::

    {
      "format": "commapper-aliases",
      "version": 1,
      "same": [
        {"kind": "community", "label": "Open data circle", "also": ["ODC", "Open data group"]},
        {"label": "Ana Lima", "also": ["Ana L."]}
      ],
      "distinct": [
        {"kind": "community", "labels": ["Data club", "Data hub"]}
      ]
    }

``same`` lists spellings that name one thing, shown as ``label``; ``distinct`` pairs of labels
that are two things, so never suggested as one (a rejected suggestion, kept). ``kind`` is
``community``, ``person`` or ``boundary_object``; left out in ``same``, the group holds for every
kind; it is required in ``distinct``. Spellings match by their key, as labels do (case, accents,
spaces and punctuation do not count).
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from commapper.io import MapFileError
from commapper.io.reading import read_map_bytes
from commapper.model import Problem, problems_from_validation
from commapper.model.items import MAX_LABEL_CHARS
from commapper.workshop.matching import Aliases, AliasGroup, Match, MatchKind, label_key

ALIASES_FORMAT = "commapper-aliases"
ALIASES_VERSION = 1

_Label = Annotated[str, Field(max_length=MAX_LABEL_CHARS)]


class _SameFile(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)
    kind: MatchKind | None = None
    label: _Label
    also: list[_Label] = []


class _DistinctFile(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)
    kind: MatchKind
    labels: tuple[_Label, _Label]


class _AliasesFile(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)
    format: Literal["commapper-aliases"]
    version: Literal[1]
    same: list[_SameFile] = []
    distinct: list[_DistinctFile] = []


class AliasFileError(MapFileError):
    """An alias file that cannot be read, with its problems (a JSON path each)."""


def load_aliases(path: str | os.PathLike[str]) -> Aliases:
    """Read an alias file.

    Raises
    ------
    AliasFileError
        If it cannot be read or is not a valid alias file; its problems say what and where.
    """
    path = Path(path)
    try:
        data = read_map_bytes(path)
    except MapFileError as error:
        raise AliasFileError(path, error.problems, error.total) from None
    return parse_aliases(data, path)


def parse_aliases(data: bytes, path: str | os.PathLike[str] | None = None) -> Aliases:
    """The aliases in the bytes of an alias file."""
    path = None if path is None else Path(path)
    try:
        text = data.decode("utf-8-sig")
        raw = json.loads(text)
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as error:
        raise AliasFileError(path, [Problem("", f"this is not JSON text ({error})")]) from None
    if not isinstance(raw, dict) or raw.get("format") != ALIASES_FORMAT:
        raise AliasFileError(
            path, [Problem("format", f'an alias file starts with "format": "{ALIASES_FORMAT}"')]
        )
    try:
        parsed = _AliasesFile.model_validate_json(text)
    except ValidationError as error:
        raise AliasFileError(path, problems_from_validation(error)) from None
    problems = [
        Problem(f"same[{index}].label", "has no letters or digits to match by")
        for index, group in enumerate(parsed.same)
        if not label_key(group.label)
    ]
    if problems:
        raise AliasFileError(path, problems)
    return Aliases(
        same=tuple(AliasGroup(group.label, tuple(group.also), group.kind) for group in parsed.same),
        distinct=tuple(
            Match.of(pair.kind, label_key(pair.labels[0]), label_key(pair.labels[1]))
            for pair in parsed.distinct
        ),
    )


def aliases_to_json(aliases: Aliases, labels: dict[Match, tuple[str, str]] | None = None) -> str:
    """The text of an alias file holding ``aliases``. A distinct pair is written with the labels
    ``labels`` gives it, else with its keys (which match the same labels)."""
    labels = labels or {}
    data: dict[str, Any] = {
        "format": ALIASES_FORMAT,
        "version": ALIASES_VERSION,
        "same": [
            {
                **({} if group.kind is None else {"kind": group.kind}),
                "label": group.label,
                "also": list(group.also),
            }
            for group in aliases.same
        ],
        "distinct": [
            {"kind": match.kind, "labels": list(labels.get(match, (match.first, match.second)))}
            for match in aliases.distinct
        ],
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
