"""The review queue: posts waiting longest first, drug-safety reports, sampled posts.

Only reviewers and admins get here (403 for anyone else). A reviewer opens a waiting post,
sees its text with the findings highlighted and how long it has waited, and approves,
rejects or asks for changes with a comment the author sees. Possible adverse events are
listed with their deadline until someone forwards them to drug safety; published posts
drawn for after-the-fact review can be marked fine or raise a concern with the author.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request, Response
from sqlalchemy import select

from postwise.store.models import Person, Post
from postwise.web.page import PageRefused, PageRoute, visit
from postwise.web.routes.posts import post_details

router = APIRouter(route_class=PageRoute)
DECISIONS = ("approve", "reject", "request_changes")


@router.get("/review", include_in_schema=False)
def queue_page(request: Request) -> Response:
    with visit(request) as v:
        reviewer = v.need("reviewer")
        waiting = v.workflow.queue(v.session, reviewer)
        names = {pid: name for pid, name in v.session.execute(select(Person.id, Person.name))}
        for item in waiting:
            item["author"] = names.get(item["post"]["author_id"], "")
            item["findings"] = list((item["post"].get("report") or {}).get("findings", []))
        reports = v.workflow.drug_safety_reports(v.session, reviewer)
        samples = v.workflow.samples(v.session, reviewer)
        for sample in samples:
            sample["author"] = names.get(sample["author_id"], "")
        return v.page(
            "review.html",
            waiting=waiting,
            reports=reports,
            samples=samples,
            me_id=reviewer.id,
        )


@router.get("/review/{post_id}", include_in_schema=False)
def review_page(request: Request, post_id: int) -> Response:
    with visit(request) as v:
        reviewer = v.need("reviewer")
        post = v.workflow.get(v.session, reviewer, post_id)
        waited = int((v.now - post.state_since).total_seconds())
        return v.page(
            "review_post.html",
            **post_details(v, post),
            waited=waited,
            own=post.author_id == reviewer.id,
            comment="",
        )


@router.post("/review/{post_id}", include_in_schema=False)
def decide(
    request: Request,
    post_id: int,
    decision: Annotated[str, Form()] = "",
    comment: Annotated[str, Form()] = "",
) -> Response:
    if decision not in DECISIONS:
        raise PageRefused(422, "errors.invalid")
    with visit(request) as v:
        reviewer = v.need("reviewer")
        post = v.workflow.get(v.session, reviewer, post_id, lock=True)
        if decision != "approve" and not comment.strip():
            return v.page(
                "review_post.html",
                status=422,
                **post_details(v, post),
                waited=int((v.now - post.state_since).total_seconds()),
                own=post.author_id == reviewer.id,
                comment=comment,
                error="review.comment_needed",
            )
        v.workflow.review(v.session, reviewer, post, decision, comment.strip())  # type: ignore[arg-type]
        return v.redirect("/review", done=f"review_{decision}")


@router.post("/review/drug-safety/{report_id}", include_in_schema=False)
def forward(request: Request, report_id: int, note: Annotated[str, Form()] = "") -> Response:
    with visit(request) as v:
        reviewer = v.need("reviewer")
        v.workflow.forward_drug_safety(v.session, reviewer, report_id, note.strip())
        return v.redirect("/review", done="forwarded")


@router.post("/review/samples/{post_id}", include_in_schema=False)
def sample(
    request: Request,
    post_id: int,
    decision: Annotated[str, Form()] = "",
    comment: Annotated[str, Form()] = "",
) -> Response:
    if decision not in ("ok", "concern"):
        raise PageRefused(422, "errors.invalid")
    with visit(request) as v:
        reviewer = v.need("reviewer")
        post = v.session.get(Post, post_id)
        if post is None:
            raise PageRefused(404, "errors.not_found")
        if decision == "concern" and not comment.strip():
            raise PageRefused(422, "review.comment_needed")
        v.workflow.sample_review(v.session, reviewer, post, decision, comment.strip())  # type: ignore[arg-type]
        return v.redirect("/review", done="sample_reviewed")
