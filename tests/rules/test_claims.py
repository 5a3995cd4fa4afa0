"""claims: guarantees, "risk-free" and absolute safety, superiority over competitors and
share-price predictions, in en/sv/nl; casual and negated uses are not claims."""

from __future__ import annotations

import pytest

from postwise import CompiledPolicy, Context, Finding, check
from postwise.policy.errors import PolicyError
from postwise.rules._patterns import lexicon_problems
from tests.conftest import dev_cases, policy_with


@pytest.fixture(scope="module")
def policy() -> CompiledPolicy:
    return policy_with("claims")


def found(policy: CompiledPolicy, text: str, language: str | None = None) -> list[Finding]:
    ctx = Context.from_data({"author": {"language": language}} if language else {})
    return [f for f in check(text, ctx, policy).findings if f.kind == "claims"]


def claims(policy: CompiledPolicy, text: str) -> list[tuple[str, str]]:
    return [(f.data["claim"], f.excerpt) for f in found(policy, text)]


@pytest.mark.parametrize(
    ("note", "text", "expected"),
    [
        (
            "a guarantee and risk-free",
            "CareLoop guarantees you'll never miss a dose again. Risk-free 30-day trial!",
            [("guarantee", "guarantees you'll never"), ("risk", "Risk-free")],
        ),
        (
            "guaranteed returns",
            "This fund has guaranteed returns of 8% a year.",
            [("guarantee", "guaranteed returns")],
        ),
        (
            "a trailing guaranteed",
            "Pharmacies will see fewer missed doses. Guaranteed.",
            [("guarantee", ". Guaranteed")],
        ),
        ("100% safe", "Respiqo is 100% safe for children.", [("risk", "100% safe")]),
        (
            "beats every competitor",
            "Respiqo beats every competitor inhaler.",
            [("superiority", "beats every competitor")],
        ),
        (
            "faster than any",
            "CareLoop is faster than any other reminder app.",
            [("superiority", "faster than any other")],
        ),
        (
            "better than a listed competitor",
            "CareLoop works better than Novexa's app.",
            [("superiority", "better than Novexa")],
        ),
        (
            "a share-price prediction",
            "Lumora share price is going to explode 🚀",
            [("prediction", "share price is going to explode")],
        ),
        (
            "a forecast in a post about shares",
            "This will double by summer. Not advice, but I hold Lumora shares.",
            [("prediction", "will double")],
        ),
        (
            "Swedish: guaranteed return, risk-free",
            "Garanterad avkastning och helt riskfritt.",
            [("guarantee", "Garanterad avkastning"), ("risk", "helt riskfritt")],
        ),
        (
            "Swedish: better than all",
            "CareLoop är snabbare än alla andra appar.",
            [("superiority", "snabbare än alla andra")],
        ),
        (
            "Swedish: the share to 300",
            "Lumora-aktien upp idag! Snart går den till 300 kr 🚀",
            [("prediction", "går den till 300 kr")],
        ),
        (
            "Swedish: the share reaches 400",
            "Lumora-aktien når 400 kr före sommaren.",
            [("prediction", "Lumora-aktien når 400")],
        ),
        (
            "Dutch: guaranteed return",
            "Een risicoloze investering met gegarandeerd rendement.",
            [("risk", "risicoloze investering"), ("guarantee", "gegarandeerd rendement")],
        ),
        (
            "Dutch: a list of comparatives",
            "CareLoop is sneller, veiliger en gebruiksvriendelijker dan elke app van Novexa.",
            [("superiority", "gebruiksvriendelijker dan elke app van Novexa")],
        ),
        (
            "Dutch: 100% safe",
            "Zentrava is 100% veilig en werkt wonderen.",
            [("risk", "100% veilig")],
        ),
        (
            "Dutch: the price will double",
            "De koers gaat verdubbelen na de jaarcijfers.",
            [("prediction", "De koers gaat verdubbelen")],
        ),
    ],
)
def test_claims_are_found(
    policy: CompiledPolicy, note: str, text: str, expected: list[tuple[str, str]]
) -> None:
    assert claims(policy, text) == expected, note


@pytest.mark.parametrize(
    ("note", "text"),
    [
        ("no guarantees", "There are no guarantees in drug development, only good science."),
        ("a guarantee denied", "I can't guarantee the coffee will be good."),
        ("fun is guaranteed", "Fun guaranteed at the summer party!"),
        ("quality assurance", "Our QA team's job is to guarantee the quality of every batch."),
        ("100% sure", "I'm 100% sure I left my badge at home again."),
        ("better than ever", "Better than ever: our second hackathon was a blast."),
        ("more than anything", "I love this team more than anything."),
        ("no risk, no story", "No risk, no story: our hackathon team tried something wild."),
        ("an exploding inbox", "The launch is going to explode my inbox tomorrow 😅"),
        ("a personal experience", "No side effects at all on Respiqo for me."),
        ("Swedish: 100% sure", "Jag är 100 % säker på att det blir en bra dag."),
        ("Swedish: fun guaranteed", "Det blir garanterat kul på kickoffen!"),
        ("Swedish: no guarantees", "Ingen kan garantera resultat i forskning."),
        ("Swedish: better than ever", "Bättre än någonsin, tack alla!"),
        ("Dutch: guaranteed cosy", "Gezelligheid gegarandeerd bij de vrijmibo!"),
        ("Dutch: nothing without risk", "Niets is zonder risico in de farmacie."),
        ("Dutch: then every day", "In de zomer dan elke dag naar het strand 🏖️"),
        ("Dutch: more than all", "Ik hou meer dan alles van dit team."),
    ],
)
def test_casual_and_negated_uses_are_not_claims(
    policy: CompiledPolicy, note: str, text: str
) -> None:
    assert claims(policy, text) == [], note


@pytest.mark.parametrize(
    ("language", "phrase"),
    [("en", "promises a result"), ("sv", "lovar ett resultat"), ("nl", "belooft een resultaat")],
)
def test_the_message_is_in_the_authors_language(
    policy: CompiledPolicy, language: str, phrase: str
) -> None:
    (hit,) = found(policy, "Guaranteed returns, every year.", language)
    assert phrase in hit.message
    assert hit.fix is not None and (hit.fix.start, hit.fix.end) == (0, len("Guaranteed returns"))


def test_settings_choose_the_checks_and_add_cues() -> None:
    policy = policy_with("claims", {"checks": ["prediction"], "cues": {"prediction": ["bull run"]}})
    assert claims(policy, "Guaranteed returns!") == []
    assert claims(policy, "Lumora stock: bull run ahead") == [("prediction", "bull run")]


def test_a_cue_that_does_not_parse_is_a_policy_error_at_its_setting() -> None:
    with pytest.raises(PolicyError) as error:
        policy_with("claims", {"cues": {"risk": ["(no risk"]}})
    assert error.value.problems[0].path.endswith("settings.cues.risk[0]")


def test_dev_cases_raise_claims_exactly_where_labelled(policy: CompiledPolicy) -> None:
    wrong = [
        c["id"]
        for c in dev_cases()
        if ("claims" in c["expect"])
        != ("claims" in check(c["text"], Context.from_data(c["context"]), policy).kinds)
    ]
    assert wrong == []


@pytest.mark.parametrize(
    "group", ["guarantee", "risk", "superiority", "prediction", "forecast", "market"]
)
def test_lexicons_are_well_formed(group: str) -> None:
    assert lexicon_problems("claims", group) == []
