"""Health details about someone other than the author.

A health word from the lexicon (conditions, diagnoses, treatments, sick leave; whole words,
with inflections, never the first half of a compound such as "kankeronderzoek") counts when
the sentence is about another person: the nearest reference before the word is a name
("Mark Verhoeven") or a relation ("my colleague", "vår kollega"), or a third-person pronoun
("his lymphoma", "hon") while a name or relation is in this sentence or the one before.
When the nearest reference is the author ("I", "my leg", "jag är sjukskriven", "mijn
knie"), the detail is the author's own and not someone else's personal data.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from postwise.rules._personal.people import Reference
from postwise.text.data import load_data
from postwise.text.fold import FoldedText, Span, fold
from postwise.text.matcher import Match, TermMatcher, surface_forms


class HealthFinder:
    def __init__(self, languages: Iterable[str], extra_terms: Iterable[str] = ()) -> None:
        data: dict[str, Any] = load_data("lexicons", "personal_data", "health.yaml")
        langs = tuple(languages)
        inflected = [t for lang in langs for t in data.get(lang, {}).get("inflect", [])]
        exact = [t for lang in langs for t in data.get(lang, {}).get("exact", [])]
        exact.extend(extra_terms)
        # One pass for both lists: matched with endings, then an `exact` term is kept only
        # in a form as listed ("sjuk" but not "sjukt": "sjukt bra" means "really good").
        self._matcher = TermMatcher(
            [(t, t) for t in [*inflected, *exact]], languages=langs, inflect=True
        )
        self._exact_forms = {t: frozenset(surface_forms(t)) for t in exact}
        self._not_before = frozenset(
            fold(w) for lang in langs for w in data.get("not_before", {}).get(lang, [])
        )
        self._not_after = frozenset(
            fold(w) for lang in langs for w in data.get("not_after", {}).get(lang, [])
        )

    def terms(self, text: FoldedText) -> list[Match[str]]:
        """Health words in the post (one Aho-Corasick pass)."""
        folded = text.folded
        return [
            m
            for m in self._matcher.find(text)
            if (
                m.term not in self._exact_forms
                or folded[m.start : m.end] in self._exact_forms[m.term]
            )
            and self._next_word(folded, m.end) not in self._not_before
            and self._previous_word(folded, m.start) not in self._not_after
        ]

    def about_others(
        self, text: FoldedText, terms: list[Match[str]], refs: list[Reference]
    ) -> Iterator[Match[str]]:
        """The health words that are about someone else: at most one per sentence."""
        done: set[int] = set()
        for term in sorted(terms, key=lambda m: m.start):
            sentence = text.sentence_of(term.start)
            if sentence.start in done:
                continue
            if self._about_other(text, term, sentence, refs):
                done.add(sentence.start)
                yield term

    @staticmethod
    def _about_other(
        text: FoldedText, term: Match[str], sentence: Span, refs: list[Reference]
    ) -> bool:
        people = ("name", "relation")
        # A name that contains the health word ("Cancer Society") is not a person's.
        here = [
            r
            for r in refs
            if sentence.start <= r.start < sentence.end and not (r.start <= term.start < r.end)
        ]
        before = [r for r in here if r.end <= term.start]
        if before:
            nearest = before[-1]
            if nearest.marker in people:
                return True
            if nearest.marker == "first":
                return False
            previous = text.sentence_of(sentence.start - 2) if sentence.start >= 2 else sentence
            return any(
                r.marker in people and previous.start <= r.start < sentence.end for r in refs
            )
        return any(r.marker in people for r in here)

    @staticmethod
    def _previous_word(folded: str, start: int) -> str:
        j = start
        while j > 0 and folded[j - 1] == " ":
            j -= 1
        i = j
        while i > 0 and folded[i - 1].isalnum():
            i -= 1
        return folded[i:j]

    @staticmethod
    def _next_word(folded: str, end: int) -> str:
        i = end
        while i < len(folded) and folded[i] in " -":
            i += 1
        j = i
        while j < len(folded) and folded[j].isalnum():
            j += 1
        return folded[i:j]
