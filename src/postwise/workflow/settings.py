"""Organisation-wide workflow settings, kept in the store and changed by admins."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy.orm import Session

from postwise.store.models import Setting

KEY = "workflow"


class WorkflowSettings(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    hold_minutes: int = Field(
        0, ge=0, le=7 * 24 * 60, description="Cooling-off hold for every post (0: only on heat)."
    )
    sample_rate: float = Field(
        0.05, ge=0, le=1, description="Share of published posts drawn for after-the-fact review."
    )
    review_overdue_hours: int = Field(
        24, ge=1, description="A post waiting longer than this in review is shown as overdue."
    )


def load_settings(session: Session) -> WorkflowSettings:
    row = session.get(Setting, KEY)
    return WorkflowSettings.model_validate(row.value) if row else WorkflowSettings()


def save_settings(session: Session, settings: WorkflowSettings, now: datetime) -> None:
    row = session.get(Setting, KEY)
    if row is None:
        session.add(Setting(key=KEY, value=settings.model_dump(), updated_at=now))
    else:
        row.value, row.updated_at = settings.model_dump(), now
