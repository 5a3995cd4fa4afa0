"""Shared fixtures: the dev organisation's starter policy and a helper to check posts."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from postwise import CompiledPolicy, Context, Report, check, load_policy_text
from postwise.policy.starter import dump_policy, starter_policy

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
DEV_ORG = SHARED / "eval" / "dev-org.json"
DEV_CASES = SHARED / "eval" / "dev-cases.jsonl"

# The dev organisation, kept here too so unit tests do not depend on ../shared being present.
ORG: dict[str, Any] = {
    "name": "Lumora Health",
    "aliases": ["Lumora", "Lumora Health B.V.", "Lumora Health AB"],
    "handles": ["@lumorahealth", "@LumoraCareers"],
    "hashtags": ["#Lumora", "#LumoraLife", "#LumoraHealth"],
    "timezone": "Europe/Amsterdam",
    "working_hours": ["08:30", "17:30"],
    "products": [
        {"name": "Zentrava", "prescription": True},
        {"name": "Respiqo", "prescription": True},
        {"name": "CareLoop", "prescription": False},
    ],
    "competitors": ["Novexa", "Brevik Therapeutics", "Aldermed"],
    "confidential_terms": [
        "Project Heron",
        "Project Nordljus",
        "LH-417",
        "Velyra",
        "Noordhaven Zorggroep",
    ],
    "internal_domains": ["intranet.lumora.local", "lumora.atlassian.net"],
    "public_contacts": [
        "press@lumorahealth.com",
        "careers@lumorahealth.com",
        "drugsafety@lumorahealth.com",
    ],
    "quiet_periods": [
        {"start": "2026-06-22", "end": "2026-07-22", "reason": "Half-year report 2026"},
        {"start": "2026-12-15", "end": "2027-01-30", "reason": "Year-end report 2026"},
    ],
    "disclosure_tags": ["#LumoraEmployee", "#medarbetare", "#werknemer"],
}


def make_policy(org: dict[str, Any] | None = None, pack: str | None = None) -> CompiledPolicy:
    return load_policy_text(dump_policy(starter_policy(org or ORG, pack)), "test policy")


def policy_with(kind: str, settings: dict[str, Any] | None = None, **org: Any) -> CompiledPolicy:
    """The dev organisation (with ``org`` overrides) and only the starter rule of ``kind``."""
    data = starter_policy({**ORG, **org})
    data["rules"] = [
        {**rule, "settings": settings or {}} for rule in data["rules"] if rule["kind"] == kind
    ]
    return load_policy_text(dump_policy(data), "test policy")


@pytest.fixture(scope="session")
def dev_policy() -> CompiledPolicy:
    return make_policy()


def context(
    posted_at: str = "2026-03-03T10:00:00+01:00",
    channel: str = "linkedin",
    **author: Any,
) -> Context:
    """A weekday-morning LinkedIn post by an engineer, unless told otherwise."""
    data: dict[str, Any] = {
        "posted_at": posted_at,
        "channel": channel,
        "author": {"role": "engineer", "expertise": ["software"], **author},
    }
    return Context.from_data(data)


def kinds(text: str, policy: CompiledPolicy, ctx: Context | None = None) -> set[str]:
    return check(text, ctx or context(), policy).kinds


def run(text: str, policy: CompiledPolicy, ctx: Context | None = None) -> Report:
    return check(text, ctx or context(), policy)


def dev_cases() -> list[dict[str, Any]]:
    if not DEV_CASES.exists():
        return []
    return [json.loads(line) for line in DEV_CASES.read_text(encoding="utf-8").splitlines() if line]


def at(iso: str) -> datetime:
    return datetime.fromisoformat(iso)
