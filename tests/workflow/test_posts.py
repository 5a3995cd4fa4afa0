"""The post workflow, on SQLite and PostgreSQL: routing by verdict, acknowledgements, holds,
reviews, missed schedules, drug-safety reports, sampling and the audit trail."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from postwise.audit import verify
from postwise.store.models import (
    Acknowledgement,
    AuditEvent,
    DrugSafetyReport,
    Hold,
    Job,
    Notification,
    Post,
)
from postwise.workflow import (
    Forbidden,
    Invalid,
    InvalidTransition,
    NotFound,
    PostChanges,
    State,
    jobs,
)
from postwise.workflow.settings import WorkflowSettings, save_settings
from tests.workflow.conftest import START, World


def state(world: World, post_id: int) -> str:
    with world.db.session() as s:
        post = s.get(Post, post_id)
        assert post is not None
        return post.state


def run_due_jobs(world: World) -> list[str]:
    """What the worker would do now: release holds (publishing is the worker's own test)."""
    done = []
    while True:
        with world.db.session() as s:
            job = jobs.claim(s, "test", world.clock())
            if job is None or job.kind != "release_hold":
                if job is not None:
                    job.state = "queued"  # leave publish jobs for the worker
                    job.attempts -= 1
                return done
            post = s.get(Post, job.post_id)
            assert post is not None
            world.flow.release_hold(s, post, job.payload["revision"])
            jobs.finish(job, world.clock())
            done.append(job.kind)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A quiet post about our team lunch.", State.SCHEDULED),
        ("WARN: a post with a warning", State.NEEDS_ACKNOWLEDGEMENT),
        ("BLOCK: a post that must not go out as is", State.IN_REVIEW),
        ("HEAT: an angry post", State.COOLING_OFF),
        ("BLOCK and WARN together go to review", State.IN_REVIEW),
    ],
)
def test_a_submitted_post_goes_where_its_verdict_sends_it(
    world: World, text: str, expected: State
) -> None:
    assert state(world, world.post("ada", text)) == expected


def test_a_saved_draft_is_checked_but_stays_a_draft(world: World) -> None:
    post_id = world.post("ada", "BLOCK draft", submit=False)
    with world.db.session() as s:
        post = s.get(Post, post_id)
        assert post is not None
        assert post.state == State.DRAFT and post.verdict == "block"
        assert post.report["findings"][0]["kind"] == "confidential"


def test_a_warning_is_acknowledged_by_the_author_and_recorded(world: World) -> None:
    post_id = world.post("ada", "WARN")
    with world.db.session() as s:
        flow, ada = world.flow, world.person(s, "ada")
        flow.acknowledge(s, ada, flow.get(s, ada, post_id), ["channel"])
    with world.db.session() as s:
        ack = s.execute(select(Acknowledgement)).scalar_one()
        assert ack.rule_ids == ["channel"] and ack.person_id == world.people["ada"]
    assert state(world, post_id) == State.SCHEDULED


def test_acknowledging_other_warnings_than_the_check_raised_changes_nothing(world: World) -> None:
    post_id = world.post("ada", "WARN")
    with pytest.raises(Invalid) as err, world.db.session() as s:
        ada = world.person(s, "ada")
        world.flow.acknowledge(s, ada, world.flow.get(s, ada, post_id), ["respect"])
    assert err.value.field == "rule_ids"
    assert state(world, post_id) == State.NEEDS_ACKNOWLEDGEMENT


def test_a_heat_hold_releases_the_post_when_its_minutes_are_over(world: World) -> None:
    post_id = world.post("ada", "HEAT")
    with world.db.session() as s:
        hold = s.execute(select(Hold)).scalar_one()
        assert hold.minutes == 10 and hold.until == START + timedelta(minutes=10)
    world.clock.advance(minutes=9)
    assert run_due_jobs(world) == [] and state(world, post_id) == State.COOLING_OFF
    world.clock.advance(minutes=1)
    assert run_due_jobs(world) == ["release_hold"]
    assert state(world, post_id) == State.SCHEDULED


def test_the_organisation_can_hold_every_post(world: World) -> None:
    with world.db.session() as s:
        save_settings(s, WorkflowSettings(hold_minutes=5), world.clock())
    post_id = world.post("ada", "A calm post")
    assert state(world, post_id) == State.COOLING_OFF


@pytest.mark.parametrize(
    ("how", "final", "outcome"),
    [("withdraw", State.WITHDRAWN, "withdrawn"), ("edit", State.SCHEDULED, "edited")],
)
def test_a_hold_is_cut_short_only_by_withdrawing_or_editing(
    world: World, how: str, final: State, outcome: str
) -> None:
    post_id = world.post("ada", "HEAT")
    with world.db.session() as s:
        ada = world.person(s, "ada")
        post = world.flow.get(s, ada, post_id)
        if how == "withdraw":
            world.flow.withdraw(s, ada, post)
        else:
            world.flow.edit(s, ada, post, PostChanges(text="Calmer now."))
            assert post.state == State.DRAFT and post.revision == 2
            world.flow.submit(s, ada, post)
    assert state(world, post_id) == final
    with world.db.session() as s:
        assert s.execute(select(Hold.outcome)).scalar_one() == outcome
    world.clock.advance(minutes=20)
    run_due_jobs(world)  # the stale release job must not move the post
    assert state(world, post_id) == final


@pytest.mark.parametrize(
    ("decision", "comment", "expected"),
    [
        ("approve", "", State.SCHEDULED),
        ("reject", "This names a customer under NDA.", State.REJECTED),
        ("request_changes", "Leave out the project name.", State.CHANGES_REQUESTED),
    ],
)
def test_a_review_decides_and_the_author_reads_the_comment(
    world: World, decision: str, comment: str, expected: State
) -> None:
    post_id = world.post("ada", "BLOCK")
    world.clock.advance(minutes=30)
    with world.db.session() as s:
        rita = world.person(s, "rita")
        review = world.flow.review(s, rita, world.flow.get(s, rita, post_id), decision, comment)  # type: ignore[arg-type]
        assert review.waited_seconds == 1800
    assert state(world, post_id) == expected
    with world.db.session() as s:
        note = s.execute(
            select(Notification).where(Notification.person_id == world.people["ada"])
        ).scalar_one()
        assert note.kind == f"review.{decision}" and comment in note.message
        details = world.flow.details(s, world.flow.get(s, world.person(s, "ada"), post_id))
        assert details["reviews"][0]["comment"] == comment


def test_changes_requested_goes_back_to_the_author_who_edits_and_resubmits(world: World) -> None:
    post_id = world.post("ada", "BLOCK")
    with world.db.session() as s:
        rita, ada = world.person(s, "rita"), world.person(s, "ada")
        world.flow.review(s, rita, world.flow.get(s, rita, post_id), "request_changes", "Fix it")
        post = world.flow.get(s, ada, post_id)
        world.flow.edit(s, ada, post, PostChanges(text="A fixed post."))
        world.flow.submit(s, ada, post)
    assert state(world, post_id) == State.SCHEDULED


def test_rejecting_or_sending_back_needs_a_comment(world: World) -> None:
    post_id = world.post("ada", "BLOCK")
    with pytest.raises(Invalid) as err, world.db.session() as s:
        rita = world.person(s, "rita")
        world.flow.review(s, rita, world.flow.get(s, rita, post_id), "reject", "  ")
    assert err.value.field == "comment" and state(world, post_id) == State.IN_REVIEW


def publish(world: World, post_id: int) -> None:
    with world.db.session() as s:
        post = s.get(Post, post_id)
        assert post is not None
        world.flow.start_publishing(s, post)
        world.flow.mark_published(s, post, "ext-1", None)


def events(world: World) -> int:
    with world.db.session() as s:
        return int(s.execute(select(func.count()).select_from(AuditEvent)).scalar_one())


@pytest.mark.parametrize(
    ("setup", "act", "message"),
    [
        ("published", "approve", "published cannot be reviewed"),
        ("published", "withdraw", "published cannot be withdrawn"),
        ("published", "edit", "can no longer be edited"),
        ("draft", "acknowledge", "has nothing to acknowledge"),
        ("scheduled", "submit", "cannot be submitted"),
        ("rejected", "edit", "can no longer be edited"),
        ("scheduled", "retry", "only a failed post can be retried"),
    ],
)
def test_an_impossible_move_is_refused_naming_the_state_and_changes_nothing(
    world: World, setup: str, act: str, message: str
) -> None:
    text = {"published": "ok", "draft": "ok", "scheduled": "ok", "rejected": "BLOCK"}[setup]
    post_id = world.post("ada", text, submit=setup != "draft")
    if setup == "published":
        publish(world, post_id)
    if setup == "rejected":
        with world.db.session() as s:
            rita = world.person(s, "rita")
            world.flow.review(s, rita, world.flow.get(s, rita, post_id), "reject", "No.")
    before_state, before_events = state(world, post_id), events(world)
    with pytest.raises(InvalidTransition, match=message) as err, world.db.session() as s:
        ada, rita = world.person(s, "ada"), world.person(s, "rita")
        post = world.flow.get(s, ada, post_id)
        if act == "approve":
            world.flow.review(s, rita, post, "approve", "")
        elif act == "withdraw":
            world.flow.withdraw(s, ada, post)
        elif act == "edit":
            world.flow.edit(s, ada, post, PostChanges(text="new"))
        elif act == "acknowledge":
            world.flow.acknowledge(s, ada, post, None)
        elif act == "submit":
            world.flow.submit(s, ada, post)
        else:
            world.flow.retry(s, ada, post)
    assert err.value.field == "state"
    assert state(world, post_id) == before_state and events(world) == before_events


def test_roles_are_enforced(world: World) -> None:
    post_id = world.post("ada", "BLOCK")
    other = world.post("rita", "BLOCK")
    with world.db.session() as s:
        ada, rita = world.person(s, "ada"), world.person(s, "rita")
        with pytest.raises(Forbidden):
            world.flow.review(s, ada, world.flow.get(s, rita, post_id), "approve", "")
        with pytest.raises(Forbidden, match="own post"):
            world.flow.review(s, rita, world.flow.get(s, rita, other), "approve", "")
        with pytest.raises(NotFound):
            world.flow.get(s, ada, other)  # an employee sees only their own posts
        with pytest.raises(Forbidden):
            world.flow.withdraw(s, rita, world.flow.get(s, rita, post_id))  # only the author
        with pytest.raises(Forbidden):
            world.flow.queue(s, ada)


def test_reviewers_see_how_long_each_post_has_waited(world: World) -> None:
    first = world.post("ada", "BLOCK one")
    world.clock.advance(hours=2)
    second = world.post("ada", "BLOCK two")
    world.clock.advance(minutes=5)
    with world.db.session() as s:
        queue = world.flow.queue(s, world.person(s, "rita"))
    assert [(q["post"]["id"], q["waiting_seconds"]) for q in queue] == [
        (first, 7500),
        (second, 300),
    ]


def test_a_schedule_that_passes_in_review_is_flagged_and_everyone_is_told(world: World) -> None:
    post_id = world.post("ada", "BLOCK", scheduled_at=START + timedelta(hours=1))
    world.clock.advance(minutes=30)
    with world.db.session() as s:
        assert world.flow.flag_missed_schedules(s) == []
    world.clock.advance(hours=1)
    with world.db.session() as s:
        assert world.flow.flag_missed_schedules(s) == [post_id]
    with world.db.session() as s:
        assert world.flow.flag_missed_schedules(s) == []  # told once
        told = s.execute(
            select(Notification.person_id).where(Notification.kind == "schedule_missed")
        ).scalars()
        assert sorted(told) == sorted(world.people.values())
        rita = world.person(s, "rita")
        assert world.flow.queue(s, rita)[0]["schedule_missed"] is True
        world.flow.review(s, rita, world.flow.get(s, rita, post_id), "approve", "")
        job = s.execute(select(Job).where(Job.kind == "publish")).scalar_one()
        assert job.run_at == world.clock()  # goes out at once, not dropped


def test_an_adverse_event_opens_a_drug_safety_report_whatever_happens_to_the_post(
    world: World,
) -> None:
    post_id = world.post("ada", "ADVERSE and BLOCK")
    with world.db.session() as s:
        ada = world.person(s, "ada")
        post = world.flow.get(s, ada, post_id)
        world.flow.withdraw(s, ada, post)
    with world.db.session() as s:
        rita = world.person(s, "rita")
        [dsr] = world.flow.drug_safety_reports(s, rita)
        assert dsr["post_id"] == post_id and dsr["state"] == "open"
        assert dsr["deadline_at"] == (START + timedelta(hours=24)).isoformat()
        assert dsr["hours_left"] == 24.0
        with pytest.raises(Forbidden):
            world.flow.drug_safety_reports(s, world.person(s, "ada"))
    world.clock.advance(hours=25)
    with world.db.session() as s:
        rita = world.person(s, "rita")
        assert world.flow.drug_safety_reports(s, rita)[0]["overdue"] is True
        world.flow.forward_drug_safety(s, rita, dsr["id"], "Sent to PV desk")
    with world.db.session() as s:
        row = s.execute(select(DrugSafetyReport)).scalar_one()
        assert row.state == "forwarded" and row.handled_by == world.people["rita"]


def test_a_drug_safety_report_is_opened_once_per_finding_not_per_save(world: World) -> None:
    post_id = world.post("ada", "ADVERSE", submit=False)
    with world.db.session() as s:
        ada = world.person(s, "ada")
        post = world.flow.get(s, ada, post_id)
        world.flow.edit(s, ada, post, PostChanges(work_device=True))
        world.flow.submit(s, ada, post)
        assert s.execute(select(func.count()).select_from(DrugSafetyReport)).scalar_one() == 1


@pytest.mark.parametrize(("rate", "sampled"), [(1.0, True), (0.0, False)])
def test_a_share_of_published_posts_is_drawn_for_after_the_fact_review(
    world: World, rate: float, sampled: bool
) -> None:
    with world.db.session() as s:
        save_settings(s, WorkflowSettings(sample_rate=rate), world.clock())
    post_id = world.post("ada", "A fine post")
    publish(world, post_id)
    with world.db.session() as s:
        rita = world.person(s, "rita")
        samples = world.flow.samples(s, rita)
        assert [p["id"] for p in samples] == ([post_id] if sampled else [])
        if sampled:
            post = world.flow.get(s, rita, post_id)
            world.flow.sample_review(s, rita, post, "concern", "Tone it down next time.")
            assert world.flow.samples(s, rita) == []


def test_every_step_is_in_an_unbroken_audit_trail(world: World) -> None:
    post_id = world.post("ada", "BLOCK")
    with world.db.session() as s:
        rita = world.person(s, "rita")
        world.flow.review(s, rita, world.flow.get(s, rita, post_id), "approve", "fine")
    publish(world, post_id)
    with world.db.session() as s:
        actions = list(
            s.execute(
                select(AuditEvent.action, AuditEvent.data)
                .where(AuditEvent.subject == f"post:{post_id}")
                .order_by(AuditEvent.seq)
            )
        )
        assert verify(s).ok
    moves = [(d["from"], d["to"]) for a, d in actions if a == "post.state"]
    assert moves == [
        ("draft", "in_review"),
        ("in_review", "scheduled"),
        ("scheduled", "publishing"),
        ("publishing", "published"),
    ]
    assert [a for a, _ in actions][:2] == ["post.created", "post.checked"]
    assert "post.reviewed" in [a for a, _ in actions]
