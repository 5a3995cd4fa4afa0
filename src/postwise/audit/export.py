"""Export the audit log for an auditor: ``events.jsonl`` plus ``manifest.json``.

The manifest carries the number of events, the head hash and the SHA-256 of the JSONL file,
so the export can be verified on its own, anywhere, with :func:`verify_export` (or by
recomputing the chain as described in docs/service.md).
"""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from postwise.audit.chain import ALGORITHM, Verification, iter_events, verify_events

EVENTS_FILE = "events.jsonl"
MANIFEST_FILE = "manifest.json"


def export(session: Session, folder: str | Path) -> dict[str, Any]:
    """Write the whole log to ``folder``; returns the manifest."""
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    digest = hashlib.sha256()
    count, first, last, head = 0, None, None, "0" * 64
    events_path = out / EVENTS_FILE
    with events_path.open("wb") as fh:
        for event in iter_events(session):
            line = (json.dumps(event, sort_keys=True, ensure_ascii=False) + "\n").encode("utf-8")
            fh.write(line)
            digest.update(line)
            count += 1
            first = event["seq"] if first is None else first
            last, head = event["seq"], event["hash"]
    manifest = {
        "format": "postwise-audit/1",
        "algorithm": ALGORITHM,
        "exported_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "events": count,
        "first_seq": first,
        "last_seq": last,
        "head_hash": head,
        "events_file": EVENTS_FILE,
        "events_sha256": digest.hexdigest(),
    }
    (out / MANIFEST_FILE).write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    return manifest


def verify_export(folder: str | Path) -> Verification:
    """Verify an exported log against its own manifest, without a database."""
    out = Path(folder)
    manifest = json.loads((out / MANIFEST_FILE).read_text(encoding="utf-8"))
    raw = (out / manifest["events_file"]).read_bytes()
    events = (json.loads(line) for line in raw.decode("utf-8").splitlines() if line)
    result = verify_events(events, (manifest["events"], manifest["head_hash"]))
    if result.ok and hashlib.sha256(raw).hexdigest() != manifest["events_sha256"]:
        return Verification(
            False, result.events, result.head_hash, None, "events file does not match the manifest"
        )
    return result
