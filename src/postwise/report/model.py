"""Findings and the report: what the author sees and what the workflow acts on."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

Severity = Literal["block", "warn", "tip"]
Verdict = Literal["clean", "warn", "block"]
SEVERITY_RANK: dict[str, int] = {"tip": 0, "warn": 1, "block": 2}


@dataclass(frozen=True)
class Fix:
    """A suggested change: replace ``[start, end)`` of the original text with ``text``.

    ``start == end`` inserts; an empty ``text`` removes. ``label`` says it in words.
    """

    start: int
    end: int
    text: str
    label: str

    def apply(self, original: str) -> str:
        return original[: self.start] + self.text + original[self.end :]


@dataclass(frozen=True)
class Finding:
    rule_id: str
    kind: str
    severity: Severity
    start: int | None
    end: int | None
    excerpt: str
    message: str
    guideline: str
    language: str
    fix: Fix | None = None
    data: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        if self.fix is None:
            out.pop("fix")
        if not self.data:
            out.pop("data")
        return out


@dataclass(frozen=True)
class Report:
    verdict: Verdict
    findings: tuple[Finding, ...]
    policy_version: str
    language: str
    hold_minutes: int = 0

    @property
    def kinds(self) -> set[str]:
        return {f.kind for f in self.findings}

    def to_dict(self) -> dict[str, Any]:
        return {
            "verdict": self.verdict,
            "hold_minutes": self.hold_minutes,
            "language": self.language,
            "policy_version": self.policy_version,
            "findings": [f.to_dict() for f in self.findings],
        }


def verdict_of(findings: tuple[Finding, ...] | list[Finding]) -> Verdict:
    """``block`` if any finding blocks, ``warn`` if any warns, else ``clean`` (tips allowed)."""
    worst = max((SEVERITY_RANK[f.severity] for f in findings), default=0)
    return "block" if worst == 2 else "warn" if worst == 1 else "clean"
