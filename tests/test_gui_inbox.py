"""The inbox, the counts and the case list follow the clock and the other screens, keep the
clerk's place (selected item, scroll position), F5 reloads, and a completion from the inbox
moves on to the next row and says what happened (issue 9, point 4 and two cosmetic points)."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers.ops import settle_ops
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from sopdesk.engine import cases
from sopdesk.engine.cases import StepInput
from sopdesk.gui.cases_page import CasesPage
from sopdesk.gui.context import GuiContext
from sopdesk.gui.inbox_page import InboxPage
from sopdesk.gui.step_form import StepFormDialog


def waiting_at_kasubag(ws, staff, count: int, clock, minutes: int = 10) -> list[str]:
    """PP help-desk cases driven to step 4 (Kasubag, 30 minutes, then the case ends)."""
    numbers = []
    for n in range(count):
        number = cases.start_case(ws, staff["Help Desk"], "PP", f"Permohonan data {n}", entry="tamu",
                                  requester=f"Pemohon {n}")
        for role in ("Help Desk", "Help Desk", "Komisioner"):
            cases.complete(ws, staff[role], number, StepInput())
        numbers.append(number)
        clock.advance(minutes=minutes)
    return numbers


def at_step_8(ws, staff, count: int, clock) -> list[str]:
    """PP cases entered by letter, moved on to step 8 (Kasubag; step 9 is the Kasubag's too)."""
    numbers = []
    for n in range(count):
        number = cases.start_case(ws, staff["Help Desk"], "PP", f"Surat permohonan {n}", entry="surat")
        for role in ("Help Desk", "Komisioner", "Kasubag"):
            cases.complete(ws, staff[role], number, StepInput())
        numbers.append(number)
        clock.advance(minutes=1)
    return numbers


def inbox_page(qtbot, ws, actor) -> InboxPage:
    page = InboxPage(GuiContext(ws, actor))
    qtbot.addWidget(page)
    page.show()  # the clock ticks only for a window on screen
    return page


def shown_active(qtbot, window) -> None:  # noqa: ANN001
    """Shown and active, so that its shortcuts (F5, Enter on the table) work."""
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()


def selected(page) -> str | None:  # noqa: ANN001
    return page.selected_case()


def select(qtbot, table, row: int) -> None:
    """Click a row like the clerk does."""
    rect = table.visualRect(table.model().index(row, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def complete_in_form(monkeypatch) -> None:
    """The step form, as the clerk uses it: opened from the inbox, Selesai clicked."""
    def exec_(self):  # noqa: ANN001, ANN202
        self.show()
        self.finish()
        settle_ops()  # the form's command runs on the window's worker
        return self.result()

    monkeypatch.setattr(StepFormDialog, "exec", exec_)


# --- the clock ----------------------------------------------------------------------------------

def test_a_row_whose_due_time_passes_turns_late_at_the_next_tick(qtbot, ws, staff, clock):
    [number] = waiting_at_kasubag(ws, staff, 1, clock, minutes=0)
    page = inbox_page(qtbot, ws, staff["Kasubag"])
    assert page.clock_timer.isActive() and page.clock_timer.interval() <= 60_000
    clock.advance(minutes=29)
    page.clock_timer.timeout.emit()
    assert page.model.index(0, 5).data() == "sisa 1 menit"
    clock.advance(minutes=2)  # due time passed: no click, no filter change, only the clock
    page.clock_timer.timeout.emit()
    assert page.model.index(0, 5).data().startswith("⚠ terlambat")
    assert page.model.index(0, 5).data(Qt.ItemDataRole.BackgroundRole) is not None
    assert "1 terlambat" in page.summary.text()
    assert selected(page) == number


def test_counts_on_role_buttons_and_navigation_follow_the_clock(qtbot, ws, staff, clock):
    from sopdesk.gui.main_window import MainWindow

    waiting_at_kasubag(ws, staff, 2, clock, minutes=0)
    window = MainWindow(GuiContext(ws, staff["Kasubag"]))
    qtbot.addWidget(window)
    window.show()
    [button] = window.role_buttons.buttons()
    assert button.text() == "Kasubag (2)" and window.nav.item(0).text() == "Kotak Masuk (2)"
    assert window.clock_timer.isActive() and window.clock_timer.interval() <= 60_000
    clock.advance(minutes=31)
    window.clock_timer.timeout.emit()
    assert button.text() == "Kasubag (2) ⚠2"
    assert window.nav.item(0).text() == "Kotak Masuk (2) ⚠"


def test_case_list_follows_the_clock_for_other_desks_work(qtbot, ws, staff, clock):
    numbers = waiting_at_kasubag(ws, staff, 2, clock)
    page = CasesPage(GuiContext(ws, staff["Kasubag"]))
    qtbot.addWidget(page)
    page.show()
    assert page.clock_timer.isActive() and page.clock_timer.interval() <= 60_000
    cases.complete(ws, staff["Kasubag"], numbers[0], StepInput())  # another desk, no signal here
    page.clock_timer.timeout.emit()
    row = page.model.row_of(page.model.key(next(r for r in page.model._rows if r.number == numbers[0])))
    assert page.model.index(row, 4).data() == "selesai"


# --- changes made in other screens keep the clerk's place ---------------------------------------

def test_a_change_in_another_page_updates_inbox_and_counts_keeping_the_selected_item(qtbot, ws, staff, clock):
    from sopdesk.gui.main_window import MainWindow

    numbers = waiting_at_kasubag(ws, staff, 3, clock)
    window = MainWindow(GuiContext(ws, staff["Kasubag"]))
    qtbot.addWidget(window)
    window.show()
    inbox = window.page("inbox")
    select(qtbot, inbox.table, 2)
    assert selected(inbox) == numbers[2]
    # the Kasus screen: its case view's step form completes the first case
    window.page("cases")
    cases.complete(ws, staff["Kasubag"], numbers[0], StepInput())
    window.ctx.data_changed.emit()  # what the step form does after a completion
    [button] = window.role_buttons.buttons()
    assert button.text().startswith("Kasubag (2)")
    assert window.nav.item(0).text().startswith("Kotak Masuk (2)")
    assert [inbox.model.row_at(r).case_number for r in range(inbox.model.rowCount())] == numbers[1:]
    assert selected(inbox) == numbers[2]  # the same item, now in row 1 (not row 2, not row 0)
    assert inbox.open_button.isEnabled()


def test_selection_and_scroll_position_survive_a_refresh(qtbot, ws, staff, clock):
    numbers = waiting_at_kasubag(ws, staff, 30, clock, minutes=1)
    page = inbox_page(qtbot, ws, staff["Kasubag"])
    page.resize(900, 300)
    page.show()
    qtbot.waitExposed(page)
    bar = page.table.verticalScrollBar()
    assert bar.maximum() > 10
    select(qtbot, page.table, 5)
    bar.setValue(bar.maximum() - 2)
    value = bar.value()
    choice = selected(page)
    assert choice == numbers[5]
    page.ctx.data_changed.emit()
    assert selected(page) == choice and bar.value() == value
    clock.advance(minutes=1)
    page.clock_timer.timeout.emit()
    assert selected(page) == choice and bar.value() == value


def test_case_list_keeps_the_selected_case_when_data_changes(qtbot, ws, staff, clock):
    numbers = waiting_at_kasubag(ws, staff, 3, clock)
    page = CasesPage(GuiContext(ws, staff["Kasubag"]))
    qtbot.addWidget(page)
    page.show()
    select(qtbot, page.table, 1)
    before = page.model.row_at(1).number
    # a new case elsewhere in the window goes to the top of the list (newest first)
    newest = cases.start_case(ws, staff["Help Desk"], "PP", "Permohonan baru", entry="tamu")
    page.ctx.data_changed.emit()
    assert page.model.row_at(0).number == newest
    rows = page.table.selectionModel().selectedRows()
    assert [page.model.row_at(r.row()).number for r in rows] == [before]
    assert before in numbers


def test_f5_reloads_the_current_page_and_the_counts(qtbot, ws, staff, clock):
    from sopdesk.gui.main_window import MainWindow

    numbers = waiting_at_kasubag(ws, staff, 2, clock)
    window = MainWindow(GuiContext(ws, staff["Kasubag"]))
    qtbot.addWidget(window)
    shown_active(qtbot, window)
    inbox = window.page("inbox")
    cases.complete(ws, staff["Kasubag"], numbers[0], StepInput())  # another desk
    assert inbox.model.rowCount() == 2
    QTest.keyClick(window.windowHandle(), Qt.Key.Key_F5)
    assert [inbox.model.row_at(r).case_number for r in range(inbox.model.rowCount())] == numbers[1:]
    assert window.nav.item(0).text().startswith("Kotak Masuk (1)")
    assert window.statusBar().currentMessage() == "Dimuat ulang"


# --- completion from the inbox ------------------------------------------------------------------

def test_a_lane_of_a_joint_step_is_said_agreed_not_finished(qtbot, ws, staff, monkeypatch):
    """Seen on X as Kabag at RAKOR step 4 (with Sekretaris): the status bar said "Kegiatan 4 …
    selesai; lanjut ke 4 (Sekretaris)"; the step is not finished, Kabag agreed and Sekretaris
    completes it (as the CLI says)."""
    from sopdesk.gui.main_window import MainWindow

    number = cases.start_case(ws, staff["Ketua"], "RAKOR", "Rakor evaluasi Pemilu 2024")
    for no, role in ((1, "Ketua"), (2, "Sekretaris"), (3, "Kasubag")):
        cases.complete(ws, staff[role], number, StepInput(), step=no)
    window = MainWindow(GuiContext(ws, staff["Kabag"]))
    qtbot.addWidget(window)
    shown_active(qtbot, window)
    inbox = window.page("inbox")
    complete_in_form(monkeypatch)
    select(qtbot, inbox.table, 0)
    qtbot.keyClick(inbox.table, Qt.Key.Key_Return)
    assert window.statusBar().currentMessage() == f"Kegiatan 4 {number} disetujui; menunggu Sekretaris"


@pytest.mark.parametrize("screen", [1366, 1024])
def test_the_perihal_is_readable_at_1366x768_and_1024x768(qtbot, ws, staff, screen):
    """Seen on X at 1366x768: Perihal / pemohon, what tells ten cases at the same step apart,
    came last after Petugas and was 70 pixels wide, cut at the right edge. It now comes before
    Petugas with a readable width, inside the view; the time left stays third (1024x768). At
    1024x768 it was still off the right edge after Batas waktu and Sejak: it comes right after
    Sisa waktu."""
    from PySide6.QtCore import QRect

    from sopdesk.gui.geometry import fitted_rect
    from sopdesk.gui.main_window import MainWindow

    cases.start_case(ws, staff["Help Desk"], "PP", "Permohonan salinan DPT Kelurahan Oebobo", entry="tamu",
                     requester="Maria Ndun")
    window = MainWindow(GuiContext(ws, staff["Help Desk"]))
    qtbot.addWidget(window)
    window.backup_on_exit = False
    window.resize(fitted_rect(QRect(0, 0, screen, 768 - 30), window.PREFERRED_SIZE).size())
    window.show()
    qtbot.waitExposed(window)
    table = window.page("inbox").table
    perihal = [column.header for column in table.model().COLUMNS].index("Perihal / pemohon")
    start = table.columnViewportPosition(perihal)
    assert table.columnWidth(perihal) >= 160
    assert start >= 0 and start + table.columnWidth(perihal) <= table.viewport().width()
    left = [column.header for column in table.model().COLUMNS].index("Sisa waktu")
    assert table.columnWidth(left) >= 185  # "sisa kurang dari 1 menit" beside the clock


def test_after_completion_the_next_row_is_selected_and_the_status_bar_says_where_it_went(
        qtbot, ws, staff, clock, monkeypatch):
    from sopdesk.gui.main_window import MainWindow

    numbers = at_step_8(ws, staff, 3, clock)
    window = MainWindow(GuiContext(ws, staff["Kasubag"]))
    qtbot.addWidget(window)
    shown_active(qtbot, window)
    inbox = window.page("inbox")
    complete_in_form(monkeypatch)
    select(qtbot, inbox.table, 1)
    qtbot.keyClick(inbox.table, Qt.Key.Key_Return)
    assert window.statusBar().currentMessage() == f"Kegiatan 8 {numbers[1]} selesai; lanjut ke 9 (Kasubag)"
    assert selected(inbox) == numbers[2]  # the row after the completed one


def test_completing_the_last_step_says_the_case_is_closed(qtbot, ws, staff, clock, monkeypatch):
    from sopdesk.gui.main_window import MainWindow

    numbers = waiting_at_kasubag(ws, staff, 2, clock)
    window = MainWindow(GuiContext(ws, staff["Kasubag"]))
    qtbot.addWidget(window)
    shown_active(qtbot, window)
    inbox = window.page("inbox")
    complete_in_form(monkeypatch)
    select(qtbot, inbox.table, 1)  # the last row: the one before it takes the selection
    qtbot.keyClick(inbox.table, Qt.Key.Key_Return)
    assert window.statusBar().currentMessage() == f"Kegiatan 4 {numbers[1]} selesai; kasus ditutup"
    assert selected(inbox) == numbers[0]


def test_a_return_from_the_inbox_is_said_in_the_status_bar(qtbot, ws, staff, clock, monkeypatch):
    from sopdesk.gui.main_window import MainWindow

    numbers = waiting_at_kasubag(ws, staff, 2, clock)
    window = MainWindow(GuiContext(ws, staff["Kasubag"]))
    qtbot.addWidget(window)
    shown_active(qtbot, window)
    inbox = window.page("inbox")
    monkeypatch.setattr(StepFormDialog, "ask_return", lambda self: (3, "Disposisi belum jelas"))
    monkeypatch.setattr(StepFormDialog, "exec", lambda self: (self.return_step(), settle_ops(), self.result())[2])
    select(qtbot, inbox.table, 0)
    qtbot.keyClick(inbox.table, Qt.Key.Key_Return)
    # whose desk it is on now, not only the step's number (seen on Xvfb, session 18)
    assert window.statusBar().currentMessage() == f"Kasus {numbers[0]} dikembalikan ke kegiatan 3 (Komisioner)"
    assert selected(inbox) == numbers[1]


def test_every_column_is_in_view_at_1366x768(qtbot, ws, staff):
    """Seen on Xvfb at 1366x768 (session 18): Kotak Masuk and Kasus scrolled sideways, the
    Petugas header cut and Dimulai of the case list ~50 px wide off the right edge. Every column
    now fits the window there; the text columns (Kegiatan, Perihal) give up the room."""
    from PySide6.QtCore import QRect

    from sopdesk.gui.geometry import fitted_rect
    from sopdesk.gui.main_window import MainWindow

    cases.start_case(ws, staff["Help Desk"], "PP", "Permohonan salinan DPT Kelurahan Oebobo", entry="tamu",
                     requester="Maria Ndun")
    window = MainWindow(GuiContext(ws, staff["Help Desk"]))
    qtbot.addWidget(window)
    window.backup_on_exit = False
    window.resize(fitted_rect(QRect(0, 0, 1366, 768 - 30), window.PREFERRED_SIZE).size())
    window.show()
    qtbot.waitExposed(window)
    for name, header, minimum in (("inbox", "Perihal / pemohon", 160), ("cases", "Perihal", 200)):
        table = window.page(name).table  # shown, as after Ctrl+1 / Ctrl+3
        qtbot.waitUntil(lambda table=table: table.isVisible())
        perihal = [column.header for column in table.model().COLUMNS].index(header)
        last = max(range(table.model().columnCount()), key=table.columnViewportPosition)
        assert table.columnViewportPosition(last) + table.columnWidth(last) <= table.viewport().width()
        # Perihal stretched with 16 px to spare over its readable minimum: the side list is wider
        # under X's fonts than offscreen (a 1084 px view there, 1096 px here; the inbox overran by 11)
        assert table.columnWidth(perihal) >= minimum + 16, (name, table.columnWidth(perihal))


def test_engine_tells_the_role_the_next_step_waits_for(ws, staff, clock):
    [number] = at_step_8(ws, staff, 1, clock)
    done = cases.complete(ws, staff["Kasubag"], number, StepInput())
    assert (done.next_step, done.next_role) == (9, "Kasubag")
    [closing] = waiting_at_kasubag(ws, staff, 1, clock)
    done = cases.complete(ws, staff["Kasubag"], closing, StepInput())
    assert (done.next_step, done.next_role) == (None, None)


# --- cosmetic -----------------------------------------------------------------------------------

def _click_header(qtbot, header, section: int) -> None:  # noqa: ANN001
    pos = QPoint(header.sectionViewportPosition(section) + header.sectionSize(section) // 2, header.height() // 2)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=pos)


def test_case_list_sort_indicator_shows_the_column_really_sorted_by(qtbot, ws, staff, clock):
    waiting_at_kasubag(ws, staff, 3, clock)
    page = CasesPage(GuiContext(ws, staff["Kasubag"]))
    qtbot.addWidget(page)
    page.resize(1200, 600)  # wide enough for Dimulai, which gives way in a narrow window
    page.show()
    header = page.table.horizontalHeader()
    assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == (0, Qt.SortOrder.DescendingOrder)
    _click_header(qtbot, header, 6)  # Dimulai
    assert page.model._sort == "started" and header.sortIndicatorSection() == 6
    assert page.model.headerData(5, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole) == \
        "Kolom ini tidak dapat diurutkan"
    _click_header(qtbot, header, 5)  # Posisi sekarang: no order of its own, nothing changes
    assert page.model._sort == "started" and header.sortIndicatorSection() == 6
    _click_header(qtbot, header, 4)  # Status
    assert page.model._sort == "status" and header.sortIndicatorSection() == 4


@pytest.mark.parametrize("folder", ["sopdesk/gui", "sopdesk/reports"])
def test_no_alarm_clock_emoji_the_office_fonts_lack(folder):
    root = Path(__file__).resolve().parent.parent / folder
    offenders = [str(p) for p in root.rglob("*.py") if "\u23f0" in p.read_text(encoding="utf-8")]
    assert offenders == []


def test_ctrl_f_searches_and_down_takes_the_first_match_into_the_list(qtbot, ws, staff, clock):
    numbers = at_step_8(ws, staff, 3, clock)
    page = inbox_page(qtbot, ws, staff["Kasubag"])
    shown_active(qtbot, page)
    page.table.setFocus()
    QTest.keyClick(page, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert page.search.hasFocus()
    qtbot.keyClicks(page.search, numbers[1])
    QTest.keyClick(page.search, Qt.Key.Key_Down)  # no waiting for the search timer
    assert page.table.hasFocus()
    assert page.model.rowCount() == 1
    assert selected(page) == numbers[1]


def test_the_last_minute_before_the_due_time_does_not_read_sisa_0_menit(qtbot, ws, staff, clock):
    """Found by hand under Xvfb: a PP step 3 due in 40 seconds read "sisa 0 menit" in the inbox
    and its form, as if it were already due."""
    waiting_at_kasubag(ws, staff, 1, clock, minutes=0)
    page = inbox_page(qtbot, ws, staff["Kasubag"])
    clock.advance(minutes=29, seconds=20)
    page.clock_timer.timeout.emit()
    assert page.model.index(0, 5).data() == "sisa kurang dari 1 menit"


def test_a_closed_window_asks_the_store_nothing_when_its_clock_ticks(qtbot, ws, staff, clock):
    """A closed inbox (a signed-out user's window, a test's leftover) must not query a store
    that may be gone; it follows the clock again once shown."""
    waiting_at_kasubag(ws, staff, 1, clock, minutes=0)
    page = inbox_page(qtbot, ws, staff["Kasubag"])
    assert page.model.index(0, 5).data() == "sisa 30 menit"
    page.close()
    clock.advance(minutes=10)
    page.clock_timer.timeout.emit()
    assert page.model.index(0, 5).data() == "sisa 30 menit"
    page.show()
    page.clock_timer.timeout.emit()
    assert page.model.index(0, 5).data() == "sisa 20 menit"


def test_back_from_another_screen_the_inbox_shows_other_desks_work_at_once(qtbot, ws, staff, clock):
    # Xvfb: the Ketua, back from Surat & Ekspedisi, saw "Kotak Masuk (7)" over a list of 5 (two
    # letters registered at the help desk meanwhile) until the minute's tick
    numbers = waiting_at_kasubag(ws, staff, 2, clock)
    page = inbox_page(qtbot, ws, staff["Kasubag"])
    select(qtbot, page.table, 1)
    page.hide()  # another screen of the window
    cases.complete(ws, staff["Kasubag"], numbers[0], StepInput())  # another desk: no signal here
    new = waiting_at_kasubag(ws, staff, 1, clock)
    page.show()
    assert sorted(page.model.row_at(r).case_number for r in range(page.model.rowCount())) == [numbers[1], *new]
    assert selected(page) == numbers[1]  # the clerk's place kept
    assert page.summary.text().startswith("2 pekerjaan ditampilkan dari 2")


def test_ambil_lepas_and_alihkan_say_what_they_did(qtbot, ws, staff, clock, monkeypatch):
    # Xvfb at 1024x768: the Petugas column that changes is off the right edge; nothing said the
    # click had done anything
    from PySide6.QtWidgets import QInputDialog

    (number,) = waiting_at_kasubag(ws, staff, 1, clock)
    page = inbox_page(qtbot, ws, staff["Kasubag"])
    said: list[str] = []
    page.message.connect(said.append)
    select(qtbot, page.table, 0)
    qtbot.mouseClick(page.claim_button, Qt.MouseButton.LeftButton)
    assert said[-1] == f"{number} diambil oleh {staff['Kasubag'].username}"
    qtbot.mouseClick(page.release_button, Qt.MouseButton.LeftButton)
    assert said[-1] == f"{number} dilepas; kini dapat diambil pengguna lain berperan Kasubag"
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: (a[3][0], True))
    page.assign()
    assert said[-1].startswith(f"{number} dialihkan kepada ")
    assert len(said) == 3


def test_a_form_refused_because_another_desk_did_the_step_leaves_no_stale_row(qtbot, ws, staff, clock, monkeypatch):
    # Xvfb: the step was completed on another PC while the form was open; Selesai was refused
    # ("sudah diselesaikan oleh ..."), and after Batal the row still read step 4, late
    from PySide6.QtWidgets import QMessageBox

    numbers = waiting_at_kasubag(ws, staff, 2, clock)
    page = inbox_page(qtbot, ws, staff["Kasubag"])
    select(qtbot, page.table, 0)
    assert selected(page) == numbers[0]
    refusals: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: refusals.append(text))

    def exec_(self):  # noqa: ANN001, ANN202 - the form open while another desk completes the step
        self.show()
        cases.complete(ws, staff["Kasubag"], numbers[0], StepInput())
        self.finish()
        settle_ops()
        self.reject()
        return self.result()

    monkeypatch.setattr(StepFormDialog, "exec", exec_)
    page.open_form()
    assert refusals and "sudah diselesaikan" in refusals[0]
    assert [page.model.row_at(r).case_number for r in range(page.model.rowCount())] == [numbers[1]]
