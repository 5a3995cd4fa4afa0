"""political: voting intentions, campaign hashtags and positions on current political debate,
only for authors whose role is bound to impartiality."""

from __future__ import annotations

from typing import Any

import pytest

from postwise import CompiledPolicy, Context, Finding, check, load_policy_text
from postwise.policy.errors import PolicyError
from postwise.policy.starter import dump_policy, starter_policy
from postwise.rules._patterns import lexicon_problems
from tests.conftest import ORG, dev_cases

EDITOR = {"role": "News Editor", "expertise": ["journalism"]}


def policy_with(
    settings: dict[str, Any] | None = None, roles: list[str] | None = None
) -> CompiledPolicy:
    """The dev organisation with only a political rule; editors and civil servants impartial."""
    data = starter_policy(ORG)
    data["rules"] = [
        {**r, "settings": settings or {}} for r in data["rules"] if r["kind"] == "political"
    ]
    data["people"] = {"impartial_roles": ["editor", "Civil Servant"] if roles is None else roles}
    return load_policy_text(dump_policy(data), "test policy")


@pytest.fixture(scope="module")
def policy() -> CompiledPolicy:
    return policy_with({"hashtags": ["#VoteYes2026", "#stemD66"]})


def found(policy: CompiledPolicy, text: str, **author: Any) -> list[Finding]:
    ctx = Context.from_data({"author": {**EDITOR, **author}})
    return [f for f in check(text, ctx, policy).findings if f.kind == "political"]


@pytest.mark.parametrize(
    ("note", "text", "detail", "excerpt"),
    [
        (
            "a vote for a party",
            "I'll vote Labour in the general election, and so should you.",
            "vote",
            "I'll vote",
        ),
        (
            "a vote cast",
            "Proud to have voted for the Greens this morning. #GE2026",
            "vote",
            "Proud to have voted for",
        ),
        ("a campaign hashtag", "Big day tomorrow! #VoteYes2026", "hashtag", "#VoteYes2026"),
        (
            "a position on the government",
            "This government is a disgrace and should resign.",
            "position",
            "government is a disgrace",
        ),
        (
            "Swedish: a vote for a party",
            "Jag röstar på Centerpartiet i valet.",
            "vote",
            "Jag röstar på",
        ),
        (
            "Swedish: a position",
            "Regeringen är inkompetent, det är en skandal.",
            "position",
            "Regeringen är inkompetent",
        ),
        (
            "Swedish: a party is a joke",
            "Sverigedemokraterna är ett skämt.",
            "position",
            "Sverigedemokraterna är ett skämt",
        ),
        ("Dutch: a vote for a party", "Ik stem op D66, en jullie?", "vote", "Ik stem op"),
        (
            "Dutch: away with this cabinet",
            "Weg met dit kabinet, schandalig!",
            "position",
            "Weg met dit kabinet",
        ),
        (
            "Dutch: finally a cabinet",
            "Eindelijk een kabinet dat iets doet aan de woningnood.",
            "position",
            "Eindelijk een kabinet",
        ),
        ("Dutch: a campaign hashtag, any case", "Morgen stemmen! #STEMD66", "hashtag", "#STEMD66"),
    ],
)
def test_political_statements_of_an_impartial_role_are_found(
    policy: CompiledPolicy, note: str, text: str, detail: str, excerpt: str
) -> None:
    hits = found(policy, text)
    assert [(f.data["signal"], f.excerpt) for f in hits][:1] == [(detail, excerpt)], note


@pytest.mark.parametrize(
    ("note", "text"),
    [
        (
            "election coverage",
            "Covering the election tonight for the 10 o'clock news. Follow our live blog!",
        ),
        ("a vote in an award", "Please vote for our team in the Webby awards!"),
        ("office politics", "I hate office politics, give me spreadsheets."),
        ("guidance at work", "We need to implement the government's new guidance by Friday."),
        ("Swedish: a debate broadcast", "Ikväll sänder vi partiledardebatten, missa inte!"),
        ("Swedish: a choice, not an election", "Ett bra val av restaurang ikväll!"),
        ("Dutch: live results", "Vanavond live verslag van de verkiezingsuitslag vanuit Den Haag."),
        ("Dutch: football", "Wat een wedstrijd in de Premier League, ik vind het geweldig."),
        ("Dutch: I think, without politics", "Ik denk dat het vanavond gaat regenen."),
    ],
)
def test_neutral_posts_of_an_impartial_role_are_fine(
    policy: CompiledPolicy, note: str, text: str
) -> None:
    assert found(policy, text) == [], note


@pytest.mark.parametrize(
    ("note", "author"),
    [
        ("a nurse", {"role": "nurse"}),
        ("an engineer", {"role": "software engineer"}),
        ("no role at all", {"role": ""}),
    ],
)
def test_other_roles_may_say_what_they_like(
    policy: CompiledPolicy, note: str, author: dict[str, Any]
) -> None:
    assert found(policy, "I'll vote Labour in the general election. #VoteYes2026", **author) == []


def test_roles_match_without_regard_to_case_and_inside_longer_titles(
    policy: CompiledPolicy,
) -> None:
    text = "Ik stem op de VVD bij de verkiezingen."
    assert found(policy, text, role="senior civil servant") != []
    assert found(policy, text, role="EDITOR") != []
    assert found(policy, text, role="editorial assistant") == []


def test_settings_add_roles_parties_and_topics() -> None:
    policy = policy_with(
        {"roles": ["judge"], "parties": ["Partij Utrecht"], "topics": ["gemeenteraad"]}, roles=[]
    )
    assert found(policy, "Ik stem op Partij Utrecht!", role="judge") != []
    assert found(policy, "De gemeenteraad is een schande.", role="Judge") != []
    assert found(policy, "Ik stem op Partij Utrecht!", role="editor") == []


def test_no_impartial_roles_means_no_findings() -> None:
    assert found(policy_with(roles=[]), "I'll vote Labour in the general election.") == []


@pytest.mark.parametrize(
    ("language", "phrase"),
    [("en", "how you vote"), ("sv", "hur du röstar"), ("nl", "op wie je stemt")],
)
def test_the_message_is_in_the_authors_language(
    policy: CompiledPolicy, language: str, phrase: str
) -> None:
    (hit,) = found(policy, "I'll vote for the Greens in the election.", language=language)
    assert phrase in hit.message


def test_a_party_that_does_not_parse_is_a_policy_error_at_its_setting() -> None:
    with pytest.raises(PolicyError) as error:
        policy_with({"parties": ["(Partij Utrecht"]})
    assert error.value.problems[0].path.endswith("settings.parties[0]")


def test_the_dev_organisation_has_no_impartial_roles_so_no_dev_case_raises_it() -> None:
    policy = policy_with(roles=[])
    assert not any(
        "political" in check(c["text"], Context.from_data(c["context"]), policy).kinds
        for c in dev_cases()
    )


@pytest.mark.parametrize("group", ["vote", "party", "topic", "stance"])
def test_lexicons_are_well_formed(group: str) -> None:
    assert lexicon_problems("political", group) == []
