"""Workflow fixtures: a database (SQLite and PostgreSQL), a clock the test moves, three people
and an active policy. ``marked_check`` stands in for the engine where a test needs a verdict
on demand: the words BLOCK, WARN, HEAT and ADVERSE in a post produce those findings."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

import pytest

from postwise import CompiledPolicy, Context, Finding, Report
from postwise.audit import SYSTEM
from postwise.policy.starter import dump_policy, starter_policy
from postwise.report.model import verdict_of
from postwise.store import Database
from postwise.store.models import Person
from postwise.workflow import Policies, PostDraft, Workflow
from postwise.workflow.people import PersonData, create_person
from tests.conftest import ORG
from tests.dbs import db, db_url, pg_url, sqlite_template

__all__ = ["db", "db_url", "pg_url", "sqlite_template"]

START = datetime(2026, 3, 3, 9, 0, tzinfo=UTC)  # a Tuesday morning


def finding(kind: str, severity: str, rule_id: str, **data: object) -> Finding:
    return Finding(rule_id, kind, severity, None, None, "", f"{kind} message", "", "en", None, data)  # type: ignore[arg-type]


def marked_check(text: str, context: Context, policy: CompiledPolicy) -> Report:
    findings = []
    if "BLOCK" in text:
        findings.append(finding("confidential", "block", "confidential"))
    if "WARN" in text:
        findings.append(finding("channel", "warn", "channel"))
    if "HEAT" in text:
        findings.append(finding("heat", "tip", "heat", hold_minutes=10))
    if "ADVERSE" in text:
        findings.append(
            finding(
                "adverse_event", "warn", "adverse-event", route="drug_safety", deadline_hours=24
            )
        )
    hold = max((int(f.data.get("hold_minutes", 0)) for f in findings), default=0)  # type: ignore[call-overload]
    return Report(verdict_of(findings), tuple(findings), policy.version, "en", hold)


@dataclass
class Clock:
    now: datetime = START

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> datetime:
        self.now += timedelta(**delta)
        return self.now


@dataclass
class World:
    db: Database
    clock: Clock
    flow: Workflow
    people: dict[str, int] = field(default_factory=dict)

    def person(self, session: object, name: str) -> Person:
        found = session.get(Person, self.people[name])  # type: ignore[attr-defined]
        assert found is not None
        return found  # type: ignore[no-any-return]

    def post(self, author: str, text: str, submit: bool = True, **kw: object) -> int:
        with self.db.session() as s:
            post = self.flow.create(
                s,
                self.person(s, author),
                PostDraft(text=text, submit=submit, **kw),  # type: ignore[arg-type]
            )
            return post.id


# Only the kinds these tests lean on, so other kinds' detectors cannot change their verdicts.
SERVICE_KINDS = {"confidential", "channel", "quota", "posting_window"}


def service_policy() -> dict[str, object]:
    data = starter_policy(ORG)
    data["rules"] = [r for r in data["rules"] if r["kind"] in SERVICE_KINDS]
    return data


POLICY_YAML = dump_policy(service_policy())


def make_world(database: Database, real_engine: bool) -> World:
    clock = Clock()
    policies = Policies()
    flow = Workflow(policies, clock) if real_engine else Workflow(policies, clock, marked_check)
    world = World(database, clock, flow)
    with database.session() as s:
        for name, role in [("ada", "employee"), ("rita", "reviewer"), ("adam", "admin")]:
            person = create_person(
                s,
                SYSTEM,
                PersonData(
                    name=name.title(),
                    email=f"{name}@lumora.example",
                    app_role=role,
                    role="engineer",
                    expertise=["software"],
                    languages=["en"],
                ),
                clock(),
            )
            world.people[name] = person.id
        policies.activate(s, SYSTEM, POLICY_YAML, clock())
    return world


@pytest.fixture
def world(db: Database) -> Iterator[World]:
    yield make_world(db, real_engine=False)


@pytest.fixture
def real_world(db: Database) -> Iterator[World]:
    yield make_world(db, real_engine=True)
