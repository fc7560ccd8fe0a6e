"""A map pickled for the analysis process comes back the same map, with working lookups, made
in a fresh process as well as in this one."""

import pickle
import subprocess
import sys

from hypothesis import given, settings
from strategies import documents

from commapper.io import load_map
from commapper.model import (
    DocumentChanged,
    MapDocument,
    MoveNodes,
    PersonNode,
    add_node,
    apply_edit,
)
from commapper.resources import DEFAULT_EXAMPLE


@settings(max_examples=60, deadline=None)
@given(documents())
def test_a_pickled_map_comes_back_equal(doc):
    copy = pickle.loads(pickle.dumps(doc.snapshot()))
    assert copy.content() == doc.content()
    assert copy.nodes == doc.nodes and copy.edges == doc.edges
    assert [type(node) for node in copy.nodes] == [type(node) for node in doc.nodes]
    for item in [*doc.nodes, *doc.edges]:
        assert copy.get(item.id) == item


def test_a_pickled_map_can_be_edited_and_heard():
    doc = MapDocument.new("Choir")
    add_node(doc, PersonNode(id="p1", label="Ana", x=0.0, y=0.0))
    copy = pickle.loads(pickle.dumps(doc))
    heard = []
    copy.subscribe(heard.append)
    apply_edit(copy, MoveNodes({"p1": (5.0, 6.0)}))
    assert copy.node("p1").x == 5.0 and doc.node("p1").x == 0.0
    assert len(heard) == 1 and isinstance(heard[0], DocumentChanged)


def test_a_map_pickled_here_is_read_in_a_fresh_process(tmp_path):

    doc = load_map(DEFAULT_EXAMPLE)
    path = tmp_path / "map.pickle"
    path.write_bytes(pickle.dumps(doc))
    script = (
        "import pickle, sys; doc = pickle.loads(open(sys.argv[1], 'rb').read()); "
        "print(len(doc.nodes), len(doc.edges), doc.node(doc.nodes[-1].id).label)"
    )
    result = subprocess.run(
        [sys.executable, "-c", script, str(path)], capture_output=True, text=True, check=True
    )
    assert result.stdout.split()[:2] == [str(len(doc.nodes)), str(len(doc.edges))]
    assert result.stdout.strip().endswith(doc.nodes[-1].label)


def test_a_room_map_reaches_the_pickler_s_file_a_run_at_a_time_and_comes_back_equal(
    monkeypatch,
):
    """The window's process pickles the map beside its own thread, pausing each time the pickler
    writes to its file (commapper/pacing.py): its items are reduced a run at a time as the
    pickler writes, not all before its first write (a room map in one go held Python's lock
    30-100 ms, and the window with it)."""
    from benchmarks.generate import generate_map
    from commapper.model import document

    doc = generate_map(2500)
    events: list[str] = []
    reduce_run = document._ItemRun.__reduce__
    monkeypatch.setattr(
        document._ItemRun, "__reduce__", lambda run: events.append("run") or reduce_run(run)
    )

    class NotingFile:
        def write(self, data):
            events.append("write")

    pickle.Pickler(NotingFile(), pickle.HIGHEST_PROTOCOL).dump(doc)
    runs = events.count("run")
    assert runs >= len(doc.edges) // document.ITEMS_A_RUN
    assert events.index("write") < len(events) // 2, "written as it goes, not after all"
    copy = pickle.loads(pickle.dumps(doc))
    assert copy.content() == doc.content()
