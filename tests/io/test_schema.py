"""The committed JSON Schema matches the models, real maps satisfy it, and it agrees with the
loader on what is a map."""

import copy
import json
import random

import jsonschema
import pytest
from test_mutated_files import mutate_structure

from commapper.io import MapFileError, parse_map
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


# What the published schema refuses and pydantic, left lax, would have converted: where, what,
# and the start of the sentence that says so.
STRICT_TYPES = [
    (("nodes", 0, "x"), "12.5", 'nodes[0].x: should be a number (found "12.5")'),
    (("nodes", 1, "inside_org"), "yes", "nodes[1].inside_org: should be true or false (found"),
    (("edges", 0, "directed"), "false", "edges[0].directed: should be true or false (found"),
    (("edges", 0, "weight"), "2", 'edges[0].weight: should be a number (found "2")'),
    (("created",), 0, "created: must be a date and time written like"),
    (("modified",), "2026-11-23", "modified: must be a date and time written like"),
    (("schema_version",), True, "schema_version: must be a whole number"),
]


@pytest.mark.parametrize(
    ("where", "value", "expected"),
    STRICT_TYPES,
    ids=[f"{'.'.join(map(str, where))} = {value!r}" for where, value, _ in STRICT_TYPES],
)
def test_the_schema_and_the_loader_both_refuse_json_of_the_wrong_type(where, value, expected):
    raw = {
        "format": "commapper-map",
        "schema_version": 1,
        "nodes": [{"id": "p1", "kind": "person"}, {"id": "c1", "kind": "community"},
                  {"id": "p2", "kind": "person"}],
        "edges": [{"id": "e1", "kind": "tie", "source": "p1", "target": "p2"}],
    }  # fmt: skip
    target = raw
    for step in where[:-1]:
        target = target[step]
    target[where[-1]] = value
    assert not jsonschema.Draft202012Validator(json_schema()).is_valid(raw)
    with pytest.raises(MapFileError) as caught:
        parse_map(json.dumps(raw).encode())
    assert any(line.startswith(expected) for line in caught.value.lines()), caught.value.lines()


# The rules of docs/file-format.md that JSON Schema cannot state: only these may refuse a file
# that the schema accepts.
BEYOND_THE_SCHEMA = (
    "is already used by",
    "no node with id",
    'at most one "me"',
    " node, but ",
    "cannot join a node to itself",
    "a crossing goes via",
    "\\u escape that is not a whole character",
)


def test_the_schema_and_the_loader_agree_on_mutated_maps():
    validator = jsonschema.Draft202012Validator(json_schema())
    seen = {"valid": 0, "type problems": 0, "rules beyond the schema": 0}
    for example in example_maps():
        original = json.loads(example.read_bytes())
        for seed in range(600):
            raw = mutate_structure(copy.deepcopy(original), random.Random(seed))
            try:
                data = json.dumps(raw, allow_nan=False).encode()
            except ValueError:
                continue  # NaN and Infinity are not JSON: no schema gets to see them
            case = f"{example.name}, seed {seed}"
            schema_accepts = validator.is_valid(json.loads(data))
            try:
                parse_map(data)
            except MapFileError as error:
                lines = error.lines()
                if schema_accepts:
                    assert all(any(rule in line for rule in BEYOND_THE_SCHEMA) for line in lines), (
                        case,
                        lines,
                    )
                    seen["rules beyond the schema"] += 1
                else:
                    seen["type problems"] += 1
            else:
                assert schema_accepts, (case, list(validator.iter_errors(json.loads(data)))[:1])
                seen["valid"] += 1
    assert all(count > 20 for count in seen.values()), seen
