"""The worker, on SQLite and PostgreSQL: holds released, posts published once, failures
retried with backoff or failed with the author told — and a worker killed with SIGKILL in
the middle of a publication loses nothing and publishes nothing twice."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from postwise.audit import SYSTEM, verify
from postwise.connectors import Mastodon, Outbox
from postwise.store import Database, open_database
from postwise.store.models import Delivery, Job, Notification, Person, Post, Publication
from postwise.worker import Worker
from postwise.workflow import Policies, PostDraft, State, Workflow
from postwise.workflow.people import PersonData, create_person
from tests.dbs import db_url, fresh_url, pg_url, sqlite_template
from tests.fakes import FakeMastodon, serve
from tests.workflow.conftest import POLICY_YAML

__all__ = ["db_url", "pg_url", "sqlite_template"]


class Clock:
    def __init__(self) -> None:
        self.now = datetime.now(UTC)

    def __call__(self) -> datetime:
        return self.now


def setup(db: Database, flow: Workflow, texts: list[str]) -> list[int]:
    with db.session() as s:
        ada = create_person(
            s,
            SYSTEM,
            PersonData(name="Ada", email="ada@x.example", languages=["en"]),
            flow.clock(),
        )
        flow.policies.activate(s, SYSTEM, POLICY_YAML, flow.clock())
    ids = []
    for text in texts:
        with db.session() as s:
            ada = s.execute(select(Person)).scalar_one()
            ids.append(flow.create(s, ada, PostDraft(text=text, submit=True)).id)
    return ids


@pytest.fixture
def database(db_url: str) -> Iterator[Database]:
    database = open_database(db_url, migrate=False)
    yield database
    database.dispose()


def states(db: Database) -> list[str]:
    with db.session() as s:
        return list(s.execute(select(Post.state).order_by(Post.id)).scalars())


def test_scheduled_posts_are_published_through_the_outbox(
    database: Database, tmp_path: Path
) -> None:
    flow = Workflow(Policies())
    setup(database, flow, ["First post.", "Second post."])
    worker = Worker(database, flow, Outbox(database, tmp_path / "outbox.jsonl"))
    while worker.run_once():
        pass
    assert states(database) == ["published", "published"]
    assert len((tmp_path / "outbox.jsonl").read_text().splitlines()) == 2
    with database.session() as s:
        assert verify(s).ok


def test_a_retryable_failure_backs_off_then_publishes(database: Database) -> None:
    clock = Clock()
    flow = Workflow(Policies(), clock)
    fake = FakeMastodon(fail_with=[503, 429])
    [post_id] = setup(database, flow, ["Hello fediverse."])
    with serve(fake) as url:
        worker = Worker(database, flow, Mastodon(url, "test-token"))
        assert worker.run_once()
        assert states(database) == [State.SCHEDULED]
        assert not worker.run_once()  # not due yet: backing off
        clock.now += timedelta(seconds=2)
        assert worker.run_once() and states(database) == [State.SCHEDULED]
        clock.now += timedelta(seconds=4)
        assert worker.run_once() and states(database) == [State.PUBLISHED]
    with database.session() as s:
        log = s.execute(select(Delivery.outcome, Delivery.status_code).order_by(Delivery.id))
        assert list(log) == [("retryable", 503), ("retryable", 429), ("sent", 200)]
        assert s.get(Post, post_id).external_id == "100"  # type: ignore[union-attr]


def test_an_auth_error_fails_the_post_and_tells_the_author(database: Database) -> None:
    flow = Workflow(Policies())
    setup(database, flow, ["Hello."])
    with serve(FakeMastodon()) as url:
        Worker(database, flow, Mastodon(url, "revoked-token")).run_once()
    assert states(database) == [State.FAILED]
    with database.session() as s:
        note = s.execute(select(Notification)).scalar_one()
        assert note.kind == "publish_failed" and "auth" in note.message
        assert s.execute(select(Job.state)).scalar_one() == "failed"


def start_worker(url: str, env: dict[str, str]) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "postwise.cli.main",
            "worker",
            "--poll-seconds",
            "0.05",
            "--lease-seconds",
            "1.5",
        ],
        env={**os.environ, "POSTWISE_DATABASE_URL": url, **env},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def wait_for(predicate: object, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():  # type: ignore[operator]
            return True
        time.sleep(0.05)
    return False


def test_a_worker_killed_mid_publication_loses_nothing_and_publishes_nothing_twice(
    db_url: str, database: Database
) -> None:
    flow = Workflow(Policies())
    ids = setup(database, flow, [f"Post number {i}." for i in range(4)])
    fake = FakeMastodon(delay=0.8)
    with serve(fake) as url:
        env = {
            "POSTWISE_CONNECTOR": "mastodon",
            "POSTWISE_MASTODON_URL": url,
            "POSTWISE_MASTODON_TOKEN": "test-token",
        }
        first = start_worker(db_url, env)
        assert fake.started.wait(20), "the first worker never called the server"
        first.send_signal(signal.SIGKILL)  # mid-call: the server has not answered yet
        first.wait(10)
        with database.session() as s:
            pending = (
                s.execute(select(Publication).where(Publication.state == "pending")).scalars().all()
            )
            assert len(pending) == 1  # its key was stored before the call
            assert s.get(Post, pending[0].post_id).state == State.PUBLISHING  # type: ignore[union-attr]
        fake.delay = 0.0
        second = start_worker(db_url, env)
        try:
            done = wait_for(lambda: states(database) == ["published"] * len(ids), 30)
        finally:
            second.send_signal(signal.SIGTERM)
            _, err = second.communicate(timeout=10)
        assert done, err.decode()[-2000:]
    assert len(fake.statuses) == len(ids)  # each post exactly once on the server
    assert fake.requests[pending[0].idempotency_key] == 2  # same key, sent again
    with database.session() as s:
        assert s.execute(select(func.count()).select_from(Publication)).scalar_one() == len(ids)
        assert verify(s).ok


def test_two_workers_share_the_queue_on_postgresql(
    request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    # Several workers share one database on PostgreSQL; a SQLite file has one worker.
    db_url = fresh_url(request, "postgresql", tmp_path)
    database = open_database(db_url, migrate=False)
    flow = Workflow(Policies())
    ids = setup(database, flow, [f"Post {i}." for i in range(30)])
    fake = FakeMastodon(delay=0.02)
    with serve(fake) as url:
        env = {
            "POSTWISE_CONNECTOR": "mastodon",
            "POSTWISE_MASTODON_URL": url,
            "POSTWISE_MASTODON_TOKEN": "test-token",
        }
        workers = [start_worker(db_url, env) for _ in range(2)]
        try:
            done = wait_for(lambda: states(database) == ["published"] * len(ids), 30)
        finally:
            for w in workers:
                w.send_signal(signal.SIGTERM)
                w.wait(10)
    assert done
    assert len(fake.statuses) == len(ids) and max(fake.requests.values()) == 1
    with database.session() as s:
        claimed_by = set(s.execute(select(Job.locked_by)).scalars())
    database.dispose()
    assert len(claimed_by) == 2  # both did some of the work
