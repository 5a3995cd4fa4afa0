"""Find listed terms in a post: Aho-Corasick over folded text with Unicode word boundaries.

A term is expanded once, at compile time, into the surface forms people write: any case or
accents (folding), separators between parts (``LH-417``, ``LH 417``, ``lh417``), CamelCase
(``CareLoop``, ``care loop``), and code names with a generic head in either order and any
language (``Project Heron``, ``Heron-projektet``, ``Heronproject``). At match time a hit must
start and end on a word boundary; it may end in an inflection of the post's languages
(``Velyras``), a hyphenated compound (``Lumora-aktien``) or a CamelCase step inside a hashtag
(``#LumoraLife``). No hit is ever taken from inside an unrelated longer word.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from typing import Generic, NamedTuple, TypeVar

from postwise.text.automaton import Automaton
from postwise.text.data import load_data
from postwise.text.fold import FoldedText, fold

T = TypeVar("T")

_PART_RE = re.compile(r"[^\W_]+")
_CAMEL_RE = re.compile(r"(?<=[a-zà-ÿ])(?=[A-Z])|(?<=[A-Za-z])(?=\d)|(?<=\d)(?=[A-Za-z])")
_JOINERS = (" ", "-", "")


class Match(NamedTuple, Generic[T]):
    """One hit: folded offsets ``[start, end)`` and the value the term was listed with."""

    start: int
    end: int
    term: str
    value: T


def term_parts(term: str) -> list[str]:
    """Split a term into folded parts at separators, CamelCase and letter/digit steps."""
    parts: list[str] = []
    for chunk in _PART_RE.findall(term):
        parts.extend(p for p in _CAMEL_RE.split(chunk) if p)
    return [fold(p) for p in parts]


def surface_forms(term: str) -> set[str]:
    """Every folded form of ``term`` that counts as the term itself."""
    plain, cores, heads = term_shape(term)
    forms = set(plain)
    for core_form in cores:
        for head_form in heads:
            for joiner in _JOINERS:
                forms.add(f"{head_form}{joiner}{core_form}")
                forms.add(f"{core_form}{joiner}{head_form}")
    return forms


def term_shape(term: str) -> tuple[set[str], set[str], tuple[str, ...]]:
    """``(plain forms, core forms, head forms)`` of ``term``.

    A code name with a generic head ("Project Heron") is its core ("heron") next to any form
    of the head, before or after it, joined by a space, a hyphen or nothing; its plain forms
    are then only the term as written. Any other term has only plain forms.
    """
    bare = term.strip().lstrip("#@")
    plain = {fold(bare)}
    parts = term_parts(bare)
    if not parts:
        return {f for f in plain if f}, set(), ()
    heads: dict[str, list[str]] = load_data("text", "heads.yaml")
    if len(parts) > 1 and (parts[0] in heads or parts[-1] in heads):
        head = parts[0] if parts[0] in heads else parts[-1]
        core = parts[1:] if parts[0] in heads else parts[:-1]
        return {f for f in plain if f}, {f for f in _joined(core) if f}, tuple(heads[head])
    plain.update(_joined(parts))
    return {f for f in plain if f}, set(), ()


def _joined(parts: Sequence[str]) -> set[str]:
    if len(parts) == 1:
        return {parts[0]}
    return {joiner.join(parts) for joiner in _JOINERS}


def inflection_suffixes(languages: Iterable[str]) -> tuple[str, ...]:
    table: dict[str, list[str]] = load_data("text", "inflection.yaml")
    suffixes = {s for lang in languages for s in table.get(lang, [])}
    return tuple(sorted(suffixes, key=len, reverse=True))


class TermMatcher(Generic[T]):
    """Compile ``(term, value)`` pairs once; :meth:`find` is then thread-safe and fast."""

    def __init__(
        self,
        entries: Iterable[tuple[str, T]],
        *,
        languages: Iterable[str] = ("en", "sv", "nl"),
        inflect: bool = True,
    ) -> None:
        self._suffixes = inflection_suffixes(languages) if inflect else ()
        # A code name's core goes into the automaton once, with its head forms beside it,
        # instead of every head form × joiner × order (48 forms for "Project Heron"): a list
        # of 10,000 code names then compiles in a fraction of the time.
        plain: dict[str, list[tuple[str, T]]] = {}
        headed: dict[str, list[tuple[str, T, tuple[str, ...]]]] = {}
        for term, value in entries:
            forms, cores, heads = term_shape(term)
            for form in forms:
                plain.setdefault(form, []).append((term, value))
            for core in cores:
                headed.setdefault(core, []).append((term, value, heads))
        self.size = len(plain) + len(headed)
        self._automaton = Automaton(
            {
                form: (len(form), tuple(plain.get(form, ())), tuple(headed.get(form, ())))
                for form in {**plain, **headed}
            }
        )

    def find(self, text: FoldedText) -> list[Match[T]]:
        """Leftmost-longest, non-overlapping hits on word boundaries."""
        folded = text.folded
        candidates: list[Match[T]] = []
        for last, (length, values, headed) in self._automaton.iter(folded):
            start = last - length + 1
            if values:
                end = self._bounded(text, start, last + 1)
                if end is not None:
                    candidates.extend(Match(start, end, term, value) for term, value in values)
            for term, value, heads in headed:
                for s, e in _with_head(folded, start, last + 1, heads):
                    end = self._bounded(text, s, e)
                    if end is not None:
                        candidates.append(Match(s, end, term, value))
        return _leftmost_longest(candidates)

    def _bounded(self, text: FoldedText, start: int, end: int) -> int | None:
        """The end of a hit at ``[start, end)`` on word boundaries, or ``None``."""
        folded = text.folded
        if start > 0 and folded[start - 1].isalnum() and not text.is_camel_boundary(start):
            return None
        return self._word_end(text, end)

    def _word_end(self, text: FoldedText, end: int) -> int | None:
        folded = text.folded
        if end >= len(folded) or not folded[end].isalnum():
            if end < len(folded) - 1 and folded[end] == "'" and folded[end + 1] == "s":
                after = end + 2
                if after >= len(folded) or not folded[after].isalnum():
                    return after
            return end
        if text.is_camel_boundary(end):
            return end
        for suffix in self._suffixes:
            after = end + len(suffix)
            if folded.startswith(suffix, end) and (
                after >= len(folded) or not folded[after].isalnum()
            ):
                return after
        return None


def _with_head(
    folded: str, start: int, end: int, heads: tuple[str, ...]
) -> Iterator[tuple[int, int]]:
    """Spans of a code name's core at ``[start, end)`` with a head form before or after it."""
    for head in heads:
        for joiner in _JOINERS:
            before = f"{head}{joiner}"
            if start >= len(before) and folded.startswith(before, start - len(before)):
                yield start - len(before), end
            after = f"{joiner}{head}"
            if folded.startswith(after, end):
                yield start, end + len(after)


def _leftmost_longest(candidates: list[Match[T]]) -> list[Match[T]]:
    if len(candidates) <= 1:
        return candidates
    candidates.sort(key=lambda m: (m.start, m.start - m.end))
    chosen: list[Match[T]] = []
    values_here: list[object] = []
    reach = -1
    for m in candidates:
        if m.start >= reach:
            chosen.append(m)
            values_here = [m.value]
            reach = m.end
        elif (m.start, m.end) == (chosen[-1].start, chosen[-1].end) and m.value not in values_here:
            # The same words listed under several values: keep each value once (a name, a
            # handle and a hashtag that share a form are one mention).
            values_here.append(m.value)
            chosen.append(m)
    return chosen
