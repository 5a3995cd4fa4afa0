"""respect: swearing, insults, slurs and put-downs in en/sv/nl, through disguises, and never
inside innocent words or another language's false friends."""

from __future__ import annotations

from typing import Any

import pytest

from postwise import CompiledPolicy, Context, Finding, check, load_policy_text
from postwise.policy.starter import dump_policy, starter_policy
from postwise.rules.respect import lexicons, rude_word_matcher
from postwise.text.fold import FoldedText, fold
from tests.conftest import ORG, dev_cases

LANGUAGES = ("en", "sv", "nl")


def policy_with(settings: dict[str, Any] | None = None) -> CompiledPolicy:
    """The dev organisation with only a respect rule."""
    data = starter_policy(ORG)
    data["rules"] = [
        {**rule, "settings": settings or {}} for rule in data["rules"] if rule["kind"] == "respect"
    ]
    return load_policy_text(dump_policy(data), "test policy")


@pytest.fixture(scope="module")
def policy() -> CompiledPolicy:
    return policy_with()


def findings(policy: CompiledPolicy, text: str, language: str | None = None) -> list[Finding]:
    ctx = Context.from_data({"author": {"language": language}} if language else {})
    return [f for f in check(text, ctx, policy).findings if f.kind == "respect"]


def excerpts(policy: CompiledPolicy, text: str) -> list[str]:
    return [f.excerpt for f in findings(policy, text)]


@pytest.mark.parametrize(
    ("note", "text", "expected"),
    [
        # English
        ("a swear word in a verdict on a keynote", "What a load of shit.", ["shit"]),
        ("a swear word with a digit for a letter", "What a load of sh1t.", ["sh1t"]),
        ("an intensifier with a star", "He is a complete f*cking amateur.", ["f*cking", "amateur"]),
        ("an intensifier with two stars", "f**king hell, again", ["f**king"]),
        ("symbols for letters", "$h!t happens at this company", ["$h!t"]),
        ("an insult spelled with spaces", "Management are i d i o t s", ["i d i o t s"]),
        ("an insult with a letter held", "what an iiidiot", ["iiidiot"]),
        ("an insult in the plural", "Those morons in procurement did it again", ["morons"]),
        ("a weak word after a cue", "Novexa is run by a bunch of clowns", ["clowns"]),
        ("a weak word after a demonstrative", "Those clowns wouldn't know an endpoint", ["clowns"]),
        ("a compound insult", "what a dumbass move", ["dumbass"]),
        ("a CamelCase hashtag", "Monday again #FuckMondays", ["Fuck"]),
        ("a put-down of women", "She should go back to the kitchen", ["back to the kitchen"]),
        ("a slur", "Stop calling people retards", ["retards"]),
        # Swedish
        ("a Swedish intensifier", "Vilka jävla idioter", ["jävla", "idioter"]),
        ("a Swedish intensifier with a hyphen for ä", "Vilka j-vla idioter", ["j-vla", "idioter"]),
        ("a Swedish intensifier with a star for ä", "så j*vla inkompetenta", ["j*vla"]),
        (
            "a Swedish insult spelled with spaces",
            "Vilka i d i o t e r planerar det här?",
            ["i d i o t e r"],
        ),
        ("a Swedish insult in the definite plural", "Idioterna på E6:an igen", ["Idioterna"]),
        ("a Swedish compound with skit-", "Vilket skitbolag alltså", ["skitbolag"]),
        ("a Swedish compound ending in -idiot", "Trafikidioterna på E6", ["Trafikidioterna"]),
        (
            "a Swedish weak word after ena jävla",
            "Aldermed-gänget är ena jävla clowner",
            ["jävla", "clowner"],
        ),
        ("a Swedish put-down with a cue", "Vilka amatörer på den avdelningen", ["amatörer"]),
        ("a Swedish curse, in a Swedish post", "Fan, nu har det hänt igen.", ["Fan"]),
        # Dutch
        ("a Dutch kut- compound, disguised", "Wat een k*tbedrijf is Aldermed ook.", ["k*tbedrijf"]),
        ("a Dutch kut- compound", "Wat een kutbedrijf is Aldermed ook.", ["kutbedrijf"]),
        ("a Dutch insult in the plural", "zijn echt een stelletje sukkels", ["sukkels"]),
        ("a Dutch insult with zeros for o's", "Wat een kl00tzak", ["kl00tzak"]),
        (
            "a Dutch curse with a masked vowel",
            "Drie keer opgehangen. G*dverdomme.",
            ["G*dverdomme"],
        ),
        ("a Dutch disease curse", "Die teringlijers van de klantenservice", ["teringlijers"]),
        ("a Dutch weak word after stelletje", "een stelletje prutsers daar", ["prutsers"]),
        ("a Dutch insult as a compound", "Die verkeersidioot reed door rood", ["verkeersidioot"]),
        # Vowels left out, dots and spaces between letters
        ("a swear word without its vowels", "fckng printer jammed again", ["fckng"]),
        ("a short swear word without its vowel", "what a load of sht", ["sht"]),
        ("a Swedish curse without its vowel", "jvla tåg, alltid sent", ["jvla"]),
        ("a Dutch insult without its vowels", "die kltzak van de overkant", ["kltzak"]),
        ("a swear word with dots between its letters", "s.h.i.t service", ["s.h.i.t"]),
        ("a Dutch insult spelled with spaces", "echte k l o o t z a k", ["k l o o t z a k"]),
        # Put-downs without a swear word, said of people
        ("a trait said of a department", "Our finance department is clueless", ["clueless"]),
        ("a trait said of them", "Honestly, they're incompetent", ["incompetent"]),
        ("an adjective before people", "Worthless consultants, every one", ["Worthless"]),
        ("an adjective said to the reader", "You are pathetic", ["pathetic"]),
        ("amateurs at an organisation", "the amateurs at the ministry lost it", ["amateurs"]),
        ("amateurs who staff a place", "That helpdesk is staffed by amateurs", ["amateurs"]),
        ("a company as a joke", "What a joke of a company", ["joke of a"]),
        ("a Swedish trait of the board", "Styrelsen är totalt inkompetent", ["inkompetent"]),
        ("Swedish useless bosses", "Värdelösa chefer överallt", ["Värdelösa"]),
        ("Swedish amateurs at management", "Amatörerna i ledningen igen", ["Amatörerna"]),
        ("a Swedish group made of amateurs", "Styrelsen består av amatörer", ["amatörer"]),
        ("Swedish bunglers", "Vilka klåpare", ["klåpare"]),
        (
            "a Dutch trait of the management",
            "De directie is ontzettend incompetent",
            ["incompetent"],
        ),
        ("Dutch brainless politicians", "Hersenloze politici weer", ["Hersenloze"]),
        ("Dutch useless, said to the reader", "Jullie zijn echt waardeloos", ["waardeloos"]),
        ("Dutch bunglers need no cue", "Prutsers, stuk voor stuk", ["Prutsers"]),
        ("Dutch clumsy oafs", "Wat een klunzen", ["klunzen"]),
        ("doughnuts as an insult", "Stelletje oliebollen daar", ["oliebollen"]),
        # Plural and definite forms, compounds
        ("a Swedish definite plural", "Klantskallarna på lagret", ["Klantskallarna"]),
        ("a Swedish definite plural after a cue", "Pajasarna i styrelsen", ["Pajasarna"]),
        ("a Dutch curse as a compound", "Wat een kolerezooi", ["kolerezooi"]),
        ("a Dutch bungler compound", "Wat een prutsbedrijf", ["prutsbedrijf"]),
        ("an acorn that is an insult", "Die eikel van hiernaast toetert weer", ["eikel"]),
        ("a British insult", "Gobshites, the lot of them", ["Gobshites"]),
        ("a Swedish creep after a cue", "Vilket äckel till chef", ["äckel"]),
        ("Dutch dimwits at the council", "Domoren bij de gemeente", ["Domoren"]),
        ("Dutch pricks said to the reader", "Jullie zijn lullen", ["lullen"]),
        ("Dutch fat cats need no cue", "Graaiers, allemaal, daar in de top", ["Graaiers"]),
        ("Swedish clowns at the region", "Pellejönsarna på regionen igen", ["Pellejönsarna"]),
        ("freeloaders at an agency", "Those freeloaders at the agency", ["freeloaders"]),
        ("self-mockery does not excuse swearing", "I'm a f*cking idiot.", ["f*cking"]),
        (
            "an insult about someone else after a first person",
            "I think they are idiots",
            ["idiots"],
        ),
        (
            "short of brains, in a list of faults",
            "Sales reps are all the same: overpaid, underbrained and lazy.",
            ["underbrained"],
        ),
        ("short of brains, before people", "Those pea-brained managers again.", ["pea-brained"]),
        ("Swedish: a hen's brain", "Chefen är en hönshjärna.", ["hönshjärna"]),
        ("Dutch: a hen's brain", "Die managers zijn kippenbreinen.", ["kippenbreinen"]),
        ("Dutch: a disguised lullo", "Gladde l*llo's bij Corvantis.", ["l*llo"]),
        ("parasites said of people", "Pharma reps are parasites, all of them.", ["parasites"]),
        ("Swedish parasites said of people", "Säljarna är parasiter allihop.", ["parasiter"]),
        (
            "Dutch leeches said of people",
            "Die vertegenwoordigers zijn bloedzuigers.",
            ["bloedzuigers"],
        ),
    ],
)
def test_flags(policy: CompiledPolicy, note: str, text: str, expected: list[str]) -> None:
    assert excerpts(policy, text) == expected, note


@pytest.mark.parametrize(
    ("note", "text"),
    [
        # English
        ("a town with a rude word inside", "Huge fan of Scunthorpe Utd now."),
        ("words with a rude word inside", "Let me assess the class over a cocktail."),
        ("a fan is an admirer in English", "Big fan of the new release, great work team."),
        ("a skin prick test is medicine", "Skin prick test results were all negative."),
        ("a clown with no one to insult", "The kids loved the clown at the party."),
        ("amateurs who are simply amateurs", "Amateur astronomers shared great photos."),
        ("a Dutch name that is rude in English", "Dick Bruna blijft een genie in eenvoud."),
        ("mild frustration", "So annoying when the train is late again."),
        ("numbers, codes and handles", "LH-417 in Q3, #EULAR2026, @PyDataAMS, 2FA and boto3"),
        ("a Swedish word that is rude in English", "Kaffet är slut igen, vem köper nytt?"),
        # Swedish
        ("the end of the year", "Nu när vi närmar oss slutet av året vill jag tacka er."),
        (
            "a conclusion and a fan of short talks",
            "Slutsatsen: jag är fortfarande ett stort fan av korta presentationer.",
        ),
        ("mild Swedish frustration", "Jobbigt när man jobbar hemifrån halva veckan."),
        ("a foolproof system", "Ett idiotsäkert system för beställningar."),
        ("a word that looks like a slur without its accent", "Jag vill höra mer om det."),
        ("a Swedish interjection", "Javel, då säger vi så."),
        ("a really good Swedish day", "Skitbra jobbat allihop!"),
        ("a gift", "Vi fick blommorna i skänk."),
        # Dutch
        ("an artist", "Mijn zus, kunstenaar in hart en nieren."),
        ("cancer research", "Twaalf collega's fietsen voor kankeronderzoek."),
        ("a typhoid vaccine", "Het vaccin tegen tyfus is weer op voorraad."),
        ("a Dutch idiom about spending", "We moeten de tering naar de nering zetten."),
        ("a shower", "Na het sporten snel onder de douche."),
        ("ringing the helpdesk", "Ik zat bellend in de trein."),
        ("mild Dutch frustration", "Bestelling nog steeds niet binnen. Balen."),
        ("an irritating Dutch thing", "Irritant dat de printer weer vastloopt."),
        ("a friendly jullie", "Dank jullie wel voor alle felicitaties!!"),
        # Words that are put-downs only when aimed at people
        ("a useless printer", "The printer is completely useless today."),
        ("a useless meeting", "What a useless meeting format, let's fix it."),
        ("a clueless first week", "I felt clueless during my first week, and that is fine."),
        ("generic 'you' in advice", "If you're clueless about pensions, join the webinar."),
        ("we were clueless", "We were clueless about cloud costs a year ago."),
        ("declared incompetent by a court", "The heir was declared incompetent by the court."),
        ("amateur sport", "The amateurs in the village team beat us 3-1."),
        ("a silly idea", "Det var en korkad idé att boka tåget så tidigt."),
        ("my own lack of skill", "Jag var helt inkompetent på Excel när jag började."),
        ("Swedish 'never mind'", "Skit samma, vi kör ändå."),
        ("Swedish praise written apart", "Skit bra jobbat i helgen, allihop!"),
        ("Swedish fun written apart", "Det var skit kul att ses igen."),
        ("Swedish amateurs in a league", "Amatörerna i korpen vann matchen mot oss."),
        ("a silly mistake of mine", "Dat was een domme fout van mij."),
        ("bad weather", "Het weer was waardeloos maar de sfeer was top."),
        ("acorns in autumn", "Zakken vol eikels en kastanjes mee naar huis."),
        ("acorns in the park", "De eekhoorns verstoppen eikels onder de bomen."),
        ("doughnuts at new year", "Oliebollen bakken op oudejaarsavond, heerlijk."),
        ("a whisper", "Psst, the new coffee machine has arrived."),
        ("a medical abbreviation", "CRPS awareness day: what complex regional pain syndrome is."),
        ("delight", "Shut up and take my money, that conference pass is a steal."),
        ("markdown emphasis", "**Sign-in** is now faster for everyone."),
        ("a brain-dead donor", "Organ donation from brain-dead donors saves lives."),
        ("an incompetent heart valve", "When the valves are incompetent, blood flows back."),
        ("invertebrates", "Maneter är ryggradslösa djur."),
        ("Dutch chatting", "We zaten gezellig te lullen bij de koffie."),
        ("feeling short of brains oneself", "I felt pea-brained this morning, no coffee yet."),
        ("one's own hen's brain (sv)", "Min hönshjärna glömde mötet igen."),
        ("one's own hen's brain (nl)", "Mijn kippenbrein vergat de vergadering weer."),
        ("a dog's parasites", "Our dog had parasites after the holiday."),
        ("Swedish: a dog's parasites", "Hunden hade parasiter i magen."),
        ("Dutch: parasites in cats", "Parasieten in de darm van katten."),
        # Self-mockery is no disrespect to anyone
        ("calling yourself an idiot", "I'm such an idiot, left my laptop on the train again."),
        ("feeling like an amateur on stage", "Felt like a total amateur on stage, but it went ok."),
        ("kalla sig själv idiot", "Jag är en sån idiot, glömde datorn på tåget."),
        ("jezelf een sukkel noemen", "Ik ben zo'n sukkel, laptop in de trein laten liggen."),
    ],
)
def test_leaves_alone(policy: CompiledPolicy, note: str, text: str) -> None:
    assert excerpts(policy, text) == [], note


@pytest.mark.parametrize(
    ("note", "text", "fix_text", "label"),
    [
        ("a swear word can simply go", "He is a complete f*cking amateur.", "", "Remove “f*cking”"),
        ("a Swedish intensifier can simply go", "så j*vla inkompetenta", "", "Remove “j*vla”"),
        (
            "a compound keeps its ordinary half",
            "Wat een k*tbedrijf",
            "bedrijf",
            "Replace with “bedrijf”",
        ),
        (
            "a capitalised compound keeps its capital",
            "Skitbolag, allihop",
            "Bolag",
            "Replace with “Bolag”",
        ),
    ],
)
def test_suggests_a_fix(
    policy: CompiledPolicy, note: str, text: str, fix_text: str, label: str
) -> None:
    first = findings(policy, text, "en")[0]
    assert first.fix is not None, note
    assert (first.fix.text, first.fix.label) == (fix_text, label), note
    fixed = text[: first.fix.start] + first.fix.text + text[first.fix.end :]
    assert first.excerpt not in fixed


def test_an_insult_has_no_mechanical_fix(policy: CompiledPolicy) -> None:
    (finding,) = findings(policy, "Those morons in procurement", "en")
    assert finding.fix is None


def test_removing_a_swear_word_leaves_a_clean_sentence(policy: CompiledPolicy) -> None:
    text = "He is a complete f*cking amateur."
    fix = findings(policy, text, "en")[0].fix
    assert fix is not None
    assert text[: fix.start] + fix.text + text[fix.end :] == "He is a complete amateur."


@pytest.mark.parametrize(
    ("language", "text", "words"),
    [
        ("en", "What the f*ck", ("swear word",)),
        ("sv", "Vilka idioter", ("okvädingsord",)),
        ("nl", "Stop calling people retards", ("kwetsend",)),
        ("en", "Novexa is run by a bunch of amateurs", ("talks down",)),
    ],
)
def test_the_message_names_the_excerpt_in_the_authors_language(
    policy: CompiledPolicy, language: str, text: str, words: tuple[str, ...]
) -> None:
    (finding,) = findings(policy, text, language)
    assert finding.language == language
    assert finding.excerpt in finding.message
    assert all(w in finding.message for w in words)
    assert finding.guideline


def test_settings_choose_categories_allow_words_and_add_words() -> None:
    only_slurs = policy_with({"categories": ["slur"]})
    assert excerpts(only_slurs, "f*ck these retards") == ["retards"]
    allowed = policy_with({"allow": ["idiot"]})
    assert excerpts(allowed, "Idiot Proof, the board game, and those morons") == ["morons"]
    extra = policy_with({"extra_words": ["numbskull"]})
    assert excerpts(extra, "what a numbskull") == ["numbskull"]


def test_unknown_settings_are_refused() -> None:
    with pytest.raises(Exception, match="wordz"):
        policy_with({"wordz": ["x"]})


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_lexicon_is_substantial_and_covers_every_category(language: str) -> None:
    (lexicon,) = lexicons((language,))
    entries = {word for _, word in lexicon.forms}
    assert len(entries) >= 60
    assert len(lexicon.forms) >= 200
    assert {w.category for w in entries} == {"profanity", "insult", "slur", "demeaning"}


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_listed_form_is_found_when_written_on_its_own(language: str) -> None:
    """The lexicon and the matcher agree: no form is unreachable (a typo in a rule, a form
    swallowed by its own exception, a weak word whose cues never match)."""
    matcher = rude_word_matcher(LANGUAGES)
    (lexicon,) = lexicons((language,))
    cue = " ".join(lexicon.cues[0]) + " " if lexicon.cues else ""
    # An adjective said of people takes no cue, but counts as what the reader is told they are.
    said_to = {"en": "you are ", "sv": "ni är ", "nl": "jullie zijn "}[language]
    missed = []
    for form, word in lexicon.forms:
        written = next((s for s in sorted(word.spellings) if fold(s) == form), form)
        before = said_to if word.aim in ("people", "trait") else cue
        text = (before + written) if word.needs_cue else written
        hits = matcher.find(FoldedText.of(text))
        if not any(h.end == len(text) for h in hits):
            missed.append(written)
    assert missed == []


@pytest.mark.parametrize("case", [c for c in dev_cases()], ids=lambda c: c["id"])
def test_the_dev_set_labels(policy: CompiledPolicy, case: dict[str, Any]) -> None:
    raised = bool(findings(policy, case["text"]))
    assert raised == ("respect" in case["expect"])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Their reps are a pack of spineless weasels.", ["weasels"]),
        ("Ni på Aurelion är ena fega råttor.", ["råttor"]),
        ("Jullie zijn een stelletje laffe ratten.", ["ratten"]),
        ("We saw rats in the barn again.", []),
        ("Råttor i källaren igen, ring skadedjursfirman.", []),
        ("De ratten in de schuur zijn eindelijk weg.", []),
    ],
)
def test_vermin_called_people_with_a_cue_and_an_adjective_between(
    policy: CompiledPolicy, text: str, expected: list[str]
) -> None:
    assert excerpts(policy, text) == expected
