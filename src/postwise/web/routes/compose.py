"""The composer: write a post, see the coaching as you type, save it or submit it.

The live feedback comes from ``POST /compose/check``: the page's script sends the draft
(debounced) and gets back the report in the writer's language — verdict in words, each
finding with its span, message, guideline and one-click fix, and the length against the
network's limit. The check uses the same context the workflow will use on submission (the
person's role and expertise, the account, the planned time, their recent posts), so what the
composer says is what happens. It stores nothing: drafts are saved only when the writer
says so. Without the script the form still works and the post page shows the findings.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any
from zoneinfo import ZoneInfo

from fastapi import APIRouter, Form, Request, Response
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from postwise.engine.check import MAX_TEXT_CHARS, check
from postwise.policy.errors import InputError
from postwise.store.models import Account, Person, Post
from postwise.web.coach import NETWORKS, feedback, limits, verdict_key, verdict_words
from postwise.web.page import PageRefused, PageRoute, Visit, visit
from postwise.workflow.errors import Conflict
from postwise.workflow.posts import PostChanges, PostDraft

router = APIRouter(route_class=PageRoute)


class Draft(BaseModel):
    """What the composer's script sends for a live check."""

    model_config = ConfigDict(extra="forbid")

    text: str = Field("", max_length=MAX_TEXT_CHARS)
    account_id: int | None = None
    channel: str | None = Field(None, max_length=32)
    scheduled_at: str | None = Field(None, max_length=40)
    work_device: bool = False
    post_id: int | None = None


def zone_of(v: Visit) -> ZoneInfo:
    """The organisation's time zone (a schedule typed in the form is in it)."""
    try:
        _, policy = v.workflow.policies.active(v.session)
    except Conflict:
        return ZoneInfo("UTC")
    return policy.organisation.zone


def parse_local(value: str | None, zone: ZoneInfo) -> datetime | None:
    """A ``datetime-local`` value (no zone) read in ``zone``; ``None`` when empty."""
    if not value or not value.strip():
        return None
    try:
        moment = datetime.fromisoformat(value.strip())
    except ValueError:
        raise PageRefused(422, "compose.bad_time") from None
    return moment if moment.tzinfo else moment.replace(tzinfo=zone)


def own_account(v: Visit, person: Person, account_id: int | None) -> Account | None:
    if account_id is None:
        return None
    account = v.session.get(Account, account_id)
    return account if account is not None and account.person_id == person.id else None


@router.post("/compose/check", include_in_schema=False)
def live_check(request: Request, draft: Draft) -> Response:
    with visit(request, read_only=True) as v:
        person = v.need()
        try:
            _, policy = v.workflow.policies.active(v.session)
        except Conflict:
            return JSONResponse({"error": "no_policy", "message": v.t("compose.no_policy")})
        account = own_account(v, person, draft.account_id)
        channel = account.network if account else draft.channel
        if not draft.text.strip():
            return JSONResponse(
                {
                    "verdict": "empty",
                    "verdict_text": v.t("verdict.empty"),
                    "findings": [],
                    "length": 0,
                    "limit": limits(policy).get((channel or "").lower()),
                }
            )
        probe = Post(
            id=draft.post_id,
            account_id=account.id if account else None,
            channel=draft.channel,
            scheduled_at=parse_local(draft.scheduled_at, policy.organisation.zone),
            work_device=draft.work_device,
        )
        try:
            report = check(draft.text, v.workflow.context_for(v.session, probe, person), policy)
        except InputError:
            return JSONResponse({"error": "invalid"}, status_code=422)
        return JSONResponse(feedback(draft.text, report, channel, policy, v.t))


def composer_values(v: Visit, person: Person, post: Post | None) -> dict[str, Any]:
    """What the composer template needs, for a new post or an edit."""
    zone = zone_of(v)
    try:
        _, policy = v.workflow.policies.active(v.session)
    except Conflict:
        policy = None
    scheduled = ""
    verdict = None
    if post is not None and post.report:
        hold = int(post.report.get("hold_minutes", 0))
        verdict = (verdict_key(post.verdict, hold), verdict_words(post.verdict, hold, v.t))
    if post is not None and post.scheduled_at is not None:
        scheduled = post.scheduled_at.astimezone(zone).strftime("%Y-%m-%dT%H:%M")
    return {
        "post": post,
        "accounts": list(person.accounts),
        "networks": NETWORKS,
        "limits": limits(policy),
        "zone": str(zone),
        "scheduled": scheduled,
        "has_policy": policy is not None,
        "verdict": verdict,
    }


@router.get("/compose", include_in_schema=False)
def compose_page(request: Request) -> Response:
    with visit(request) as v:
        person = v.need()
        return v.page("compose.html", **composer_values(v, person, None), error=None)


def _fields(
    v: Visit, person: Person, account_id: str, channel: str, scheduled_at: str
) -> dict[str, Any]:
    account = own_account(v, person, int(account_id)) if account_id.isdigit() else None
    if account_id.isdigit() and account is None:
        raise PageRefused(422, "compose.bad_account")
    network = channel.strip().lower() or None
    if network is not None and network not in NETWORKS:
        raise PageRefused(422, "compose.bad_network")
    return {
        "account_id": account.id if account else None,
        "channel": None if account else network,
        "scheduled_at": parse_local(scheduled_at, zone_of(v)),
    }


@router.post("/compose", include_in_schema=False)
def compose_submit(
    request: Request,
    text: Annotated[str, Form()] = "",
    account_id: Annotated[str, Form()] = "",
    channel: Annotated[str, Form()] = "",
    scheduled_at: Annotated[str, Form()] = "",
    work_device: Annotated[str, Form()] = "",
    action: Annotated[str, Form()] = "save",
) -> Response:
    with visit(request) as v:
        person = v.need()
        if not text.strip():
            return v.page(
                "compose.html",
                status=422,
                **composer_values(v, person, None),
                error="compose.empty",
            )
        try:
            draft = PostDraft(
                text=text,
                work_device=bool(work_device),
                submit=action == "submit",
                **_fields(v, person, account_id, channel, scheduled_at),
            )
        except ValidationError:
            raise PageRefused(422, "compose.too_long") from None
        post = v.workflow.create(v.session, person, draft)
        return v.redirect(f"/posts/{post.id}", done="submitted" if draft.submit else "saved")


@router.get("/posts/{post_id}/edit", include_in_schema=False)
def edit_page(request: Request, post_id: int) -> Response:
    with visit(request) as v:
        person = v.need()
        post = v.workflow.get(v.session, person, post_id)
        if post.author_id != person.id:
            raise PageRefused(403, "errors.forbidden")
        return v.page("compose.html", **composer_values(v, person, post), error=None)


@router.post("/posts/{post_id}/edit", include_in_schema=False)
def edit_submit(
    request: Request,
    post_id: int,
    text: Annotated[str, Form()] = "",
    account_id: Annotated[str, Form()] = "",
    channel: Annotated[str, Form()] = "",
    scheduled_at: Annotated[str, Form()] = "",
    work_device: Annotated[str, Form()] = "",
    action: Annotated[str, Form()] = "save",
) -> Response:
    with visit(request) as v:
        person = v.need()
        post = v.workflow.get(v.session, person, post_id, lock=True)
        if not text.strip():
            raise PageRefused(422, "compose.empty")
        try:
            changes = PostChanges(
                text=text,
                work_device=bool(work_device),
                **_fields(v, person, account_id, channel, scheduled_at),
            )
        except ValidationError:
            raise PageRefused(422, "compose.too_long") from None
        unchanged = (
            post.text == changes.text
            and post.account_id == changes.account_id
            and post.channel == changes.channel
            and post.scheduled_at == changes.scheduled_at
            and post.work_device == changes.work_device
        )
        if not unchanged or post.state not in ("draft", "changes_requested"):
            v.workflow.edit(v.session, person, post, changes)
        if action == "submit":
            v.workflow.submit(v.session, person, post)
        return v.redirect(f"/posts/{post.id}", done="submitted" if action == "submit" else "saved")
