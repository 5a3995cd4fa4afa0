from __future__ import annotations

import pytest

from postwise.text.fold import FoldedText
from postwise.text.matcher import TermMatcher

TERMS = ["Project Heron", "LH-417", "Lumora", "Velyra", "CareLoop", "Noordhaven Zorggroep"]
MATCHER = TermMatcher([(t, t) for t in TERMS])


def found(text: str) -> list[tuple[str, str]]:
    folded = FoldedText.of(text)
    return [(m.term, folded.excerpt(m.start, m.end)) for m in MATCHER.find(folded)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sista sprinten i Heron-projektet", [("Project Heron", "Heron-projektet")]),
        ("het Heronproject verhuist", [("Project Heron", "Heronproject")]),
        ("batch voor #ProjectHeron", [("Project Heron", "ProjectHeron")]),
        ("PROJECT HERON kickoff", [("Project Heron", "PROJECT HERON")]),
        ("klart för projektet Heron nu", [("Project Heron", "projektet Heron")]),
        ("het project-Heron team", [("Project Heron", "project-Heron")]),
        ("the Heron projects' budget", [("Project Heron", "Heron projects")]),
        ("Heronprojektets tidplan", [("Project Heron", "Heronprojektets")]),
        ("our LH 417 poster", [("LH-417", "LH 417")]),
        ("stabiliteten för lh417", [("LH-417", "lh417")]),
        ("LH-417 fase 2", [("LH-417", "LH-417")]),
        ("Velyras lansering", [("Velyra", "Velyras")]),
        ("VELYRA’s launch", [("Velyra", "VELYRA’s")]),
        ("Lumora-aktien upp", [("Lumora", "Lumora")]),
        ("#LumoraLife", [("Lumora", "Lumora")]),
        ("#CareLoop rocks", [("CareLoop", "CareLoop")]),
        ("the noordhaven zorggroep team", [("Noordhaven Zorggroep", "noordhaven zorggroep")]),
    ],
)
def test_terms_match_in_real_surface_forms(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Grey heron at the Kromme Rijn #heron",  # the bare core of a code name is not the name
        "Lumoraxyz is something else",  # no hit inside a longer word
        "flh417x",
        "projectheronx and xheronproject",  # a head does not make a longer word the name
        "velyrakonst",  # not an inflection
    ],
)
def test_no_hit_inside_unrelated_words(text: str) -> None:
    assert found(text) == []


def test_the_longest_overlapping_term_wins() -> None:
    matcher = TermMatcher([("Lumora", "org"), ("Lumora Health", "org-full")])
    folded = FoldedText.of("I work at Lumora Health.")
    assert [m.value for m in matcher.find(folded)] == ["org-full"]
