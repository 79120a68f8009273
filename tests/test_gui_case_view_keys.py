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


def test_a_step_completed_from_the_case_record_is_said_in_the_status_bar(qtbot, ws, staff, monkeypatch):
    """Found on Xvfb as the Kasubag: Kasus → the record → Buka formulir kegiatan → Selesai, and
    nothing but the record's history said that the step had gone through; from Kotak Masuk the
    status bar says it. Now both say the same."""
    from helpers.ops import settle_ops

    from sopdesk.gui import cases_page
    from sopdesk.gui.main_window import MainWindow

    number = cases.start_case(ws, staff["Help Desk"], "PP", "Permohonan data DPT", entry="tamu", requester="Maria Ndun")
    for role in ("Help Desk", "Help Desk", "Komisioner"):
        cases.complete(ws, staff[role], number, StepInput())

    def complete(dialog: StepFormDialog) -> int:
        dialog.show()
        dialog.finish()
        settle_ops()  # the form's command runs on the window's worker
        return dialog.result()

    def view_and_complete(view: CaseView) -> int:
        view._open_form()
        return 0

    monkeypatch.setattr(StepFormDialog, "exec", complete)
    monkeypatch.setattr(cases_page.CaseView, "exec", view_and_complete)
    window = shown_active(qtbot, MainWindow(GuiContext(ws, staff["Kasubag"])))
    window.backup_on_exit = False
    window.go_to(window.PAGES.index("cases"))
    page = window.page("cases")
    page.focus_list()
    page.open_case()
    assert window.statusBar().currentMessage() == f"Kegiatan 4 {number} selesai; kasus ditutup"
