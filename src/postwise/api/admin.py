"""Administration: the policy (get, validate, activate), people, accounts, tokens, settings
and the audit log. Everything here needs the admin role, except reading the active policy."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from fastapi import APIRouter
from fastapi.responses import StreamingResponse
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import select

from postwise.api.service import ServiceDep, TokenDep
from postwise.audit import record, verify
from postwise.audit.chain import iter_events
from postwise.policy.compiled import load_policy_text
from postwise.policy.errors import InputError
from postwise.policy.loader import MAX_POLICY_BYTES
from postwise.store.models import AuditHead, Person, PolicyVersion
from postwise.workflow import NotFound
from postwise.workflow.people import (
    AccountData,
    PersonChanges,
    PersonData,
    account_view,
    actor_of,
    add_account,
    create_person,
    issue_credential,
    new_password,
    person_view,
    require,
    revoke_credential,
    update_person,
)
from postwise.workflow.policy import SOURCE
from postwise.workflow.settings import WorkflowSettings, load_settings, save_settings

router = APIRouter(prefix="/api")


class PolicyText(BaseModel):
    model_config = ConfigDict(extra="forbid")

    yaml: str = Field(max_length=MAX_POLICY_BYTES, description="The policy file's text.")


class NewPerson(PersonData):
    password: str | None = Field(
        None,
        min_length=10,
        max_length=1000,
        description="First-login password; one is generated (and returned once) when absent.",
    )


class TokenRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=1, max_length=100, description="What the token is for.")


def _policy_view(row: PolicyVersion, with_yaml: bool = True) -> dict[str, Any]:
    view: dict[str, Any] = {
        "id": row.id,
        "version": row.version,
        "sha256": row.sha256,
        "active": row.active,
        "activated_at": row.activated_at.isoformat() if row.activated_at else None,
        "activated_by": row.activated_by,
    }
    if with_yaml:
        view["yaml"] = row.yaml
    return view


@router.get("/policy", tags=["policy"])
def get_policy(svc: ServiceDep, token: TokenDep) -> dict[str, Any]:
    """The active policy: version and who activated it when; admins also get its YAML
    (it lists confidential terms, which employees should not learn from it)."""
    with svc.reading(token) as (s, me):
        row, _policy = svc.workflow.policies.active(s)
        return _policy_view(row, with_yaml=me.app_role == "admin")


@router.get("/policy/versions", tags=["policy"])
def policy_versions(svc: ServiceDep, token: TokenDep) -> list[dict[str, Any]]:
    with svc.reading(token) as (s, me):
        require(me, "admin")
        rows = s.execute(select(PolicyVersion).order_by(PolicyVersion.id.desc())).scalars()
        return [_policy_view(r, with_yaml=False) for r in rows]


@router.post("/policy/validate", tags=["policy"])
def validate_policy(body: PolicyText, svc: ServiceDep, token: TokenDep) -> dict[str, Any]:
    """Validate without activating: ``valid`` and the problems with line and column."""
    with svc.unit(token) as (_, me):
        require(me, "admin")
    try:
        policy = load_policy_text(body.yaml, SOURCE)
    except InputError as exc:
        return {
            "valid": False,
            "problems": [
                {"field": p.path, "message": p.message, "line": p.line, "column": p.column}
                for p in exc.problems
            ],
        }
    return {
        "valid": True,
        "version": policy.version,
        "rules": [r.spec.id for r in policy.rules],
        "problems": [],
    }


@router.post("/policy/activate", tags=["policy"], status_code=201)
def activate_policy(body: PolicyText, svc: ServiceDep, token: TokenDep) -> dict[str, Any]:
    """Validate, store and activate. An invalid policy is a 422 naming line and column;
    the active policy stays as it was."""
    with svc.unit(token) as (s, me):
        require(me, "admin")
        row = svc.workflow.policies.activate(s, actor_of(me), body.yaml, svc.workflow.clock())
        return _policy_view(row, with_yaml=False)


@router.get("/people", tags=["people"])
def list_people(svc: ServiceDep, token: TokenDep) -> list[dict[str, Any]]:
    with svc.reading(token) as (s, me):
        require(me, "admin")
        return [person_view(p) for p in s.execute(select(Person).order_by(Person.id)).scalars()]


@router.post("/people", tags=["people"], status_code=201)
def add_person(body: NewPerson, svc: ServiceDep, token: TokenDep) -> dict[str, Any]:
    """Add a person; the first-login password is in the answer, once."""
    with svc.unit(token) as (s, me):
        require(me, "admin")
        password = body.password or new_password()
        person = create_person(
            s,
            actor_of(me),
            PersonData(**body.model_dump(exclude={"password"})),
            svc.workflow.clock(),
            password=password,
        )
        return {**person_view(person), "first_login_password": password}


def _person(s: Any, person_id: int) -> Person:
    person = s.get(Person, person_id)
    if person is None:
        raise NotFound(f"no person {person_id}", field="person_id")
    return person  # type: ignore[no-any-return]


@router.patch("/people/{person_id}", tags=["people"])
def change_person(
    person_id: int, body: PersonChanges, svc: ServiceDep, token: TokenDep
) -> dict[str, Any]:
    with svc.unit(token) as (s, me):
        require(me, "admin")
        person = update_person(s, actor_of(me), _person(s, person_id), body, svc.workflow.clock())
        return person_view(person)


@router.post("/people/{person_id}/accounts", tags=["people"], status_code=201)
def add_person_account(
    person_id: int, body: AccountData, svc: ServiceDep, token: TokenDep
) -> dict[str, Any]:
    with svc.unit(token) as (s, me):
        require(me, "admin")
        account = add_account(s, actor_of(me), _person(s, person_id), body, svc.workflow.clock())
        return account_view(account)


@router.post("/people/{person_id}/tokens", tags=["people"], status_code=201)
def add_token(
    person_id: int, body: TokenRequest, svc: ServiceDep, token: TokenDep
) -> dict[str, Any]:
    """An API token for an integration acting as this person; shown once."""
    with svc.unit(token) as (s, me):
        require(me, "admin")
        credential, secret = issue_credential(
            s, actor_of(me), _person(s, person_id), svc.workflow.clock(), name=body.name
        )
        return {
            "id": credential.id,
            "name": body.name,
            "prefix": credential.prefix,
            "token": secret,
        }


@router.delete("/people/{person_id}/tokens/{token_id}", tags=["people"], status_code=204)
def delete_token(person_id: int, token_id: int, svc: ServiceDep, token: TokenDep) -> None:
    with svc.unit(token) as (s, me):
        require(me, "admin")
        revoke_credential(s, actor_of(me), token_id, _person(s, person_id), svc.workflow.clock())


@router.get("/settings", tags=["settings"])
def get_settings(svc: ServiceDep, token: TokenDep) -> WorkflowSettings:
    with svc.reading(token) as (s, me):
        require(me, "admin")
        return load_settings(s)


@router.put("/settings", tags=["settings"])
def put_settings(body: WorkflowSettings, svc: ServiceDep, token: TokenDep) -> WorkflowSettings:
    """Hold every post N minutes, the share of published posts sampled, review overdue hours."""
    with svc.unit(token) as (s, me):
        require(me, "admin")
        save_settings(s, body, svc.workflow.clock())
        record(
            s, actor_of(me), "settings.changed", subject="settings:workflow", data=body.model_dump()
        )
        return body


@router.get("/audit/verify", tags=["audit"])
def audit_verify(svc: ServiceDep, token: TokenDep) -> dict[str, Any]:
    """Check the hash chain; ``broken_at`` names the first broken link."""
    with svc.reading(token) as (s, me):
        require(me, "admin")
        return verify(s).to_dict()


@router.get("/audit/export", tags=["audit"], response_class=StreamingResponse)
def audit_export(svc: ServiceDep, token: TokenDep) -> StreamingResponse:
    """The log as JSON lines; the head hash and count are in the response headers."""
    with svc.unit(token) as (s, me):
        require(me, "admin")
        record(s, actor_of(me), "audit.exported", subject="audit")
    with svc.db.session() as s:
        head = s.get(AuditHead, 1)
        seq, head_hash = (head.seq, head.hash) if head else (0, "0" * 64)

    def lines() -> Iterator[bytes]:
        import json

        with svc.db.session() as s:
            for event in iter_events(s):
                if event["seq"] > seq:
                    break
                yield (json.dumps(event, sort_keys=True, ensure_ascii=False) + "\n").encode()

    return StreamingResponse(
        lines(),
        media_type="application/x-ndjson",
        headers={"X-Postwise-Audit-Events": str(seq), "X-Postwise-Audit-Head": head_hash},
    )
