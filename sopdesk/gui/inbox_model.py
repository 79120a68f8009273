"""Table model of a role's inbox: SQL sorts, filters and pages; rows are fetched 100 at a
time as the view scrolls (never the whole list).

"Now" is taken from the workspace clock at each refresh (the page refreshes every minute),
so a row turns late on screen when its due time passes. A nearly-due row is marked with a
small clock drawn by QPainter, not an emoji: the office PC's fonts show the alarm-clock
emoji (U+23F0) as an empty box."""

from __future__ import annotations

from datetime import datetime, tzinfo
from functools import cache
from typing import Any

from PySide6.QtCore import QObject, QPointF, Qt
from PySide6.QtGui import QBrush, QColor, QIcon, QPainter, QPen, QPixmap

from sopdesk.engine import queries
from sopdesk.engine.queries import InboxRow
from sopdesk.engine.workspace import Workspace
from sopdesk.gui.i18n import duration
from sopdesk.gui.markers import QT_TRANSLATE_NOOP, late_by
from sopdesk.gui.paged_model import Column, PagedTableModel
from sopdesk.textfmt import waktu_lokal

LATE = QColor("#f8d7da")
NEARLY = QColor("#fff3cd")


class InboxModel(PagedTableModel[InboxRow]):
    """A role's inbox, one named column each (sort keys of queries.SORTS)."""

    def __init__(self, ws: Workspace, parent: QObject | None = None):
        super().__init__("due", False, parent)
        self.ws = ws
        self._filters: dict[str, object] = {}
        self._roles: list[str] = []
        self._user_id: int | None = None
        self._now = ws.clock()
        columns: tuple[Column[InboxRow], ...] = (
            Column(QT_TRANSLATE_NOOP("InboxModel", "Nomor kasus"), "case", lambda row: row.case_number),
            Column(QT_TRANSLATE_NOOP("InboxModel", "SOP"), "sop", lambda row: row.sop),
            Column(QT_TRANSLATE_NOOP("InboxModel", "Kegiatan"), "step", _kegiatan, tooltip=self._kegiatan_tip),
            Column(QT_TRANSLATE_NOOP("InboxModel", "Sejak"), "since", lambda row: waktu_lokal(row.since, self._tz())),
            Column(QT_TRANSLATE_NOOP("InboxModel", "Batas waktu"), "due", self._due),
            Column(QT_TRANSLATE_NOOP("InboxModel", "Sisa waktu"), "due", self._time_left, tooltip=self._when_tip,
                   icon=lambda row: clock_icon() if row.state(self._now) == "hampir" else None),
            Column(QT_TRANSLATE_NOOP("InboxModel", "Petugas"), None, lambda row: row.assignee or "—"),
            Column(QT_TRANSLATE_NOOP("InboxModel", "Perihal / pemohon"), "title", _title,
                   tooltip=lambda row: row.title),
        )
        self.COLUMNS = columns

    def set_query(self, roles: list[str], user_id: int | None, *, mine: bool = False, overdue: bool = False,
                  sop: str | None = None, search: str | None = None, claimed: bool | None = None) -> None:
        self._roles, self._user_id = list(roles), user_id
        self._filters = {"mine": mine, "overdue": overdue, "sop": sop or None, "search": search or None,
                         "claimed": claimed}
        self.refresh()

    def _prepare(self) -> None:
        self._now = self.ws.clock()

    def _stamp(self) -> object:
        """The minute the time left and the late colours are counted from."""
        now: datetime | None = getattr(self, "_now", None)
        return None if now is None else now.replace(second=0, microsecond=0)

    def _query_filters(self) -> dict[str, Any]:
        filters = dict(self._filters)
        filters["overdue_at"] = self._now if filters.pop("overdue", False) else None
        return filters

    def _fetch(self, offset: int) -> list[InboxRow]:
        if not self._roles:
            return []
        return queries.inbox_page(self.ws, self._roles, self._user_id, sort=self._sort, descending=self._descending,
                                  limit=self.PAGE, offset=offset, **self._query_filters())

    def _count(self) -> int:
        if not self._roles:
            return 0
        return queries.inbox_total(self.ws, self._roles, self._user_id, **self._query_filters())

    def state(self, row: InboxRow) -> str:
        return row.state(self._now)

    def row_data(self, row: InboxRow, role: int) -> object:
        if role == Qt.ItemDataRole.BackgroundRole:
            state = row.state(self._now)
            if state == "terlambat":
                return QBrush(LATE)
            if state == "hampir":
                return QBrush(NEARLY)
            return None
        if role == Qt.ItemDataRole.UserRole:
            return row.case_number
        return None

    def _tz(self) -> tzinfo:
        return self.ws.calendar.tz

    def _due(self, row: InboxRow) -> str:
        """The nearer of the step's time and the case deadline, marked (issue #13)."""
        shown = waktu_lokal(row.nearest_due, self._tz()) or self.tr("tanpa batas")
        return self.tr("{0} (kasus)").format(shown) if row.due_is_case else shown

    def _time_left(self, row: InboxRow) -> str:
        due = row.nearest_due
        if due is None:
            return self.tr("tanpa standar waktu")
        if late := late_by(due, self._now):
            return "⚠ " + late  # on the row's red background
        return self.tr("sisa {0}").format(duration(due - self._now))  # nearly due: with the clock icon

    def _when_tip(self, row: InboxRow) -> str:
        """The time left's tooltip: the due time, since when and who works on it, what the
        columns that give way first in a narrow window (Batas waktu, Sejak, Petugas) say."""
        return self.tr("Batas waktu: {0}\nSejak: {1}\nPetugas: {2}").format(
            self._due(row), waktu_lokal(row.since, self._tz()), row.assignee or "—")

    def now(self) -> datetime:
        return self._now

    def _kegiatan_tip(self, row: InboxRow) -> str:
        """The whole step name; for a returned case also who sent it back, from where and why."""
        if not row.returned:
            return row.kegiatan
        returned = self.tr("Dikembalikan oleh {0} dari kegiatan {1}, {2}").format(
            row.returned_by or "?", row.returned_from, waktu_lokal(row.returned_at, self._tz()))
        return f"{row.kegiatan}\n{returned}\n" + self.tr("Alasan: {0}").format(row.return_reason)


def _kegiatan(row: InboxRow) -> str:
    """Step number and name; a case sent back here (Kembalikan) is marked "↩ "."""
    return f"{'↩ ' if row.returned else ''}{row.step_no}. {row.kegiatan}"


def _title(row: InboxRow) -> str:
    return row.title if not row.requester else f"{row.title} — {row.requester}"


@cache
def clock_icon() -> QIcon:
    """A small clock face (the 'nearly due' mark), drawn so that no font is needed."""
    pixmap = QPixmap(32, 32)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(QColor("#8a5a00"), 3))
    painter.setBrush(QColor("#ffffff"))
    painter.drawEllipse(QPointF(16, 16), 13, 13)
    painter.drawLine(QPointF(16, 16), QPointF(16, 7))   # minute hand
    painter.drawLine(QPointF(16, 16), QPointF(22, 19))  # hour hand
    painter.end()
    return QIcon(pixmap)
