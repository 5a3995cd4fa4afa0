"""confidential: listed terms in their real surface forms, internal links, markers, patterns."""

from __future__ import annotations

import pytest

from postwise import CompiledPolicy, check
from tests.conftest import context, policy_with


@pytest.fixture(scope="module")
def policy() -> CompiledPolicy:
    return policy_with("confidential")


def excerpts(text: str, policy: CompiledPolicy) -> list[tuple[str, str]]:
    report = check(text, context(), policy)
    return [(f.excerpt, f.message) for f in report.findings if f.kind == "confidential"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Vandaag de eerste batch voor #ProjectHeron opgeschaald", ["ProjectHeron"]),
        ("Sista sprinten i Heron-projektet innan semestern", ["Heron-projektet"]),
        ("het Heronproject verhuist naar Utrecht", ["Heronproject"]),
        ("Our LH 417 poster draft is ready", ["LH 417"]),
        ("Stabiliteten för lh417 ser bra ut", ["lh417"]),
        ("Ik kan niet wachten tot we Velyra lanceren", ["Velyra"]),
        ("Kickoff with the Noordhaven Zorggroep team!", ["Noordhaven Zorggroep"]),
        ("Sneak peek (internal only, please don't share)", ["internal only", "please don't share"]),
        ("Kan inte säga så mycket, det är konfidentiellt!", ["konfidentiellt"]),
        ("Niet naar buiten brengen hè, maar het lab verhuist", ["Niet naar buiten brengen"]),
        ("Mag nog niks zeggen want vertrouwelijk", ["vertrouwelijk"]),
    ],
)
def test_confidential_words_are_found_where_they_stand(
    policy: CompiledPolicy, text: str, expected: list[str]
) -> None:
    assert [e for e, _ in excerpts(text, policy)] == expected


@pytest.mark.parametrize(
    "text",
    [
        "Grey heron at the Kromme Rijn this morning #heron",
        "Our summer intern built the test-data generator",
        "Trots op mijn zus: arts-assistent interne geneeskunde",
        "I reported it internally and asked her to see a doctor",
        "The sustainability report is out: https://www.lumorahealth.com/report",
        "Velyrakonst is a word that only starts like a code name",
    ],
)
def test_look_alikes_stay_quiet(policy: CompiledPolicy, text: str) -> None:
    assert excerpts(text, policy) == []


def test_an_internal_link_is_one_finding_with_a_fix_that_removes_it(
    policy: CompiledPolicy,
) -> None:
    text = "Kan iemand https://intranet.lumora.local/hr/lh417 openen? Bedankt!"
    report = check(text, context(), policy)
    [finding] = report.findings
    assert finding.excerpt == "https://intranet.lumora.local/hr/lh417"
    assert "intranet.lumora.local" in finding.message
    assert finding.fix is not None
    assert finding.fix.apply(text) == "Kan iemand  openen? Bedankt!"


def test_a_sub_domain_of_an_internal_domain_is_internal(policy: CompiledPolicy) -> None:
    [(excerpt, _)] = excerpts("See wiki.lumora.atlassian.net/x for the plan", policy)
    assert excerpt == "wiki.lumora.atlassian.net/x"


def test_a_policy_adds_its_own_terms_and_patterns() -> None:
    policy = policy_with(
        "confidential", {"terms": ["Blue Harbour"], "patterns": [r"\bTCK-\d{4}\b"]}
    )
    found = [e for e, _ in excerpts("Blue Harbour ships TCK-2291 next week", policy)]
    assert found == ["Blue Harbour", "TCK-2291"]


def test_markers_can_be_switched_off() -> None:
    policy = policy_with("confidential", {"markers": False})
    assert excerpts("This is internal only", policy) == []
