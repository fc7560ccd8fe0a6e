"""Any sequence of editor gestures undoes, step by step, to each earlier document, and redoes."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QPointF

from commapper.model import NodeKind, UpdateItem

KINDS = (NodeKind.COMMUNITY, NodeKind.PERSON, NodeKind.BOUNDARY_OBJECT, NodeKind.ME)

gestures = st.lists(
    st.one_of(
        st.tuples(st.just("add"), st.sampled_from(KINDS), st.integers(-400, 400)),
        st.tuples(st.just("connect"), st.integers(0, 40), st.integers(0, 40)),
        st.tuples(st.just("rename"), st.integers(0, 40), st.text(max_size=8)),
        st.tuples(st.just("nudge"), st.integers(0, 40), st.integers(-30, 30)),
        st.tuples(st.just("delete"), st.integers(0, 40), st.booleans()),
        st.tuples(st.just("pin"), st.integers(0, 40), st.booleans()),
        st.tuples(st.just("duplicate"), st.integers(0, 40), st.just(None)),
        st.tuples(st.just("layout"), st.sampled_from(["landscape", "force"]), st.just(None)),
    ),
    max_size=12,
)


def perform(window, gesture) -> None:
    """One gesture, made through the same actions and scene methods the user's input reaches."""
    name, first, second = gesture
    session, actions, doc = window.session, window.actions_, window.session.doc
    nodes = [node.id for node in doc.nodes]
    pick = nodes[first % len(nodes)] if nodes and isinstance(first, int) else None
    if name == "add":
        actions.add(first, QPointF(second, -second))
        window.view.finish_rename(commit=False)
    elif name == "connect" and pick:
        window.scene.connect_nodes(pick, nodes[second % len(nodes)])
    elif name == "rename" and pick:
        # Typing: several edits of one field, merged into one undo step.
        for end in range(1, len(second) + 1):
            session.edit(UpdateItem(pick, {"label": second[:end]}), "Rename", (pick, "label"))
    elif name in ("nudge", "delete", "pin", "duplicate") and pick:
        session.selection.set([pick])
        if name == "nudge":
            window.view.nudge(second, -second)
        elif name == "delete":
            actions.delete_selection()
        elif name == "pin":
            actions.set_pinned(second)
        else:
            actions.duplicate_selection()
    elif name == "layout":
        actions.apply_layout(first)
        actions.finish_animation()


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(sequence=gestures)
def test_every_gesture_undoes_to_the_exact_previous_document_and_redoes(make_window, sequence):
    window = make_window(None)
    stack, doc = window.session.undo_stack, window.session.doc
    history = [doc.content()]  # the document after each undo step
    for gesture in sequence:
        steps = stack.count()
        perform(window, gesture)
        if stack.count() != steps or stack.index() != len(history) - 1:
            history = [*history[: stack.index()], doc.content()]
        else:
            history[-1] = doc.content()  # merged into the last step
    assert len(history) == stack.index() + 1
    for index in range(stack.index(), 0, -1):
        stack.undo()
        assert doc.content() == history[index - 1]
        assert set(window.scene.node_items) == {node.id for node in doc.nodes}
        assert set(window.scene.edge_items) == {edge.id for edge in doc.edges}
        assert set(window.scene.landmark_items) == {
            node.id for node in doc.nodes if node.kind in ("me", "community")
        }
    for index in range(1, len(history)):
        stack.redo()
        assert doc.content() == history[index]
    assert set(window.scene.edge_items) == {edge.id for edge in doc.edges}
