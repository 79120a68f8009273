"""Ctrl+P prints on Surat & Ekspedisi as on Meja Layanan (Xvfb, the Ketua at 1024x768,
/tmp/h2/s/65_ctrlp.png: Ctrl+P on a selected letter did nothing): the lembar disposisi of the
selected letter on Surat masuk, the buku ekspedisi on its tab; not while a print is rendering."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from test_gui_letters import incoming, page_for, send, worker  # noqa: F401 - the worker fixture

from sopdesk.gui.letters import page_actions


@pytest.fixture
def printed(monkeypatch) -> list[str]:
    done: list[str] = []
    monkeypatch.setattr(page_actions, "print_disposition", lambda page: done.append(page.selected_letter().agenda))
    monkeypatch.setattr(page_actions, "print_expedition", lambda page: done.append("buku ekspedisi"))
    return done


def test_ctrl_p_prints_what_the_tab_shows(qtbot, ws, staff, worker, printed):  # noqa: F811
    incoming(ws, staff["Help Desk"], subject="Undangan rapat koordinasi")
    incoming(ws, staff["Help Desk"], subject="Permintaan data DPT")
    send(ws, staff["Staf"])
    page = page_for(qtbot, ws, staff["Ketua"], worker)
    with qtbot.waitActive(page):
        page.show()
        page.activateWindow()
    page.incoming_table.setFocus()
    qtbot.waitUntil(page.incoming_table.hasFocus)
    qtbot.keyClick(page.incoming_table, Qt.Key.Key_Down)
    qtbot.keyClick(page.incoming_table, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert printed == ["SM/2026/0001"]
    page.tabs.setCurrentIndex(1)  # Surat keluar prints nothing
    qtbot.keyClick(page.outgoing_search, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    page.tabs.setCurrentIndex(2)
    qtbot.keyClick(page.expedition_search, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert printed == ["SM/2026/0001", "buku ekspedisi"]


def test_not_again_while_a_print_renders(qtbot, ws, staff, worker, printed):  # noqa: F811
    incoming(ws, staff["Help Desk"], subject="Undangan rapat koordinasi")
    page = page_for(qtbot, ws, staff["Ketua"], worker)
    with qtbot.waitActive(page):
        page.show()
        page.activateWindow()
    page.printing = True
    page.update_buttons()
    page.incoming_table.setFocus()
    qtbot.waitUntil(page.incoming_table.hasFocus)
    qtbot.keyClick(page.incoming_table, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert printed == []
