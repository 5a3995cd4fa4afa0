"""The audit log: a hash chain whose first broken link is found, whatever was tampered with."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import text

from postwise.audit import SYSTEM, Actor, export, record, verify, verify_export
from postwise.audit.chain import iter_events, seal
from postwise.store import Database

ADA = Actor.person(1, "ada@example.org")


def write(db: Database, n: int) -> None:
    for i in range(n):
        with db.session() as s:
            record(s, ADA, "post.state", subject=f"post:{i}", content=f"text {i}", data={"i": i})


def test_an_untouched_log_verifies(db: Database) -> None:
    write(db, 5)
    with db.session() as s:
        result = verify(s)
    assert result.ok and result.events == 5 and result.broken_at is None


def test_an_empty_log_verifies(db: Database) -> None:
    with db.session() as s:
        assert verify(s).ok


def edit(db: Database) -> None:
    with db.engine.begin() as c:
        c.execute(text("UPDATE audit_events SET subject = 'post:99' WHERE seq = 3"))


def remove(db: Database) -> None:
    with db.engine.begin() as c:
        c.execute(text("DELETE FROM audit_events WHERE seq = 3"))


def reorder(db: Database) -> None:
    with db.engine.begin() as c:
        c.execute(text("UPDATE audit_events SET seq = -3 WHERE seq = 3"))
        c.execute(text("UPDATE audit_events SET seq = 3 WHERE seq = 4"))
        c.execute(text("UPDATE audit_events SET seq = 4 WHERE seq = -3"))


def rewrite_hash(db: Database) -> None:
    # Someone edits an event and recomputes its own hash: the next link no longer fits.
    with db.session() as s:
        event = next(e for e in iter_events(s) if e["seq"] == 3)
    event["subject"] = "post:99"
    with db.engine.begin() as c:
        c.execute(
            text("UPDATE audit_events SET subject = 'post:99', hash = :h WHERE seq = 3"),
            {"h": seal(event["prev_hash"], event)},
        )


def cut_tail(db: Database) -> None:
    with db.engine.begin() as c:
        c.execute(text("DELETE FROM audit_events WHERE seq = 5"))


@pytest.mark.parametrize(
    ("tamper", "broken_at", "reason"),
    [
        (edit, 3, "edited"),
        (remove, 3, "missing"),
        (reorder, 3, "prev_hash does not match"),
        (rewrite_hash, 4, "prev_hash does not match"),
        (cut_tail, 5, "removed from the end"),
    ],
    ids=["edited row", "removed row", "swapped rows", "edited row re-hashed", "cut tail"],
)
def test_tampering_is_found_at_the_exact_event(
    db: Database, tamper: Callable[[Database], None], broken_at: int, reason: str
) -> None:
    write(db, 5)
    tamper(db)
    with db.session() as s:
        result = verify(s)
    assert not result.ok
    assert result.broken_at == broken_at
    assert reason in result.reason


def test_the_log_never_holds_a_password_or_token(db: Database) -> None:
    with db.session() as s:
        record(
            s,
            SYSTEM,
            "person.created",
            data={"email": "a@x", "password": "hunter2", "nested": [{"api_token": "pw_abc"}]},
        )
    with db.engine.connect() as c:
        dump = json.dumps(
            [list(r) for r in c.execute(text("SELECT * FROM audit_events"))], default=str
        )
    assert "hunter2" not in dump and "pw_abc" not in dump and "[redacted]" in dump


def test_an_export_verifies_on_its_own_and_names_a_tampered_line(
    db: Database, tmp_path: Path
) -> None:
    write(db, 4)
    with db.session() as s:
        manifest = export(s, tmp_path / "out")
    assert manifest["events"] == 4 and len(manifest["head_hash"]) == 64
    assert verify_export(tmp_path / "out").ok
    lines = (tmp_path / "out" / "events.jsonl").read_text().splitlines()
    event = json.loads(lines[1])
    event["data"]["i"] = 7
    lines[1] = json.dumps(event, sort_keys=True)
    (tmp_path / "out" / "events.jsonl").write_text("\n".join(lines) + "\n")
    result = verify_export(tmp_path / "out")
    assert not result.ok and result.broken_at == 2


def test_appends_from_many_threads_form_one_unbroken_chain(db: Database) -> None:
    threads = [threading.Thread(target=write, args=(db, 15)) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    with db.session() as s:
        result = verify(s)
    assert result.ok and result.events == 60
