"""A first look at a file with millions of values: refusing in a second what is plainly no map.

Checking a file builds every value in it, in pydantic's parser and again as Python objects when
there is something to explain: a 50 MB file of 25 million numbers where the title should be took
10 seconds and 1.6 GB to refuse, a file with one edge too many 6 seconds and 1.8 GB. For such a
file (over 8 MiB, with values outside items or more objects than a map has items) this walks the
top level of the JSON with the standard library's C scanner, one item of ``nodes``, ``edges`` and
``views`` at a time, each dropped once looked at, and refuses at once:

- a list or an object where the map holds text or a number, or under a key it does not know;
- a list of items that is not a list, or has more items than a map may have;
- items that are not JSON objects, once there are as many as a report shows.

Anything else, JSON it cannot read included, is left to the full checks, which explain it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from commapper.io.errors import MAX_REPORTED_PROBLEMS, MapFileError
from commapper.model import Problem, json_path, quoted
from commapper.model.items import MAX_EDGES, MAX_NODES

# Below this size the full checks take two seconds and 350 MB at worst (4 million numbers).
LOOK_FIRST_BYTES = 8 * 2**20
MANY_VALUES = 1_000_000
# A map's values are in its items, a few to a few dozen each; far more values than objects means
# values outside items, where the full checks would build them all to refuse them.
VALUES_PER_OBJECT = 50

_ITEM_LIMITS: dict[str, int | None] = {"nodes": MAX_NODES, "edges": MAX_EDGES, "views": None}
_TEXT_OR_NUMBER = {
    "format": "text",
    "schema_version": "a whole number such as 1",
    "title": "text",
    "description": "text",
    "created": "a date and time written like 2026-11-23T10:30:00Z",
    "modified": "a date and time written like 2026-11-23T10:30:00Z",
}
_SPACE = re.compile(r"[ \t\n\r]*")
_NOT_READ = "; the rest of the file was not read"


def first_look(data: bytes, path: Path | None) -> dict[str, Any] | None:
    """The top-level text and number fields of a large file with values outside items or more
    objects than a map has items; None for any other file, or JSON it could not follow.

    Raises
    ------
    MapFileError
        If the file is plainly not a map, before its values are built.
    """
    if len(data) < LOOK_FIRST_BYTES:
        return None
    values, objects = data.count(b","), data.count(b"{")
    if values < MANY_VALUES or (objects <= MAX_EDGES and values < VALUES_PER_OBJECT * objects):
        return None  # like a map: looking first would only add to the time of the full checks
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None
    walk = _Walk(text, path)
    try:
        return walk.map()
    except (ValueError, IndexError, StopIteration, RecursionError):
        return None  # not JSON as far as it went: the full checks say where and why


class _Walk:
    """A position in the text of a file, and the problems found before it."""

    def __init__(self, text: str, path: Path | None) -> None:
        self.text = text
        self.path = path
        self.at = 0
        self.problems: list[Problem] = []
        # The C scanner json.loads itself uses, for one value at a time; typeshed leaves it out.
        self.scan: Callable[[str, int], tuple[Any, int]] = json.JSONDecoder().scan_once  # type: ignore[attr-defined]

    def map(self) -> dict[str, Any]:
        head: dict[str, Any] = {}
        self.skip_space()
        if self.text[self.at] != "{":
            raise MapFileError.single(
                self.path, "a Commapper map is a JSON object, and this is not one"
            )
        self.at += 1
        self.skip_space()
        if self.text[self.at] == "}":
            return head
        while True:
            key = self.key()
            where = json_path([key])
            if key in _ITEM_LIMITS:
                self.item_list(key, _ITEM_LIMITS[key])
            elif self.text[self.at] in "[{":
                words = _TEXT_OR_NUMBER.get(key)
                message = f"should be {words}" if words else "is not a field Commapper knows"
                found = "a list" if self.text[self.at] == "[" else "an object"
                self.stop(Problem(where, f"{message} (found {found})"))
            else:
                head[key], self.at = self.scan(self.text, self.at)
                if key not in _TEXT_OR_NUMBER:
                    self.add(Problem(where, "is not a field Commapper knows (unknown key)"))
            if not self.next_in("}"):
                return head

    def key(self) -> str:
        """The key that starts here, leaving the position at its value."""
        key, self.at = self.scan(self.text, self.at)
        if not isinstance(key, str):
            raise ValueError("a key is not text")
        self.skip_space()
        if self.text[self.at] != ":":
            raise ValueError("no colon after a key")
        self.at += 1
        self.skip_space()
        return key

    def item_list(self, key: str, limit: int | None) -> None:
        if self.text[self.at] == "{":
            self.stop(Problem(key, "should be a JSON list (found an object)"))
        if self.text[self.at] != "[":
            value, self.at = self.scan(self.text, self.at)
            self.add(Problem(key, f"should be a JSON list (found {quoted(value)})"))
            return
        self.at += 1
        self.skip_space()
        if self.text[self.at] == "]":
            self.at += 1
            return
        count = 0
        while True:
            if limit is not None and count == limit:
                self.stop(
                    Problem(
                        key, f"the map has more than {limit:,} {key}; at most {limit:,} are allowed"
                    )
                )
            if self.text[self.at] == "[":
                self.stop(Problem(f"{key}[{count}]", "should be a JSON object (found a list)"))
            # Built by the C scanner and dropped at once: only one item is held at a time.
            value, self.at = self.scan(self.text, self.at)
            if not isinstance(value, dict):
                self.add(
                    Problem(f"{key}[{count}]", f"should be a JSON object (found {quoted(value)})")
                )
            count += 1
            if not self.next_in("]"):
                return

    def next_in(self, closing: str) -> bool:
        """After a value: True if another follows (a comma), False at ``closing``."""
        self.skip_space()
        mark = self.text[self.at]
        self.at += 1
        if mark == ",":
            self.skip_space()
            return True
        if mark == closing:
            return False
        raise ValueError(f"expected , or {closing}")

    def skip_space(self) -> None:
        # Whitespace or none: the pattern matches at every position, the end included.
        self.at = _SPACE.match(self.text, self.at).end()  # type: ignore[union-attr]

    def add(self, problem: Problem) -> None:
        if len(self.problems) == MAX_REPORTED_PROBLEMS - 1:
            self.stop(problem)  # as many as a report shows
        self.problems.append(problem)

    def stop(self, problem: Problem) -> None:
        """Refuse here: what follows would cost seconds and gigabytes to read."""
        problem = Problem(problem.path, problem.message + _NOT_READ)
        raise MapFileError(self.path, [*self.problems, problem])
