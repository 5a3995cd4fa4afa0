"""My posts and one post: where it stands, what was found, what reviewers said, what next.

Employees see only their own posts (the workflow answers 404 for anyone else's); reviewers
and admins may open any post. The author's next steps depend on the state: submit or edit a
draft, acknowledge warnings, withdraw while a cooling-off hold counts down, retry a failed
publication. Each step is a small form with its CSRF token that calls the workflow and comes
back here.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Form, Request, Response
from sqlalchemy import select, update

from postwise.store.models import Account, Hold, Notification, Person, Post, Review
from postwise.web.coach import segments
from postwise.web.page import PageRoute, Visit, visit

router = APIRouter(route_class=PageRoute)
FINAL = ("published", "rejected", "withdrawn")


def post_details(v: Visit, post: Post) -> dict[str, Any]:
    """Everything a post page shows about ``post``: text in highlighted runs, findings,
    reviews with the reviewers' names, the running hold and the account."""
    report = post.report or {}
    findings = list(report.get("findings", []))
    reviews = v.session.execute(
        select(Review, Person.name)
        .join(Person, Person.id == Review.reviewer_id)
        .where(Review.post_id == post.id)
        .order_by(Review.id)
    ).all()
    hold = v.session.execute(
        select(Hold).where(Hold.post_id == post.id).order_by(Hold.id.desc()).limit(1)
    ).scalar()
    author = v.session.get(Person, post.author_id)
    account = v.session.get(Account, post.account_id) if post.account_id else None
    return {
        "post": post,
        "author": author,
        "account": account,
        "network": account.network if account else post.channel,
        "findings": findings,
        "segments": segments(post.text, findings),
        "reviews": [{"review": r, "reviewer": name} for r, name in reviews],
        "hold": hold if hold is not None and hold.ended_at is None else None,
        "hold_seconds": _seconds_left(v, hold) if hold is not None else 0,
        "warnings": [f for f in findings if f.get("severity") == "warn"],
    }


def _seconds_left(v: Visit, hold: Hold) -> int:
    return max(0, int((hold.until - v.now).total_seconds()))


@router.get("/posts", include_in_schema=False)
def my_posts(request: Request) -> Response:
    with visit(request) as v:
        person = v.need()
        posts = v.session.execute(
            select(Post).where(Post.author_id == person.id).order_by(Post.updated_at.desc())
        ).scalars()
        items = []
        for post in posts:
            last = v.session.execute(
                select(Review, Person.name)
                .join(Person, Person.id == Review.reviewer_id)
                .where(Review.post_id == post.id)
                .order_by(Review.id.desc())
                .limit(1)
            ).first()
            items.append(
                {
                    "post": post,
                    "findings": list((post.report or {}).get("findings", [])),
                    "review": last[0] if last else None,
                    "reviewer": last[1] if last else None,
                }
            )
        news = v.session.execute(
            select(Notification)
            .where(Notification.person_id == person.id, Notification.read_at.is_(None))
            .order_by(Notification.id.desc())
            .limit(50)
        ).scalars()
        return v.page("posts.html", items=items, news=[(n, notice_text(v, n)) for n in news])


def notice_text(v: Visit, notice: Notification) -> str:
    """A notification in the reader's language, by its kind (the stored message is the
    workflow's English, kept for the API and as the fallback for a kind we do not know)."""
    key = "notice." + notice.kind.replace(".", "_")
    if v.t.get(key, "") == "":
        return notice.message
    return v.t(key, id=notice.post_id if notice.post_id is not None else "")


@router.post("/notifications/read", include_in_schema=False)
def mark_read(request: Request) -> Response:
    with visit(request) as v:
        person = v.need()
        v.session.execute(
            update(Notification)
            .where(Notification.person_id == person.id, Notification.read_at.is_(None))
            .values(read_at=v.now)
        )
        return v.redirect("/posts", done="read")


@router.get("/posts/{post_id}", include_in_schema=False)
def post_page(request: Request, post_id: int) -> Response:
    with visit(request) as v:
        person = v.need()
        post = v.workflow.get(v.session, person, post_id)
        return v.page("post.html", **post_details(v, post), mine=post.author_id == person.id)


@router.post("/posts/{post_id}/submit", include_in_schema=False)
def submit(request: Request, post_id: int) -> Response:
    with visit(request) as v:
        person = v.need()
        post = v.workflow.get(v.session, person, post_id, lock=True)
        v.workflow.submit(v.session, person, post)
        return v.redirect(f"/posts/{post.id}", done="submitted")


@router.post("/posts/{post_id}/acknowledge", include_in_schema=False)
def acknowledge(request: Request, post_id: int, confirm: Annotated[str, Form()] = "") -> Response:
    with visit(request) as v:
        person = v.need()
        post = v.workflow.get(v.session, person, post_id, lock=True)
        if not confirm:
            return v.page(
                "post.html",
                status=422,
                **post_details(v, post),
                mine=True,
                error="post.confirm_needed",
            )
        v.workflow.acknowledge(v.session, person, post, None)
        return v.redirect(f"/posts/{post.id}", done="acknowledged")


@router.post("/posts/{post_id}/withdraw", include_in_schema=False)
def withdraw(request: Request, post_id: int) -> Response:
    with visit(request) as v:
        person = v.need()
        post = v.workflow.get(v.session, person, post_id, lock=True)
        v.workflow.withdraw(v.session, person, post)
        return v.redirect(f"/posts/{post.id}", done="withdrawn")


@router.post("/posts/{post_id}/retry", include_in_schema=False)
def retry(request: Request, post_id: int) -> Response:
    with visit(request) as v:
        person = v.need()
        post = v.workflow.get(v.session, person, post_id, lock=True)
        v.workflow.retry(v.session, person, post)
        return v.redirect(f"/posts/{post.id}", done="retried")
