"""Copies of a map that are safe to share: full, pseudonymised, or communities only.

Pseudonymised: every person becomes "Person N" and ``me`` becomes "Me". A person whose id is
``pN`` (as the app names them) is Person N in every copy, however the map changes; others take
the next free numbers in map order. People's notes and custom attributes are left out. Every
id is given anew (ids typed by hand or made by other tools can hold names), and wherever a
person's name is written elsewhere (a community's label, an edge's notes, the title) it is
replaced by their pseudonym. The key, pseudonym to real name, is returned to the sender only.

Communities only: no people at all; no edge to or from one, no crossing that names one as its
carrier, and a person's name written elsewhere becomes "[person]".

A room map's provenance (``room:from``: the ids of the participants who brought an item,
docs/workshop.md) follows the copy's new ids: pseudonymised, each id becomes the participant's
new one (``p:bo-li`` becomes ``p2``) and participants stay marked ``room:participant``, so the
copy is still a room map for ``commapper analyse``; communities only, the ids of the people
left out go with them (``room:from`` goes once it names no one; ``room:count`` stays).

Either copy is checked before it is returned: no person's name (see :func:`person_names`) may
appear in the bytes of the copy as a whole word, nor any form an id or handle makes of a name
of several words (see :func:`name_forms`: ``bo-li``, ``bo_li``, ``bo.li``, ``boli`` for Bo
Li, accents dropped); those forms are replaced in the copy's texts like the name itself.
"""

from __future__ import annotations

import dataclasses
import html
import json
import os
import re
import unicodedata
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, Literal

from commapper.io.atomic import atomic_write
from commapper.io.commap import map_to_json
from commapper.io.errors import MapFileError
from commapper.model import (
    EDGE_CLASSES,
    NODE_CLASSES,
    NODE_ID_PREFIX,
    CrossingEdge,
    EdgeKind,
    EdgeModel,
    Level,
    MapDocument,
    Means,
    MeNode,
    Mode,
    NodeKind,
    NodeModel,
    PersonNode,
    Stage,
    View,
    Viewport,
    field_names,
)

SafeLevel = Literal["full", "pseudonymised", "communities"]
LEVELS: tuple[SafeLevel, ...] = ("full", "pseudonymised", "communities")
KEY_FORMAT = "commapper-pseudonym-key"
ME_PSEUDONYM = "Me"
NO_NAME = "[person]"


def _format_words() -> frozenset[str]:
    """Words the file itself is written in (keys, kinds, levels, true and null): a label that
    is one of them is taken for no one's name, as every copy holds it."""
    words = {"commapper", "map", "true", "false", "null", "person", "people", ME_PSEUDONYM}
    for item_class in (*NODE_CLASSES.values(), *EDGE_CLASSES.values()):
        words.update(field_names(item_class))
    for model in (MapDocument, View, Viewport):
        words.update(model.model_fields)
    for choices in (NodeKind, EdgeKind, Level, Mode, Stage, Means):
        words.update(choice.value for choice in choices)
    return frozenset(word.lower() for word in words)


_NOT_NAMES = _format_words()
# A name has a letter; and looks like no id a copy gives (p3, c12, e7).
_LETTER = re.compile(r"[^\W\d_]")
_LIKE_AN_ID = re.compile(r"[a-z]{1,2}[0-9]+", re.IGNORECASE)
# A label that is a pseudonym already ("Person 12", as a room map merged without names has).
_LIKE_A_PSEUDONYM = re.compile(r"person [0-9]+", re.IGNORECASE)
_NUMBERED = re.compile(r"p([0-9]{1,9})")
# A room map's provenance (commapper.workshop.provenance, a layer above this one).
ROOM_FROM = "room:from"
ROOM_PREFIX = "room:"
# Characters a name's id form leaves out, as the room's ids do (workshop.matching.label_key).
_VANISHING = str.maketrans("", "", ".'\u2019")


def safe_copy(doc: MapDocument, level: str) -> tuple[MapDocument, dict[str, str] | None]:
    """A copy of ``doc`` at ``level`` ("full", "pseudonymised" or "communities") and, for a
    pseudonymised copy, the key from each pseudonym to the real name (else None).

    Raises
    ------
    ValueError
        If ``level`` is not one of ``LEVELS``.
    MapFileError
        If a person's name were still in the copy (which the steps above should never let be).
    """
    if level == "full":
        return doc.snapshot(), None
    if level == "pseudonymised":
        copy, key = _pseudonymised(doc)
    elif level == "communities":
        copy, key = _communities_only(doc), None
    else:
        raise ValueError(f"no such level of safe copy: {level!r}; use one of {', '.join(LEVELS)}")
    left = names_in(doc, map_to_json(copy).encode("utf-8"))
    if left:
        raise MapFileError.single(
            None, f"the copy still names {len(left)} people, so it was not made"
        )
    return copy, key


# -- names -----------------------------------------------------------------------------------------


def person_names(doc: MapDocument) -> list[str]:
    """The names of the people of ``doc`` (``me`` included): each label, and each word of three
    letters or more in a label of several words (a first name alone names someone too). A label
    without a letter, one that looks like an id or a pseudonym ("Person 12"), or a word of the
    file format (``label``, ``core``) is taken for no name."""
    names: set[str] = set()
    for node in _people(doc.nodes):
        label = node.label.strip()
        if _is_name(label):
            names.add(label)
        parts = re.findall(r"\w{3,}", label)
        if len(parts) > 1:
            names.update(part for part in parts if _is_name(part))
    # Longest first, so that "Ana García" is replaced before "Ana" is.
    return sorted(names, key=lambda name: (-len(name), name))


def _is_name(text: str) -> bool:
    return (
        _LETTER.search(text) is not None
        and text.lower() not in _NOT_NAMES
        and not _LIKE_AN_ID.fullmatch(text)
        and not _LIKE_A_PSEUDONYM.fullmatch(text)
    )


def name_forms(name: str) -> list[str]:
    """``name`` and the forms ids and handles make of it: without accents, and for a name of
    several words, its words joined by ``-``, ``_``, ``.`` or nothing (a room map's person
    ids are ``p:`` and the hyphenated form).

    Examples
    --------
    >>> name_forms("Bo Li")
    ['Bo Li', 'bo-li', 'bo_li', 'bo.li', 'boli']
    >>> name_forms("José O'Neil")
    ["José O'Neil", "Jose O'Neil", 'jose-oneil', 'jose_oneil', 'jose.oneil', 'joseoneil']
    >>> name_forms("Ana")
    ['Ana']
    """
    folded = "".join(
        char for char in unicodedata.normalize("NFKD", name) if not unicodedata.combining(char)
    )
    forms = [name, folded]
    words = re.findall(r"[^\W_]+", folded.translate(_VANISHING).casefold())
    if len(words) > 1:
        forms.extend(joint.join(words) for joint in ("-", "_", ".", ""))
    return [form for index, form in enumerate(forms) if form and form not in forms[:index]]


def _name_pattern(name: str) -> re.Pattern[str]:
    # Any form of it as a whole word, without regard to case: "Al" is no match in "Health".
    forms = "|".join(re.escape(form) for form in name_forms(name))
    return re.compile(rf"(?<!\w)(?:{forms})(?!\w)", re.IGNORECASE)


def names_in(doc: MapDocument, data: bytes) -> list[str]:
    """The names of people of ``doc`` that ``data`` holds as whole words: in every text of it
    if it is JSON (its escapes undone: ``\\u0041na`` is Ana, and ``\\bO`` is no "Bo"), else
    in its UTF-8 text as it is and with XML's escapes undone (``&#65;na``)."""
    text = data.decode("utf-8", errors="replace")
    readings = _json_texts(text)
    if readings is None:
        readings = [text, html.unescape(text)]
    return [
        name
        for name in person_names(doc)
        if any(_name_pattern(name).search(reading) for reading in readings)
    ]


def _json_texts(text: str) -> list[str] | None:
    """Every key and text value of ``text`` if it is JSON, one a line; None if it is not."""
    try:
        value = json.loads(text)
    except (ValueError, RecursionError):
        return None
    texts: list[str] = []
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            texts.append(item)
        elif isinstance(item, dict):
            texts.extend(item)
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return ["\n".join(texts)]


def _redactor(replacements: dict[str, str]) -> Callable[[str], str]:
    """A function that writes each name in a text as its replacement."""
    if not replacements:
        return lambda text: text
    # Each name's id forms too ("bo-li"), first come first kept.
    replacements = {
        form: replacement for name, replacement in replacements.items() for form in name_forms(name)
    } | replacements
    ordered = sorted(replacements, key=lambda name: (-len(name), name))
    pattern = re.compile(
        "|".join(rf"(?<!\w){re.escape(name)}(?!\w)" for name in ordered), re.IGNORECASE
    )
    by_lower: dict[str, str] = {}
    for name in ordered:
        by_lower.setdefault(name.lower(), replacements[name])

    def redact(text: str) -> str:
        if not text:
            return text
        return pattern.sub(lambda match: by_lower.get(match.group().lower(), NO_NAME), text)

    return redact


# -- the copies ------------------------------------------------------------------------------------


def _people(nodes: Iterable[NodeModel]) -> list[MeNode | PersonNode]:
    return [node for node in nodes if isinstance(node, MeNode | PersonNode)]


def _pseudonyms(doc: MapDocument) -> dict[str, str]:
    """Each person's pseudonym by node id: Person N for id pN, then the free numbers."""
    people = _people(doc.nodes)
    taken: dict[str, int] = {}
    for node in people:
        match = _NUMBERED.fullmatch(node.id)
        if isinstance(node, PersonNode) and match:
            taken[node.id] = int(match.group(1))
    used = set(taken.values())
    pseudonyms = {}
    number = 0
    for node in people:
        if isinstance(node, MeNode):
            pseudonyms[node.id] = ME_PSEUDONYM
            continue
        if node.id not in taken:
            number += 1
            while number in used:
                number += 1
            taken[node.id] = number
        pseudonyms[node.id] = f"Person {taken[node.id]}"
    return pseudonyms


def _pseudonymised(doc: MapDocument) -> tuple[MapDocument, dict[str, str]]:
    pseudonyms = _pseudonyms(doc)
    key = {pseudonyms[person.id]: person.label for person in _people(doc.nodes)}
    names: dict[str, str] = {}
    for person in _people(doc.nodes):
        for name in person_names(_only(person)):
            names.setdefault(name, pseudonyms[person.id])
    redact = _redactor(names)
    ids = _new_ids(doc, keep_numbers=pseudonyms)
    kept = frozenset(node.id for node in doc.nodes)
    nodes: list[Any] = []
    for node in doc.nodes:
        if isinstance(node, MeNode | PersonNode):
            changes: dict[str, Any] = {
                "label": pseudonyms[node.id],
                "notes": "",
                # Of a person's attributes only the room's provenance stays: whether they are
                # a participant, and who named them.
                "attributes": _room_attributes(node.attributes, ids, kept, redact),
            }
            changes["tags"] = tuple(map(redact, node.tags))
            if node.org is not None:
                changes["org"] = redact(node.org)
            nodes.append(dataclasses.replace(node, id=ids[node.id], **changes))
        else:
            nodes.append(_redacted(node, ids, kept, redact))
    edges = [_redacted(edge, ids, kept, redact) for edge in doc.edges]
    return _document(doc, nodes, edges, ids, redact), key


def _communities_only(doc: MapDocument) -> MapDocument:
    people = {node.id for node in _people(doc.nodes)}
    redact = _redactor(dict.fromkeys(person_names(doc), NO_NAME))
    kept_nodes = [node for node in doc.nodes if node.id not in people]
    ids = _new_ids(doc, nodes=kept_nodes)
    kept = frozenset(node.id for node in kept_nodes)
    nodes = [_redacted(node, ids, kept, redact) for node in kept_nodes]
    edges = []
    for edge in doc.edges:
        if edge.source in people or edge.target in people:
            continue
        if isinstance(edge, CrossingEdge) and edge.via:
            edge = dataclasses.replace(edge, via=tuple(v for v in edge.via if v not in people))
        edges.append(_redacted(edge, ids, kept, redact))
    return _document(doc, nodes, edges, ids, redact)


def _only(node: NodeModel) -> MapDocument:
    single = MapDocument.new()
    single.nodes = [node]
    return single


def _new_ids(
    doc: MapDocument, keep_numbers: dict[str, str] | None = None, nodes: list[Any] | None = None
) -> dict[str, str]:
    """New ids for every node and edge: by kind in map order (c1, c2...; me; e1...), and pN for
    the person who is Person N."""
    ids: dict[str, str] = {}
    counts: dict[str, int] = {}
    taken = set()
    for node_id, pseudonym in (keep_numbers or {}).items():
        if pseudonym.startswith("Person "):
            ids[node_id] = "p" + pseudonym.removeprefix("Person ")
            taken.add(ids[node_id])
    for node in doc.nodes if nodes is None else nodes:
        if node.id in ids:
            continue
        kind = NodeKind(node.kind)
        prefix = NODE_ID_PREFIX[kind]
        if kind is NodeKind.ME:
            ids[node.id] = "me"
            continue
        while True:
            counts[prefix] = counts.get(prefix, 0) + 1
            candidate = f"{prefix}{counts[prefix]}"
            if candidate not in taken:
                break
        ids[node.id] = candidate
        taken.add(candidate)
    for number, edge in enumerate(doc.edges, start=1):
        ids[edge.id] = f"e{number}"
    return ids


def _redacted(
    item: Any, ids: dict[str, str], kept: frozenset[str], redact: Callable[[str], str]
) -> Any:
    """``item`` with new ids, and any person's name in its text replaced; ``kept`` are the ids
    of the nodes the copy keeps (see :func:`_room_attributes`)."""
    changes: dict[str, Any] = {
        "id": ids[item.id],
        "notes": redact(item.notes),
        "tags": tuple(map(redact, item.tags)),
        "attributes": {
            redact(name): redact(value) if isinstance(value, str) else value
            for name, value in item.attributes.items()
            if not name.startswith(ROOM_PREFIX)
        }
        | _room_attributes(item.attributes, ids, kept, redact),
    }
    for name in ("label", "org", "domain", "sector"):
        value = getattr(item, name, None)
        if isinstance(value, str):
            changes[name] = redact(value)
    if hasattr(item, "source"):
        changes["source"], changes["target"] = ids[item.source], ids[item.target]
    if isinstance(item, CrossingEdge):
        changes["via"] = tuple(ids[node_id] for node_id in item.via)
    return dataclasses.replace(item, **changes)


def _room_attributes(
    attributes: dict[str, Any],
    ids: dict[str, str],
    kept: frozenset[str],
    redact: Callable[[str], str],
) -> dict[str, Any]:
    """The room map's provenance of an item, in the copy: ``room:from`` names the copy's ids
    of the participants it keeps (the key goes when it keeps none), other ``room:`` attributes
    stay (``room:count``, ``room:participant``), a text among them redacted."""
    room: dict[str, Any] = {}
    for name, value in attributes.items():
        if not name.startswith(ROOM_PREFIX):
            continue
        if name == ROOM_FROM:
            sources = value.split() if isinstance(value, str) else []
            mapped = [ids[source] for source in sources if source in kept]
            if mapped:
                room[name] = " ".join(mapped)
        else:
            room[name] = redact(value) if isinstance(value, str) else value
    return room


def _document(
    doc: MapDocument,
    nodes: list[Any],
    edges: list[EdgeModel],
    ids: dict[str, str],
    redact: Callable[[str], str],
) -> MapDocument:
    copy = MapDocument.new(redact(doc.title))
    copy.description = redact(doc.description)
    copy.created, copy.modified = doc.created, doc.modified
    copy.nodes, copy.edges = nodes, edges
    copy.views = [
        view.model_copy(
            update={
                "name": redact(view.name),
                "notes": redact(view.notes),
                "nodes": None if view.nodes is None else [ids[n] for n in view.nodes if n in ids],
                "highlighted": [ids[n] for n in view.highlighted if n in ids],
            }
        )
        for view in doc.views
    ]
    copy.reindex()
    return copy


# -- the key ---------------------------------------------------------------------------------------


def key_path(path: str | os.PathLike[str]) -> Path:
    """Where the key of a copy saved at ``path`` is written: ``NAME.key.json`` beside it."""
    path = Path(path)
    return path.with_name(f"{path.stem}.key.json")


def write_key(key: dict[str, str], path: str | os.PathLike[str]) -> Path:
    """Write ``key`` (pseudonym to real name) as JSON to ``path``, readable by its owner only
    where the system allows; returns the path.

    Raises
    ------
    MapFileError
        If the file cannot be written.
    """
    path = Path(path)
    data = {"format": KEY_FORMAT, "pseudonyms": key}
    text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    try:
        # The key names people: private before anything is written to it (a new file written
        # over an old one takes its permissions).
        if path.exists():
            os.chmod(path, 0o600)
        else:
            os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        atomic_write(path, text.encode("utf-8"), keep_backup=False)
    except OSError as error:
        raise MapFileError.single(
            path, f"the key could not be written ({error.strerror or error})"
        ) from None
    return path


__all__ = [
    "LEVELS",
    "key_path",
    "name_forms",
    "names_in",
    "person_names",
    "safe_copy",
    "write_key",
]
