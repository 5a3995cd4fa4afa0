"""People a post points at: names, relations to the author, and pronouns.

A *name* is two or more capitalised words in a row, with name particles allowed between them
("Mark Verhoeven", "Sanne de Wit", "L. Hendriks"), none of them a word that is not a name
("Utrecht Science Park", "Happy Monday") and none part of the organisation's own names,
products or competitors. A *relation* is a phrase such as "my colleague", "min mamma",
"onze collega". Pronouns tell the author ("I", "jag", "mijn") from someone else ("his",
"hon", "haar"). Everything is in folded offsets.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any, Literal

import regex

from postwise.text.data import load_data
from postwise.text.fold import FoldedText, fold
from postwise.text.phrases import PhraseSet

Marker = Literal["name", "relation", "first", "third"]

# A capitalised word, or an initial with its full stop ("L. Hendriks").
_CAPITALISED = r"(?:\p{Lu}\.|\p{Lu}[\p{Ll}\p{M}'’]+(?:-\p{Lu}[\p{Ll}\p{M}'’]+)*)"
# A word, or an initial with its full stop.
_TOKEN_RE = regex.compile(r"\p{Lu}\.(?=\s)|\p{L}[\p{L}\p{M}'’]*(?:-\p{L}[\p{L}\p{M}'’]*)*")


@dataclass(frozen=True)
class Reference:
    start: int
    end: int
    marker: Marker


class People:
    def __init__(self, languages: Iterable[str]) -> None:
        data: dict[str, Any] = load_data("lexicons", "personal_data", "people.yaml")
        langs = tuple(languages)
        self._relations = PhraseSet({lang: data[lang]["relations"] for lang in langs}, langs)
        self._first = frozenset(fold(w) for lang in langs for w in data[lang]["first"])
        self._third = frozenset(fold(w) for lang in langs for w in data[lang]["third"])
        self._not_names = frozenset(fold(w) for w in data["not_names"])
        particles = "|".join(
            regex.escape(p).replace(r"\ ", "[ \t]+")
            for p in sorted(data["particles"], key=len, reverse=True)
        )
        # Two or more capitalised words (or initials) in a row, particles allowed between.
        self._sequence = regex.compile(
            rf"(?<![\p{{L}}\p{{M}}#@'’-]){_CAPITALISED}"
            rf"(?:[ \t]+(?:(?:{particles})[ \t]+)*{_CAPITALISED})+(?![\p{{L}}\p{{M}}])"
        )

    def references(self, text: FoldedText, entities: list[tuple[int, int]]) -> list[Reference]:
        """Names, relations and pronouns in the order they appear."""
        refs = [Reference(m.start, m.end, "relation") for m in self._relations.find(text)]
        refs.extend(self.names(text, entities))
        inside = [(r.start, r.end) for r in refs]
        for start, end, word in text.words:
            marker: Marker | None = None
            if word in self._first:
                marker = "first"
            elif word in self._third:
                marker = "third"
            if marker and not any(s <= start < e for s, e in inside):
                refs.append(Reference(start, end, marker))
        return sorted(refs, key=lambda r: r.start)

    def nearest_before(self, text: FoldedText, start: int, reach: int) -> Marker | None:
        """Who the words just before ``start`` point at (within ``reach`` characters and the
        sentence): the nearest pronoun, relation or capitalised word, if any."""
        low = max(text.sentence_of(start).start, start - reach)
        for rel in self._relations.find(text):
            if low <= rel.start and rel.end <= start:
                low = rel.end  # "my colleague …": the relation is nearer than its "my"
                nearest: Marker | None = "relation"
                break
        else:
            nearest = None
        window = text.excerpt(low, start)
        for m in reversed(list(_TOKEN_RE.finditer(window))):
            word = fold(m.group())
            if word in self._first:
                return "first"
            if word in self._third:
                return "third"
            if m.group()[0].isupper() and word not in self._not_names:
                return "name"
        return nearest

    def names(self, text: FoldedText, entities: list[tuple[int, int]]) -> list[Reference]:
        """Capitalised word sequences that look like a person's name."""
        found: list[Reference] = []
        for m in self._sequence.finditer(text.original):
            for o_start, o_end in self._runs(m.group(), m.start()):
                start, end = text.index_of(o_start), text.index_of(o_end)
                if not any(s < end and start < e for s, e in entities):
                    found.append(Reference(start, end, "name"))
        return found

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
