"""The committed JSON Schema matches the models, and real maps satisfy it."""

import json

import jsonschema

from commapper.model.schema import json_schema, schema_text
from commapper.resources import SCHEMA_PATH, example_maps


def test_committed_schema_matches_the_models():
    assert SCHEMA_PATH.read_text(encoding="utf-8") == schema_text(), (
        "the models changed: regenerate with "
        "`uv run python -m commapper.model.schema > resources/schema/commap-1.schema.json`"
    )


def test_examples_satisfy_the_schema():
    validator = jsonschema.Draft202012Validator(json_schema())
    for example in example_maps():
        validator.validate(json.loads(example.read_text(encoding="utf-8")))


def test_schema_refuses_unknown_keys_and_bad_kinds():
    validator = jsonschema.Draft202012Validator(json_schema())
    base = {"format": "commapper-map", "schema_version": 1}
    assert validator.is_valid(base)
    assert not validator.is_valid({**base, "colour": 1})
    assert not validator.is_valid({**base, "nodes": [{"id": "a", "kind": "alien"}]})
    assert not validator.is_valid({**base, "nodes": [{"id": "a b", "kind": "person"}]})
