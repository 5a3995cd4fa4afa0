"""Phrase lists per language (lexicons, cue phrases) matched as whole words in folded text.

A phrase file is YAML with one list per language code, e.g.::

    en: [internal only, under nda]
    sv: [konfidentiellt]
    nl: [vertrouwelijk]

``PhraseSet`` matches every listed language at once (posts mix languages); each hit carries
the language its phrase was listed under, so a detector can ask for the post's language only
when a phrase is ambiguous.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from postwise.text.data import load_data
from postwise.text.fold import FoldedText
from postwise.text.matcher import Match, TermMatcher


class PhraseSet:
    def __init__(
        self,
        phrases: Mapping[str, Iterable[str]],
        languages: Iterable[str],
        *,
        inflect: bool = False,
    ) -> None:
        langs = tuple(languages)
        entries = [(p, lang) for lang in langs for p in phrases.get(lang, []) or []]
        self.matcher: TermMatcher[str] = TermMatcher(entries, languages=langs, inflect=inflect)

    @classmethod
    def from_data(cls, *parts: str, languages: Iterable[str], inflect: bool = False) -> PhraseSet:
        """Load ``data/<parts...>`` (e.g. ``"lexicons", "claims", "cues.yaml"``)."""
        return cls(load_data(*parts), languages, inflect=inflect)

    def find(self, text: FoldedText) -> list[Match[str]]:
        return self.matcher.find(text)

    def any(self, text: FoldedText) -> bool:
        return bool(self.matcher.find(text))
