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
posts are, and all cues of a set are found in one Aho-Corasick pass. A language's ``only_in``
section lists cues that are ordinary words in another language (Swedish "order" is a business
order, English "order" often is not): their hits carry the language, for the detector to ask
the post's language about them only when one turns up.

Words inside a link or an e-mail address ("careloop.app/download", "news/record-sales") are
part of an address, not of what the post says: :func:`outside_links` leaves them out.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, NamedTuple

from postwise.text.automaton import Automaton
from postwise.text.fold import FoldedText, fold

# What marks a run of non-space characters as a link or an e-mail address: a scheme, "www.",
# "name@host" or a common domain ending; the run around a mark is the address. Each mark is
# looked for on its own (a pattern that opens with a fixed character is one fast scan; an
# alternation of them is not).
_DOMAIN_END_RE = re.compile(
    r"\.(?:com|org|net|info|io|app|dev|health|eu|se|nl|be|uk|de|fi|no|dk|local|internal)(?![\w-])"
)
_TRAILING = ".,;:!?)]}'\""


def link_spans(folded: str) -> list[tuple[int, int]]:
    """Where the links and e-mail addresses are in a folded text (usually none: quick scans)."""
    marks = [m.start() for m in _DOMAIN_END_RE.finditer(folded)]
    for literal in ("://", "www.", "@"):
        at = folded.find(literal)
        while at >= 0:
            if literal != "@" or (
                0 < at < len(folded) - 1 and folded[at - 1].isalnum() and folded[at + 1].isalnum()
            ):
                marks.append(at)
            at = folded.find(literal, at + 1)
    spans: list[tuple[int, int]] = []
    for mark in sorted(marks):
        if spans and mark < spans[-1][1]:
            continue
        start = folded.rfind(" ", 0, mark) + 1
        end = folded.find(" ", mark)
        end = len(folded) if end < 0 else end
        while end > mark + 1 and folded[end - 1] in _TRAILING:
            end -= 1
        spans.append((start, end))
    return spans


def outside_links(cues: list[Cue], text: FoldedText) -> list[Cue]:
    """``cues`` without those inside a link or an e-mail address."""
    if not cues:
        return cues
    links = link_spans(text.folded)
    if not links:
        return cues
    return [c for c in cues if not any(s <= c.start and c.end <= e for s, e in links)]


class Cue(NamedTuple):
    """One cue found: folded offsets of the whole word(s) it covers and its category."""

    start: int
    end: int
    phrase: str
    category: str
    language: str | None = None


@dataclass(frozen=True)
class _Entry:
    phrase: str
    category: str
    language: str | None
    open_left: bool
    open_right: bool


class CueSet:
    """Categories of cue phrases, compiled once; :meth:`find` is thread-safe."""

    def __init__(self, entries: Iterable[tuple[str, str] | tuple[str, str, str | None]]) -> None:
        """``entries``: ``(phrase, category)`` or ``(phrase, category, only_in_language)``."""
        table: dict[str, list[_Entry]] = {}
        for phrase, category, *only_in in entries:
            raw = phrase.strip()
            open_left, open_right = raw.startswith("*"), raw.endswith("*")
            form = " ".join(fold(raw.strip("*")).split())
            if form:
                entry = _Entry(
                    raw, category, only_in[0] if only_in else None, open_left, open_right
                )
                table.setdefault(form, []).append(entry)
        self.size = len(table)
        self._automaton = Automaton(
            {
                form: (len(form), any(e.open_left for e in found), tuple(found))
                for form, found in table.items()
            }
        )

    @classmethod
    def from_lexicon(
        cls,
        lexicon: Mapping[str, Mapping[str, Any]],
        languages: Iterable[str],
        categories: Iterable[str] | None = None,
        extra: Mapping[str, Iterable[str]] | None = None,
    ) -> CueSet:
        """Build from ``{language: {category: [phrases]}}`` for the given languages.

        ``categories`` keeps only those categories; ``extra`` adds ``{category: [phrases]}``
        in every language (a policy's own additions). A language's ``only_in`` entry holds
        ``{category: [phrases]}`` that count only in posts written in that language.
        """
        wanted = set(categories) if categories is not None else None
        entries: list[tuple[str, str, str | None]] = []
        for lang in languages:
            sections = dict(lexicon.get(lang) or {})
            only_in = sections.pop("only_in", None) or {}
            for category, phrases in sections.items():
                if wanted is None or category in wanted:
                    entries.extend((p, category, None) for p in phrases or [])
            for category, phrases in only_in.items():
                if wanted is None or category in wanted:
                    entries.extend((p, category, lang) for p in phrases or [])
        for category, phrases in (extra or {}).items():
            entries.extend((p, category, None) for p in phrases)
        return cls(entries)

    def find(self, text: FoldedText) -> list[Cue]:
        """Every cue in ``text``, by start offset; overlapping cues are all kept."""
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
                found.append(Cue(s, e, entry.phrase, entry.category, entry.language))
        found.sort(key=lambda c: (c.start, -c.end))
        return found
