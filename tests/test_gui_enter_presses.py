"""Enter presses the focused push button on every page of the main window (installed once, on
the window: the letters registers and the Katalog had been left without it, each page installing
its own), and in the step form, whose buttons are not auto-default."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QPushButton
from test_gui_helpdesk import desk_window  # the main window, shown and active

from sopdesk.engine import cases
from sopdesk.gui.context import GuiContext
from sopdesk.gui.step_form import StepFormDialog


def spied(button: QPushButton) -> list[bool]:
    """The button's own action is left out (a dialog would wait for a user); the clicks are counted."""
    pressed: list[bool] = []
    button.clicked.disconnect()
    button.clicked.connect(lambda: pressed.append(True))
    return pressed


@pytest.mark.parametrize("key", ["letters", "catalog"])
@pytest.mark.parametrize("enter", [(Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier),
                                   (Qt.Key.Key_Enter, Qt.KeyboardModifier.KeypadModifier)])
def test_enter_presses_the_focused_button_of_the_letters_and_the_catalog(qtbot, ws, staff, admin, key, enter):
    window = desk_window(qtbot, ws, staff["Ketua"] if key == "letters" else admin)  # the admin's Tambah SOP…
    page = window.page(key)
    if key == "letters":
        page.tabs.setCurrentIndex(2)  # Buku ekspedisi: Cetak buku ekspedisi is enabled with no line
    buttons = [b for b in page.findChildren(QPushButton) if b.isVisible() and b.isEnabled()]
    assert buttons, f"no button shown on {key}"
    button = buttons[0]
    pressed = spied(button)
    button.setFocus()
    qtbot.keyClick(button, *enter)
    assert pressed == [True], button.text()
    # with a modifier (Ctrl+Enter, Shift+Enter) the button is not pressed
    qtbot.keyClick(button, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert pressed == [True]


def test_enter_in_a_field_of_a_page_presses_no_button(qtbot, ws, staff):
    window = desk_window(qtbot, ws, staff["Ketua"])
    page = window.page("letters")
    field = next(f for f in page.findChildren(QLineEdit) if f.isVisible() and f.isEnabled())
    pressed = [spied(b) for b in page.findChildren(QPushButton) if b.isVisible() and b.isEnabled()]
    field.setFocus()
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert not any(pressed)


def test_enter_on_the_step_forms_batal_closes_it(qtbot, ws, staff):
    """Enter in a field must not complete the step, so no button is auto-default; then Enter on
    a focused button (Tab to Batal) did nothing."""
    number = cases.start_case(ws, staff["Help Desk"], "PP", "Permohonan salinan DPT", entry="surat",
                              requester="Maria Lende")
    dialog = StepFormDialog(GuiContext(ws, staff["Help Desk"]), number)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.cancel_button.setFocus()
    qtbot.keyClick(dialog.cancel_button, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    assert QApplication.activeModalWidget() is None
