"""DisguiseMatcher: lexicon words on word boundaries, through masks, look-alikes and spacing."""

from __future__ import annotations

from typing import Any

import pytest

from postwise.text.fold import FoldedText
from postwise.text.obfuscation import DisguiseMatcher, Lexicon, WordHit

# A small lexicon in the data format, written for these tests.
LEXICON: dict[str, Any] = {
    "inflections": {"s": ["s"], "er": ["er", "erna", "en"]},
    "cues": ["bunch of", "what a", "ena"],
    "skippable": ["bloody", "fucking", "jävla"],
    "self_cues": ["i'm such a", "i'm such an"],
    "words": [
        {"word": "fuck", "category": "profanity", "forms": ["fucking", "fucked"], "remove": True},
        {"word": "shit", "category": "profanity", "inflect": ["s"]},
        {"word": "cunt", "category": "profanity"},
        {
            "word": "idiot",
            "category": "insult",
            "inflect": ["s", "er"],
            "compound": "both",
            "except": ["idiotsäker*"],
        },
        {"word": "kut", "category": "profanity", "compound": "start"},
        {"word": "jävla", "category": "profanity"},
        {"word": "klootzak", "category": "insult"},
        {"word": "godverdomme", "category": "profanity"},
        {"word": "clown", "category": "insult", "inflect": ["s"], "needs_cue": True},
        {"word": "fan", "category": "profanity", "ambiguous": True, "not_in": ["~ av", "big ~"]},
        {"word": "jävel", "category": "insult", "exact": True},
        {"word": "hora", "category": "slur"},
    ],
}


@pytest.fixture(scope="module")
def matcher() -> DisguiseMatcher:
    return DisguiseMatcher([Lexicon.from_data(LEXICON, "xx")])


def found(matcher: DisguiseMatcher, text: str) -> list[tuple[str, str]]:
    """(what was written, how it was read) for each hit."""
    folded = FoldedText.of(text)
    return [(folded.excerpt(h.start, h.end), h.reading) for h in matcher.find(folded)]


@pytest.mark.parametrize(
    ("note", "text", "expected"),
    [
        ("a plain word", "what the fuck", [("fuck", "fuck")]),
        ("a listed form", "fucking hell", [("fucking", "fucking")]),
        ("an inflection", "Idioterna igen", [("Idioterna", "idioterna")]),
        ("one star for one letter", "f*ck this", [("f*ck", "fuck")]),
        ("two stars for two letters", "f**king mess", [("f**king", "fucking")]),
        ("a digit for a letter", "sh1t happens", [("sh1t", "shit")]),
        ("symbols for letters", "$h!t happens", [("$h!t", "shit")]),
        ("zeros for o's", "kl00tzak", [("kl00tzak", "klootzak")]),
        (
            "a hyphen for a letter",
            "Vilka j-vla idioter",
            [("j-vla", "javla"), ("idioter", "idioter")],
        ),
        ("a mask at the start of a compound", "Wat een k*tbedrijf", [("k*tbedrijf", "kutbedrijf")]),
        ("a masked vowel", "G*dverdomme!", [("G*dverdomme", "godverdomme")]),
        ("spaced letters", "Vilka i d i o t e r planerar", [("i d i o t e r", "idioter")]),
        ("spaced letters in brackets", "(i d i o t s)", [("i d i o t s", "idiots")]),
        ("a letter held", "iiidiot", [("iiidiot", "idiot")]),
        ("a vowel held", "fuuuuck", [("fuuuuck", "fuck")]),
        ("a compound with the word first", "Wat een kutbedrijf", [("kutbedrijf", "kutbedrijf")]),
        ("a hyphenated compound", "een kut-bedrijf", [("kut-bedrijf", "kut-bedrijf")]),
        ("a compound with the word last", "trafikidioter", [("trafikidioter", "trafikidioter")]),
        ("a CamelCase hashtag", "#FuckMondays", [("Fuck", "fuck")]),
        ("a cue before a weak word", "what a clown", [("clown", "clown")]),
        ("a cue and a skippable word", "bunch of bloody clowns", [("clowns", "clowns")]),
        ("a cue, then a disguised swear word", "ena j*vla clowner", [("j*vla", "javla")]),
        (
            "swearing at oneself is still swearing",
            "I'm such a fucking idiot",
            [("fucking", "fucking")],
        ),
    ],
)
def test_finds(matcher: DisguiseMatcher, note: str, text: str, expected: list[Any]) -> None:
    assert found(matcher, text) == expected, note


@pytest.mark.parametrize(
    ("note", "text"),
    [
        ("not inside a longer word", "Scunthorpe United"),
        ("not inside a longer word (English)", "Let me assess the class"),
        ("no compound where none is allowed", "shitake"),
        ("a listed exception", "ett idiotsäkert system"),
        ("a compound part of fewer than three letters", "kuts"),
        ("a weak word without a cue", "the kids loved the clown"),
        ("an innocent context", "ett stort fan av korta möten"),
        ("an innocent context (English)", "a big fan of yours"),
        ("accents make it another word (höra is not hora)", "jag vill höra mer"),
        ("an exact word without its accent (javel is not jävel)", "Javel, då säger vi så"),
        ("digits that are simply numbers", "Q3 2026 was up 30%"),
        ("a hashtag, a handle and an e-mail address", "#pydata @lumora mail dev@example.com"),
        ("ordinary hyphenation", "e-post och T-shirt"),
        ("single letters that spell nothing", "a b c d"),
        ("an insult the author aims at themselves", "I'm such an idiot"),
        ("a weak word the author aims at themselves", "I'm such a clown"),
    ],
)
def test_leaves_alone(matcher: DisguiseMatcher, note: str, text: str) -> None:
    assert found(matcher, text) == [], note


def test_a_word_innocent_in_another_language_is_marked_for_a_language_check(
    matcher: DisguiseMatcher,
) -> None:
    (hit,) = matcher.find(FoldedText.of("fan också"))
    assert hit.word.only_in == "xx"


def test_a_compound_says_where_the_lexicon_word_ends(matcher: DisguiseMatcher) -> None:
    folded = FoldedText.of("Wat een k*tbedrijf")
    (hit,) = matcher.find(folded)
    assert isinstance(hit, WordHit)
    assert hit.disguised
    assert hit.stem_end is not None
    assert folded.excerpt(hit.stem_end, hit.end) == "bedrijf"


def test_a_listed_form_is_not_read_as_a_compound(matcher: DisguiseMatcher) -> None:
    (hit,) = matcher.find(FoldedText.of("idioterna"))
    assert hit.stem_end is None


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ({"word": "x", "category": "rude"}, "category must be one of"),
        ({"category": "insult"}, "'word' is missing"),
        ({"word": "x", "category": "insult", "inflect": ["nope"]}, "no inflection class"),
        ({"word": "x", "category": "insult", "colour": "red"}, "unknown key(s) colour"),
        ({"word": "x", "category": "insult", "not_in": ["av"]}, "needs exactly one '~'"),
        ({"word": "x", "category": "insult", "compound": "middle"}, "compound must be"),
    ],
)
def test_a_malformed_lexicon_entry_is_refused_with_its_place(
    entry: dict[str, Any], message: str
) -> None:
    with pytest.raises(ValueError, match="xx lexicon, entry 1") as error:
        Lexicon.from_data({"words": [entry]}, "xx")
    assert message in str(error.value)


def test_an_empty_lexicon_finds_nothing() -> None:
    assert DisguiseMatcher([]).find(FoldedText.of("anything at all")) == []
