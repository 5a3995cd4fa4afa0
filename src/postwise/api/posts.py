"""Posts and reviews: write, check, submit, acknowledge, withdraw; review, sample; drug safety.

Employees see and act on their own posts only (another's post is "not found"); reviewers
also see every post, the review queue, the samples and the drug-safety reports.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Query
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import select

from postwise.api.service import ServiceDep, TokenDep
from postwise.store.models import Post
from postwise.workflow import PostChanges, PostDraft, State
from postwise.workflow.posts import Decision, SampleDecision, post_view

router = APIRouter(prefix="/api", tags=["posts"])


class Acknowledge(BaseModel):
    model_config = ConfigDict(extra="forbid")

    rule_ids: list[str] | None = Field(
        None, description="The warnings you acknowledge; default: all of the latest check."
    )


class ReviewBody(BaseModel):
    model_config = ConfigDict(extra="forbid")

    decision: Decision
    comment: str = Field("", max_length=5000, description="The author sees it.")


class SampleReviewBody(BaseModel):
    model_config = ConfigDict(extra="forbid")

    decision: SampleDecision
    comment: str = Field("", max_length=5000)


class ForwardBody(BaseModel):
    model_config = ConfigDict(extra="forbid")

    note: str = Field("", max_length=5000, description="Where and how it was reported.")


@router.post("/posts", status_code=201)
def create_post(body: PostDraft, svc: ServiceDep, token: TokenDep) -> dict[str, Any]:
    """Save a new post (checked at once); with ``submit: true`` also submit it."""
    with svc.unit(token) as (s, me):
        post = svc.workflow.create(s, me, body)
        return svc.workflow.details(s, post)


@router.get("/posts")
def list_posts(
    svc: ServiceDep,
    token: TokenDep,
    state: State | None = None,
    mine: bool = False,
    limit: int = Query(100, ge=1, le=1000),
    before: int | None = Query(None, description="Page: posts with a smaller id."),
) -> list[dict[str, Any]]:
    """Posts, newest first. Employees get only their own."""
    with svc.reading(token) as (s, me):
        query = select(Post).order_by(Post.id.desc()).limit(limit)
        if mine or me.app_role == "employee":
            query = query.where(Post.author_id == me.id)
        if state is not None:
            query = query.where(Post.state == state)
        if before is not None:
            query = query.where(Post.id < before)
        return [post_view(p) for p in s.execute(query).scalars()]


@router.get("/posts/{post_id}")
def get_post(post_id: int, svc: ServiceDep, token: TokenDep) -> dict[str, Any]:
    with svc.reading(token) as (s, me):
        return svc.workflow.details(s, svc.workflow.get(s, me, post_id))


@router.patch("/posts/{post_id}")
def edit_post(post_id: int, body: PostChanges, svc: ServiceDep, token: TokenDep) -> dict[str, Any]:
    """Edit: the post goes back to draft with a new check (and any hold ends)."""
    with svc.unit(token) as (s, me):
        post = svc.workflow.edit(s, me, svc.workflow.get(s, me, post_id, lock=True), body)
        return svc.workflow.details(s, post)


@router.post("/posts/{post_id}/submit")
def submit_post(post_id: int, svc: ServiceDep, token: TokenDep) -> dict[str, Any]:
    """Check again and route: block → review, warn → acknowledge, clean → on its way."""
    with svc.unit(token) as (s, me):
        post = svc.workflow.submit(s, me, svc.workflow.get(s, me, post_id, lock=True))
        return svc.workflow.details(s, post)


@router.post("/posts/{post_id}/acknowledge")
def acknowledge_post(
    post_id: int, body: Acknowledge, svc: ServiceDep, token: TokenDep
) -> dict[str, Any]:
    """Acknowledge the warnings of the latest check and go ahead."""
    with svc.unit(token) as (s, me):
        post = svc.workflow.get(s, me, post_id, lock=True)
        svc.workflow.acknowledge(s, me, post, body.rule_ids)
        return svc.workflow.details(s, post)


@router.post("/posts/{post_id}/withdraw")
def withdraw_post(post_id: int, svc: ServiceDep, token: TokenDep) -> dict[str, Any]:
    with svc.unit(token) as (s, me):
        post = svc.workflow.withdraw(s, me, svc.workflow.get(s, me, post_id, lock=True))
        return svc.workflow.details(s, post)


@router.post("/posts/{post_id}/retry")
def retry_post(post_id: int, svc: ServiceDep, token: TokenDep) -> dict[str, Any]:
    """Try a failed publication again."""
    with svc.unit(token) as (s, me):
        post = svc.workflow.retry(s, me, svc.workflow.get(s, me, post_id, lock=True))
        return svc.workflow.details(s, post)


@router.post("/posts/{post_id}/reviews", tags=["reviews"], status_code=201)
def review_post(post_id: int, body: ReviewBody, svc: ServiceDep, token: TokenDep) -> dict[str, Any]:
    """Approve, reject or request changes (reviewers); the author is told, with the comment."""
    with svc.unit(token) as (s, me):
        post = svc.workflow.get(s, me, post_id, lock=True)
        svc.workflow.review(s, me, post, body.decision, body.comment)
        return svc.workflow.details(s, post)


@router.post("/posts/{post_id}/sample-reviews", tags=["reviews"], status_code=201)
def sample_review_post(
    post_id: int, body: SampleReviewBody, svc: ServiceDep, token: TokenDep
) -> dict[str, Any]:
    """After-the-fact review of a published post drawn for sampling."""
    with svc.unit(token) as (s, me):
        post = svc.workflow.get(s, me, post_id)
        svc.workflow.sample_review(s, me, post, body.decision, body.comment)
        return svc.workflow.details(s, post)


@router.get("/reviews/queue", tags=["reviews"])
def review_queue(svc: ServiceDep, token: TokenDep) -> list[dict[str, Any]]:
    """Posts waiting for review, longest first, with how long each has waited."""
    with svc.reading(token) as (s, me):
        return svc.workflow.queue(s, me)


@router.get("/reviews/samples", tags=["reviews"])
def review_samples(svc: ServiceDep, token: TokenDep) -> list[dict[str, Any]]:
    """Published posts drawn for after-the-fact review and not yet looked at."""
    with svc.reading(token) as (s, me):
        return svc.workflow.samples(s, me)


@router.get("/reports/role-duty", tags=["reviews"])
def role_duty_report(svc: ServiceDep, token: TokenDep) -> list[dict[str, Any]]:
    """People in roles that must post (``role_duty`` rules) who have been silent too long."""
    from postwise.workflow.duties import role_duty_report as report
    from postwise.workflow.people import require

    with svc.reading(token) as (s, me):
        require(me, "reviewer")
        _, policy = svc.workflow.policies.active(s)
        return report(s, policy, svc.workflow.clock())


@router.get("/drug-safety-reports", tags=["drug safety"])
def drug_safety_reports(svc: ServiceDep, token: TokenDep) -> list[dict[str, Any]]:
    """Possible adverse events: open ones first, nearest deadline first."""
    with svc.reading(token) as (s, me):
        return svc.workflow.drug_safety_reports(s, me)


@router.post("/drug-safety-reports/{report_id}/forward", tags=["drug safety"])
def forward_report(
    report_id: int, body: ForwardBody, svc: ServiceDep, token: TokenDep
) -> dict[str, Any]:
    """Record that the report went to drug safety."""
    from postwise.workflow.posts import dsr_view

    with svc.unit(token) as (s, me):
        row = svc.workflow.forward_drug_safety(s, me, report_id, body.note)
        return dsr_view(row, svc.workflow.clock())


__all__ = ["router"]
