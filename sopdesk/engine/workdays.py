"""Working-day calendar and due times.

Times are stored in UTC and computed in the office's time zone. Indonesia has no daylight
saving, so WIB/WITA/WIT are fixed offsets (no tz database is needed on office PCs).
A "hari kerja" is Monday-Friday that is neither a national holiday nor cuti bersama (the
`holidays` package, Indonesia, categories public + government: engine.national_holidays)
nor a holiday the office added itself.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, datetime, time, timedelta, timezone

from sopdesk.catalog.waktu import Satuan, Waktu
from sopdesk.engine.national_holidays import NationalHolidays

ZONES = {
    "WIB": timezone(timedelta(hours=7), "WIB"),
    "WITA": timezone(timedelta(hours=8), "WITA"),
    "WIT": timezone(timedelta(hours=9), "WIT"),
}
OFFICE_OPENS = time(8, 0)


def zone(name: str) -> timezone:
    try:
        return ZONES[name]
    except KeyError:
        raise ValueError(f"zona waktu {name!r} tidak dikenal; pilih WIB, WITA atau WIT") from None


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


class WorkCalendar:
    """Which days are working days for one office."""

    def __init__(self, tz_name: str = "WIB",
                 office_holidays: Iterable[date] | Mapping[date, str] = ()):
        self.tz = zone(tz_name)
        self.tz_name = tz_name
        if not isinstance(office_holidays, Mapping):
            office_holidays = dict.fromkeys(office_holidays, "Libur kantor")
        self._office: dict[date, str] = dict(office_holidays)
        self._national = NationalHolidays()  # one country, a year at a time, cached

    def holiday_name(self, day: date) -> str | None:
        if day in self._office:
            return self._office[day]
        return self._national.get(day)

    def holidays_in(self, year: int) -> list[tuple[date, str]]:
        """Every day off of a year except weekends: national, cuti bersama and the office's."""
        days = dict(self._national.year(year))
        days.update({d: n for d, n in self._office.items() if d.year == year})
        return sorted(days.items())

    def is_working_day(self, day: date) -> bool:
        return day.weekday() < 5 and day not in self._office and day not in self._national

    def next_working_day(self, day: date) -> date:
        day += timedelta(days=1)
        while not self.is_working_day(day):
            day += timedelta(days=1)
        return day

    def add_working_days(self, start: datetime, days: int) -> datetime:
        """`days` working days after `start` (aware), at the same local time.

        Work that arrives on a day off is counted from the next working day's opening hour.
        """
        local = start.astimezone(self.tz)
        if not self.is_working_day(local.date()):
            first = self.next_working_day(local.date())
            local = datetime.combine(first, OFFICE_OPENS, self.tz)
        day = local.date()
        for _ in range(days):
            day = self.next_working_day(day)
        return datetime.combine(day, local.timetz()).astimezone(timezone.utc)

    def due(self, start: datetime, waktu: Waktu) -> datetime | None:
        """When a step (or deadline) that started at `start` is due; None if no standard."""
        if start.tzinfo is None:
            raise ValueError("start must be timezone-aware")
        match waktu.satuan:
            case Satuan.MENIT | Satuan.JAM:
                return (start + timedelta(minutes=waktu.minutes or 0)).astimezone(timezone.utc)
            case Satuan.HARI:
                return (start + timedelta(days=waktu.jumlah)).astimezone(timezone.utc)
            case Satuan.HARI_KERJA:
                return self.add_working_days(start, waktu.jumlah)
            case _:
                return None

    def local(self, moment: datetime) -> datetime:
        return moment.astimezone(self.tz)
