"""Working days and due times: weekends, national holidays, cuti bersama and the office's
own holidays are skipped; times are computed in the office's zone and returned in UTC."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from sopdesk.catalog import parse_waktu
from sopdesk.engine.workdays import WorkCalendar

UTC = timezone.utc
WIB = timezone(timedelta(hours=7))
WITA = timezone(timedelta(hours=8))
WIT = timezone(timedelta(hours=9))


@pytest.fixture(scope="module")
def wita() -> WorkCalendar:
    return WorkCalendar("WITA")


def local(day: date, hour: int, minute: int = 0, tz: timezone = WITA) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=tz)


# --- which days are working days -------------------------------------------------------


@pytest.mark.parametrize(
    "day",
    [date(2026, 3, 2), date(2026, 3, 6), date(2026, 3, 25), date(2026, 8, 18),
     date(2026, 12, 28)],
)
def test_ordinary_weekdays_are_working_days(wita, day):
    assert wita.is_working_day(day)
    assert wita.holiday_name(day) is None


@pytest.mark.parametrize("day", [date(2026, 3, 7), date(2026, 3, 8), date(2027, 1, 2)])
def test_weekends_are_not_working_days(wita, day):
    assert not wita.is_working_day(day)


@pytest.mark.parametrize(
    ("day", "name_part"),
    [
        (date(2026, 8, 17), "Kemerdekaan"),  # Independence Day, a Monday
        (date(2026, 12, 25), "Natal"),  # Christmas, a Friday
        (date(2026, 1, 1), "Tahun Baru"),
    ],
)
def test_national_holidays_are_not_working_days(wita, day, name_part):
    assert day.weekday() < 5
    assert not wita.is_working_day(day)
    assert name_part in wita.holiday_name(day)


@pytest.mark.parametrize(
    "day",
    [date(2026, 3, 20), date(2026, 3, 23), date(2026, 3, 24),  # Idul Fitri joint leave
     date(2026, 12, 24)],  # Christmas joint leave
)
def test_cuti_bersama_is_not_a_working_day(wita, day):
    assert day.weekday() < 5
    assert not wita.is_working_day(day)
    assert "Cuti Bersama" in wita.holiday_name(day)


def test_office_added_holiday_is_not_a_working_day():
    office_day = date(2026, 3, 3)  # a plain Tuesday
    calendar = WorkCalendar("WITA", office_holidays=[office_day])
    assert not calendar.is_working_day(office_day)
    assert calendar.holiday_name(office_day) == "Libur kantor"
    assert WorkCalendar("WITA").is_working_day(office_day)  # only for that office


# --- adding working days ----------------------------------------------------------------


def test_add_working_days_keeps_the_local_time(wita):
    start = local(date(2026, 3, 2), 9, 30)  # Monday
    due = wita.add_working_days(start, 2)
    assert due == local(date(2026, 3, 4), 9, 30)
    assert due.utcoffset() == timedelta(0)  # returned in UTC


def test_friday_plus_one_working_day_is_monday(wita):
    due = wita.add_working_days(local(date(2026, 3, 6), 14, 15), 1)
    assert wita.local(due) == local(date(2026, 3, 9), 14, 15)


def test_work_arriving_on_saturday_counts_from_monday_opening(wita):
    arrival = local(date(2026, 3, 7), 15, 40)  # Saturday afternoon
    assert wita.add_working_days(arrival, 0) == local(date(2026, 3, 9), 8, 0)
    assert wita.add_working_days(arrival, 1) == local(date(2026, 3, 10), 8, 0)


def test_work_arriving_on_a_holiday_counts_from_the_next_working_day(wita):
    arrival = local(date(2026, 8, 17), 10, 0)  # Independence Day (Monday)
    assert wita.add_working_days(arrival, 1) == local(date(2026, 8, 19), 8, 0)


@pytest.mark.parametrize(
    ("start", "expected"),
    [
        # Tue 17 Mar 2026 -> 18 cuti Nyepi, 19 Nyepi, 20 cuti, weekend, 23-24 cuti -> Wed 25
        (date(2026, 3, 17), date(2026, 3, 25)),
        # Fri 14 Aug 2026 -> weekend, Mon 17 Independence Day -> Tue 18
        (date(2026, 8, 14), date(2026, 8, 18)),
        # Wed 23 Dec 2026 -> 24 cuti bersama, 25 Christmas, weekend -> Mon 28
        (date(2026, 12, 23), date(2026, 12, 28)),
    ],
)
def test_holidays_and_cuti_bersama_are_skipped(wita, start, expected):
    assert wita.add_working_days(local(start, 10, 0), 1) == local(expected, 10, 0)


def test_office_holiday_is_skipped():
    calendar = WorkCalendar("WITA", office_holidays=[date(2026, 3, 3)])
    due = calendar.add_working_days(local(date(2026, 3, 2), 11, 0), 1)
    assert due == local(date(2026, 3, 4), 11, 0)


def test_the_local_date_decides_not_the_utc_date():
    # Friday 6 March 2026 16:30 UTC is still Friday 23:30 in WIB but already Saturday in
    # WITA (00:30) and WIT (01:30)
    moment = datetime(2026, 3, 6, 16, 30, tzinfo=UTC)
    assert WorkCalendar("WIB").add_working_days(moment, 1) == local(
        date(2026, 3, 9), 23, 30, WIB)
    assert WorkCalendar("WITA").add_working_days(moment, 1) == local(
        date(2026, 3, 10), 8, 0, WITA)
    assert WorkCalendar("WIT").add_working_days(moment, 1) == local(
        date(2026, 3, 10), 8, 0, WIT)


# --- due times from a waktu -------------------------------------------------------------

FRIDAY_AFTERNOON = local(date(2026, 3, 6), 16, 50)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("5 Menit", local(date(2026, 3, 6), 16, 55)),
        ("60 menit", local(date(2026, 3, 6), 17, 50)),
        ("1 Jam", local(date(2026, 3, 6), 17, 50)),
        ("2 Jam", local(date(2026, 3, 6), 18, 50)),
        # a plain "Hari" is a calendar day, weekend or not
        ("1 Hari", local(date(2026, 3, 7), 16, 50)),
        ("5 Hari", local(date(2026, 3, 11), 16, 50)),
        ("1 Hari setelah pelaksanaan Rakor/Raker", local(date(2026, 3, 7), 16, 50)),
        # "Hari Kerja" skips the weekend
        ("1 Hari Kerja", local(date(2026, 3, 9), 16, 50)),
        ("2 Hari kerja", local(date(2026, 3, 10), 16, 50)),
    ],
)
def test_due_for_each_unit(wita, text, expected):
    due = wita.due(FRIDAY_AFTERNOON, parse_waktu(text))
    assert due == expected
    assert due.utcoffset() == timedelta(0)  # stored in UTC


@pytest.mark.parametrize("text", ["-", "Sesuai dengan jadwal pelaksanaan Raker/Rakor"])
def test_no_due_time_without_a_standard(wita, text):
    assert wita.due(FRIDAY_AFTERNOON, parse_waktu(text)) is None


@pytest.mark.parametrize(
    "text", ["5 Menit", "1 Jam", "1 Hari", "2 Hari kerja", "-"]
)
def test_naive_start_is_refused(wita, text):
    with pytest.raises(ValueError):
        wita.due(datetime(2026, 3, 2, 9, 0), parse_waktu(text))


# --- time zones -------------------------------------------------------------------------


@pytest.mark.parametrize(("name", "hours"), [("WIB", 7), ("WITA", 8), ("WIT", 9)])
def test_zone_offsets(name, hours):
    calendar = WorkCalendar(name)
    moment = datetime(2026, 3, 2, 1, 0, tzinfo=UTC)
    assert calendar.local(moment).utcoffset() == timedelta(hours=hours)
    assert calendar.local(moment).hour == 1 + hours


@pytest.mark.parametrize(("name", "utc_hour"), [("WIB", 2), ("WITA", 1), ("WIT", 0)])
def test_due_is_returned_in_utc(name, utc_hour):
    calendar = WorkCalendar(name)
    tz = timezone(timedelta(hours={"WIB": 7, "WITA": 8, "WIT": 9}[name]))
    start = datetime(2026, 3, 2, 9, 0, tzinfo=tz)  # Monday 09:00 local
    due = calendar.due(start, parse_waktu("1 Hari Kerja"))
    assert due.tzinfo is not None and due.utcoffset() == timedelta(0)
    assert (due.date(), due.hour) == (date(2026, 3, 3), utc_hour)
    assert calendar.local(due).time() == time(9, 0)


def test_unknown_zone_is_refused():
    with pytest.raises(ValueError, match="WIB, WITA atau WIT"):
        WorkCalendar("UTC")


# --- property ---------------------------------------------------------------------------

CALENDARS = {name: WorkCalendar(name) for name in ("WIB", "WITA", "WIT")}


@settings(max_examples=300, deadline=None)
@given(
    zone_name=st.sampled_from(sorted(CALENDARS)),
    start=st.datetimes(
        min_value=datetime(2025, 1, 1),
        max_value=datetime(2027, 12, 31, 23, 59, 59),
        timezones=st.sampled_from([UTC, WIB, WITA, WIT]),
    ),
    n=st.integers(min_value=1, max_value=15),
)
@example(zone_name="WIB", start=datetime(2026, 3, 17, 23, 59, tzinfo=WIB), n=1)
@example(zone_name="WITA", start=datetime(2026, 12, 31, 23, 0, tzinfo=UTC), n=15)
def test_due_is_n_working_days_later(zone_name, start, n):
    calendar = CALENDARS[zone_name]
    due = calendar.add_working_days(start, n)
    start_local, due_local = calendar.local(start), calendar.local(due)

    assert due.utcoffset() == timedelta(0)
    assert due > start
    assert calendar.is_working_day(due_local.date())
    counted = 0
    day = start_local.date() + timedelta(days=1)
    while day <= due_local.date():
        counted += calendar.is_working_day(day)
        day += timedelta(days=1)
    if calendar.is_working_day(start_local.date()):
        assert counted == n
        assert due_local.time() == start_local.time()
    else:
        # arrived on a day off: counted from the next working day's opening, which is
        # itself a working day between start and due
        assert counted == n + 1
        assert due_local.time() == time(8, 0)
    # same answer through due() with a "Hari Kerja" waktu
    assert calendar.due(start, parse_waktu(f"{n} Hari Kerja")) == due
