"""A post's way from draft to published: checks, acknowledgements, holds, reviews.

Every save runs the engine on the post with the context the store knows (the author's
role and expertise, the account, the planned time and the author's earlier posts for
``quota``), and keeps the report. Submitting routes the post by the report's verdict:
``block`` → review queue, ``warn`` → the author acknowledges, ``clean`` → on its way. A
``heat`` finding (or the organisation's hold setting) then holds it for N minutes counted
from submission; after that it is scheduled and the worker publishes it. An
``adverse_event`` finding opens a drug-safety report with its deadline, whatever happens to
the post. Each step is one unit of work with its audit event: it happens whole or not at all.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from datetime import datetime, timedelta
from typing import Any, Literal

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from postwise.audit import SYSTEM, WORKER, Actor, content_hash, record
from postwise.engine.check import MAX_TEXT_CHARS, check
from postwise.engine.context import Author, Context
from postwise.policy.compiled import CompiledPolicy
from postwise.report.model import Report
from postwise.store.models import (
    Account,
    Acknowledgement,
    Check,
    DrugSafetyReport,
    Hold,
    Notification,
    Person,
    Post,
    Review,
    utcnow,
)
from postwise.workflow import jobs
from postwise.workflow.errors import Forbidden, Invalid, InvalidTransition, NotFound
from postwise.workflow.people import actor_of, require
from postwise.workflow.policy import Policies
from postwise.workflow.settings import load_settings
from postwise.workflow.states import EDITABLE, State, can_move

Clock = Callable[[], datetime]
Checker = Callable[[str, Context, CompiledPolicy], Report]
HISTORY = timedelta(days=7)
DRUG_SAFETY_HOURS = 24


class PostDraft(BaseModel):
    """A new post as the author writes it."""

    model_config = ConfigDict(extra="forbid")

    text: str = Field(min_length=1, max_length=MAX_TEXT_CHARS)
    channel: str | None = Field(None, max_length=32, description="Network, if no account.")
    account_id: int | None = Field(None, description="One of the author's accounts.")
    scheduled_at: AwareDatetime | None = Field(None, description="Publish at; default now.")
    work_device: bool = Field(False, description="Written on a work device.")
    submit: bool = Field(False, description="Submit right away instead of saving a draft.")


class PostChanges(BaseModel):
    """An edit: any of these; the post goes back to draft and is checked again."""

    model_config = ConfigDict(extra="forbid")

    text: str | None = Field(None, min_length=1, max_length=MAX_TEXT_CHARS)
    channel: str | None = Field(None, max_length=32)
    account_id: int | None = None
    scheduled_at: AwareDatetime | None = None
    work_device: bool | None = None


Decision = Literal["approve", "reject", "request_changes"]
SampleDecision = Literal["ok", "concern"]


class Workflow:
    """The post workflow for one process; methods run inside the caller's unit of work."""

    def __init__(
        self, policies: Policies | None = None, clock: Clock = utcnow, checker: Checker = check
    ) -> None:
        self.policies = policies or Policies()
        self.clock = clock
        self.checker = checker

    # --- reading -------------------------------------------------------------------------

    def get(self, session: Session, viewer: Person, post_id: int, lock: bool = False) -> Post:
        """The post, if ``viewer`` may see it: employees see only their own."""
        query = select(Post).where(Post.id == post_id)
        post = session.execute(query.with_for_update() if lock else query).scalar()
        if post is None or (viewer.app_role == "employee" and post.author_id != viewer.id):
            raise NotFound(f"no post {post_id}", field="post_id")
        return post

    def details(self, session: Session, post: Post) -> dict[str, Any]:
        """The post with its reviews (comments the author sees), holds and acknowledgements."""
        reviews = session.execute(
            select(Review, Person.name)
            .join(Person, Person.id == Review.reviewer_id)
            .where(Review.post_id == post.id)
            .order_by(Review.id)
        ).all()
        holds = session.execute(select(Hold).where(Hold.post_id == post.id).order_by(Hold.id))
        acks = session.execute(
            select(Acknowledgement)
            .where(Acknowledgement.post_id == post.id)
            .order_by(Acknowledgement.id)
        )
        return {
            **post_view(post),
            "reviews": [
                {
                    "id": r.id,
                    "kind": r.kind,
                    "decision": r.decision,
                    "comment": r.comment,
                    "reviewer": name,
                    "revision": r.revision,
                    "waited_seconds": r.waited_seconds,
                    "created_at": _iso(r.created_at),
                }
                for r, name in reviews
            ],
            "holds": [
                {
                    "minutes": h.minutes,
                    "reason": h.reason,
                    "started_at": _iso(h.started_at),
                    "until": _iso(h.until),
                    "ended_at": _iso(h.ended_at),
                    "outcome": h.outcome,
                }
                for h in holds.scalars()
            ],
            "acknowledgements": [
                {"check_id": a.check_id, "rule_ids": a.rule_ids, "created_at": _iso(a.created_at)}
                for a in acks.scalars()
            ],
        }

    # --- checking ------------------------------------------------------------------------

    def context_for(self, session: Session, post: Post, author: Person) -> Context:
        now = self.clock()
        posted_at = max(post.scheduled_at or now, now)
        account = session.get(Account, post.account_id) if post.account_id else None
        return Context(
            posted_at=posted_at,
            channel=account.network if account else post.channel,
            author=Author(
                id=str(author.id),
                role=author.role,
                expertise=list(author.expertise),
                spokesperson=author.spokesperson,
                profile_discloses_employer=author.profile_discloses_employer,
                language=author.languages[0] if author.languages else None,
            ),
            work_device=post.work_device,
            account_anonymous=bool(account and account.anonymous),
            recent_posts=self.recent_posts(session, author.id, post.id, posted_at),
        )

    def recent_posts(
        self, session: Session, author_id: int, exclude: int | None, until: datetime
    ) -> list[datetime]:
        """The author's posting times in the week before ``until``: published, or on their way."""
        since = until - HISTORY
        when = func.coalesce(Post.published_at, Post.scheduled_at)
        query = select(when).where(
            Post.author_id == author_id,
            Post.state.in_([State.PUBLISHED, State.PUBLISHING, State.SCHEDULED, State.COOLING_OFF]),
            when >= since,
            when <= until,
        )
        if exclude is not None:
            query = query.where(Post.id != exclude)
        return sorted(t for t in session.execute(query).scalars() if t is not None)

    def run_check(self, session: Session, post: Post, author: Person) -> tuple[Check, Report]:
        version, policy = self.policies.active(session)
        report = self.checker(post.text, self.context_for(session, post, author), policy)
        now = self.clock()
        data = report.to_dict()
        row = Check(
            post_id=post.id,
            revision=post.revision,
            content_hash=post.content_hash,
            policy_version=report.policy_version,
            verdict=report.verdict,
            report=data,
            created_at=now,
        )
        session.add(row)
        post.report, post.verdict, post.policy_version = data, report.verdict, version.version
        session.flush()
        record(
            session,
            actor_of(author),
            "post.checked",
            subject=f"post:{post.id}",
            policy_version=report.policy_version,
            content_sha256=post.content_hash,
            at=now,
            data={
                "check_id": row.id,
                "revision": post.revision,
                "verdict": report.verdict,
                "hold_minutes": report.hold_minutes,
                "findings": [
                    {
                        "rule_id": f.rule_id,
                        "kind": f.kind,
                        "severity": f.severity,
                        "start": f.start,
                        "end": f.end,
                    }
                    for f in report.findings
                ],
            },
        )
        self._drug_safety(session, post, report, now)
        return row, report

    def _drug_safety(self, session: Session, post: Post, report: Report, now: datetime) -> None:
        for finding in report.findings:
            if finding.kind != "adverse_event":
                continue
            exists = session.execute(
                select(DrugSafetyReport.id).where(
                    DrugSafetyReport.post_id == post.id,
                    DrugSafetyReport.rule_id == finding.rule_id,
                    DrugSafetyReport.excerpt == finding.excerpt,
                )
            ).first()
            if exists:
                continue
            hours = int(finding.data.get("deadline_hours", DRUG_SAFETY_HOURS))
            dsr = DrugSafetyReport(
                post_id=post.id,
                author_id=post.author_id,
                rule_id=finding.rule_id,
                excerpt=finding.excerpt,
                text=post.text,
                created_at=now,
                deadline_at=now + timedelta(hours=hours),
                state="open",
            )
            session.add(dsr)
            session.flush()
            record(
                session,
                SYSTEM,
                "drug_safety.opened",
                subject=f"drug_safety:{dsr.id}",
                policy_version=report.policy_version,
                content_sha256=post.content_hash,
                at=now,
                data={"post_id": post.id, "rule_id": finding.rule_id, "deadline_hours": hours},
            )
            self._notify(
                session,
                self._reviewers(session),
                post,
                "drug_safety",
                f"Post {post.id} may describe an adverse event: forward it to drug safety "
                f"within {hours} hours.",
            )

    # --- moving --------------------------------------------------------------------------

    def _move(
        self, session: Session, post: Post, to: State, actor: Actor, why: str, **data: Any
    ) -> None:
        if not can_move(post.state, to):
            raise InvalidTransition(
                f"a post that is {post.state.replace('_', ' ')} cannot {why}", field="state"
            )
        now = self.clock()
        before = post.state
        post.state, post.state_since, post.updated_at = to, now, now
        record(
            session,
            actor,
            "post.state",
            subject=f"post:{post.id}",
            policy_version=post.policy_version,
            content_sha256=post.content_hash,
            at=now,
            data={"from": before, "to": str(to), "revision": post.revision, **data},
        )

    def create(self, session: Session, author: Person, draft: PostDraft) -> Post:
        now = self.clock()
        self._check_account(session, author, draft.account_id)
        post = Post(
            author_id=author.id,
            account_id=draft.account_id,
            channel=draft.channel,
            text=draft.text,
            content_hash=content_hash(draft.text),
            revision=1,
            state=State.DRAFT,
            work_device=draft.work_device,
            scheduled_at=draft.scheduled_at,
            verdict="clean",
            report={},
            policy_version="",
            created_at=now,
            updated_at=now,
            state_since=now,
        )
        session.add(post)
        session.flush()
        record(
            session,
            actor_of(author),
            "post.created",
            subject=f"post:{post.id}",
            content_sha256=post.content_hash,
            at=now,
            data={"channel": draft.channel, "account_id": draft.account_id},
        )
        if draft.submit:
            self.submit(session, author, post)  # checks it too
        else:
            self.run_check(session, post, author)
        return post

    def _check_account(self, session: Session, author: Person, account_id: int | None) -> None:
        if account_id is None:
            return
        account = session.get(Account, account_id)
        if account is None or account.person_id != author.id:
            raise Invalid(f"account {account_id} is not one of the author's", field="account_id")

    def edit(self, session: Session, person: Person, post: Post, changes: PostChanges) -> Post:
        """A new version: back to draft with a new check; ends a hold (outcome ``edited``)."""
        self._own(person, post)
        if post.state not in EDITABLE:
            raise InvalidTransition(
                f"a post that is {post.state} can no longer be edited", field="state"
            )
        values = changes.model_dump(exclude_unset=True)
        if "account_id" in values:
            self._check_account(session, person, values["account_id"])
        for key, value in values.items():
            setattr(post, key, value)
        post.content_hash = content_hash(post.text)
        post.revision += 1
        post.overdue_flagged_at = None
        self._end_hold(session, post, "edited")
        self._move(session, post, State.DRAFT, actor_of(person), "be edited", edited=sorted(values))
        author = session.get(Person, post.author_id)
        assert author is not None
        self.run_check(session, post, author)
        return post

    def submit(self, session: Session, person: Person, post: Post) -> Post:
        self._own(person, post)
        if post.state not in (State.DRAFT, State.CHANGES_REQUESTED):
            raise InvalidTransition(
                f"a post that is {post.state.replace('_', ' ')} cannot be submitted",
                field="state",
            )
        _, report = self.run_check(session, post, person)
        post.submitted_at = self.clock()
        actor = actor_of(person)
        if report.verdict == "block":
            self._move(session, post, State.IN_REVIEW, actor, "go to review")
        elif report.verdict == "warn":
            self._move(
                session, post, State.NEEDS_ACKNOWLEDGEMENT, actor, "wait for acknowledgement"
            )
        else:
            self._move(session, post, State.CLEAN, actor, "be marked clean")
            self._proceed(session, post, actor)
        return post

    def acknowledge(
        self, session: Session, person: Person, post: Post, rule_ids: Sequence[str] | None
    ) -> Post:
        """The author read the warnings of the latest check and goes ahead."""
        self._own(person, post)
        if post.state != State.NEEDS_ACKNOWLEDGEMENT:
            raise InvalidTransition(
                f"a post that is {post.state.replace('_', ' ')} has nothing to acknowledge",
                field="state",
            )
        latest = session.execute(
            select(Check).where(Check.post_id == post.id).order_by(Check.id.desc()).limit(1)
        ).scalar_one()
        warned = sorted(
            {f["rule_id"] for f in latest.report["findings"] if f["severity"] == "warn"}
        )
        if rule_ids is not None and sorted(set(rule_ids)) != warned:
            raise Invalid(
                f"acknowledge exactly the warnings of the latest check: {', '.join(warned)}",
                field="rule_ids",
            )
        now = self.clock()
        session.add(
            Acknowledgement(
                post_id=post.id,
                person_id=person.id,
                check_id=latest.id,
                rule_ids=warned,
                created_at=now,
            )
        )
        actor = actor_of(person)
        record(
            session,
            actor,
            "post.acknowledged",
            subject=f"post:{post.id}",
            policy_version=post.policy_version,
            content_sha256=post.content_hash,
            at=now,
            data={"check_id": latest.id, "rule_ids": warned},
        )
        self._proceed(session, post, actor)
        return post

    def _proceed(self, session: Session, post: Post, actor: Actor) -> None:
        """Past the checks: a cooling-off hold if one applies and is not over, else scheduled."""
        now = self.clock()
        minutes = max(int(post.report.get("hold_minutes", 0)), load_settings(session).hold_minutes)
        start = post.submitted_at or now
        until = start + timedelta(minutes=minutes)
        if minutes and until > now:
            reason = "heat" if post.report.get("hold_minutes") else "policy"
            self._move(session, post, State.COOLING_OFF, actor, "cool off", until=until.isoformat())
            session.add(
                Hold(
                    post_id=post.id,
                    revision=post.revision,
                    minutes=minutes,
                    reason=reason,
                    started_at=start,
                    until=until,
                )
            )
            jobs.enqueue(session, "release_hold", until, now, post.id, {"revision": post.revision})
            return
        self._schedule(session, post, actor)

    def _schedule(self, session: Session, post: Post, actor: Actor) -> None:
        now = self.clock()
        run_at = max(post.scheduled_at or now, now)
        self._move(session, post, State.SCHEDULED, actor, "be scheduled", run_at=run_at.isoformat())
        jobs.enqueue(session, "publish", run_at, now, post.id, {"revision": post.revision})

    def release_hold(self, session: Session, post: Post, revision: int) -> bool:
        """The worker's step when a hold is over; ``False`` if the post moved on meanwhile."""
        if post.state != State.COOLING_OFF or post.revision != revision:
            return False
        self._end_hold(session, post, "released")
        self._schedule(session, post, WORKER)
        return True

    def _end_hold(self, session: Session, post: Post, outcome: str) -> None:
        hold = session.execute(
            select(Hold).where(Hold.post_id == post.id, Hold.ended_at.is_(None))
        ).scalar()
        if hold is not None:
            hold.ended_at, hold.outcome = self.clock(), outcome

    def withdraw(self, session: Session, person: Person, post: Post) -> Post:
        self._own(person, post)
        self._end_hold(session, post, "withdrawn")
        self._move(session, post, State.WITHDRAWN, actor_of(person), "be withdrawn")
        return post

    def retry(self, session: Session, person: Person, post: Post) -> Post:
        """Try a failed publication again (the author or an admin)."""
        if person.app_role != "admin":
            self._own(person, post)
        if post.state != State.FAILED:
            raise InvalidTransition(
                f"only a failed post can be retried; this one is {post.state}", field="state"
            )
        post.failure = None
        self._schedule(session, post, actor_of(person))
        return post

    def _own(self, person: Person, post: Post) -> None:
        if post.author_id != person.id:
            raise Forbidden("only the author can do this with a post", field="author")

    # --- reviews -------------------------------------------------------------------------

    def review(
        self, session: Session, reviewer: Person, post: Post, decision: Decision, comment: str
    ) -> Review:
        require(reviewer, "reviewer")
        if post.author_id == reviewer.id:
            raise Forbidden("a reviewer cannot review their own post", field="reviewer")
        if post.state != State.IN_REVIEW:
            raise InvalidTransition(
                f"a post that is {post.state.replace('_', ' ')} cannot be reviewed "
                f"(only posts in review can)",
                field="state",
            )
        if decision != "approve" and not comment.strip():
            raise Invalid("say what the author should change or why it is rejected", "comment")
        now = self.clock()
        waited = int((now - post.state_since).total_seconds())
        row = Review(
            post_id=post.id,
            reviewer_id=reviewer.id,
            kind="queue",
            decision=decision,
            comment=comment,
            revision=post.revision,
            waited_seconds=waited,
            created_at=now,
        )
        session.add(row)
        actor = actor_of(reviewer)
        record(
            session,
            actor,
            "post.reviewed",
            subject=f"post:{post.id}",
            policy_version=post.policy_version,
            content_sha256=post.content_hash,
            at=now,
            data={"decision": decision, "comment": comment, "waited_seconds": waited},
        )
        if decision == "approve":
            self._proceed(session, post, actor)
        elif decision == "reject":
            self._move(session, post, State.REJECTED, actor, "be rejected")
        else:
            self._move(session, post, State.CHANGES_REQUESTED, actor, "go back to the author")
        words = {"approve": "approved", "reject": "rejected", "request_changes": "sent back"}
        note = f"{reviewer.name} {words[decision]} your post {post.id}"
        self._notify(
            session,
            [post.author_id],
            post,
            f"review.{decision}",
            f"{note}: {comment}" if comment else note,
        )
        session.flush()
        return row

    def queue(self, session: Session, reviewer: Person) -> list[dict[str, Any]]:
        """Posts waiting for review, longest waiting first, with how long they have waited."""
        require(reviewer, "reviewer")
        now = self.clock()
        overdue_after = timedelta(hours=load_settings(session).review_overdue_hours)
        rows = session.execute(
            select(Post).where(Post.state == State.IN_REVIEW).order_by(Post.state_since, Post.id)
        ).scalars()
        return [
            {
                "post": post_view(post),
                "waiting_seconds": int((now - post.state_since).total_seconds()),
                "waiting_too_long": now - post.state_since > overdue_after,
                "schedule_missed": post.overdue_flagged_at is not None,
            }
            for post in rows
        ]

    def flag_missed_schedules(self, session: Session) -> list[int]:
        """Posts whose planned time passed while in review: flag them and tell people once."""
        now = self.clock()
        posts = (
            session.execute(
                select(Post)
                .where(
                    Post.state == State.IN_REVIEW,
                    Post.scheduled_at <= now,
                    Post.overdue_flagged_at.is_(None),
                )
                .with_for_update(skip_locked=True)
            )
            .scalars()
            .all()
        )
        reviewers = self._reviewers(session)
        for post in posts:
            post.overdue_flagged_at = now
            record(
                session,
                WORKER,
                "post.schedule_missed",
                subject=f"post:{post.id}",
                content_sha256=post.content_hash,
                at=now,
                data={"scheduled_at": post.scheduled_at.isoformat() if post.scheduled_at else None},
            )
            message = (
                f"Post {post.id} was planned for {post.scheduled_at:%Y-%m-%d %H:%M} UTC and is "
                "still in review; once approved it goes out at once."
            )
            self._notify(session, [post.author_id, *reviewers], post, "schedule_missed", message)
        return [p.id for p in posts]

    # --- sampling (after-the-fact review of published posts) ------------------------------

    def start_publishing(self, session: Session, post: Post) -> None:
        self._move(session, post, State.PUBLISHING, WORKER, "be published now")

    def publish_later(self, session: Session, post: Post, reason: str, at: datetime) -> None:
        """A retryable failure: back to scheduled; the job tries again at ``at``."""
        self._move(
            session,
            post,
            State.SCHEDULED,
            WORKER,
            "wait for a retry",
            reason=reason,
            retry_at=at.isoformat(),
        )

    def mark_published(
        self, session: Session, post: Post, external_id: str | None, url: str | None
    ) -> None:
        now = self.clock()
        post.published_at, post.external_id, post.external_url = now, external_id, url
        self._move(session, post, State.PUBLISHED, WORKER, "be published", external_id=external_id)
        rate = load_settings(session).sample_rate
        if drawn(post.id, post.content_hash, rate):
            post.sampled_at = now
            record(
                session,
                WORKER,
                "post.sampled",
                subject=f"post:{post.id}",
                content_sha256=post.content_hash,
                at=now,
                data={"rate": rate},
            )

    def mark_failed(self, session: Session, post: Post, reason: str) -> None:
        post.failure = reason
        self._move(session, post, State.FAILED, WORKER, "fail", reason=reason)
        self._notify(
            session,
            [post.author_id],
            post,
            "publish_failed",
            f"Post {post.id} could not be published: {reason}",
        )

    def samples(self, session: Session, reviewer: Person) -> list[dict[str, Any]]:
        require(reviewer, "reviewer")
        reviewed = select(Review.post_id).where(Review.kind == "sample")
        rows = session.execute(
            select(Post)
            .where(Post.sampled_at.is_not(None), Post.id.not_in(reviewed))
            .order_by(Post.sampled_at)
        ).scalars()
        return [post_view(p) for p in rows]

    def sample_review(
        self,
        session: Session,
        reviewer: Person,
        post: Post,
        decision: SampleDecision,
        comment: str,
    ) -> Review:
        require(reviewer, "reviewer")
        if post.sampled_at is None:
            raise InvalidTransition("this post was not drawn for sampling", field="sampled")
        now = self.clock()
        row = Review(
            post_id=post.id,
            reviewer_id=reviewer.id,
            kind="sample",
            decision=decision,
            comment=comment,
            revision=post.revision,
            waited_seconds=0,
            created_at=now,
        )
        session.add(row)
        record(
            session,
            actor_of(reviewer),
            "post.sample_reviewed",
            subject=f"post:{post.id}",
            content_sha256=post.content_hash,
            at=now,
            data={"decision": decision, "comment": comment},
        )
        if decision == "concern":
            self._notify(
                session,
                [post.author_id],
                post,
                "sample.concern",
                f"{reviewer.name} looked at your published post {post.id}: {comment}",
            )
        session.flush()
        return row

    # --- drug safety ---------------------------------------------------------------------

    def drug_safety_reports(self, session: Session, reviewer: Person) -> list[dict[str, Any]]:
        require(reviewer, "reviewer")
        now = self.clock()
        rows = session.execute(
            select(DrugSafetyReport).order_by(
                (DrugSafetyReport.state != "open"), DrugSafetyReport.deadline_at
            )
        ).scalars()
        return [dsr_view(r, now) for r in rows]

    def forward_drug_safety(
        self, session: Session, reviewer: Person, report_id: int, note: str
    ) -> DrugSafetyReport:
        require(reviewer, "reviewer")
        row = session.get(DrugSafetyReport, report_id, with_for_update=True)
        if row is None:
            raise NotFound(f"no drug-safety report {report_id}", field="report_id")
        if row.state != "open":
            raise InvalidTransition("this report was already forwarded", field="state")
        now = self.clock()
        row.state, row.handled_by, row.handled_at, row.note = "forwarded", reviewer.id, now, note
        record(
            session,
            actor_of(reviewer),
            "drug_safety.forwarded",
            subject=f"drug_safety:{row.id}",
            at=now,
            data={"note": note, "late": now > row.deadline_at},
        )
        return row

    # --- telling people ------------------------------------------------------------------

    def _reviewers(self, session: Session) -> list[int]:
        return list(
            session.execute(
                select(Person.id).where(
                    Person.app_role.in_(["reviewer", "admin"]), Person.active.is_(True)
                )
            ).scalars()
        )

    def _notify(
        self, session: Session, people: Sequence[int], post: Post, kind: str, message: str
    ) -> None:
        now = self.clock()
        for person_id in dict.fromkeys(people):
            session.add(
                Notification(
                    person_id=person_id,
                    post_id=post.id,
                    kind=kind,
                    message=message,
                    created_at=now,
                )
            )

    def counts(self, session: Session) -> dict[str, int]:
        return dict(
            session.execute(select(Post.state, func.count()).group_by(Post.state)).tuples().all()
        )


def drawn(post_id: int, text_hash: str, rate: float) -> bool:
    """Deterministic sampling: the same post is always drawn or not, so the draw is auditable."""
    if rate <= 0:
        return False
    digest = hashlib.sha256(f"sample:{post_id}:{text_hash}".encode()).digest()
    return int.from_bytes(digest[:8], "big") / 2**64 < rate


def post_view(post: Post) -> dict[str, Any]:
    return {
        "id": post.id,
        "author_id": post.author_id,
        "account_id": post.account_id,
        "channel": post.channel,
        "text": post.text,
        "content_hash": post.content_hash,
        "revision": post.revision,
        "state": post.state,
        "verdict": post.verdict,
        "report": post.report,
        "policy_version": post.policy_version,
        "work_device": post.work_device,
        "scheduled_at": _iso(post.scheduled_at),
        "submitted_at": _iso(post.submitted_at),
        "state_since": _iso(post.state_since),
        "published_at": _iso(post.published_at),
        "schedule_missed": post.overdue_flagged_at is not None,
        "external_id": post.external_id,
        "external_url": post.external_url,
        "failure": post.failure,
        "sampled": post.sampled_at is not None,
        "created_at": _iso(post.created_at),
        "updated_at": _iso(post.updated_at),
    }


def dsr_view(row: DrugSafetyReport, now: datetime) -> dict[str, Any]:
    return {
        "id": row.id,
        "post_id": row.post_id,
        "author_id": row.author_id,
        "rule_id": row.rule_id,
        "excerpt": row.excerpt,
        "text": row.text,
        "state": row.state,
        "created_at": _iso(row.created_at),
        "deadline_at": _iso(row.deadline_at),
        "hours_left": round((row.deadline_at - now).total_seconds() / 3600, 1),
        "overdue": row.state == "open" and now > row.deadline_at,
        "handled_by": row.handled_by,
        "handled_at": _iso(row.handled_at),
        "note": row.note,
    }


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value else None
