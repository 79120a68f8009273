"""A step form on screen says, when the window's watch sees another desk's change
(gui.desk_changes emits GuiContext.elsewhere_changed), that its step was completed at another
desk: who and when, Selesai and Simpan draf disabled, the typing left in view. Before, the
Kasubag typed on and learned it only from the refusal at Selesai (Xvfb, two processes on one
office)."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel
from test_gui_inbox import inbox_page, waiting_at_kasubag

from sopdesk.engine import cases, queries
from sopdesk.engine.cases import StepInput
from sopdesk.engine.step_gone import acted_on_elsewhere
from sopdesk.gui.step_form import StepFormDialog


def test_the_open_form_says_another_desk_completed_its_step(qtbot, ws, staff, clock):
    first, _second = waiting_at_kasubag(ws, staff, 2, clock)
    page = inbox_page(qtbot, ws, staff["Kasubag"])
    page.table.selectRow(next(n for n in range(page.model.rowCount()) if page.model.row_at(n).case_number == first))
    seen: dict[str, object] = {}

    def meanwhile() -> None:
        form = QApplication.activeModalWidget()
        assert isinstance(form, StepFormDialog) and form.case_number == first
        page.ctx.elsewhere_changed.emit()  # the watch, nothing changed yet: the form as it was
        seen["before"] = form.findChild(QLabel, "goneBanner")
        cases.complete(ws, staff["Kasubag"], first, StepInput(note="di meja lain"))  # another process
        page.ctx.elsewhere_changed.emit()
        banner = form.findChild(QLabel, "goneBanner")
        seen["text"] = banner.text() if banner else None
        seen["finish"], seen["draft"] = form.finish_button.isEnabled(), form.draft_button.isEnabled()
        page.ctx.elsewhere_changed.emit()  # said once
        seen["form"] = form
        seen["banners"] = len([b for b in form.findChildren(QLabel) if b.objectName() == "goneBanner"])
        form.reject()

    QTimer.singleShot(0, meanwhile)
    page.open_form()
    assert seen["before"] is None
    assert isinstance(seen["text"], str) and f"Kegiatan 4 {first} sudah diselesaikan oleh" in seen["text"]
    assert seen["finish"] is False and seen["draft"] is False
    assert seen["banners"] == 1
    closed = seen["form"]
    page.ctx.elsewhere_changed.emit()  # closed: the form no longer asks
    assert len([b for b in closed.findChildren(QLabel) if b.objectName() == "goneBanner"]) == 1


def test_a_step_still_waiting_or_come_back_is_told_apart(ws, staff, clock):
    (number,) = waiting_at_kasubag(ws, staff, 1, clock)
    item = next(i for i in queries.case_detail(ws, number)["items"] if i["status"] == "open")
    assert acted_on_elsewhere(ws, number, item["step"], item["since"]) is None
    assert acted_on_elsewhere(ws, number, item["step"] + 1, item["since"]) is not None  # not this step


def test_a_form_opened_from_a_case_in_kasus_is_told_too(qtbot, ws, staff, clock):
    """Kasus > Lihat kasus > Buka formulir kegiatan: the form opened from a case record hears
    the window's watch too, as one opened over Kotak Masuk does."""
    from sopdesk.gui.cases_page import CasesPage, CaseView
    from sopdesk.gui.context import GuiContext

    (number,) = waiting_at_kasubag(ws, staff, 1, clock)
    page = CasesPage(GuiContext(ws, staff["Kasubag"]))
    qtbot.addWidget(page)
    page.show()
    page.table.selectRow(next(n for n in range(page.model.rowCount()) if page.model.row_at(n).number == number))
    seen: dict[str, object] = {}

    def in_the_form() -> None:
        form = QApplication.activeModalWidget()
        assert isinstance(form, StepFormDialog) and form.case_number == number
        cases.complete(ws, staff["Kasubag"], number, StepInput(note="di meja lain"))  # another process
        page.ctx.elsewhere_changed.emit()
        banner = form.findChild(QLabel, "goneBanner")
        seen["text"] = banner.text() if banner else None
        seen["finish"] = form.finish_button.isEnabled()
        form.reject()

    def in_the_case() -> None:
        view = QApplication.activeModalWidget()
        assert isinstance(view, CaseView)
        QTimer.singleShot(0, in_the_form)
        view._open_form()
        view.reject()

    QTimer.singleShot(0, in_the_case)
    page.open_case()
    assert isinstance(seen["text"], str) and f"Kegiatan 4 {number} sudah diselesaikan oleh" in seen["text"]
    assert seen["finish"] is False
    page.ctx.elsewhere_changed.emit()  # the case and its form closed: nothing asks, nothing fails
