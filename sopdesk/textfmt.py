"""Indonesian formatting of dates, times and durations for screens and printouts."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

BULAN = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
         "September", "Oktober", "November", "Desember")
HARI = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")


def tanggal(day: date) -> str:
    """23 November 2026"""
    return f"{day.day} {BULAN[day.month - 1]} {day.year}"


def waktu_lokal(moment: datetime | None, tz) -> str:  # noqa: ANN001 - a tzinfo
    """23-11-2026 14:05 WITA (empty for None)."""
    if moment is None:
        return ""
    local = moment.astimezone(tz)
    return f"{local:%d-%m-%Y %H:%M} {local.tzname()}"


@dataclass(frozen=True)
class DurationWords:
    """The words of a duration, each a template for its number ({0}); the GUI passes the
    words of its language."""

    day: str = "{0} hari"
    hour: str = "{0} jam"
    minute: str = "{0} menit"
    late: str = "terlambat {0}"


def durasi(delta: timedelta, words: DurationWords = DurationWords()) -> str:  # noqa: B008 - frozen
    """A short duration: '2 hari 3 jam', '45 menit', 'terlambat 1 jam' (in Indonesian unless
    other words are given)."""
    late = delta.total_seconds() < 0
    seconds = int(abs(delta.total_seconds()))
    if late:
        seconds = max(seconds, 60)  # a row that has just turned late never reads 'terlambat 0 menit'
    days, rest = divmod(seconds, 86400)
    hours, rest = divmod(rest, 3600)
    minutes = rest // 60
    parts = []
    if days:
        parts.append(words.day.format(days))
    if hours and days < 2:
        parts.append(words.hour.format(hours))
    if not days and (minutes or not parts):
        parts.append(words.minute.format(minutes))
    text = " ".join(parts)
    return words.late.format(text) if late else text
