"""The step form of a case with an extendable case deadline: 'Perpanjang tenggat…' was the
first push button that may be a dialog's default, so Qt made it the form's default button and
Enter in any field (Nomor dokumen, say) opened the extension dialog. Enter in a field neither
opens it nor completes the step; a click still does. A choice that makes the case rahasia
says so beside it."""

from __future__ import annotations

import shutil

import pytest
from helpers import ppid_office
from helpers.active import shown_active
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton

from sopdesk.engine import cases
from sopdesk.engine.accounts import add_user
from sopdesk.engine.cases import StepInput
from sopdesk.engine.queries import case_detail
from sopdesk.engine.workspace import Workspace
from sopdesk.gui.context import GuiContext
from sopdesk.gui.deadline_dialog import ExtendDeadlineDialog
from sopdesk.gui.step_form import StepFormDialog


@pytest.fixture
def ppid_desk(tmp_path, clock):
    """An office with the PPID SOP (tests/fixtures/catalog) and its petugas: (ws, petugas, a new case)."""
    data = tmp_path / "data"
    (data / "sop_catalog").mkdir(parents=True)
    shutil.copy(ppid_office.FIXTURE, data / "sop_catalog" / ppid_office.FIXTURE.name)
    ws = Workspace.open(data, clock=clock)
    try:
        admin = ws.setup("KPU Kabupaten Belu", "WITA", "admin", ppid_office.PASSWORD)
        add_user(ws, admin, "petugas", ppid_office.PASSWORD, ["Petugas PPID"])
        petugas = ws.login("petugas", ppid_office.PASSWORD)
        yield ws, petugas, cases.start_case(ws, petugas, "PPID", "Permohonan salinan DPT")
    finally:
        ws.close()


def test_enter_in_a_field_does_not_open_the_extension_dialog(qtbot, ppid_desk, monkeypatch):
    ws, petugas, number = ppid_desk
    opened = []
    monkeypatch.setattr(ExtendDeadlineDialog, "exec", lambda dialog: opened.append(1) or 0)
    form = StepFormDialog(GuiContext(ws, petugas), number)
    qtbot.addWidget(form)
    form.show()
    extend = form.findChild(QPushButton, "extend_jawaban")
    assert extend is not None and not extend.isDefault() and not extend.autoDefault()
    field = form.findChild(QLineEdit, "outputNumber_1")
    field.setFocus()
    qtbot.keyClicks(field, "045/PPID/2026")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert opened == []  # Enter in the field opened 'Perpanjang tenggat' before
    assert all(i["status"] != "done" for i in case_detail(ws, number)["items"])  # nor completed
    qtbot.mouseClick(extend, Qt.MouseButton.LeftButton)
    assert opened == [1]  # the button itself still opens it


def test_a_choice_that_makes_the_case_confidential_says_so_before_it_is_chosen(qtbot, ppid_desk):
    ws, petugas, number = ppid_desk
    cases.complete(ws, petugas, number, StepInput(on_behalf=True))
    cases.complete(ws, petugas, number, StepInput())
    form = StepFormDialog(GuiContext(ws, petugas), number)  # step 3: is the information exempt?
    qtbot.addWidget(form)
    ya = form.findChild(QLabel, "choiceRoute_1").text()
    tidak = form.findChild(QLabel, "choiceRoute_2").text()
    assert "kegiatan 4" in ya and "kasus menjadi rahasia" in ya
    assert "kegiatan 6" in tidak and "rahasia" not in tidak


def test_after_an_extension_the_keyboard_is_in_the_first_field_again(qtbot, ppid_desk, monkeypatch):
    """Found on Xvfb as the Kasubag: the 'Perpanjang tenggat…' button pressed goes with the
    deadlines box rebuilt after the extension, and the keyboard went nowhere: the document
    number typed next was lost. The first field of the form takes it, as when the form opens."""
    from PySide6.QtWidgets import QApplication

    ws, petugas, number = ppid_desk

    def extend(dialog: ExtendDeadlineDialog) -> int:
        dialog.reason.setPlainText("Data DPT masih direkap KPU Provinsi")
        dialog.submit()
        return dialog.result()

    monkeypatch.setattr(ExtendDeadlineDialog, "exec", extend)
    form = shown_active(qtbot, StepFormDialog(GuiContext(ws, petugas), number))
    first = QApplication.focusWidget()
    assert first is not None
    extend_button = form.findChild(QPushButton, "extend_jawaban")
    extend_button.setFocus()
    qtbot.keyClick(extend_button, Qt.Key.Key_Space)
    assert "diperpanjang 1 kali" in form.deadlines_box.findChild(QLabel, "deadline_jawaban").text()
    assert QApplication.focusWidget() is first


def test_the_first_field_is_drawn_as_focused_when_the_form_opens(qtbot, ppid_desk):
    """Found on Xvfb as the Kasubag: a form opened by Enter from the inbox had the keyboard in
    its first kelengkapan tick, but Qt draws a check box's focus only after a Tab: no cursor was
    seen anywhere. The form shows where the keyboard is from the start."""
    from PySide6.QtWidgets import QApplication, QCheckBox, QStyle, QStyleOptionButton

    ws, petugas, number = ppid_desk
    form = shown_active(qtbot, StepFormDialog(GuiContext(ws, petugas), number))  # kept: qtbot holds it weakly
    first = QApplication.focusWidget()
    assert isinstance(first, QCheckBox) and form.isAncestorOf(first)

    def drawn_focused() -> bool:
        option = QStyleOptionButton()
        first.initStyleOption(option)  # what the style draws the focus by
        return bool(option.state & QStyle.StateFlag.State_HasFocus
                    and option.state & QStyle.StateFlag.State_KeyboardFocusChange)

    qtbot.waitUntil(drawn_focused)  # once the window is active (the event loop's next turn)
