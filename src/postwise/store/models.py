"""The records postwise keeps: policies, people, posts and what happened to them.

One table per thing in the product's words. Times are stored in UTC and always come back
time-zone aware (SQLite keeps no zone, so :class:`UTCDateTime` adds it back). The schema is
created and changed only by the Alembic migrations in ``postwise/store/migrations``; a test
checks that the migrations and these models agree.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    DateTime,
    Dialect,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UTCDateTime(TypeDecorator[datetime]):
    """An aware datetime stored as UTC; naive values are refused rather than guessed."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime: postwise stores only times with a time zone")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def utcnow() -> datetime:
    return datetime.now(UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map = {datetime: UTCDateTime, dict[str, Any]: JSON, list[Any]: JSON}  # noqa: RUF012


class PolicyVersion(Base):
    """A policy as it was saved: the YAML, its hash and who activated it when."""

    __tablename__ = "policy_versions"

    id: Mapped[int] = mapped_column(primary_key=True)
    version: Mapped[str] = mapped_column(String(64), index=True)
    yaml: Mapped[str] = mapped_column(Text)
    sha256: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime]
    created_by: Mapped[int | None] = mapped_column(ForeignKey("people.id"))
    activated_at: Mapped[datetime | None]
    activated_by: Mapped[int | None] = mapped_column(ForeignKey("people.id"))
    active: Mapped[bool] = mapped_column(Boolean, default=False, index=True)


class Person(Base):
    """Someone who posts, reviews or administers; what the policy needs to know about them."""

    __tablename__ = "people"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    email: Mapped[str] = mapped_column(String(320), unique=True)
    app_role: Mapped[str] = mapped_column(String(16))  # employee | reviewer | admin
    role: Mapped[str] = mapped_column(String(100), default="")  # job role, e.g. "engineer"
    expertise: Mapped[list[Any]] = mapped_column(default=list)
    spokesperson: Mapped[bool] = mapped_column(default=False)
    languages: Mapped[list[Any]] = mapped_column(default=list)
    profile_discloses_employer: Mapped[bool] = mapped_column(default=False)
    password_hash: Mapped[str | None] = mapped_column(String(200))
    must_change_password: Mapped[bool] = mapped_column(default=False)
    active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime]
    last_login_at: Mapped[datetime | None]

    accounts: Mapped[list[Account]] = relationship(back_populates="person", order_by="Account.id")


class Account(Base):
    """A social media account of a person, e.g. mastodon @ada@social.example."""

    __tablename__ = "accounts"
    __table_args__ = (UniqueConstraint("network", "handle"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id"), index=True)
    network: Mapped[str] = mapped_column(String(32))
    handle: Mapped[str] = mapped_column(String(200))
    anonymous: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[datetime]

    person: Mapped[Person] = relationship(back_populates="accounts")


class Credential(Base):
    """An API token or a login session; only the SHA-256 of the secret is kept."""

    __tablename__ = "credentials"

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id"), index=True)
    kind: Mapped[str] = mapped_column(String(16))  # token | session
    name: Mapped[str] = mapped_column(String(100), default="")
    secret_sha256: Mapped[str] = mapped_column(String(64), unique=True)
    prefix: Mapped[str] = mapped_column(String(16))
    created_at: Mapped[datetime]
    expires_at: Mapped[datetime | None]
    revoked_at: Mapped[datetime | None]


class Post(Base):
    """A post and where it stands; ``report`` is the latest check's report."""

    __tablename__ = "posts"
    __table_args__ = (Index("ix_posts_author_state", "author_id", "state"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    author_id: Mapped[int] = mapped_column(ForeignKey("people.id"))
    account_id: Mapped[int | None] = mapped_column(ForeignKey("accounts.id"))
    channel: Mapped[str | None] = mapped_column(String(32))
    text: Mapped[str] = mapped_column(Text)
    content_hash: Mapped[str] = mapped_column(String(64))
    revision: Mapped[int] = mapped_column(default=1)
    state: Mapped[str] = mapped_column(String(32), index=True)
    work_device: Mapped[bool] = mapped_column(default=False)
    scheduled_at: Mapped[datetime | None]
    verdict: Mapped[str] = mapped_column(String(8))
    report: Mapped[dict[str, Any]] = mapped_column(default=dict)
    policy_version: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]
    submitted_at: Mapped[datetime | None]
    state_since: Mapped[datetime]
    published_at: Mapped[datetime | None]
    overdue_flagged_at: Mapped[datetime | None]
    external_id: Mapped[str | None] = mapped_column(String(200))
    external_url: Mapped[str | None] = mapped_column(String(500))
    failure: Mapped[str | None] = mapped_column(Text)
    sampled_at: Mapped[datetime | None]


class Check(Base):
    """One run of the engine on one revision of a post."""

    __tablename__ = "checks"

    id: Mapped[int] = mapped_column(primary_key=True)
    post_id: Mapped[int] = mapped_column(ForeignKey("posts.id"), index=True)
    revision: Mapped[int]
    content_hash: Mapped[str] = mapped_column(String(64))
    policy_version: Mapped[str] = mapped_column(String(64))
    verdict: Mapped[str] = mapped_column(String(8))
    report: Mapped[dict[str, Any]]
    created_at: Mapped[datetime]


class Review(Base):
    """A reviewer's decision with the comment the author sees (``kind`` queue or sample)."""

    __tablename__ = "reviews"

    id: Mapped[int] = mapped_column(primary_key=True)
    post_id: Mapped[int] = mapped_column(ForeignKey("posts.id"), index=True)
    reviewer_id: Mapped[int] = mapped_column(ForeignKey("people.id"))
    kind: Mapped[str] = mapped_column(String(16))
    decision: Mapped[str] = mapped_column(String(32))
    comment: Mapped[str] = mapped_column(Text)
    revision: Mapped[int]
    waited_seconds: Mapped[int] = mapped_column(default=0)
    created_at: Mapped[datetime]


class Acknowledgement(Base):
    """The author read these warnings on this check and publishes anyway."""

    __tablename__ = "acknowledgements"

    id: Mapped[int] = mapped_column(primary_key=True)
    post_id: Mapped[int] = mapped_column(ForeignKey("posts.id"), index=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id"))
    check_id: Mapped[int] = mapped_column(ForeignKey("checks.id"))
    rule_ids: Mapped[list[Any]]
    created_at: Mapped[datetime]


class Hold(Base):
    """A cooling-off hold: the post waits until ``until`` unless withdrawn or edited."""

    __tablename__ = "holds"

    id: Mapped[int] = mapped_column(primary_key=True)
    post_id: Mapped[int] = mapped_column(ForeignKey("posts.id"), index=True)
    revision: Mapped[int]
    minutes: Mapped[int]
    reason: Mapped[str] = mapped_column(String(200))
    started_at: Mapped[datetime]
    until: Mapped[datetime]
    ended_at: Mapped[datetime | None]
    outcome: Mapped[str | None] = mapped_column(String(16))  # released | withdrawn | edited


class Job(Base):
    """Work for the background worker, claimed with a row lock and a lease."""

    __tablename__ = "jobs"
    __table_args__ = (Index("ix_jobs_due", "state", "run_at"),)

    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True)
    kind: Mapped[str] = mapped_column(String(32))
    post_id: Mapped[int | None] = mapped_column(ForeignKey("posts.id"), index=True)
    payload: Mapped[dict[str, Any]] = mapped_column(default=dict)
    state: Mapped[str] = mapped_column(String(16), default="queued")  # queued|running|done|failed
    run_at: Mapped[datetime]
    attempts: Mapped[int] = mapped_column(default=0)
    max_attempts: Mapped[int] = mapped_column(default=8)
    locked_by: Mapped[str | None] = mapped_column(String(100))
    lease_until: Mapped[datetime | None]
    last_error: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime]
    finished_at: Mapped[datetime | None]


class Publication(Base):
    """One post sent through one connector. The idempotency key is stored before the call."""

    __tablename__ = "publications"

    id: Mapped[int] = mapped_column(primary_key=True)
    post_id: Mapped[int] = mapped_column(ForeignKey("posts.id"), index=True)
    revision: Mapped[int]
    connector: Mapped[str] = mapped_column(String(32))
    idempotency_key: Mapped[str] = mapped_column(String(100), unique=True)
    state: Mapped[str] = mapped_column(String(16))  # pending | sent | failed
    attempts: Mapped[int] = mapped_column(default=0)
    external_id: Mapped[str | None] = mapped_column(String(200))
    external_url: Mapped[str | None] = mapped_column(String(500))
    error: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime]
    sent_at: Mapped[datetime | None]


class Delivery(Base):
    """The delivery log: every call a connector made, with its outcome."""

    __tablename__ = "deliveries"

    id: Mapped[int] = mapped_column(primary_key=True)
    publication_id: Mapped[int] = mapped_column(ForeignKey("publications.id"), index=True)
    connector: Mapped[str] = mapped_column(String(32))
    attempt: Mapped[int]
    outcome: Mapped[str] = mapped_column(String(16))  # sent | auth | bad_request | retryable
    status_code: Mapped[int | None]
    detail: Mapped[str] = mapped_column(Text, default="")
    duration_ms: Mapped[int] = mapped_column(default=0)
    created_at: Mapped[datetime]


class OutboxEntry(Base):
    """A post published to the outbox connector: it stays on this machine."""

    __tablename__ = "outbox"

    id: Mapped[int] = mapped_column(primary_key=True)
    idempotency_key: Mapped[str] = mapped_column(String(100), unique=True)
    payload: Mapped[dict[str, Any]]
    created_at: Mapped[datetime]


class DrugSafetyReport(Base):
    """A possible adverse event to forward to drug safety before ``deadline_at``."""

    __tablename__ = "drug_safety_reports"
    __table_args__ = (UniqueConstraint("post_id", "rule_id", "excerpt"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    post_id: Mapped[int] = mapped_column(ForeignKey("posts.id"), index=True)
    author_id: Mapped[int] = mapped_column(ForeignKey("people.id"))
    rule_id: Mapped[str] = mapped_column(String(64))
    excerpt: Mapped[str] = mapped_column(Text)
    text: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime]
    deadline_at: Mapped[datetime]
    state: Mapped[str] = mapped_column(String(16), default="open")  # open | forwarded
    handled_by: Mapped[int | None] = mapped_column(ForeignKey("people.id"))
    handled_at: Mapped[datetime | None]
    note: Mapped[str] = mapped_column(Text, default="")


class Notification(Base):
    """Something a person is told: a review decision, a missed schedule, a failure."""

    __tablename__ = "notifications"

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id"), index=True)
    post_id: Mapped[int | None] = mapped_column(ForeignKey("posts.id"))
    kind: Mapped[str] = mapped_column(String(32))
    message: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime]
    read_at: Mapped[datetime | None]


class Setting(Base):
    """Organisation-wide workflow settings (hold minutes, sample rate), one row per key."""

    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[dict[str, Any]]
    updated_at: Mapped[datetime]


class AuditEvent(Base):
    """One link of the hash chain. Rows are only ever inserted (see ``postwise.audit``)."""

    __tablename__ = "audit_events"

    seq: Mapped[int] = mapped_column(
        BigInteger().with_variant(Integer, "sqlite"), primary_key=True, autoincrement=False
    )
    at: Mapped[datetime]
    actor_id: Mapped[int | None]
    actor: Mapped[str] = mapped_column(String(100))
    action: Mapped[str] = mapped_column(String(64), index=True)
    subject: Mapped[str] = mapped_column(String(100), default="")
    policy_version: Mapped[str | None] = mapped_column(String(64))
    content_hash: Mapped[str | None] = mapped_column(String(64))
    data: Mapped[dict[str, Any]] = mapped_column(default=dict)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


class AuditHead(Base):
    """The chain's last link, one row. Locking it serialises appends across processes and
    lets verification notice events cut off the end of the log."""

    __tablename__ = "audit_head"

    id: Mapped[int] = mapped_column(primary_key=True)
    seq: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"))
    hash: Mapped[str] = mapped_column(String(64))
