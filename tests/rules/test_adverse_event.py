"""adverse_event: a person's harm or side effect linked to one of the organisation's products,
with a message that says how to report it to drug safety within 24 hours."""

from __future__ import annotations

from typing import Any

import pytest

from postwise import CompiledPolicy, Context, Finding, check
from postwise.policy.errors import PolicyError
from postwise.rules._patterns import lexicon_problems
from tests.conftest import dev_cases, policy_with


@pytest.fixture(scope="module")
def policy() -> CompiledPolicy:
    return policy_with("adverse_event")


def found(policy: CompiledPolicy, text: str, language: str | None = None) -> list[Finding]:
    ctx = Context.from_data({"author": {"language": language}} if language else {})
    return [f for f in check(text, ctx, policy).findings if f.kind == "adverse_event"]


@pytest.mark.parametrize(
    ("note", "text", "excerpt"),
    [
        (
            "someone else's headaches since starting our product",
            "One visitor told me she has had bad headaches and dizzy spells since starting"
            " Zentrava.",
            "headaches",
        ),
        (
            "one's own racing heart",
            "Week 3 on Respiqo and my heart races after every puff.",
            "my heart races",
        ),
        (
            "a shouted symptom",
            "Three nights in a row my heart has been POUNDING after using Respiqo?!",
            "my heart has been POUNDING",
        ),
        (
            "hair loss of a relative",
            "My mum is on Zentrava and now her hair is falling out.",
            "hair is falling out",
        ),
        ("a rash as a question", "Anyone else get a rash after starting Respiqo?", "rash"),
        (
            "a hospital stay",
            "My dad was hospitalised two weeks after starting Zentrava.",
            "hospitalised",
        ),
        (
            "coughing up blood",
            "Been coughing up blood since starting Respiqo.",
            "coughing up blood",
        ),
        (
            "Swedish: lost a lot of hair",
            "Hon har tappat mycket hår sedan hon började med Zentrava.",
            "tappat mycket hår",
        ),
        (
            "Swedish: palpitations",
            "Började med Respiqo och har haft hjärtklappning varje kväll.",
            "hjärtklappning",
        ),
        (
            "Swedish: a side effect by name",
            "Fick biverkningar av Zentrava, någon annan?",
            "biverkningar",
        ),
        ("Swedish: felt sick", "Jag mår illa sedan jag började med Respiqo.", "mår illa"),
        (
            "Dutch: suffering from tingling hands",
            "Sinds hij Zentrava gebruikt heeft hij last van tintelende handen.",
            "last van",
        ),
        (
            "Dutch: dizzy after a double dose",
            "Pil dubbel genomen door CareLoop. Vannacht flink duizelig.",
            "dubbel genomen",
        ),
        (
            "Dutch: an allergic reaction",
            "Mijn buurvrouw kreeg een allergische reactie op Respiqo.",
            "allergische reactie",
        ),
        ("Dutch: palpitations", "Na twee weken Respiqo heb ik hartkloppingen.", "hartkloppingen"),
    ],
)
def test_a_harm_near_our_product_is_found(
    policy: CompiledPolicy, note: str, text: str, excerpt: str
) -> None:
    assert [f.excerpt for f in found(policy, text)] == [excerpt], note


@pytest.mark.parametrize(
    ("note", "text"),
    [
        ("no product of ours", "If methotrexate makes you nauseous, talk to your doctor."),
        ("a competitor's product", "Aldermed's inhaler gave me a hoarse voice for months."),
        (
            "a competitor's harm, our product after it",
            "Novexa's inhaler gave me a hoarse voice, so I switched to Respiqo and it's gone.",
        ),
        ("no side effects", "No side effects at all on Respiqo, and I've used it for a year."),
        ("fewer side effects", "Zentrava has fewer side effects than older DMARDs."),
        ("relief, not harm", "Respiqo helps against the shortness of breath and the coughing."),
        ("only possible", "Zentrava should be taken with food, otherwise you'll feel sick."),
        ("trial data, no person", "Safety data was presented: infections on Zentrava were rare."),
        ("a condition in a product name", "My hay-fever tablets and CareLoop, best friends."),
        ("news", "Big day: Respiqo approved in Norway! So proud of this team."),
        ("a headache without a product", "Headache all day after our offsite #LumoraLife"),
        (
            "a training reminder",
            "Reminder: report side effect reports for Respiqo within 24 hours.",
        ),
        ("Swedish: no side effects", "Inga biverkningar alls av Zentrava för min del!"),
        ("Swedish: relief", "Zentrava minskar trötthet hos patienter med RA."),
        (
            "Dutch: the leaflet, no person",
            "Nieuwe bijsluiter voor Respiqo online, met alle bijwerkingen.",
        ),
        (
            "Dutch: a study result",
            "De uitslag van de Respiqo-studie wordt volgende maand gepubliceerd.",
        ),
        ("Dutch: arrived", "Respiqo is aangekomen in de apotheken in België!"),
        ("Dutch: no complaints", "Geen klachten meer sinds Respiqo, heerlijk."),
    ],
)
def test_look_alikes_are_not_harm(policy: CompiledPolicy, note: str, text: str) -> None:
    assert found(policy, text) == [], note


def test_the_finding_routes_to_drug_safety_within_24_hours(policy: CompiledPolicy) -> None:
    (hit,) = found(policy, "My heart races after every puff of Respiqo.")
    assert hit.data == {"route": "drug_safety", "deadline_hours": 24, "product": "Respiqo"}
    assert hit.severity == "block"
    assert "drugsafety@lumorahealth.com" in hit.message
    assert "24 hours" in hit.message


@pytest.mark.parametrize(
    ("language", "phrases"),
    [
        ("en", ["report it to drug safety", "24 hours"]),
        ("sv", ["Rapportera det till läkemedelssäkerhet", "24 timmar"]),
        ("nl", ["Meld het binnen 24 uur bij geneesmiddelenbewaking"]),
    ],
)
def test_the_message_is_in_the_authors_language(
    policy: CompiledPolicy, language: str, phrases: list[str]
) -> None:
    (hit,) = found(policy, "Respiqo gives me headaches every night.", language)
    assert all(p in hit.message for p in phrases), hit.message


def test_without_a_safety_contact_the_message_names_the_team() -> None:
    contacts = ["press@lumorahealth.com"]
    lonely = policy_with("adverse_event", public_contacts=contacts)
    (hit,) = found(lonely, "Respiqo gave me a rash.", "en")
    assert "drug safety team" in hit.message
    assert "@" not in hit.message


def test_settings_give_the_contact_the_deadline_and_more_symptoms() -> None:
    policy = policy_with(
        "adverse_event",
        {"contact": "+31 30 123 4567", "deadline_hours": 12, "symptoms": ["sneez*"]},
    )
    (hit,) = found(policy, "Sneezing all day since my first Respiqo puff.")
    assert hit.excerpt == "Sneezing"
    assert "+31 30 123 4567" in hit.message and "12 hours" in hit.message
    assert hit.data["deadline_hours"] == 12


def test_a_symptom_that_does_not_parse_is_a_policy_error_at_its_setting() -> None:
    with pytest.raises(PolicyError) as error:
        policy_with("adverse_event", {"symptoms": ["(sneezing"]})
    assert error.value.problems[0].path.endswith("settings.symptoms[0]")


def test_dev_cases_raise_adverse_event_exactly_where_labelled(policy: CompiledPolicy) -> None:
    wrong = [
        c["id"]
        for c in dev_cases()
        if ("adverse_event" in c["expect"])
        != ("adverse_event" in check(c["text"], Context.from_data(c["context"]), policy).kinds)
    ]
    assert wrong == []


@pytest.mark.parametrize("group", ["symptoms"])
def test_lexicons_are_well_formed(group: str) -> None:
    assert lexicon_problems("adverse_event", group) == []


def test_person_and_information_words_are_listed_per_language() -> None:
    from postwise.text.data import load_data

    for name in ("persons.yaml", "information.yaml"):
        data: dict[str, Any] = load_data("lexicons", "adverse_event", name)
        assert set(data) == {"en", "sv", "nl"}, name
        assert all(isinstance(w, str) and w for lang in data.values() for w in lang), name
