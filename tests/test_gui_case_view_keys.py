"""The case record by keyboard (found on Xvfb as the Kasubag): Enter in Kasus opens the record,
and a second Enter opened the print preview of the lembar kendali, the button that had the
focus. Now the history has the keyboard; Enter opens the step form when this desk has the
step waiting, else closes the record; printing takes its own button."""

from __future__ import annotations

from helpers.active import shown_active
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from sopdesk.engine import cases
from sopdesk.engine.cases import StepInput
from sopdesk.gui.cases_page import CaseView
from sopdesk.gui.context import GuiContext
from sopdesk.gui.step_form import StepFormDialog


def record(qtbot, ws, actor, number: str, monkeypatch) -> tuple[CaseView, list[str]]:
    done: list[str] = []
    monkeypatch.setattr(CaseView, "print_sheet", lambda view: done.append("cetak"))
    monkeypatch.setattr(StepFormDialog, "exec", lambda dialog: done.append("formulir") or 0)
    return shown_active(qtbot, CaseView(GuiContext(ws, actor), number)), done


def test_enter_in_the_record_opens_the_form_of_the_step_waiting_here(qtbot, ws, staff, monkeypatch):
    number = cases.start_case(ws, staff["Help Desk"], "PP", "Permohonan data DPT", entry="tamu", requester="Maria Ndun")
    for role in ("Help Desk", "Help Desk", "Komisioner"):
        cases.complete(ws, staff[role], number, StepInput())
    view, done = record(qtbot, ws, staff["Kasubag"], number, monkeypatch)
    assert QApplication.focusWidget() is view.history
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert done == ["formulir"]


def test_enter_in_the_record_of_another_desks_step_closes_it_without_printing(qtbot, ws, staff, monkeypatch):
    number = cases.start_case(ws, staff["Help Desk"], "PP", "Permohonan data DPT", entry="tamu", requester="Maria Ndun")
    view, done = record(qtbot, ws, staff["Kasubag"], number, monkeypatch)  # waiting at the help desk
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert done == [] and not view.isVisible()
