"""Participants' maps merged into one room map, by a pure function.

:func:`merge_maps` takes the participants (a name and a :class:`~commapper.model.MapDocument`
each), the facilitator's aliases and decisions, and returns a :class:`MergeResult`: the room
map (an ordinary, valid document), the near misses left for the facilitator, and what was odd
about each input. Nothing is read or written here; :mod:`commapper.workshop.room` reads files.

What the room map holds (docs/workshop.md):

- Each participant's ``me`` becomes a person, named as the participant (``me``'s label, else
  the name the caller gives, usually the file's name), marked ``room:participant``.
- Nodes of one matching kind whose labels match (:mod:`commapper.workshop.matching`) are one
  node. Its label is the alias's, else the participant's own name for their person, else the
  spelling most participants used (the first of equals); its other fields are combined by the
  rules of :mod:`commapper.workshop.combine`.
- Edges of one kind between the same two nodes of the room map are one edge, combined as the
  analysis merges duplicates. A crossing or tie is the same edge only with the same
  ``directed``; an undirected one joins its pair either way round. An edge whose two ends
  became one node is left out.
- Every node and edge records who brought it (:mod:`commapper.workshop.provenance`), so that
  "named by 7 people" can be shown and one participant's contribution taken out again.
- Ids are made from the match key ("c:open-data-circle", "p:ana-lima"; a short hash where the
  key is not plain ASCII or is long), so a re-merge after a file changed keeps every node's id,
  and the app keeps every node where it was. With ``anonymise`` people are "p:participant-3"
  and "p:person-12", numbered in the order first met, and the numbers given back in
  ``MergeResult.numbers`` keep them the same in the next merge.
- Positions: participants drew their maps apart, so their coordinates say nothing about one
  another; a node takes its position from ``previous`` (the room map as it was, by id) and
  otherwise is left unplaced, which the app places on opening, beside its neighbours.
- With ``anonymise``, people are "Participant n" (the participants) and "Person n" (everyone
  else they named), names are taken out of every other text
  (:mod:`commapper.workshop.anonymise`), and notes are left out: no participant's name is
  written anywhere, including as a person named in another participant's map.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from commapper.model import EdgeModel, MapDocument, MeNode, NodeModel
from commapper.model.items import MAX_LABEL_CHARS
from commapper.workshop.anonymise import NameScrubber
from commapper.workshop.combine import Scrub, merged_edge, merged_node, most_common
from commapper.workshop.matching import (
    Aliases,
    Decisions,
    KeyGroups,
    Match,
    MatchKind,
    key_groups,
    label_key,
    match_kind,
    near_misses,
)
from commapper.workshop.room_ids import hashed_id, key_id, unused_id

DEFAULT_TITLE = "Room map"
# Labels a participant may give their own ``me`` that are no name: the file's name is used.
_NOT_A_NAME = frozenset({"", "me", "myself", "i", "moi", "ich", "yo", "eu", "io", "ik"})
_ID_PREFIX: dict[MatchKind, str] = {"community": "c:", "person": "p:", "boundary_object": "o:"}


@dataclass(frozen=True)
class Participant:
    """One participant's map. ``source`` says where it came from (its file) and identifies the
    participant from one merge to the next; ``name`` is the name used when ``me`` has none."""

    source: str
    name: str
    document: MapDocument


@dataclass(frozen=True)
class InputProblem:
    """Something about one input that the facilitator should know; the merge went on."""

    source: str
    message: str

    def __str__(self) -> str:
        return f"{self.source}: {self.message}"


@dataclass(frozen=True)
class Suggestion:
    """Two nodes of the room map that may be one thing spelt two ways: accept ``match`` to merge
    them, reject it to keep them apart (:class:`~commapper.workshop.matching.Decisions`)."""

    match: Match
    labels: tuple[str, str]
    node_ids: tuple[str, str]
    named_by: tuple[int, int]
    similarity: float


@dataclass(frozen=True)
class MergeResult:
    document: MapDocument
    suggestions: tuple[Suggestion, ...]
    problems: tuple[InputProblem, ...]
    # participant source -> the id of their person node in the room map
    participants: dict[str, str]
    # the pseudonym numbers given (anonymise), to pass to the next merge to keep them
    numbers: dict[str, int]


def participant_name(doc: MapDocument, fallback: str) -> str:
    """What a participant is called in the room: their ``me``'s label, unless that is missing or
    no name ("Me", "I"), in which case ``fallback`` (the file's name)."""
    ego = doc.ego
    if ego is not None and label_key(ego.label) not in _NOT_A_NAME:
        return ego.label.strip()
    return fallback


# -- the merge ------------------------------------------------------------------------------------

# A group of matched nodes: (matching kind, the root key of its key group, or a key of its own
# for a node without a label).
GroupKey = tuple[MatchKind, str]


@dataclass
class _Group:
    kind: MatchKind
    key: str
    nodes: list[tuple[int, NodeModel]] = field(default_factory=list)
    # the participant (index) whose own person this is, if any
    participant: int | None = None

    def sources(self) -> list[int]:
        """The inputs that brought the group: a participant always brings their own person,
        even from a map without ``me``."""
        brought = {index for index, _ in self.nodes}
        if self.participant is not None:
            brought.add(self.participant)
        return sorted(brought)


def merge_maps(
    participants: Sequence[Participant],
    aliases: Aliases | None = None,
    decisions: Decisions | None = None,
    *,
    anonymise: bool = False,
    numbers: Mapping[str, int] | None = None,
    previous: MapDocument | None = None,
    title: str = DEFAULT_TITLE,
) -> MergeResult:
    """The room map of ``participants`` (see the module's docstring for what it holds).

    ``numbers`` are the pseudonym numbers of an earlier merge (``MergeResult.numbers``);
    ``previous`` an earlier room map whose node positions are kept, by id.

    Examples
    --------
    >>> from commapper.model import CommunityNode, MembershipEdge, MeNode
    >>> def mine(name, community):
    ...     doc = MapDocument.new()
    ...     doc.nodes = [MeNode(id="me", label=name), CommunityNode(id="c1", label=community)]
    ...     doc.edges = [MembershipEdge(id="e1", source="me", target="c1", level="core")]
    ...     doc.reindex()
    ...     return Participant(name, name, doc)
    >>> room = merge_maps([mine("Ana", "Open-data circle"), mine("Bo", "open data circle")])
    >>> community = room.document.node("c:open-data-circle")
    >>> community.label, community.attributes["room:count"], community.attributes["room:from"]
    ('Open-data circle', 2, 'p:ana p:bo')
    """
    aliases = aliases or Aliases()
    decisions = decisions or Decisions()
    problems: list[InputProblem] = []
    names = _participant_names(participants, problems)
    groups_by_kind = key_groups(aliases, decisions)
    grouped = _group_nodes(participants, names, groups_by_kind, problems)
    groups, node_group = grouped.groups, grouped.node_group
    numbers_out = dict(numbers or {})
    labels = _group_labels(groups, participants, names, groups_by_kind, anonymise, numbers_out)
    scrub = _scrubber(groups, names, labels) if anonymise else None
    ids = _group_ids(groups, labels, scrub)
    person_of = [ids[key] for key in grouped.own]
    positions = _positions(previous)
    nodes = [
        merged_node(
            group.kind,
            [node for _, node in group.nodes],
            node_id=ids[key],
            label=labels[key],
            sources=[person_of[index] for index in group.sources()],
            participant=group.participant is not None,
            scrub=scrub,
            position=positions.get(ids[key], (None, None)),
        )
        for key, group in groups.items()
    ]
    edges = _merged_edges(participants, node_group, ids, person_of, scrub, problems)
    doc = MapDocument.new(title if scrub is None else scrub(title))
    doc.description = (
        f"The room map of {len(participants)} participants' maps, merged by Commapper."
    )
    doc.nodes, doc.edges = nodes, edges
    doc.reindex()
    suggestions = _suggestions(
        grouped.seen, groups_by_kind, decisions, aliases, groups, ids, labels
    )
    return MergeResult(
        document=doc,
        suggestions=tuple(suggestions),
        problems=tuple(problems),
        participants={p.source: person_of[i] for i, p in enumerate(participants)},
        numbers=numbers_out,
    )


def _participant_names(
    participants: Sequence[Participant], problems: list[InputProblem]
) -> list[str]:
    """Each participant's name, made unique: a second "Ana" is "Ana (2)", so that two people
    of one name stay two people (the first is the one others' maps name)."""
    names: list[str] = []
    taken: set[str] = set()
    for participant in participants:
        name = participant_name(participant.document, participant.name)
        if not label_key(name):  # a file called "___.commap": nothing to match by
            name = f"Participant {len(names) + 1}"
        unique, count = name, 1
        while label_key(unique) in taken:
            count += 1
            unique = f"{name} ({count})"
        if count > 1:
            problems.append(
                InputProblem(
                    participant.source,
                    f"another participant is also called {name}; this one is {unique}",
                )
            )
        taken.add(label_key(unique))
        names.append(unique[:MAX_LABEL_CHARS])
    return names


def _own_key(source: str, node_id: str) -> str:
    """A key that matches nothing else: for a node without a label, which names nothing to match
    by. The NUL cannot occur in a label's key."""
    return f"\0{source}\0{node_id}"


@dataclass
class _Grouped:
    # every node of every input, in the group it matches
    groups: dict[GroupKey, _Group] = field(default_factory=dict)
    # (input, node id) -> its group
    node_group: dict[tuple[int, str], GroupKey] = field(default_factory=dict)
    # each participant's own group
    own: list[GroupKey] = field(default_factory=list)
    # the keys seen, kind by kind, for the near misses
    seen: dict[MatchKind, set[str]] = field(
        default_factory=lambda: {kind: set() for kind in _ID_PREFIX}
    )


def _group_nodes(
    participants: Sequence[Participant],
    names: list[str],
    groups_by_kind: dict[MatchKind, KeyGroups],
    problems: list[InputProblem],
) -> _Grouped:
    grouped = _Grouped()
    groups, node_group, seen = grouped.groups, grouped.node_group, grouped.seen
    # The participants first, in the room's order: the room map lists them so.
    for index, name in enumerate(names):
        own_key = label_key(name)
        seen["person"].add(own_key)
        own: GroupKey = ("person", groups_by_kind["person"].find(own_key))
        group = groups.setdefault(own, _Group("person", own[1]))
        if group.participant is not None:  # an alias made two participants one person
            problems.append(
                InputProblem(
                    participants[index].source,
                    f"the aliases make {name} the same person as {names[group.participant]}",
                )
            )
        group.participant = index
        grouped.own.append(own)
    for index, participant in enumerate(participants):
        doc = participant.document
        own = grouped.own[index]
        first_label: dict[GroupKey, str] = {}
        for node in doc.nodes:
            kind = match_kind(node.kind)
            if isinstance(node, MeNode):
                key: GroupKey = own
            elif key_text := label_key(node.label):
                seen[kind].add(key_text)
                key = (kind, groups_by_kind[kind].find(key_text))
            else:
                key = (kind, _own_key(participant.source, node.id))
            group = groups.setdefault(key, _Group(kind, key[1]))
            group.nodes.append((index, node))
            node_group[(index, node.id)] = key
            if key in first_label and not isinstance(node, MeNode):
                problems.append(
                    InputProblem(
                        participant.source,
                        f'"{first_label[key]}" and "{node.label}" are one {kind.replace("_", " ")}'
                        " in the room map",
                    )
                )
            first_label.setdefault(key, names[index] if isinstance(node, MeNode) else node.label)
        if doc.ego is None:
            problems.append(
                InputProblem(
                    participant.source,
                    f"the map has no me node: its nodes are in the room map, but none of its "
                    f"memberships or ties are {names[index]}'s",
                )
            )
    return grouped


def _group_labels(
    groups: dict[GroupKey, _Group],
    participants: Sequence[Participant],
    names: list[str],
    groups_by_kind: dict[MatchKind, KeyGroups],
    anonymise: bool,
    numbers: dict[str, int],
) -> dict[GroupKey, str]:
    """Each group's label: with ``anonymise``, people's pseudonyms, and other labels as yet
    unscrubbed."""
    labels: dict[GroupKey, str] = {}
    for key, group in groups.items():
        alias_label = groups_by_kind[group.kind].alias_labels.get(group.key)
        if anonymise and group.kind == "person":
            if group.participant is not None:
                number = _number(numbers, "participant", participants[group.participant].source)
                label = f"Participant {number}"
            else:
                label = f"Person {_number(numbers, 'person', group.key)}"
        elif alias_label is not None:  # the facilitator's word first
            label = alias_label
        elif group.participant is not None:
            label = names[group.participant]
        else:
            # Spellings are counted with their spaces tidied: "Chess  club " is "Chess club".
            spellings = (" ".join(node.label.split()) for _, node in group.nodes)
            label = most_common(spelling for spelling in spellings if spelling) or ""
        labels[key] = label[:MAX_LABEL_CHARS]
    return labels


def _group_ids(
    groups: dict[GroupKey, _Group], labels: dict[GroupKey, str], scrub: Scrub | None
) -> dict[GroupKey, str]:
    """Each group's node id, made from its key; with names hidden, a person's from their
    pseudonym, and a key that holds a name is hashed."""
    ids: dict[GroupKey, str] = {}
    used: set[str] = set()
    for key, group in groups.items():
        prefix = _ID_PREFIX[group.kind]
        if scrub is not None and group.kind == "person":
            node_id = prefix + labels[key].lower().replace(" ", "-")
        elif group.key.startswith("\0"):
            node_id = hashed_id(prefix + "unnamed", group.key)
        elif scrub is not None and (
            scrub(group.key) != group.key or scrub(labels[key]) != labels[key]
        ):
            node_id = hashed_id(prefix + "h", group.key)
        else:
            node_id = key_id(prefix, group.key)
        ids[key] = unused_id(node_id, used)
    return ids


def _number(numbers: dict[str, int], what: str, key: str) -> int:
    """The pseudonym number of a participant (by source) or person (by key): kept from earlier
    merges, else the next one free."""
    entry = f"{what}\0{key}"
    if entry not in numbers:
        prefix = f"{what}\0"
        numbers[entry] = 1 + max(
            (number for name, number in numbers.items() if name.startswith(prefix)), default=0
        )
    return numbers[entry]


def _scrubber(
    groups: dict[GroupKey, _Group], names: list[str], labels: dict[GroupKey, str]
) -> NameScrubber:
    """Every person's name, as participants wrote it, mapped to their pseudonym."""
    replacements: dict[str, str] = {}
    for key, group in groups.items():
        if group.kind != "person":
            continue
        if group.participant is not None:
            replacements.setdefault(names[group.participant], labels[key])
        for _, node in group.nodes:
            if not isinstance(node, MeNode) and node.label:
                replacements.setdefault(node.label, labels[key])
    # A participant's own name wins over the same word as someone else's.
    return NameScrubber(replacements)


def _positions(previous: MapDocument | None) -> dict[str, tuple[float | None, float | None]]:
    if previous is None:
        return {}
    return {
        node.id: (node.x, node.y)
        for node in previous.nodes
        if node.x is not None and node.y is not None
    }


# An edge of the room map: its kind, its two ends (in order, or sorted when undirected), and
# for crossings and ties whether it is directed.
EdgeKey = tuple[str, str, str, bool]


def _merged_edges(
    participants: Sequence[Participant],
    node_group: dict[tuple[int, str], GroupKey],
    ids: dict[GroupKey, str],
    person_of: list[str],
    scrub: Scrub | None,
    problems: list[InputProblem],
) -> list[EdgeModel]:
    """The edges of every input between the nodes of the room map, duplicates merged."""
    found: dict[EdgeKey, list[tuple[int, EdgeModel]]] = {}
    for index, participant in enumerate(participants):
        self_loops = 0
        for edge in participant.document.edges:
            source = ids[node_group[(index, edge.source)]]
            target = ids[node_group[(index, edge.target)]]
            if source == target:
                self_loops += 1
                continue
            directed = getattr(edge, "directed", True)
            if not directed:
                source, target = sorted((source, target))
            found.setdefault((edge.kind, source, target, directed), []).append((index, edge))
        if self_loops:
            problems.append(
                InputProblem(
                    participant.source,
                    f"{self_loops} edge(s) joined two nodes that are one in the room map, "
                    "and were left out",
                )
            )
    edges: list[EdgeModel] = []
    used: set[str] = set(ids.values())
    for key, entries in found.items():
        _, source, target, _ = key
        via = {
            ids[node_group[(index, node_id)]]: None
            for index, edge in entries
            for node_id in getattr(edge, "via", ())
        }
        edges.append(
            merged_edge(
                [edge for _, edge in entries],
                edge_id=unused_id(hashed_id("e:", "\0".join(map(str, key))), used),
                source=source,
                target=target,
                sources=[person_of[index] for index in sorted({index for index, _ in entries})],
                via=tuple(via),
                scrub=scrub,
            )
        )
    return edges


# -- suggestions ----------------------------------------------------------------------------------


def _suggestions(
    seen: dict[MatchKind, set[str]],
    groups_by_kind: dict[MatchKind, KeyGroups],
    decisions: Decisions,
    aliases: Aliases,
    groups: dict[GroupKey, _Group],
    ids: dict[GroupKey, str],
    labels: dict[GroupKey, str],
) -> list[Suggestion]:
    """The near misses between nodes of the room map that no decision or alias settles."""
    suggestions: list[Suggestion] = []
    for kind, keys in seen.items():
        find = groups_by_kind[kind].find
        apart = {
            frozenset((find(match.first), find(match.second)))
            for match in (*decisions.rejected, *aliases.distinct)
            if match.kind == kind
        }
        offered: set[frozenset[str]] = set()
        for miss in near_misses(keys):
            pair = frozenset((find(miss.first), find(miss.second)))
            if len(pair) < 2 or pair in apart or pair in offered:
                continue
            offered.add(pair)
            first, second = (kind, find(miss.first)), (kind, find(miss.second))
            match = Match.of(kind, miss.first, miss.second)
            if match.first != miss.first:
                first, second = second, first
            suggestions.append(
                Suggestion(
                    match=match,
                    labels=(labels[first], labels[second]),
                    node_ids=(ids[first], ids[second]),
                    named_by=(len(groups[first].sources()), len(groups[second].sources())),
                    similarity=round(miss.similarity, 3),
                )
            )
    suggestions.sort(key=lambda s: (-s.similarity, s.match))
    return suggestions
