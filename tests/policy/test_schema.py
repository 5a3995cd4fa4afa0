from __future__ import annotations

import json

from postwise.policy.schema import policy_schema
from tests.conftest import ROOT


def test_the_published_schema_is_the_generated_one() -> None:
    published = json.loads((ROOT / "docs" / "policy.schema.json").read_text(encoding="utf-8"))
    assert published == policy_schema(), "run: postwise policy schema -o docs/policy.schema.json"


def test_the_schema_knows_every_rule_kind() -> None:
    from postwise.rules import registry

    text = json.dumps(policy_schema())
    for kind in registry():
        assert f'"{kind}"' in text


def test_the_published_rule_reference_is_the_generated_one() -> None:
    from postwise.rules._reference import rules_reference

    published = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert published == rules_reference(), "run: postwise policy kinds -o docs/rules.md"
