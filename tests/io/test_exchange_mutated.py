"""Thousands of mutated GraphML, GEXF, Kumu and CSV files: each imports as a valid map, or is
refused with sentences; nothing else happens.

The mutations start from the example maps exported to each format: bytes flipped, cut, repeated
or inserted (as for .commap files in test_mutated_files.py), and for the XML and JSON formats
attributes, texts, keys and items changed inside the document. A map that imports must save and
load again unchanged. Seeds are fixed, so a failure names a case that can be replayed; each batch
runs in its own process with a time limit, so that a hang fails rather than stalls.
"""

import json
import random
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ElementTree
from collections.abc import Callable
from pathlib import Path

import pytest
from test_mutated_files import VALUES, mutate_bytes, mutate_structure

from commapper.io import MapFileError, load_map, map_to_json, parse_map
from commapper.io.exchange import import_exchange, table_paths, write_exchange
from commapper.resources import example_maps

CASES = 300
SECONDS_PER_BATCH = 180
SUFFIXES = {"graphml": ".graphml", "gexf": ".gexf", "kumu": ".json", "csv": ".csv"}
XML_VALUES = ["", "x", "1", "-5", "1e999", "nan", "true", "[1]", '["a"]', "{}", "me", "community",
              "tie", "membership", "c1", "#zzzzzz", "undirected", "json-d1", "d3", "node", "all",
              "long", "double", "boolean", "\ue000004", "x" * 600]  # fmt: skip


def mutate_xml(data: bytes, rng: random.Random) -> bytes:
    """Change attributes, texts and elements inside the XML, a few times over."""
    root = ElementTree.fromstring(data)
    elements = list(root.iter())
    parents = {child: parent for parent in elements for child in parent}
    for _ in range(rng.randint(1, 4)):
        element = rng.choice(elements)
        choice = rng.randrange(4)
        if choice == 0 and element.attrib:
            del element.attrib[rng.choice(list(element.attrib))]
        elif choice == 1 and element.attrib:
            element.set(rng.choice(list(element.attrib)), rng.choice(XML_VALUES))
        elif choice == 2:
            element.text = rng.choice(XML_VALUES)
        elif element in parents:
            parent = parents[element]
            if element in list(parent):
                parent.remove(element)
                if rng.random() < 0.5:  # moved rather than removed: a duplicate or an orphan
                    rng.choice(elements).append(element)
    return ElementTree.tostring(root)


def mutate_kumu(data: bytes, rng: random.Random) -> bytes:
    values = [value for value in VALUES if value == value and value not in (float("-inf"),)]
    rng_values = random.Random(rng.random())
    blueprint = mutate_structure(json.loads(data), rng)
    if rng_values.random() < 0.3:  # a key Kumu gives a meaning, given something else
        items = blueprint.get("connections") or blueprint.get("elements") or [{}]
        if isinstance(items, list) and items and isinstance(items[0], dict):
            items[0][
                rng_values.choice(["from", "to", "type", "direction", "_id", "attributes"])
            ] = rng_values.choice(values)
    return json.dumps(blueprint).encode("utf-8", "surrogatepass")


MUTATIONS: dict[str, dict[str, Callable[[bytes, random.Random], bytes]]] = {
    "graphml": {"bytes": mutate_bytes, "structure": mutate_xml},
    "gexf": {"bytes": mutate_bytes, "structure": mutate_xml},
    "kumu": {"bytes": mutate_bytes, "structure": mutate_kumu},
    "csv": {"bytes": mutate_bytes},
}


def check_imports_or_explains(path: Path, case: str) -> bool:
    """Whether the file imported (as a map that saves and loads again unchanged)."""
    try:
        doc = import_exchange(path).document
    except MapFileError as error:
        assert error.problems, case
        for problem in error.problems:
            line = str(problem)
            assert problem.message.strip() and "\n" not in line, case
            assert not any(word in line for word in ("Traceback", "Input should", "[type=")), case
        return False
    assert parse_map(map_to_json(doc).encode()).content() == doc.content(), case
    return True


def run_batch(fmt: str, mutation: str) -> int:
    """Check every case of one format and mutation; returns how many were refused."""
    refused = 0
    with tempfile.TemporaryDirectory() as folder:
        originals = []
        for example in example_maps():
            written = write_exchange(load_map(example), Path(folder) / f"map{SUFFIXES[fmt]}", fmt)
            originals.append([path.read_bytes() for path in written])
        for seed in range(CASES):
            case = f"{fmt}, {mutation} mutation, seed {seed}"
            print(case, flush=True)  # the last line names the case if the batch hangs
            rng = random.Random(seed)
            files = rng.choice(originals)
            path = Path(folder) / f"mutated{SUFFIXES[fmt]}"
            targets = table_paths(path) if fmt == "csv" else (path,)
            # One file of a pair (the CSV tables) is mutated, the other left as written.
            mutated = rng.randrange(len(files))
            for index, (target, data) in enumerate(zip(targets, files, strict=True)):
                target.write_bytes(
                    MUTATIONS[fmt][mutation](data, rng) if index == mutated else data
                )
            refused += not check_imports_or_explains(path, case)
    return refused


@pytest.mark.parametrize(
    ("fmt", "mutation"), [(fmt, mutation) for fmt in MUTATIONS for mutation in MUTATIONS[fmt]]
)
def test_mutated_files_import_or_are_refused_with_sentences(fmt, mutation):
    command = [sys.executable, __file__, fmt, mutation]
    try:
        result = subprocess.run(command, capture_output=True, text=True, timeout=SECONDS_PER_BATCH)
    except subprocess.TimeoutExpired as timeout:
        pytest.fail(f"hung on {(timeout.stdout or b'').decode().splitlines()[-1:]}")
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-4000:]
    refused = int(result.stdout.split()[-1])
    # The mutations must reach the checks, and must not all be refused.
    assert 0 < refused < CASES


if __name__ == "__main__":
    print("refused", run_batch(sys.argv[1], sys.argv[2]))
