"""The workflow with the real engine: the store supplies what time-and-history rules need."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from postwise.audit import SYSTEM
from postwise.policy.starter import dump_policy
from postwise.store.models import Post
from postwise.workflow import State
from tests.workflow.conftest import START, World, service_policy


def activate(world: World, **settings: dict[str, Any]) -> None:
    data = service_policy()
    for rule in data["rules"]:
        if rule["kind"] in settings:
            rule["settings"], rule["severity"] = settings[rule["kind"]], "warn"
    with world.db.session() as s:
        world.flow.policies.activate(s, SYSTEM, dump_policy(data), world.clock())


def kinds(world: World, post_id: int) -> set[str]:
    with world.db.session() as s:
        post = s.get(Post, post_id)
        assert post is not None
        return {f["kind"] for f in post.report["findings"]}


def test_a_confidential_term_sends_the_post_to_review(real_world: World) -> None:
    post_id = real_world.post("ada", "Sneak peek of Project Heron, launching soon!")
    with real_world.db.session() as s:
        post = s.get(Post, post_id)
        assert post is not None and post.state == State.IN_REVIEW
        assert post.report["findings"][0]["excerpt"] == "Project Heron"


def test_quota_counts_the_authors_earlier_posts_from_the_store(real_world: World) -> None:
    activate(real_world, quota={"per_hour": 2, "per_day": None})
    for _ in range(2):
        post_id = real_world.post("ada", "Team lunch today, great food.")
        with real_world.db.session() as s:
            post = s.get(Post, post_id)
            assert post is not None
            real_world.flow.start_publishing(s, post)
            real_world.flow.mark_published(s, post, None, None)
        real_world.clock.advance(minutes=5)
    third = real_world.post("ada", "And coffee afterwards.", submit=False)
    assert "quota" in kinds(real_world, third)
    other = real_world.post("rita", "My first post today.", submit=False)
    assert "quota" not in kinds(real_world, other)


def test_posting_window_reads_the_planned_time(real_world: World) -> None:
    activate(real_world, posting_window={"allowed": ["07:00", "22:00"], "outside_only": True})
    # START is 09:00 UTC = 10:00 in Amsterdam; 02:00 UTC the next night is 03:00 there.
    day = real_world.post("ada", "Good morning!", submit=False)
    night = real_world.post(
        "ada", "Good night!", submit=False, scheduled_at=START + timedelta(hours=17)
    )
    assert "posting_window" not in kinds(real_world, day)
    assert "posting_window" in kinds(real_world, night)


def test_role_duty_lists_people_in_active_roles_who_went_quiet(real_world: World) -> None:
    from postwise.workflow.duties import role_duty_report

    data = service_policy()
    data["rules"].append(  # type: ignore[attr-defined]
        {
            "id": "managers-post",
            "kind": "role_duty",
            "severity": "tip",
            "guideline": {
                "en": "Post now and then.",
                "sv": "Posta ibland.",
                "nl": "Post af en toe.",
            },
            "settings": {"roles": ["engineer"], "max_days_silent": 14},
        }
    )
    with real_world.db.session() as s:
        real_world.flow.policies.activate(s, SYSTEM, dump_policy(data), real_world.clock())
    post_id = real_world.post("ada", "Hello from the lab.")
    with real_world.db.session() as s:
        post = s.get(Post, post_id)
        assert post is not None
        real_world.flow.start_publishing(s, post)
        real_world.flow.mark_published(s, post, None, None)
    real_world.clock.advance(days=20)
    with real_world.db.session() as s:
        _, policy = real_world.flow.policies.active(s)
        lines = role_duty_report(s, policy, real_world.clock())
    silent = {(line["name"], line["days_silent"]) for line in lines}
    assert ("Ada", 20) in silent and ("Rita", None) in silent
