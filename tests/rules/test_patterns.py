"""The cue notation: words, optional words, classes, gaps (src/postwise/rules/_patterns.py)."""

from __future__ import annotations

import pytest

from postwise.rules._patterns import CuePatterns
from postwise.text.fold import FoldedText

GROUPS = {
    "price": {
        "classes": {"money": r"€ ?\d+|\d+ ?(?:euro|kr)"},
        "en": ["on the way to (the |)<money>", "heading for (a new |)record"],
        "sv": ["på väg mot <money>"],
    }
}
PATTERNS = CuePatterns(GROUPS, ["en", "sv"])


def found(text: str) -> list[str]:
    folded = FoldedText.of(text)
    return [folded.excerpt(m.start, m.end) for m in PATTERNS.find(folded)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # An optional word before a class: with it and without it.
        ("the share is on the way to €50 now", ["on the way to €50"]),
        ("the share is on the way to the €50 mark", ["on the way to the €50"]),
        # An optional group of words before a plain word.
        ("we are heading for a new record", ["heading for a new record"]),
        ("we are heading for record sales", ["heading for record"]),
        ("aktien är på väg mot 300 kr nu", ["på väg mot 300 kr"]),
    ],
)
def test_the_notation_matches_what_it_says(text: str, expected: list[str]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "on the way to the shop",  # the class must be there
        "on the way to€50",  # words are joined by a space
        "heading for a new start",
    ],
)
def test_a_cue_needs_its_required_parts(text: str) -> None:
    assert found(text) == []
