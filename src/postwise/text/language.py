"""Detect a post's language with lingua, limited to the policy's languages.

Detection costs tens of microseconds, so the engine asks for it only when a finding needs a
message or a detector needs the language (a word that is rude in one language and innocent
in another). The detector is built once per set of languages and shared between threads.
"""

from __future__ import annotations

import re
from functools import cache

from lingua import IsoCode639_1, Language, LanguageDetector, LanguageDetectorBuilder

# Posts are decided on their first few hundred characters in lingua's low-accuracy mode: on
# the dev set that is as right as the high-accuracy mode (120 of 120) at 60% of the cost, and
# the sample keeps the cost flat for long posts.
_SAMPLE = 300
_MAX_MARKS = 3


@cache
def _detector(languages: tuple[str, ...]) -> LanguageDetector:
    langs = [Language.from_iso_code_639_1(IsoCode639_1.from_str(code)) for code in languages]
    if len(langs) == 1:
        langs.append(Language.ENGLISH if langs[0] != Language.ENGLISH else Language.SWEDISH)
    return LanguageDetectorBuilder.from_languages(*langs).with_low_accuracy_mode().build()


# Folded text has no accents left: the function words are ASCII, and so is this scan.
_WORD_RE = re.compile(r"[a-z]+")


@cache
def _function_words(languages: tuple[str, ...]) -> dict[str, tuple[int, ...]]:
    """Function word → the positions in ``languages`` of the languages it belongs to."""
    from postwise.text.data import load_data

    table: dict[str, list[str]] = load_data("text", "function_words.yaml")
    words: dict[str, list[int]] = {}
    for i, lang in enumerate(languages):
        for word in table.get(lang, []):
            words.setdefault(word, []).append(i)
    return {w: tuple(langs) for w, langs in words.items()}


@cache
def _marks(languages: tuple[str, ...]) -> tuple[tuple[int, tuple[str, ...]], ...]:
    """Per language position, the letters or pairs that point to it."""
    from postwise.text.data import load_data

    table: dict[str, list[str]] = load_data("text", "function_words.yaml").get("marks", {})
    return tuple((i, tuple(table[lang])) for i, lang in enumerate(languages) if lang in table)


def quick_language(folded: str, languages: tuple[str, ...], text: str = "") -> str | None:
    """Decide from function words (and ``text``'s telling letters, see the data file) when
    they point clearly to one language, else ``None``.

    Clearly: at least four points for the winner and three times the runner-up's.
    """
    words = _function_words(languages)
    counts = [0] * len(languages)
    for langs in filter(None, map(words.get, _WORD_RE.findall(folded, 0, _SAMPLE))):
        for i in langs:
            counts[i] += 1
    found = _clear_winner(counts, languages)
    if found is None and text:
        sample = text[:_SAMPLE].lower()
        for i, marks in _marks(languages):
            counts[i] += min(_MAX_MARKS, sum(sample.count(mark) for mark in marks))
        found = _clear_winner(counts, languages)
    return found


def _clear_winner(counts: list[int], languages: tuple[str, ...]) -> str | None:
    ranked = sorted(counts, reverse=True)
    best, runner_up = ranked[0], ranked[1] if len(ranked) > 1 else 0
    if best >= 4 and best >= 3 * runner_up:
        return languages[counts.index(best)]
    return None


def detect_language(text: str, languages: tuple[str, ...], folded: str | None = None) -> str | None:
    """ISO 639-1 code of the most likely of ``languages``, or ``None`` when unsure.

    ``folded`` (the post's folded text, when the caller has it) enables the function-word
    pre-check; lingua decides everything that check leaves open.
    """
    if not languages:
        return None
    if len(languages) == 1:
        return languages[0]
    if folded is not None:
        quick = quick_language(folded, languages, text)
        if quick is not None:
            return quick
    found = _detector(tuple(sorted(languages))).detect_language_of(text[:_SAMPLE])
    if found is None:
        return None
    code = str(found.iso_code_639_1.name).lower()
    return code if code in languages else None
