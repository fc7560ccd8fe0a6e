"""Migration of older .commap files to the current schema version, in memory."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from commapper.model import SCHEMA_VERSION

Migration = Callable[[dict[str, Any]], dict[str, Any]]

#: Ordered migrations: ``MIGRATIONS[n]`` turns a version-n document into a version n+1 one.
#: Version 1 is the first published format, so there is nothing to migrate yet; when version 2
#: arrives, add ``1: _from_1_to_2`` here and a test with a real version-1 file.
MIGRATIONS: Mapping[int, Migration] = {}


class MigrationError(ValueError):
    """No path of migrations leads from a file's version to the current one."""


def migrate(
    data: dict[str, Any],
    migrations: Mapping[int, Migration] = MIGRATIONS,
    target_version: int = SCHEMA_VERSION,
) -> dict[str, Any]:
    """Bring ``data`` from its ``schema_version`` up to ``target_version``, one step at a time."""
    version = data["schema_version"]
    while version < target_version:
        step = migrations.get(version)
        if step is None:
            raise MigrationError(
                f"schema version {version} is not one Commapper ever wrote, so it cannot be "
                "converted"
            )
        data = step(data)
        version += 1
        data["schema_version"] = version
    return data
