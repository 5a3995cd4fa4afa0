"""People, their accounts and how they prove who they are.

Passwords are hashed with argon2 (``argon2-cffi``'s defaults, RFC 9106). API tokens and login
sessions are random secrets of which only the SHA-256 is stored; the secret itself is shown
once, when issued. Roles: ``employee`` (writes posts, sees only their own), ``reviewer``
(also the review queue, drug-safety reports and samples), ``admin`` (also policy, people,
settings and the audit log). Every change here is an audit event; none carries a secret.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime, timedelta
from typing import Any, Literal

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import select
from sqlalchemy.orm import Session

from postwise.audit import SYSTEM, Actor, record
from postwise.store.models import Account, Credential, Person
from postwise.workflow.errors import Conflict, Forbidden, NotFound, Unauthenticated

AppRole = Literal["employee", "reviewer", "admin"]
RANK = {"employee": 0, "reviewer": 1, "admin": 2}
SESSION_TTL = timedelta(hours=12)
TOKEN_PREFIX = "pw_"
_hasher = PasswordHasher()
# Verifying against this when the e-mail is unknown keeps login time the same either way.
_DUMMY_HASH = _hasher.hash("postwise-dummy-password")


class PersonData(BaseModel):
    """What an admin says about a person (the API's body for people)."""

    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=1, max_length=200)
    email: str = Field(min_length=3, max_length=320, pattern=r"^[^@\s]+@[^@\s]+$")
    app_role: AppRole = "employee"
    role: str = Field("", max_length=100, description="Job role, e.g. engineer, CEO.")
    expertise: list[str] = Field(default_factory=list)
    spokesperson: bool = False
    languages: list[str] = Field(default_factory=list)
    profile_discloses_employer: bool = False


class PersonChanges(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str | None = Field(None, min_length=1, max_length=200)
    app_role: AppRole | None = None
    role: str | None = Field(None, max_length=100)
    expertise: list[str] | None = None
    spokesperson: bool | None = None
    languages: list[str] | None = None
    profile_discloses_employer: bool | None = None
    active: bool | None = None


class AccountData(BaseModel):
    model_config = ConfigDict(extra="forbid")

    network: str = Field(min_length=1, max_length=32, description="mastodon, linkedin, x…")
    handle: str = Field(min_length=1, max_length=200)
    anonymous: bool = False


def actor_of(person: Person) -> Actor:
    return Actor.person(person.id, person.email)


def require(person: Person, role: AppRole) -> None:
    """Refuse unless ``person`` has ``role`` or a higher one."""
    if RANK.get(person.app_role, -1) < RANK[role]:
        raise Forbidden(f"this needs the {role} role", field="role")


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def new_password() -> str:
    return secrets.token_urlsafe(12)


def create_person(
    session: Session,
    actor: Actor,
    data: PersonData,
    now: datetime,
    password: str | None = None,
    must_change_password: bool = True,
) -> Person:
    email = data.email.strip().lower()
    if session.execute(select(Person.id).where(Person.email == email)).first():
        raise Conflict(f"{email} already has an account", field="email")
    person = Person(
        **data.model_dump(exclude={"email"}),
        email=email,
        password_hash=hash_password(password) if password else None,
        must_change_password=must_change_password and password is not None,
        created_at=now,
    )
    session.add(person)
    session.flush()
    record(
        session,
        actor,
        "person.created",
        subject=f"person:{person.id}",
        at=now,
        data={**data.model_dump(), "email": email, "password_set": password is not None},
    )
    return person


def update_person(
    session: Session, actor: Actor, person: Person, changes: PersonChanges, now: datetime
) -> Person:
    values = changes.model_dump(exclude_unset=True)
    for key, value in values.items():
        setattr(person, key, value)
    record(session, actor, "person.changed", subject=f"person:{person.id}", at=now, data=values)
    return person


def set_password(
    session: Session, actor: Actor, person: Person, password: str, now: datetime, temporary: bool
) -> None:
    person.password_hash = hash_password(password)
    person.must_change_password = temporary
    record(
        session,
        actor,
        "person.password_set",
        subject=f"person:{person.id}",
        at=now,
        data={"temporary": temporary},
    )


def change_password(session: Session, person: Person, old: str, new: str, now: datetime) -> None:
    if not _verify(person.password_hash, old):
        raise Forbidden("the current password is not right", field="old_password")
    set_password(session, actor_of(person), person, new, now, temporary=False)


def add_account(
    session: Session, actor: Actor, person: Person, data: AccountData, now: datetime
) -> Account:
    if session.execute(
        select(Account.id).where(Account.network == data.network, Account.handle == data.handle)
    ).first():
        raise Conflict(f"{data.network} account {data.handle} is already registered", "handle")
    account = Account(person_id=person.id, **data.model_dump(), created_at=now)
    session.add(account)
    session.flush()
    record(
        session,
        actor,
        "account.added",
        subject=f"person:{person.id}",
        at=now,
        data={"account_id": account.id, **data.model_dump()},
    )
    return account


def secret_digest(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def issue_credential(
    session: Session,
    actor: Actor,
    person: Person,
    now: datetime,
    kind: Literal["token", "session"] = "token",
    name: str = "",
    ttl: timedelta | None = None,
) -> tuple[Credential, str]:
    """A new secret for ``person``; returns the record and the secret (shown only now)."""
    secret = TOKEN_PREFIX + secrets.token_urlsafe(32)
    credential = Credential(
        person_id=person.id,
        kind=kind,
        name=name,
        secret_sha256=secret_digest(secret),
        prefix=secret[:10],
        created_at=now,
        expires_at=now + ttl if ttl else None,
    )
    session.add(credential)
    session.flush()
    if kind == "token":
        record(
            session,
            actor,
            "token.issued",
            subject=f"person:{person.id}",
            at=now,
            data={"credential_id": credential.id, "name": name, "prefix": credential.prefix},
        )
    return credential, secret


def revoke_credential(
    session: Session, actor: Actor, credential_id: int, person: Person, now: datetime
) -> None:
    credential = session.get(Credential, credential_id)
    if credential is None or credential.person_id != person.id:
        raise NotFound(f"no token {credential_id}", field="token_id")
    credential.revoked_at = now
    record(
        session,
        actor,
        "token.revoked",
        subject=f"person:{person.id}",
        at=now,
        data={"credential_id": credential_id},
    )


def authenticate(session: Session, secret: str, now: datetime) -> Person:
    """The active person a token or session secret belongs to."""
    row = session.execute(
        select(Credential, Person)
        .join(Person, Person.id == Credential.person_id)
        .where(Credential.secret_sha256 == secret_digest(secret))
    ).first()
    if row is None:
        raise Unauthenticated("unknown or revoked token", field="authorization")
    credential, person = row
    if credential.revoked_at is not None or (
        credential.expires_at is not None and credential.expires_at <= now
    ):
        raise Unauthenticated("the token has expired or was revoked", field="authorization")
    if not person.active:
        raise Unauthenticated("this person's access has been switched off", field="authorization")
    return person


def _verify(password_hash: str | None, password: str) -> bool:
    try:
        return _hasher.verify(password_hash or _DUMMY_HASH, password) and password_hash is not None
    except (VerificationError, InvalidHashError):
        return False


def login(
    session: Session, email: str, password: str, now: datetime
) -> tuple[Person, Credential, str] | None:
    """Check a password and open a session; ``None`` when it fails.

    Every attempt is an audit event; a failed one is recorded too, so the caller commits
    before it answers "no" (raising here would roll the record back).
    """
    address = email.strip().lower()
    person = session.execute(select(Person).where(Person.email == address)).scalar()
    if person is None or not person.active or not _verify(person.password_hash, password):
        record(session, SYSTEM, "login.failed", subject=f"email:{address}", at=now)
        return None
    if person.password_hash and _hasher.check_needs_rehash(person.password_hash):
        person.password_hash = hash_password(password)
    person.last_login_at = now
    credential, secret = issue_credential(
        session, actor_of(person), person, now, kind="session", ttl=SESSION_TTL
    )
    record(
        session,
        actor_of(person),
        "login",
        subject=f"person:{person.id}",
        at=now,
        data={"session_id": credential.id},
    )
    return person, credential, secret


def person_view(person: Person) -> dict[str, Any]:
    return {
        "id": person.id,
        "name": person.name,
        "email": person.email,
        "app_role": person.app_role,
        "role": person.role,
        "expertise": list(person.expertise),
        "spokesperson": person.spokesperson,
        "languages": list(person.languages),
        "profile_discloses_employer": person.profile_discloses_employer,
        "active": person.active,
        "must_change_password": person.must_change_password,
        "accounts": [account_view(a) for a in person.accounts],
    }


def account_view(account: Account) -> dict[str, Any]:
    return {
        "id": account.id,
        "network": account.network,
        "handle": account.handle,
        "anonymous": account.anonymous,
    }
