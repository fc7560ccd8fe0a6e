"""The JSON Schema of the .commap format, generated from the models.

Regenerate the committed copy after changing a model::

    uv run python -m commapper.model.schema > resources/schema/commap-1.schema.json
"""

from __future__ import annotations

import json
from typing import Any

from commapper.model.document import SCHEMA_VERSION, MapDocument


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) that a valid .commap file of this version satisfies.

    Rules that span items (unique ids, edge endpoints, one ``me``) cannot be said in JSON Schema;
    ``commapper validate`` checks them too.
    """
    schema = MapDocument.model_json_schema(mode="validation")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"https://commapper.org/schema/commap-{SCHEMA_VERSION}.schema.json",
        "title": "Commapper map (.commap), schema version 1",
        **{key: value for key, value in schema.items() if key != "title"},
    }


def schema_text() -> str:
    return json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"


if __name__ == "__main__":
    print(schema_text(), end="")
