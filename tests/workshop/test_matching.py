"""Matching labels: the normalised key, near misses, aliases and the alias file."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from commapper.workshop.alias_file import (
    AliasFileError,
    aliases_to_json,
    load_aliases,
    parse_aliases,
)
from commapper.workshop.matching import (
    Aliases,
    AliasGroup,
    Decisions,
    Match,
    key_groups,
    label_key,
    near_misses,
)


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Open-data circle", "open data circle"),
        ("Hospital I.T.", "hospital it"),
        ("Hospital I.T.", "HOSPITAL  IT"),
        ("Café philosophique", "cafe philosophique"),
        ("Ünïcode   Group ", "unicode group"),
        ("Nurse educators", "nurse_educators"),
        ("St. Mary's choir", "st marys choir"),
        ("Straße", "STRASSE"),
        ("ﬁre brigade", "fire brigade"),  # a ligature
    ],
)
def test_spellings_that_name_one_thing_have_one_key(one, other):
    assert label_key(one) == label_key(other)


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Python meetup", "Pyton meetup"),
        ("C++ users", "C users"),
        ("C# guild", "C guild"),
        ("R&D", "R D"),
        ("Team 1", "Team 2"),
        ("Open data circle", "Opendata circle"),
    ],
)
def test_different_things_keep_different_keys(one, other):
    assert label_key(one) != label_key(other)


@given(st.text(max_size=40))
def test_a_key_is_its_own_key_and_has_no_stray_spaces(text):
    key = label_key(text)
    assert label_key(key) == key
    assert key == " ".join(key.split())
    assert key == key.casefold()


def pairs(keys):
    return [(miss.first, miss.second) for miss in near_misses(label_key(k) for k in keys)]


def test_near_misses_are_found_and_unrelated_labels_are_not():
    found = pairs(
        [
            "Python meetup",
            "Pyton meetup",
            "Open data circle",
            "Opendata circle",
            "Circle open data",
            "Jon Smith",
            "John Smith",
            "Cohort 2023",
            "Cohort 2024",
            "Community choir",
            "Compliance circle",
            "IT",
            "IA",
        ]
    )
    assert ("python meetup", "pyton meetup") in found
    assert ("open data circle", "opendata circle") in found  # the same but for a space
    assert ("circle open data", "open data circle") in found  # the same words
    assert ("john smith", "jon smith") in found
    assert ("cohort 2023", "cohort 2024") not in found  # numbers differ: two cohorts
    assert ("it", "ia") not in found  # too short to tell
    assert not any("choir" in a or "choir" in b for a, b in found)


@given(st.lists(st.text("abcde ", min_size=3, max_size=9), max_size=25))
@settings(max_examples=400, deadline=None)
def test_near_misses_find_every_pair_one_slip_apart(words):
    """Against every pair compared by brute force: keys one deletion apart are always found
    when difflib calls them alike enough (the candidates miss none)."""
    from difflib import SequenceMatcher

    keys = sorted({label_key(word) for word in words} - {""})
    found = {(miss.first, miss.second) for miss in near_misses(keys)}
    for i, one in enumerate(keys):
        for other in keys[i + 1 :]:
            a, b = one.replace(" ", ""), other.replace(" ", "")
            one_slip = len(a) == len(b) + 1 and any(a[:k] + a[k + 1 :] == b for k in range(len(a)))
            one_slip |= len(b) == len(a) + 1 and any(b[:k] + b[k + 1 :] == a for k in range(len(b)))
            alike = SequenceMatcher(None, a, b, autojunk=False).ratio() >= 0.85
            if one_slip and alike and min(len(a), len(b)) >= 3:
                assert (one, other) in found


def test_aliases_and_accepted_matches_join_keys_and_rejections_do_not():
    aliases = Aliases(
        same=(
            AliasGroup("Open data circle", ("ODC", "Open data group"), "community"),
            AliasGroup("Ana Lima", ("Ana L.",)),  # every kind
        )
    )
    decisions = Decisions().accept(Match.of("community", "python meetup", "pyton meetup"))
    decisions = decisions.reject(Match.of("community", "data club", "data hub"))
    groups = key_groups(aliases, decisions)
    community = groups["community"]
    assert (
        community.find("odc")
        == community.find("open data group")
        == community.find("open data circle")
    )
    assert community.alias_labels[community.find("odc")] == "Open data circle"
    assert community.find("python meetup") == community.find("pyton meetup")
    assert community.find("data club") != community.find("data hub")
    assert groups["person"].find("ana l") == groups["person"].find("ana lima")
    assert groups["boundary_object"].find("odc") == "odc"  # the group was for communities


def test_decisions_can_be_undone_and_changed():
    match = Match.of("community", "b", "a")
    assert (match.first, match.second) == ("a", "b")
    decisions = Decisions().accept(match)
    assert match in decisions.accepted
    decisions = decisions.reject(match)
    assert match in decisions.rejected and match not in decisions.accepted
    assert decisions.undo(match) == Decisions()


# -- the alias file -------------------------------------------------------------------------------


def test_an_alias_file_round_trips(tmp_path):
    text = json.dumps(
        {
            "format": "commapper-aliases",
            "version": 1,
            "same": [
                {"kind": "community", "label": "Open data circle", "also": ["ODC"]},
                {"label": "Ana Lima", "also": ["Ana L."]},
            ],
            "distinct": [{"kind": "community", "labels": ["Data club", "Data hub"]}],
        }
    )
    path = tmp_path / "aliases.json"
    path.write_text(text, encoding="utf-8")
    aliases = load_aliases(path)
    assert aliases.same == (
        AliasGroup("Open data circle", ("ODC",), "community"),
        AliasGroup("Ana Lima", ("Ana L.",), None),
    )
    assert aliases.distinct == (Match("community", "data club", "data hub"),)
    assert parse_aliases(aliases_to_json(aliases).encode()) == aliases


def test_decisions_are_written_into_the_alias_file():
    accepted = Match.of("community", "python meetup", "pyton meetup")
    rejected = Match.of("community", "data club", "data hub")
    decisions = Decisions().accept(accepted).reject(rejected)
    aliases = Aliases().with_decisions(decisions, {accepted: ("Python meetup", "Pyton meetup")})
    again = parse_aliases(aliases_to_json(aliases).encode())
    assert again.same == (AliasGroup("Python meetup", ("Pyton meetup",), "community"),)
    assert again.distinct == (rejected,)


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"{not json", "this is not JSON text"),
        (b'{"format": "commapper-map", "schema_version": 1}', "format: an alias file starts"),
        (
            b'{"format": "commapper-aliases", "version": 1, "same": [{"label": "A", "also": "B"}]}',
            "same[0].also: should be a JSON list",
        ),
        (
            b'{"format": "commapper-aliases", "version": 1, "same": [{"also": ["B"]}]}',
            "same[0].label: is required",
        ),
        (
            b'{"format": "commapper-aliases", "version": 1, "same": [{"label": "--", "also": []}]}',
            "same[0].label: has no letters or digits",
        ),
        (
            b'{"format": "commapper-aliases", "version": 1,'
            b' "distinct": [{"kind": "team", "labels": ["A", "B"]}]}',
            "distinct[0].kind",
        ),
        (b'{"format": "commapper-aliases", "version": 2}', "version"),
    ],
)
def test_a_broken_alias_file_says_where(data, expected):
    with pytest.raises(AliasFileError) as caught:
        parse_aliases(data, "aliases.json")
    assert expected in "\n".join(caught.value.lines())


def test_a_missing_alias_file_is_an_alias_file_error(tmp_path):
    with pytest.raises(AliasFileError):
        load_aliases(tmp_path / "nowhere.json")


def test_a_key_one_letter_longer_is_found_however_short():
    """Found by the property above: a four-letter key and a three-letter one were never
    compared, as the shorter made no variants."""
    assert pairs(["aaa", "aaaa"]) == [("aaa", "aaaa")]
    assert pairs(["Pyton", "Python"]) == [("python", "pyton")]
