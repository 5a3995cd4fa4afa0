"""expertise: medical, legal and investment advice outside the author's declared expertise,
and statements on behalf of the organisation by anyone who is not a spokesperson."""

from __future__ import annotations

from typing import Any

import pytest

from postwise import CompiledPolicy, Context, Finding, check, load_policy_text
from postwise.policy.errors import PolicyError
from postwise.policy.starter import dump_policy, starter_policy
from postwise.rules._patterns import lexicon_problems
from tests.conftest import ORG, dev_cases

ENGINEER = {"role": "software engineer", "expertise": ["software"]}
SPOKESPERSON_ROLES = ["press officer", "Head of Communications"]


def policy_with(settings: dict[str, Any] | None = None, **people: Any) -> CompiledPolicy:
    """The dev organisation with only an expertise rule, and ``people`` if given."""
    data = starter_policy(ORG)
    data["rules"] = [
        {**r, "settings": settings or {}} for r in data["rules"] if r["kind"] == "expertise"
    ]
    if people:
        data["people"] = people
    return load_policy_text(dump_policy(data), "test policy")


@pytest.fixture(scope="module")
def policy() -> CompiledPolicy:
    return policy_with(spokesperson_roles=SPOKESPERSON_ROLES)


def found(policy: CompiledPolicy, text: str, **author: Any) -> list[Finding]:
    ctx = Context.from_data({"author": {**ENGINEER, **author}})
    return [f for f in check(text, ctx, policy).findings if f.kind == "expertise"]


@pytest.mark.parametrize(
    ("note", "text", "domain", "excerpt"),
    [
        # medical
        (
            "a dosing tip for someone else's medicine",
            "PSA: if methotrexate makes you nauseous, just take half the dose twice a week.",
            "medical",
            "take half the dose",
        ),
        (
            "food instructions for a medicine",
            "Zentrava can be taken with or without food, easy.",
            "medical",
            "can be taken with",
        ),
        (
            "telling people to stop a medicine",
            "Honestly, stop taking your statins, they do more harm than good.",
            "medical",
            "stop taking your statins",
        ),
        (
            "a dosing frequency of one's own making",
            "If Respiqo makes you jittery, use it every other day instead.",
            "medical",
            "use it every other day instead",
        ),
        (
            "a medicine and alcohol declared fine",
            "Methotrexate and a glass of wine is totally fine, ignore the leaflet 🍷",
            "medical",
            "Methotrexate and a glass of wine is totally fine",
        ),
        (
            "Swedish: a double dose after a missed one",
            "Har du missat en dos tar du bara dubbel dos nästa dag.",
            "medical",
            "Har du missat en dos tar",
        ),
        (
            "Swedish: split the tablet",
            "Tips: dela tabletten på mitten om du får huvudvärk.",
            "medical",
            "dela tabletten på mitten",
        ),
        (
            "Dutch: a separable verb, take it in at night",
            "Neem hem gewoon 's avonds in, dan heb je er minder last van.",
            "medical",
            "Neem hem gewoon 's avonds in",
        ),
        (
            "Dutch: stop the prednisone",
            "Stop maar met je prednison zodra je je beter voelt.",
            "medical",
            "Stop maar met je prednison",
        ),
        # legal
        (
            "a clause that does not apply, and do not sign",
            "Your non-compete clause doesn't apply if you were fired, so don't sign anything.",
            "legal",
            "Your non-compete clause doesn't apply",
        ),
        (
            "what an employer cannot do",
            "Your landlord cannot raise the rent mid-contract, don't pay it.",
            "legal",
            "Your landlord cannot raise",
        ),
        (
            "Swedish: the non-compete clause does not apply",
            "Konkurrensklausulen i ert anställningsavtal gäller inte om ni slutar i år.",
            "legal",
            "Konkurrensklausulen i ert anställningsavtal gäller inte",
        ),
        (
            "Swedish: entitled to",
            "Du har rätt till hela semesterersättningen.",
            "legal",
            "Du har rätt till",
        ),
        (
            "Dutch: verb last, the boss may not read your messages",
            "Je baas mag je privéberichten niet lezen, dat is illegaal.",
            "legal",
            "Je baas mag je privéberichten niet lezen",
        ),
        (
            "Dutch: do not sign",
            "Je hebt recht op een transitievergoeding, teken niets.",
            "legal",
            "Je hebt recht op",
        ),
        # financial
        (
            "buy before a month",
            "Lumora share price is going to explode 🚀 buy before February, thank me later",
            "financial",
            "buy before February",
        ),
        (
            "put savings into a market",
            "Stop wasting money on savings accounts and put it all into the S&P 500.",
            "financial",
            "put it all into the S&P 500",
        ),
        (
            "Swedish: put the money there",
            "Min kompis fond har gett 25 % per år. Sätt in pengarna där nu.",
            "financial",
            "Sätt in pengarna där",
        ),
        (
            "Swedish: buy shares before the report",
            "Köp Lumora-aktier innan rapporten, billigare blir det inte.",
            "financial",
            "Köp Lumora-aktier",
        ),
        (
            "Dutch: buy shares now",
            "Tip: koop nu aandelen Lumora. Ik werk er zelf.",
            "financial",
            "koop nu aandelen",
        ),
        # on behalf
        (
            "speaking on behalf of the company",
            "Speaking on behalf of the company: yesterday's article is wrong.",
            "on_behalf",
            "on behalf of the company",
        ),
        (
            "officially, followed by the organisation's name",
            "Officially, Lumora has no comment on the takeover rumours.",
            "on_behalf",
            "Officially, Lumora",
        ),
        (
            "Swedish: on the organisation's behalf, genitive of its name",
            "På Lumoras vägnar vill jag säga att artikeln inte stämmer.",
            "on_behalf",
            "På Lumoras vägnar",
        ),
        (
            "Dutch: namens and the organisation's name",
            "Namens Lumora: het bericht dat Respiqo uit de handel gaat klopt niet.",
            "on_behalf",
            "Namens Lumora",
        ),
    ],
)
def test_advice_outside_expertise_is_found(
    policy: CompiledPolicy, note: str, text: str, domain: str, excerpt: str
) -> None:
    hits = found(policy, text)
    assert [(f.data["domain"], f.excerpt) for f in hits][:1] == [(domain, excerpt)], note


@pytest.mark.parametrize(
    ("note", "text"),
    [
        ("sending people to their doctor", "Always talk to your doctor before changing your meds."),
        ("a safety reminder", "Don't stop taking your medicine without talking to your doctor."),
        ("one's own routine", "I take my pills every morning and CareLoop reminds me."),
        ("a subject left out, but one's own story", "Had to stop Respiqo after two weeks."),
        ("take as in take a break", "Take a break, take a walk, take the stairs."),
        ("double-check is not a double dose", "Double-check your dose counter before you travel."),
        (
            "a product launch",
            "Today we started the rollout of the medication reminder in CareLoop.",
        ),
        (
            "sign up is not signing a contract",
            "Don't sign up for the webinar yet, the link changes.",
        ),
        ("buying coffee", "Buy me a coffee and I'll tell you all about our new lab."),
        ("tickets, not shares", "Now is a great time to buy tickets for the summer party!"),
        ("reading about markets", "Great read on why index funds beat stock pickers."),
        ("on behalf of a team", "On behalf of the whole team, thank you for the birthday wishes!"),
        ("officially a new hire", "I'm officially a Lumora employee! First day tomorrow."),
        ("Swedish: you are right", "Du har rätt, det var en fantastisk dag!"),
        ("Swedish: talk to your doctor", "Prata med din läkare innan du ändrar din behandling."),
        ("Swedish: one's own tablets", "Jag tar mina tabletter varje morgon."),
        ("Swedish: a collection", "Sätt in en slant på insamlingen för barncancerfonden."),
        ("Swedish: Christmas shopping", "Passa på att köpa julklappar innan det tar slut!"),
        ("Dutch: get in touch", "Neem gerust contact met ons op via de website."),
        ("Dutch: take your time", "Neem vandaag de tijd voor jezelf."),
        ("Dutch: one's own medicine", "Ik neem mijn medicijnen altijd in met een glas water."),
        ("Dutch: a newsletter", "Teken nu in voor onze nieuwsbrief!"),
        ("Dutch: on behalf of the team", "Namens het hele team: bedankt voor de cadeaus!"),
        ("Dutch: my own contract", "Vandaag mijn arbeidscontract getekend bij Lumora! 🎉"),
    ],
)
def test_look_alikes_are_not_advice(policy: CompiledPolicy, note: str, text: str) -> None:
    assert found(policy, text) == [], note


@pytest.mark.parametrize(
    ("note", "text", "author"),
    [
        (
            "a medical advisor on medicine",
            "Zentrava can be taken with or without food.",
            {"role": "medical advisor", "expertise": ["medicine"]},
        ),
        (
            "a pharmacist, expertise in Swedish",
            "Ta gärna Zentrava på fastande mage.",
            {"role": "apotekare", "expertise": ["farmaci"]},
        ),
        (
            "a lawyer on a contract",
            "Your NDA is not enforceable in the Netherlands.",
            {"role": "legal counsel", "expertise": ["employment law"]},
        ),
        (
            "a financial analyst on shares",
            "Buy shares in Lumora before February.",
            {"role": "analyst", "expertise": ["Finance"]},
        ),
        (
            "a spokesperson by profile",
            "Namens Lumora: het bericht klopt niet.",
            {"role": "sales manager", "spokesperson": True},
        ),
        (
            "a role listed as a spokesperson role, in another case",
            "On behalf of Lumora: the rumours are not true.",
            {"role": "HEAD OF COMMUNICATIONS"},
        ),
        (
            "a listed role inside a longer title",
            "På företagets vägnar: vi lägger inte ned Malmö.",
            {"role": "press officer Nordics"},
        ),
    ],
)
def test_authors_whose_expertise_or_role_covers_it(
    policy: CompiledPolicy, note: str, text: str, author: dict[str, Any]
) -> None:
    assert found(policy, text, **author) == [], note


@pytest.mark.parametrize(
    ("note", "text", "author", "domain"),
    [
        (
            "a medical advisor on shares",
            "Buy shares in Lumora before February.",
            {"role": "medical advisor", "expertise": ["medicine"]},
            "financial",
        ),
        (
            "a finance expert speaking for the company",
            "On behalf of Lumora: we did not cut the budget.",
            {"role": "CFO", "expertise": ["finance"]},
            "on_behalf",
        ),
    ],
)
def test_expertise_covers_only_its_own_domain(
    policy: CompiledPolicy, note: str, text: str, author: dict[str, Any], domain: str
) -> None:
    assert [f.data["domain"] for f in found(policy, text, **author)] == [domain], note


@pytest.mark.parametrize(
    ("language", "phrase"),
    [("en", "medical advice"), ("sv", "medicinskt råd"), ("nl", "medisch advies")],
)
def test_the_message_is_in_the_authors_language(
    policy: CompiledPolicy, language: str, phrase: str
) -> None:
    (hit,) = found(policy, "Just take half the dose, works for me.", language=language)
    assert phrase in hit.message
    assert hit.language == language


def test_speaking_on_behalf_comes_with_a_fix_that_removes_the_phrase(
    policy: CompiledPolicy,
) -> None:
    (hit,) = found(policy, "Namens Lumora: het bericht klopt niet.", language="nl")
    assert hit.fix is not None
    assert (hit.fix.start, hit.fix.end, hit.fix.text) == (0, len("Namens Lumora"), "")


def test_settings_choose_domains_add_expertise_roles_and_cues() -> None:
    only_behalf = policy_with({"domains": ["on_behalf"]})
    assert found(only_behalf, "Just take half the dose.") == []
    assert found(only_behalf, "Namens Lumora: klopt niet.") != []

    actuaries = policy_with({"expertise": {"financial": ["actuar*"]}})
    text = "Put your savings into index funds."
    assert found(actuaries, text, expertise=["actuarial science"]) == []
    assert found(actuaries, text) != []

    roles = policy_with({"spokesperson_roles": ["site director"]})
    assert found(roles, "On behalf of Lumora: no layoffs.", role="Site Director") == []

    cues = policy_with({"cues": {"legal": ["(your|the) lease … (is void|is invalid)"]}})
    (hit,) = found(cues, "Your lease in Utrecht is void, trust me.")
    assert (hit.data["domain"], hit.excerpt) == ("legal", "Your lease in Utrecht is void")


def test_a_cue_that_does_not_parse_is_a_policy_error_at_its_setting() -> None:
    with pytest.raises(PolicyError) as error:
        policy_with({"cues": {"medical": ["take (half the dose"]}})
    assert "unbalanced parentheses" in str(error.value)
    assert error.value.problems[0].path.endswith("settings.cues.medical[0]")


@pytest.mark.parametrize(
    "case", [c for c in dev_cases() if "expertise" in c["expect"]] or [None], ids=str
)
def test_dev_cases_labelled_expertise_raise_it(case: dict[str, Any] | None) -> None:
    if case is None:
        pytest.skip("dev cases not available")
    policy = policy_with()
    report = check(case["text"], Context.from_data(case["context"]), policy)
    assert "expertise" in report.kinds


def test_dev_cases_not_labelled_expertise_do_not_raise_it() -> None:
    policy = policy_with()
    wrong = [
        c["id"]
        for c in dev_cases()
        if "expertise" not in c["expect"]
        and "expertise" in check(c["text"], Context.from_data(c["context"]), policy).kinds
    ]
    assert wrong == []


@pytest.mark.parametrize("group", ["domains", "medical", "legal", "financial", "on_behalf"])
def test_lexicons_are_well_formed(group: str) -> None:
    if group == "domains":
        return  # a plain mapping of domains to expertise words, read by the rule itself
    assert lexicon_problems("expertise", group) == []
