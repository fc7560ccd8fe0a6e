"""Names taken out of free text, for a room map merged with ``--anonymise``.

People's labels are replaced outright ("Participant 3", "Person 12"); this module finds people's
names inside every other text of the map (a community called "Ana's reading group", a crossing's
label, a tag) and puts the pseudonym in their place. Names are found as the matching keys find
labels (:func:`~commapper.workshop.matching.label_key`): whole words, whatever their case,
accents or punctuation, so "ANA'S", "Ána's" and "ana-s" are all found; an apostrophe or a full
stop also ends a word here, so that "Ana" is found in "Ana's".
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass

from commapper.workshop.matching import JOINERS, MEANINGFUL, label_key

# A word of a name shorter than this is replaced only as part of the whole name: "Al" alone
# would take the first word out of "Al Andalus choir"; "Al" as someone's whole name is replaced.
MIN_NAME_WORD = 3
# What a word replaces when it belongs to the names of several people.
SHARED_NAME_WORD = "[name]"


@dataclass(frozen=True)
class _Word:
    text: str
    start: int  # in the original text
    end: int


class NameScrubber:
    """Replaces people's names in text with their pseudonyms.

    ``names`` maps a name as written (``"Ana Lima"``) to what replaces it (``"Participant 1"``).
    A whole name is replaced by its own pseudonym; a word of it alone ("Lima", three letters or
    more) by the same pseudonym when only one person's name holds that word, else by
    ``[name]``.

    Examples
    --------
    >>> scrub = NameScrubber({"Ana Lima": "Participant 1", "Ana Souza": "Participant 2"})
    >>> scrub("Ána  LIMA's reading group, with ana souza and Ana")
    "Participant 1's reading group, with Participant 2 and [name]"
    """

    def __init__(self, names: Mapping[str, str]) -> None:
        self._phrases: dict[tuple[str, ...], str] = {}
        by_word: dict[str, set[str]] = {}
        for name, pseudonym in names.items():
            # "O'Brien" is one word to the matching keys and two where text is split at its
            # apostrophes (to find "Ana" in "Ana's"): both forms are looked for.
            split = "".join(" " if char in JOINERS else char for char in name)
            for words in {tuple(label_key(name).split()), tuple(label_key(split).split())}:
                if not words:
                    continue
                self._phrases.setdefault(words, pseudonym)
                for word in words:
                    if len(word) >= MIN_NAME_WORD:
                        by_word.setdefault(word, set()).add(pseudonym)
        for word, pseudonyms in by_word.items():
            if (word,) not in self._phrases:
                self._phrases[(word,)] = (
                    next(iter(pseudonyms)) if len(pseudonyms) == 1 else SHARED_NAME_WORD
                )
        self._words = frozenset(word for phrase in self._phrases for word in phrase)
        self._longest = max((len(phrase) for phrase in self._phrases), default=0)

    def __call__(self, text: str) -> str:
        if not self._phrases or not text:
            return text
        words = _words(text)
        if self._words.isdisjoint(word.text for word in words):
            return text
        pieces: list[str] = []
        done = 0  # the original text up to here is in pieces
        index = 0
        while index < len(words):
            for length in range(min(self._longest, len(words) - index), 0, -1):
                phrase = tuple(word.text for word in words[index : index + length])
                pseudonym = self._phrases.get(phrase)
                if pseudonym is not None:
                    pieces.append(text[done : words[index].start])
                    pieces.append(pseudonym)
                    done = words[index + length - 1].end
                    index += length
                    break
            else:
                index += 1
        pieces.append(text[done:])
        return "".join(pieces)


def _words(text: str) -> list[_Word]:
    """The words of ``text`` as ``label_key`` sees them, each with where it stands in ``text``."""
    words: list[_Word] = []
    current: list[str] = []
    start = end = 0
    for position, char in enumerate(text):
        folded = []
        for part in unicodedata.normalize("NFKD", char):
            if unicodedata.combining(part):
                continue
            if part not in JOINERS and (
                part in MEANINGFUL or unicodedata.category(part)[0] not in "PZC"
            ):
                folded.append(part.casefold())
            else:
                folded.append(" ")
        joined = "".join(folded)
        if not joined:  # a combining mark: part of the word it sits in
            if current:
                end = position + 1
            continue
        for piece in joined:
            if piece == " ":
                if current:
                    words.append(_Word("".join(current), start, end))
                    current = []
            else:
                if not current:
                    start = position
                current.append(piece)
                end = position + 1
    if current:
        words.append(_Word("".join(current), start, end))
    return words
