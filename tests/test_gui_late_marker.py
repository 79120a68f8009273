"""A passed due time is said one way (gui.markers) in the inbox, the step form and the case
record: 'terlambat …' in the one red, nothing before the due time or without one."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sopdesk.gui.markers import LATE_STYLE, late_by, late_html, met_late
from sopdesk.gui.messages import ERROR_COLOR

NOW = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)


def test_late_only_after_the_due_time():
    assert late_by(None, NOW) == ""
    assert late_by(NOW, NOW) == ""  # due this minute: not late yet
    assert late_by(NOW + timedelta(hours=1), NOW) == ""
    assert late_by(NOW - timedelta(days=22), NOW) == "terlambat 22 hari"


def test_the_record_shows_it_red_and_escaped_and_the_met_late_text():
    assert late_html("") == ""
    marked = late_html("terlambat <2> hari")
    assert marked.startswith(" — <span") and ERROR_COLOR in marked and "&lt;2&gt;" in marked
    assert ERROR_COLOR in LATE_STYLE and "bold" in LATE_STYLE
    assert met_late(3, "11-11-2026") == "terlambat 3 hari (11-11-2026)"

