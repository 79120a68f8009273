"""Dates and durations as the screens and printouts write them."""

from __future__ import annotations

from datetime import date, timedelta

from sopdesk.textfmt import DurationWords, durasi, tanggal

ENGLISH = DurationWords(day="{0} d", hour="{0} h", minute="{0} min", late="overdue by {0}")


def test_a_duration_names_days_and_hours_but_drops_minutes_once_there_are_days():
    assert durasi(timedelta(days=1, hours=3, minutes=20)) == "1 hari 3 jam"
    assert durasi(timedelta(days=4, hours=3)) == "4 hari"
    assert durasi(timedelta(hours=2, minutes=5)) == "2 jam 5 menit"
    assert durasi(timedelta(seconds=20)) == "0 menit"


def test_a_negative_duration_is_late():
    assert durasi(timedelta(minutes=-45)) == "terlambat 45 menit"


def test_a_duration_in_other_words():
    assert durasi(timedelta(days=1, hours=3), ENGLISH) == "1 d 3 h"
    assert durasi(timedelta(minutes=-45), ENGLISH) == "overdue by 45 min"


def test_a_date_in_indonesian():
    assert tanggal(date(2026, 8, 17)) == "17 Agustus 2026"


def test_a_step_that_has_just_turned_late_is_late_by_a_minute_not_zero():
    assert durasi(timedelta(seconds=-5)) == "terlambat 1 menit"
    assert durasi(timedelta(seconds=-59)) == "terlambat 1 menit"
    assert durasi(timedelta(seconds=59)) == "0 menit"
