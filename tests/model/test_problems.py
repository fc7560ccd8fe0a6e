"""pydantic's validation errors read as sentences, and values from files quoted safely."""

import json

import pytest
from pydantic import ValidationError

from commapper.model import (
    MapDocument,
    Problem,
    in_path_order,
    problems_from_validation,
    quoted,
    raw_reference_problems,
)


def problems(**content) -> list[str]:
    data = {"format": "commapper-map", "schema_version": 1, **content}
    with pytest.raises(ValidationError) as error:
        MapDocument.model_validate(data)
    return [str(problem) for problem in problems_from_validation(error.value)]


def test_quoted_values_are_one_printable_line_cut_short():
    assert quoted("short") == '"short"'
    assert quoted("x" * 100) == '"' + "x" * 35 + '..."'
    assert quoted("two\nlines") == '"two\\nlines"'
    assert quoted("half \ud800 pair") == '"half \\ud800 pair"'
    assert quoted([1, 2, 3] * 20).endswith("...") and len(quoted([1] * 100)) == 40
    json.dumps(quoted("\udfff")).encode("utf-8")


def test_each_kind_of_mistake_gets_its_own_sentence():
    assert problems(nodes=[{"id": "p", "kind": 5}]) == [
        "nodes[0].kind: 5 is not a kind; use one of me, community, person, boundary_object"
    ]
    assert problems(nodes=[{"id": "p"}]) == [
        "nodes[0].kind: is required; use one of me, community, person, boundary_object"
    ]
    assert problems(nodes=[{"kind": "person"}]) == ["nodes[0].id: is required"]
    assert problems(nodes=[{"id": "p", "kind": "person", "age": 3}]) == [
        "nodes[0].age: is not a field Commapper knows (unknown key)"
    ]
    assert problems(nodes=[{"id": "p", "kind": "person", "tags": "a"}]) == [
        'nodes[0].tags: should be a JSON list (found "a")'
    ]
    assert problems(nodes=["p"]) == ['nodes[0]: should be a JSON object (found "p")']


def test_custom_attributes_get_one_sentence_each_and_a_precise_one_for_text():
    node = {"id": "p", "kind": "person"}
    assert problems(nodes=[{**node, "attributes": {"a": [1]}}]) == [
        "nodes[0].attributes.a: a custom attribute must be text, a number, true/false or null"
    ]
    assert problems(nodes=[{**node, "attributes": {"a": "x" * 100_001}}]) == [
        "nodes[0].attributes.a: is too long: at most 100,000 characters"
    ]
    # pydantic names the key in the path with replacement characters; the sentence has it whole.
    (line,) = problems(nodes=[{**node, "attributes": {"bad\ud800": 1}}])
    assert line.startswith("nodes[0].attributes[") and line.endswith(
        ': its name holds a \\u escape that is not a whole character (found "bad\\ud800")'
    )


def test_a_key_that_is_not_whole_text_is_named_as_a_key():
    assert problems(nodes=[{"id": "p", "kind": "person", "\ud800": 1}]) == [
        "nodes[0]: has a key that holds a \\u escape that is not a whole character "
        '(found "\\ud800")'
    ]
    assert problems(**{"\ud800": 1}) == [
        'the map has a key that holds a \\u escape that is not a whole character (found "\\ud800")'
    ]


def test_problems_are_put_in_the_order_of_their_places_in_the_file():
    places = ["title", "nodes[10].x", "nodes[2].id", "edges[0].target", "nodes[2].id", "nodes[9]"]
    ordered = in_path_order(Problem(place, str(n)) for n, place in enumerate(places))
    assert [str(problem) for problem in ordered] == [
        "title: 0", "nodes[2].id: 2", "nodes[2].id: 4", "nodes[9]: 5", "nodes[10].x: 1",
        "edges[0].target: 3",
    ]  # fmt: skip


def test_the_rules_across_items_are_checked_over_items_that_are_not_valid_themselves():
    raw = {
        "nodes": [
            {"id": "a", "kind": "me", "x": "1"},
            {"id": "b", "kind": "me"},
            {"id": 5, "kind": "person"},
            "not an object",
            {"id": "a", "kind": "alien"},
        ],
        "edges": [
            {"id": "e", "kind": "tie", "source": "a", "target": ["x"]},
            {"id": "f", "kind": "crossing", "source": "a", "target": "a", "via": [3, "zz"]},
            {"id": "g", "kind": "unknown", "source": "q", "target": "r"},
        ],
        "views": [{"name": "v", "nodes": ["b", "ghost", 7]}],
    }
    assert [str(problem) for problem in raw_reference_problems(raw)] == [
        'nodes[4].id: the id "a" is already used by nodes[0]',
        'nodes[1].kind: a map has at most one "me" node; nodes[0] is one',
        'edges[1].source: "a" is a me node, but a crossing goes from a community to a community',
        'edges[1].target: "a" is a me node, but a crossing goes from a community to a community',
        "edges[1].target: an edge cannot join a node to itself",
        'edges[1].via[1]: no node with id "zz"',
        'views[0].nodes[1]: no node with id "ghost"',
    ]


class _CountedList(list):
    """A list that counts how many of its items were read."""

    read = 0

    def __iter__(self):
        for item in super().__iter__():
            self.read += 1
            yield item


def test_quoting_a_huge_value_reads_only_its_start():
    numbers = _CountedList([1] * 1_000_000)
    assert quoted(numbers) == "[" + "1, " * 12 + "..."
    assert numbers.read < 20
    assert quoted({"list": numbers, "more": 1}) == '{"list": [1, 1, 1, 1, 1, 1, 1, 1, 1, ...'
    assert quoted("é" * 10_000_000) == '"' + "é" * 35 + '..."'
