"""The shell, the inbox and the cases screens, driven like a user (offscreen)."""

from __future__ import annotations

import pytest
from conftest import PASSWORD
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox

from sopdesk.engine import cases, queries
from sopdesk.gui.cases_page import CasesModel, CasesPage, CaseView, progress_of
from sopdesk.gui.context import GuiContext
from sopdesk.gui.inbox_model import InboxModel
from sopdesk.gui.inbox_page import InboxPage
from sopdesk.gui.login import LoginDialog, SetupDialog


def waiting_at_kasubag(ws, staff, count: int, clock) -> list[str]:
    """PP help-desk cases driven to step 4 (Kasubag), one every ten minutes."""
    numbers = []
    for n in range(count):
        number = cases.start_case(ws, staff["Help Desk"], "PP", f"Permohonan data {n}", entry="tamu",
                                  requester=f"Pemohon {n}")
        cases.complete(ws, staff["Help Desk"], number, cases.StepInput())
        cases.complete(ws, staff["Help Desk"], number, cases.StepInput())
        cases.complete(ws, staff["Komisioner"], number, cases.StepInput())
        numbers.append(number)
        clock.advance(minutes=10)
    return numbers


def test_setup_dialog_creates_office_and_administrator(qtbot, ws):
    dialog = SetupDialog(ws)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.office, "KPU Kota Kupang")
    dialog.timezone.setCurrentIndex(1)
    dialog.password.setText(PASSWORD)
    dialog.repeat.setText("lain-lain-1")
    dialog._submit()
    assert dialog.error.isVisibleTo(dialog) and "tidak sama" in dialog.error.text()
    dialog.repeat.setText(PASSWORD)
    dialog._submit()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert ws.is_set_up()
    assert ws.calendar.tz_name == "WITA"


def test_login_dialog_refuses_a_wrong_password_and_accepts_the_right_one(qtbot, ws, admin):
    dialog = LoginDialog(ws, "KPU Kota Kupang")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.username, "admin")
    qtbot.keyClicks(dialog.password, "salah-sandi")
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert "salah" in dialog.error.text()
    assert dialog.password.text() == ""
    qtbot.keyClicks(dialog.password, PASSWORD)
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert dialog.actor is not None and dialog.actor.username == "admin"


def test_inbox_lists_the_roles_work_by_due_time_and_marks_late_items(qtbot, ws, staff, clock):
    numbers = waiting_at_kasubag(ws, staff, 3, clock)
    clock.advance(minutes=20)  # the first arrivals are now past their 30 minutes
    page = InboxPage(GuiContext(ws, staff["Kasubag"]))
    qtbot.addWidget(page)
    model = page.model
    assert [model.row_at(r).case_number for r in range(model.rowCount())] == numbers
    late = model.index(0, 5).data()
    assert late.startswith("⚠ terlambat")
    assert model.index(2, 5).data().startswith("sisa")  # nearly due: a drawn clock, no emoji
    assert not model.index(2, 5).data(Qt.ItemDataRole.DecorationRole).isNull()
    assert model.index(0, 5).data(Qt.ItemDataRole.BackgroundRole) is not None
    assert "3 pekerjaan" in page.summary.text() and "2 terlambat" in page.summary.text()
    # sort by clicking the case-number header twice: descending
    header = page.table.horizontalHeader()
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=_center(header, 0))
    first = model.row_at(0).case_number
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=_center(header, 0))
    assert {first, model.row_at(0).case_number} == {numbers[0], numbers[-1]}
    page.overdue.setChecked(True)
    assert model.rowCount() == 2
    page.overdue.setChecked(False)
    qtbot.keyClicks(page.search, "Pemohon 1")
    page._search_timer.timeout.emit()
    assert [model.row_at(r).requester for r in range(model.rowCount())] == ["Pemohon 1"]


def _center(header, section):  # noqa: ANN001, ANN202
    from PySide6.QtCore import QPoint

    return QPoint(header.sectionViewportPosition(section) + header.sectionSize(section) // 2, header.height() // 2)


def test_inbox_claim_and_release_by_buttons(qtbot, ws, staff, clock):
    [number] = waiting_at_kasubag(ws, staff, 1, clock)
    ctx = GuiContext(ws, staff["Kasubag"])
    page = InboxPage(ctx)
    qtbot.addWidget(page)
    page.table.selectRow(0)
    assert page.claim_button.isEnabled() and not page.release_button.isEnabled()
    qtbot.mouseClick(page.claim_button, Qt.MouseButton.LeftButton)
    assert page.model.row_at(0).assignee == "kasubag"
    page.table.selectRow(0)
    assert page.release_button.isEnabled() and not page.claim_button.isEnabled()
    qtbot.mouseClick(page.release_button, Qt.MouseButton.LeftButton)
    assert page.model.row_at(0).assignee is None
    assert queries.case_detail(ws, number)["history"][-1]["action"] == "released"


def test_empty_inbox_says_so(qtbot, ws, staff):
    page = InboxPage(GuiContext(ws, staff["Staf"]))
    qtbot.addWidget(page)
    assert page.stack.currentWidget() is page.empty
    assert "Tidak ada pekerjaan yang menunggu untuk peran Staf" in page.findChild(QLabel, "inboxEmpty").text()


def test_a_refused_claim_is_shown_and_changes_nothing(qtbot, ws, staff, clock, make_user, monkeypatch):
    [number] = waiting_at_kasubag(ws, staff, 1, clock)
    cases.claim(ws, staff["Kasubag"], number)
    other = make_user("kasub2", "Kasubag")
    page = InboxPage(GuiContext(ws, other))
    qtbot.addWidget(page)
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: shown.append(args[2]))
    page.table.selectRow(0)
    page.assign_button.setEnabled(True)
    page._act(cases.claim)
    assert shown and "sedang dikerjakan oleh kasubag" in shown[0]
    assert page.model.row_at(0).assignee == "kasubag"


@pytest.mark.parametrize("model_class", [InboxModel, CasesModel])
def test_table_models_pass_the_model_tester(qtmodeltester, ws, staff, clock, model_class):
    waiting_at_kasubag(ws, staff, 3, clock)
    if model_class is InboxModel:
        model = InboxModel(ws)
        model.set_query(["Kasubag"], staff["Kasubag"].user_id)
    else:
        model = CasesModel(GuiContext(ws, staff["Kasubag"]))
        model.set_filters()
    assert model.rowCount() == 3
    qtmodeltester.check(model)


def test_cases_page_searches_and_case_view_shows_history_with_return_reason(qtbot, ws, staff, clock):
    numbers = waiting_at_kasubag(ws, staff, 2, clock)
    cases.return_to(ws, staff["Kasubag"], numbers[0], 3, "Disposisi belum jelas")
    ctx = GuiContext(ws, staff["Kasubag"])
    page = CasesPage(ctx)
    qtbot.addWidget(page)
    assert page.model.total == 2
    qtbot.keyClicks(page.search, "data 1")
    page._timer.timeout.emit()
    assert [page.model.row_at(r).number for r in range(page.model.rowCount())] == [numbers[1]]
    view = CaseView(ctx, numbers[0])
    qtbot.addWidget(view)
    texts = [view.history.item(r, 4).text() for r in range(view.history.rowCount())]
    assert "ke kegiatan 3: Disposisi belum jelas" in texts
    assert "Menunggu kegiatan 3" in view.header.text()


def test_progress_of_a_case_lists_done_current_and_path():
    items = [{"step": 1, "status": "done"}, {"step": 2, "status": "done"}, {"step": 3, "status": "returned"},
             {"step": 2, "status": "open"}]
    done, current, path = progress_of(items)
    assert done == {1, 2} and current == 2 and path == [(1, 2), (2, 3)]


def test_role_switch_is_one_click_and_updates_inbox_title_and_status(qtbot, ws, make_user, staff, clock):
    waiting_at_kasubag(ws, staff, 2, clock)
    from sopdesk.gui.main_window import MainWindow

    both = make_user("yosef", "Kasubag", "Sekretaris")
    window = MainWindow(GuiContext(ws, both))
    qtbot.addWidget(window)
    buttons = {b.property("role"): b for b in window.role_buttons.buttons()}
    assert buttons["Kasubag"].isChecked() and buttons["Kasubag"].text() == "Kasubag (2)"
    assert window.nav.item(0).text() == "Kotak Masuk (2)"
    qtbot.mouseClick(buttons["Sekretaris"], Qt.MouseButton.LeftButton)
    assert window.ctx.role == "Sekretaris"
    assert window.nav.item(0).text() == "Kotak Masuk (0)"
    assert "yosef sebagai Sekretaris" in window.windowTitle()
    assert "Peran: Sekretaris" in window.user_label.text() and "sqlite" in window.user_label.text()


def test_an_administrator_without_roles_starts_at_the_first_role_with_work(qtbot, ws, admin, staff, clock):
    # the demo's admin holds no role and sees every role; the window opened on "Help Desk (0)"
    # while Kasubag had work waiting
    waiting_at_kasubag(ws, staff, 2, clock)
    from sopdesk.gui.main_window import MainWindow

    window = MainWindow(GuiContext(ws, admin))
    qtbot.addWidget(window)
    buttons = {b.property("role"): b for b in window.role_buttons.buttons()}
    assert "Help Desk" in buttons and buttons["Help Desk"].text() == "Help Desk (0)"
    assert window.ctx.role == "Kasubag"
    assert buttons["Kasubag"].isChecked() and buttons["Kasubag"].text() == "Kasubag (2)"
    assert window.nav.item(0).text() == "Kotak Masuk (2)"
    assert "admin sebagai Kasubag" in window.windowTitle()


def test_inbox_status_filter_separates_taken_and_untaken_work(qtbot, ws, staff, clock):
    numbers = waiting_at_kasubag(ws, staff, 3, clock)
    cases.claim(ws, staff["Kasubag"], numbers[1])
    page = InboxPage(GuiContext(ws, staff["Kasubag"]))
    qtbot.addWidget(page)
    page.claimed.setCurrentIndex(2)  # Sedang dikerjakan
    assert [page.model.row_at(r).case_number for r in range(page.model.rowCount())] == [numbers[1]]
    page.claimed.setCurrentIndex(1)  # Belum diambil
    assert [page.model.row_at(r).case_number for r in range(page.model.rowCount())] == [numbers[0], numbers[2]]


def test_a_claim_in_the_window_runs_on_its_worker_and_is_announced_once(qtbot, ws, staff, clock, monkeypatch):
    """In the main window the inbox's actions run on the window's worker (gui.operation): the
    buttons are off meanwhile, the list and the counts follow once when it is done."""
    import threading

    from helpers.ops import wait_for_ops

    from sopdesk.gui import operation
    from sopdesk.gui.main_window import MainWindow

    waiting_at_kasubag(ws, staff, 1, clock)
    window = MainWindow(GuiContext(ws, staff["Kasubag"]))
    qtbot.addWidget(window)
    window.backup_on_exit = False
    window.show()
    inbox = window.page("inbox")
    inbox.table.selectRow(0)
    announced, threads, release = [], [], threading.Event()
    window.ctx.data_changed.connect(lambda: announced.append(1))
    real = cases.claim

    def slow_claim(*args):  # noqa: ANN002, ANN202
        threads.append(threading.current_thread())
        release.wait(10)
        return real(*args)

    monkeypatch.setattr(cases, "claim", slow_claim)
    qtbot.mouseClick(inbox.claim_button, Qt.MouseButton.LeftButton)
    assert operation.running(inbox)
    assert not inbox.claim_button.isEnabled() and not inbox.assign_button.isEnabled()
    release.set()
    wait_for_ops(qtbot)
    assert threads and threads[0] is not threading.main_thread()
    assert announced == [1]
    assert inbox.model.row_at(0).assignee == "kasubag"
    assert window.nav.item(0).text().startswith("Kotak Masuk (1)")
