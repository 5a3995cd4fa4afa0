"""The background worker: releases holds, publishes scheduled posts, retries failures.

Publishing is three units of work, so a process killed at any moment (``kill -9``) loses
nothing and publishes nothing twice:

1. claim the job (a row lock and a lease);
2. move the post to ``publishing`` and store the publication with its idempotency key —
   committed *before* the connector is called;
3. call the connector with that key, then record the outcome, the delivery and the new state.

A worker that dies in step 3 leaves the job's lease to run out; the next worker claims the
job, finds the stored publication and calls the connector again with the same key, which
the connector (Mastodon's ``Idempotency-Key``, the webhook receiver, the outbox's unique
key) treats as the same post. The worker also flags posts whose planned time passed while
they waited in review.
"""

from __future__ import annotations

import logging
import os
import socket
import threading
import time
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from postwise.audit import WORKER, record
from postwise.connectors.base import Connector, ConnectorError, Outgoing, Sent
from postwise.store import Database
from postwise.store.models import Account, Delivery, Job, Person, Post, Publication
from postwise.workflow import State, Workflow, jobs

log = logging.getLogger("postwise.worker")


class Worker:
    def __init__(
        self,
        db: Database,
        workflow: Workflow,
        connector: Connector,
        name: str | None = None,
        lease: timedelta = jobs.LEASE,
        poll_seconds: float = 1.0,
        sweep_seconds: float = 30.0,
    ) -> None:
        self.db = db
        self.workflow = workflow
        self.connector = connector
        self.name = name or f"{socket.gethostname()}:{os.getpid()}"
        self.lease = lease
        self.poll_seconds = poll_seconds
        self.sweep_seconds = sweep_seconds

    def now(self) -> datetime:
        return self.workflow.clock()

    def run(self, stop: threading.Event) -> None:
        """Work until ``stop`` is set: jobs as they fall due, a sweep now and then."""
        log.info("worker %s started (%s)", self.name, self.connector.name)
        next_sweep = 0.0
        while not stop.is_set():
            try:
                if time.monotonic() >= next_sweep:
                    self.sweep()
                    next_sweep = time.monotonic() + self.sweep_seconds
                if not self.run_once():
                    stop.wait(self.poll_seconds)
            except Exception:  # keep working; the job's lease brings it back
                log.exception("worker %s: unexpected error", self.name)
                stop.wait(self.poll_seconds)
        log.info("worker %s stopped", self.name)

    def sweep(self) -> list[int]:
        with self.db.session() as s:
            return self.workflow.flag_missed_schedules(s)

    def run_once(self) -> bool:
        """Claim and run one due job; ``False`` when there was none."""
        with self.db.session() as s:
            job = jobs.claim(s, self.name, self.now(), self.lease)
            if job is None:
                return False
            job_id, kind = job.id, job.kind
        if kind == "release_hold":
            self._release_hold(job_id)
        elif kind == "publish":
            self._publish(job_id)
        else:
            with self.db.session() as s:
                found = s.get(Job, job_id)
                if found is not None:
                    jobs.fail(found, self.now(), f"unknown job kind {kind!r}")
        return True

    def _release_hold(self, job_id: int) -> None:
        with self.db.session() as s:
            job = s.get(Job, job_id)
            assert job is not None
            post = s.get(Post, job.post_id, with_for_update=True)
            if post is not None:
                self.workflow.release_hold(s, post, int(job.payload.get("revision", 0)))
            jobs.finish(job, self.now())

    def _publish(self, job_id: int) -> None:
        # Step 2: the publication and its key are stored before anything leaves.
        with self.db.session() as s:
            job = s.get(Job, job_id)
            assert job is not None
            post = s.get(Post, job.post_id, with_for_update=True)
            revision = int(job.payload.get("revision", 0))
            if (
                post is None
                or post.revision != revision
                or post.state
                not in (
                    State.SCHEDULED,
                    State.PUBLISHING,
                )
            ):
                jobs.finish(job, self.now())  # edited, withdrawn or done meanwhile
                return
            key = f"postwise-{post.id}-r{post.revision}"
            publication = s.execute(
                select(Publication).where(Publication.idempotency_key == key)
            ).scalar()
            if publication is None:
                publication = Publication(
                    post_id=post.id,
                    revision=post.revision,
                    connector=self.connector.name,
                    idempotency_key=key,
                    state="pending",
                    attempts=0,
                    created_at=self.now(),
                )
                s.add(publication)
            resumed = publication.attempts > 0
            publication.state = "pending"
            publication.attempts += 1
            if post.state == State.SCHEDULED:
                self.workflow.start_publishing(s, post)
            item = self._outgoing(s, post, key)
            s.flush()
            publication_id, attempt = publication.id, publication.attempts
        # Step 3: the call, then its outcome.
        started = time.monotonic()
        sent: Sent | None = None
        error: ConnectorError | None = None
        try:
            sent = self.connector.publish(item, resumed)
        except ConnectorError as exc:
            error = exc
        except Exception as exc:  # a connector bug must not lose the post: retry later
            error = ConnectorError("retryable", f"{type(exc).__name__}: {exc}")
        duration_ms = int((time.monotonic() - started) * 1000)
        with self.db.session() as s:
            job = s.get(Job, job_id)
            publication = s.get(Publication, publication_id)
            post = s.get(Post, item.post_id, with_for_update=True)
            assert job is not None and publication is not None and post is not None
            now = self.now()
            s.add(
                Delivery(
                    publication_id=publication_id,
                    connector=self.connector.name,
                    attempt=attempt,
                    outcome="sent" if error is None else error.kind,
                    status_code=(
                        sent.status_code if sent else error.status_code if error else None
                    ),
                    detail=(sent.detail if sent else error.message if error else "")[:2000],
                    duration_ms=duration_ms,
                    created_at=now,
                )
            )
            if error is None and sent is not None:
                publication.state, publication.sent_at = "sent", now
                publication.external_id, publication.external_url = sent.external_id, sent.url
                self.workflow.mark_published(s, post, sent.external_id, sent.url)
                jobs.finish(job, now)
                return
            assert error is not None
            publication.error = error.message[:2000]
            if error.kind == "retryable" and jobs.retry_later(
                job, now, error.message, error.retry_after
            ):
                self.workflow.publish_later(s, post, error.message[:300], job.run_at)
                return
            publication.state = "failed"
            if job.state != "failed":
                jobs.fail(job, now, error.message)
            record(
                s,
                WORKER,
                "publication.failed",
                subject=f"post:{post.id}",
                content_sha256=post.content_hash,
                at=now,
                data={"connector": self.connector.name, "kind": error.kind, "attempts": attempt},
            )
            self.workflow.mark_failed(s, post, f"{error.kind}: {error.message[:300]}")

    def _outgoing(self, session: Session, post: Post, key: str) -> Outgoing:
        author = session.get(Person, post.author_id)
        account = session.get(Account, post.account_id) if post.account_id else None
        return Outgoing(
            idempotency_key=key,
            post_id=post.id,
            text=post.text,
            language=str(post.report.get("language")) if post.report.get("language") else None,
            channel=account.network if account else post.channel,
            author={"id": post.author_id, "name": author.name if author else ""},
            account={"network": account.network, "handle": account.handle} if account else None,
            scheduled_at=post.scheduled_at.isoformat() if post.scheduled_at else None,
        )


def run_worker(db: Database, workflow: Workflow, connector: Connector) -> threading.Event:
    """Start a worker thread (the embedded worker of ``postwise serve``); set the event to stop."""
    stop = threading.Event()
    worker = Worker(db, workflow, connector)
    threading.Thread(target=worker.run, args=(stop,), name="postwise-worker", daemon=True).start()
    return stop


__all__ = ["Worker", "run_worker"]
