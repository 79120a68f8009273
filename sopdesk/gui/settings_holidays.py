"""Pengaturan's Hari libur box: the days off of a year (national holidays and cuti bersama, which
sopdesk knows by itself, and the office's own) and, for administrators, the form that adds one of
the office's own (a kabupaten's anniversary, a regional day off), which every due time in "hari
kerja" then skips.

Before it, an office's own holiday could be added only with `sopdesk holiday add` on the command
line: an administrator working the desktop found no way to tell the program that the office is
closed on its kabupaten's anniversary, and the due times counted that day as a working day.
Its own module: settings_page.py was near its size limit."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sopdesk.engine import accounts
from sopdesk.gui.context import GuiContext
from sopdesk.gui.date_field import DateField
from sopdesk.gui.messages import error_label
from sopdesk.gui.operation import Operation
from sopdesk.textfmt import tanggal


class HolidayBox(QGroupBox):
    """The year's days off; the add form for administrators only (the engine refuses others)."""

    def __init__(self, ctx: GuiContext, parent: QWidget | None = None):
        super().__init__(self.tr("Hari libur"), parent)
        self.ctx = ctx
        today = ctx.ws.clock().astimezone(ctx.ws.calendar.tz).date()
        if ctx.is_admin:
            note = QLabel(self.tr("Libur nasional dan cuti bersama sudah diketahui sopdesk. Tambahkan hari "
                                  "libur khusus kantor ini (mis. hari jadi kabupaten): tenggat dalam hari "
                                  "kerja melewatinya."))
        else:  # not told to add what only an administrator may (Xvfb, the Kasubag)
            note = QLabel(self.tr("Libur nasional, cuti bersama dan hari libur kantor (dicatat oleh "
                                  "administrator): tenggat dalam hari kerja melewatinya."))
        note.setObjectName("holidayNote")
        note.setWordWrap(True)
        self.year = QSpinBox()
        self.year.setObjectName("holidayYear")
        self.year.setRange(2000, 2100)
        self.year.setValue(today.year)
        self.year.valueChanged.connect(self.load)
        ctx.calendar_changed.connect(self.load)  # another desk's holiday shows here too
        year_label = QLabel(self.tr("&Tahun"))
        year_label.setBuddy(self.year)
        year_row = QHBoxLayout()
        year_row.addWidget(year_label)
        year_row.addWidget(self.year)
        year_row.addStretch(1)
        self.table = QTableWidget(0, 3)
        self.table.setObjectName("holidays")
        self.table.setHorizontalHeaderLabels([self.tr("Tanggal"), self.tr("Keterangan"), self.tr("Jenis")])
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setTabKeyNavigation(False)  # Tab leaves the list, as in Pengguna
        self.table.setMinimumHeight(160)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addLayout(year_row)
        layout.addWidget(self.table, 1)
        if ctx.is_admin:
            layout.addLayout(self._add_row(today))
            self.error = error_label("holidayError")
            layout.addWidget(self.error)
            self.added = QLabel()
            self.added.setObjectName("holidayAdded")
            self.added.hide()
            layout.addWidget(self.added)
        self.load()

    def _add_row(self, today: date) -> QHBoxLayout:
        self.day = DateField()  # typed whole however the keyboard came in (gui.date_field)
        self.day.setObjectName("holidayDay")
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("dd-MM-yyyy")
        self.day.setDate(QDate(today.year, today.month, today.day))
        self.name = QLineEdit()
        self.name.setObjectName("holidayName")
        self.name.setPlaceholderText(self.tr("keterangan, mis. HUT Kabupaten Kupang"))
        self.name.returnPressed.connect(self.add)
        self.add_button = QPushButton(self.tr("Tambah hari libur kantor"))
        self.add_button.clicked.connect(self.add)
        self.name.textChanged.connect(self._typed)
        self.day.dateChanged.connect(self._typed)
        row = QHBoxLayout()
        day_label = QLabel(self.tr("Ta&nggal"))
        day_label.setBuddy(self.day)
        row.addWidget(day_label)
        row.addWidget(self.day)
        row.addWidget(self.name, 1)
        row.addWidget(self.add_button)
        return row

    def _typed(self) -> None:
        self.error.hide()
        self.added.hide()

    def load(self) -> None:
        rows = accounts.holidays_of_year(self.ctx.ws, self.year.value())
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            kind = self.tr("libur kantor") if row.own else self.tr("nasional / cuti bersama")
            for c, text in enumerate((tanggal(row.day), row.name, kind)):
                self.table.setItem(r, c, QTableWidgetItem(text))

    def add(self) -> None:
        ws, actor = self.ctx.ws, self.ctx.actor
        picked = self.day.date()
        day, name = date(picked.year(), picked.month(), picked.day()), self.name.text()
        self.added.hide()
        if not name.strip():  # said beside the field before asking the engine
            self.error.setText(self.tr("Tulis keterangan hari libur, mis. HUT Kabupaten Kupang."))
            self.error.show()
            self.name.setFocus()
            return
        Operation(self, self.ctx, lambda: accounts.add_office_holiday(ws, actor, day, name)) \
            .inline(self.error).disabling(self.add_button).success(lambda _: self._added(day)).run()

    def _added(self, day: date) -> None:
        self.name.clear()
        if self.year.value() != day.year:
            self.year.setValue(day.year)  # loads that year
        else:
            self.load()
        shown = tanggal(day)
        for r in range(self.table.rowCount()):
            item = self.table.item(r, 0)
            if item is not None and item.text() == shown:
                self.table.selectRow(r)
                self.table.scrollToItem(item)
        self.added.setText(self.tr("{0} dicatat sebagai hari libur kantor.").format(shown))
        self.added.show()
