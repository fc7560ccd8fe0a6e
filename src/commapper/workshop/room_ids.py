"""Ids of a room map's items, made from what they are rather than handed out in turn, so that
merging the room again gives every node and edge the id it had."""

from __future__ import annotations

import hashlib
import re

from commapper.model.items import MAX_ID_CHARS


def key_id(prefix: str, key: str) -> str:
    """An id made from a match key: readable where the key is plain ASCII words and short
    ("c:open-data-circle"), else with a hash of the key ("c:cafe-8c1e0f53aa")."""
    slug = re.sub(r"[^a-z0-9]+", "-", key).strip("-")
    node_id = prefix + slug
    if slug.replace("-", " ") == key and len(node_id) <= MAX_ID_CHARS:
        return node_id
    return hashed_id(prefix + slug[:32].strip("-"), key)


def hashed_id(start: str, key: str) -> str:
    """``start`` and a short hash of ``key``: "c:cafe-8c1e0f53aa", or "e:8c1e0f53aa"."""
    digest = hashlib.blake2b(key.encode("utf-8", "surrogatepass"), digest_size=5).hexdigest()
    return f"{start}{digest}" if start.endswith(":") else f"{start.rstrip('-')}-{digest}"


def unused_id(item_id: str, used: set[str]) -> str:
    """``item_id``, or with a number added when another item has it already (in group order,
    so the same inputs always give the same ids)."""
    candidate, count = item_id, 1
    while candidate in used:
        count += 1
        suffix = f"-{count}"
        candidate = item_id[: MAX_ID_CHARS - len(suffix)] + suffix
    used.add(candidate)
    return candidate
