"""User text made safe for a single line of a terminal or a window title."""

from __future__ import annotations

import re

# Control characters (C0, DEL, C1), which a terminal obeys (ESC clears the screen, CR and LF
# forge lines); the bidirectional controls, which reorder what follows them on screen; and half
# of a surrogate pair, which no terminal can encode.
_UNSAFE = re.compile(
    "[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: str) -> str:
    """``text`` on one line with nothing a terminal or a title bar would act on: control and
    bidirectional characters become visible escapes (``\\x1b``, ``\\u202e``), and half of a
    surrogate pair becomes ``\\ud800``.

    Examples
    --------
    >>> printable("Ana\\x1b[2J\\r\\nforged line")
    'Ana\\\\x1b[2J\\\\x0d\\\\x0aforged line'
    >>> printable("Café")
    'Café'
    """
    return _UNSAFE.sub(_escape, text)
