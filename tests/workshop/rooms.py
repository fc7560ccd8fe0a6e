"""Generated rooms for the workshop tests: participants' maps that name shared communities,
objects and people in different spellings, with the truth of what each spelling names."""

from __future__ import annotations

from dataclasses import dataclass, field

from hypothesis import strategies as st

from commapper.model import (
    LEVELS,
    BoundaryObjectNode,
    CommunityNode,
    CrossingEdge,
    MapDocument,
    Means,
    MembershipEdge,
    MeNode,
    ObjectUseEdge,
    PersonNode,
    TieEdge,
)
from commapper.workshop.merge import Participant

# Names that are no word of the file format and no part of another name or label here, so that
# finding one in a file's bytes means a name was written.
PARTICIPANT_NAMES = (
    "Zenobia Quillfeather",
    "Bartholomew Okonkwo",
    "Esperanza Núñez",
    "Dmitri Volkovski",
    "Grete Lindqvist",
    "Farid Haddadin",
    "Chiara Roselli",
)
OTHER_PEOPLE = ("Olusegun Adeyemi", "Rasmus Bergkvist", "Ingeborg Sandvik")
# Each community or object in every spelling participants use for it; the first is canonical.
COMMUNITIES = (
    ("Open-data circle", "open data circle", "OPEN DATA CIRCLE"),
    ("Hospital I.T.", "hospital it", "Hospital IT"),
    ("Nurse educators", "Nurse Educators", "nurse-educators"),
    ("Café philosophique", "cafe philosophique"),
    ("Community choir",),
    ("Compliance circle",),
    ("Chess club", "chess  club"),
)
OBJECTS = (("Shared care protocol", "shared-care protocol"), ("Style guide",))


def spelt(name: str, variant: int) -> str:
    """A person's name as another participant may write it."""
    return (name, name.lower(), name.upper())[variant % 3]


@dataclass
class GeneratedRoom:
    participants: list[Participant]
    # per participant: the canonical labels of the communities their map names
    communities: list[set[str]] = field(default_factory=list)
    # per participant: the canonical labels of the people (other participants or not) they name
    people: list[set[str]] = field(default_factory=list)

    @property
    def names(self) -> list[str]:
        return [participant.name for participant in self.participants]


@st.composite
def rooms(draw, min_participants: int = 1, max_participants: int = 5) -> GeneratedRoom:
    """A room of participants' maps: each names some of the shared communities (in any of their
    spellings) with a membership of ``me``, some of the others and some other people (with ties,
    and memberships they are said to have), boundary objects used by communities, and crossings
    between communities, via ``me``, a person or nobody."""
    names = draw(
        st.lists(
            st.sampled_from(PARTICIPANT_NAMES),
            min_size=min_participants,
            max_size=max_participants,
            unique=True,
        )
    )
    room = GeneratedRoom([])
    for index, name in enumerate(names):
        nodes: list = [MeNode(id="me", label=name)]
        edges: list = []
        chosen = draw(st.lists(st.sampled_from(COMMUNITIES), max_size=4, unique=True))
        community_ids = []
        for number, spellings in enumerate(chosen):
            community_id = f"c{number}"
            community_ids.append(community_id)
            nodes.append(
                CommunityNode(
                    id=community_id,
                    label=draw(st.sampled_from(spellings)),
                    sector=draw(st.sampled_from(["health", "civic", None])),
                )
            )
            if draw(st.booleans()) or number == 0:
                edges.append(
                    MembershipEdge(
                        id=f"m{number}",
                        source="me",
                        target=community_id,
                        level=draw(st.sampled_from(LEVELS)),
                    )
                )
        others = [other for other in names if other != name]
        people = draw(
            st.lists(st.sampled_from(others + list(OTHER_PEOPLE)), max_size=3, unique=True)
            if others or OTHER_PEOPLE
            else st.just([])
        )
        for number, person in enumerate(people):
            person_id = f"p{number}"
            nodes.append(PersonNode(id=person_id, label=spelt(person, draw(st.integers(0, 2)))))
            if draw(st.booleans()):
                edges.append(TieEdge(id=f"t{number}", source="me", target=person_id))
            if community_ids and draw(st.booleans()):
                edges.append(
                    MembershipEdge(
                        id=f"pm{number}",
                        source=person_id,
                        target=draw(st.sampled_from(community_ids)),
                        level="active",
                    )
                )
        objects = draw(st.lists(st.sampled_from(OBJECTS), max_size=2, unique=True))
        for number, spellings in enumerate(objects):
            object_id = f"o{number}"
            nodes.append(BoundaryObjectNode(id=object_id, label=draw(st.sampled_from(spellings))))
            for target in draw(st.lists(st.sampled_from(community_ids), max_size=2, unique=True)
                               if community_ids else st.just([])):  # fmt: skip
                edges.append(
                    ObjectUseEdge(id=f"u{number}{target}", source=object_id, target=target)
                )
        if len(community_ids) >= 2 and draw(st.booleans()):
            via = draw(st.sampled_from([(), ("me",), *((f"p{i}",) for i in range(len(people)))]))
            edges.append(
                CrossingEdge(
                    id="x0",
                    source=community_ids[0],
                    target=community_ids[1],
                    via=via,
                    means=Means.BROKER if via else Means.ENCOUNTER,
                )
            )
        doc = MapDocument.new(f"{name}'s landscape")
        doc.nodes, doc.edges = nodes, edges
        doc.reindex()
        room.participants.append(Participant(f"/room/map-{index}.commap", name, doc))
        room.communities.append({spellings[0] for spellings in chosen})
        room.people.append(set(people))
    return room
