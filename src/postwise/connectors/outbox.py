"""The default connector: published posts stay on this machine, in a table and a JSONL file.

Nothing leaves the machine. Each post is one row (unique by idempotency key) and one line
in the outbox file, appended and flushed to disk; a resumed attempt looks for its key first
so a crash between the two writes never leaves a line twice.
"""

from __future__ import annotations

import json
import os
import threading
from dataclasses import asdict
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import select

from postwise.connectors.base import Limits, Outgoing, Sent
from postwise.store import Database
from postwise.store.models import OutboxEntry


class Outbox:
    name = "outbox"
    limits = Limits(max_chars=None, max_media=0)

    def __init__(self, db: Database, path: str | Path) -> None:
        self.db = db
        self.path = Path(path)
        self._lock = threading.Lock()

    def publish(self, item: Outgoing, resumed: bool) -> Sent:
        payload = {**asdict(item), "published_at": datetime.now(UTC).isoformat()}
        with self.db.session() as s:
            existing = s.execute(
                select(OutboxEntry).where(OutboxEntry.idempotency_key == item.idempotency_key)
            ).scalar()
            if existing is None:
                existing = OutboxEntry(
                    idempotency_key=item.idempotency_key,
                    payload=payload,
                    created_at=datetime.now(UTC),
                )
                s.add(existing)
                s.flush()
                self._append(existing.payload, check_first=resumed)
            entry_id = existing.id
        return Sent(external_id=f"outbox:{entry_id}", detail=str(self.path))

    def _append(self, payload: dict[str, object], check_first: bool) -> None:
        key = str(payload["idempotency_key"])
        with self._lock:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            if check_first and self.path.exists() and key in self.keys():
                return
            with self.path.open("a", encoding="utf-8") as fh:
                fh.write(json.dumps(payload, ensure_ascii=False, sort_keys=True) + "\n")
                fh.flush()
                os.fsync(fh.fileno())

    def keys(self) -> set[str]:
        if not self.path.exists():
            return set()
        with self.path.open(encoding="utf-8") as fh:
            return {json.loads(line)["idempotency_key"] for line in fh if line.strip()}
