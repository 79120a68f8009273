"""The lembar disposisi dialog by keyboard (Xvfb, the Ketua at 1024x768, /tmp/h2/s/41-43):
the arrow keys went by the boxes' geometry (Up from an indented sub-bagian skipped lines,
Left went to the previous unit of the list, not to the other column), so the Ketua ticked
units he did not mean; the units and the instruction had no Alt key."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from sopdesk.engine import letters
from sopdesk.gui.context import GuiContext
from sopdesk.gui.letters.disposition_dialog import DispositionDialog


@pytest.fixture
def dialog(qtbot, ws, staff):
    letters.register_incoming(ws, staff["Staf"], letters.IncomingForm(sender="Bawaslu Kota Kupang",
                                                                      subject="Permintaan data DPT"))
    dialog = DispositionDialog(GuiContext(ws, staff["Ketua"]), "SM/2026/0001")
    qtbot.addWidget(dialog)
    with qtbot.waitActive(dialog):
        dialog.show()
        dialog.activateWindow()
    return dialog


def test_up_and_down_go_line_by_line_in_a_column_left_and_right_to_the_other(qtbot, dialog):
    divisions, secretariat = dialog.unit_columns
    assert len(divisions) > 2 and len(secretariat) > 4
    start = secretariat[4]  # an indented line
    start.setFocus()
    qtbot.waitUntil(start.hasFocus)
    QTest.keyClick(start, Qt.Key.Key_Up)
    assert secretariat[3].hasFocus()
    QTest.keyClick(secretariat[3], Qt.Key.Key_Down)
    QTest.keyClick(secretariat[4], Qt.Key.Key_Down)
    assert secretariat[5].hasFocus()
    QTest.keyClick(secretariat[5], Qt.Key.Key_Left)
    assert divisions[min(5, len(divisions) - 1)].hasFocus()
    QTest.keyClick(dialog.focusWidget(), Qt.Key.Key_Right)
    assert secretariat[min(5, len(divisions) - 1)].hasFocus()
    QTest.keyClick(dialog.focusWidget(), Qt.Key.Key_Space)
    assert dialog.chosen() == [next(k for k, box in dialog.units.items() if box is dialog.focusWidget())]


def test_alt_d_goes_to_the_units_and_alt_i_back_to_the_instruction(qtbot, dialog):
    assert dialog.instruction.hasFocus()
    QTest.keyClick(dialog, Qt.Key.Key_D, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: dialog.focusWidget() in dialog.units.values())
    QTest.keyClick(dialog.focusWidget(), Qt.Key.Key_I, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(dialog.instruction.hasFocus)
