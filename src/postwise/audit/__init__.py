"""The audit trail: every state change, check, review, policy activation, login and admin
action as an append-only, hash-chained event that ``postwise audit verify`` can prove."""

from postwise.audit.chain import (
    SYSTEM,
    WORKER,
    Actor,
    Verification,
    content_hash,
    record,
    verify,
    verify_events,
)
from postwise.audit.export import export, verify_export

__all__ = [
    "SYSTEM",
    "WORKER",
    "Actor",
    "Verification",
    "content_hash",
    "export",
    "record",
    "verify",
    "verify_events",
    "verify_export",
]
