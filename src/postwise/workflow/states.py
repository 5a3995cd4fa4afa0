"""Where a post can be, and which moves are possible from where.

    draft ─submit─▶ clean
                  | needs_acknowledgement ─acknowledge─▶
                  | in_review ─approve─▶
          ─▶ cooling_off (while a hold lasts) ─▶ scheduled ─▶ publishing ─▶ published | failed
    in_review ─reject─▶ rejected
    in_review ─request changes─▶ changes_requested ─edit─▶ draft
    failed ─retry─▶ scheduled

An edit (a new text or time, hence a new check) sends any post that is not yet out back to
``draft``; ``withdrawn`` is open to the author until the post is published. ``publishing``
lasts while a connector call is in flight: the post can then be neither edited nor
withdrawn, because it may already be out; a retryable failure puts it back to
``scheduled``. ``published``, ``rejected`` and ``withdrawn`` are final.
"""

from __future__ import annotations

from enum import StrEnum


class State(StrEnum):
    DRAFT = "draft"
    CLEAN = "clean"
    NEEDS_ACKNOWLEDGEMENT = "needs_acknowledgement"
    IN_REVIEW = "in_review"
    CHANGES_REQUESTED = "changes_requested"
    COOLING_OFF = "cooling_off"
    SCHEDULED = "scheduled"
    PUBLISHING = "publishing"
    PUBLISHED = "published"
    FAILED = "failed"
    WITHDRAWN = "withdrawn"
    REJECTED = "rejected"


S = State
FINAL = frozenset({S.PUBLISHED, S.REJECTED, S.WITHDRAWN})
EDITABLE = frozenset(
    {
        S.DRAFT,
        S.CLEAN,
        S.NEEDS_ACKNOWLEDGEMENT,
        S.IN_REVIEW,
        S.CHANGES_REQUESTED,
        S.COOLING_OFF,
        S.SCHEDULED,
        S.FAILED,
    }
)

TRANSITIONS: dict[State, frozenset[State]] = {
    S.DRAFT: frozenset({S.DRAFT, S.CLEAN, S.NEEDS_ACKNOWLEDGEMENT, S.IN_REVIEW, S.WITHDRAWN}),
    S.CHANGES_REQUESTED: frozenset(
        {S.DRAFT, S.CLEAN, S.NEEDS_ACKNOWLEDGEMENT, S.IN_REVIEW, S.WITHDRAWN}
    ),
    S.CLEAN: frozenset({S.COOLING_OFF, S.SCHEDULED, S.DRAFT, S.WITHDRAWN}),
    S.NEEDS_ACKNOWLEDGEMENT: frozenset({S.COOLING_OFF, S.SCHEDULED, S.DRAFT, S.WITHDRAWN}),
    S.IN_REVIEW: frozenset(
        {S.COOLING_OFF, S.SCHEDULED, S.REJECTED, S.CHANGES_REQUESTED, S.DRAFT, S.WITHDRAWN}
    ),
    S.COOLING_OFF: frozenset({S.SCHEDULED, S.DRAFT, S.WITHDRAWN}),
    S.SCHEDULED: frozenset({S.PUBLISHING, S.DRAFT, S.WITHDRAWN}),
    S.PUBLISHING: frozenset({S.PUBLISHED, S.FAILED, S.SCHEDULED}),
    S.FAILED: frozenset({S.SCHEDULED, S.DRAFT, S.WITHDRAWN}),
    S.PUBLISHED: frozenset(),
    S.REJECTED: frozenset(),
    S.WITHDRAWN: frozenset(),
}


def can_move(src: str, dst: str) -> bool:
    return State(dst) in TRANSITIONS[State(src)]
