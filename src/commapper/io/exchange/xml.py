"""XML for GraphML and GEXF: read through defusedxml, and text that XML 1.0 cannot hold kept.

A file from another tool is untrusted. defusedxml refuses entity declarations (the billion
laughs, quadratic blow-up) and external entities as soon as the parser meets them, before
anything is expanded or fetched, so a hostile file costs no more than reading its bytes.
"""

from __future__ import annotations

import functools
import re
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import defusedxml
import defusedxml.ElementTree

from commapper.io.errors import MapFileError

Element = ElementTree.Element

# XML 1.0 cannot hold most control characters at all, not even as &#1;, nor U+FFFE and U+FFFF.
# They are written as ESCAPE followed by four hex digits, and so is ESCAPE itself (a character
# of the private use area), so that any text comes back exactly; other tools see the escape.
ESCAPE = "\ue000"
_NOT_IN_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ue000]")
_ESCAPED = re.compile("\ue000([0-9a-f]{4})")


def xml_text(text: str) -> str:
    """``text`` with every character XML cannot hold written as an escape (see ``ESCAPE``)."""
    return _NOT_IN_XML.sub(lambda match: f"{ESCAPE}{ord(match.group()):04x}", text)


def plain_text(text: str) -> str:
    """The text :func:`xml_text` escaped, as it was."""
    if ESCAPE not in text:
        return text
    return _ESCAPED.sub(_unescaped, text)


def _unescaped(match: re.Match[str]) -> str:
    # Only what xml_text escapes: a forged escape of half a surrogate pair stays as it is.
    character = chr(int(match.group(1), 16))
    return character if _NOT_IN_XML.fullmatch(character) else match.group()


_ATTRIBUTE_ESCAPES = str.maketrans(
    {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "\n": "&#10;", "\r": "&#13;",
     "\t": "&#9;"}
)  # fmt: skip
# A reader turns a raw carriage return in text into a line feed: it is written as a reference.
_TEXT_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#13;"})


class XmlWriter:
    """An XML document written straight as text, indented a space a level, every text escaped
    (:func:`xml_text`, then XML's own escapes). ElementTree's tree and serialiser took two
    thirds of writing a large map."""

    def __init__(self) -> None:
        self._parts: list[str] = ['<?xml version="1.0" encoding="UTF-8"?>\n']
        self._open: list[str] = []

    def _start(self, tag: str, attributes: dict[str, str] | None) -> str:
        written = "".join(
            f' {name}="{xml_text(value).translate(_ATTRIBUTE_ESCAPES)}"'
            for name, value in (attributes or {}).items()
        )
        return f"{' ' * len(self._open)}<{tag}{written}"

    def open(self, tag: str, attributes: dict[str, str] | None = None) -> None:
        """Start an element that holds others; :meth:`close` ends it."""
        self._parts.append(self._start(tag, attributes) + ">\n")
        self._open.append(tag)

    def close(self) -> None:
        tag = self._open.pop()
        self._parts.append(f"{' ' * len(self._open)}</{tag}>\n")

    def leaf(
        self, tag: str, attributes: dict[str, str] | None = None, text: str | None = None
    ) -> None:
        """An element with nothing inside, or only ``text``."""
        start = self._start(tag, attributes)
        if text is None:
            self._parts.append(start + "/>\n")
        else:
            self._parts.append(f"{start}>{xml_text(text).translate(_TEXT_ESCAPES)}</{tag}>\n")

    def to_bytes(self) -> bytes:
        if self._open:
            raise ValueError(f"elements left open: {self._open}")
        return "".join(self._parts).encode("utf-8")


def parse_xml(data: bytes, path: Path | None, what: str) -> Element:
    """The root element of ``data``, an XML file that should hold ``what`` ("a GraphML graph").

    Raises
    ------
    MapFileError
        If the bytes are not well-formed XML, or declare entities or refer to anything outside
        the file (refused unread, whatever their size).
    """
    if not data.strip():
        raise MapFileError.single(path, "the file is empty")
    try:
        return defusedxml.ElementTree.fromstring(data)
    except defusedxml.EntitiesForbidden as error:
        if error.sysid is not None or error.pubid is not None:
            raise _external(path) from None
        raise MapFileError.single(
            path,
            f"the file declares XML entities, which {what} never needs and which can make a "
            "small file expand without end (an entity bomb); it was refused unread",
        ) from None
    except defusedxml.ExternalReferenceForbidden:
        raise _external(path) from None
    except defusedxml.DefusedXmlException as error:
        raise MapFileError.single(path, f"the XML was refused for safety ({error})") from None
    except ElementTree.ParseError as error:
        line, column = error.position
        raise MapFileError.single(
            path,
            f"this is not well-formed XML (line {line}, column {column + 1}): {_reason(error)}",
        ) from None


def _external(path: Path | None) -> MapFileError:
    return MapFileError.single(
        path,
        "the file refers to another file or address (an external entity); it was refused "
        "unread, as reading it could reveal files of this computer",
    )


def _reason(error: ElementTree.ParseError) -> str:
    # Expat's message ends with where it went wrong, which is said already.
    return re.sub(r": line \d+, column \d+$", "", str(error))


def local_name(element: Element) -> str:
    """The tag of ``element`` without its namespace: files from other tools use several."""
    tag = element.tag
    return _local(tag) if isinstance(tag, str) else ""


@functools.lru_cache(maxsize=256)
def _local(tag: str) -> str:
    # A file has a few tags, each met thousands of times.
    return tag.rpartition("}")[2]


def children(element: Element, name: str) -> list[Element]:
    """The child elements of ``element`` called ``name`` in any namespace."""
    return [child for child in element if local_name(child) == name]


def child(element: Element, name: str) -> Element | None:
    found = children(element, name)
    return found[0] if found else None


def text_of(element: Element) -> str:
    """The text inside ``element``, elements within it included (yEd nests its labels)."""
    return plain_text("".join(element.itertext()))
