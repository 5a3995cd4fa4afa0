"""A multi-pattern string search: every occurrence of any of many forms, in one pass.

The engine's lexicons (confidential terms, cue phrases, rude words, credential keywords) are
all found this way. The search is `ahocorasick-rs`_ (the Rust ``aho-corasick`` crate) in its
contiguous-NFA form: it walks a text about twice as fast as a trie-based automaton, and a
policy with 10,000 confidential terms builds in milliseconds.

.. _ahocorasick-rs: https://pypi.org/project/ahocorasick-rs/

:meth:`Automaton.iter` reports every occurrence, overlapping ones included, as ``(offset of
the last character, value)``, ordered by that offset and, among forms that end together, by
their place in the automaton's table; offsets are character offsets into the Python string.

**One walk for a policy** (:class:`SharedWalk`). A check asks a dozen lexicons about the same
folded post. Alone, each walk is quick; one after the other they push each other's tables
out of the processor's caches, and measured inside real checks the dozen walks cost about
three times what they cost alone. So a compiled policy notes which automata its checks use
and, after a few checks, merges them into one: the first lexicon to ask about a post then
walks it once for all, and the others read their share. Results are the same either way
(the order above is kept); a lexicon the merged walk does not know walks on its own.
"""

from __future__ import annotations

import operator
import threading
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from typing import Any, Generic, TypeVar

from ahocorasick_rs import AhoCorasick, Implementation

V = TypeVar("V")


class Automaton(Generic[V]):
    """Compiled once from ``{form: value}``; thread-safe to search.

    ``shared=False`` keeps an automaton out of a policy's merged walk: for one that searches
    something other than a post's folded text.
    """

    def __init__(self, table: Mapping[str, V], *, shared: bool = True) -> None:
        self._forms = [form for form in table if form]
        self._values = [table[form] for form in self._forms]
        self._search = (
            AhoCorasick(self._forms, implementation=Implementation.ContiguousNFA)
            if self._forms
            else None
        )
        self._shared = shared

    def __len__(self) -> int:
        return len(self._values)

    def iter(self, text: str) -> list[tuple[int, V]]:
        """``(last, value)`` for every occurrence of a form in ``text``."""
        if self._search is None:
            return []
        if self._shared:
            walk: _Walking | None = getattr(_current, "walking", None)
            if walk is not None:
                found = walk.share(self, text)
                if found is not None:
                    return found
        return self.own(text)

    def own(self, text: str) -> list[tuple[int, V]]:
        """:meth:`iter` by this automaton's own walk."""
        if self._search is None:
            return []
        values = self._values
        found = [
            (end - 1, i, values[i])
            for i, _, end in self._search.find_matches_as_indexes(text, overlapping=True)
        ]
        return _in_order(found)


def _in_order(found: list[tuple[int, int, Any]]) -> list[tuple[int, Any]]:
    """``(last, value)`` by last character, then by the form's place in its own table: the
    same order whichever walk found them (a walk orders forms that end together its own way).
    ``found`` comes ordered by last character; only forms ending together need sorting."""
    if len(found) > 1 and len({last for last, _, _ in found}) < len(found):
        found.sort(key=_LAST_THEN_FORM)
    return [(last, value) for last, _, value in found]


_LAST_THEN_FORM = operator.itemgetter(0, 1)
_current = threading.local()


class _Merged:
    """Several automata as one: pattern ``i`` is ``forms[i]``, wanted by ``owners[i]``, a
    tuple of ``(member, place in the member's table, value)``."""

    def __init__(self, members: tuple[Automaton[Any], ...]) -> None:
        owners: dict[str, list[tuple[int, int, Any]]] = {}
        for m, member in enumerate(members):
            for i, (form, value) in enumerate(zip(member._forms, member._values, strict=True)):
                owners.setdefault(form, []).append((m, i, value))
        self.members = {id(member): m for m, member in enumerate(members)}
        self._keep = members  # the ids above stay valid while this lives
        forms = list(owners)
        self.owners = [tuple(owners[f]) for f in forms]
        self.search = AhoCorasick(forms, implementation=Implementation.ContiguousNFA)

    def walk(self, text: str) -> dict[int, list[tuple[int, int, Any]]]:
        """Each member's matches, as ``(last, place, value)``; members with none are absent."""
        found: dict[int, list[tuple[int, int, Any]]] = {}
        owners = self.owners
        for i, _, end in self.search.find_matches_as_indexes(text, overlapping=True):
            for m, place, value in owners[i]:
                bucket = found.get(m)
                if bucket is None:
                    found[m] = [(end - 1, place, value)]
                else:
                    bucket.append((end - 1, place, value))
        return found


class _Walking:
    """One check under way: the post's folded text and, once asked, the merged walk over it."""

    __slots__ = ("found", "merged", "seen", "text")

    def __init__(self, merged: _Merged | None, text: str, seen: set[Automaton[Any]] | None) -> None:
        self.merged = merged
        self.text = text
        self.found: dict[int, list[tuple[int, int, Any]]] | None = None
        self.seen = seen

    def share(self, automaton: Automaton[V], text: str) -> list[tuple[int, V]] | None:
        if text is not self.text:
            return None
        if self.seen is not None:
            self.seen.add(automaton)
        merged = self.merged
        if merged is None:
            return None
        m = merged.members.get(id(automaton))
        if m is None:
            return None
        if self.found is None:
            self.found = merged.walk(text)
        mine = self.found.get(m)
        return [] if mine is None else _in_order(mine)


class SharedWalk:
    """A compiled policy's merged walk (see the module's docstring).

    For its first :data:`LEARN` checks it notes the automata asked about each post, then
    merges them; it goes on noting for :data:`WATCH` checks more and merges again, at most
    :data:`MAX_BUILDS` times in all, when checks met automata the merged walk lacks (a rule
    that reads a product's cues only in posts naming a product). Then it stops noting.
    """

    LEARN = 32
    WATCH = 1000
    MAX_BUILDS = 3

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._known: dict[int, Automaton[Any]] = {}
        self._merged: _Merged | None = None
        self._checks = 0
        self._builds = 0

    def begin(self, text: str) -> None:
        """A check of ``text`` (the post's folded text) starts on this thread; :meth:`end`
        must follow (``try``/``finally``)."""
        learning = self._checks < self.LEARN + self.WATCH and self._builds < self.MAX_BUILDS
        _current.walking = _Walking(self._merged, text, set() if learning else None)

    def end(self) -> None:
        walking: _Walking | None = _current.walking
        _current.walking = None
        if walking is not None and walking.seen is not None:
            self._learn(walking.seen)

    @contextmanager
    def over(self, text: str) -> Iterator[None]:
        """:meth:`begin` and :meth:`end` around a block."""
        self.begin(text)
        try:
            yield
        finally:
            self.end()

    def _learn(self, seen: set[Automaton[Any]]) -> None:
        with self._lock:
            self._checks += 1
            for automaton in seen:
                self._known.setdefault(id(automaton), automaton)
            due = (self._merged is None and self._checks >= self.LEARN) or (
                self._merged is not None
                and len(self._known) > len(self._merged.members)
                and (self._checks - self.LEARN) % self.LEARN == 0
            )
            if due and self._builds < self.MAX_BUILDS and self._known:
                self._merged = _Merged(tuple(self._known.values()))
                self._builds += 1
