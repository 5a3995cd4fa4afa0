"""heat: "count to ten" — two signs of anger put a post on a short cooling-off hold."""

from __future__ import annotations

from typing import Any

import pytest

from postwise import CompiledPolicy, Context, Finding, check, load_policy_text
from postwise.policy.starter import dump_policy, starter_policy
from tests.conftest import ORG, dev_cases

DAY = "2026-03-03T14:00:00+01:00"
NIGHT = "2026-03-03T23:40:00+01:00"
SMALL_HOURS = "2026-03-04T00:15:00+01:00"


def policy_with(settings: dict[str, Any] | None = None) -> CompiledPolicy:
    """The dev organisation with only a heat rule."""
    data = starter_policy(ORG)
    data["rules"] = [
        {**rule, "settings": settings or {}} for rule in data["rules"] if rule["kind"] == "heat"
    ]
    return load_policy_text(dump_policy(data), "test policy")


@pytest.fixture(scope="module")
def policy() -> CompiledPolicy:
    return policy_with()


def findings(
    policy: CompiledPolicy, text: str, posted_at: str = DAY, language: str | None = None
) -> list[Finding]:
    data: dict[str, Any] = {"posted_at": posted_at}
    if language:
        data["author"] = {"language": language}
    return [f for f in check(text, Context.from_data(data), policy).findings if f.kind == "heat"]


def signals(policy: CompiledPolicy, text: str, posted_at: str = DAY) -> list[str] | None:
    """The signals of the heat finding, or None when the post is not heated."""
    found = findings(policy, text, posted_at)
    return list(found[0].data["signals"]) if found else None


@pytest.mark.parametrize(
    ("note", "text", "posted_at", "expected"),
    [
        (
            "capitals, ?! and 'you people' in an English complaint",
            "THREE WEEKS and the freezer is STILL not fixed?! Are you people in facilities "
            "even reading the tickets??",
            DAY,
            ["shouting", "exclamation", "hostile_address"],
        ),
        (
            "a Swedish insult, 'ni på kundtjänsten', capitals and !!",
            "Ni på kundtjänsten är så j*vla inkompetenta. TRE VECKOR utan internet nu!!",
            DAY,
            ["shouting", "exclamation", "profanity", "hostile_address"],
        ),
        (
            "Dutch capitals, ?! and a broken promise to 'jullie'",
            "WAAROM krijgen we de nieuwe laptops PAS IN MAART?! Jullie hebben januari beloofd!!",
            DAY,
            ["shouting", "exclamation", "hostile_address"],
        ),
        (
            "?! just after midnight",
            "Varför är det alltid jag som ska fixa releasen mitt i natten?!",
            SMALL_HOURS,
            ["exclamation", "night"],
        ),
        (
            "a Swedish swear word late at night",
            "Aldermed-gänget är ena jävla clowner. Ljuger om sin data.",
            NIGHT,
            ["profanity", "night"],
        ),
        (
            "a disguised English swear word late at night",
            "What a load of sh1t that keynote was.",
            NIGHT,
            ["profanity", "night"],
        ),
        (
            "'jullie bij de klantenservice' and sukkels",
            "Jullie bij de klantenservice zijn echt een stelletje sukkels.",
            DAY,
            ["profanity", "hostile_address"],
        ),
        (
            "one long shouted word and ?!",
            "My heart has been POUNDING all night and the pharmacist just shrugs?!",
            DAY,
            ["shouting", "exclamation"],
        ),
        (
            "one shouted five-letter word and ?!",
            "Dear @SJ, why is the train late AGAIN?!",
            DAY,
            ["shouting", "exclamation"],
        ),
        (
            "'ni på ledningen' and ?!",
            "Ni på ledningen, har ni ens läst mejlet?!",
            DAY,
            ["exclamation", "hostile_address"],
        ),
        (
            "'you people' at night",
            "Honestly, you people never read the tickets.",
            NIGHT,
            ["hostile_address", "night"],
        ),
        # A swear word or an insult said to someone is swearing and hostile address at once.
        (
            "a disguised curse at someone",
            "Whoever parks in the bike lane every morning: f*ck you.",
            DAY,
            ["profanity", "hostile_address"],
        ),
        (
            "a curse without its vowel, with 'off'",
            "Fck off with the new open-plan seating",
            DAY,
            ["profanity", "hostile_address"],
        ),
        (
            "'you' before an insult",
            "You morons deleted the shared drive",
            DAY,
            ["profanity", "hostile_address"],
        ),
        (
            "'you are a complete ...'",
            "You are a complete clown if you approved this",
            DAY,
            ["profanity", "hostile_address"],
        ),
        (
            "Swedish 'ni' before an insult",
            "Ni pucko på lagret tappade pallen",
            DAY,
            ["profanity", "hostile_address"],
        ),
        (
            "Swedish 'din' before an insult",
            "Din idiot, det var min parkering",
            DAY,
            ["profanity", "hostile_address"],
        ),
        (
            "a Swedish curse at someone",
            "Fan ta er som tog sista kaffet",
            DAY,
            ["profanity", "hostile_address"],
        ),
        (
            "a Swedish 'go to hell'",
            "Dra åt helvete med era nya regler",
            DAY,
            ["profanity", "hostile_address"],
        ),
        (
            "Dutch 'jij' before an insult",
            "Jij sukkel, de deur stond open",
            DAY,
            ["profanity", "hostile_address"],
        ),
        (
            "a Dutch disease curse at someone",
            "Krijg de tering met je reclame",
            DAY,
            ["profanity", "hostile_address"],
        ),
        (
            "a Dutch 'rot op'",
            "Rot toch op met die vergaderingen",
            DAY,
            ["profanity", "hostile_address"],
        ),
        # Asking what on earth they are doing
        (
            "an English 'what are you playing at' with ?!",
            "Facilities, what are you playing at?! Heating off in January",
            DAY,
            ["exclamation", "hostile_address"],
        ),
        (
            "a Swedish 'vad gör ni ens' at night",
            "Tredje driftstoppet i veckan, vad gör ni ens på IT",
            NIGHT,
            ["hostile_address", "night"],
        ),
        (
            "a Dutch 'waar zijn jullie mee bezig' with !!",
            "Weer een nieuwe huisstijl. Waar zijn jullie mee bezig!!",
            DAY,
            ["exclamation", "hostile_address"],
        ),
    ],
)
def test_heated_posts(
    policy: CompiledPolicy, note: str, text: str, posted_at: str, expected: list[str]
) -> None:
    assert signals(policy, text, posted_at) == expected, note


@pytest.mark.parametrize(
    ("note", "text", "posted_at"),
    [
        ("one signal is not enough: a late night", "Kan inte sova efter kräftskivan 🦞", NIGHT),
        ("one signal is not enough: happy !!", "Dank jullie wel voor alle felicitaties!!", DAY),
        (
            "one signal is not enough: a swear word by day",
            "Whoever designed the parking system is a complete f*cking amateur.",
            DAY,
        ),
        (
            "abbreviations are not shouting",
            "Nu drar EULAR igång!! CHMP, FHIR, AWS, QA and the EMA all in one week.",
            DAY,
        ),
        (
            "hashtags, handles and codes are not shouting",
            "Poster at #EULAR2026 with @LUMORAHEALTH on LH-417!!",
            DAY,
        ),
        ("a capitalised name is not shouting", "Off to IKEA and then SAAB in Trollhättan!!", DAY),
        ("a friendly 'ni på' is not hostile", "Tack ni på kundtjänsten för hjälpen idag!!", DAY),
        (
            "a friendly 'jullie' is not hostile",
            "Jullie bij de klantenservice zijn top, dank jullie wel!!",
            DAY,
        ),
        ("a friendly 'you all'", "Thank you all so much for coming to the talk!!", DAY),
        ("a greeting to 'ni på HR'", "Hej ni på HR! Glad fredag!!", DAY),
        ("good luck to 'ni på kontoret'", "Lycka till ni på kontoret i Malmö!!", DAY),
        ("good luck to 'jullie in Utrecht'", "Veel succes jullie in Utrecht!!", DAY),
        ("a thank-you emoji", "Tack ni på kundtjänsten 🙏 Bästa supporten!!", DAY),
        ("a question asked twice is not ???", "Anyone at ACR this year?? Let's meet up.", DAY),
        ("a curse about the author's own day", "Fuck, I left my badge at home again.", DAY),
        ("a curse with the author in it", "It really pisses me off when the bus is late.", DAY),
        ("a curse at the weather", "Kut, trein gemist en het regent.", DAY),
        ("a Swedish curse at a thing", "Skit också, glömde laddaren hemma.", DAY),
        ("a warm 'you' with a rough word", "Thank you all, you crazy wonderful people.", DAY),
        ("greetings in Dutch", "Krijg de groeten van iedereen op de afdeling!", DAY),
        ("a warm Dutch 'hou je'", "Hou je taai, lieve collega", DAY),
        ("delight, not a put-down", "Shut up and take my money, what a launch", DAY),
    ],
)
def test_calm_posts(policy: CompiledPolicy, note: str, text: str, posted_at: str) -> None:
    assert signals(policy, text, posted_at) is None, note


def test_the_finding_carries_the_hold_and_is_not_about_one_span(policy: CompiledPolicy) -> None:
    (finding,) = findings(policy, "WHY IS THIS STILL BROKEN?!")
    assert finding.data == {"hold_minutes": 10, "signals": ["shouting", "exclamation"]}
    assert (finding.start, finding.end) == (None, None)
    assert finding.severity == "warn"


def test_the_report_holds_the_post_for_the_cooling_off_time() -> None:
    policy = policy_with({"cooling_off_minutes": 30})
    report = check("WHY IS THIS STILL BROKEN?!", Context.from_data({}), policy)
    assert report.hold_minutes == 30


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("en", ("words in capitals", "“!!” or “?!”", "10 minutes")),
        ("sv", ("ord i versaler", "”!!” eller ”?!”", "10 minuter")),
        ("nl", ("woorden in hoofdletters", "‘!!’ of ‘?!’", "10 minuten")),
    ],
)
def test_the_message_names_the_signals_and_the_wait_in_the_authors_language(
    policy: CompiledPolicy, language: str, words: tuple[str, ...]
) -> None:
    (finding,) = findings(policy, "WHY IS THIS STILL BROKEN?!", language=language)
    assert finding.language == language
    assert all(w in finding.message for w in words), finding.message


@pytest.mark.parametrize(
    ("note", "settings", "text", "posted_at", "raised"),
    [
        (
            "a higher threshold needs three signals",
            {"threshold": 3},
            "Varför alltid mitt i natten?!",
            SMALL_HOURS,
            False,
        ),
        (
            "a higher threshold is met by three",
            {"threshold": 3},
            "WHY IS THIS STILL BROKEN?! You people never listen.",
            DAY,
            True,
        ),
        ("a threshold of one", {"threshold": 1}, "Kan inte sova.", NIGHT, True),
        (
            "the night can start earlier",
            {"night": ["22:00", "06:00"]},
            "Varför alltid jag?!",
            "2026-03-03T22:30:00+01:00",
            True,
        ),
        (
            "the default night has not started at half past ten",
            {},
            "Varför alltid jag?!",
            "2026-03-03T22:30:00+01:00",
            False,
        ),
        (
            "a night that does not pass midnight",
            {"night": ["01:00", "04:00"]},
            "Varför alltid jag?!",
            "2026-03-04T03:30:00+01:00",
            True,
        ),
        (
            "signals can be switched off",
            {"signals": ["shouting", "exclamation"]},
            "Varför alltid jag?!",
            SMALL_HOURS,
            False,
        ),
    ],
)
def test_settings(
    note: str, settings: dict[str, Any], text: str, posted_at: str, raised: bool
) -> None:
    assert bool(findings(policy_with(settings), text, posted_at)) is raised, note


def test_a_post_without_a_time_has_no_night_signal(policy: CompiledPolicy) -> None:
    ctx = Context.from_data({})
    assert not [f for f in check("Varför alltid jag?!", ctx, policy).findings]


@pytest.mark.parametrize(
    "settings", [{"threshold": 0}, {"night": ["25:00", "05:00"]}, {"signals": ["anger"]}]
)
def test_invalid_settings_are_refused(settings: dict[str, Any]) -> None:
    with pytest.raises(Exception):  # noqa: B017 - the policy loader's own error type
        policy_with(settings)


@pytest.mark.parametrize("case", [c for c in dev_cases()], ids=lambda c: c["id"])
def test_the_dev_set_labels(policy: CompiledPolicy, case: dict[str, Any]) -> None:
    posted_at = case["context"].get("posted_at", DAY)
    raised = bool(findings(policy, case["text"], posted_at))
    assert raised == ("heat" in case["expect"])
