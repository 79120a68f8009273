"""A date is typed whole ("07052026") however the keyboard came into the field: Shift+Tab
selected the year and a click put the cursor without a selection, and the digits changed
nothing (Xvfb, h3, Pengaturan's Hari libur)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QDate, QDateTime, QPoint, Qt, QTime
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QVBoxLayout, QWidget

from sopdesk.gui.date_field import DateField, DateTimeField


def form(qtbot, field):  # noqa: ANN001, ANN201
    page = QWidget()
    before, after = QLineEdit(), QLineEdit()
    column = QVBoxLayout(page)
    for widget in (before, field, after):
        column.addWidget(widget)
    qtbot.addWidget(page)
    page.show()
    page.activateWindow()
    qtbot.waitExposed(page)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is page)
    field.page = page  # kept alive with the field
    return before, after


def date_field() -> DateField:
    field = DateField(QDate(2026, 1, 1))
    field.setDisplayFormat("dd-MM-yyyy")
    return field


def test_typed_whole_after_shift_tab(qtbot):
    field = date_field()
    _before, after = form(qtbot, field)
    after.setFocus()
    qtbot.waitUntil(after.hasFocus)
    qtbot.keyClick(after, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(field.hasFocus)
    QTest.keyClicks(field, "07052026")
    assert field.date() == QDate(2026, 5, 7)


@pytest.mark.parametrize("reason", [Qt.FocusReason.BacktabFocusReason, Qt.FocusReason.OtherFocusReason,
                                    Qt.FocusReason.ShortcutFocusReason])
def test_typed_whole_after_any_focus(qtbot, reason):
    field = date_field()
    form(qtbot, field)
    field.setFocus(reason)
    qtbot.waitUntil(field.hasFocus)
    QTest.keyClicks(field, "07052026")
    assert field.date() == QDate(2026, 5, 7)


def test_typed_whole_after_a_click_on_the_year(qtbot):
    field = date_field()
    before, _after = form(qtbot, field)
    before.setFocus()
    qtbot.waitUntil(before.hasFocus)
    edit = field.findChild(QLineEdit)  # what the mouse lands on (on X the press is the line edit's)
    year = QPoint(edit.width() // 2 + 10, edit.height() // 2)  # "2026" of "01-01-2026"
    QTest.mouseClick(edit, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, year)
    qtbot.waitUntil(lambda: field.hasFocus() and edit.selectedText() == "01")  # the day, to type over
    QTest.keyClicks(field, "07052026")
    assert field.date() == QDate(2026, 5, 7)
    # a second click, in the field that has the keyboard: the section clicked takes the digits
    QTest.mouseClick(edit, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, year)
    qtbot.waitUntil(lambda: edit.selectedText() == "2026")
    QTest.keyClicks(field, "2027")
    assert field.date() == QDate(2027, 5, 7)


def test_date_and_time_typed_whole_after_shift_tab(qtbot):
    field = DateTimeField(QDateTime(QDate(2026, 1, 1), QTime(8, 0)))
    field.setDisplayFormat("dd-MM-yyyy HH:mm")
    form(qtbot, field)
    field.setFocus(Qt.FocusReason.BacktabFocusReason)
    qtbot.waitUntil(field.hasFocus)
    QTest.keyClicks(field, "070520260930")
    assert field.dateTime() == QDateTime(QDate(2026, 5, 7), QTime(9, 30))
