"""Posting times: outside the hours the policy allows, or away from the recommended times.

**What it catches.** A post that goes out outside the hours, or on a day, that the policy
plans posts for; and where the policy recommends posting times (Mr Green: 08:40, 11:40 and
15:00), a post well away from all of them, with the next good time to schedule it for. Times
are the organisation's local time; a post without a posting time is not judged.

Settings: ``allowed: ["07:00", "22:00"]`` is from 07:00 up to, not including, 22:00; a window
such as ``["22:00", "06:00"]`` runs past midnight, and its small hours belong to the day it
opened. ``days: [mon, tue, wed, thu, fri]`` lists the posting days. ``recommended`` times
nudge a post more than ``tolerance_minutes`` (15 by default) away from all of them. With no
settings the rule finds nothing: an organisation chooses its own hours.

**Why.** Posts land better when people read them, and an author who posts at 02:00 is rarely
at their best. Mr Green's Twitter policy recommends three moments in the working day.

**Example.** With ``allowed: ["07:00", "22:00"]``, a post at 23:40 is outside the window;
with ``recommended: ["08:40", "11:40", "15:00"]``, a post at 09:30 gets a tip to wait for
11:40.

**Fix.** Schedule the post: each finding carries ``suggested_time`` (``"11:40"``) and
``suggested_at`` (the moment, ISO 8601 in the organisation's time zone): the next
recommended time inside the window, else the moment the window opens again.

**Severity.** A rule has one severity, and it applies to both findings. Use ``severity:
tip`` for a nudge toward recommended times; for a firm window (``warn``) set ``outside_only:
true`` so that recommended times only shape the suggestion, or write two rules of this kind,
a ``warn`` one with ``allowed`` and a ``tip`` one with ``recommended``. A ``block`` rule that
nudges is refused: holding every post that is 20 minutes off a recommended time is not
coaching.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING

from pydantic import Field, model_validator

from postwise.policy.model import RuleBase, RuleSettings, Weekday
from postwise.rules import Detector, Hit, RuleConfigError, RuleKind
from postwise.rules._time import (
    SECONDS_PER_DAY,
    Clock,
    DailyWindow,
    Schedule,
    at,
    clock_text,
    seconds_of_day,
    weekday_numbers,
)

if TYPE_CHECKING:
    from postwise.engine.post import Post
    from postwise.policy.compiled import CompiledOrganisation

# How far ahead to look for the next good moment (a window open one day a week still has one).
_LOOKAHEAD_DAYS = 8
_PROBE_DAY = date(2026, 1, 5)  # any date: only the window's time of day is asked about


class Settings(RuleSettings):
    allowed: tuple[Clock, Clock] | None = Field(
        None,
        description='Posting hours, local time: ["07:00", "22:00"] (from, until; until is not '
        "included; an until before from runs past midnight). Any time when absent.",
    )
    days: list[Weekday] | None = Field(
        None, min_length=1, description="Days on which posting is allowed; every day when absent."
    )
    recommended: list[Clock] = Field(
        default_factory=list, description='Recommended times, e.g. ["08:40", "11:40", "15:00"].'
    )
    tolerance_minutes: int = Field(
        15, ge=0, le=720, description="How close to a recommended time counts as on time."
    )
    outside_only: bool = Field(
        False,
        description="Report only posts outside the allowed hours or days; recommended times "
        "then only choose the suggested time.",
    )

    @model_validator(mode="after")
    def _window_has_width(self) -> Settings:
        if self.allowed is not None and self.allowed[0] == self.allowed[1]:
            raise ValueError(
                "allowed starts and ends at the same time; leave allowed out to allow any time"
            )
        return self


def compile(rule: RuleBase, org: CompiledOrganisation) -> Detector:
    settings = rule.settings
    assert isinstance(settings, Settings)
    restricted = settings.allowed is not None or settings.days is not None
    start, end = settings.allowed or (time(0, 0), time(0, 0))
    schedule = Schedule(DailyWindow(start, end), weekday_numbers(settings.days))
    recommended = sorted(set(settings.recommended))
    nudge = bool(recommended) and not settings.outside_only
    if nudge and rule.severity == "block":
        raise RuleConfigError(
            "recommended times nudge at the rule's severity, and a block would hold every post "
            "that misses them; set outside_only: true, or put the recommended times in a "
            "separate rule with severity tip",
            ("recommended",),
        )
    if not restricted and not nudge:
        return _nothing
    tolerance = settings.tolerance_minutes * 60
    marks = [seconds_of_day(r) for r in recommended]
    base = {
        "start": clock_text(start),
        "end": clock_text(end),
        "recommended": ", ".join(clock_text(r) for r in recommended),
    }

    # Recommended times the window admits, with the day their window opened relative to theirs
    # (-1 for the small hours of a window that runs past midnight), so that finding the next
    # one is arithmetic on wall-clock seconds and weekdays; only the answer becomes a datetime.
    slots: list[tuple[int, time, int]] = []
    for r in recommended:
        probe = datetime.combine(_PROBE_DAY, r)
        opened = schedule.window.opened_on(probe) if restricted else _PROBE_DAY
        if opened is not None:
            slots.append((seconds_of_day(r), r, (opened - _PROBE_DAY).days))

    def next_recommended(local: datetime) -> datetime | None:
        zone = local.tzinfo
        assert zone is not None
        now, today, weekday = seconds_of_day(local.time()), local.date(), local.weekday()
        for n in range(_LOOKAHEAD_DAYS):
            for second, r, shift in slots:
                if (n > 0 or second > now) and (weekday + n + shift) % 7 in schedule.days:
                    return at(today + timedelta(days=n), r, zone)
        return None

    def detect(post: Post) -> Iterator[Hit]:
        local = post.local_time
        if local is None:
            return
        if restricted and not schedule.contains(local):
            opened = schedule.window.opened_on(local) or local.date()
            detail = "outside" if schedule.day_allowed(opened) else "outside_day"
            yield _hit(detail, local, next_recommended(local) or schedule.next_open(local), base)
        elif nudge and _distance(seconds_of_day(local.time()), marks) > tolerance:
            yield _hit("off_peak", local, next_recommended(local), base)

    return detect


def _nothing(post: Post) -> Iterator[Hit]:
    return iter(())


def _distance(second: int, marks: list[int]) -> int:
    """Seconds to the nearest mark on a 24-hour clock (23:55 is ten minutes from 00:05)."""
    best = SECONDS_PER_DAY
    for mark in marks:
        gap = abs(second - mark)
        best = min(best, gap, SECONDS_PER_DAY - gap)
    return best


def _hit(detail: str, local: datetime, suggestion: datetime | None, base: dict[str, str]) -> Hit:
    params = {**base, "time": clock_text(local.time())}
    data: dict[str, str] = {}
    if suggestion is not None:
        same_day = suggestion.date() == local.date()
        hhmm = clock_text(suggestion.time())
        params["next"] = hhmm if same_day else f"{suggestion.date().isoformat()} {hhmm}"
        data = {"suggested_time": hhmm, "suggested_at": suggestion.isoformat()}
    else:  # pragma: no cover - a window always opens again within the look-ahead
        params["next"] = base["start"]
    return Hit(None, None, detail, params, data=data)


KIND = RuleKind(
    name="posting_window",
    settings=Settings,
    compile=compile,
    doc=__doc__ or "",
    default_severity="tip",
)
