"""Health, metrics, the stateless check, and signing in."""

from __future__ import annotations

import time
from typing import Any

from fastapi import APIRouter, Response
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import select

from postwise.api.service import ServiceDep, TokenDep
from postwise.engine.check import MAX_TEXT_CHARS, check
from postwise.engine.context import Context
from postwise.store.models import Credential, Notification
from postwise.workflow import Unauthenticated
from postwise.workflow.people import change_password, login, person_view, secret_digest

router = APIRouter()


class CheckRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    text: str = Field(max_length=MAX_TEXT_CHARS, description="The post, as the author wrote it.")
    context: dict[str, Any] | None = Field(
        None,
        description="posted_at, channel, author{role, expertise, spokesperson, language…}, "
        "work_device, account_anonymous, recent_posts — as in the Python library.",
    )


class LoginRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    email: str = Field(max_length=320)
    password: str = Field(max_length=1000)


class PasswordChange(BaseModel):
    model_config = ConfigDict(extra="forbid")

    old_password: str = Field(max_length=1000)
    new_password: str = Field(min_length=10, max_length=1000)


@router.get("/healthz", tags=["system"])
def healthz(svc: ServiceDep) -> dict[str, str]:
    """Alive and able to reach the database."""
    svc.db.ping()
    return {"status": "ok", "database": svc.db.dialect}


@router.get("/metrics", tags=["system"], response_class=Response)
def metrics(svc: ServiceDep) -> Response:
    """Prometheus metrics."""
    return Response(svc.metrics.render(), media_type="text/plain; version=0.0.4")


@router.post("/api/check", tags=["check"])
def check_post(body: CheckRequest, svc: ServiceDep, token: TokenDep) -> dict[str, Any]:
    """Check a post against the active policy. Stateless: nothing is stored."""
    policy = svc.policy_for_check(token)
    context = Context.from_data(body.context)
    started = time.perf_counter()
    report = check(body.text, context, policy)
    svc.metrics.checks.labels(report.verdict).inc()
    return {**report.to_dict(), "engine_ms": round((time.perf_counter() - started) * 1000, 3)}


@router.post("/api/login", tags=["people"])
def sign_in(body: LoginRequest, svc: ServiceDep) -> dict[str, Any]:
    """Exchange e-mail and password for a session token (12 hours)."""
    with svc.anonymous() as session:
        result = login(session, body.email, body.password, svc.workflow.clock())
        if result is not None:
            person, credential, secret = result
            answer = {
                "token": secret,
                "expires_at": credential.expires_at.isoformat() if credential.expires_at else None,
                "person": person_view(person),
            }
    if result is None:  # the failed attempt is recorded (committed) before we answer
        raise Unauthenticated("wrong e-mail address or password", field="password")
    return answer


@router.post("/api/logout", tags=["people"], status_code=204)
def sign_out(svc: ServiceDep, token: TokenDep) -> Response:
    """End the session whose token is sent."""
    with svc.unit(token, first_login=True) as (session, _):
        credential = session.execute(
            select(Credential).where(Credential.secret_sha256 == secret_digest(token or ""))
        ).scalar_one()
        credential.revoked_at = svc.workflow.clock()
    return Response(status_code=204)


@router.get("/api/me", tags=["people"])
def me(svc: ServiceDep, token: TokenDep) -> dict[str, Any]:
    with svc.reading(token, first_login=True) as (_, person):
        return person_view(person)


@router.post("/api/me/password", tags=["people"], status_code=204)
def new_password(body: PasswordChange, svc: ServiceDep, token: TokenDep) -> Response:
    """Change your password (required after a first-login password)."""
    with svc.unit(token, first_login=True) as (session, person):
        change_password(session, person, body.old_password, body.new_password, svc.workflow.clock())
    return Response(status_code=204)


@router.get("/api/notifications", tags=["people"])
def notifications(svc: ServiceDep, token: TokenDep) -> list[dict[str, Any]]:
    """What you have been told: review decisions, missed schedules, failures."""
    with svc.reading(token) as (session, person):
        rows = session.execute(
            select(Notification)
            .where(Notification.person_id == person.id)
            .order_by(Notification.id.desc())
            .limit(200)
        ).scalars()
        return [
            {
                "id": n.id,
                "post_id": n.post_id,
                "kind": n.kind,
                "message": n.message,
                "created_at": n.created_at.isoformat(),
            }
            for n in rows
        ]
