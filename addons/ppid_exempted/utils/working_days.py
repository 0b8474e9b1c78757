"""Working-day (*hari kerja*) arithmetic for Indonesian government offices.

A working day is Monday to Friday minus national holidays (*libur nasional*) and,
by default, *cuti bersama* (Perpres 21/2023; SKB 3 Menteri). This module must not
import Odoo: the addon's models and the plain pytest suite both use it.

Conventions:

* Counting starts the day after ``start``: one working day from a Friday is the
  next Monday, whatever ``start`` itself is.
* ``add_working_days(start, 0)`` is ``start`` when that is a working day, else
  the next working day. A negative count walks back, starting the day before.
* ``working_days_between(start, end)`` counts the working days in
  ``(start, end]`` (negated, those in ``[end, start)``, when ``end < start``), so
  ``add_working_days(s, working_days_between(s, e)) == e`` for a working day e.
* Office hours are the half-open interval ``[day_start, day_end)`` in float hours
  (7.5 is 07:30). A time that fills a day exactly ends at ``day_end``.
"""

from collections.abc import Container, Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

WEEKEND: tuple[int, ...] = (5, 6)
"""Saturday and Sunday, as ``date.weekday()`` numbers."""

HOURS_PER_DAY = 24

MAX_NON_WORKING_RUN = 366
"""Consecutive non-working days after which the calendar is considered broken."""

# SKB 3 Menteri 2026 (Menag 1497/2025, Menaker 2/2025, MenPANRB 5/2025).
LIBUR_NASIONAL_2026: dict[date, str] = {
    date(2026, 1, 1): "Tahun Baru Masehi",
    date(2026, 1, 16): "Isra Mikraj Nabi Muhammad",
    date(2026, 2, 17): "Tahun Baru Imlek",
    date(2026, 3, 19): "Hari Suci Nyepi",
    date(2026, 3, 21): "Hari Raya Idul Fitri",
    date(2026, 3, 22): "Hari kedua dari Hari Raya Idul Fitri",
    date(2026, 4, 3): "Wafat Yesus Kristus",
    date(2026, 4, 5): "Kebangkitan Yesus Kristus",
    date(2026, 5, 1): "Hari Buruh Internasional",
    date(2026, 5, 14): "Kenaikan Yesus Kristus",
    date(2026, 5, 27): "Hari Raya Idul Adha",
    date(2026, 5, 31): "Hari Raya Waisak",
    date(2026, 6, 1): "Hari Lahir Pancasila",
    date(2026, 6, 16): "Tahun Baru Islam",
    date(2026, 8, 17): "Hari Kemerdekaan Republik Indonesia",
    date(2026, 8, 25): "Maulid Nabi Muhammad",
    date(2026, 12, 25): "Hari Raya Natal",
}
CUTI_BERSAMA_2026: dict[date, str] = {
    date(2026, 2, 16): "Cuti Bersama Tahun Baru Imlek",
    date(2026, 3, 18): "Cuti Bersama Hari Suci Nyepi",
    date(2026, 3, 20): "Cuti Bersama Hari Raya Idul Fitri",
    date(2026, 3, 23): "Cuti Bersama Hari Raya Idul Fitri",
    date(2026, 3, 24): "Cuti Bersama Hari Raya Idul Fitri",
    date(2026, 5, 15): "Cuti Bersama Kenaikan Yesus Kristus",
    date(2026, 5, 28): "Cuti Bersama Hari Raya Idul Adha",
    date(2026, 12, 24): "Cuti Bersama Hari Raya Natal",
}

EXPLICIT_CALENDARS: dict[int, tuple[dict[date, str], dict[date, str]]] = {
    2026: (LIBUR_NASIONAL_2026, CUTI_BERSAMA_2026),
}
"""Years whose (libur nasional, cuti bersama) come from this module, not from the
``holidays`` package: older package releases estimate 2026 and lack its cuti
bersama."""


def indonesian_holidays(
    years: int | Iterable[int], include_cuti_bersama: bool = True
) -> dict[date, str]:
    """Return Indonesia's national holidays (and cuti bersama) for ``years``.

    Years in ``EXPLICIT_CALENDARS`` use that table; other years come from the
    ``holidays`` package (public category, plus government for cuti bersama),
    with Indonesian names. Dates falling on a weekend are included.
    """
    wanted = {years} if isinstance(years, int) else set(years)
    result: dict[date, str] = {}
    for year in sorted(wanted & EXPLICIT_CALENDARS.keys()):
        libur, cuti = EXPLICIT_CALENDARS[year]
        result.update(libur)
        if include_cuti_bersama:
            result.update(cuti)
    other_years = sorted(wanted - EXPLICIT_CALENDARS.keys())
    if other_years:
        result.update(_package_holidays(other_years, include_cuti_bersama))
    return dict(sorted(result.items()))


def _package_holidays(years: list[int], include_cuti_bersama: bool) -> dict[date, str]:
    # Imported here so that the module loads (and 2026 works) without the package.
    import holidays

    categories = [holidays.PUBLIC]
    if include_cuti_bersama:
        categories.append(holidays.GOVERNMENT)
    calendar = holidays.country_holidays(
        "ID", years=years, categories=tuple(categories), language="id"
    )
    return dict(calendar.items())


def is_working_day(
    day: date,
    non_working_days: Container[date],
    weekend: Container[int] = WEEKEND,
) -> bool:
    """Return whether ``day`` is neither a weekend day nor a non-working day."""
    if isinstance(day, datetime):
        day = day.date()
    return day.weekday() not in weekend and day not in non_working_days


def add_working_days(
    start: date,
    days: int,
    non_working_days: Container[date],
    weekend: Container[int] = WEEKEND,
) -> date:
    """Return the ``days``-th working day after ``start`` (before it if negative).

    ``days == 0`` returns ``start`` if it is a working day, else the next one.
    """
    if days == 0:
        if is_working_day(start, non_working_days, weekend):
            return start
        return _step_to_working_day(start, 1, non_working_days, weekend)
    step = 1 if days > 0 else -1
    day = start
    for _ in range(abs(days)):
        day = _step_to_working_day(day, step, non_working_days, weekend)
    return day


def working_days_between(
    start: date,
    end: date,
    non_working_days: Container[date],
    weekend: Container[int] = WEEKEND,
) -> int:
    """Count working days after ``start`` up to and including ``end``.

    The result is negative when ``end < start`` (working days in ``[end, start)``).
    """
    if end >= start:
        first, count, sign = start + timedelta(days=1), (end - start).days, 1
    else:
        first, count, sign = end, (start - end).days, -1
    days = (first + timedelta(days=offset) for offset in range(count))
    return sign * sum(is_working_day(day, non_working_days, weekend) for day in days)


def add_working_hours(
    start: datetime,
    hours: float,
    non_working_days: Container[date],
    day_start: float = 8.0,
    day_end: float = 16.0,
    weekend: Container[int] = WEEKEND,
) -> datetime:
    """Return ``start`` plus ``hours`` of office time (minus, if negative).

    Only ``[day_start, day_end)`` on working days counts. A ``start`` outside
    office hours first moves to the next opening (for negative ``hours``, back to
    the previous closing). Datetimes are naive local times.
    """
    if not 0 <= day_start < day_end <= HOURS_PER_DAY:
        raise ValueError(f"invalid office hours {day_start}-{day_end}")
    if hours < 0:
        return _subtract_working_hours(
            start, -hours, non_working_days, day_start, day_end, weekend
        )
    remaining = timedelta(hours=hours)
    current = _next_opening(start, non_working_days, day_start, day_end, weekend)
    while True:
        available = _at(current, day_end) - current
        if remaining <= available:
            return current + remaining
        remaining -= available
        next_day = _step_to_working_day(current.date(), 1, non_working_days, weekend)
        current = _at(current, day_start, next_day)


def _subtract_working_hours(
    start: datetime,
    hours: float,
    non_working_days: Container[date],
    day_start: float,
    day_end: float,
    weekend: Container[int],
) -> datetime:
    remaining = timedelta(hours=hours)
    current = _previous_closing(start, non_working_days, day_start, day_end, weekend)
    while True:
        available = current - _at(current, day_start)
        if remaining <= available:
            return current - remaining
        remaining -= available
        prev_day = _step_to_working_day(current.date(), -1, non_working_days, weekend)
        current = _at(current, day_end, prev_day)


def _next_opening(
    moment: datetime,
    non_working_days: Container[date],
    day_start: float,
    day_end: float,
    weekend: Container[int],
) -> datetime:
    """Return ``moment`` if the office is open then, else its next opening."""
    if is_working_day(moment, non_working_days, weekend):
        if moment < _at(moment, day_start):
            return _at(moment, day_start)
        if moment < _at(moment, day_end):
            return moment
    day = _step_to_working_day(moment.date(), 1, non_working_days, weekend)
    return _at(moment, day_start, day)


def _previous_closing(
    moment: datetime,
    non_working_days: Container[date],
    day_start: float,
    day_end: float,
    weekend: Container[int],
) -> datetime:
    """Return ``moment`` if open (closing time included), else the last closing."""
    if is_working_day(moment, non_working_days, weekend):
        if moment > _at(moment, day_end):
            return _at(moment, day_end)
        if moment > _at(moment, day_start):
            return moment
    day = _step_to_working_day(moment.date(), -1, non_working_days, weekend)
    return _at(moment, day_end, day)


def _at(moment: datetime, hour: float, day: date | None = None) -> datetime:
    """Return ``day`` (default: ``moment``'s day) at float ``hour``, in its tz."""
    midnight = datetime.combine(day or moment.date(), time(), tzinfo=moment.tzinfo)
    return midnight + timedelta(hours=hour)


def _step_to_working_day(
    day: date,
    step: int,
    non_working_days: Container[date],
    weekend: Container[int],
) -> date:
    """Return the first working day after (``step=1``) or before (``-1``) ``day``."""
    candidate = day
    for _ in range(MAX_NON_WORKING_RUN):
        candidate += timedelta(days=step)
        if is_working_day(candidate, non_working_days, weekend):
            return candidate
    raise ValueError(
        f"no working day within {MAX_NON_WORKING_RUN} days of {day}; "
        "check the weekend and holiday calendar"
    )


def working_hours_between(
    start: datetime,
    end: datetime,
    non_working_days: Container[date],
    day_start: float = 8.0,
    day_end: float = 16.0,
    weekend: Container[int] = WEEKEND,
) -> float:
    """Return the office hours in ``[start, end)`` (0 when ``end <= start``)."""
    total = timedelta()
    day = start.date()
    while day <= end.date():
        if is_working_day(day, non_working_days, weekend):
            opening = max(start, _at(start, day_start, day))
            closing = min(end, _at(start, day_end, day))
            total += max(closing - opening, timedelta())
        day += timedelta(days=1)
    return total.total_seconds() / 3600


@dataclass(frozen=True)
class WorkingCalendar:
    """A body's working days and office hours, fetched once for a date range."""

    non_working_days: frozenset
    weekend: tuple = WEEKEND
    day_start: float = 8.0
    day_end: float = 16.0

    def add_days(self, day: date, days: int) -> date:
        return add_working_days(day, days, self.non_working_days, self.weekend)

    def days_between(self, start: date, end: date) -> int:
        return working_days_between(start, end, self.non_working_days, self.weekend)

    def add_hours(self, start: datetime, hours: float) -> datetime:
        return add_working_hours(
            start,
            hours,
            self.non_working_days,
            self.day_start,
            self.day_end,
            self.weekend,
        )

    def hours_between(self, start: datetime, end: datetime) -> float:
        return working_hours_between(
            start,
            end,
            self.non_working_days,
            self.day_start,
            self.day_end,
            self.weekend,
        )
