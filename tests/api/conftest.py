"""API fixtures: the app on a fresh database (SQLite and PostgreSQL), three people with API
tokens, the dev organisation's starter policy active."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from fastapi.testclient import TestClient

from postwise.api.app import create_app
from postwise.audit import SYSTEM
from postwise.store import Database, utcnow
from postwise.workflow import Policies, Workflow
from postwise.workflow.people import PersonData, create_person, issue_credential
from tests.dbs import db, db_url, pg_url, sqlite_template
from tests.workflow.conftest import POLICY_YAML

__all__ = ["db", "db_url", "pg_url", "sqlite_template"]


@dataclass
class Api:
    client: TestClient
    db: Database
    tokens: dict[str, str]
    ids: dict[str, int]

    def as_(self, who: str) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.tokens[who]}"}

    def post(self, who: str, path: str, json: object = None) -> object:
        return self.client.post(path, json=json, headers=self.as_(who))


@pytest.fixture
def api(db: Database) -> Iterator[Api]:
    tokens, ids = {}, {}
    with db.session() as s:
        for name, role in [
            ("ada", "employee"),
            ("bo", "employee"),
            ("rita", "reviewer"),
            ("adam", "admin"),
        ]:
            person = create_person(
                s,
                SYSTEM,
                PersonData(
                    name=name.title(),
                    email=f"{name}@lumora.example",
                    app_role=role,
                    role="engineer",
                    languages=["en"],
                ),
                utcnow(),  # no password: argon2 is slow on purpose, and tokens suffice here
            )
            ids[name] = person.id
            tokens[name] = issue_credential(s, SYSTEM, person, utcnow(), name="test")[1]
        Policies().activate(s, SYSTEM, POLICY_YAML, utcnow())
    app = create_app(db, Workflow(Policies()), max_body_bytes=600_000)
    with TestClient(app) as client:
        yield Api(client, db, tokens, ids)
