"""anonymity: an anonymous account on work time (working hours, not holidays) or a work device."""

from __future__ import annotations

from typing import Any

import pytest

from postwise import CompiledPolicy, Context, Finding, PolicyError, check, load_policy_text
from postwise.policy.starter import dump_policy, starter_policy
from tests.conftest import ORG

TEXT = "Lovely autumn walk along the river today."


def policy_with(
    settings: dict[str, Any] | None = None, holidays: str | None = "NL"
) -> CompiledPolicy:
    """The dev organisation (Amsterdam, 08:30–17:30 on weekdays) with only an anonymity rule."""
    hours: dict[str, Any] = {"start": "08:30", "end": "17:30"}
    if holidays:
        hours["holidays"] = holidays
    data = starter_policy({**ORG, "working_hours": hours})
    data["rules"] = [
        {**rule, "settings": settings or {}}
        for rule in data["rules"]
        if rule["kind"] == "anonymity"
    ]
    return load_policy_text(dump_policy(data), "test policy")


def findings(
    policy: CompiledPolicy,
    posted_at: str | None,
    anonymous: bool = True,
    device: bool = False,
    language: str = "en",
) -> list[Finding]:
    ctx = Context.from_data(
        {
            "posted_at": posted_at,
            "account_anonymous": anonymous,
            "work_device": device,
            "author": {"language": language},
        }
    )
    return [f for f in check(TEXT, ctx, policy).findings if f.kind == "anonymity"]


def details(found: list[Finding]) -> list[str]:
    return [
        "device and time"
        if f.data["work_device"] and f.data["work_time"]
        else "device"
        if f.data["work_device"]
        else "time"
        for f in found
    ]


@pytest.fixture(scope="module")
def dutch() -> CompiledPolicy:
    return policy_with()


# 2026-03-03 is a Tuesday; 2026-03-07 a Saturday.
@pytest.mark.parametrize(
    ("note", "posted_at", "anonymous", "device", "expected"),
    [
        (
            "an anonymous account at 10:15 on a Tuesday",
            "2026-03-03T10:15:00+01:00",
            True,
            False,
            ["time"],
        ),
        (
            "an anonymous account on a work laptop in the evening",
            "2026-03-03T20:00:00+01:00",
            True,
            True,
            ["device"],
        ),
        (
            "an anonymous account on a work laptop at 10:15",
            "2026-03-03T10:15:00+01:00",
            True,
            True,
            ["device and time"],
        ),
        ("a named account on a work laptop at 10:15", "2026-03-03T10:15:00+01:00", False, True, []),
        (
            "an anonymous account on Saturday, private device",
            "2026-03-07T10:15:00+01:00",
            True,
            False,
            [],
        ),
        (
            "an anonymous account on Saturday, work device",
            "2026-03-07T10:15:00+01:00",
            True,
            True,
            ["device"],
        ),
        (
            "an anonymous account in the evening, private device",
            "2026-03-03T20:00:00+01:00",
            True,
            False,
            [],
        ),
        ("08:30 starts the working day", "2026-03-03T08:30:00+01:00", True, False, ["time"]),
        ("08:29 is before it", "2026-03-03T08:29:00+01:00", True, False, []),
        ("17:29 is the last minute of it", "2026-03-03T17:29:00+01:00", True, False, ["time"]),
        ("17:30 ends it", "2026-03-03T17:30:00+01:00", True, False, []),
        ("no posting time, work device", None, True, True, ["device"]),
        ("no posting time, private device", None, True, False, []),
        # Working hours are Amsterdam's, whatever zone the time is written in.
        ("07:45 UTC is 08:45 in Amsterdam", "2026-03-03T07:45:00+00:00", True, False, ["time"]),
        ("16:45 UTC is 17:45 in Amsterdam", "2026-03-03T16:45:00+00:00", True, False, []),
        (
            "03:00 in New York is 09:00 in Amsterdam",
            "2026-03-03T03:00:00-05:00",
            True,
            False,
            ["time"],
        ),
        ("Friday 23:30 UTC is Saturday in Amsterdam", "2026-03-06T23:30:00+00:00", True, False, []),
        # Summer time starts on 2026-03-29 and ends on 2026-10-25.
        (
            "06:45 UTC the Monday before summer time is 07:45",
            "2026-03-23T06:45:00+00:00",
            True,
            False,
            [],
        ),
        ("06:45 UTC the Monday after is 08:45", "2026-03-30T06:45:00+00:00", True, False, ["time"]),
        (
            "07:15 UTC the Monday after winter time returns is 08:15",
            "2026-10-26T07:15:00+00:00",
            True,
            False,
            [],
        ),
        # Dutch public holidays (holidays: NL) are not working days.
        ("King's Day is a holiday", "2026-04-27T10:15:00+02:00", True, False, []),
        ("Easter Monday is a holiday", "2026-04-06T10:15:00+02:00", True, False, []),
        ("Christmas Day is a holiday", "2026-12-25T10:15:00+01:00", True, False, []),
        ("New Year's Day 2027 is a holiday", "2027-01-01T10:15:00+01:00", True, False, []),
        (
            "the day after King's Day is a working day",
            "2026-04-28T10:15:00+02:00",
            True,
            False,
            ["time"],
        ),
        (
            "a holiday does not make a work laptop private",
            "2026-04-27T10:15:00+02:00",
            True,
            True,
            ["device"],
        ),
    ],
)
def test_work_time_and_work_devices(
    dutch: CompiledPolicy,
    note: str,
    posted_at: str | None,
    anonymous: bool,
    device: bool,
    expected: list[str],
) -> None:
    found = findings(dutch, posted_at, anonymous, device)
    assert details(found) == expected, note
    for f in found:
        assert (f.start, f.end, f.excerpt, f.severity) == (None, None, "", "warn")


@pytest.mark.parametrize(
    ("note", "holidays", "posted_at", "expected"),
    [
        ("King's Day is a working day in Sweden", "SE", "2026-04-27T10:15:00+02:00", ["time"]),
        ("Epiphany is a holiday in Sweden", "SE", "2026-01-06T10:15:00+01:00", []),
        (
            "Epiphany is a working day in the Netherlands",
            "NL",
            "2026-01-06T10:15:00+01:00",
            ["time"],
        ),
        (
            "without a holiday country, King's Day is a working day",
            None,
            "2026-04-27T10:15:00+02:00",
            ["time"],
        ),
        ("country codes are read in any case", "nl", "2026-04-27T10:15:00+02:00", []),
    ],
)
def test_whose_holidays(
    note: str, holidays: str | None, posted_at: str, expected: list[str]
) -> None:
    assert details(findings(policy_with(holidays=holidays), posted_at)) == expected, note


@pytest.mark.parametrize(
    ("note", "settings", "posted_at", "device", "expected"),
    [
        (
            "work devices switched off: only time counts",
            {"work_device": False},
            "2026-03-03T20:00:00+01:00",
            True,
            [],
        ),
        (
            "work time switched off: only devices count",
            {"work_time": False},
            "2026-03-03T10:15:00+01:00",
            False,
            [],
        ),
        (
            "work time switched off, work device",
            {"work_time": False},
            "2026-03-03T10:15:00+01:00",
            True,
            ["device"],
        ),
    ],
)
def test_either_test_can_be_switched_off(
    note: str, settings: dict[str, Any], posted_at: str, device: bool, expected: list[str]
) -> None:
    found = findings(policy_with(settings), posted_at, device=device)
    assert details(found) == expected, note


def test_an_unknown_holiday_country_is_a_policy_error() -> None:
    with pytest.raises(PolicyError, match="no public holidays are known for 'XX'"):
        policy_with(holidays="XX")


def test_a_night_shift_runs_past_midnight() -> None:
    data = starter_policy(
        {**ORG, "working_hours": {"start": "22:00", "end": "06:00", "days": ["mon"]}}
    )
    data["rules"] = [r for r in data["rules"] if r["kind"] == "anonymity"]
    policy = load_policy_text(dump_policy(data), "test policy")
    # Monday 2026-03-02 22:00 until Tuesday 06:00 is Monday's shift.
    assert details(findings(policy, "2026-03-03T03:00:00+01:00")) == ["time"]
    assert details(findings(policy, "2026-03-02T03:00:00+01:00")) == []


@pytest.mark.parametrize(
    ("language", "device", "message"),
    [
        (
            "en",
            False,
            "It is 10:15, within working hours (08:30–17:30), and this account is "
            "anonymous. On work time, post under your own name and say where you work, "
            "or wait until after work and use your own device.",
        ),
        (
            "sv",
            False,
            "Klockan är 10:15, alltså arbetstid (08:30–17:30), och kontot är anonymt. "
            "På arbetstid publicerar du under eget namn och berättar var du jobbar – "
            "eller vänta till efter jobbet och använd din egen enhet.",
        ),
        (
            "nl",
            True,
            "Dit anonieme account wordt in werktijd (08:30–17:30) op een werkapparaat "
            "gebruikt. Post onder je eigen naam en vermeld waar je werkt, of bewaar dit "
            "account voor je eigen tijd en je eigen apparaat.",
        ),
        (
            "en",
            True,
            "This anonymous account is being used on a work device during working hours "
            "(08:30–17:30). Post under your own name and say where you work, or keep "
            "this account for your own time and your own device.",
        ),
    ],
)
def test_the_message_says_which_in_the_authors_language(
    dutch: CompiledPolicy, language: str, device: bool, message: str
) -> None:
    (finding,) = findings(dutch, "2026-03-03T10:15:00+01:00", device=device, language=language)
    assert finding.message == message
