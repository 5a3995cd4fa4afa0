"""Health details about someone other than the author.

A health word from the lexicon (conditions, diagnoses, injuries, treatments, hospital stays,
pregnancy, sick leave; whole words, with inflections, never the first half of a compound
such as "kankeronderzoek"; abbreviations such as "MS" only in capitals) counts when the
sentence is about another person: the nearest reference before the word is a name ("Mark
Verhoeven"), a given name ("keep Omar in your thoughts") or a relation ("my colleague", "vår
kollega", "pappa"), or a third-person pronoun ("his lymphoma", "hon") while one of those is
in this sentence or the one before. When the nearest reference is the author ("I", "my leg",
"jag är sjukskriven", "mijn knie"), the detail is the author's own and not someone else's
personal data; a given name counts only when the author is not the subject before it ("I
was taken to Sahlgrenska with a stroke"). People in general between the person and the word
("Anna Berg met patients with diabetes") make the word about them, not about the person.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator
from typing import Any

from postwise.rules._personal.people import Marker, PostPeople, Reference
from postwise.text.data import load_data
from postwise.text.fold import FoldedText, Span, fold
from postwise.text.matcher import Match, TermMatcher, surface_forms

# Between two health words of one list: "cancer och leukemi", "kanker en leukemie".
_COORDINATION = re.compile(r"\s*(?:,|&|/|and|or|och|eller|en|of)?\s*")
_PEOPLE: tuple[Marker, ...] = ("name", "given", "relation")
_WORDS_RE = re.compile(r"\w+")
# Between a health word and the person it is said to: a comma and little else.
_VOCATIVE_GAP = re.compile(r"[^\w]*,[^\w]*(?:(?:dear|lieve|beste|kara|kare)\s+)?")


class HealthFinder:
    def __init__(self, languages: Iterable[str], extra_terms: Iterable[str] = ()) -> None:
        data: dict[str, Any] = load_data("lexicons", "personal_data", "health.yaml")
        langs = tuple(languages)
        inflected = [t for lang in langs for t in data.get(lang, {}).get("inflect", [])]
        exact = [t for lang in langs for t in data.get(lang, {}).get("exact", [])]
        exact.extend(extra_terms)
        acronyms = [t for lang in langs for t in data.get("acronyms", {}).get(lang, [])]
        # Checked against the original text: "MS" but not "Ms", "ALS" but not "als".
        self._acronyms = frozenset(acronyms)
        inflected.extend(acronyms)
        # One pass for both lists: matched with endings, then an `exact` term is kept only
        # in a form as listed ("sjuk" but not "sjukt": "sjukt bra" means "really good").
        # Each term once: a word listed in two languages ("cancer") is still one term.
        self._matcher = TermMatcher(
            [(t, t) for t in dict.fromkeys([*inflected, *exact])], languages=langs, inflect=True
        )
        self._exact_forms = {t: frozenset(surface_forms(t)) for t in exact}
        self._not_before = frozenset(
            fold(w) for lang in langs for w in data.get("not_before", {}).get(lang, [])
        )
        self._not_after = frozenset(
            fold(w) for lang in langs for w in data.get("not_after", {}).get(lang, [])
        )
        self._generic = frozenset(
            fold(w) for lang in langs for w in data.get("generic_people", {}).get(lang, [])
        )
        self._topic_gap = frozenset(
            fold(w) for lang in langs for w in data.get("topic_gap", {}).get(lang, [])
        )
        self._not_phrases = tuple(
            fold(w) for lang in langs for w in data.get("not_phrases", {}).get(lang, [])
        )

    def terms(self, text: FoldedText) -> list[Match[str]]:
        """Health words in the post (one Aho-Corasick pass)."""
        folded = text.folded
        kept: list[Match[str]] = []
        topic_end = -1  # end of the last health word used as a topic ("om cancer")
        for m in self._matcher.find(text):
            forms = self._exact_forms.get(m.term)
            if forms is not None and folded[m.start : m.end] not in forms:
                continue
            if m.term in self._acronyms and not text.excerpt(m.start, m.end).startswith(m.term):
                continue
            if self._next_word(folded, m.end) in self._not_before:
                continue
            if folded.startswith(self._not_phrases, m.start):
                continue
            if m.start > 0 and folded[m.start - 1] in "#@":
                continue  # "#diabetes", "@CancerResearch": a topic or an account
            between = folded[topic_end : m.start] if topic_end >= 0 else ""
            if self._previous_word(folded, m.start) in self._not_after or (
                between and _COORDINATION.fullmatch(between)
            ):
                topic_end = m.end  # "om cancer och leukemi": the second is a topic too
                continue
            kept.append(m)
        return kept

    def about_others(self, terms: list[Match[str]], people: PostPeople) -> Iterator[Match[str]]:
        """The health words that are about someone else: at most one per sentence."""
        done: set[int] = set()
        todo = [
            t
            for t in sorted(terms, key=lambda m: m.start)
            if not people.own_before(t.start) and people.may_point_at_someone(t.start)
        ]
        if not todo:
            # "after my hip replacement", "diabetes sales up 9%": the author's own or nobody's,
            # found without looking for names in the whole post.
            return
        refs = people.references
        starts = [r.start for r in refs]
        for term in todo:
            sentence = people.sentences.of(term.start)
            if sentence.start in done:
                continue
            lo = bisect.bisect_left(starts, sentence.start)
            hi = bisect.bisect_left(starts, sentence.end)
            here = [r for r in refs[lo:hi] if not (r.start <= term.start < r.end)]
            previous = people.sentences.before(sentence)
            if self._about_other(people.text, term, here, previous, refs, starts):
                done.add(sentence.start)
                yield term

    def _about_other(
        self,
        text: FoldedText,
        term: Match[str],
        here: list[Reference],
        previous: Span | None,
        refs: list[Reference],
        starts: list[int],
    ) -> bool:
        # `here`: the references in the term's sentence, except a name that contains the
        # health word itself ("Cancer Society" is not a person's).
        before = [r for r in here if r.end <= term.start]
        if before:
            nearest = before[-1]
            if self._generic_between(text.folded, nearest.end, term.start):
                return False
            if nearest.marker == "given":
                # "I was taken to Sahlgrenska with a stroke": a lone capitalised word after
                # the author as subject is more likely a place than a person.
                return not any(r.marker == "first" for r in before)
            if nearest.marker in _PEOPLE:
                return True
            if nearest.marker == "first":
                return False
            # "He had a stroke": a pronoun counts when someone is named in this sentence or
            # the one before.
            if any(r.marker in _PEOPLE for r in here):
                return True
            if previous is None:
                return False
            lo = bisect.bisect_left(starts, previous.start)
            hi = bisect.bisect_left(starts, previous.end)
            return any(r.marker in _PEOPLE for r in refs[lo:hi])
        # Nobody before the word: the person it is said to ("Get well soon after the
        # surgery, Anna Berg!"), right after it; a lone capitalised word there is too weak.
        after = [r for r in here if r.start >= term.end and r.marker in ("name", "relation")]
        return (
            bool(after)
            and _VOCATIVE_GAP.fullmatch(text.folded, term.end, after[0].start) is not None
        )

    def _generic_between(self, folded: str, start: int, end: int) -> bool:
        """Are people in general, or a topic, named between ``start`` and ``end``?
        ("Anna Berg met patients with diabetes", "Tom Lee on living with MS")"""
        if end - start < 3:
            return False
        words = _WORDS_RE.findall(folded, start, end)
        return any(word in self._generic or word in self._topic_gap for word in words)

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
