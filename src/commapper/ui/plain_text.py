"""User text made safe for Qt: markup that shows it as typed, and menu entries on one line."""

from __future__ import annotations

import html

from commapper.model import printable


def plain_markup(text: str) -> str:
    """Markup that shows ``text`` exactly as typed, line breaks and spaces included: for a
    tooltip, or a message box's informative text.

    Qt renders such text as markup when ``Qt.mightBeRichText`` says it looks like some: a label
    ``<img src=/a/file.png>`` would show that file. Escaped inside a paragraph it is always
    markup, and always shows the characters themselves.

    Examples
    --------
    >>> plain_markup("<img src=/a/file.png>")
    "<p style='white-space:pre-wrap'>&lt;img src=/a/file.png&gt;</p>"
    >>> plain_markup("")
    ''
    """
    return f"<p style='white-space:pre-wrap'>{html.escape(text)}</p>" if text else ""


def menu_text(text: str) -> str:
    """``text`` as a menu entry: on one line, with no control or bidirectional characters (see
    :func:`~commapper.model.printable`), and an ``&`` shown rather than taken for a shortcut key.

    Examples
    --------
    >>> menu_text("R&D\\tmap.commap")
    'R&&D\\\\x09map.commap'
    """
    return printable(text).replace("&", "&&")
