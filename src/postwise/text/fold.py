"""Fold a post into a matching-friendly form while keeping an exact map back to the original.

Folding: case folded, diacritics dropped (``é`` → ``e``, ``ä`` → ``a``), typographic
apostrophes and dashes unified, every white-space character turned into one space. Nearly
all real text folds one character to one character, so the fast path is a single
``str.translate`` with identity offsets; text whose folding changes its length (decomposed
accents, ``ß``, ligatures) takes a slower path that records ``index[i]``, the original offset
of folded character ``i``. Either way :meth:`FoldedText.to_original` maps spans back exactly.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cached_property
from typing import NamedTuple

_SPECIAL = {
    **dict.fromkeys("\u2019\u2018\u02bc\u00b4`\u2032", "'"),
    **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212", "-"),
}
_WORD_RE = re.compile(r"[^\W_]+(?:['\-][^\W_]+)*")
# The leading look-ahead lets the engine skip, in one class test, every position that cannot
# start a sentence end (most of them); it halves the cost of splitting a post.
_SENTENCE_END_RE = re.compile(r"(?=[.!?…\s])(?:[.!?…]+[\"')\]]*\s+|\n\s*|\s+[-–—]\s+)")


def fold_char(char: str) -> str:
    """Fold one character (may return zero or several characters)."""
    if char in _SPECIAL:
        return _SPECIAL[char]
    if char.isspace():
        return " "
    if char.isascii():
        return char.lower()
    decomposed = unicodedata.normalize("NFKD", char)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


class _FoldTable(dict[int, str]):
    """A lazily filled ``str.translate`` table; shared, and safe because entries never change."""

    def __missing__(self, code: int) -> str:
        folded = fold_char(chr(code))
        self[code] = folded
        return folded


_TABLE = _FoldTable()


def fold(text: str) -> str:
    """Fold a term or phrase exactly as posts are folded."""
    return text.translate(_TABLE)


class Span(NamedTuple):
    """A half-open character range ``[start, end)`` (a named tuple: posts make many)."""

    start: int
    end: int


@dataclass(frozen=True)
class FoldedText:
    """A post in folded form with the map back to original offsets (``None``: identity)."""

    original: str
    folded: str
    index: tuple[int, ...] | None = field(default=None, repr=False)

    @classmethod
    def of(cls, original: str) -> FoldedText:
        folded = original.translate(_TABLE)
        if len(folded) == len(original):
            return cls(original, folded, None)
        pieces: list[str] = []
        index: list[int] = []
        for i, char in enumerate(original):
            piece = _TABLE[ord(char)]
            pieces.append(piece)
            index.extend([i] * len(piece))
        index.append(len(original))
        return cls(original, "".join(pieces), tuple(index))

    def to_original(self, start: int, end: int) -> Span:
        """Map a folded range back to the original text's range."""
        if self.index is None:
            return Span(start, end)
        o_start = self.index[start]
        if end <= start:
            return Span(o_start, o_start)
        o_end = self.index[end - 1] + 1
        # Characters that folded to nothing (combining marks) belong to the span they follow.
        while o_end < len(self.original) and not _TABLE[ord(self.original[o_end])]:
            o_end += 1
        return Span(o_start, o_end)

    def index_of(self, original_offset: int) -> int:
        """The folded offset where original character ``original_offset`` begins."""
        if self.index is None:
            return original_offset
        return bisect.bisect_left(self.index, original_offset)

    def original_char(self, folded_offset: int) -> str:
        """The original character behind a folded offset ('' past the end)."""
        if self.index is None:
            return self.original[folded_offset] if folded_offset < len(self.original) else ""
        if folded_offset >= len(self.index) - 1:
            return ""
        return self.original[self.index[folded_offset]]

    def excerpt(self, start: int, end: int) -> str:
        span = self.to_original(start, end)
        return self.original[span.start : span.end]

    @cached_property
    def words(self) -> tuple[tuple[int, int, str], ...]:
        """Words of the folded text as ``(start, end, word)`` in folded offsets."""
        return tuple((m.start(), m.end(), m.group()) for m in _WORD_RE.finditer(self.folded))

    @cached_property
    def sentences(self) -> tuple[Span, ...]:
        """Sentence ranges in folded offsets (split on end punctuation, line breaks and dashes)."""
        spans: list[Span] = []
        start = 0
        for m in _SENTENCE_END_RE.finditer(self.folded):
            if m.start() > start:
                spans.append(Span(start, m.start()))
            start = m.end()
        if start < len(self.folded):
            spans.append(Span(start, len(self.folded)))
        return tuple(spans)

    @cached_property
    def _sentence_starts(self) -> tuple[int, ...]:
        return tuple(span.start for span in self.sentences)

    def sentence_of(self, offset: int) -> Span:
        """The sentence that contains folded ``offset`` (the whole text if none does)."""
        i = bisect.bisect_right(self._sentence_starts, offset) - 1
        if i >= 0 and offset < self.sentences[i].end:
            return self.sentences[i]
        return Span(0, len(self.folded))

    def is_camel_boundary(self, offset: int) -> bool:
        """True where a hashtag or handle changes from lower to upper case (``#Lumora|Life``)."""
        if offset <= 0 or offset >= len(self.folded):
            return False
        here, before = self.original_char(offset), self.original_char(offset - 1)
        if not (here.isupper() and before.islower()):
            return False
        i = offset - 1
        while i > 0 and self.folded[i - 1].isalnum():
            i -= 1
        return i > 0 and self.folded[i - 1] in "#@"
