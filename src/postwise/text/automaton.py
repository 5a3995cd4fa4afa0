"""A multi-pattern string search: every occurrence of any of many forms, in one pass.

The engine's lexicons (confidential terms, cue phrases, rude words, credential keywords) are
all found this way. The search is `ahocorasick-rs`_ (the Rust ``aho-corasick`` crate) in its
contiguous-NFA form: on this project's posts it walks a text about twice as fast as a
trie-based automaton, and a policy with 10,000 confidential terms (about 100,000 surface
forms) builds in milliseconds instead of a second.

.. _ahocorasick-rs: https://pypi.org/project/ahocorasick-rs/

:meth:`Automaton.iter` reports every occurrence, overlapping ones included, in the order
their last characters come, as ``(offset of the last character, value)``; offsets are
character offsets into the Python string.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Generic, TypeVar

from ahocorasick_rs import AhoCorasick, Implementation

V = TypeVar("V")


class Automaton(Generic[V]):
    """Compiled once from ``{form: value}``; thread-safe to search."""

    def __init__(self, table: Mapping[str, V]) -> None:
        forms = [form for form in table if form]
        self._values = [table[form] for form in forms]
        self._search = (
            AhoCorasick(forms, implementation=Implementation.ContiguousNFA) if forms else None
        )

    def __len__(self) -> int:
        return len(self._values)

    def iter(self, text: str) -> list[tuple[int, V]]:
        """``(last, value)`` for every occurrence of a form in ``text``."""
        if self._search is None:
            return []
        values = self._values
        return [
            (end - 1, values[i])
            for i, _, end in self._search.find_matches_as_indexes(text, overlapping=True)
        ]
