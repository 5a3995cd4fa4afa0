"""People a post points at: names, relations to the author, and pronouns.

A *name* is two or more capitalised words in a row, with name particles allowed between them
("Mark Verhoeven", "Sanne de Wit", "L. Hendriks"), none of them a word that is not a name
("Utrecht Science Park", "Happy Monday") and none part of the organisation's own names,
products or competitors. A *given* name is a single capitalised word where a common word
would not be capitalised: inside a sentence and not after a preposition of place ("keep Omar
in your thoughts", "sterkte aan Ruud", but not "in Leiden"), or at the start of a sentence
when a department follows ("Lisa på ekonomi", "Jake from accounts"); it is weaker evidence
than a full name. A *relation* is a phrase such as "my colleague", "min mamma", "onze
collega", "pappa". Pronouns tell the author ("I", "jag", "mijn") from someone else ("his",
"hon", "haar"). Everything is in folded offsets.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cached_property
from typing import Any, Literal

import regex

from postwise.rules._personal.spans import Sentences, SpanSet
from postwise.text.data import load_data
from postwise.text.fold import FoldedText, fold
from postwise.text.phrases import PhraseSet

Marker = Literal["name", "given", "relation", "first", "third"]

# A capitalised word, or an initial with its full stop ("L. Hendriks").
_CAPITALISED = r"(?:\p{Lu}\.|\p{Lu}[\p{Ll}\p{M}'’]+(?:-\p{Lu}[\p{Ll}\p{M}'’]+)*)"
# A word, or an initial with its full stop.
_TOKEN_RE = regex.compile(r"\p{Lu}\.(?=\s)|\p{L}[\p{L}\p{M}'’]*(?:-\p{L}[\p{L}\p{M}'’]*)*")
# One capitalised word of three letters or more, not inside a hashtag, handle or longer word.
_GIVEN_RE = regex.compile(
    r"(?<![\p{L}\p{M}\p{N}#@'’._/-])\p{Lu}\p{Ll}[\p{Ll}\p{M}]+"
    r"(?![\p{L}\p{M}\p{N}@/]|[-'’](?!s\b)\p{L})"
)
# "Back from a trip", "Hem från en resa": an adverb, not a person in a department.
_INDEFINITE = frozenset({"a", "an", "en", "ett", "een"})
# What may stand before the first word of a sentence.
_SENTENCE_OPENERS = frozenset('.!?:;\n"“”„«»(•–—-')


def _relations(data: dict[str, list[str]]) -> list[str]:
    """Every "possessive + relation" ("my colleague", "hans fru") and the fixed phrases."""
    pairs = [f"{p} {r}" for p in data["possessives"] for r in data["relations"]]
    return [*pairs, *data.get("phrases", [])]


@dataclass(frozen=True)
class Reference:
    start: int
    end: int
    marker: Marker


class People:
    def __init__(self, languages: Iterable[str]) -> None:
        data: dict[str, Any] = load_data("lexicons", "personal_data", "people.yaml")
        langs = tuple(languages)
        self._relations = PhraseSet({lang: _relations(data[lang]) for lang in langs}, langs)
        self._first = frozenset(fold(w) for lang in langs for w in data[lang]["first"])
        # English "I" is a preposition in Swedish and Dutch ("i går", "i helgen"): it points
        # at the author only in capitals.
        self._capitals_only = frozenset(fold(w) for w in data.get("first_in_capitals", []))
        self._third = frozenset(fold(w) for lang in langs for w in data[lang]["third"])
        self._not_names = frozenset(fold(w) for w in data["not_names"])
        self._relation_nouns = frozenset(
            fold(r) for lang in langs for r in data[lang]["relations"] if " " not in r
        )
        self._places_after = frozenset(
            fold(w) for lang in langs for w in data[lang].get("places_after", [])
        )
        self._departments_after = frozenset(
            fold(w) for lang in langs for w in data[lang].get("departments_after", [])
        )
        self._people_after = tuple(
            fold(w) for lang in langs for w in data[lang].get("people_after", [])
        )
        particles = "|".join(
            regex.escape(p).replace(r"\ ", "[ \t]+")
            for p in sorted(data["particles"], key=len, reverse=True)
        )
        # Two or more capitalised words (or initials) in a row, particles allowed between.
        self._sequence = regex.compile(
            rf"(?<![\p{{L}}\p{{M}}#@'’-]){_CAPITALISED}"
            rf"(?:[ \t]+(?:(?:{particles})[ \t]+)*{_CAPITALISED})+(?![\p{{L}}\p{{M}}])"
        )

    def of(self, text: FoldedText, entities: Callable[[], list[tuple[int, int]]]) -> PostPeople:
        """The people of one post (computed lazily, each part at most once); ``entities``
        gives the spans of the organisation's own names, asked only when names are needed."""
        return PostPeople(self, text, entities)

    def relations(self, text: FoldedText) -> list[tuple[int, int]]:
        return [(m.start, m.end) for m in self._relations.find(text)]

    def pronoun(self, word: str, original: str | None = None) -> Marker | None:
        """The person ``word`` (folded) points at; ``original``, the word as written, decides
        for a word that is first person only in capitals ("I", not Swedish "i")."""
        if word in self._first:
            if word in self._capitals_only and (original is None or not original.isupper()):
                return None
            return "first"
        if word in self._third:
            return "third"
        return None

    def is_name_word(self, word: str) -> bool:
        return word[:1].isupper() and fold(word) not in self._not_names

    def names(self, text: FoldedText, entities: list[tuple[int, int]]) -> list[Reference]:
        """Capitalised word sequences that look like a person's name."""
        found: list[Reference] = []
        known = SpanSet(entities)
        for m in self._sequence.finditer(text.original):
            for o_start, o_end in self._runs(m.group(), m.start()):
                start, end = text.index_of(o_start), text.index_of(o_end)
                if not known.overlaps(start, end):
                    found.append(Reference(start, end, "name"))
        return found

    def given(
        self, text: FoldedText, taken: SpanSet, entities: list[tuple[int, int]]
    ) -> list[Reference]:
        """Single capitalised words that are most likely someone's first name."""
        found: list[Reference] = []
        original = text.original
        known = SpanSet(entities)
        for m in _GIVEN_RE.finditer(original):
            word = m.group()
            if fold(word) in self._not_names:
                continue
            start, end = text.index_of(m.start()), text.index_of(m.end())
            if taken.overlaps(start, end) or known.overlaps(start, end):
                continue
            before = original[max(0, m.start() - 40) : m.start()].rstrip(" \t")
            if _opens_sentence(before):
                # The first word of a sentence is capitalised anyway: a name only when a
                # department or a relation follows ("Lisa på ekonomi", "Tom's wife").
                if not self._person_follows(original, m.end()):
                    continue
            else:
                previous = before.rsplit(None, 1)[-1]
                if fold(previous) in self._places_after and not fold(before).endswith(
                    self._people_after
                ):
                    continue  # "in Leiden", "på Karolinska", but "tänker på Emil"
            found.append(Reference(start, end, "given"))
        return found

    def may_be_name(self, original: str, o_start: int, o_end: int) -> bool:
        """Could the capitalised word ``original[o_start:o_end]`` be (part of) a name? False
        for words that are not names and for the first word of a sentence (unless a
        department follows it)."""
        if fold(original[o_start:o_end]) in self._not_names:
            return False
        before = original[max(0, o_start - 40) : o_start].rstrip(" \t")
        return not _opens_sentence(before) or self._person_follows(original, o_end)

    def _person_follows(self, original: str, end: int) -> bool:
        """Does what follows a capitalised word make it a person: a department ("Lisa på
        ekonomi", "Jake from accounts", but not "Back from a week away") or a relation of
        theirs ("Tom's wife", "Toms fru")?"""
        after = original[end : end + 40].split(None, 2)
        if after and after[0] in ("'s", "’s"):
            after = after[1:]
        if after and fold(after[0].strip(".,!?:;")) in self._relation_nouns:
            return True
        return (
            len(after) >= 2
            and fold(after[0]) in self._departments_after
            and fold(after[1]) not in _INDEFINITE
            and (after[1][:1].islower() or after[1].strip(".,!?").isupper())
        )

    def _runs(self, sequence: str, offset: int) -> Iterator[tuple[int, int]]:
        """Parts of a capitalised sequence between words that are not names, two words or
        more ("Grattis Anna Berg" → "Anna Berg")."""
        first = last = None
        count = 0
        for token in _TOKEN_RE.finditer(sequence):
            word = token.group()
            if not word[0].isupper():
                continue  # a particle: "de" in "Sanne de Wit"
            initial = len(word) == 2 and word.endswith(".")
            if not initial and fold(word) in self._not_names:
                if count >= 2 and first is not None and last is not None:
                    yield offset + first, offset + last
                first = last = None
                count = 0
                continue
            if first is None:
                first = token.start()
            last = token.end()
            count += 1
        if count >= 2 and first is not None and last is not None:
            yield offset + first, offset + last


class PostPeople:
    """Names, relations and pronouns of one post, for the questions the rule asks."""

    def __init__(
        self, people: People, text: FoldedText, entities: Callable[[], list[tuple[int, int]]]
    ) -> None:
        self._people = people
        self._text = text
        self._entities = entities

    @property
    def text(self) -> FoldedText:
        return self._text

    @cached_property
    def sentences(self) -> Sentences:
        return Sentences(self._text)

    @cached_property
    def relations(self) -> list[tuple[int, int]]:
        return self._people.relations(self._text)

    @cached_property
    def _entity_spans(self) -> list[tuple[int, int]]:
        return self._entities()

    @cached_property
    def names(self) -> list[Reference]:
        return self._people.names(self._text, self._entity_spans)

    @cached_property
    def references(self) -> list[Reference]:
        """Names, given names, relations and pronouns in the order they appear."""
        refs = [Reference(s, e, "relation") for s, e in self.relations]
        refs.extend(self.names)
        refs.extend(
            self._people.given(
                self._text, SpanSet((r.start, r.end) for r in refs), self._entity_spans
            )
        )
        inside = SpanSet((r.start, r.end) for r in refs)
        for start, end, word in self._text.words:
            marker = self._people.pronoun(word, self._text.excerpt(start, end))
            if marker and not inside.overlaps(start, end):
                refs.append(Reference(start, end, marker))
        return sorted(refs, key=lambda r: r.start)

    @cached_property
    def _name_spans(self) -> SpanSet:
        return SpanSet((r.start, r.end) for r in self.names)

    def own_before(self, start: int) -> bool:
        """Is the nearest reference before ``start`` in its sentence surely the author ("my"
        in "after my hip replacement")? Reads the words back from ``start`` and gives up, at
        no cost, at anything that could be someone else: a capitalised word or a relation.
        """
        words = self._text.words
        low = self.sentences.of(start).start
        i = bisect.bisect_left(words, (start,)) - 1
        relations = self._relation_spans
        while i >= 0 and words[i][0] >= low:
            word_start, word_end, word = words[i]
            if self._text.original_char(word_start).isupper():
                return False
            if relations.overlaps(word_start, word_end):
                return False
            marker = self._people.pronoun(word, word)
            if marker is not None:
                return marker == "first"
            i -= 1
        return False

    def may_point_at_someone(self, start: int) -> bool:
        """Could the sentence around ``start``, or the one before, point at someone other
        than the author: a relation, a third-person pronoun, or a capitalised word that is
        neither the first of its sentence nor the organisation's? A cheap gate before the
        names of the whole post are looked for."""
        sentence = self.sentences.of(start)
        previous = self.sentences.before(sentence)
        low = previous.start if previous is not None else sentence.start
        words = self._text.words
        lo = bisect.bisect_left(words, (low,))
        hi = bisect.bisect_left(words, (sentence.end,))
        relations = self._relation_spans
        text = self._text
        for word_start, word_end, word in words[lo:hi]:
            if self._people.pronoun(word) == "third" or relations.overlaps(word_start, word_end):
                return True
            head = text.excerpt(word_start, min(word_end, word_start + 2))
            if head[:1].isupper() and head[1:2].islower():
                span = text.to_original(word_start, word_end)
                if self._entity_set.overlaps(word_start, word_end):
                    continue
                if self._people.may_be_name(text.original, span.start, span.end):
                    return True
        return False

    @cached_property
    def _entity_set(self) -> SpanSet:
        return SpanSet(self._entity_spans)

    @cached_property
    def _relation_spans(self) -> SpanSet:
        return SpanSet(self.relations)

    def has_name(self, start: int, end: int) -> bool:
        """Is a person named in ``[start, end)``?"""
        return self._name_spans.any_within(start, end)

    def nearest_before(self, start: int, reach: int) -> Marker | None:
        """Who the words just before ``start`` point at (within ``reach`` characters and the
        sentence): the nearest pronoun, relation or capitalised word, if any."""
        low = max(self.sentences.of(start).start, start - reach)
        nearest: Marker | None = None
        i = bisect.bisect_right(self.relations, (start, start))
        while i > 0:
            i -= 1
            rel_start, rel_end = self.relations[i]
            if rel_start < low:
                break
            if rel_end <= start:
                low = rel_end  # "my colleague …": the relation is nearer than its "my"
                nearest = "relation"
                break
        window = self._text.excerpt(low, start)
        for m in reversed(list(_TOKEN_RE.finditer(window))):
            word = m.group()
            marker = self._people.pronoun(fold(word), word)
            if marker is not None:
                return marker
            if self._people.is_name_word(word):
                return "name"
        return nearest


def _opens_sentence(before: str) -> bool:
    """Does a word right after ``before`` (its preceding text, trailing blanks removed) open a
    sentence?"""
    return not before or before[-1] in _SENTENCE_OPENERS or _is_symbol(before[-1])


def _is_symbol(char: str) -> bool:
    """An emoji or another pictograph (what often opens a line in a post)."""
    return ord(char) > 0x2000 and not char.isalnum()
