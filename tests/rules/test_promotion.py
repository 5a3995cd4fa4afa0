"""promotion: praise, efficacy figures and calls to action about a prescription medicine,
addressed to the public; never about products that need no prescription, nor news."""

from __future__ import annotations

import pytest

from postwise import CompiledPolicy, Context, Finding, check
from postwise.policy.errors import PolicyError
from postwise.rules._patterns import lexicon_problems
from tests.conftest import dev_cases, policy_with


@pytest.fixture(scope="module")
def policy() -> CompiledPolicy:
    return policy_with("promotion")


def found(policy: CompiledPolicy, text: str, language: str | None = None) -> list[Finding]:
    ctx = Context.from_data({"author": {"language": language}} if language else {})
    return [f for f in check(text, ctx, policy).findings if f.kind == "promotion"]


@pytest.mark.parametrize(
    ("note", "text", "excerpt"),
    [
        ("praise", "Zentrava works wonders for people living with RA 💪", "works wonders"),
        (
            "best treatment",
            "Respiqo is the best treatment for severe asthma, full stop.",
            "the best treatment",
        ),
        (
            "ask your doctor",
            "If your inhaler isn't cutting it, ask your doctor about Respiqo.",
            "ask your doctor about",
        ),
        (
            "an efficacy figure",
            "Today's data: 61% of patients on Zentrava reached low disease activity.",
            "61% of patients",
        ),
        (
            "versus placebo",
            "Zentrava cut flares by half compared with placebo.",
            "compared with placebo",
        ),
        (
            "a claim of the claims kind",
            "Respiqo beats every competitor inhaler and is 100% safe.",
            "beats every competitor",
        ),
        (
            "talk about switching",
            "Living with RA? Talk to your rheumatologist about switching to Zentrava.",
            "Talk to your rheumatologist about switching",
        ),
        (
            "an English phrase in a Swedish post",
            "Respiqo är a real game changer vid svår astma.",
            "game changer",
        ),
        (
            "Swedish: a huge difference",
            "Respiqo har gjort enorm skillnad för astmatikerna.",
            "gjort enorm skillnad",
        ),
        (
            "Swedish: it really works",
            "Den fungerar verkligen, Respiqo alltså.",
            "fungerar verkligen",
        ),
        (
            "Swedish: ask your doctor",
            "Fråga din läkare om Zentrava om du har RA.",
            "Fråga din läkare om Zentrava",
        ),
        ("Dutch: works wonders", "Zentrava werkt wonderen bij reuma 💊", "werkt wonderen bij"),
        (
            "Dutch: gives air again, verb last",
            "Ik zie hoe Respiqo astmapatiënten weer lucht geeft.",
            "weer lucht geeft",
        ),
        ("Dutch: ask your GP", "Vraag je huisarts naar Respiqo.", "Vraag je huisarts naar"),
        (
            "Dutch: a world of difference",
            "Respiqo maakt echt een wereld van verschil.",
            "maakt echt een wereld van verschil",
        ),
    ],
)
def test_promotion_of_a_prescription_product_is_found(
    policy: CompiledPolicy, note: str, text: str, excerpt: str
) -> None:
    assert [f.excerpt for f in found(policy, text)] == [excerpt], note


@pytest.mark.parametrize(
    ("note", "text"),
    [
        (
            "a product without prescription",
            "CareLoop is a game changer for anyone who forgets pills.",
        ),
        (
            "praise nearer to the product without prescription",
            "Respiqo got approved today, and our CareLoop app is a real game changer.",
        ),
        ("regulatory news", "The CHMP adopted a positive opinion for Respiqo this morning."),
        ("pride in the team", "So proud of the Respiqo launch team, two years of work paid off."),
        ("a conference", "Great to present the Zentrava 52-week data at EULAR today."),
        ("an adverse event report", "My heart races after Respiqo. I told my doctor."),
        ("praise without a product", "Our new canteen works wonders for team spirit."),
        ("Swedish: approval news", "Idag fick Respiqo godkännande i Finland. Stolt!"),
        ("Swedish: it does not work", "Respiqo fungerar verkligen inte för mig."),
        ("Dutch: a press release", "Vandaag het persbericht over Zentrava gedeeld."),
        ("Dutch: it does not work", "Respiqo werkt echt niet bij mij."),
    ],
)
def test_look_alikes_are_not_promotion(policy: CompiledPolicy, note: str, text: str) -> None:
    assert found(policy, text) == [], note


def test_one_finding_per_post_naming_the_product(policy: CompiledPolicy) -> None:
    (hit,) = found(policy, "Respiqo works wonders. Ask your GP about switching!", "en")
    assert hit.data == {"product": "Respiqo"}
    assert hit.severity == "block"
    assert "Respiqo, a prescription medicine" in hit.message
    assert hit.fix is not None and hit.fix.text == ""


@pytest.mark.parametrize(
    ("language", "phrase"),
    [
        ("en", "prescription medicine"),
        ("sv", "receptbelagt läkemedel"),
        ("nl", "receptgeneesmiddel"),
    ],
)
def test_the_message_is_in_the_authors_language(
    policy: CompiledPolicy, language: str, phrase: str
) -> None:
    (hit,) = found(policy, "Zentrava works wonders!", language)
    assert phrase in hit.message


def test_settings_add_cues_and_can_leave_claims_to_the_claims_kind() -> None:
    policy = policy_with("promotion", {"cues": ["(a|the) must(-| )have"], "with_claims": False})
    assert [f.excerpt for f in found(policy, "Respiqo is a must-have for asthmatics.")] == [
        "a must-have"
    ]
    assert found(policy, "Respiqo is 100% safe.") == []


def test_a_cue_that_does_not_parse_is_a_policy_error_at_its_setting() -> None:
    with pytest.raises(PolicyError) as error:
        policy_with("promotion", {"cues": ["a <nope> cue"]})
    assert "unknown word class" in str(error.value)
    assert error.value.problems[0].path.endswith("settings.cues[0]")


def test_dev_cases_raise_promotion_exactly_where_labelled(policy: CompiledPolicy) -> None:
    wrong = [
        c["id"]
        for c in dev_cases()
        if ("promotion" in c["expect"])
        != ("promotion" in check(c["text"], Context.from_data(c["context"]), policy).kinds)
    ]
    assert wrong == []


def test_lexicon_is_well_formed() -> None:
    assert lexicon_problems("promotion", "promotion") == []
