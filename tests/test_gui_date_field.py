"""Tab in a date field goes to the next field (#9 point 5): a QDateEdit keeps Tab for its
day/month/year sections, so a clerk tabbing through a letter dialog was caught in it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication, QDateEdit, QDateTimeEdit, QLineEdit, QVBoxLayout, QWidget

import sopdesk.gui
from sopdesk.gui.context import GuiContext
from sopdesk.gui.date_field import DateField, DateTimeField
from sopdesk.gui.letters.incoming_dialog import IncomingDialog
from sopdesk.gui.letters.outgoing_dialog import OutgoingDialog
from sopdesk.gui.printing import PeriodDialog


def shown(qtbot, widget: QWidget) -> QWidget:
    qtbot.addWidget(widget)
    widget.show()
    widget.activateWindow()
    qtbot.waitExposed(widget)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is widget)
    return widget


def press(qtbot, key: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier) -> QWidget:  # noqa: ANN001
    qtbot.keyClick(QApplication.focusWidget(), key, modifier)
    return QApplication.focusWidget()


@pytest.mark.parametrize("field_class", [DateField, DateTimeField])
def test_tab_moves_to_the_next_field_and_typing_still_fills_the_sections(qtbot, field_class):
    form = QWidget()
    before, after = QLineEdit(), QLineEdit()
    date = field_class()
    date.setDisplayFormat("dd-MM-yyyy" if field_class is DateField else "dd-MM-yyyy HH:mm")
    column = QVBoxLayout(form)
    for widget in (before, date, after):
        column.addWidget(widget)
    shown(qtbot, form)
    date.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is date)
    qtbot.keyClicks(date, "05032026" if field_class is DateField else "050320260930")
    assert date.date() == QDate(2026, 3, 5)  # the sections fill as the digits come
    assert press(qtbot, Qt.Key.Key_Tab) is after
    assert press(qtbot, Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier) is date
    assert press(qtbot, Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier) is before


def test_tab_walks_through_the_dates_of_the_incoming_letter_dialog(qtbot, ws, staff):
    dialog = shown(qtbot, IncomingDialog(GuiContext(ws, staff["Help Desk"])))
    dialog.has_date.setChecked(True)
    dialog.letter_date.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.letter_date)
    assert press(qtbot, Qt.Key.Key_Tab) is dialog.received  # one Tab, not three sections
    assert press(qtbot, Qt.Key.Key_Tab) is dialog.classification
    assert press(qtbot, Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier) is dialog.received
    assert press(qtbot, Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier) is dialog.letter_date


def test_tab_leaves_the_dates_of_the_outgoing_letter_and_period_dialogs(qtbot, ws, staff):
    outgoing = shown(qtbot, OutgoingDialog(GuiContext(ws, staff["Staf"])))
    assert isinstance(outgoing.letter_date, DateField)
    outgoing.letter_date.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is outgoing.letter_date)
    assert press(qtbot, Qt.Key.Key_Tab) is not outgoing.letter_date
    outgoing.close()

    period = shown(qtbot, PeriodDialog(None, "Buku tamu"))
    period.start.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is period.start)
    assert press(qtbot, Qt.Key.Key_Tab) is period.end
    assert press(qtbot, Qt.Key.Key_Tab) is not period.end


def test_every_date_field_of_the_screens_is_one_that_tabs_out():
    """No screen builds a bare QDateEdit/QDateTimeEdit (their Tab walks the sections)."""
    gui = Path(sopdesk.gui.__file__).parent
    bare = re.compile(r"\bQ(?:Date|DateTime|Time)Edit\(")
    offenders = [f"{path.name}:{number}" for path in sorted(gui.glob("*.py")) if path.name != "date_field.py"
                 for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
                 if bare.search(line)]
    assert offenders == []
    assert issubclass(DateField, QDateEdit) and issubclass(DateTimeField, QDateTimeEdit)
