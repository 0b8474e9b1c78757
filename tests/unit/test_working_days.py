"""Unit tests for addons/ppid_exempted/utils/working_days.py (no Odoo needed)."""

import importlib.util
import sys
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

MODULE_PATH = (
    Path(__file__).resolve().parents[2]
    / "addons"
    / "ppid_exempted"
    / "utils"
    / "working_days.py"
)


def _load_module():
    spec = importlib.util.spec_from_file_location("ppid_working_days", MODULE_PATH)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


wd = _load_module()

# domain.md section 6, typed in independently of the module's table.
LIBUR_2026 = {
    date(2026, 1, 1),
    date(2026, 1, 16),
    date(2026, 2, 17),
    date(2026, 3, 19),
    date(2026, 3, 21),
    date(2026, 3, 22),
    date(2026, 4, 3),
    date(2026, 4, 5),
    date(2026, 5, 1),
    date(2026, 5, 14),
    date(2026, 5, 27),
    date(2026, 5, 31),
    date(2026, 6, 1),
    date(2026, 6, 16),
    date(2026, 8, 17),
    date(2026, 8, 25),
    date(2026, 12, 25),
}
CUTI_BERSAMA_2026 = {
    date(2026, 2, 16),
    date(2026, 3, 18),
    date(2026, 3, 20),
    date(2026, 3, 23),
    date(2026, 3, 24),
    date(2026, 5, 15),
    date(2026, 5, 28),
    date(2026, 12, 24),
}
NEW_YEAR_2027 = date(2027, 1, 1)

WITH_CB = frozenset(LIBUR_2026 | CUTI_BERSAMA_2026 | {NEW_YEAR_2027})
WITHOUT_CB = frozenset(LIBUR_2026 | {NEW_YEAR_2027})


# --- indonesian_holidays ---------------------------------------------------


def test_holidays_2026_match_domain_brief():
    result = wd.indonesian_holidays(2026)
    assert set(result) == LIBUR_2026 | CUTI_BERSAMA_2026
    assert len(result) == 25
    assert all(isinstance(name, str) and name for name in result.values())
    assert list(result) == sorted(result)


def test_holidays_2026_without_cuti_bersama():
    result = wd.indonesian_holidays(2026, include_cuti_bersama=False)
    assert set(result) == LIBUR_2026
    assert len(result) == 17
    assert not CUTI_BERSAMA_2026 & set(result)


def test_holidays_2026_idul_fitri_names():
    result = wd.indonesian_holidays([2026])
    assert "Idul Fitri" in result[date(2026, 3, 21)]
    assert result[date(2026, 3, 23)].startswith("Cuti Bersama")


def test_holidays_other_years_come_from_package():
    with_cb = wd.indonesian_holidays([2025, 2026, 2027])
    without_cb = wd.indonesian_holidays((2025, 2027), include_cuti_bersama=False)
    assert date(2025, 1, 1) in with_cb
    assert date(2025, 8, 17) in with_cb
    assert NEW_YEAR_2027 in with_cb
    assert date(2027, 12, 25) in without_cb
    # Idul Fitri 2025 was 31 Mar - 1 Apr; 2 Apr 2025 was cuti bersama.
    assert date(2025, 3, 31) in without_cb
    assert date(2025, 4, 2) in with_cb
    assert date(2025, 4, 2) not in without_cb
    assert set(without_cb) < set(with_cb)
    assert set(with_cb) >= LIBUR_2026 | CUTI_BERSAMA_2026


def test_2026_does_not_need_the_holidays_package(monkeypatch):
    monkeypatch.setitem(sys.modules, "holidays", None)
    assert len(wd.indonesian_holidays(2026)) == 25
    with pytest.raises(ImportError):
        wd.indonesian_holidays(2025)


def test_module_does_not_import_odoo():
    source = MODULE_PATH.read_text(encoding="utf-8")
    assert "import odoo" not in source
    assert "from odoo" not in source


def test_holidays_dict_works_as_non_working_days():
    calendar = wd.indonesian_holidays(2026)
    assert not wd.is_working_day(date(2026, 3, 23), calendar)
    assert wd.is_working_day(date(2026, 3, 25), calendar)


# --- is_working_day --------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2026, 3, 17), True),  # Tuesday
        (date(2026, 3, 18), False),  # cuti bersama
        (date(2026, 3, 19), False),  # Nyepi
        (date(2026, 3, 21), False),  # Saturday and Idul Fitri
        (date(2026, 11, 22), False),  # plain Sunday
        (date(2026, 11, 23), True),  # plain Monday
    ],
)
def test_is_working_day(day, expected):
    assert wd.is_working_day(day, WITH_CB) is expected


def test_is_working_day_without_cuti_bersama():
    assert wd.is_working_day(date(2026, 3, 18), WITHOUT_CB)
    assert not wd.is_working_day(date(2026, 3, 19), WITHOUT_CB)


def test_is_working_day_accepts_datetime_and_any_container():
    assert not wd.is_working_day(datetime(2026, 3, 19, 10, 0), WITH_CB)
    assert not wd.is_working_day(date(2026, 3, 19), {date(2026, 3, 19): "x"})
    assert not wd.is_working_day(date(2026, 3, 19), [date(2026, 3, 19)])


def test_is_working_day_custom_weekend():
    saturday = date(2026, 11, 21)
    assert wd.is_working_day(saturday, set(), weekend=(6,))
    assert not wd.is_working_day(saturday, set())


# --- add_working_days ------------------------------------------------------


def test_one_working_day_from_friday_is_monday():
    assert wd.add_working_days(date(2026, 11, 20), 1, WITH_CB) == date(2026, 11, 23)


def test_idul_fitri_2026_with_cuti_bersama():
    tuesday = date(2026, 3, 17)
    # 18 cb, 19 Nyepi, 20 cb, 21-22 weekend/Idul Fitri, 23-24 cb.
    assert wd.add_working_days(tuesday, 1, WITH_CB) == date(2026, 3, 25)
    assert wd.add_working_days(tuesday, 2, WITH_CB) == date(2026, 3, 26)
    assert wd.add_working_days(date(2026, 3, 16), 2, WITH_CB) == date(2026, 3, 25)


def test_idul_fitri_2026_without_cuti_bersama():
    tuesday = date(2026, 3, 17)
    assert wd.add_working_days(tuesday, 1, WITHOUT_CB) == date(2026, 3, 18)
    assert wd.add_working_days(tuesday, 2, WITHOUT_CB) == date(2026, 3, 20)
    assert wd.add_working_days(tuesday, 3, WITHOUT_CB) == date(2026, 3, 23)
    assert wd.add_working_days(tuesday, 5, WITHOUT_CB) == date(2026, 3, 25)


def test_kukar_sla_four_working_days_over_idul_fitri():
    # Rule 22: notification, handover, documentation at 1 working day each.
    received = date(2026, 3, 16)
    steps = [received]
    for _ in range(3):
        steps.append(wd.add_working_days(steps[-1], 1, WITH_CB))
    assert steps[1:] == [date(2026, 3, 17), date(2026, 3, 25), date(2026, 3, 26)]


def test_year_end_2026_with_cuti_bersama():
    wednesday = date(2026, 12, 23)
    # 24 cb, 25 Natal, 26-27 weekend.
    assert wd.add_working_days(wednesday, 1, WITH_CB) == date(2026, 12, 28)
    assert wd.add_working_days(wednesday, 4, WITH_CB) == date(2026, 12, 31)
    # 1 Jan 2027 holiday (Friday), 2-3 Jan weekend.
    assert wd.add_working_days(wednesday, 5, WITH_CB) == date(2027, 1, 4)
    assert wd.add_working_days(date(2026, 12, 31), 1, WITH_CB) == date(2027, 1, 4)


def test_year_end_2026_without_cuti_bersama():
    wednesday = date(2026, 12, 23)
    assert wd.add_working_days(wednesday, 1, WITHOUT_CB) == date(2026, 12, 24)
    assert wd.add_working_days(wednesday, 2, WITHOUT_CB) == date(2026, 12, 28)
    assert wd.add_working_days(wednesday, 6, WITHOUT_CB) == date(2027, 1, 4)


def test_year_end_with_package_calendar_for_both_years():
    calendar = wd.indonesian_holidays([2026, 2027])
    assert wd.add_working_days(date(2026, 12, 31), 1, calendar) == date(2027, 1, 4)
    assert wd.add_working_days(date(2027, 1, 4), -1, calendar) == date(2026, 12, 31)


def test_alert_30_working_days_before_end_date():
    # Rule 15: alert from end_date - 30 hari kerja.
    end_date = date(2026, 4, 30)
    # Back over Good Friday (3 Apr) and the Idul Fitri block (18-24 Mar).
    assert wd.add_working_days(end_date, -30, WITH_CB) == date(2026, 3, 11)
    assert wd.add_working_days(end_date, -30, WITHOUT_CB) == date(2026, 3, 17)
    assert wd.working_days_between(date(2026, 3, 11), end_date, WITH_CB) == 30


def test_alert_30_working_days_without_holidays_is_six_weeks():
    end_date = date(2026, 10, 30)  # Friday; no holiday in Sep-Oct 2026
    assert wd.add_working_days(end_date, -30, WITH_CB) == end_date - timedelta(weeks=6)


def test_negative_days():
    monday = date(2026, 11, 23)
    assert wd.add_working_days(monday, -1, WITH_CB) == date(2026, 11, 20)
    assert wd.add_working_days(date(2026, 11, 21), -1, WITH_CB) == date(2026, 11, 20)
    assert wd.add_working_days(date(2026, 3, 25), -1, WITH_CB) == date(2026, 3, 17)
    assert wd.add_working_days(date(2026, 3, 25), -1, WITHOUT_CB) == date(2026, 3, 24)
    assert wd.add_working_days(date(2027, 1, 4), -5, WITH_CB) == date(2026, 12, 23)


def test_zero_days():
    tuesday = date(2026, 3, 17)
    assert wd.add_working_days(tuesday, 0, WITH_CB) == tuesday
    assert wd.add_working_days(date(2026, 11, 21), 0, WITH_CB) == date(2026, 11, 23)
    assert wd.add_working_days(date(2026, 3, 18), 0, WITH_CB) == date(2026, 3, 25)
    assert wd.add_working_days(date(2026, 3, 18), 0, WITHOUT_CB) == date(2026, 3, 18)


def test_custom_weekend_counts_saturday():
    friday = date(2026, 11, 20)
    assert wd.add_working_days(friday, 1, set(), weekend=(6,)) == date(2026, 11, 21)


def test_add_then_subtract_round_trips_from_working_day():
    start = date(2026, 3, 2)
    for days in range(1, 60):
        end = wd.add_working_days(start, days, WITH_CB)
        assert wd.add_working_days(end, -days, WITH_CB) == start


def test_calendar_without_any_working_day_raises():
    with pytest.raises(ValueError, match="no working day"):
        wd.add_working_days(date(2026, 1, 1), 1, set(), weekend=range(7))


# --- working_days_between --------------------------------------------------


def test_between_idul_fitri():
    tuesday, wednesday = date(2026, 3, 17), date(2026, 3, 25)
    assert wd.working_days_between(tuesday, wednesday, WITH_CB) == 1
    assert wd.working_days_between(tuesday, wednesday, WITHOUT_CB) == 5
    assert wd.working_days_between(wednesday, tuesday, WITH_CB) == -1
    assert wd.working_days_between(wednesday, tuesday, WITHOUT_CB) == -5


def test_between_year_end_and_same_day():
    start, end = date(2026, 12, 23), date(2027, 1, 4)
    assert wd.working_days_between(start, end, WITH_CB) == 5
    assert wd.working_days_between(start, end, WITHOUT_CB) == 6
    assert wd.working_days_between(start, start, WITH_CB) == 0
    # Friday to Sunday: no working day in between.
    assert wd.working_days_between(date(2026, 11, 20), date(2026, 11, 22), WITH_CB) == 0


@pytest.mark.parametrize("calendar", [WITH_CB, WITHOUT_CB])
def test_between_is_consistent_with_add(calendar):
    starts = [date(2026, 3, 1) + timedelta(days=offset) for offset in range(0, 40, 3)]
    ends = [date(2026, 2, 20) + timedelta(days=offset) for offset in range(60)]
    for start in starts:
        for end in ends:
            if not wd.is_working_day(end, calendar):
                continue
            days = wd.working_days_between(start, end, calendar)
            assert wd.add_working_days(start, days, calendar) == end, (start, end)


# --- add_working_hours -----------------------------------------------------


def test_hours_within_one_day():
    start = datetime(2026, 11, 16, 9, 0)
    assert wd.add_working_hours(start, 1, WITH_CB) == datetime(2026, 11, 16, 10, 0)
    assert wd.add_working_hours(start, 0.5, WITH_CB) == datetime(2026, 11, 16, 9, 30)


def test_hours_filling_the_day_end_at_closing():
    start = datetime(2026, 11, 16, 8, 0)
    assert wd.add_working_hours(start, 8, WITH_CB) == datetime(2026, 11, 16, 16, 0)


def test_hours_crossing_a_day():
    start = datetime(2026, 11, 17, 15, 0)
    assert wd.add_working_hours(start, 2, WITH_CB) == datetime(2026, 11, 18, 9, 0)


def test_hours_crossing_a_weekend():
    start = datetime(2026, 11, 20, 15, 30)
    assert wd.add_working_hours(start, 1, WITH_CB) == datetime(2026, 11, 23, 8, 30)


def test_hours_over_several_days():
    start = datetime(2026, 11, 23, 10, 0)
    # 6 h on Monday, 8 h on Tuesday, 6 h on Wednesday.
    assert wd.add_working_hours(start, 20, WITH_CB) == datetime(2026, 11, 25, 14, 0)


def test_hours_crossing_idul_fitri():
    start = datetime(2026, 3, 17, 15, 0)
    expected_with = datetime(2026, 3, 25, 9, 0)
    expected_without = datetime(2026, 3, 18, 9, 0)
    assert wd.add_working_hours(start, 2, WITH_CB) == expected_with
    assert wd.add_working_hours(start, 2, WITHOUT_CB) == expected_without


@pytest.mark.parametrize(
    ("start", "expected"),
    [
        (datetime(2026, 11, 21, 10, 0), datetime(2026, 11, 23, 9, 0)),  # Saturday
        (datetime(2026, 11, 23, 6, 0), datetime(2026, 11, 23, 9, 0)),  # early
        (datetime(2026, 11, 23, 16, 0), datetime(2026, 11, 24, 9, 0)),  # closing
        (datetime(2026, 11, 23, 17, 0), datetime(2026, 11, 24, 9, 0)),  # late
        (datetime(2026, 12, 24, 9, 0), datetime(2026, 12, 28, 9, 0)),  # cuti bersama
    ],
)
def test_hours_start_outside_office_hours(start, expected):
    assert wd.add_working_hours(start, 1, WITH_CB) == expected


def test_zero_hours():
    inside = datetime(2026, 11, 23, 10, 15)
    assert wd.add_working_hours(inside, 0, WITH_CB) == inside
    saturday = datetime(2026, 11, 21, 10, 0)
    assert wd.add_working_hours(saturday, 0, WITH_CB) == datetime(2026, 11, 23, 8, 0)


def test_negative_hours():
    monday = datetime(2026, 11, 23, 9, 0)
    assert wd.add_working_hours(monday, -2, WITH_CB) == datetime(2026, 11, 20, 15, 0)
    assert wd.add_working_hours(monday, -1, WITH_CB) == datetime(2026, 11, 23, 8, 0)
    evening = datetime(2026, 11, 23, 20, 0)
    assert wd.add_working_hours(evening, -1, WITH_CB) == datetime(2026, 11, 23, 15, 0)
    idul_fitri = datetime(2026, 3, 25, 9, 0)
    assert wd.add_working_hours(idul_fitri, -2, WITH_CB) == datetime(2026, 3, 17, 15, 0)


def test_custom_office_hours():
    start = datetime(2026, 11, 20, 15, 0)  # Friday
    result = wd.add_working_hours(start, 1, WITH_CB, day_start=7.5, day_end=15.5)
    assert result == datetime(2026, 11, 23, 8, 0)


def test_invalid_office_hours_raise():
    with pytest.raises(ValueError, match="office hours"):
        wd.add_working_hours(datetime(2026, 11, 23, 9), 1, WITH_CB, 16.0, 8.0)


# --- working_hours_between and WorkingCalendar ---------------------------------

IDUL_FITRI_2026 = WITH_CB


def test_working_hours_between_spans_a_weekend():
    # Friday 20 Nov 2026 15:00 to Monday 23 Nov 10:00, offices 07:30-16:00.
    start, end = datetime(2026, 11, 20, 15), datetime(2026, 11, 23, 10)
    assert wd.working_hours_between(start, end, set(), 7.5, 16.0) == 3.5


def test_working_hours_between_skips_holidays_and_is_zero_backwards():
    start, end = datetime(2026, 3, 17, 15), datetime(2026, 3, 25, 8)
    assert wd.working_hours_between(start, end, IDUL_FITRI_2026, 8.0, 16.0) == 1.0
    assert wd.working_hours_between(end, start, IDUL_FITRI_2026) == 0.0


def test_working_hours_between_inverts_add_working_hours():
    start = datetime(2026, 11, 20, 9, 15)
    for hours in (0.5, 1, 7, 13.25, 40):
        end = wd.add_working_hours(start, hours, IDUL_FITRI_2026)
        assert wd.working_hours_between(start, end, IDUL_FITRI_2026) == hours


def test_working_calendar_bundles_the_functions():
    calendar = wd.WorkingCalendar(IDUL_FITRI_2026, (5, 6), 7.5, 16.0)
    assert calendar.add_days(date(2026, 3, 17), 1) == date(2026, 3, 25)
    assert calendar.days_between(date(2026, 3, 17), date(2026, 3, 25)) == 1
    assert calendar.add_hours(datetime(2026, 3, 17, 15, 30), 1) == datetime(
        2026, 3, 25, 8
    )
    assert (
        calendar.hours_between(datetime(2026, 3, 17, 15, 30), datetime(2026, 3, 25, 8))
        == 1
    )
