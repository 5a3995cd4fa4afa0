"""quota: more posts by one author in a local calendar day, or in 60 minutes, than allowed."""

from __future__ import annotations

from typing import Any

import pytest

from postwise import CompiledPolicy, Context, Finding, PolicyError, check, load_policy_text
from postwise.policy.starter import dump_policy, starter_policy
from tests.conftest import ORG

TEXT = "Lovely autumn walk along the river today."


def policy_with(settings: dict[str, Any]) -> CompiledPolicy:
    """The dev organisation with only a quota rule (Europe/Amsterdam time)."""
    data = starter_policy(ORG)
    data["rules"] = [
        {**rule, "settings": settings} for rule in data["rules"] if rule["kind"] == "quota"
    ]
    return load_policy_text(dump_policy(data), "test policy")


def findings(
    policy: CompiledPolicy, posted_at: str | None, recent: list[str], language: str = "en"
) -> list[Finding]:
    ctx = Context.from_data(
        {"posted_at": posted_at, "recent_posts": recent, "author": {"language": language}}
    )
    return [f for f in check(TEXT, ctx, policy).findings if f.kind == "quota"]


def times(day: str, *clocks: str, offset: str = "+01:00") -> list[str]:
    return [f"{day}T{clock}:00{offset}" for clock in clocks]


EIGHT_TODAY = times(
    "2026-03-03", "08:00", "09:00", "10:00", "11:00", "12:00", "13:00", "14:00", "15:00"
)
SEVEN_TODAY = EIGHT_TODAY[:7]


@pytest.fixture(scope="module")
def eight_a_day() -> CompiledPolicy:
    return policy_with({"per_day": 8})


@pytest.mark.parametrize(
    ("note", "posted_at", "recent", "count"),
    [
        ("the ninth post of the day is one too many", "2026-03-03T16:10:00+01:00", EIGHT_TODAY, 9),
        ("the eighth post of the day is fine", "2026-03-03T16:10:00+01:00", SEVEN_TODAY, None),
        ("yesterday's posts do not count", "2026-03-04T09:00:00+01:00", EIGHT_TODAY, None),
        ("posts later than this one do not count", "2026-03-03T07:30:00+01:00", EIGHT_TODAY, None),
        ("a post at the same moment counts", "2026-03-03T15:00:00+01:00", EIGHT_TODAY, 9),
        (
            "23:50 yesterday is another day",
            "2026-03-04T09:00:00+01:00",
            [
                *times("2026-03-03", "23:50"),
                *times("2026-03-04", *[f"0{h}:00" for h in range(1, 8)]),
            ],
            None,
        ),
        (
            "00:00 today is today",
            "2026-03-04T09:00:00+01:00",
            times("2026-03-04", *[f"0{h}:00" for h in range(8)]),
            9,
        ),
        # Times in another zone are placed on the organisation's calendar day.
        (
            "23:10 UTC is 00:10 the next day in Amsterdam",
            "2026-03-04T09:00:00+01:00",
            [
                *times("2026-03-03", "23:10", offset="+00:00"),
                *times("2026-03-04", *[f"0{h}:00" for h in range(1, 8)]),
            ],
            9,
        ),
        (
            "22:50 UTC is still the day before in Amsterdam",
            "2026-03-04T09:00:00+01:00",
            [
                *times("2026-03-03", "22:50", offset="+00:00"),
                *times("2026-03-04", *[f"0{h}:00" for h in range(1, 8)]),
            ],
            None,
        ),
        (
            "a post at 23:30 UTC is counted on Amsterdam's next day",
            "2026-03-03T23:30:00+00:00",
            times("2026-03-04", *[f"00:0{m}" for m in range(1, 9)]),
            9,
        ),
        # 2026-03-29 has 23 hours in Amsterdam; 2026-10-25 has 25.
        (
            "the short spring day runs from 00:00 (+01) to 23:59 (+02)",
            "2026-03-29T23:30:00+02:00",
            [
                *times("2026-03-29", "00:05"),
                *times("2026-03-29", *[f"1{h}:00" for h in range(7)], offset="+02:00"),
            ],
            9,
        ),
        (
            "the long autumn day counts both 02:30s",
            "2026-10-25T12:00:00+01:00",
            [
                "2026-10-25T02:30:00+02:00",
                "2026-10-25T02:30:00+01:00",
                *times("2026-10-25", *[f"0{h}:00" for h in range(4, 10)]),
            ],
            9,
        ),
    ],
)
def test_posts_per_local_calendar_day(
    eight_a_day: CompiledPolicy, note: str, posted_at: str, recent: list[str], count: int | None
) -> None:
    found = findings(eight_a_day, posted_at, recent)
    if count is None:
        assert found == [], note
        return
    (finding,) = found
    assert (finding.start, finding.end, finding.excerpt) == (None, None, "")
    assert (finding.data["count"], finding.data["limit"]) == (count, 8), note
    assert f"{count} times today" in finding.message
    assert "at most 8 a day" in finding.message


def test_the_daily_finding_suggests_tomorrow(eight_a_day: CompiledPolicy) -> None:
    (finding,) = findings(
        eight_a_day,
        "2026-03-28T16:10:00+01:00",
        times("2026-03-28", *[f"0{h}:00" for h in range(1, 9)]),
    )
    # The next day starts in winter time; summer time begins at 02:00 that night.
    assert finding.data["suggested_at"] == "2026-03-29T00:00:00+01:00"


@pytest.mark.parametrize(
    ("note", "posted_at", "recent", "count", "next_at"),
    [
        (
            "a fourth post within the hour",
            "2026-03-03T10:30:00+01:00",
            times("2026-03-03", "10:00", "10:10", "10:20"),
            4,
            "2026-03-03T11:00:00+01:00",
        ),
        (
            "a post exactly an hour ago no longer counts",
            "2026-03-03T10:30:00+01:00",
            times("2026-03-03", "09:30", "10:10", "10:20"),
            None,
            None,
        ),
        (
            "a third post within the hour is fine",
            "2026-03-03T10:30:00+01:00",
            times("2026-03-03", "10:10", "10:20"),
            None,
            None,
        ),
        (
            "five within the hour: room again when two are an hour old",
            "2026-03-03T10:30:00+01:00",
            times("2026-03-03", "09:45", "10:00", "10:10", "10:20"),
            5,
            "2026-03-03T11:00:00+01:00",
        ),
        (
            "the hour spans midnight",
            "2026-03-04T00:10:00+01:00",
            times("2026-03-03", "23:20", "23:30", "23:40"),
            4,
            "2026-03-04T00:20:00+01:00",
        ),
        # On 2026-10-25 the clocks in Amsterdam show 02:00–03:00 twice.
        (
            "02:30 (+02) is 40 minutes before 02:10 (+01)",
            "2026-10-25T02:10:00+01:00",
            ["2026-10-25T02:30:00+02:00", "2026-10-25T02:40:00+02:00", "2026-10-25T02:50:00+02:00"],
            4,
            "2026-10-25T02:30:00+01:00",
        ),
        (
            "01:30 (+02) is 100 minutes before 02:10 (+01)",
            "2026-10-25T02:10:00+01:00",
            ["2026-10-25T01:30:00+02:00", "2026-10-25T02:40:00+02:00", "2026-10-25T02:50:00+02:00"],
            None,
            None,
        ),
        (
            "the hour across spring-forward is 60 real minutes",
            "2026-03-29T03:20:00+02:00",
            ["2026-03-29T01:30:00+01:00", "2026-03-29T01:40:00+01:00", "2026-03-29T03:10:00+02:00"],
            4,
            "2026-03-29T03:30:00+02:00",
        ),
    ],
)
def test_posts_per_hour(
    note: str, posted_at: str, recent: list[str], count: int | None, next_at: str | None
) -> None:
    policy = policy_with({"per_day": None, "per_hour": 3})
    found = findings(policy, posted_at, recent)
    if count is None:
        assert found == [], note
        return
    (finding,) = found
    assert (finding.data["count"], finding.data["limit"]) == (count, 3), note
    assert finding.data["suggested_at"] == next_at, note
    assert finding.message == (
        f"That makes {count} posts within an hour; the policy suggests at most 3 an hour. "
        f"Give it until {next_at[11:16]}."  # type: ignore[index]
    )


@pytest.mark.parametrize(
    ("note", "settings", "posted_at", "recent"),
    [
        ("no earlier posts", {"per_day": 1}, "2026-03-03T10:00:00+01:00", []),
        ("no posting time", {"per_day": 1}, None, EIGHT_TODAY),
        ("both limits switched off", {"per_day": None}, "2026-03-03T16:10:00+01:00", EIGHT_TODAY),
    ],
)
def test_nothing_to_count(
    note: str, settings: dict[str, Any], posted_at: str | None, recent: list[str]
) -> None:
    assert findings(policy_with(settings), posted_at, recent) == [], note


def test_a_post_over_both_limits_is_told_about_the_day_only() -> None:
    policy = policy_with({"per_day": 3, "per_hour": 2})
    found = findings(
        policy, "2026-03-03T10:30:00+01:00", times("2026-03-03", "10:00", "10:10", "10:20")
    )
    assert [f.data["count"] for f in found] == [4]
    assert "today" in found[0].message


def test_the_default_is_mr_greens_eight_a_day() -> None:
    policy = policy_with({})
    assert [
        f.data["limit"] for f in findings(policy, "2026-03-03T16:10:00+01:00", EIGHT_TODAY)
    ] == [8]


@pytest.mark.parametrize(
    ("settings", "error"),
    [({"per_day": 0}, "per_day"), ({"per_hour": -1}, "per_hour"), ({"per_week": 3}, "per_week")],
)
def test_limits_must_make_sense(settings: dict[str, Any], error: str) -> None:
    with pytest.raises(PolicyError, match=error):
        policy_with(settings)


@pytest.mark.parametrize(
    ("language", "message"),
    [
        (
            "en",
            "With this one you have posted 9 times today; the policy suggests at most 8 a day. "
            "Could it wait until tomorrow, or join one of today's posts?",
        ),
        (
            "sv",
            "Med det här inlägget har du publicerat 9 gånger i dag; policyn föreslår högst 8 "
            "om dagen. Kan det vänta till i morgon, eller passa in i något av dagens inlägg?",
        ),
        (
            "nl",
            "Met dit bericht heb je vandaag 9 keer gepost; het beleid raadt hoogstens 8 per "
            "dag aan. Kan het tot morgen wachten, of past het in een van je berichten van "
            "vandaag?",
        ),
    ],
)
def test_the_message_states_count_and_limit_in_the_authors_language(
    eight_a_day: CompiledPolicy, language: str, message: str
) -> None:
    (finding,) = findings(eight_a_day, "2026-03-03T16:10:00+01:00", EIGHT_TODAY, language)
    assert finding.message == message
