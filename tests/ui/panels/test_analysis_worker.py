"""The analysis runner: off the GUI thread, debounced, newest result only."""

import pytest

from commapper.analysis.analyse import analyse
from commapper.analysis.timeline import as_of
from commapper.io import load_map
from commapper.model import CommunityNode, InsertItems, MembershipEdge
from commapper.resources import DEFAULT_EXAMPLE
from commapper.ui.panels.analysis_worker import AnalysisRunner
from commapper.ui.session import MapSession


@pytest.fixture
def runner(qtbot):
    session = MapSession(load_map(DEFAULT_EXAMPLE), DEFAULT_EXAMPLE)
    runner = AnalysisRunner(session, debounce_ms=20)
    yield runner
    runner.shutdown()


def add_membership(session: MapSession) -> None:
    """A new community, joined by me: one more community of mine."""
    doc = session.doc
    community = CommunityNode(id=doc.new_id("c"), label="Allotment society", sector="hobby")
    edge = MembershipEdge(id=doc.new_id("e"), source=doc.ego.id, target=community.id, level="core")
    insert = InsertItems(nodes=((len(doc.nodes), community),), edges=((len(doc.edges), edge),))
    assert session.edit(insert, "Join")


def test_a_request_delivers_the_analysis_of_the_document(qtbot, runner):
    with qtbot.waitSignal(runner.finished, timeout=30000) as done:
        runner.request()
    assert done.args[0] == analyse(runner.session.doc)
    assert not runner.busy


def test_an_edit_reruns_the_analysis_after_the_debounce(qtbot, runner):
    before = analyse(runner.session.doc).breadth.all_levels.n_communities
    with qtbot.waitSignal(runner.finished, timeout=30000) as done:
        add_membership(runner.session)
        assert runner.busy
    assert done.args[0].breadth.all_levels.n_communities == before + 1


def test_superseded_runs_never_deliver(qtbot, runner):
    delivered = []
    runner.finished.connect(delivered.append)
    runner.request()
    runner.request()
    with qtbot.waitSignal(runner.finished, timeout=30000):
        latest = runner.request()
    qtbot.wait(50)  # let any stray queued delivery arrive: none may
    assert latest == runner.generation
    assert len(delivered) == 1


def test_a_year_reruns_on_the_map_as_of_that_year(qtbot, runner):
    with qtbot.waitSignal(runner.finished, timeout=30000) as done:
        runner.set_year(2020)
    assert done.args[0] == analyse(as_of(runner.session.doc, 2020))


def test_a_what_if_runs_on_the_worker(qtbot, runner):
    with qtbot.waitSignal(runner.what_if_finished, timeout=30000) as done:
        runner.request_what_if("c1")
    assert done.args[0].removed == "c1"
