"""Detect a post's language with lingua, limited to the policy's languages.

Detection costs tens of microseconds, so the engine asks for it only when a finding needs a
message or a detector needs the language (a word that is rude in one language and innocent
in another). The detector is built once per set of languages and shared between threads.
"""

from __future__ import annotations

from functools import cache

from lingua import IsoCode639_1, Language, LanguageDetector, LanguageDetectorBuilder

# Short posts are decided on their first few hundred characters: enough for lingua, and it
# keeps the cost flat for long posts.
_SAMPLE = 400


@cache
def _detector(languages: tuple[str, ...]) -> LanguageDetector:
    langs = [Language.from_iso_code_639_1(IsoCode639_1.from_str(code)) for code in languages]
    if len(langs) == 1:
        langs.append(Language.ENGLISH if langs[0] != Language.ENGLISH else Language.SWEDISH)
    return LanguageDetectorBuilder.from_languages(*langs).build()


def detect_language(text: str, languages: tuple[str, ...]) -> str | None:
    """ISO 639-1 code of the most likely of ``languages``, or ``None`` when unsure."""
    if not languages:
        return None
    if len(languages) == 1:
        return languages[0]
    found = _detector(tuple(sorted(languages))).detect_language_of(text[:_SAMPLE])
    if found is None:
        return None
    code = str(found.iso_code_639_1.name).lower()
    return code if code in languages else None
