"""The keys that take a search box's user into the list, and open the line selected there, are
one helper (gui.shortcuts) for Kotak Masuk, Kasus and the letter registers: Down, Return and
the keypad's Enter alike (Kotak Masuk and Kasus had forgotten the keypad's Enter, which the
letter registers knew; an office keyboard's number block is where a clerk's right hand rests)."""

from __future__ import annotations

import pytest
from helpers.active import shown_active
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from sopdesk.engine import cases
from sopdesk.engine.cases import StepInput
from sopdesk.gui.context import GuiContext
from sopdesk.gui.enter_presses import enter_presses_buttons

KEYPAD = Qt.KeyboardModifier.KeypadModifier
KEYS = [(Qt.Key.Key_Down, Qt.KeyboardModifier.NoModifier), (Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier),
        (Qt.Key.Key_Enter, KEYPAD)]


def at_kasubag(ws, staff) -> list[str]:
    numbers = []
    for n, requester in enumerate(("Maria Ndun", "Yosef Tefa")):
        number = cases.start_case(ws, staff["Help Desk"], "PP", f"Permohonan data {n}", entry="tamu",
                                  requester=requester)
        for role in ("Help Desk", "Help Desk", "Komisioner"):
            cases.complete(ws, staff[role], number, StepInput())
        numbers.append(number)
    return numbers


@pytest.mark.parametrize(("key", "modifier"), KEYS)
def test_inbox_search_keys_take_the_list_with_the_match_selected(qtbot, ws, staff, key, modifier):
    from sopdesk.gui.inbox_page import InboxPage

    wanted = at_kasubag(ws, staff)[1]
    page = InboxPage(GuiContext(ws, staff["Kasubag"]))
    shown_active(qtbot, page)
    page.search.setFocus()
    qtbot.keyClicks(page.search, "Tefa")
    qtbot.keyClick(page.search, key, modifier)  # at once: not left to the search's timer
    assert QApplication.focusWidget() is page.table
    assert page.selected_case() == wanted


def test_keypad_enter_in_the_inbox_list_opens_the_selected_case(qtbot, ws, staff, monkeypatch):
    from sopdesk.gui.inbox_page import InboxPage
    from sopdesk.gui.step_form import StepFormDialog

    wanted = at_kasubag(ws, staff)[0]
    shown: list[str] = []
    monkeypatch.setattr(StepFormDialog, "exec", lambda dialog: shown.append(dialog.case_number) or 0)
    page = InboxPage(GuiContext(ws, staff["Kasubag"]))
    shown_active(qtbot, page)
    page.table.setFocus()
    page.table.selectRow(next(n for n in range(page.model.rowCount()) if page.model.row_at(n).case_number == wanted))
    qtbot.keyClick(page.table, Qt.Key.Key_Enter, KEYPAD)
    assert shown == [wanted]


@pytest.mark.parametrize(("key", "modifier"), KEYS)
def test_case_list_search_keys_take_the_list_and_keypad_enter_opens_the_case(qtbot, ws, staff, monkeypatch,
                                                                            key, modifier):
    from sopdesk.gui import cases_page
    from sopdesk.gui.cases_page import CasesPage

    wanted = at_kasubag(ws, staff)[1]
    opened: list[str] = []
    monkeypatch.setattr(cases_page.CaseView, "exec", lambda view: opened.append(view.number) or 0)
    page = CasesPage(GuiContext(ws, staff["Kasubag"]))
    shown_active(qtbot, page)
    page.search.setFocus()
    qtbot.keyClicks(page.search, "Tefa")
    qtbot.keyClick(page.search, key, modifier)
    assert QApplication.focusWidget() is page.table
    assert [page.model.row_at(r.row()).number for r in page.table.selectionModel().selectedRows()] == [wanted]
    qtbot.keyClick(page.table, Qt.Key.Key_Enter, KEYPAD)
    assert opened == [wanted]


@pytest.mark.parametrize("key", [Qt.Key.Key_Return, Qt.Key.Key_Enter])
def test_enter_on_a_focused_button_of_the_inbox_and_the_case_list_presses_it(qtbot, ws, staff, monkeypatch, key):
    """A page is not a dialog: Enter on Ambil (Tab from the list) did nothing, only Space did."""
    from sopdesk.gui import cases_page
    from sopdesk.gui.cases_page import CasesPage
    from sopdesk.gui.inbox_page import InboxPage

    number = at_kasubag(ws, staff)[0]
    inbox = InboxPage(GuiContext(ws, staff["Kasubag"]))
    shown_active(qtbot, inbox)
    enter_presses_buttons(inbox)  # as the main window does for all its pages
    said: list[str] = []
    inbox.message.connect(said.append)
    inbox.table.selectRow(next(n for n in range(inbox.model.rowCount()) if inbox.model.row_at(n).case_number == number))
    inbox.claim_button.setFocus()
    qtbot.keyClick(inbox.claim_button, key)
    qtbot.waitUntil(lambda: said == [f"{number} diambil oleh {staff['Kasubag'].username}"])

    opened: list[str] = []
    monkeypatch.setattr(cases_page.CaseView, "exec", lambda view: opened.append(view.number) or 0)
    page = CasesPage(GuiContext(ws, staff["Kasubag"]))
    shown_active(qtbot, page)
    enter_presses_buttons(page)  # as the main window does for all its pages
    page.focus_list()
    page.open_button.setFocus()
    qtbot.keyClick(page.open_button, key)
    assert len(opened) == 1


def test_tab_leaves_the_inbox_and_the_case_list_keeping_the_line(qtbot, ws, staff):
    """Tab in the list walked it cell by cell, and Ctrl+Tab there unselected the line (the
    buttons went grey): Tab now goes on to the next control, the line stays selected."""
    from sopdesk.gui.cases_page import CasesPage
    from sopdesk.gui.inbox_page import InboxPage

    at_kasubag(ws, staff)
    for page in (InboxPage(GuiContext(ws, staff["Kasubag"])), CasesPage(GuiContext(ws, staff["Kasubag"]))):
        shown_active(qtbot, page)
        page.focus_list()
        chosen = page.table.selectionModel().selectedRows()
        assert chosen
        qtbot.keyClick(page.table, Qt.Key.Key_Tab)
        # the button beside the list, left to right: Ambil (the case is nobody's yet), Lihat kasus
        assert QApplication.focusWidget() is getattr(page, "claim_button", page.open_button)
        assert page.table.selectionModel().selectedRows() == chosen


@pytest.mark.parametrize(("key", "modifier"), KEYS)
def test_the_letter_registers_take_the_same_keys(qtbot, ws, staff, key, modifier):
    """The third page with a search over a list: the same helper, the same three keys."""
    from sopdesk.engine import letters
    from sopdesk.gui.letters import LettersPage
    from sopdesk.gui.worker import Worker

    for sender in ("Bawaslu Kota Kupang", "DKPP RI"):
        letters.register_incoming(ws, staff["Staf"], letters.IncomingForm(sender=sender, subject="Data DPT"))
    worker = Worker()
    try:
        page = shown_active(qtbot, LettersPage(GuiContext(ws, staff["Ketua"]), worker))
        page.incoming_search.setFocus()
        qtbot.keyClicks(page.incoming_search, "DKPP")
        qtbot.keyClick(page.incoming_search, key, modifier)
        assert QApplication.focusWidget() is page.incoming_table
        assert page.incoming_model.rowCount() == 1 and page.selected_letter().sender == "DKPP RI"
    finally:
        worker.stop()
