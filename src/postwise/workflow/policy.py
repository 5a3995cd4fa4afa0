"""The organisation's policy in the store: saved versions, the active one, compiled once.

Activating a policy stores its YAML with the YAML's SHA-256 and the policy's own version
hash (the engine's, over its meaning), marks it active and records who did it when. A
process compiles each version once and keeps it (``Policies`` is per process, not global),
so the check on every save costs microseconds, not the milliseconds of compiling.
"""

from __future__ import annotations

import hashlib
import threading
from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from postwise.audit import Actor, record
from postwise.policy.compiled import CompiledPolicy, load_policy_text
from postwise.store.models import PolicyVersion
from postwise.workflow.errors import Conflict

SOURCE = "policy.yaml"


class Policies:
    """Compiled policies by version, shared by the threads of one process."""

    def __init__(self) -> None:
        self._compiled: dict[str, CompiledPolicy] = {}
        self._lock = threading.Lock()

    def active(self, session: Session) -> tuple[PolicyVersion, CompiledPolicy]:
        row = session.execute(select(PolicyVersion).where(PolicyVersion.active.is_(True))).scalar()
        if row is None:
            raise Conflict(
                "no policy is active yet: an admin activates one (POST /api/policy/activate)",
                field="policy",
            )
        return row, self.compiled(row.version, row.yaml)

    def compiled(self, version: str, yaml_text: str) -> CompiledPolicy:
        policy = self._compiled.get(version)
        if policy is None:
            with self._lock:
                policy = self._compiled.get(version)
                if policy is None:
                    policy = load_policy_text(yaml_text, SOURCE)
                    self._compiled[version] = policy
        return policy

    def activate(
        self, session: Session, actor: Actor, yaml_text: str, now: datetime
    ) -> PolicyVersion:
        """Validate, store and activate; raises ``PolicyError`` (with lines) and changes nothing
        when the YAML does not validate."""
        compiled = load_policy_text(yaml_text, SOURCE)
        self._compiled.setdefault(compiled.version, compiled)
        session.execute(
            update(PolicyVersion).where(PolicyVersion.active.is_(True)).values(active=False)
        )
        row = PolicyVersion(
            version=compiled.version,
            yaml=yaml_text,
            sha256=hashlib.sha256(yaml_text.encode("utf-8")).hexdigest(),
            created_at=now,
            created_by=actor.person_id,
            activated_at=now,
            activated_by=actor.person_id,
            active=True,
        )
        session.add(row)
        session.flush()
        record(
            session,
            actor,
            "policy.activated",
            subject=f"policy:{row.id}",
            policy_version=compiled.version,
            content_sha256=row.sha256,
            at=now,
            data={"rules": [r.spec.id for r in compiled.rules]},
        )
        return row
