from __future__ import annotations

import pytest

from postwise.text.fold import FoldedText, fold


@pytest.mark.parametrize(
    ("original", "folded"),
    [
        ("Heron", "heron"),
        ("Äntligen SLUTET", "antligen slutet"),
        ("Lumora’s", "lumora's"),
        ("NJ–204", "nj-204"),
        ("tab\tand\nnewline", "tab and newline"),
        ("emoji 🚀 stays", "emoji 🚀 stays"),
    ],
)
def test_folding_is_case_and_accent_blind(original: str, folded: str) -> None:
    assert fold(original) == folded


def test_common_text_folds_one_to_one_with_identity_offsets() -> None:
    text = FoldedText.of("Grüße från Malmö")
    assert text.index is None or len(text.folded) != len(text.original)


@pytest.mark.parametrize(
    ("original", "needle", "expected"),
    [
        ("Ve\u0301lyra launches", "velyra", "Ve\u0301lyra"),  # decomposed accent: slow path
        ("Straße Velyra", "velyra", "Velyra"),  # ß folds to two characters
        ("ﬁne Velyra!", "velyra", "Velyra"),  # a ligature folds to two characters
    ],
)
def test_spans_map_back_exactly_when_folding_changes_length(
    original: str, needle: str, expected: str
) -> None:
    text = FoldedText.of(original)
    start = text.folded.index(needle)
    span = text.to_original(start, start + len(needle))
    assert original[span.start : span.end] == expected
    assert text.index_of(span.start) == start


def test_sentences_split_on_punctuation_and_line_breaks() -> None:
    text = FoldedText.of("Vilket år! Försäljningen slog rekord.\nNästa rad")
    pieces = [text.folded[s.start : s.end] for s in text.sentences]
    assert pieces == ["vilket ar", "forsaljningen slog rekord", "nasta rad"]


def test_camel_case_boundary_only_inside_hashtags() -> None:
    text = FoldedText.of("#LumoraLife and McKinsey")
    assert text.is_camel_boundary(text.folded.index("life"))
    assert not text.is_camel_boundary(text.folded.index("kinsey"))
