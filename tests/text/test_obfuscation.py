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


# Weak words aimed at people: a small lexicon in the data format, with the words that show
# where a weak word is aimed (`targets`), written for these tests.
AIMED: dict[str, Any] = {
    "inflections": {"s": ["s"]},
    "cues": ["bunch of", "what a"],
    "skippable": ["so", "completely", "helt"],
    "targets": {
        "people": ["management", "managers", "board", "ledningen", "politici", "bestuur*"],
        "prepositions": ["at", "in", "på", "bij"],
        "determiners": ["the", "a", "de", "zijn"],
        "copulas": ["is", "are", "was", "were", "är", "zijn"],
        "subjects": ["they're"],
        "addressees": ["you", "you're", "ni", "jullie"],
        "self": ["i", "we", "jag"],
    },
    "words": [
        {"word": "clown", "category": "insult", "inflect": ["s"], "needs_cue": True},
        {"word": "amateur", "category": "demeaning", "inflect": ["s"], "needs_cue": "target"},
        {"word": "useless", "category": "demeaning", "needs_cue": "people"},
        {"word": "clueless", "category": "demeaning", "needs_cue": "trait"},
        {"word": "inkompetent", "category": "demeaning", "needs_cue": "trait"},
        {
            "word": "eikel",
            "category": "insult",
            "inflect": ["s"],
            "not_near": ["eik", "kastanje*", "herfst*"],
        },
        {"word": "klootzak", "category": "insult"},
        {"word": "jävla", "category": "profanity"},
        {"word": "crap", "category": "profanity"},
        {"word": "bastard", "category": "insult", "squeeze": False},
    ],
}


@pytest.fixture(scope="module")
def aimed() -> DisguiseMatcher:
    return DisguiseMatcher([Lexicon.from_data(AIMED, "xx")])


@pytest.mark.parametrize(
    ("note", "text", "expected"),
    [
        ("a cue word after a cue", "what a clown", ["clown"]),
        ("a target word after a cue", "a bunch of amateurs", ["amateurs"]),
        ("a target word at an organisation", "the amateurs at the board", ["amateurs"]),
        ("a target word as a predicate of people", "management are amateurs", ["amateurs"]),
        ("a people adjective before people", "useless managers again", ["useless"]),
        ("a people adjective said to the reader", "you're so useless", ["useless"]),
        ("a people adjective as a predicate of people", "the board is useless", ["useless"]),
        ("a trait of someone else", "they're clueless", ["clueless"]),
        ("a trait as a predicate", "the new hire was completely clueless", ["clueless"]),
        ("a trait said to the reader", "ni är helt inkompetent", ["inkompetent"]),
        ("a Dutch 'zijn' is a verb before the word", "jullie zijn inkompetent", ["inkompetent"]),
        ("an insult with no innocent word near", "wat een eikel is dat", ["eikel"]),
        ("a word without its vowel", "wat een kltzak", ["kltzak"]),
    ],
)
def test_weak_words_count_when_aimed_at_people(
    aimed: DisguiseMatcher, note: str, text: str, expected: list[str]
) -> None:
    assert [written for written, _ in found(aimed, text)] == expected, note


@pytest.mark.parametrize(
    ("note", "text"),
    [
        ("a cue word needs its cue", "the clowns at the board"),
        ("a target word among things", "the amateurs in the garden"),
        ("a people adjective about a thing", "the printer is completely useless"),
        ("a people adjective takes no cue", "what a useless meeting"),
        ("a trait of the author", "I was clueless"),
        ("a trait of the author, in Swedish", "jag är helt inkompetent"),
        ("a trait of us", "we were clueless back then"),
        ("an insult among oaks, autumn and chestnuts", "eikels en kastanjes uit het bos"),
        ("a short spelling without vowels may be an abbreviation", "CRP levels were normal"),
        ("no vowel-less spelling when the entry says so", "bstard"),
        ("markdown emphasis is not a mask", "**Sign-in** and __init__ and *bold*"),
    ],
)
def test_weak_words_are_left_alone_when_not_aimed_at_people(
    aimed: DisguiseMatcher, note: str, text: str
) -> None:
    assert found(aimed, text) == [], note


def test_spellings_without_vowels_are_added_only_where_they_are_no_word() -> None:
    (lexicon,) = [Lexicon.from_data(AIMED, "xx")]
    forms = {form for form, _ in lexicon.forms}
    assert {"kltzak", "kltzk", "jvla"} - forms == {"jvla"}  # "jvla" is too short: listed by hand
    assert "crp" not in forms  # three letters: an abbreviation (CRP) as often as a disguise
    assert "bstard" not in forms  # squeeze: false


def test_emphasis_around_a_rude_word_is_read_as_markup(matcher: DisguiseMatcher) -> None:
    assert found(matcher, "**shit** and _fuck_") == [("shit", "shit"), ("fuck", "fuck")]


def test_the_same_text_asked_about_twice_is_read_once(matcher: DisguiseMatcher) -> None:
    text = FoldedText.of("what the fuck")
    assert matcher.find(text) is matcher.find(text)


def test_a_weak_word_with_an_unknown_aim_is_refused() -> None:
    entry = {"word": "x", "category": "insult", "needs_cue": "sometimes"}
    with pytest.raises(ValueError, match="needs_cue must be true, target, people or trait"):
        Lexicon.from_data({"words": [entry]}, "xx")
