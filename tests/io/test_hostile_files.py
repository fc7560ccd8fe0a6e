"""Broken and hostile files: `commapper validate` refuses each with exit 1 and a clear message.

Each runs the real command in a subprocess with a timeout, so a hang or a traceback fails.
"""

import json
import os
import resource
import subprocess
import sys

import pytest

VALID = {"format": "commapper-map", "schema_version": 1, "title": "t"}
TWO_NODES = [{"id": "c1", "kind": "community"}, {"id": "p1", "kind": "person"}]


def with_(**changes) -> bytes:
    return json.dumps({**VALID, **changes}).encode()


# fmt: off
CASES = {
    "empty": (b"", "the file is empty"),
    "whitespace": (b"  \n\t ", "the file is empty"),
    "truncated": (with_(nodes=TWO_NODES)[:-20], "ends too early"),
    "binary": (bytes(range(256)) * 10, "not UTF-8 text"),
    "png": (b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "not UTF-8 text"),
    "utf16": (with_().decode().encode("utf-16"), "this file is UTF-16 text; save it as UTF-8"),
    "utf16 without a mark": (with_().decode().encode("utf-16-be"), "this file is UTF-16 text"),
    "utf32": (with_().decode().encode("utf-32-le"), "this file is UTF-32 text; save it as UTF-8"),
    "two byte-order marks": (b"\xef\xbb\xbf" * 2 + with_(),
                             "begins with the UTF-8 byte-order mark twice"),
    "latin1": ('{"format": "commapper-map", "title": "Café"}'.encode("latin-1"), "saved as UTF-8"),
    "no version": (b'{"format": "commapper-map"}', "schema_version: is required"),
    "not json": (b"format = commapper-map", "not valid JSON"),
    "array": (b"[1, 2, 3]", "is a JSON object"),
    "other json": (b'{"name": "package.json"}', "not a Commapper map"),
    "wrong format": (with_(format="gephi"), "not a Commapper map"),
    "version as text": (with_(schema_version="1"), "whole number"),
    "version as true": (with_(schema_version=True), "schema_version: must be a whole number"),
    "position as text": (with_(nodes=[{"id": "p", "kind": "person", "x": "12.5"}]),
                         'nodes[0].x: should be a number (found "12.5")'),
    "yes for true": (with_(nodes=[{"id": "c", "kind": "community", "inside_org": "yes"}]),
                     'nodes[0].inside_org: should be true or false (found "yes")'),
    "text for false": (
        with_(nodes=[*TWO_NODES, {"id": "p2", "kind": "person"}],
              edges=[{"id": "e", "kind": "tie", "source": "p1", "target": "p2",
                      "directed": "false", "weight": "2"}]),
        'edges[0].directed: should be true or false (found "false")',
    ),
    "weight as text": (
        with_(nodes=[*TWO_NODES, {"id": "p2", "kind": "person"}],
              edges=[{"id": "e", "kind": "tie", "source": "p1", "target": "p2", "weight": "2"}]),
        'edges[0].weight: should be a number (found "2")',
    ),
    "created as a number": (with_(created=0), "created: must be a date and time written like"),
    "newer version": (with_(schema_version=7), "made by a newer version"),
    "wrong types": (with_(title=5, nodes={"a": 1}), "nodes: should be a JSON list"),
    "tags not a list": (with_(nodes=[{"id": "p", "kind": "person", "tags": "x"}]),
                        'nodes[0].tags: should be a JSON list (found "x")'),
    "half a surrogate pair": (with_(nodes=[{"id": "p", "kind": "person", "label": "a\ud800"}]),
                              'nodes[0].label: holds a \\u escape that is not a whole character'),
    "surrogate attribute name": (
        with_(nodes=[{"id": "p", "kind": "person", "attributes": {"\udc00": 1}}]),
        "its name holds a \\u escape",
    ),
    "long attribute name": (
        with_(nodes=[{"id": "p", "kind": "person", "attributes": {"n" * 100_001: 1}}]),
        f'nodes[0].attributes["{"n" * 35}..."]: its name is too long: at most 100,000 characters',
    ),
    "long unknown key": (with_(nodes=[{"id": "p", "kind": "person", "k" * 500: 1}]),
                         f'nodes[0]["{"k" * 35}..."]: is not a field'),
    "node not an object": (with_(nodes=[5]), "nodes[0]: should be a JSON object"),
    "unknown top key": (with_(colour="red"), "colour: is not a field"),
    "unknown node key": (
        with_(nodes=[{"id": "p", "kind": "person", "age": 4}]),
        "nodes[0].age: is not a field",
    ),
    "unknown kind": (with_(nodes=[{"id": "p", "kind": "alien"}]), 'nodes[0].kind: "alien"'),
    "missing kind": (with_(nodes=[{"id": "p"}]), "nodes[0].kind: is required"),
    "bad id": (with_(nodes=[{"id": "a b", "kind": "person"}]), "nodes[0].id: must be"),
    "dangling edge": (
        with_(nodes=TWO_NODES, edges=[{"id": "e", "kind": "tie", "source": "p1", "target": "x"}]),
        'edges[0].target: no node with id "x"',
    ),
    "edge end not an id": (
        with_(nodes=TWO_NODES, edges=[{"id": "e", "kind": "tie", "source": "p 1",
                                       "target": "p1"}]),
        'edges[0].source: no node with id "p 1"',
    ),
    "huge edge end": (
        with_(nodes=TWO_NODES, edges=[{"id": "e", "kind": "crossing", "source": "c1",
                                       "target": "c" * 100_000, "via": ["y" * 70]}]),
        f'edges[0].target: no node with id "{"c" * 61}..."',
    ),
    "mismatched edge": (
        with_(
            nodes=TWO_NODES,
            edges=[{"id": "e", "kind": "object_use", "source": "p1", "target": "c1"}],
        ),
        "edges[0].source:",
    ),
    "self loop": (
        with_(nodes=TWO_NODES, edges=[{"id": "e", "kind": "crossing", "source": "c1",
                                       "target": "c1"}]),
        "cannot join a node to itself",
    ),
    "duplicate ids": (
        with_(nodes=[*TWO_NODES, {"id": "c1", "kind": "person"}]),
        'nodes[2].id: the id "c1" is already used by nodes[0]',
    ),
    "two me": (
        with_(nodes=[{"id": "a", "kind": "me"}, {"id": "b", "kind": "me"}]),
        'at most one "me"',
    ),
    "two me with one id": (
        with_(nodes=[{"id": "a", "kind": "me"}, {"id": "a", "kind": "me"}]),
        'nodes[1].kind: a map has at most one "me" node; nodes[0] is one',
    ),
    "nan": (b'{"format": "commapper-map", "schema_version": 1, "nodes": [{"id": "p", "kind": '
            b'"person", "x": NaN}]}', "NaN is not a number JSON allows"),
    "infinity": (b'{"format": "commapper-map", "schema_version": 1, "nodes": [{"id": "p", '
                 b'"kind": "person", "y": -Infinity}]}', "-Infinity is not a number"),
    "overflowing number": (b'{"format": "commapper-map", "schema_version": 1, "nodes": [{"id": '
                           b'"p", "kind": "person", "x": 1e400}]}', "nodes[0].x: must be a finite"),
    "far away": (
        with_(nodes=[{"id": "p", "kind": "person", "x": 1e21, "y": 0}, {"id": "q", "kind": "me"}]),
        "nodes[0].x: must be between -1,000,000,000 and 1,000,000,000 (found 1e+21)",
    ),
    "all at the ends of the doubles": (
        with_(nodes=[{"id": "p", "kind": "person", "x": 1e308, "y": -1e308},
                     {"id": "q", "kind": "person", "x": -1e308, "y": 1e308}]),
        "nodes[1].y: must be between -1,000,000,000 and 1,000,000,000",
    ),
    "huge integer": (b'{"format": "commapper-map", "schema_version": 1, "title": '
                     + b"9" * 5000 + b"}", "a number with 5,000 digits is larger than any"),
    "deeply nested": (b'{"format": "commapper-map", "schema_version": 1, "title": '
                      + b"[" * 200_000 + b"]" * 200_000 + b"}", "nested too deeply"),
    "bad date": (
        with_(nodes=TWO_NODES, edges=[{"id": "e", "kind": "membership", "source": "p1",
                                       "target": "c1", "level": "core", "since": "2021-02-30"}]),
        "edges[0].since: must be a real date",
    ),
    "long label": (with_(nodes=[{"id": "p", "kind": "person", "label": "x" * 501}]),
                   "at most 500 characters"),
    "too many nodes": (
        with_(nodes=[{"id": f"p{i}", "kind": "person"} for i in range(200_001)]),
        "at most 200,000 are allowed",
    ),
}
# fmt: on


def validate(*args: str, timeout: float = 20) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "commapper.cli", "validate", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
    )


@pytest.mark.parametrize("name", CASES)
def test_validate_refuses_with_a_clear_message(tmp_path, name):
    data, expected = CASES[name]
    path = tmp_path / "map.commap"
    path.write_bytes(data)
    result = validate(str(path))
    assert result.returncode == 1, result.stdout + result.stderr
    assert expected in result.stdout, result.stdout
    assert "Traceback" not in result.stdout + result.stderr
    assert all(line.startswith(str(path)) for line in result.stdout.splitlines())


def test_an_oversized_file_is_refused_without_reading_it(tmp_path):
    path = tmp_path / "huge.commap"
    with path.open("wb") as stream:
        stream.truncate(65 * 1024 * 1024)  # sparse: no need to write 65 MiB
    result = validate(str(path))
    assert result.returncode == 1
    assert "at most 64 MiB" in result.stdout


def test_a_file_one_byte_over_the_limit_is_plainly_over_it(tmp_path):
    path = tmp_path / "huge.commap"
    with path.open("wb") as stream:
        stream.truncate(64 * 1024 * 1024 + 1)
    result = validate(str(path))
    assert result.stdout == (
        f"{path}: the file is 67,108,865 bytes; a map file may be at most 64 MiB "
        "(67,108,864 bytes)\n"
    )


@pytest.mark.parametrize("command", ["validate", "analyse"])
def test_a_named_pipe_is_refused_at_once_not_waited_on(tmp_path, command):
    pipe = tmp_path / "pipe.commap"
    os.mkfifo(pipe)
    result = subprocess.run(
        [sys.executable, "-m", "commapper.cli", command, str(pipe)],
        capture_output=True,
        text=True,
        timeout=20,
    )
    assert result.returncode == 1
    assert "this is a named pipe (FIFO), not a map file" in result.stdout + result.stderr


def test_a_symbolic_link_loop_and_a_device_are_refused(tmp_path):
    loop = tmp_path / "loop.commap"
    loop.symlink_to(tmp_path / "back.commap")
    (tmp_path / "back.commap").symlink_to(loop)
    result = validate(str(loop), os.devnull)
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        f"{loop}: this is a symbolic link that leads back to itself (a loop), not a map file",
        f"{os.devnull}: this is a device, not a map file",
    ]


def test_a_file_reached_through_a_link_is_read(tmp_path):
    target = tmp_path / "real.commap"
    target.write_bytes(with_())
    (tmp_path / "link.commap").symlink_to(target)
    assert validate(str(tmp_path / "link.commap")).returncode == 0


def test_a_file_with_a_byte_order_mark_is_read(tmp_path):
    path = tmp_path / "bom.commap"
    path.write_bytes(b"\xef\xbb\xbf" + with_())
    assert validate(str(path)).returncode == 0


def test_many_problems_are_listed_one_per_line_and_capped(tmp_path):
    path = tmp_path / "many.commap"
    path.write_bytes(with_(nodes=[{"id": f"bad id {i}", "kind": "person"} for i in range(500)]))
    lines = validate(str(path)).stdout.splitlines()
    assert len(lines) == 51 and lines[-1].endswith("and 450 more problems")


def test_missing_and_folder_paths(tmp_path):
    result = validate(str(tmp_path / "nope.commap"), str(tmp_path))
    assert result.returncode == 1
    assert "does not exist" in result.stdout and "is a folder" in result.stdout


def test_valid_and_invalid_files_together(tmp_path):
    good, bad = tmp_path / "good.commap", tmp_path / "bad.commap"
    good.write_bytes(with_())
    bad.write_bytes(b"{")
    result = validate(str(good), str(bad))
    assert result.returncode == 1
    assert f"{good}: valid (0 nodes, 0 edges)" in result.stdout


def test_bad_usage_exits_2():
    result = validate()
    assert result.returncode == 2
    assert "Traceback" not in result.stderr


def test_every_problem_of_a_file_is_listed_at_once_in_file_order(tmp_path):
    path = tmp_path / "four.commap"
    path.write_bytes(
        with_(
            nodes=[
                {"id": "p1", "kind": "person", "x": "12.5"},
                {"id": "c1", "kind": "community"},
                {"id": "p1", "kind": "person", "label": 5},
            ],
            edges=[{"id": "e1", "kind": "tie", "source": "p1", "target": "p9"}],
        )
    )
    result = validate(str(path))
    assert result.stdout.splitlines() == [
        f'{path}: nodes[0].x: should be a number (found "12.5")',
        f'{path}: nodes[2].id: the id "p1" is already used by nodes[0]',
        f"{path}: nodes[2].label: should be text (found 5)",
        f'{path}: edges[0].target: no node with id "p9"',
    ]


def validate_within(memory_mib: int, *args: str) -> subprocess.CompletedProcess:
    """`commapper validate` in a process that may take at most ``memory_mib`` of memory."""
    limit = memory_mib * 2**20

    def limit_memory() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))

    return subprocess.run(
        [sys.executable, "-m", "commapper.cli", "validate", *args],
        capture_output=True,
        text=True,
        timeout=60,
        preexec_fn=limit_memory,
    )


HEAD = b'{"format": "commapper-map", "schema_version": 1, '
MILLIONS_OF_VALUES = {
    # 25 million numbers (50 MB) where the title should be: refused before any is built.
    "numbers for a title": (
        HEAD + b'"title": [' + b"1," * 24_999_999 + b"1]}",
        ["title: should be text (found a list); the rest of the file was not read"],
    ),
    "numbers for nodes": (
        HEAD + b'"nodes": [' + b"7," * 24_999_999 + b"7]}",
        [f"nodes[{i}]: should be a JSON object (found 7)" for i in range(49)]
        + ["nodes[49]: should be a JSON object (found 7); the rest of the file was not read"],
    ),
    "one edge too many": (
        HEAD
        + b'"edges": ['
        + b",".join(b'{"id":"e","kind":"tie","source":"a","target":"b"}' for _ in range(1_000_001))
        + b"]}",
        [
            "edges: the map has more than 1,000,000 edges; at most 1,000,000 are allowed; the "
            "rest of the file was not read"
        ],
    ),
}


@pytest.mark.parametrize("name", MILLIONS_OF_VALUES)
def test_millions_of_values_are_refused_without_building_them(tmp_path, name):
    data, expected = MILLIONS_OF_VALUES[name]
    path = tmp_path / "big.commap"
    path.write_bytes(data)
    # Refusing these took 1.6 to 1.8 GB (and 6 to 10 seconds); reading the file takes 100 MB.
    result = validate_within(600, str(path))
    assert result.returncode == 1, result.stderr[-2000:]
    assert result.stdout.splitlines() == [f"{path}: {line}" for line in expected]
