"""Background work as rows: queued, claimed under a row lock with a lease, then finished.

A worker claims the oldest due job with ``SELECT … FOR UPDATE SKIP LOCKED`` (PostgreSQL), so
any number of workers share one database without taking the same job; SQLite has no row
locks, but its writers take turns (``BEGIN IMMEDIATE``), so one worker per SQLite file is
the rule. A claim is a lease: if the worker dies, the lease runs out and another worker
takes the job again — the job's own steps make that second run safe (see ``worker``).
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session

from postwise.store.models import Job

LEASE = timedelta(seconds=60)
BACKOFF_BASE_SECONDS = 2.0
BACKOFF_CAP_SECONDS = 3600.0


def enqueue(
    session: Session,
    kind: str,
    run_at: datetime,
    now: datetime,
    post_id: int | None = None,
    payload: dict[str, Any] | None = None,
    max_attempts: int = 8,
) -> Job:
    job = Job(
        kind=kind,
        post_id=post_id,
        payload=payload or {},
        state="queued",
        run_at=run_at,
        attempts=0,
        max_attempts=max_attempts,
        created_at=now,
    )
    session.add(job)
    session.flush()
    return job


def claim(session: Session, worker: str, now: datetime, lease: timedelta = LEASE) -> Job | None:
    """Take the oldest due job (or one whose worker's lease ran out) for ``worker``."""
    due = or_(
        and_(Job.state == "queued", Job.run_at <= now),
        and_(Job.state == "running", Job.lease_until < now),
    )
    job = session.execute(
        select(Job)
        .where(due)
        .order_by(Job.run_at, Job.id)
        .limit(1)
        .with_for_update(skip_locked=True)
    ).scalar()
    if job is None:
        return None
    job.state = "running"
    job.locked_by = worker
    job.lease_until = now + lease
    job.attempts += 1
    return job


def finish(job: Job, now: datetime) -> None:
    job.state, job.finished_at, job.lease_until = "done", now, None


def retry_later(job: Job, now: datetime, error: str, after: float | None = None) -> bool:
    """Put the job back with exponential backoff; ``False`` when its attempts are used up."""
    job.last_error = error[:2000]
    job.lease_until = None
    if job.attempts >= job.max_attempts:
        job.state, job.finished_at = "failed", now
        return False
    delay = after if after is not None else backoff(job.attempts)
    job.state, job.run_at = "queued", now + timedelta(seconds=delay)
    return True


def fail(job: Job, now: datetime, error: str) -> None:
    job.state, job.finished_at, job.last_error, job.lease_until = "failed", now, error[:2000], None


def backoff(attempt: int) -> float:
    """2, 4, 8, 16 … seconds after the 1st, 2nd, 3rd … failed attempt, at most an hour."""
    return float(min(BACKOFF_CAP_SECONDS, BACKOFF_BASE_SECONDS**attempt))
