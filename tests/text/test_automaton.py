"""The multi-pattern search every lexicon uses."""

from __future__ import annotations

from postwise.text.automaton import Automaton


def test_every_occurrence_is_reported_with_its_last_character() -> None:
    automaton = Automaton({"he": 1, "she": 2, "hers": 3})
    assert sorted(automaton.iter("ushers")) == [(3, 1), (3, 2), (5, 3)]


def test_offsets_are_character_offsets_in_text_with_emoji_and_accents() -> None:
    automaton = Automaton({"risk-free": 9, "säkert": 6})
    text = "🚀🚀 nu är det säkert, 👍 risk-free"
    spans = [(last + 1 - size, last + 1) for last, size in automaton.iter(text)]
    assert [text[s:e] for s, e in spans] == ["säkert", "risk-free"]


def test_results_come_in_the_order_the_forms_end() -> None:
    automaton = Automaton({"gamma": "g", "alpha": "a", "beta": "b"})
    assert [v for _, v in automaton.iter("alpha beta gamma alpha")] == ["a", "b", "g", "a"]


def test_an_empty_table_finds_nothing() -> None:
    assert Automaton({}).iter("anything") == []
    assert len(Automaton({"": 1})) == 0
