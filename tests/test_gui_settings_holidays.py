"""Pengaturan's Hari libur box: an administrator adds the office's own day off on the desktop
(before, only `sopdesk holiday add` could), and a due time in hari kerja then skips it."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QLabel, QLineEdit

from sopdesk.engine import accounts
from sopdesk.gui.context import GuiContext
from sopdesk.gui.settings_page import SettingsPage
from sopdesk.gui.worker import Worker


@pytest.fixture
def worker():
    thread = Worker()
    yield thread
    thread.stop()


def _rows(box) -> list[tuple[str, str, str]]:
    table = box.table
    return [tuple(table.item(r, c).text() for c in range(3)) for r in range(table.rowCount())]


def test_an_administrator_adds_the_offices_own_holiday_from_pengaturan(qtbot, ws, admin, worker):
    """Xvfb (h3, session 23): Pengaturan had paper and backups but no holidays: the kabupaten's
    anniversary counted as a working day in every due time."""
    page = SettingsPage(GuiContext(ws, admin), worker)
    qtbot.addWidget(page)
    box = page.holiday_box
    assert [(d, k) for d, _, k in _rows(box)][0] == ("1 Januari 2026", "nasional / cuti bersama")
    assert ws.calendar.is_working_day(date(2026, 3, 4))
    box.day.setDate(QDate(2026, 3, 4))
    name = box.findChild(QLineEdit, "holidayName")
    qtbot.keyClicks(name, "HUT Kabupaten Kupang")
    qtbot.keyClick(name, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: ("4 Maret 2026", "HUT Kabupaten Kupang", "libur kantor") in _rows(box))
    assert box.added.isVisibleTo(box) and "4 Maret 2026" in box.added.text()
    assert name.text() == ""
    assert not ws.calendar.is_working_day(date(2026, 3, 4))  # due times skip it now


def test_a_holiday_without_a_name_or_twice_is_refused_beside_the_form(qtbot, ws, admin, worker):
    page = SettingsPage(GuiContext(ws, admin), worker)
    qtbot.addWidget(page)
    box = page.holiday_box
    box.day.setDate(QDate(2026, 5, 20))
    box.add_button.click()
    assert "keterangan" in box.error.text().lower() and box.error.isVisibleTo(box)
    assert [h for h in accounts.holidays_of_year(ws, 2026) if h.own] == []
    accounts.add_office_holiday(ws, admin, date(2026, 5, 20), "Hari jadi")
    box.name.setText("Hari jadi lagi")
    box.add_button.click()
    qtbot.waitUntil(lambda: box.error.isVisibleTo(box))
    assert "sudah tercatat" in box.error.text()


def test_others_see_the_days_off_but_no_form(qtbot, ws, admin, make_user, worker):
    kasubag = make_user("kasubag", "Kasubag")
    accounts.add_office_holiday(ws, admin, date(2026, 8, 9), "HUT Kabupaten Kupang")
    page = SettingsPage(GuiContext(ws, kasubag), worker)
    qtbot.addWidget(page)
    assert ("9 Agustus 2026", "HUT Kabupaten Kupang", "libur kantor") in _rows(page.holiday_box)
    assert page.holiday_box.findChild(QLineEdit, "holidayName") is None
    assert "Tambahkan" not in page.holiday_box.findChild(QLabel, "holidayNote").text()


def test_the_date_is_typed_whole_after_shift_tab_from_the_name(qtbot, ws, admin, worker):
    """Xvfb (h3): Shift+Tab from the name selected the year; "07052026" typed went nowhere and
    the holiday would have been added on the date already shown."""
    page = SettingsPage(GuiContext(ws, admin), worker)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    page.activateWindow()
    box = page.holiday_box
    box.name.setFocus()
    qtbot.waitUntil(box.name.hasFocus)
    qtbot.keyClick(box.name, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert box.day.hasFocus()
    qtbot.keyClicks(box.day, "07052026")
    assert box.day.date() == QDate(2026, 5, 7)
