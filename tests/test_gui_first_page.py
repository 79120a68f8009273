"""The screen the main window opens on: the Help Desk clerk with nothing in the inbox starts
at Meja Layanan with the cursor in Nama (they logged in to an empty "Kotak Masuk (0)" every
time); a user with inbox work, or one whose roles register no visitors, starts at the inbox."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from test_gui_helpdesk import desk_window as shown

from sopdesk.engine import cases, queries


def test_the_help_desk_clerk_with_an_empty_inbox_starts_at_meja_layanan_typing_a_name(qtbot, ws, staff):
    window = shown(qtbot, ws, staff["Help Desk"])
    assert window.nav.currentRow() == window.PAGES.index("helpdesk")
    assert window.nav.item(0).text() == "Kotak Masuk (0)"  # the inbox still says it is empty
    assert "inbox" not in window._pages  # not built: nothing of it is read on the way in
    page = window.page("helpdesk")
    assert window.stack.currentWidget() is page
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.fields["name"])  # as the window shows
    window.take_keyboard()  # what the Shell does once the window has painted: the cursor stays there
    assert QApplication.focusWidget() is page.fields["name"]
    qtbot.keyClicks(QApplication.focusWidget(), "Maria Ndun")
    assert page.fields["name"].text() == "Maria Ndun"
    # the inbox is one key away, as before
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentWidget() is window.page("inbox")


def test_the_decision_reads_the_count_the_navigation_already_read(qtbot, ws, staff, monkeypatch):
    asked: list[list[str]] = []
    original = queries.inbox_counts

    def counted(ws_, roles, now):  # noqa: ANN001, ANN202
        asked.append(list(roles))
        return original(ws_, roles, now)

    monkeypatch.setattr(queries, "inbox_counts", counted)
    window = shown(qtbot, ws, staff["Help Desk"])
    assert window.first_page() == "helpdesk"
    # GuiContext's choice of the role and the navigation's count: nothing more on the way in
    assert asked == [window.ctx.roles] * 2


def test_the_help_desk_clerk_with_work_waiting_starts_at_the_inbox(qtbot, ws, staff):
    number = cases.start_case(ws, staff["Help Desk"], "PP", "Permohonan salinan DPT", entry="tamu")
    window = shown(qtbot, ws, staff["Help Desk"])
    assert window.nav.currentRow() == 0
    inbox = window.page("inbox")
    assert window.stack.currentWidget() is inbox
    assert inbox.model.rowCount() == 1 and number in inbox.model.data(inbox.model.index(0, 0))


def test_a_user_whose_roles_register_no_visitors_starts_at_the_empty_inbox(qtbot, ws, staff):
    window = shown(qtbot, ws, staff["Kasubag"])
    assert window.nav.item(0).text() == "Kotak Masuk (0)"
    assert window.nav.currentRow() == 0
    assert window.stack.currentWidget() is window.page("inbox")


def test_an_administrator_without_a_role_of_their_own_starts_at_the_inbox(qtbot, ws, admin, staff):
    window = shown(qtbot, ws, admin)
    assert "Help Desk" in window.ctx.roles  # they see every role, the Help Desk's too
    assert window.nav.item(0).text() == "Kotak Masuk (0)"
    assert window.nav.currentRow() == 0


def test_a_help_desk_clerk_who_also_holds_a_role_with_work_starts_at_the_inbox(qtbot, ws, staff, make_user):
    clerk = make_user("loket", "Help Desk", "Komisioner")
    number = cases.start_case(ws, staff["Help Desk"], "PP", "Permohonan data", entry="tamu")
    for _ in range(2):  # steps 1 and 2 are the Help Desk's, step 3 the Komisioner's
        cases.complete(ws, staff["Help Desk"], number, cases.StepInput())
    window = shown(qtbot, ws, clerk)
    assert window.ctx.role == "Komisioner"  # the first role with work (GuiContext)
    assert window.nav.currentRow() == 0
