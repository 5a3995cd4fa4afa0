"""role_duty: people in roles expected to post, silent for too long — a report, not a finding."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from postwise import CompiledPolicy, Context, check, load_policy_text
from postwise.engine.messages import message
from postwise.policy.starter import dump_policy, starter_policy
from postwise.rules import registry
from postwise.rules.role_duty import Overdue, Settings, overdue, policy_overdue
from tests.conftest import ORG

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
MANAGERS = Settings(roles=["country manager"], max_days_silent=14)
NOW = datetime.fromisoformat("2026-03-16T10:00:00+01:00")


def t(iso: str) -> datetime:
    return datetime.fromisoformat(iso)


def role_duty_rule(**overrides: Any) -> dict[str, Any]:
    return {
        "id": "country-managers",
        "kind": "role_duty",
        "severity": "tip",
        "guideline": {"en": "Lead by example.", "sv": "Gå före.", "nl": "Geef het voorbeeld."},
        "settings": {"roles": ["Country Manager"], "max_days_silent": 14},
        **overrides,
    }


def policy_with(*rules: dict[str, Any]) -> CompiledPolicy:
    """The dev organisation's starter policy plus the given role_duty rules."""
    data = starter_policy(ORG)
    data["rules"] = [*data["rules"], *rules]
    return load_policy_text(dump_policy(data), "test policy")


NEVER = -1  # in the table below: on the report, never posted


@pytest.mark.parametrize(
    ("note", "role", "last", "expected"),
    [
        ("posted yesterday", "country manager", "2026-03-15T18:00:00+01:00", []),
        ("posted 14 days ago: just within", "country manager", "2026-03-02T09:00:00+01:00", []),
        ("posted 15 days ago: one too many", "country manager", "2026-03-01T23:30:00+01:00", [15]),
        ("posted 20 days ago", "country manager", "2026-02-24T12:00:00+01:00", [20]),
        ("never posted", "country manager", None, [NEVER]),
        (
            "roles match whatever their case and spacing",
            "  Country  Manager ",
            "2026-02-24T12:00:00+01:00",
            [20],
        ),
        ("an engineer who never posts is not on the report", "engineer", None, []),
        ("a similar role is not the role", "country manager assistant", None, []),
        # Calendar days in the organisation's time zone.
        (
            "23:30 UTC on 1 March is 2 March in Amsterdam: 14 days",
            "country manager",
            "2026-03-01T23:30:00+00:00",
            [],
        ),
        (
            "22:30 UTC on 1 March is still 1 March in Amsterdam: 15 days",
            "country manager",
            "2026-03-01T22:30:00+00:00",
            [15],
        ),
    ],
)
def test_who_is_overdue(note: str, role: str, last: str | None, expected: list[int]) -> None:
    people = {"anna": (role, None if last is None else t(last))}
    found = overdue(people, NOW, MANAGERS, AMSTERDAM)
    assert [NEVER if o.days_silent is None else o.days_silent for o in found] == expected, note
    for o in found:
        assert o.detail == ("never" if last is None else "overdue")


def test_calendar_days_depend_on_the_zone() -> None:
    people = {"anna": ("country manager", t("2026-03-01T23:30:00+00:00"))}
    assert overdue(people, NOW, MANAGERS, AMSTERDAM) == []
    assert [o.days_silent for o in overdue(people, NOW, MANAGERS, UTC)] == [15]


def test_days_across_the_spring_forward_are_calendar_days() -> None:
    # 14 days and 22½ hours have passed, but the calendar says 15.
    people = {"anna": ("country manager", t("2026-03-15T12:00:00+01:00"))}
    now = t("2026-03-30T11:30:00+02:00")
    assert [o.days_silent for o in overdue(people, now, MANAGERS, AMSTERDAM)] == [15]


def test_the_longest_silent_come_first_and_never_before_all() -> None:
    people = {
        "bo": ("country manager", t("2026-02-24T12:00:00+01:00")),
        "cas": ("country manager", None),
        "anna": ("country manager", t("2026-02-10T12:00:00+01:00")),
        "dirk": ("country manager", t("2026-02-24T09:00:00+01:00")),
        "eva": ("engineer", None),
    }
    found = overdue(people, NOW, MANAGERS, AMSTERDAM)
    assert [(o.person, o.days_silent) for o in found] == [
        ("cas", None),
        ("anna", 34),
        ("bo", 20),
        ("dirk", 20),
    ]


@pytest.mark.parametrize(
    ("note", "now", "last"),
    [
        ("a naive now", datetime(2026, 3, 16, 10, 0), "2026-03-01T12:00:00+01:00"),
        ("a naive last posting time", NOW, "2026-03-01T12:00:00"),
    ],
)
def test_times_without_a_zone_are_refused(note: str, now: datetime, last: str) -> None:
    with pytest.raises(ValueError, match="time zone"):
        overdue({"anna": ("country manager", t(last))}, now, MANAGERS)


def test_no_roles_means_no_report() -> None:
    assert overdue({"anna": ("country manager", None)}, NOW, Settings()) == []


def test_a_policy_reports_per_enabled_rule_in_its_own_zone() -> None:
    policy = policy_with(
        role_duty_rule(),
        role_duty_rule(id="press", settings={"roles": ["press officer"]}, severity="warn"),
        role_duty_rule(id="off", enabled=False),
    )
    people = {
        "anna": ("country manager", t("2026-03-01T23:30:00+00:00")),  # 2 March in Amsterdam
        "bo": ("Country Manager", None),
        "cas": ("press officer", t("2026-02-20T12:00:00+01:00")),
    }
    found = policy_overdue(policy, people, NOW)
    assert [(o.rule_id, o.severity, o.person, o.days_silent) for o in found] == [
        ("country-managers", "tip", "bo", None),
        ("press", "warn", "cas", 24),
    ]


def test_checking_a_post_never_raises_it_and_the_other_rules_still_run() -> None:
    policy = policy_with(role_duty_rule())
    ctx = Context.from_data({"posted_at": "2026-03-03T10:00:00+01:00"})
    report = check("Sneak peek of #ProjectHeron, internal only!", ctx, policy)
    assert "role_duty" not in report.kinds
    assert "confidential" in report.kinds


def test_it_is_a_report_kind_left_out_of_starter_policies() -> None:
    assert registry()["role_duty"].per_post is False
    assert "role_duty" not in {r["kind"] for r in starter_policy(ORG)["rules"]}


@pytest.mark.parametrize(
    ("language", "entry", "text"),
    [
        (
            "en",
            Overdue("Anna", "country manager", t("2026-02-24T12:00:00+01:00"), 20, 14),
            "Anna (country manager) last posted on 2026-02-24, 20 days ago; the policy expects at "
            "least one post every 14 days.",
        ),
        (
            "sv",
            Overdue("Anna", "landschef", t("2026-02-24T12:00:00+01:00"), 20, 14),
            "Anna (landschef) publicerade senast 2026-02-24, för 20 dagar sedan; "
            "policyn räknar med minst ett inlägg på 14 dagar.",
        ),
        (
            "nl",
            Overdue("Anna", "landenmanager", None, None, 14),
            "Anna (landenmanager) heeft nog niets gepost; het beleid verwacht minstens één bericht "
            "per 14 dagen.",
        ),
    ],
)
def test_each_entry_fills_its_message(language: str, entry: Overdue, text: str) -> None:
    assert message(language, "role_duty", entry.detail, entry.params) == text
