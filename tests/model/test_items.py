"""Field rules of nodes, edges and views: ids, dates, colours, numbers, limits, unknown keys."""

import datetime

import pytest
from pydantic import TypeAdapter, ValidationError

from commapper.model import (
    CommunityNode,
    CrossingEdge,
    Level,
    MapDocument,
    MembershipEdge,
    NodeKind,
    PersonNode,
    TieEdge,
    Viewport,
    edge_kinds_between,
    is_valid_id,
    problems_from_validation,
)
from commapper.model.items import (
    MAX_COORDINATE,
    MAX_LABEL_CHARS,
    MAX_NOTES_CHARS,
    is_coordinate,
)


@pytest.mark.parametrize("text", ["a", "c1", "node_1", "x-y.z:w", "A" * 64])
def test_valid_ids(text):
    assert is_valid_id(text)
    assert PersonNode(id=text).id == text


@pytest.mark.parametrize("text", ["", "with space", "é", "a/b", "A" * 65, "semi;colon", "\n"])
def test_invalid_ids_are_refused(text):
    assert not is_valid_id(text)
    with pytest.raises(ValidationError):
        PersonNode(id=text)


def every_day_of(year: int):
    day = datetime.date(year, 1, 1)
    while day.year == year:
        yield day
        day += datetime.timedelta(days=1)


@pytest.mark.parametrize("year", [1600, 1900, 2000, 2023, 2024, 2100])
def test_every_real_day_is_a_valid_date_and_nothing_else(year):
    real = {day.isoformat() for day in every_day_of(year)}
    for month in range(0, 14):
        for day in range(0, 33):
            text = f"{year:04d}-{month:02d}-{day:02d}"
            edge = dict(id="e", source="a", target="b", level="core", since=text)
            if text in real:
                assert MembershipEdge(**edge).since == text
            else:
                with pytest.raises(ValidationError):
                    MembershipEdge(**edge)


@pytest.mark.parametrize("text", ["2020", "2020-01", "2020-12", "1999-02-28", "2024-02-29"])
def test_partial_dates(text):
    assert MembershipEdge(id="e", source="a", target="b", level="core", until=text).until == text


@pytest.mark.parametrize("text", ["20", "2020-1", "2020-13", "2023-02-29", "2020/01/01", "soon"])
def test_bad_dates(text):
    with pytest.raises(ValidationError):
        MembershipEdge(id="e", source="a", target="b", level="core", since=text)


@pytest.mark.parametrize("value", [float("nan"), float("inf"), -float("inf")])
def test_coordinates_must_be_finite(value):
    with pytest.raises(ValidationError):
        PersonNode(id="p", x=value)


@pytest.mark.parametrize("value", [1e21, -1e308, MAX_COORDINATE * (1 + 1e-15), -1e9 - 1])
def test_coordinates_beyond_a_billion_units_are_refused(value):
    with pytest.raises(ValidationError) as caught:
        PersonNode(id="p", y=value)
    assert str(problems_from_validation(caught.value)[0]).startswith(
        "y: must be between -1,000,000,000 and 1,000,000,000 (found "
    )
    assert not is_coordinate(value)


def test_coordinates_at_the_edge_of_the_range_are_kept():
    assert PersonNode(id="p", x=-MAX_COORDINATE, y=MAX_COORDINATE).y == 1e9 == MAX_COORDINATE
    assert is_coordinate(MAX_COORDINATE) and is_coordinate(-MAX_COORDINATE)


def test_a_saved_view_looks_at_no_more_than_the_coordinate_range():
    Viewport(x=-1e9, y=-1e9, width=2e9, height=2e9)
    with pytest.raises(ValidationError) as caught:
        Viewport(x=0, y=0, width=1e300, height=1)
    assert [str(problem) for problem in problems_from_validation(caught.value)] == [
        "width: must be at most 2,000,000,000 (found 1e+300)"
    ]
    with pytest.raises(ValidationError):
        Viewport(x=1e21, y=0, width=1, height=1)


@pytest.mark.parametrize("weight", [0, -1, float("nan"), float("inf")])
def test_tie_weight_must_be_positive_and_finite(weight):
    with pytest.raises(ValidationError):
        TieEdge(id="t", source="a", target="b", weight=weight)


def test_types_are_strict_json_types():
    with pytest.raises(ValidationError):
        PersonNode(id="p", x="12.5")
    with pytest.raises(ValidationError):
        CommunityNode(id="c", inside_org="yes")
    with pytest.raises(ValidationError):
        TieEdge(id="t", source="a", target="b", directed="false")
    with pytest.raises(ValidationError):
        TieEdge(id="t", source="a", target="b", weight="2")
    assert PersonNode(id="p", x=12).x == 12.0  # a whole number is a number


@pytest.mark.parametrize(
    "text", ["2026-11-23T10:30:00Z", "2024-02-29T23:59", "2026-11-23T10:30:00.25+05:30"]
)
def test_timestamps_are_a_real_day_and_time(text):
    assert (
        MapDocument.model_validate_json(
            f'{{"format": "commapper-map", "schema_version": 1, "created": "{text}"}}'
        )
        .created.isoformat()
        .startswith(text[:16])
    )


@pytest.mark.parametrize(
    "value",
    [0, "0", "2026-11-23", "2023-02-29T10:00:00Z", "2026-11-23T24:00:00Z", "0000-01-01T00:00"],
)
def test_other_timestamps_are_refused(value):
    with pytest.raises(ValidationError) as caught:
        MapDocument.model_validate(
            {"format": "commapper-map", "schema_version": 1, "modified": value}
        )
    (line,) = (str(problem) for problem in problems_from_validation(caught.value))
    assert line.startswith("modified: must be a date and time written like 2026-11-23T10:30:00Z")


def test_defaults_follow_the_specification():
    crossing = CrossingEdge(id="x", source="a", target="b")
    assert (crossing.directed, crossing.means, crossing.via) == (True, "encounter", ())
    tie = TieEdge(id="t", source="a", target="b")
    assert (tie.directed, tie.weight) == (False, 1.0)
    membership = MembershipEdge(id="m", source="a", target="b", level="core")
    assert (membership.modes, membership.since, membership.until) == ((), None, None)
    community = CommunityNode(id="c")
    assert (community.x, community.y, community.sector, community.color) == (None,) * 4


def test_membership_needs_a_level():
    with pytest.raises(ValidationError):
        MembershipEdge(id="m", source="a", target="b")


def test_unknown_keys_are_refused():
    with pytest.raises(ValidationError):
        PersonNode(id="p", favourite_colour="blue")


def test_limits_on_text():
    PersonNode(id="p", label="x" * MAX_LABEL_CHARS, notes="y" * MAX_NOTES_CHARS)
    with pytest.raises(ValidationError):
        PersonNode(id="p", label="x" * (MAX_LABEL_CHARS + 1))
    with pytest.raises(ValidationError):
        PersonNode(id="p", notes="y" * (MAX_NOTES_CHARS + 1))


def test_attributes_hold_scalars_only():
    node = PersonNode(id="p", attributes={"role": "lead", "years": 3, "ok": True, "none": None})
    assert node.attributes["years"] == 3
    with pytest.raises(ValidationError):
        PersonNode(id="p", attributes={"nested": {"a": 1}})
    with pytest.raises(ValidationError):
        PersonNode(id="p", attributes={"list": [1]})


def test_colour_syntax():
    assert PersonNode(id="p", color="#1f77B4").color == "#1f77B4"
    with pytest.raises(ValidationError):
        PersonNode(id="p", color="red")


def test_levels_are_ordered_by_strength():
    assert [level.strength for level in Level] == [5, 4, 3, 2, 1]


def test_edge_kinds_follow_the_node_kinds():
    me, person = NodeKind.ME, NodeKind.PERSON
    community, obj = NodeKind.COMMUNITY, NodeKind.BOUNDARY_OBJECT
    assert edge_kinds_between(me, community) == ["membership"]
    assert edge_kinds_between(person, me) == ["tie"]
    assert edge_kinds_between(community, community) == ["crossing"]
    assert edge_kinds_between(obj, community) == ["object_use"]
    assert edge_kinds_between(community, obj) == []


def test_items_without_attributes_share_one_empty_mapping_nobody_can_change():
    first, second = PersonNode(id="p1"), CommunityNode(id="c1")
    assert first.attributes == {} and first.attributes is second.attributes
    with pytest.raises(TypeError, match="immutable"):
        first.attributes["role"] = "lead"
    with pytest.raises(TypeError, match="immutable"):
        first.attributes.update(role="lead")
    assert second.attributes == {} and "attributes" not in TypeAdapter(PersonNode).dump_python(
        first, exclude_defaults=True
    )
