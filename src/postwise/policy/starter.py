"""Build a starter policy from an organisation profile (the format of ``eval/dev-org.json``).

Every per-post rule kind that exists is enabled with its default severity and the default
guideline text of each language from the message catalogue, so a new organisation gets a
working policy at once and edits it from there. Packs (``--pack``) start from a curated set.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from postwise.engine.messages import catalogue
from postwise.policy.errors import InputError, Problem
from postwise.policy.model import Organisation


def read_organisation(path: str | Path) -> dict[str, Any]:
    """Read and validate an organisation profile (JSON); errors name line and column."""
    source = str(path)
    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        raise InputError([Problem(source, f"cannot be read: {exc.strerror}")]) from None
    try:
        data = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise InputError([Problem(source, f"is not valid UTF-8 (byte {exc.start})")]) from None
    except json.JSONDecodeError as exc:
        raise InputError(
            [Problem(source, f"malformed JSON: {exc.msg}", exc.lineno, exc.colno)]
        ) from None
    if not isinstance(data, dict):
        raise InputError([Problem(source, "expected a JSON object describing the organisation")])
    try:
        Organisation.model_validate(data)
    except ValidationError as exc:
        raise InputError(
            [
                Problem(source, str(e["msg"]), path=".".join(str(p) for p in e["loc"]))
                for e in exc.errors(include_url=False)
            ]
        ) from None
    return data


def starter_rules(languages: list[str]) -> list[dict[str, Any]]:
    """One rule per per-post kind, with default severity and guideline texts."""
    from postwise.rules import registry

    rules: list[dict[str, Any]] = []
    for kind in registry().values():
        if not kind.per_post:
            continue
        guideline = {
            lang: catalogue(lang).get(kind.name, {}).get("guideline", "") for lang in languages
        }
        rules.append(
            {
                "id": kind.name.replace("_", "-"),
                "kind": kind.name,
                "severity": kind.default_severity,
                "guideline": guideline,
            }
        )
    return rules


def starter_policy(org: dict[str, Any], pack: str | None = None) -> dict[str, Any]:
    """A policy document (plain data) for ``org``; ``pack`` names a ready-made policy."""
    languages = list(org.get("languages") or ["en", "sv", "nl"])
    organisation = dict(org)
    organisation.setdefault("languages", languages)
    if pack is not None:
        from postwise.policy.packs import pack_policy

        packed: dict[str, Any] = pack_policy(pack, organisation)
        return packed
    return {
        "postwise": 1,
        "title": {lang: f"{org['name']}: social media guidelines" for lang in languages},
        "organisation": organisation,
        "rules": starter_rules(languages),
    }


def dump_policy(data: dict[str, Any]) -> str:
    """YAML a person can read: keys in document order, Unicode as is, long lines folded."""
    header = (
        "# postwise policy. Edit names, severities and guideline texts; see docs/policy.md.\n"
        "# Check it with: postwise policy validate FILE && postwise policy test FILE\n"
    )
    return header + yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)
