"""Enter on a line of a register does what a double click does (Xvfb, the Ketua by keyboard,
/tmp/h2/s/23.png): in Surat masuk Enter on the selected letter did nothing, so a Ketua moving
down the agenda with the arrow keys had to reach for Alt+D, and in Buku ekspedisi Enter did not
open "Tandai diterima" as a double click does. Kotak Masuk opens a line with Enter."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from test_gui_letters import incoming, send, worker  # noqa: F401 - the worker fixture

from sopdesk.gui.context import GuiContext
from sopdesk.gui.letters import LettersPage
from sopdesk.gui.letters.disposition_dialog import DispositionDialog
from sopdesk.gui.letters.receipt_dialog import ReceiptDialog


def shown(qtbot, ws, actor, worker) -> LettersPage:  # noqa: F811
    page = LettersPage(GuiContext(ws, actor), worker)
    qtbot.addWidget(page)
    with qtbot.waitActive(page):
        page.show()
        page.activateWindow()
    return page


@pytest.fixture
def opened(monkeypatch) -> list[str]:
    """The dialogs opened (their window titles); each is closed again at once, as by Esc."""
    titles: list[str] = []

    def run(dialog) -> int:
        titles.append(dialog.windowTitle())
        return 0

    monkeypatch.setattr(DispositionDialog, "exec", run)
    monkeypatch.setattr(ReceiptDialog, "exec", run)
    return titles


@pytest.mark.parametrize("key", [Qt.Key.Key_Return, Qt.Key.Key_Enter])
def test_enter_on_a_letter_opens_its_disposition_for_the_ketua(qtbot, ws, staff, worker, opened, key):  # noqa: F811
    for subject in ("Undangan rapat koordinasi", "Permintaan data DPT", "Surat edaran"):
        incoming(ws, staff["Help Desk"], subject=subject)
    page = shown(qtbot, ws, staff["Ketua"], worker)
    table = page.incoming_table
    table.setFocus()
    qtbot.waitUntil(table.hasFocus)
    qtbot.keyClick(table, Qt.Key.Key_Down)  # from the newest to the next one down
    assert page.selected_letter().agenda == "SM/2026/0002"
    qtbot.keyClick(table, key)
    assert opened == ["Disposisi surat SM/2026/0002"]


def test_enter_opens_nothing_for_whom_may_not_dispose(qtbot, ws, staff, worker, opened):  # noqa: F811
    incoming(ws, staff["Help Desk"], subject="Undangan rapat koordinasi")
    page = shown(qtbot, ws, staff["Help Desk"], worker)
    page.incoming_table.setFocus()
    qtbot.waitUntil(page.incoming_table.hasFocus)
    qtbot.keyClick(page.incoming_table, Qt.Key.Key_Return)
    assert opened == []


def test_enter_on_an_expedition_line_opens_tandai_diterima(qtbot, ws, staff, worker, opened):  # noqa: F811
    send(ws, staff["Staf"])
    page = shown(qtbot, ws, staff["Kasubag"], worker)
    page.tabs.setCurrentIndex(2)
    table = page.expedition_table
    table.setFocus()
    qtbot.waitUntil(table.hasFocus)
    assert page.selected_entry() is not None and page.selected_entry().pending
    qtbot.keyClick(table, Qt.Key.Key_Return)
    assert len(opened) == 1 and opened[0] == ReceiptDialog(page.ctx, page.selected_entry(), page).windowTitle()
