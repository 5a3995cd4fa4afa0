"""Cue phrases with compound marks, for rule kinds that read what a sentence is about.

``disclosure`` and ``quiet_period`` look for cue words (praise, comparisons, business
figures) that Swedish and Dutch glue into compounds: "favoritapp", "jaaromzet",
"halvårsrapporten", "Zentrava-omzet". :class:`~postwise.text.phrases.PhraseSet` matches whole
words only, so cue lists here use two marks, written in the data files:

* ``omzet*`` — the cue may go on into a longer word ("omzetgroei", "omzetten" is the
  data file's job to exclude);
* ``*omzet`` — the cue may close a compound ("jaaromzet", "Benelux-omzet");
* ``*omzet*`` — both.

Without a mark a cue is a whole word (or words) as in ``PhraseSet``. Every cue is folded like
posts are, and all cues of a set are found in one Aho-Corasick pass.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import ahocorasick

from postwise.text.fold import FoldedText, fold


@dataclass(frozen=True)
class Cue:
    """One cue found: folded offsets of the whole word(s) it covers and its category."""

    start: int
    end: int
    phrase: str
    category: str


@dataclass(frozen=True)
class _Entry:
    phrase: str
    category: str
    open_left: bool
    open_right: bool


class CueSet:
    """Categories of cue phrases, compiled once; :meth:`find` is thread-safe."""

    def __init__(self, entries: Iterable[tuple[str, str]]) -> None:
        table: dict[str, list[_Entry]] = {}
        for phrase, category in entries:
            raw = phrase.strip()
            open_left, open_right = raw.startswith("*"), raw.endswith("*")
            form = " ".join(fold(raw.strip("*")).split())
            if form:
                table.setdefault(form, []).append(_Entry(raw, category, open_left, open_right))
        self.size = len(table)
        self._automaton: ahocorasick.Automaton | None = None
        if table:
            automaton = ahocorasick.Automaton()
            for form, found in table.items():
                open_left = any(e.open_left for e in found)
                automaton.add_word(form, (len(form), open_left, tuple(found)))
            automaton.make_automaton()
            self._automaton = automaton

    @classmethod
    def from_lexicon(
        cls,
        lexicon: Mapping[str, Mapping[str, Iterable[str] | None]],
        languages: Iterable[str],
        categories: Iterable[str] | None = None,
        extra: Mapping[str, Iterable[str]] | None = None,
    ) -> CueSet:
        """Build from ``{language: {category: [phrases]}}`` for the given languages.

        ``categories`` keeps only those categories; ``extra`` adds ``{category: [phrases]}``
        in every language (a policy's own additions).
        """
        wanted = set(categories) if categories is not None else None
        entries: list[tuple[str, str]] = []
        for lang in languages:
            for category, phrases in (lexicon.get(lang) or {}).items():
                if wanted is None or category in wanted:
                    entries.extend((p, category) for p in phrases or [])
        for category, phrases in (extra or {}).items():
            entries.extend((p, category) for p in phrases)
        return cls(entries)

    def find(self, text: FoldedText) -> list[Cue]:
        """Every cue in ``text``, by start offset; overlapping cues are all kept."""
        if self._automaton is None:
            return []
        folded = text.folded
        size = len(folded)
        found: list[Cue] = []
        for last, (length, open_left, entries) in self._automaton.iter(folded):
            start, end = last - length + 1, last + 1
            inside_left = start > 0 and folded[start - 1].isalnum() and folded[start].isalnum()
            if inside_left and not open_left:
                continue  # most candidates: a short cue inside a longer word
            inside_right = end < size and folded[end].isalnum() and folded[end - 1].isalnum()
            for entry in entries:
                if inside_left and not entry.open_left:
                    continue
                if inside_right and not entry.open_right:
                    continue
                s, e = start, end
                while entry.open_left and s > 0 and folded[s - 1].isalnum():
                    s -= 1
                while entry.open_right and e < size and folded[e].isalnum():
                    e += 1
                found.append(Cue(s, e, entry.phrase, entry.category))
        found.sort(key=lambda c: (c.start, -c.end))
        return found
