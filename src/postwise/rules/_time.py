"""Clock times, daily windows and public holidays, shared by the rule kinds that look at *when*.

``posting_window``, ``quota`` and ``anonymity`` reason about the local wall clock of the
organisation: "07:00–22:00 on weekdays", "the same calendar day", "working hours, except on
public holidays". The pieces live here once: :data:`Clock` (a settings field that reads
``"08:40"`` or ``"08.40"``), :class:`DailyWindow` (a window that may run past midnight, where
the hours after midnight belong to the day the window opened), :class:`Schedule` (a window on
some weekdays, minus holidays) and :class:`HolidayCalendar` (public holidays of one country,
from the ``holidays`` library). Every function takes local, aware datetimes and is pure.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from functools import cache
from typing import TYPE_CHECKING, Annotated, Any, get_args

from pydantic import BeforeValidator

from postwise.policy.model import Weekday

if TYPE_CHECKING:
    import holidays

WEEKDAYS: tuple[Weekday, ...] = get_args(Weekday)
"""``mon`` … ``sun``, in the order of :meth:`datetime.date.weekday`."""

_CLOCK_RE = re.compile(r"^\s*([01]?\d|2[0-3])\s*[:.h]\s*([0-5]\d)\s*$")
SECONDS_PER_DAY = 24 * 60 * 60


def _clock(value: Any) -> Any:
    if isinstance(value, time):
        return value.replace(tzinfo=None)
    if isinstance(value, str):
        m = _CLOCK_RE.match(value)
        if m:
            return time(int(m.group(1)), int(m.group(2)))
        if value.strip() in ("24:00", "24.00"):
            raise ValueError("write midnight as 00:00")
    raise ValueError(f'expected a time of day such as "08:40" (in quotes), got {value!r}')


Clock = Annotated[time, BeforeValidator(_clock)]
"""A time of day in settings: ``"08:40"``, ``"8:40"``, ``"08.40"`` (as written in Swedish)."""


_CLOCK_TEXTS = tuple(f"{m // 60:02d}:{m % 60:02d}" for m in range(24 * 60))


def clock_text(t: time) -> str:
    """``HH:MM``, the form used in messages and fixes whatever the author's language."""
    return _CLOCK_TEXTS[t.hour * 60 + t.minute]


def seconds_of_day(t: time) -> int:
    return t.hour * 3600 + t.minute * 60 + t.second


def weekday_numbers(days: list[Weekday] | None) -> frozenset[int]:
    """Weekday names as :meth:`~datetime.date.weekday` numbers; ``None`` means every day."""
    if days is None:
        return frozenset(range(7))
    return frozenset(WEEKDAYS.index(d) for d in days)


def at(day: date, t: time, zone: tzinfo) -> datetime:
    """The moment the clocks in ``zone`` show ``t`` on ``day``.

    A time skipped when clocks go forward (02:30 on the last Sunday of March in Europe) is
    the moment an hour later (03:30); a time shown twice in autumn is its first showing.
    """
    return datetime.combine(day, t, tzinfo=zone).astimezone(UTC).astimezone(zone)


@dataclass(frozen=True)
class DailyWindow:
    """A daily time window ``[start, end)``; ``end`` before ``start`` runs past midnight.

    The hours after midnight of such a window belong to the day it opened (a night shift
    that starts on Friday at 22:00 ends on Saturday morning and is Friday's). ``start ==
    end`` is the whole day.
    """

    start: time
    end: time

    def opened_on(self, local: datetime) -> date | None:
        """The calendar day whose window contains ``local``, or ``None`` if none does."""
        s = seconds_of_day(local.time())
        lo, hi = seconds_of_day(self.start), seconds_of_day(self.end)
        if lo == hi:
            return local.date()
        if lo < hi:
            return local.date() if lo <= s < hi else None
        if s >= lo:
            return local.date()
        if s < hi:
            return local.date() - timedelta(days=1)
        return None


@dataclass(frozen=True)
class HolidayCalendar:
    """Public holidays of one country (``"NL"``) or subdivision (``"ES-MD"``).

    Years are computed on first use and kept, under a lock, so a compiled policy can be shared
    between threads.
    """

    code: str
    _years: dict[int, frozenset[date]] = field(default_factory=dict, compare=False, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, compare=False, repr=False)

    def __contains__(self, day: object) -> bool:
        if not isinstance(day, date):
            return False
        year = self._years.get(day.year)
        if year is None:
            with self._lock:
                year = self._years.get(day.year)
                if year is None:
                    year = frozenset(_country(self.code, day.year).keys())
                    self._years[day.year] = year
        return day in year


def _country(code: str, year: int | None = None) -> holidays.HolidayBase:
    import holidays  # only policies that name a holiday calendar need it: not at start-up

    country, _, subdiv = code.strip().upper().partition("-")
    return holidays.country_holidays(country, subdiv=subdiv or None, years=year)


@cache
def holiday_calendar(code: str) -> HolidayCalendar:
    """The calendar for ``code``; raises :class:`ValueError` naming the problem if unknown."""
    try:
        _country(code)
    except NotImplementedError:
        raise ValueError(
            f"no public holidays are known for {code!r}; use a country code such as NL, SE or GB"
        ) from None
    return HolidayCalendar(code.strip().upper())


@dataclass(frozen=True)
class Schedule:
    """A daily window on some weekdays, except public holidays: posting hours, working time."""

    window: DailyWindow
    days: frozenset[int] = frozenset(range(7))
    holidays: HolidayCalendar | None = None

    def day_allowed(self, day: date) -> bool:
        return day.weekday() in self.days and (self.holidays is None or day not in self.holidays)

    def contains(self, local: datetime) -> bool:
        opened = self.window.opened_on(local)
        return opened is not None and self.day_allowed(opened)

    def openings(self, local: datetime, days_ahead: int = 14) -> Iterator[datetime]:
        """Start of each window on an allowed day, from the one before ``local`` onwards."""
        zone = local.tzinfo
        assert zone is not None
        first = local.date() - timedelta(days=1)
        for n in range(days_ahead + 2):
            day = first + timedelta(days=n)
            if self.day_allowed(day):
                yield at(day, self.window.start, zone)

    def next_open(self, local: datetime) -> datetime | None:
        """``local`` itself when inside, else the next moment the schedule opens."""
        if self.contains(local):
            return local
        for opening in self.openings(local):
            if opening.timestamp() > local.timestamp():
                return opening
        return None


def working_time(org_model: Any) -> Schedule:
    """The organisation's working hours (``organisation.working_hours``) as a schedule.

    ``holidays`` names the country whose public holidays are days off; an unknown country
    raises :class:`ValueError`.
    """
    hours = org_model.working_hours
    calendar = holiday_calendar(hours.holidays) if hours.holidays else None
    return Schedule(DailyWindow(hours.start, hours.end), weekday_numbers(hours.days), calendar)


def start_of_day(local: datetime) -> datetime:
    """The start of ``local``'s calendar day, in its zone."""
    zone = local.tzinfo
    assert zone is not None
    return at(local.date(), time(0, 0), zone)


def next_midnight(local: datetime) -> datetime:
    """The start of the next calendar day after ``local``, in its zone."""
    zone = local.tzinfo
    assert zone is not None
    return at(local.date() + timedelta(days=1), time(0, 0), zone)
