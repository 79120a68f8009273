"""Marks put on texts. `QT_TRANSLATE_NOOP` as mypy should see it: PySide's stub says it returns
`object`, but it returns its text, and the marked strings are used as `str` (column headers,
labels that are translated later). Import it from here; lupdate still finds the calls by their name.

And the one way a passed due time is said, "terlambat 3 hari 2 jam" in the red of every error,
shared by the inbox (Sisa waktu), the step form (Tenggat kasus) and the case record: three
copies of it had been written, each a little different."""

from __future__ import annotations

from datetime import datetime
from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from sopdesk.gui.i18n import duration
from sopdesk.gui.messages import ERROR_STYLE

if TYPE_CHECKING:
    def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - Qt's name
        """The marker lupdate reads; returns its text."""
else:
    from PySide6.QtCore import QT_TRANSLATE_NOOP

__all__ = ["LATE_STYLE", "QT_TRANSLATE_NOOP", "late_by", "late_html", "met_late"]

LATE_STYLE = ERROR_STYLE  # red and bold: the style sheet of a late text, in rich text its span


def late_by(due: datetime | None, now: datetime) -> str:
    """'terlambat 3 hari 2 jam' once `due` has passed `now`, else '' (not due, or no due time)."""
    return duration(due - now) if due is not None and due < now else ""


def met_late(days: int, when: str) -> str:
    """'terlambat 3 hari (11-11-2026 10.00 WITA)': a deadline met `days` working days after its
    date, at `when` (shown as it is)."""
    return QCoreApplication.translate("Terlambat", "terlambat {0} hari ({1})").format(days, when)


def late_html(text: str) -> str:
    """' — ' and `text` in red (rich text, escaped), or '' when there is no text: the tail of a
    due time that has passed, as the case record shows it."""
    return f' — <span style="{LATE_STYLE}">{escape(text)}</span>' if text else ""
