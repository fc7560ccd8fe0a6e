"""`commapper export` and `commapper import`, run as a user runs them: in a subprocess."""

import json
import os
import subprocess
import sys

import networkx as nx
import pytest

from commapper.io import load_map
from commapper.io.safe_copy import names_in
from commapper.resources import example_maps

NURSE = next(path for path in example_maps() if "nurse" in path.name)


def commapper(*args, cwd=None) -> subprocess.CompletedProcess:
    environment = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    return subprocess.run(
        [sys.executable, "-m", "commapper.cli", *map(str, args)],
        capture_output=True, text=True, cwd=cwd, env=environment, timeout=120,
    )  # fmt: skip


def assert_clean_failure(result, status=1):
    assert result.returncode == status, result.stderr
    assert "Traceback" not in result.stderr and result.stderr.strip()


@pytest.mark.parametrize(
    ("name", "fmt"),
    [("map.graphml", None), ("map.gexf", None), ("map.json", None), ("map.xml", "graphml")],
)
def test_export_then_import_gives_the_map_back(tmp_path, name, fmt):
    out = tmp_path / name
    exported = commapper("export", NURSE, "-o", out, *(["--format", fmt] if fmt else []))
    assert exported.returncode == 0, exported.stderr
    assert f"exported to {out}" in exported.stdout
    back = tmp_path / "back.commap"
    imported = commapper("import", out, "-o", back, *(["--format", fmt] if fmt else []))
    assert imported.returncode == 0, imported.stderr
    assert "imported 23 nodes and 43 edges" in imported.stdout
    assert load_map(back).content() == load_map(NURSE).content()


def test_csv_export_writes_two_tables_and_imports_from_either(tmp_path):
    result = commapper("export", NURSE, "-o", tmp_path / "map.csv")
    assert result.returncode == 0 and "map.nodes.csv, " in result.stdout
    assert sorted(path.name for path in tmp_path.iterdir()) == ["map.edges.csv", "map.nodes.csv"]
    result = commapper("import", tmp_path / "map.edges.csv", "-o", tmp_path / "back.commap")
    assert result.returncode == 0, result.stderr
    back, original = load_map(tmp_path / "back.commap"), load_map(NURSE)
    assert back.nodes == original.nodes and back.edges == original.edges


def test_florentine_families_import_and_analyse(tmp_path):
    nx.write_graphml(nx.florentine_families_graph(), tmp_path / "florentine.graphml")
    result = commapper("import", tmp_path / "florentine.graphml", "-o", tmp_path / "f.commap")
    assert result.returncode == 0, result.stderr
    analysed = commapper("analyse", "--json", tmp_path / "f.commap")
    assert analysed.returncode == 0, analysed.stderr
    betweenness = json.loads(analysed.stdout)["brokerage"]["actor_betweenness"]
    assert betweenness["Medici"] == pytest.approx(0.521978, abs=1e-6)


@pytest.mark.parametrize("fmt", ["commap", "graphml", "csv"])
def test_pseudonymised_export_writes_the_key_beside_and_names_no_one(tmp_path, fmt):
    suffix = {"commap": ".commap", "graphml": ".graphml", "csv": ".csv"}[fmt]
    out = tmp_path / f"share{suffix}"
    result = commapper("export", NURSE, "-o", out, "--anonymise", "pseudonymised")
    assert result.returncode == 0, result.stderr
    key_file = tmp_path / "share.key.json"
    assert f"the key from pseudonyms to names is {key_file}" in result.stdout
    key = json.loads(key_file.read_text(encoding="utf-8"))["pseudonyms"]
    assert key["Me"] == "Sam" and "Ana" in key.values()
    original = load_map(NURSE)
    copies = [path for path in tmp_path.iterdir() if path != key_file]
    assert copies and all(names_in(original, path.read_bytes()) == [] for path in copies)


def test_communities_only_export_has_no_people_and_no_key(tmp_path):
    out = tmp_path / "rooms.commap"
    result = commapper("export", NURSE, "-o", out, "--anonymise", "communities")
    assert result.returncode == 0, result.stderr
    assert "key" not in result.stdout and not (tmp_path / "rooms.key.json").exists()
    copy = load_map(out)
    assert {node.kind for node in copy.nodes} == {"community", "boundary_object"}
    assert names_in(load_map(NURSE), out.read_bytes()) == []


@pytest.mark.parametrize("level", ["pseudonymised", "communities"])
def test_a_refused_safe_copy_leaves_an_older_file_as_it_was(tmp_path, level):
    """A person called Graph is named by any GraphML file's markup: the copy is refused
    (which only such a name can make happen), and the file it would have replaced stays."""
    from commapper.io import save_map
    from commapper.model import MapDocument, PersonNode

    doc = MapDocument.new()
    doc.nodes = [PersonNode(id="p1", label="Graph")]
    doc.reindex()
    source = tmp_path / "graph.commap"
    save_map(doc, source)
    out = tmp_path / "share.graphml"
    out.write_text("the older export", encoding="utf-8")
    result = commapper("export", source, "-o", out, "--anonymise", level)
    assert_clean_failure(result)
    assert "the copy still named 1 person of the map, so nothing was written" in result.stderr
    assert out.read_text(encoding="utf-8") == "the older export"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["graph.commap", "share.graphml"]
    # The same copy as .commap names no one and replaces the older file.
    older = tmp_path / "share.commap"
    older.write_text("the older copy", encoding="utf-8")
    assert commapper("export", source, "-o", older, "--anonymise", level).returncode == 0
    assert load_map(older).title == doc.title


def test_a_safe_copy_into_a_missing_folder_is_said_plainly(tmp_path):
    result = commapper(
        "export", NURSE, "-o", tmp_path / "no" / "share.gexf", "--anonymise", "communities"
    )
    assert_clean_failure(result)
    assert f"{tmp_path / 'no' / 'share.gexf'}: the file could not be written" in result.stderr


@pytest.mark.parametrize("fmt", ["commap", "graphml"])
def test_a_pseudonymised_room_map_is_still_a_room_map_and_names_no_one(tmp_path, fmt):
    from commapper.io import save_map
    from tests.io.test_safe_copy import room_map

    room = room_map()
    source = tmp_path / "room.commap"
    save_map(room, source)
    out = tmp_path / f"share.{fmt}"
    result = commapper("export", source, "-o", out, "--anonymise", "pseudonymised")
    assert result.returncode == 0, result.stderr
    text = out.read_text(encoding="utf-8")
    assert names_in(room, out.read_bytes()) == []
    assert "bo-li" not in text and "Person 1-" not in text and "room:participant" in text
    if fmt == "commap":
        analysed = commapper("analyse", out)
        assert analysed.returncode == 0, analysed.stderr
        assert "The room: 3 participants" in analysed.stdout
        assert "Bo" not in analysed.stdout and "Person 1" in analysed.stdout


@pytest.mark.parametrize(
    ("name", "content", "words"),
    [
        ("bomb.graphml", '<!DOCTYPE x [<!ENTITY a "aa"><!ENTITY b "&a;&a;">]><graphml>&b;'
         "</graphml>", "entity bomb"),
        ("bomb.gexf", '<!DOCTYPE x [<!ENTITY a "aa">]><gexf>&a;</gexf>', "entity bomb"),
        ("secret.graphml", '<!DOCTYPE x [<!ENTITY s SYSTEM "file:///etc/passwd">]><graphml>&s;'
         "</graphml>", "external entity"),
        ("broken.gexf", "<gexf><graph>", "not well-formed XML"),
        ("broken.json", '{"elements": [', "not valid JSON"),
        ("broken.csv", "Name\nAna\n", "an Id or a Label column"),
        ("empty.graphml", "", "the file is empty"),
    ],
)  # fmt: skip
def test_hostile_and_broken_files_are_refused_in_one_line(tmp_path, name, content, words):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    result = commapper("import", path, "-o", tmp_path / "out.commap")
    assert_clean_failure(result)
    assert words in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "out.commap").exists()


def test_unknown_formats_are_bad_usage(tmp_path):
    assert_clean_failure(commapper("export", NURSE, "-o", tmp_path / "map.xyz"), 2)
    assert_clean_failure(commapper("export", NURSE, "-o", tmp_path / "m", "--format", "dot"), 2)
    (tmp_path / "in.txt").write_text("x")
    result = commapper("import", tmp_path / "in.txt", "-o", tmp_path / "out.commap")
    assert_clean_failure(result, 2)
    assert "names no format" in result.stderr


def test_a_broken_map_or_missing_output_folder_is_said_plainly(tmp_path):
    broken = tmp_path / "broken.commap"
    broken.write_text("{", encoding="utf-8")
    assert_clean_failure(commapper("export", broken, "-o", tmp_path / "map.graphml"))
    result = commapper("export", NURSE, "-o", tmp_path / "no" / "such" / "map.gexf")
    assert_clean_failure(result)
    assert "could not be written" in result.stderr


def test_view_is_for_pictures_and_must_exist(tmp_path):
    result = commapper("export", NURSE, "-o", tmp_path / "m.graphml", "--view", "At work")
    assert_clean_failure(result, 2)
    assert "--view applies to pictures" in result.stderr
    result = commapper("export", NURSE, "-o", tmp_path / "m.png", "--view", "Nowhere")
    assert_clean_failure(result)
    assert 'no saved view is called "Nowhere" (views: "At work", "Everything")' in result.stderr
    assert not (tmp_path / "m.png").exists()


def test_a_view_named_after_someone_is_found_in_a_pseudonymised_picture(tmp_path):
    """The view is looked up in the map, then drawn from the copy, where its name is changed."""
    from commapper.io import save_map
    from commapper.model import View

    doc = load_map(NURSE)
    doc.views = [View(name="Ana's corner", nodes=["me", "c1", "p1"])]
    save_map(doc, tmp_path / "map.commap")
    out = tmp_path / "map.svg"
    result = commapper(
        "export", tmp_path / "map.commap", "-o", out, "--view", "Ana's corner",
        "--anonymise", "pseudonymised",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert names_in(doc, out.read_bytes()) == [] and b"Person 1" in out.read_bytes()


def test_counts_are_said_in_the_right_number(tmp_path):
    source = tmp_path / "one.graphml"
    source.write_text('<graphml><graph><node id="a"/></graph></graphml>')
    result = commapper("import", source, "-o", tmp_path / "one.commap")
    assert result.returncode == 0, result.stderr
    assert f"imported 1 node and 0 edges into {tmp_path / 'one.commap'}" in result.stdout


@pytest.mark.parametrize("name", ["broken.commap", "broken.json"])
def test_broken_json_is_said_in_a_whole_sentence_with_its_place(tmp_path, name):
    source = tmp_path / name
    source.write_text('{"format": "commapper-map", "title": "cut', encoding="utf-8")
    if name.endswith(".commap"):
        result = commapper("analyse", source)
    else:
        result = commapper("import", source, "-o", tmp_path / "x.commap")
    assert_clean_failure(result)
    assert result.stderr.strip() == (
        f"{source}: this is not valid JSON: unterminated string starting at line 1, column 38"
    )


@pytest.mark.parametrize("suffix", [".graphml", ".gexf", ".csv"])
def test_exporting_another_tools_file_says_to_import_it_first(tmp_path, suffix):
    source = tmp_path / f"people{suffix}"
    source.write_text("<graphml/>" if suffix != ".csv" else "id,label\na,A\n")
    result = commapper("export", source, "-o", tmp_path / "people.png")
    assert_clean_failure(result)
    name = {".graphml": "GraphML", ".gexf": "GEXF", ".csv": "CSV"}[suffix]
    assert f"{source}: this is a {name} file, not a .commap map; import it first: commapper " \
        f"import {source} -o MAP.commap" in result.stderr  # fmt: skip
    assert "JSON" not in result.stderr


def test_the_help_names_the_key_file_as_it_is_written():
    result = commapper("export", "--help")
    help_text = " ".join(result.stdout.split())
    assert "STEM.key.json: share.commap gets share.key.json" in help_text
    assert "OUT.key.json" not in help_text


def test_a_table_with_a_quote_never_closed_is_refused_by_its_line(tmp_path):
    source = tmp_path / "people.csv"
    source.write_text('Id,Label\na,Ana\nb,"Bo\nc,Cy\n', encoding="utf-8")
    result = commapper("import", source, "-o", tmp_path / "people.commap")
    assert_clean_failure(result)
    assert result.stderr.startswith(f'{source}: line 3: a quote (") opened in this row is never')
    assert len(result.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "people.commap").exists()
