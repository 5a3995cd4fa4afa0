"""The policy file's JSON Schema (written to ``docs/policy.schema.json`` for editors)."""

from __future__ import annotations

from typing import Any

from postwise.policy.model import policy_model


def policy_schema() -> dict[str, Any]:
    schema = policy_model().model_json_schema(by_alias=True, mode="validation")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "postwise policy"
    return schema
