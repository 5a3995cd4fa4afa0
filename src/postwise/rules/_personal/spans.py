"""Span bookkeeping that stays linear on long posts: a set of disjoint spans and a sentence
index, both searched by bisection (a 100,000-character post may hold thousands of numbers)."""

from __future__ import annotations

import bisect
from collections.abc import Iterable

from postwise.text.fold import FoldedText, Span


class SpanSet:
    """Disjoint half-open spans ``[start, end)``; ``overlaps`` and ``add`` in O(log n)."""

    def __init__(self, spans: Iterable[tuple[int, int]] = ()) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []
        for start, end in sorted(spans):
            if not self.overlaps(start, end):
                self.add(start, end)

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect.bisect_left(self._starts, end)  # spans starting before `end`
        return i > 0 and self._ends[i - 1] > start

    def add(self, start: int, end: int) -> None:
        i = bisect.bisect_left(self._starts, start)
        self._starts.insert(i, start)
        self._ends.insert(i, end)

    def any_within(self, start: int, end: int) -> bool:
        """Does a span start in ``[start, end)``?"""
        i = bisect.bisect_left(self._starts, start)
        return i < len(self._starts) and self._starts[i] < end


class Sentences:
    """The sentence around an offset, by bisection over the post's sentence starts."""

    def __init__(self, text: FoldedText) -> None:
        self._spans = text.sentences
        self._starts = [s.start for s in self._spans]
        self._whole = Span(0, len(text.folded))

    def of(self, offset: int) -> Span:
        i = bisect.bisect_right(self._starts, offset) - 1
        if i >= 0 and offset < self._spans[i].end:
            return self._spans[i]
        return self._whole

    def before(self, span: Span) -> Span | None:
        """The sentence just before ``span`` (``None`` for the first)."""
        i = bisect.bisect_left(self._starts, span.start) - 1
        return self._spans[i] if i >= 0 else None
