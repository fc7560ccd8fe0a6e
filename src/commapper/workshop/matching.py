"""How participants' labels are matched: a normalised key, the facilitator's aliases and
decisions, and near misses offered as suggestions (never merged without the facilitator).

Two labels of one kind name the same thing when their keys are equal (:func:`label_key`: case,
accents, spaces and punctuation do not count), when an alias group lists both, or when the
facilitator accepted a suggestion that joins them. Anything else that merely looks alike
("Pyton meetup" and "Python meetup") is a :class:`Suggestion`, for the facilitator to accept or
reject.

People and ``me`` are matched together (each participant's ``me`` becomes a person), communities
with communities and boundary objects with boundary objects: a community and a person of the
same name stay two things.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from typing import Literal

from commapper.model import NodeKind

MatchKind = Literal["community", "person", "boundary_object"]
MATCH_KINDS: tuple[MatchKind, ...] = ("community", "person", "boundary_object")

# Dropped without a trace, so that "I.T." is "it" and "Mary's" is "marys" rather than "mary s".
JOINERS = frozenset(".'’ʼ`´")
# Punctuation that changes what a label means ("C#", "C++", "R&D"): kept in the key.
MEANINGFUL = frozenset("#+&@")


def match_kind(kind: str) -> MatchKind:
    """The kind a node is matched as: ``me`` and ``person`` are both people."""
    if kind in (NodeKind.ME, NodeKind.PERSON):
        return "person"
    if kind == NodeKind.COMMUNITY:
        return "community"
    return "boundary_object"


@functools.lru_cache(maxsize=65536)
def label_key(label: str) -> str:
    """The key two labels are matched by: equal keys name the same thing.

    Accents go (Unicode decomposition, combining marks dropped), case folds, full stops and
    apostrophes vanish, other punctuation, separators and control characters become spaces, and
    runs of spaces become one; ``# + & @`` stay, as they change the meaning.

    Examples
    --------
    >>> label_key("Open-data circle") == label_key("open data circle")
    True
    >>> label_key("Hospital I.T.")
    'hospital it'
    >>> label_key("  Café   Ünïcode  ")
    'cafe unicode'
    >>> label_key("C++ users") == label_key("C users")
    False
    """
    kept: list[str] = []
    for char in unicodedata.normalize("NFKD", label):
        if unicodedata.combining(char) or char in JOINERS:
            continue
        if char in MEANINGFUL or unicodedata.category(char)[0] not in "PZC":
            kept.append(char)
        else:
            kept.append(" ")
    return " ".join("".join(kept).casefold().split())


@dataclass(frozen=True, order=True)
class Match:
    """Two keys of one kind that a suggestion offers to join: the value the facilitator accepts
    or rejects. The keys are in sorted order, so a pair has one spelling."""

    kind: MatchKind
    first: str
    second: str

    @classmethod
    def of(cls, kind: MatchKind, one: str, other: str) -> Match:
        first, second = sorted((one, other))
        return cls(kind, first, second)


@dataclass(frozen=True)
class Decisions:
    """The facilitator's answers to suggestions: accepted matches are merged like aliases,
    rejected ones are not suggested again."""

    accepted: frozenset[Match] = frozenset()
    rejected: frozenset[Match] = frozenset()

    def accept(self, match: Match) -> Decisions:
        return Decisions(self.accepted | {match}, self.rejected - {match})

    def reject(self, match: Match) -> Decisions:
        return Decisions(self.accepted - {match}, self.rejected | {match})

    def undo(self, match: Match) -> Decisions:
        """Forget the answer about ``match``: it is a suggestion again."""
        return Decisions(self.accepted - {match}, self.rejected - {match})


@dataclass(frozen=True)
class AliasGroup:
    """Spellings that name one thing, shown as ``label``. ``kind`` None means every kind."""

    label: str
    also: tuple[str, ...]
    kind: MatchKind | None = None


@dataclass(frozen=True)
class Aliases:
    """The facilitator's alias table (the file format is in docs/workshop.md): groups of
    spellings that are the same, and pairs that are not (rejected suggestions, kept)."""

    same: tuple[AliasGroup, ...] = ()
    distinct: tuple[Match, ...] = ()

    def with_decisions(self, decisions: Decisions, labels: dict[Match, tuple[str, str]]) -> Aliases:
        """The table with the facilitator's decisions written in, to be saved for next time:
        each accepted match as a group of its two spellings (``labels`` gives them, in the
        order of the match's keys), each rejected one as a distinct pair."""
        groups = list(self.same)
        for match in sorted(decisions.accepted):
            first, second = labels.get(match, (match.first, match.second))
            groups.append(AliasGroup(first, (second,), match.kind))
        distinct = list(self.distinct) + sorted(decisions.rejected - set(self.distinct))
        return Aliases(tuple(groups), tuple(distinct))


# -- keys grouped ---------------------------------------------------------------------------------


@dataclass
class KeyGroups:
    """Union-find over the keys of one kind: which keys name the same thing, and the label an
    alias gives a group."""

    parent: dict[str, str] = field(default_factory=dict)
    # group root -> the alias's label, when an alias names the group
    alias_labels: dict[str, str] = field(default_factory=dict)

    def find(self, key: str) -> str:
        parent = self.parent
        root = key
        while (up := parent.get(root, root)) != root:
            root = up
        while key != root:  # flatten the path
            parent[key], key = root, parent.get(key, key)
        return root

    def union(self, one: str, other: str) -> None:
        first, second = self.find(one), self.find(other)
        if first == second:
            return
        # The smaller key is the root: a group's id then depends only on which keys it holds.
        root, child = (first, second) if first < second else (second, first)
        self.parent[child] = root
        if child in self.alias_labels:
            self.alias_labels.setdefault(root, self.alias_labels.pop(child))


def key_groups(aliases: Aliases, decisions: Decisions) -> dict[MatchKind, KeyGroups]:
    """The groups of keys that aliases and accepted matches join, kind by kind."""
    groups: dict[MatchKind, KeyGroups] = {kind: KeyGroups() for kind in MATCH_KINDS}
    for group in aliases.same:
        kinds = MATCH_KINDS if group.kind is None else (group.kind,)
        label = label_key(group.label)
        for kind in kinds:
            for spelling in group.also:
                if key := label_key(spelling):
                    groups[kind].union(label, key)
            root = groups[kind].find(label)
            groups[kind].alias_labels.setdefault(root, group.label)
    for match in decisions.accepted:
        groups[match.kind].union(match.first, match.second)
    return groups


# -- near misses --------------------------------------------------------------------------------

SIMILARITY = 0.85
"""How alike two keys must be (difflib's ratio, spaces left out) to be suggested as one."""

_DIGITS = re.compile(r"\d+")
MAX_SHARING = 200


@dataclass(frozen=True)
class NearMiss:
    first: str
    second: str
    similarity: float


def near_misses(keys: Iterable[str]) -> list[NearMiss]:
    """Pairs of different keys that look like one spelt two ways, most alike first.

    A pair is offered when the keys are the same but for spaces ("opendata" and "open data"), or
    the same words in another order, or within two typing slips of each other and at least
    :data:`SIMILARITY` alike (difflib's ratio of the keys without spaces), with the numbers in
    them equal ("Cohort 2023" and "Cohort 2024" are two cohorts) and the shorter at least three
    characters long. Candidates come from shared deletion variants (each key with up to two
    characters left out), so only likely pairs are compared, not every pair.

    Examples
    --------
    >>> [(m.first, m.second) for m in near_misses(["python meetup", "pyton meetup", "choir"])]
    [('python meetup', 'pyton meetup')]
    """
    distinct = sorted(set(keys))
    by_variant: dict[str, list[int]] = {}
    for index, key in enumerate(distinct):
        for variant in _variants(key):
            by_variant.setdefault(variant, []).append(index)
    candidates: set[tuple[int, int]] = set()
    for indices in by_variant.values():
        # A variant that hundreds of keys share tells nothing: comparing them all would be
        # quadratic (a room where everyone is "Participant n" with another number).
        if 1 < len(indices) <= MAX_SHARING:
            unique = sorted(set(indices))
            candidates.update(
                (one, other) for i, one in enumerate(unique) for other in unique[i + 1 :]
            )
    found = []
    for one, other in candidates:
        similarity = _similarity(distinct[one], distinct[other])
        if similarity is not None:
            found.append(NearMiss(distinct[one], distinct[other], similarity))
    found.sort(key=lambda miss: (-miss.similarity, miss.first, miss.second))
    return found


def _variants(key: str) -> Iterator[str]:
    squashed = key.replace(" ", "")
    yield "~" + " ".join(sorted(key.split()))
    # The key itself is among its variants: "aaa" is what "aaaa" gives with one left out.
    yield "-" + squashed
    # How many characters to leave out. Keys must be 85 % alike: one slip apart that takes 4
    # characters or more, two slips 8 or more (shorter keys need not make the variants, which
    # would be shared by every short key); a long key one slip, and none beyond 100 characters,
    # where a 500-character label would make 125,000 variants.
    size = len(squashed)
    depth = 0 if size < 4 else 1 if size < 8 else 2 if size <= 25 else 1 if size <= 100 else 0
    level = {squashed}
    for _ in range(depth):
        level = {text[:i] + text[i + 1 :] for text in level for i in range(len(text))}
        yield from ("-" + text for text in level)


def _similarity(one: str, other: str) -> float | None:
    """How alike two keys are when they should be suggested as one, else None."""
    one_squashed, other_squashed = one.replace(" ", ""), other.replace(" ", "")
    if one_squashed == other_squashed or sorted(one.split()) == sorted(other.split()):
        return 1.0
    if min(len(one_squashed), len(other_squashed)) < 3:
        return None
    if _DIGITS.findall(one) != _DIGITS.findall(other):
        return None
    ratio = SequenceMatcher(None, one_squashed, other_squashed, autojunk=False).ratio()
    return ratio if ratio >= SIMILARITY else None
