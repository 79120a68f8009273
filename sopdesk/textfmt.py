"""Indonesian formatting of dates, times and durations for screens and printouts."""

from __future__ import annotations

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


def durasi(delta: timedelta) -> str:
    """A short Indonesian duration: '2 hari 3 jam', '45 menit', 'terlambat 1 jam'."""
    late = delta.total_seconds() < 0
    seconds = int(abs(delta.total_seconds()))
    days, rest = divmod(seconds, 86400)
    hours, rest = divmod(rest, 3600)
    minutes = rest // 60
    parts = []
    if days:
        parts.append(f"{days} hari")
    if hours and days < 2:
        parts.append(f"{hours} jam")
    if not days and (minutes or not parts):
        parts.append(f"{minutes} menit")
    text = " ".join(parts)
    return f"terlambat {text}" if late else text
