"""Language decision: the function-word pre-check decides clear posts, lingua the rest."""

from __future__ import annotations

import pytest
from lingua import LanguageDetector

from postwise.text import language
from postwise.text.fold import fold
from postwise.text.language import detect_language, quick_language

LANGS = ("en", "sv", "nl")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The board said that we will have to wait for the results of the audit.", "en"),
        ("Jag tycker att det är bra och vi ska göra det igen.", "sv"),
        ("Ik vind het echt niet oké dat we er nog steeds op wachten.", "nl"),
        # Few function words: the letters decide (å/ä/ö in Swedish, "ij" in Dutch).
        ("Äntligen! Stabilitetsdatan för läkemedlet ser bra ut efter sex månader.", "sv"),
        ("Tijd voor bijscholing, blij mij!", "nl"),
    ],
)
def test_clear_posts_are_decided_without_lingua(text: str, expected: str) -> None:
    assert quick_language(fold(text), LANGS, text) == expected


def test_an_unclear_post_is_left_to_lingua(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "Big day: CareLoop 2.0 live 🚀"
    assert quick_language(fold(text), LANGS, text) is None
    asked: list[str] = []
    real = language._detector

    def spy(languages: tuple[str, ...]) -> LanguageDetector:
        asked.append(text)
        return real(languages)

    monkeypatch.setattr(language, "_detector", spy)
    detect_language(text, LANGS, fold(text))
    assert asked


def test_a_swedish_place_name_does_not_turn_an_english_post_swedish() -> None:
    text = "Great run along the harbour in Malmö this morning, and the weather was with us."
    assert quick_language(fold(text), LANGS, text) == "en"


def test_only_the_policy_languages_are_candidates() -> None:
    text = "Jag tycker att det är bra och vi ska göra det igen."
    assert quick_language(fold(text), ("en", "nl"), text) is None
    assert detect_language(text, ("en",)) == "en"
