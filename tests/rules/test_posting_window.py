"""posting_window: posts outside the allowed hours or days, and nudges toward recommended times."""

from __future__ import annotations

from typing import Any

import pytest

from postwise import CompiledPolicy, Context, Finding, PolicyError, check, load_policy_text
from postwise.policy.starter import dump_policy, starter_policy
from tests.conftest import ORG

TEXT = "Lovely autumn walk along the river today."
MR_GREEN = {
    "allowed": ["07:00", "22:00"],
    "days": ["mon", "tue", "wed", "thu", "fri"],
    "recommended": ["08:40", "11:40", "15:00"],
}


def policy_with(settings: dict[str, Any], severity: str = "tip") -> CompiledPolicy:
    """The dev organisation with only a posting_window rule (Europe/Amsterdam time)."""
    data = starter_policy(ORG)
    data["rules"] = [
        {**rule, "severity": severity, "settings": settings}
        for rule in data["rules"]
        if rule["kind"] == "posting_window"
    ]
    return load_policy_text(dump_policy(data), "test policy")


def findings(policy: CompiledPolicy, posted_at: str | None, language: str = "en") -> list[Finding]:
    ctx = Context.from_data({"posted_at": posted_at, "author": {"language": language}})
    return [f for f in check(TEXT, ctx, policy).findings if f.kind == "posting_window"]


@pytest.fixture(scope="module")
def mr_green() -> CompiledPolicy:
    return policy_with(MR_GREEN)


# 2026-03-03 is a Tuesday; 2026-03-06 a Friday; 2026-03-07 a Saturday (Amsterdam: +01:00).
@pytest.mark.parametrize(
    ("note", "posted_at", "detail", "suggested_at"),
    [
        ("11:45 is within 15 minutes of 11:40", "2026-03-03T11:45:00+01:00", None, None),
        ("08:25 is exactly 15 minutes before 08:40", "2026-03-03T08:25:00+01:00", None, None),
        ("15:00 on the dot", "2026-03-03T15:00:00+01:00", None, None),
        (
            "08:56 is 16 minutes late: wait for 11:40",
            "2026-03-03T08:56:00+01:00",
            "off_peak",
            "2026-03-03T11:40:00+01:00",
        ),
        (
            "07:00 opens the window but is no recommended time",
            "2026-03-03T07:00:00+01:00",
            "off_peak",
            "2026-03-03T08:40:00+01:00",
        ),
        (
            "16:00 on a Tuesday: the next good time is tomorrow",
            "2026-03-03T16:00:00+01:00",
            "off_peak",
            "2026-03-04T08:40:00+01:00",
        ),
        (
            "16:00 on a Friday: the next good time is Monday",
            "2026-03-06T16:00:00+01:00",
            "off_peak",
            "2026-03-09T08:40:00+01:00",
        ),
        (
            "06:59 is before the window opens",
            "2026-03-03T06:59:00+01:00",
            "outside",
            "2026-03-03T08:40:00+01:00",
        ),
        (
            "22:00 is outside: the window ends before it",
            "2026-03-03T22:00:00+01:00",
            "outside",
            "2026-03-04T08:40:00+01:00",
        ),
        (
            "23:30 on a Tuesday is outside",
            "2026-03-03T23:30:00+01:00",
            "outside",
            "2026-03-04T08:40:00+01:00",
        ),
        (
            "00:10 just after midnight is outside",
            "2026-03-04T00:10:00+01:00",
            "outside",
            "2026-03-04T08:40:00+01:00",
        ),
        (
            "Saturday morning is not a posting day",
            "2026-03-07T10:00:00+01:00",
            "outside_day",
            "2026-03-09T08:40:00+01:00",
        ),
        (
            "22:30 UTC is 23:30 in Amsterdam",
            "2026-03-03T22:30:00+00:00",
            "outside",
            "2026-03-04T08:40:00+01:00",
        ),
        ("05:30 in New York is 11:30 in Amsterdam", "2026-03-03T05:30:00-05:00", None, None),
        (
            "Friday 23:30 UTC is already Saturday in Amsterdam",
            "2026-03-06T23:30:00+00:00",
            "outside_day",
            "2026-03-09T08:40:00+01:00",
        ),
    ],
)
def test_mr_greens_hours_and_recommended_times(
    mr_green: CompiledPolicy,
    note: str,
    posted_at: str,
    detail: str | None,
    suggested_at: str | None,
) -> None:
    found = findings(mr_green, posted_at)
    if detail is None:
        assert found == [], note
        return
    assert len(found) == 1, note
    finding = found[0]
    assert (finding.start, finding.end, finding.excerpt) == (None, None, "")
    assert finding.severity == "tip"
    assert finding.data["suggested_at"] == suggested_at, note
    assert finding.data["suggested_time"] == suggested_at[11:16]  # type: ignore[index]
    expected_word = {"off_peak": "recommends", "outside": "between", "outside_day": "this day"}
    assert expected_word[detail] in finding.message, note


@pytest.mark.parametrize(
    ("note", "posted_at", "outside_at"),
    [
        # Europe/Amsterdam moves from +01:00 to +02:00 on 2026-03-29 and back on 2026-10-25.
        ("05:30 UTC the week before summer time is 06:30", "2026-03-22T05:30:00+00:00", "06:30"),
        ("05:30 UTC on the first day of summer time is 07:30", "2026-03-29T05:30:00+00:00", None),
        ("05:30 UTC the week before winter time is 07:30", "2026-10-18T05:30:00+00:00", None),
        (
            "05:30 UTC on the first day of winter time is 06:30",
            "2026-10-25T05:30:00+00:00",
            "06:30",
        ),
        ("20:30 UTC in summer is 22:30", "2026-07-01T20:30:00+00:00", "22:30"),
        ("20:30 UTC in winter is 21:30", "2026-01-07T20:30:00+00:00", None),
    ],
)
def test_the_window_follows_daylight_saving_time(
    note: str, posted_at: str, outside_at: str | None
) -> None:
    policy = policy_with({"allowed": ["07:00", "22:00"]})
    found = [f.message.split(";")[0] for f in findings(policy, posted_at)]
    assert found == ([] if outside_at is None else [f"It is {outside_at}"]), note


@pytest.mark.parametrize(
    ("note", "settings", "posted_at", "suggested_at"),
    [
        (
            "without recommended times, the suggestion is the window's opening",
            {"allowed": ["07:00", "22:00"]},
            "2026-03-03T23:30:00+01:00",
            "2026-03-04T07:00:00+01:00",
        ),
        (
            "the opening after the spring-forward night is in summer time",
            {"allowed": ["07:00", "22:00"]},
            "2026-03-28T23:30:00+01:00",
            "2026-03-29T07:00:00+02:00",
        ),
        (
            "a recommended time the clocks skip becomes the hour after",
            {"recommended": ["02:30"]},
            "2026-03-29T01:00:00+01:00",
            "2026-03-29T03:30:00+02:00",
        ),
        (
            "recommended times outside the window are never suggested",
            {"allowed": ["09:00", "17:00"], "recommended": ["07:30"], "outside_only": True},
            "2026-03-03T18:00:00+01:00",
            "2026-03-04T09:00:00+01:00",
        ),
        (
            "a window past midnight: Friday 21:00 waits for Friday 22:00",
            {"allowed": ["22:00", "02:00"], "days": ["fri"]},
            "2026-03-06T21:00:00+01:00",
            "2026-03-06T22:00:00+01:00",
        ),
        (
            "a window past midnight: Thursday night is not Friday's",
            {"allowed": ["22:00", "02:00"], "days": ["fri"]},
            "2026-03-05T23:00:00+01:00",
            "2026-03-06T22:00:00+01:00",
        ),
    ],
)
def test_suggested_times(
    note: str, settings: dict[str, Any], posted_at: str, suggested_at: str
) -> None:
    found = findings(policy_with(settings), posted_at)
    assert [f.data["suggested_at"] for f in found] == [suggested_at], note


@pytest.mark.parametrize(
    ("note", "posted_at"),
    [
        ("Friday 23:00 is inside Friday's night window", "2026-03-06T23:00:00+01:00"),
        ("Saturday 01:30 still belongs to Friday's night window", "2026-03-07T01:30:00+01:00"),
    ],
)
def test_a_window_past_midnight_belongs_to_the_day_it_opened(note: str, posted_at: str) -> None:
    policy = policy_with({"allowed": ["22:00", "02:00"], "days": ["fri"]})
    assert findings(policy, posted_at) == [], note


@pytest.mark.parametrize(
    ("note", "settings", "posted_at"),
    [
        ("no settings: the organisation has chosen no hours", {}, "2026-03-03T03:00:00+01:00"),
        ("no posting time: nothing to judge", MR_GREEN, None),
        (
            "outside_only: no nudge inside the window",
            {**MR_GREEN, "outside_only": True},
            "2026-03-03T09:30:00+01:00",
        ),
        (
            "a wider tolerance covers 09:30",
            {**MR_GREEN, "tolerance_minutes": 60},
            "2026-03-03T09:30:00+01:00",
        ),
        ("only days: any hour of a listed day", {"days": ["tue"]}, "2026-03-03T03:00:00+01:00"),
        (
            "23:55 is within 15 minutes of a recommended 00:05 across midnight",
            {"recommended": ["00:05"]},
            "2026-03-03T23:55:00+01:00",
        ),
    ],
)
def test_posts_that_are_fine(note: str, settings: dict[str, Any], posted_at: str | None) -> None:
    assert findings(policy_with(settings), posted_at) == [], note


def test_a_firm_window_uses_recommended_times_only_for_the_suggestion() -> None:
    policy = policy_with({**MR_GREEN, "outside_only": True}, severity="warn")
    (finding,) = findings(policy, "2026-03-03T23:30:00+01:00")
    assert finding.severity == "warn"
    assert finding.message == (
        "It is 23:30; posts go out between 07:00 and 22:00. Schedule this one for 2026-03-04 08:40."
    )


def test_a_blocking_nudge_is_refused_with_advice() -> None:
    with pytest.raises(PolicyError, match="outside_only"):
        policy_with(MR_GREEN, severity="block")


@pytest.mark.parametrize(
    ("note", "settings", "error"),
    [
        ("an hour past 23", {"allowed": ["07:00", "25:00"]}, "time of day"),
        ("a number is not a time", {"recommended": [900]}, "in quotes"),
        ("24:00 is written 00:00", {"allowed": ["07:00", "24:00"]}, "00:00"),
        ("a window needs two ends", {"allowed": ["07:00"]}, "allowed"),
        ("a window of no width", {"allowed": ["07:00", "07:00"]}, "same time"),
        ("an empty list of days allows nothing", {"days": []}, "days"),
        ("an unknown day", {"days": ["mon", "funday"]}, "days"),
        ("an unknown key", {"hours": ["07:00", "22:00"]}, "hours"),
    ],
)
def test_settings_errors_say_what_is_wrong(note: str, settings: dict[str, Any], error: str) -> None:
    with pytest.raises(PolicyError, match=error):
        policy_with(settings)


@pytest.mark.parametrize(
    ("written", "expected"),
    [("08.40", "08:40"), ("8:40", "08:40"), ("08:40", "08:40"), ("15h00", "15:00")],
)
def test_times_may_be_written_the_way_people_write_them(written: str, expected: str) -> None:
    policy = policy_with({"recommended": [written]})
    (finding,) = findings(policy, "2026-03-03T05:00:00+01:00")
    assert finding.data["suggested_time"] == expected


@pytest.mark.parametrize(
    ("language", "message"),
    [
        (
            "en",
            "The policy recommends posting around 08:40, 11:40, 15:00, and it is 09:30 now. "
            "Consider scheduling this one for 11:40.",
        ),
        (
            "sv",
            "Policyn rekommenderar att publicera runt 08:40, 11:40, 15:00, och klockan är "
            "09:30 nu. Schemalägg gärna det här till 11:40.",
        ),
        (
            "nl",
            "Het beleid raadt aan rond 08:40, 11:40, 15:00 te posten, en het is nu 09:30. "
            "Plan dit bericht bijvoorbeeld in voor 11:40.",
        ),
    ],
)
def test_the_nudge_speaks_the_authors_language(
    mr_green: CompiledPolicy, language: str, message: str
) -> None:
    (finding,) = findings(mr_green, "2026-03-03T09:30:00+01:00", language)
    assert finding.message == message
    assert finding.language == language
