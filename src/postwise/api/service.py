"""What every request needs: the database, the workflow, metrics — and who is asking.

A request's work is one unit (``Service.unit``): a session in a transaction, the person
behind the bearer token (an API token or a login session), committed when the endpoint
returns and rolled back when it raises, so an error leaves nothing half done.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy import select
from sqlalchemy.orm import Session

from postwise.api.metrics import Metrics
from postwise.policy.compiled import CompiledPolicy
from postwise.store import Database
from postwise.store.models import Credential, Person
from postwise.workflow import Forbidden, Unauthenticated, Workflow
from postwise.workflow.people import authenticate, secret_digest

bearer = HTTPBearer(
    auto_error=False,
    description="An API token (admins issue them) or a session token from POST /api/login.",
)


CHECK_CACHE_SECONDS = 5.0


@dataclass
class Service:
    db: Database
    workflow: Workflow
    metrics: Metrics
    _checkers: dict[str, tuple[float, str]] = field(default_factory=dict)
    _active: tuple[float, str, str] | None = None
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def policy_for_check(self, token: str | None) -> CompiledPolicy:
        """The active policy for a stateless check by ``token``'s person.

        The stateless check changes nothing, so it may rely on what this process learnt in
        the last few seconds (who the token belongs to, which policy is active) instead of
        asking the database on every keystroke. A revoked token or a newly activated policy
        takes effect here within ``CHECK_CACHE_SECONDS``; every other endpoint asks anew.
        """
        if not token:
            raise Unauthenticated("send a bearer token (Authorization: Bearer …)", "authorization")
        now = time.monotonic()
        known = self._checkers.get(token)
        active = self._active
        if known is None or known[0] < now or active is None or active[0] < now:
            with self.reading(token) as (session, _):
                row, policy = self.workflow.policies.active(session)
            with self._lock:
                if len(self._checkers) > 10_000:
                    self._checkers.clear()
                self._checkers[token] = (now + CHECK_CACHE_SECONDS, row.version)
                self._active = (now + CHECK_CACHE_SECONDS, row.version, row.yaml)
            return policy
        return self.workflow.policies.compiled(active[1], active[2])

    @contextmanager
    def unit(
        self, token: str | None, first_login: bool = False
    ) -> Iterator[tuple[Session, Person]]:
        """A unit of work on behalf of the token's person.

        Someone who logged in with a first-login password may only change it (and read who
        they are, or log out) until they have: ``first_login`` marks those endpoints.
        """
        if not token:
            raise Unauthenticated("send a bearer token (Authorization: Bearer …)", "authorization")
        with self.db.session() as session:
            person = authenticate(session, token, self.workflow.clock())
            if person.must_change_password and not first_login:
                _refuse_first_login_session(session, token)
            yield session, person

    @contextmanager
    def reading(
        self, token: str | None, first_login: bool = False
    ) -> Iterator[tuple[Session, Person]]:
        """Like :meth:`unit` for requests that change nothing (no write lock on SQLite)."""
        if not token:
            raise Unauthenticated("send a bearer token (Authorization: Bearer …)", "authorization")
        with self.db.reading() as session:
            person = authenticate(session, token, self.workflow.clock())
            if person.must_change_password and not first_login:
                _refuse_first_login_session(session, token)
            yield session, person

    @contextmanager
    def anonymous(self) -> Iterator[Session]:
        with self.db.session() as session:
            yield session


def _refuse_first_login_session(session: Session, token: str) -> None:
    kind = session.execute(
        select(Credential.kind).where(Credential.secret_sha256 == secret_digest(token))
    ).scalar()
    if kind == "session":
        raise Forbidden(
            "change your first-login password first (POST /api/me/password)", field="password"
        )


def _service(request: Request) -> Service:
    service: Service = request.app.state.service
    return service


def _token(
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
) -> str | None:
    return credentials.credentials if credentials else None


ServiceDep = Annotated[Service, Depends(_service)]
TokenDep = Annotated[str | None, Depends(_token)]
