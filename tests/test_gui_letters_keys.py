"""Surat & Ekspedisi by keyboard (found on Xvfb as the Ketua, h3): Down in a register's search
box did nothing, so Alt+D disposed the letter selected before instead of the one the Ketua
was moving to. Down or Enter in the search now goes into the list, as in Kotak Masuk."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from sopdesk.engine import letters
from sopdesk.gui.context import GuiContext
from sopdesk.gui.letters import LettersPage
from sopdesk.gui.worker import Worker


@pytest.fixture
def page(qtbot, ws, staff):
    for sender, subject in (("Bawaslu Kota Kupang", "Data DPT"), ("DKPP RI", "Pengaduan"), ("Kesbangpol", "Undangan")):
        letters.register_incoming(ws, staff["Staf"], letters.IncomingForm(sender=sender, subject=subject))
    letters.register_outgoing(ws, staff["Staf"], letters.OutgoingForm(  # with its line in the buku ekspedisi
        recipient="Bawaslu Kota Kupang", subject="Data DPT", classification="PP.01"))
    worker = Worker()
    page = LettersPage(GuiContext(ws, staff["Ketua"]), worker)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    yield page
    worker.stop()


def test_down_in_the_search_box_goes_into_the_list_and_moves_on(qtbot, page):
    page.incoming_search.setFocus()
    qtbot.waitUntil(page.incoming_search.hasFocus)  # once the window is active: not a 10 ms moment
    assert page.selected_letter().agenda == "SM/2026/0003"
    qtbot.keyClick(page.incoming_search, Qt.Key.Key_Down)
    assert page.incoming_table.hasFocus()
    qtbot.keyClick(page.incoming_table, Qt.Key.Key_Down)
    assert page.selected_letter().agenda == "SM/2026/0002"  # the letter Alt+D disposes now


def test_enter_after_typing_searches_at_once_and_selects_the_first_found(qtbot, page):
    page.incoming_search.setFocus()
    qtbot.keyClicks(page.incoming_search, "Bawaslu")
    qtbot.keyClick(page.incoming_search, Qt.Key.Key_Return)  # before the 300 ms pause ends
    assert page.incoming_table.hasFocus()
    assert page.incoming_model.rowCount() == 1 and page.selected_letter().agenda == "SM/2026/0001"


@pytest.mark.parametrize("tab", [1, 2])
def test_the_other_registers_go_into_their_list_too(qtbot, page, tab):
    page.tabs.setCurrentIndex(tab)
    search, table = ((page.outgoing_search, page.outgoing_table),
                     (page.expedition_search, page.expedition_table))[tab - 1]
    search.setFocus()
    qtbot.keyClick(search, Qt.Key.Key_Down)
    assert table.hasFocus()


def test_alt_c_prints_the_expedition_book_from_its_tab(qtbot, page, monkeypatch):
    """Xvfb, the Kasubag by keyboard: every button of Buku ekspedisi had its Alt key but
    "Cetak buku ekspedisi"."""
    printed = []
    monkeypatch.setattr(page, "print_expedition", lambda: printed.append("book"))
    page.print_book_button.clicked.disconnect()
    page.print_book_button.clicked.connect(page.print_expedition)
    with qtbot.waitActive(page.window()):
        page.window().activateWindow()
    page.tabs.setCurrentIndex(2)
    page.expedition_table.setFocus()
    qtbot.keyClick(page.expedition_table, Qt.Key.Key_C, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: printed == ["book"])  # a mnemonic clicks the button a moment later (animateClick)


def test_an_outgoing_number_cut_short_is_whole_in_its_tooltip(page):
    model = page.outgoing_model
    tip = model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert tip.splitlines() == [model.row_at(0).number, "Nomor otomatis menurut pola"]


def test_the_receipt_dialog_opens_in_the_signers_name(qtbot, ws, staff, page):  # page: a line is in the book
    from sopdesk.engine.expedition import expedition_page
    from sopdesk.gui.letters.receipt_dialog import ReceiptDialog

    [row] = expedition_page(ws, start=None, end=None, pending=True, search=None, limit=10, offset=0,
                            descending=False, viewer=staff["Kasubag"])
    dialog = ReceiptDialog(GuiContext(ws, staff["Kasubag"]), row)
    qtbot.addWidget(dialog)
    with qtbot.waitActive(dialog):
        dialog.show()
        dialog.activateWindow()
    assert dialog.focusWidget() is dialog.signed_by
    qtbot.keyClicks(dialog.focusWidget(), "Yohanes Bria")
    assert dialog.signed_by.text() == "Yohanes Bria"


def test_ctrl_tab_in_a_list_opens_the_next_register_and_keeps_the_line(qtbot, page):
    """Xvfb: Ctrl+Tab in the list moved the current cell with Ctrl's toggle, unselecting the
    line (Koreksi and Batalkan went grey), and stayed on the same tab."""
    with qtbot.waitActive(page):
        page.activateWindow()
    page.incoming_table.selectRow(1)
    page.incoming_table.setFocus()
    qtbot.waitUntil(page.incoming_table.hasFocus)
    kept = page.selected_letter()
    qtbot.keyClick(page.incoming_table, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    assert page.tabs.currentIndex() == 1
    assert page.selected_letter() == kept
    page.tabs.setCurrentIndex(0)
    page.incoming_table.setFocus()
    qtbot.waitUntil(page.incoming_table.hasFocus)
    qtbot.keyClick(page.incoming_table, Qt.Key.Key_Tab)  # Tab leaves the list for the buttons
    assert not page.incoming_table.hasFocus() and page.selected_letter() == kept


def test_the_letter_date_is_reached_and_typed_by_keyboard(qtbot, ws, staff):
    """Xvfb, registering letters by keyboard: "Tanggal surat" and "Masuk ke kasus" had no Alt
    key, and ticking "ada" left the cursor on the box, a Tab away from the date it enables."""
    from sopdesk.gui.letters.incoming_dialog import IncomingDialog

    dialog = IncomingDialog(GuiContext(ws, staff["Staf"]))
    qtbot.addWidget(dialog)
    with qtbot.waitActive(dialog):
        dialog.show()
        dialog.activateWindow()
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_T, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(dialog.has_date.hasFocus)
    qtbot.keyClick(dialog.has_date, Qt.Key.Key_Space)
    assert dialog.has_date.isChecked()
    qtbot.waitUntil(lambda: dialog.letter_date.isAncestorOf(dialog.focusWidget())
                    or dialog.focusWidget() is dialog.letter_date)
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_U, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(dialog.case.hasFocus)


def test_every_field_of_catat_surat_keluar_has_its_alt_key(qtbot, ws, staff):
    """Xvfb: Tanggal surat, Kasus, Kegiatan kasus, Nama penerima and the buku ekspedisi box were
    reached only by Tab."""
    from sopdesk.gui.letters.outgoing_dialog import OutgoingDialog

    dialog = OutgoingDialog(GuiContext(ws, staff["Staf"]))
    qtbot.addWidget(dialog)
    with qtbot.waitActive(dialog):
        dialog.show()
        dialog.activateWindow()
    for key, field in ((Qt.Key.Key_S, dialog.letter_date), (Qt.Key.Key_U, dialog.case),
                       (Qt.Key.Key_G, dialog.step), (Qt.Key.Key_N, dialog.recipient_name),
                       (Qt.Key.Key_B, dialog.dispatch)):
        qtbot.keyClick(dialog.focusWidget(), key, Qt.KeyboardModifier.AltModifier)
        qtbot.waitUntil(lambda field=field: field.hasFocus() or field.isAncestorOf(dialog.focusWidget()))
