"""Thousands of mutated maps: each loads, or is refused with sentences; nothing else happens.

The mutations start from the bundled examples: bytes flipped, cut, repeated or inserted, and
values, keys and items changed inside the JSON. A map that loads must also save and load again
unchanged. Seeds are fixed, so a failure names a case that can be replayed.

Each batch runs in its own process with a time limit: a hang inside pydantic's Rust or the JSON
parser's C could not be interrupted from Python, and must fail the test rather than stall it.
"""

import json
import random
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from commapper.io import MapFileError, map_to_json, parse_map
from commapper.model import MapDocument
from commapper.resources import example_maps

CASES_PER_EXAMPLE = 1200
SECONDS_PER_BATCH = 120  # a batch takes about a second: only a hang gets near this

TOKENS = [b"{", b"}", b"[", b"]", b'"', b",", b":", b"null", b"NaN", b"-Infinity", b"1e999",
          b"\\u0000", b"\\ud800", b"\xff", b"\x00", b" ", b"9" * 400]  # fmt: skip
VALUES: list[Any] = [None, True, False, 0, -1, 7, 2.5, -1e308, 1e308, "", "x", "a b", "me", "c1",
                     "x" * 70, "x" * 600, "2020-02-30", "2024-02-29", "#zzzzzz", "#1f77b4", "core",
                     "membership", "person", [], [1], ["x"], {}, {"a": 1}, {"a": [1]},
                     float("nan"), float("-inf"), "\ud800", "x\udfffy"]  # fmt: skip


def mutate_bytes(data: bytes, rng: random.Random) -> bytes:
    at = rng.randrange(len(data))
    span = rng.randint(1, 64)
    choice = rng.randrange(5)
    if choice == 0:
        return data[:at] + bytes([rng.randrange(256)]) + data[at + 1 :]
    if choice == 1:
        return data[:at] + data[at + span :]
    if choice == 2:
        return data[:at] + rng.choice(TOKENS) + data[at:]
    if choice == 3:
        return data[:at]
    return data[:at] + data[at : at + span] * rng.randint(2, 4) + data[at:]


def containers(value: Any) -> Iterator[dict | list]:
    if isinstance(value, dict | list):
        yield value
        for child in value.values() if isinstance(value, dict) else value:
            yield from containers(child)


def mutate_structure(raw: dict, rng: random.Random) -> dict:
    """Change one thing somewhere inside the parsed map, a few times over."""
    for _ in range(rng.randint(1, 3)):
        target = rng.choice(list(containers(raw)))
        if isinstance(target, dict):
            keys = list(target)
            choice = rng.randrange(4)
            if keys and choice == 0:
                del target[rng.choice(keys)]
            elif choice == 1:
                target[rng.choice(["colour", "Kind", "", "id", "kind", "x"])] = rng.choice(VALUES)
            elif keys:
                target[rng.choice(keys)] = rng.choice(VALUES)
        elif target:
            choice = rng.randrange(4)
            index = rng.randrange(len(target))
            if choice == 0:
                target.append(target[index])  # a duplicate item, with a duplicate id
            elif choice == 1:
                del target[index]
            elif choice == 2:
                target[index] = rng.choice(VALUES)
            else:
                rng.shuffle(target)
    return raw


def check_loads_or_explains(data: bytes, case: str) -> MapDocument | None:
    try:
        doc = parse_map(data)
    except MapFileError as error:
        assert error.problems, case
        for problem in error.problems:
            line = str(problem)
            assert problem.message.strip() and "\n" not in line and len(line) < 300, case
            # None of pydantic's own wording ("Input should be ...", "[type=...]") gets through.
            assert not any(word in line for word in ("Traceback", "Input should", "[type=")), case
            line.encode("utf-8")  # printable: no half of a surrogate pair
        return None
    reloaded = parse_map(map_to_json(doc).encode())
    assert reloaded.content() == doc.content(), case
    return doc


MUTATIONS: dict[str, Callable[[bytes, random.Random], bytes]] = {
    "bytes": mutate_bytes,
    "structure": lambda data, rng: json.dumps(mutate_structure(json.loads(data), rng)).encode(),
}


def run_batch(example: Path, mutation: str) -> int:
    """Check every case of one example and mutation; returns how many were refused."""
    original = example.read_bytes()
    refused = 0
    for seed in range(CASES_PER_EXAMPLE):
        case = f"{example.name}, {mutation} mutation, seed {seed}"
        print(case, flush=True)  # the last line names the case if the batch hangs
        data = MUTATIONS[mutation](original, random.Random(seed))
        refused += check_loads_or_explains(data, case) is None
    return refused


@pytest.mark.parametrize("mutation", MUTATIONS)
@pytest.mark.parametrize("example", example_maps(), ids=lambda path: path.stem)
def test_mutated_maps_load_or_are_refused_with_sentences(example, mutation):
    command = [sys.executable, __file__, str(example), mutation]
    try:
        result = subprocess.run(command, capture_output=True, text=True, timeout=SECONDS_PER_BATCH)
    except subprocess.TimeoutExpired as timeout:
        pytest.fail(f"hung on {(timeout.stdout or b'').decode().splitlines()[-1:]}")
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-4000:]
    refused = int(result.stdout.split()[-1])
    # The mutations must reach the checks, not only the JSON parser or nothing at all.
    assert 0.2 * CASES_PER_EXAMPLE < refused < CASES_PER_EXAMPLE


if __name__ == "__main__":
    print("refused", run_batch(Path(sys.argv[1]), sys.argv[2]))
