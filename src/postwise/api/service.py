"""What every request needs: the database, the workflow, metrics — and who is asking.

A request's work is one unit (``Service.unit``): a session in a transaction, the person
behind the bearer token (an API token or a login session), committed when the endpoint
returns and rolled back when it raises, so an error leaves nothing half done.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy.orm import Session

from postwise.api.metrics import Metrics
from postwise.store import Database
from postwise.store.models import Person
from postwise.workflow import Unauthenticated, Workflow
from postwise.workflow.people import authenticate

bearer = HTTPBearer(
    auto_error=False,
    description="An API token (admins issue them) or a session token from POST /api/login.",
)


@dataclass
class Service:
    db: Database
    workflow: Workflow
    metrics: Metrics

    @contextmanager
    def unit(self, token: str | None) -> Iterator[tuple[Session, Person]]:
        """A unit of work on behalf of the token's person."""
        if not token:
            raise Unauthenticated("send a bearer token (Authorization: Bearer …)", "authorization")
        with self.db.session() as session:
            yield session, authenticate(session, token, self.workflow.clock())

    @contextmanager
    def reading(self, token: str | None) -> Iterator[tuple[Session, Person]]:
        """Like :meth:`unit` for requests that change nothing (no write lock on SQLite)."""
        if not token:
            raise Unauthenticated("send a bearer token (Authorization: Bearer …)", "authorization")
        with self.db.reading() as session:
            yield session, authenticate(session, token, self.workflow.clock())

    @contextmanager
    def anonymous(self) -> Iterator[Session]:
        with self.db.session() as session:
            yield session


def _service(request: Request) -> Service:
    service: Service = request.app.state.service
    return service


def _token(
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
) -> str | None:
    return credentials.credentials if credentials else None


ServiceDep = Annotated[Service, Depends(_service)]
TokenDep = Annotated[str | None, Depends(_token)]
