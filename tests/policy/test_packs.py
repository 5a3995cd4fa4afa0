"""Policy packs: every pack loads, fits any organisation, and its own examples pass."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest

from postwise.cli.main import main
from postwise.policy.compiled import CompiledPolicy, load_policy_text
from postwise.policy.errors import InputError
from postwise.policy.examples import run_examples
from postwise.policy.model import Organisation
from postwise.policy.packs import (
    fill_placeholders,
    list_packs,
    load_pack,
    pack_policy,
    placeholder_values,
)
from postwise.policy.starter import dump_policy, starter_policy
from postwise.rules import registry
from tests.conftest import ORG

PACKS = ["code-of-conduct", "dutch-eight", "mr-green", "pharma", "simple"]
SEEDS = {
    "dutch-eight": "002",
    "mr-green": "003",
    "pharma": "000",
    "simple": "001",
    "code-of-conduct": "004",
}

# A second organisation that shares nothing with the dev one: other country, time zone,
# working days and names, no products and no quiet period.
OTHER_ORG: dict[str, Any] = {
    "name": "Fjällvind Energi",
    "aliases": ["Fjällvind"],
    "hashtags": ["#Fjällvind"],
    "timezone": "Europe/Stockholm",
    "working_hours": {"start": "07:00", "end": "16:00", "days": ["mon", "tue", "wed", "thu"]},
    "competitors": ["Nordkraft"],
    "confidential_terms": ["Projekt Tjäder"],
    "internal_domains": ["intra.fjallvind.se"],
    "public_contacts": ["press@fjallvind.se"],
    "disclosure_tags": ["#FjällvindAnställd"],
    "languages": ["sv", "en", "nl"],
}
MINIMAL_ORG: dict[str, Any] = {"name": "Acme", "languages": ["en"]}


def instantiate(pack: str, org: dict[str, Any]) -> CompiledPolicy:
    return load_policy_text(dump_policy(starter_policy(org, pack)), f"pack {pack}")


def count_examples(rule: dict[str, Any]) -> int:
    groups = rule.get("examples", {})
    return len(groups.get("raise", [])) + len(groups.get("pass", []))


def missing_kinds(pack: str) -> list[str]:
    return sorted(set(load_pack(pack).kinds) - set(registry()))


def test_the_five_packs_are_listed_with_their_seeds() -> None:
    packs = list_packs()
    assert [p.name for p in packs] == PACKS
    assert {p.name: p.seed for p in packs} == SEEDS
    assert all(p.summary and "\n" not in p.summary for p in packs)


@pytest.mark.parametrize("pack", PACKS)
def test_every_kind_a_pack_uses_exists(pack: str) -> None:
    assert missing_kinds(pack) == [], f"{pack} uses kinds that are not in postwise.rules yet"


@pytest.mark.parametrize("pack", PACKS)
@pytest.mark.parametrize("org", [ORG, OTHER_ORG, MINIMAL_ORG], ids=["dev", "other", "minimal"])
def test_a_pack_gives_a_policy_whose_examples_pass(pack: str, org: dict[str, Any]) -> None:
    if missing_kinds(pack):
        pytest.skip(f"kinds not built yet: {missing_kinds(pack)}")
    results = run_examples(instantiate(pack, org))
    failed = [r.describe() for r in results if not r.ok]
    assert results
    assert failed == []


@pytest.mark.parametrize("pack", PACKS)
def test_the_dev_organisation_keeps_every_example(pack: str) -> None:
    # The dev organisation has every kind of name; none of the pack's examples is left out.
    spec = load_pack(pack).spec
    want = {
        rule.id: sum(
            len(v) for v in (*rule.examples.raise_.values(), *rule.examples.pass_.values())
        )
        for rule in spec.rules
    }
    policy = pack_policy(pack, {**ORG, "languages": ["en", "sv", "nl"]})
    got = {rule["id"]: count_examples(rule) for rule in policy["rules"]}
    assert got == want


@pytest.mark.parametrize("pack", PACKS)
def test_a_policy_from_a_pack_has_no_unfilled_placeholder(pack: str) -> None:
    text = dump_policy(pack_policy(pack, {**ORG, "languages": ["en", "sv", "nl"]}))
    for name in ("{org}", "{product}", "{competitor}", "{term}", "{work_at", "{quiet_at"):
        assert name not in text


@pytest.mark.parametrize(
    ("case", "org", "rule_id", "examples"),
    [
        (
            "an organisation without competitors loses the examples naming one",
            {**MINIMAL_ORG, "languages": ["en", "sv", "nl"]},
            "competitors-open",
            0,
        ),
        (
            "an English-only organisation keeps only the English examples",
            {**ORG, "languages": ["en"]},
            "competitors-open",
            2,
        ),
        (
            "the dev organisation keeps all six",
            {**ORG, "languages": ["en", "sv", "nl"]},
            "competitors-open",
            6,
        ),
    ],
)
def test_examples_follow_what_the_organisation_has(
    case: str, org: dict[str, Any], rule_id: str, examples: int
) -> None:
    policy = pack_policy("mr-green", org)
    rule = next(r for r in policy["rules"] if r["id"] == rule_id)
    assert count_examples(rule) == examples, case


def test_texts_are_given_in_the_organisations_languages_only() -> None:
    policy = pack_policy("simple", {**ORG, "languages": ["sv", "nl"]})
    assert set(policy["title"]) == {"sv", "nl"}
    assert policy["title"]["sv"] == "Lumora Health: vår policy för sociala medier"
    assert all(set(r["guideline"]) == {"sv", "nl"} for r in policy["rules"])


def test_a_language_the_pack_lacks_is_an_error_that_says_what_to_do() -> None:
    with pytest.raises(InputError, match=r"no texts in de .*docs/languages.md"):
        pack_policy("simple", {**ORG, "languages": ["en", "de"]})


def test_an_unknown_pack_is_an_error_listing_the_packs() -> None:
    with pytest.raises(InputError, match="unknown pack 'roche'; choose one of: code-of-conduct"):
        pack_policy("roche", ORG)


@pytest.mark.parametrize(
    ("text", "filled"),
    [
        ("I work at {org}", "I work at Lumora Health"),
        ("{competitor} vs {product}", "Novexa vs Zentrava"),
        ("Ask about {rx_product}", "Ask about Zentrava"),
        ("{term} on {domain}", "Project Heron on intranet.lumora.local"),
        ("Use {tag}, mail {contact}", "Use #LumoraEmployee, mail press@lumorahealth.com"),
        ("a message keeps the engine's {excerpt}", "a message keeps the engine's {excerpt}"),
        ("{work_at}", "2026-03-03T13:00:00+01:00"),
        ("{work_at:08:40}", "2026-03-03T08:40:00+01:00"),
        ("{weekend_at}", "2026-03-07T11:00:00+01:00"),
        ("{quiet_at:09:15}", "2026-06-22T09:15:00+02:00"),
    ],
)
def test_placeholders_are_filled_from_the_organisation(text: str, filled: str) -> None:
    values = placeholder_values(Organisation.model_validate(ORG))
    assert fill_placeholders(text, values) == filled


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("{competitor} is great", "no competitors"),
        ("{quiet_at}", "no quiet period"),
        ("{rx_product}", "no prescription products"),
    ],
)
def test_a_placeholder_the_organisation_cannot_fill_drops_the_text(text: str, why: str) -> None:
    values = placeholder_values(Organisation.model_validate(MINIMAL_ORG))
    assert fill_placeholders(text, values) is None, why


@pytest.mark.parametrize(
    ("case", "hours", "quiet", "expected"),
    [
        ("a Tuesday by default", {}, [], date(2026, 3, 3)),
        (
            "not inside a quiet period",
            {},
            [{"start": "2026-03-01", "end": "2026-03-04"}],
            date(2026, 3, 5),
        ),
        ("only on a working day", {"days": ["fri"]}, [], date(2026, 3, 6)),
        (
            "not on a public holiday",
            {"holidays": "NL"},
            [{"start": "2026-03-01", "end": "2026-04-26"}],
            date(2026, 4, 28),
        ),
    ],
)
def test_the_working_day_of_examples_is_an_ordinary_one(
    case: str, hours: dict[str, Any], quiet: list[dict[str, str]], expected: date
) -> None:
    # 27 April 2026 is King's Day in the Netherlands.
    org = Organisation.model_validate(
        {
            "name": "Acme",
            "timezone": "Europe/Amsterdam",
            "working_hours": hours,
            "quiet_periods": quiet,
        }
    )
    work_at = placeholder_values(org)["work_at"]
    assert work_at is not None
    assert datetime.fromisoformat(work_at).date() == expected, case


def test_severities_trust_people_few_rules_block() -> None:
    # Seeds 002 and 004 argue for trust: only leaks that cannot be taken back wait for review.
    blocking = {
        p.name: sorted(r.kind for r in p.spec.rules if r.severity == "block") for p in list_packs()
    }
    assert blocking["mr-green"] == []
    assert blocking["code-of-conduct"] == ["confidential", "secrets"]
    assert blocking["dutch-eight"] == ["confidential", "quiet_period", "secrets"]
    tips = [r for r in load_pack("code-of-conduct").spec.rules if r.severity == "tip"]
    assert len(tips) > len(load_pack("code-of-conduct").spec.rules) / 2


def test_the_cli_lists_the_packs(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["policy", "packs"]) == 0
    out = capsys.readouterr().out
    assert [line.split()[0] for line in out.splitlines()] == PACKS


def test_init_with_a_pack_then_test_passes(tmp_path: Path) -> None:
    if missing_kinds("pharma"):
        pytest.skip(f"kinds not built yet: {missing_kinds('pharma')}")
    org = tmp_path / "org.json"
    org.write_text(json.dumps(ORG), encoding="utf-8")
    out = tmp_path / "pharma.yaml"
    assert main(["policy", "init", "--org", str(org), "--pack", "pharma", "-o", str(out)]) == 0
    assert main(["policy", "validate", str(out)]) == 0
    assert main(["policy", "test", str(out)]) == 0
