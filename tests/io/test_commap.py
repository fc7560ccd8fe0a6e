"""Loading and saving .commap files: lossless, atomic, and honest about broken files."""

import gc
import json
import os
import stat
import subprocess
import sys
import textwrap

import pytest
from hypothesis import HealthCheck, given, settings
from strategies import documents

from commapper.io import MapFileError, load_map, map_to_json, parse_map, save_map
from commapper.io.atomic import backup_path
from commapper.io.first_look import first_look
from commapper.io.migrate import migrate
from commapper.model import CommunityNode, MapDocument, PersonNode, TieEdge, add_edge, add_node
from commapper.resources import example_maps


def test_examples_load_and_round_trip_byte_for_byte(tmp_path):
    assert len(example_maps()) >= 2
    for example in example_maps():
        doc = load_map(example)
        target = tmp_path / example.name
        save_map(doc, target)
        assert load_map(target).content() == doc.content()
        save_map(load_map(target), tmp_path / "again.commap")
        assert (tmp_path / "again.commap").read_bytes() == target.read_bytes()


@settings(
    max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(documents())
def test_save_then_load_is_lossless(tmp_path, doc):
    path = tmp_path / "map.commap"
    save_map(doc, path)
    reloaded = load_map(path)
    assert reloaded.content() == doc.content()
    assert map_to_json(reloaded) == path.read_text(encoding="utf-8")


def test_written_file_follows_the_documented_layout(tmp_path):
    doc = load_map(example_maps()[0])
    path = tmp_path / "m.commap"
    save_map(doc, path)
    text = path.read_text(encoding="utf-8")
    assert text.endswith("}\n") and text.startswith('{\n  "format": "commapper-map",\n')
    data = json.loads(text)
    assert list(data)[:2] == ["format", "schema_version"]
    assert list(data["nodes"][0])[:2] == ["id", "kind"]
    crossing = next(edge for edge in data["edges"] if edge["kind"] == "crossing" and "via" in edge)
    # As docs/file-format.md shows it: ends, then the kind's own fields, then the label.
    assert list(crossing) == ["id", "kind", "source", "target", "means", "via", "label"]


def test_missing_timestamps_are_set_on_load():
    doc = parse_map(b'{"format": "commapper-map", "schema_version": 1}')
    assert doc.created.tzinfo is not None and doc.modified >= doc.created


def test_opening_never_writes(tmp_path):
    path = tmp_path / "m.commap"
    path.write_bytes(example_maps()[0].read_bytes())
    before = (path.read_bytes(), path.stat().st_mtime_ns)
    load_map(path)
    assert (path.read_bytes(), path.stat().st_mtime_ns) == before
    assert sorted(tmp_path.iterdir()) == [path]


def test_save_keeps_the_previous_version_as_bak_and_leaves_no_temporary_files(tmp_path):
    path = tmp_path / "m.commap"
    doc = MapDocument.new("first")
    save_map(doc, path)
    first = path.read_bytes()
    path.chmod(0o640)
    add_node(doc, CommunityNode(id="c1", label="Choir"))
    save_map(doc, path)
    assert backup_path(path).read_bytes() == first
    assert load_map(path).has_node("c1")
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["m.commap", "m.commap.bak"]


def test_a_save_that_fills_the_disk_leaves_the_old_file_intact(tmp_path):
    """A real write failure: the process may not write files larger than 4 KiB (RLIMIT_FSIZE)."""
    path = tmp_path / "m.commap"
    save_map(MapDocument.new("small"), path)
    original = path.read_bytes()
    script = textwrap.dedent(
        f"""
        import resource, signal
        from commapper.io import MapFileError, save_map
        from commapper.model import MapDocument
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))
        try:
            doc = MapDocument.new("big"); doc.description = "x" * 20000
            save_map(doc, {str(path)!r})
        except MapFileError as error:
            print(error)
        """
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert "could not be saved" in result.stdout, result.stderr
    assert "previous file is unchanged" in result.stdout
    assert path.read_bytes() == original
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_a_save_into_a_missing_folder_is_reported(tmp_path):
    with pytest.raises(MapFileError, match="could not be saved"):
        save_map(MapDocument.new(), tmp_path / "gone" / "m.commap")


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write into read-only folders")
def test_a_save_into_a_read_only_folder_is_reported(tmp_path):
    path = tmp_path / "m.commap"
    save_map(MapDocument.new("old"), path)
    original = path.read_bytes()
    tmp_path.chmod(0o555)
    try:
        with pytest.raises(MapFileError, match="could not be saved"):
            save_map(MapDocument.new("new"), path)
    finally:
        tmp_path.chmod(0o755)
    assert path.read_bytes() == original


def test_migrations_run_in_order_from_old_versions():
    steps = {
        0: lambda data: {"nodes" if key == "people" else key: value for key, value in data.items()},
        1: lambda data: {**data, "title": data["title"].upper()},
    }
    data = migrate({"schema_version": 0, "people": [], "title": "t"}, steps, target_version=2)
    assert data == {"schema_version": 2, "nodes": [], "title": "T"}


def test_a_version_nobody_wrote_is_refused():
    with pytest.raises(MapFileError, match="not one Commapper ever wrote"):
        parse_map(b'{"format": "commapper-map", "schema_version": 0}')


def test_problems_carry_json_paths():
    data = {
        "format": "commapper-map",
        "schema_version": 1,
        "nodes": [{"id": "c1", "kind": "community"}, {"id": "p1", "kind": "person"}],
        "edges": [
            {"id": "e1", "kind": "membership", "source": "p1", "target": "c9", "level": "core"},
            {"id": "e2", "kind": "membership", "source": "c1", "target": "p1", "level": "core"},
        ],
    }
    with pytest.raises(MapFileError) as caught:
        parse_map(json.dumps(data).encode())
    lines = caught.value.lines()
    assert 'edges[0].target: no node with id "c9"' in lines
    assert any(line.startswith("edges[1].source:") and "community" in line for line in lines)


def test_a_loaded_map_goes_straight_to_the_oldest_collector_generation():
    gc.unfreeze()  # what a room map's window froze earlier in this process (see the next test)
    doc = load_map(example_maps()[0])
    oldest = {id(item) for item in gc.get_objects(generation=2)}
    assert all(id(item) in oldest for item in (*doc.nodes, *doc.edges))


def test_loading_leaves_objects_the_program_froze_frozen():
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        load_map(example_maps()[0])
        assert gc.get_freeze_count() == frozen
    finally:
        gc.unfreeze()


def test_whole_numbers_are_written_without_a_decimal_point_and_read_back_equal(tmp_path):
    doc = MapDocument.new("numbers")
    add_node(doc, CommunityNode(id="c1", x=120.0, y=-0.5))
    add_node(doc, CommunityNode(id="c2", x=-1e9, y=0.1))
    add_node(doc, PersonNode(id="p1"))
    add_node(doc, PersonNode(id="p2"))
    add_edge(doc, TieEdge(id="t1", source="p1", target="p2", weight=2.0))
    add_edge(doc, TieEdge(id="t2", source="p2", target="p1", weight=2.0**60))
    path = tmp_path / "m.commap"
    save_map(doc, path)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert (data["nodes"][0]["x"], data["nodes"][0]["y"]) == (120, -0.5)
    assert (data["nodes"][1]["x"], data["nodes"][1]["y"]) == (-1_000_000_000, 0.1)
    assert isinstance(data["nodes"][1]["x"], int) and isinstance(data["edges"][0]["weight"], int)
    # Beyond 2**53 a float is not a whole number anyway: written as a float.
    assert isinstance(data["edges"][1]["weight"], float)
    assert load_map(path).content() == doc.content()


def test_a_large_valid_map_that_is_looked_at_first_still_loads():
    nodes = [{"id": f"p{i}", "kind": "person", "tags": ["t"] * 60} for i in range(30_000)]
    data = {"nodes": nodes, "title": "Big", "schema_version": 1, "format": "commapper-map"}
    text = json.dumps(data).encode()
    assert first_look(text, None) == {
        "title": "Big",
        "schema_version": 1,
        "format": "commapper-map",
    }
    doc = parse_map(text)
    assert (doc.title, len(doc.nodes), doc.nodes[-1].tags[-1]) == ("Big", 30_000, "t")


def test_a_large_file_that_is_not_json_to_its_end_is_explained_by_the_full_checks():
    tags = ", ".join(['"t"'] * 60)
    nodes = ",".join(f'{{"id": "p{i}", "kind": "person", "tags": [{tags}]}}' for i in range(30_000))
    text = '{"format": "commapper-map", "schema_version": 1, "nodes": [' + nodes
    assert first_look(text.encode(), None) is None
    with pytest.raises(MapFileError, match="the file ends too early"):
        parse_map(text.encode())
    with pytest.raises(MapFileError, match='this is not a Commapper map \\(format "other"'):
        parse_map(text.replace("commapper-map", "other").encode() + b"]}")


def test_the_text_made_beside_the_window_reads_back_as_the_same_map(tmp_path):
    """Autosaves are serialised on a thread of their own, by the standard library's encoder
    in pieces (map_json_yielding): the file must read back as the very map."""
    from benchmarks.generate import generate_map
    from commapper.io.commap import ITEMS_A_PIECE, map_json_yielding, map_to_json

    for doc in (load_map(example_maps()[0]), generate_map(ITEMS_A_PIECE + 300, seed=2)):
        text = map_json_yielding(doc)
        assert json.loads(text) == json.loads(map_to_json(doc))
        path = tmp_path / "copy.commap"
        path.write_text(text, encoding="utf-8")
        assert load_map(path).content() == doc.content()
