"""The multi-pattern search every lexicon uses."""

from __future__ import annotations

from postwise.text.automaton import Automaton, SharedWalk


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


def test_a_merged_walk_finds_what_each_automaton_finds_alone() -> None:
    lexicons = [
        Automaton({"de": 1, "de koers": 2, "koers": 3}),
        Automaton({"koers": "k", "gaat": "g", "verdubbelen": "v"}),
        Automaton({"ers": "x", "rs g": "y"}),
    ]
    texts = ["de koers gaat verdubbelen", "koerskoers de", "niets", "de de de"]
    alone = [[a.iter(t) for a in lexicons] for t in texts]
    walk = SharedWalk()
    for _ in range(SharedWalk.LEARN + 1):  # it learns which automata the checks use
        for text in texts:
            with walk.over(text):
                for a in lexicons:
                    a.iter(text)
    assert walk._merged is not None and len(walk._merged.members) == 3
    for text, expected in zip(texts, alone, strict=True):
        with walk.over(text):
            assert [a.iter(text) for a in lexicons] == expected


def test_outside_the_merged_walk_an_automaton_walks_on_its_own() -> None:
    known, stranger = Automaton({"abc": 1}), Automaton({"bcd": 2})
    walk = SharedWalk()
    for _ in range(SharedWalk.LEARN):
        with walk.over("abcd"):
            known.iter("abcd")
    with walk.over("abcd"):
        assert stranger.iter("abcd") == [(3, 2)]  # not merged: its own walk
        assert known.iter("xabc") == [(3, 1)]  # another text than the check's: its own walk
        assert known.iter("abcd") == [(2, 1)]
