"""Role duties: people in roles that must be active (``role_duty`` rules) who have gone quiet.

Not a per-post finding but a report over the store: each person's role and the time of
their last published post, judged by the rule kind's own ``overdue`` function.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from postwise.policy.compiled import CompiledPolicy
from postwise.rules import role_duty
from postwise.store.models import Person, Post
from postwise.workflow.states import State


def role_duty_report(
    session: Session, policy: CompiledPolicy, now: datetime
) -> list[dict[str, Any]]:
    rules = [r for r in policy.rules if r.spec.kind == role_duty.KIND.name]
    if not rules:
        return []
    latest = (
        select(Post.author_id, func.max(Post.published_at))
        .where(Post.state == State.PUBLISHED)
        .group_by(Post.author_id)
    )
    last = {author: when for author, when in session.execute(latest)}
    people = session.execute(select(Person).where(Person.active.is_(True))).scalars().all()
    names = {str(p.id): p.name for p in people}
    history = {str(p.id): (p.role, last.get(p.id)) for p in people}
    lines = []
    for rule in rules:
        settings = rule.spec.settings
        assert isinstance(settings, role_duty.Settings)
        for item in role_duty.overdue(history, now, settings, policy.organisation.zone):
            item = replace(item, rule_id=rule.spec.id, severity=rule.spec.severity)
            lines.append(
                {
                    "rule_id": item.rule_id,
                    "person_id": int(item.person),
                    "name": names.get(item.person, ""),
                    "role": item.role,
                    "last_posted": item.last_posted.isoformat() if item.last_posted else None,
                    "days_silent": item.days_silent,
                    "max_days_silent": item.max_days_silent,
                }
            )
    return lines
