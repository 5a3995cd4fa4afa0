"""Roles expected to be active: someone in such a role has not posted for too long.

**What it catches.** People in roles that are expected to be active (Mr Green: country
managers) who have not posted for more than the policy's number of days, or never. It is a
report about people, not a finding on one post.

Details: ``roles`` lists the roles (compared without regard to case or spacing) and
``max_days_silent`` the days (14 by default), counted as calendar days in the organisation's
time zone. Checking a post never raises it (a policy may list it among per-post rules; its
detector finds nothing); the service calls ``overdue()`` (one rule) or
``policy_overdue()`` (every enabled rule of this kind in a policy) with each person's role
and last posting time.

**Why.** Mr Green's Twitter policy, rule 1: all country managers are to be active, as they
are on blogs. It is about transparency and responsibility: the organisation should take part
in the digital society, and its leaders first.

**Example.** With ``roles: [country manager]`` and ``max_days_silent: 14``, a country
manager whose last post was 20 days ago is on the report; one who posted yesterday, or an
engineer who never posts, is not.

**Fix.** Share something from the week: a visit, a result that is already public, a
colleague's work. Each entry carries the days of silence, so a reminder can say how long.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace
from datetime import UTC, datetime, tzinfo
from typing import TYPE_CHECKING

from pydantic import Field

from postwise.policy.model import RuleBase, RuleSettings, Severity
from postwise.rules import Detector, Hit, RuleKind

if TYPE_CHECKING:
    from postwise.engine.post import Post
    from postwise.policy.compiled import CompiledOrganisation, CompiledPolicy


class Settings(RuleSettings):
    roles: list[str] = Field(
        default_factory=list, description="Roles that are expected to post, e.g. country manager."
    )
    max_days_silent: int = Field(
        14, ge=1, le=366, description="Calendar days without a post before a reminder."
    )


@dataclass(frozen=True)
class Overdue:
    """One person who should have posted: the report's line, and the reminder's content."""

    person: str
    role: str
    last_posted: datetime | None  # in the organisation's time zone
    days_silent: int | None  # None: never posted
    max_days_silent: int
    rule_id: str = ""
    severity: Severity = "tip"

    @property
    def detail(self) -> str:
        """The message key in ``messages/<lang>/role_duty.yaml``."""
        return "never" if self.last_posted is None else "overdue"

    @property
    def params(self) -> dict[str, str]:
        """Placeholders for the message: ``person``, ``role``, ``days``, ``limit``, ``last``."""
        return {
            "person": self.person,
            "role": self.role,
            "days": "" if self.days_silent is None else str(self.days_silent),
            "limit": str(self.max_days_silent),
            "last": "" if self.last_posted is None else self.last_posted.date().isoformat(),
        }


def overdue(
    people_last_posted: Mapping[str, tuple[str, datetime | None]],
    now: datetime,
    settings: Settings,
    zone: tzinfo = UTC,
) -> list[Overdue]:
    """Everyone in one of ``settings.roles`` silent for more than ``max_days_silent`` days.

    ``people_last_posted`` maps a person (id or name) to their role and last posting time
    (``None``: never posted). Days are calendar days in ``zone`` (the organisation's), so a
    post on the evening of 1 March is 14 days before any time on 15 March. The longest
    silent come first, those who never posted before all; ties by person.
    """
    if now.tzinfo is None or any(
        last is not None and last.tzinfo is None for _, last in people_last_posted.values()
    ):
        raise ValueError("times need a time zone, e.g. 2026-05-04T09:20:00+02:00")
    wanted = {_role_key(r) for r in settings.roles}
    today = now.astimezone(zone).date()
    found: list[Overdue] = []
    for person, (role, last) in people_last_posted.items():
        if _role_key(role) not in wanted:
            continue
        local = None if last is None else last.astimezone(zone)
        days = None if local is None else (today - local.date()).days
        if days is None or days > settings.max_days_silent:
            found.append(Overdue(person, role, local, days, settings.max_days_silent))
    found.sort(key=lambda o: (o.days_silent is not None, -(o.days_silent or 0), o.person))
    return found


def policy_overdue(
    policy: CompiledPolicy,
    people_last_posted: Mapping[str, tuple[str, datetime | None]],
    now: datetime,
) -> list[Overdue]:
    """``overdue()`` for every enabled rule of this kind in ``policy``, tagged with its rule."""
    found: list[Overdue] = []
    for rule in policy.rules:
        spec = rule.spec
        if spec.kind != KIND.name:
            continue
        assert isinstance(spec.settings, Settings)
        for entry in overdue(people_last_posted, now, spec.settings, policy.organisation.zone):
            found.append(replace(entry, rule_id=spec.id, severity=spec.severity))
    return found


def _role_key(role: str) -> str:
    return " ".join(role.casefold().split())


def compile(rule: RuleBase, org: CompiledOrganisation) -> Detector:
    """A report kind: one post says nothing about who has been silent, so nothing is found."""
    return _nothing


def _nothing(post: Post) -> Iterator[Hit]:
    return iter(())


KIND = RuleKind(
    name="role_duty",
    settings=Settings,
    compile=compile,
    doc=__doc__ or "",
    default_severity="tip",
    per_post=False,
)
