"""The audit log: append-only events, each sealed with the hash of the one before it.

An event says who did what, when, to which subject, under which policy version and on which
content (the SHA-256 of the post's text). Its ``hash`` is SHA-256 over the previous event's
hash and the event's own canonical JSON, so editing, removing or reordering any row breaks
the chain at that row, and :func:`verify_events` names the first broken link. The chain's
head (last sequence number and hash) is also kept in ``audit_head``, which catches events cut
off the end. Events recorded in a unit of work are sealed when it commits, under a lock on
that head row, so processes on several machines append in turn and a rolled-back change
leaves no event.

Secrets never enter the log: values under keys that look like a password, token or secret
are replaced with ``"[redacted]"`` before the event is sealed.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import event as orm_event
from sqlalchemy import select
from sqlalchemy.orm import Session

from postwise.store.models import AuditEvent, AuditHead

GENESIS = "0" * 64
ALGORITHM = "sha256(prev_hash + canonical_json(event))"
_SECRET_KEY = re.compile(r"pass(word)?|token|secret|authori[sz]ation|api[_-]?key|cookie", re.I)
REDACTED = "[redacted]"


@dataclass(frozen=True)
class Actor:
    """Who acted: a person (by id and label), the worker, or the system itself."""

    label: str
    person_id: int | None = None

    @classmethod
    def person(cls, person_id: int, email: str) -> Actor:
        return cls(f"person:{person_id}:{email}", person_id)


SYSTEM = Actor("system")
WORKER = Actor("worker")


def redact(value: Any) -> Any:
    """A copy of ``value`` with every secret-looking key's value replaced."""
    if isinstance(value, Mapping):
        return {
            str(k): REDACTED if _SECRET_KEY.search(str(k)) else redact(v) for k, v in value.items()
        }
    if isinstance(value, list | tuple):
        return [redact(v) for v in value]
    return value


def timestamp(at: datetime) -> str:
    return at.astimezone(UTC).isoformat(timespec="microseconds")


def canonical(event: Mapping[str, Any]) -> str:
    """The event's fields (without its own hash) as sorted, compact JSON."""
    fields = {
        "seq": event["seq"],
        "at": event["at"],
        "actor_id": event["actor_id"],
        "actor": event["actor"],
        "action": event["action"],
        "subject": event["subject"],
        "policy_version": event["policy_version"],
        "content_hash": event["content_hash"],
        "data": event["data"],
    }
    return json.dumps(fields, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def seal(prev_hash: str, event: Mapping[str, Any]) -> str:
    return hashlib.sha256((prev_hash + canonical(event)).encode("utf-8")).hexdigest()


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def record(
    session: Session,
    actor: Actor,
    action: str,
    *,
    subject: str = "",
    policy_version: str | None = None,
    content: str | None = None,
    content_sha256: str | None = None,
    data: Mapping[str, Any] | None = None,
    at: datetime | None = None,
) -> None:
    """Add one event to the caller's unit of work; it is sealed and stored when that commits.

    Sealing at commit (not here) keeps the lock on the chain's head as short as the final
    inserts, so writers in other processes wait microseconds, not a whole request; a unit
    of work that rolls back leaves no event.
    """
    fields: dict[str, Any] = {
        "at": timestamp(at or datetime.now(UTC)),
        "actor_id": actor.person_id,
        "actor": actor.label,
        "action": action,
        "subject": subject,
        "policy_version": policy_version,
        "content_hash": content_sha256 or (content_hash(content) if content is not None else None),
        "data": redact(dict(data or {})),
    }
    session.info.setdefault(_PENDING, []).append(fields)


_PENDING = "postwise_audit_pending"


def _seal_pending(session: Session) -> None:
    pending: list[dict[str, Any]] = session.info.pop(_PENDING, [])
    if not pending:
        return
    head = session.execute(select(AuditHead).where(AuditHead.id == 1).with_for_update()).scalar()
    if head is None:  # a database created without the migration's first row
        head = AuditHead(id=1, seq=0, hash=GENESIS)
        session.add(head)
    seq, prev = head.seq, head.hash
    for fields in pending:
        seq += 1
        event = {"seq": seq, **fields}
        digest = seal(prev, event)
        session.add(
            AuditEvent(
                seq=seq,
                at=datetime.fromisoformat(fields["at"]),
                actor_id=fields["actor_id"],
                actor=fields["actor"],
                action=fields["action"],
                subject=fields["subject"],
                policy_version=fields["policy_version"],
                content_hash=fields["content_hash"],
                data=fields["data"],
                prev_hash=prev,
                hash=digest,
            )
        )
        prev = digest
    head.seq, head.hash = seq, prev


def _drop_pending(session: Session, *_: Any) -> None:
    session.info.pop(_PENDING, None)


orm_event.listen(Session, "before_commit", _seal_pending)
orm_event.listen(Session, "after_rollback", _drop_pending)


def as_dict(event: AuditEvent) -> dict[str, Any]:
    return {
        "seq": event.seq,
        "at": timestamp(event.at),
        "actor_id": event.actor_id,
        "actor": event.actor,
        "action": event.action,
        "subject": event.subject,
        "policy_version": event.policy_version,
        "content_hash": event.content_hash,
        "data": event.data,
        "prev_hash": event.prev_hash,
        "hash": event.hash,
    }


@dataclass(frozen=True)
class Verification:
    """The outcome of checking the chain: ``ok``, or the first broken link and why."""

    ok: bool
    events: int
    head_hash: str
    broken_at: int | None = None
    reason: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "ok": self.ok,
            "events": self.events,
            "head_hash": self.head_hash,
            "broken_at": self.broken_at,
            "reason": self.reason,
        }

    def __str__(self) -> str:
        if self.ok:
            return f"audit log intact: {self.events} events, head {self.head_hash}"
        return f"audit log broken at event {self.broken_at}: {self.reason}"


def verify_events(
    events: Iterable[Mapping[str, Any]], head: tuple[int, str] | None = None
) -> Verification:
    """Walk the chain in order; stop at the first event that does not fit.

    ``head`` is the expected (seq, hash) of the last event, when known (from ``audit_head``
    or an export's manifest).
    """
    prev_hash, expected_seq, count = GENESIS, 1, 0
    for event in events:
        seq = int(event["seq"])
        if seq != expected_seq:
            what = "missing" if seq > expected_seq else "out of order"
            return Verification(
                False,
                count,
                prev_hash,
                expected_seq,
                f"expected event {expected_seq}, found {seq} (events {what})",
            )
        if event["prev_hash"] != prev_hash:
            return Verification(
                False,
                count,
                prev_hash,
                seq,
                "its prev_hash does not match the hash of the event before it "
                "(an event before it was removed, replaced or reordered)",
            )
        if seal(prev_hash, event) != event["hash"]:
            return Verification(
                False, count, prev_hash, seq, "its content does not match its hash (edited)"
            )
        prev_hash = str(event["hash"])
        expected_seq += 1
        count += 1
    if head is not None and (head[0] != count or head[1] != prev_hash):
        if head[0] > count:
            return Verification(
                False,
                count,
                prev_hash,
                count + 1,
                f"the log ends at event {count} but its head says {head[0]} (events removed "
                "from the end)",
            )
        return Verification(
            False, count, prev_hash, head[0], "the head does not match the last event"
        )
    return Verification(True, count, prev_hash)


def verify(session: Session, batch: int = 5000) -> Verification:
    """Verify the log in the database against its stored head."""
    head_row = session.get(AuditHead, 1)
    head = (head_row.seq, head_row.hash) if head_row is not None else (0, GENESIS)
    return verify_events(iter_events(session, batch), head)


def iter_events(session: Session, batch: int = 5000) -> Iterable[dict[str, Any]]:
    """Every event in sequence order, fetched in batches (keyset pagination, no ORM objects)."""
    table = AuditEvent.__table__
    after = 0
    while True:
        rows = session.execute(
            select(table).where(table.c.seq > after).order_by(table.c.seq).limit(batch)
        ).all()
        if not rows:
            return
        for row in rows:
            yield as_dict(AuditEvent(**row._asdict()))
        after = rows[-1].seq
