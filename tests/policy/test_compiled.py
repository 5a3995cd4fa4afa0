"""The compiled organisation: the names a post may mention."""

from __future__ import annotations

import pytest

from postwise import check
from postwise.policy.compiled import _short_forms
from tests.conftest import context, policy_with


@pytest.mark.parametrize(
    ("name", "short"),
    [
        ("Caldris Pharma", ["Caldris"]),
        ("Halden Medical AB", ["Halden"]),
        ("Brevik Therapeutics", ["Brevik"]),
        ("Novo Nordisk", []),  # two words of its own: no short form
        ("Acme", []),  # nothing generic to leave out
        ("Big Pharma", []),  # what is left is too short to be a name
    ],
)
def test_a_company_is_also_found_by_its_name_without_generic_words(
    name: str, short: list[str]
) -> None:
    assert _short_forms(name) == short


def test_a_competitor_named_without_its_generic_word_is_still_a_competitor() -> None:
    policy = policy_with("disclosure")
    report = check("Brevik's new inhaler is useless.", context(), policy)
    assert [(f.kind, f.excerpt) for f in report.findings] == [("disclosure", "Brevik's")]
