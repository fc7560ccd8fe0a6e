"""`commapper merge` and the room analysis of `commapper analyse`: the real command, in a
subprocess, on real files."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest

from commapper.io import load_map, save_map
from commapper.model import (
    CommunityNode,
    MapDocument,
    MembershipEdge,
    MeNode,
    PersonNode,
    TieEdge,
)
from commapper.resources import example_maps


def commapper(*args, cwd=None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "commapper.cli", *map(str, args)],
        capture_output=True,
        text=True,
        cwd=cwd,
    )


def write_map(path, name, communities, people=()):
    doc = MapDocument.new(f"{name}'s landscape")
    doc.nodes = [MeNode(id="me", label=name)]
    doc.edges = []
    for number, label in enumerate(communities):
        doc.nodes.append(CommunityNode(id=f"c{number}", label=label, sector="civic"))
        doc.edges.append(
            MembershipEdge(id=f"m{number}", source="me", target=f"c{number}", level="core")
        )
    for number, label in enumerate(people):
        doc.nodes.append(PersonNode(id=f"p{number}", label=label))
        doc.edges.append(TieEdge(id=f"t{number}", source="me", target=f"p{number}"))
    doc.reindex()
    save_map(doc, path)
    return path


@pytest.fixture
def room_folder(tmp_path):
    write_map(
        tmp_path / "zenobia.commap",
        "Zenobia Quillfeather",
        ["Open-data circle", "Hospital I.T.", "Python meetup"],
        ["Bartholomew Okonkwo"],
    )
    write_map(
        tmp_path / "bartholomew.commap",
        "Bartholomew Okonkwo",
        ["open data circle", "hospital it", "Pyton meetup", "Zenobia's book club"],
        ["zenobia quillfeather", "Olusegun Adeyemi"],
    )
    write_map(tmp_path / "esperanza.commap", "Esperanza Núñez", ["Hospital IT", "Chess club"])
    return tmp_path


def inputs(folder):
    """The participants' files in the order they came: spellings tie-break by it."""
    return [folder / f"{name}.commap" for name in ("zenobia", "bartholomew", "esperanza")]


def test_merge_writes_a_valid_room_map_and_prints_the_suggestions(room_folder):
    out = room_folder / "room.commap"
    result = commapper("merge", *inputs(room_folder), "-o", out)
    assert result.returncode == 0, result.stderr
    assert f"{out}: the room map of 3 participants" in result.stdout
    assert 'community: "Python meetup" (1) and "Pyton meetup" (1), 96% alike' in result.stdout
    assert commapper("validate", out).returncode == 0
    room = load_map(out)
    labels = sorted(node.label for node in room.nodes if node.kind == "community")
    assert labels == [
        "Chess club",
        "Hospital I.T.",
        "Open-data circle",
        "Python meetup",
        "Pyton meetup",
        "Zenobia's book club",
    ]
    hospital = next(node for node in room.nodes if node.label == "Hospital I.T.")
    assert hospital.attributes["room:count"] == 3


def test_aliases_from_a_file_settle_a_suggestion(room_folder):
    aliases = room_folder / "aliases.json"
    aliases.write_text(
        json.dumps(
            {
                "format": "commapper-aliases",
                "version": 1,
                "same": [{"kind": "community", "label": "Python meetup", "also": ["Pyton meetup"]}],
            }
        ),
        "utf-8",
    )
    out = room_folder / "room.commap"
    result = commapper("merge", *inputs(room_folder), "-o", out, "--aliases", aliases)
    assert result.returncode == 0, result.stderr
    assert "suggested" not in result.stdout
    labels = [node.label for node in load_map(out).nodes if node.kind == "community"]
    assert labels.count("Python meetup") == 1 and "Pyton meetup" not in labels


def test_a_broken_alias_file_is_named_with_its_problem(room_folder):
    aliases = room_folder / "aliases.json"
    aliases.write_text('{"format": "commapper-aliases", "version": 1, "same": 3}', "utf-8")
    result = commapper("merge", room_folder / "zenobia.commap", "-o", room_folder / "r.commap",
                       "--aliases", aliases)  # fmt: skip
    assert result.returncode == 1
    assert f"{aliases}: same: should be a JSON list" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (room_folder / "r.commap").exists()


def test_anonymised_output_holds_no_participant_name(room_folder):
    out = room_folder / "room.commap"
    result = commapper("merge", *inputs(room_folder), "-o", out, "--anonymise")
    assert result.returncode == 0, result.stderr
    data = out.read_bytes().decode("utf-8").casefold()
    for name in ("Zenobia Quillfeather", "Bartholomew Okonkwo", "Esperanza Núñez", "Nunez"):
        for word in name.casefold().split():
            assert not re.search(rf"\b{re.escape(word)}\b", data), word
    # The person named by one of them only is hidden as well.
    assert "olusegun" not in data
    assert "participant 1's book club" in data


def test_a_broken_input_stops_the_merge_unless_skipped(room_folder):
    broken = room_folder / "broken.commap"
    broken.write_text('{"format": "commapper-map", "schema_version": 1, "nodes": 7}', "utf-8")
    out = room_folder / "room.commap"
    files = [*inputs(room_folder), broken]
    result = commapper("merge", *files, "-o", out)
    assert result.returncode == 1
    assert f"{broken}: nodes: should be a JSON list" in result.stderr
    assert "nothing was written" in result.stderr and "Traceback" not in result.stderr
    assert not out.exists()

    result = commapper("merge", *files, "-o", out, "--skip-broken")
    assert result.returncode == 0, result.stderr
    assert f"{broken}: nodes: should be a JSON list" in result.stderr
    assert "3 participants, 1 skipped" in result.stdout
    assert commapper("validate", out).returncode == 0


def test_merge_refuses_to_write_over_one_of_its_inputs(room_folder):
    target = room_folder / "zenobia.commap"
    before = target.read_bytes()
    result = commapper("merge", target, room_folder / "esperanza.commap", "-o", target)
    assert result.returncode == 1 and "is the output file" in result.stderr
    assert target.read_bytes() == before


def test_an_earlier_room_map_among_the_inputs_is_left_out_with_a_message(room_folder):
    first = room_folder / "room.commap"
    assert commapper("merge", *inputs(room_folder), "-o", first).returncode == 0
    # maps/*.commap takes in the room map written there last time.
    again = room_folder / "out" / "room.commap"
    again.parent.mkdir()
    result = commapper("merge", *sorted(room_folder.glob("*.commap")), "-o", again)
    assert result.returncode == 0, result.stderr
    assert f"{first}: a room map, not a participant's map; left out" in result.stderr
    assert "the room map of 3 participants" in result.stdout
    merged, before = load_map(again), load_map(first)
    assert sorted(n.id for n in merged.nodes) == sorted(n.id for n in before.nodes)
    assert sorted(e.id for e in merged.edges) == sorted(e.id for e in before.edges)

    # Nothing but room maps: nothing to merge.
    result = commapper("merge", first, "-o", room_folder / "out" / "other.commap")
    assert result.returncode == 1
    assert "no participant's map could be read; nothing was written" in result.stderr
    assert not (room_folder / "out" / "other.commap").exists()


def test_counts_of_one_are_said_in_the_singular(tmp_path):
    alone = write_map(tmp_path / "ana.commap", "Ana", ["Python meetup", "Pyton meetup"])
    result = commapper("merge", alone, "-o", tmp_path / "out.commap")
    assert result.returncode == 0, result.stderr
    assert "the room map of 1 participant (3 nodes, 2 edges)" in result.stdout
    assert "1 suggested match, not merged" in result.stdout
    broken = tmp_path / "broken.commap"
    broken.write_text("{}", "utf-8")
    result = commapper("merge", broken, "-o", tmp_path / "other.commap")
    assert "1 of 1 file could not be read" in result.stderr


def test_merge_needs_an_output():
    result = commapper("merge", "a.commap")
    assert result.returncode == 2 and "-o/--output" in result.stderr


def test_analyse_recognises_a_room_map(room_folder):
    out = room_folder / "room.commap"
    assert commapper("merge", *inputs(room_folder), "-o", out).returncode == 0
    result = commapper("analyse", out, "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    room = data["room"]
    assert room["participants"] == ["p:zenobia-quillfeather", "p:bartholomew-okonkwo",
                                    "p:esperanza-nunez"]  # fmt: skip
    top = room["communities_most_shared"][0]
    assert top == {"community": "c:hospital-it", "named_by": 3, "members": 3}
    assert ["c:hospital-it", "c:open-data-circle", 2] in room["span"]["pairs"]
    assert room["breadth"]["p:esperanza-nunez"]["n_communities"] == 2
    text = commapper("analyse", out)
    assert text.returncode == 0
    assert "The room: 3 participants" in text.stdout
    assert "Esperanza Núñez: Chess club and Hospital I.T." in text.stdout


def test_analyse_of_an_ordinary_map_has_no_room():
    result = commapper("analyse", example_maps()[0], "--json")
    assert result.returncode == 0 and "room" not in json.loads(result.stdout)


def test_another_tools_file_among_the_maps_is_to_be_imported_first(tmp_path):
    import networkx as nx

    graph = tmp_path / "people.graphml"
    nx.write_graphml(nx.path_graph(3), graph)
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "commapper.cli",
            "merge",
            str(graph),
            "-o",
            str(tmp_path / "r.commap"),
        ],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 1
    assert "this is a GraphML file" in done.stderr and "commapper import" in done.stderr
    assert "Traceback" not in done.stderr
