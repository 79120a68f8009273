"""Working down the agenda (Xvfb, the Ketua at 1024x768 under "Hanya yang belum didisposisi",
/tmp/h2/s/64_after_save.png): the letter just disposed leaves the list and the newest line was
selected, back at the top, so Enter opened a letter the Ketua had already passed over. The line
now in its place, the next one down, is selected; the same in Buku ekspedisi under "Hanya yang
belum diterima". A new search still starts at the newest line."""

from __future__ import annotations

from PySide6.QtCore import Qt
from test_gui_letters import incoming, page_for, send, worker  # noqa: F401 - the worker fixture

from sopdesk.engine import dispositions, expedition


def test_the_next_letter_down_is_selected_after_a_disposition(qtbot, ws, staff, worker):  # noqa: F811
    for subject in ("Undangan rapat", "Data DPT", "Surat edaran", "Pengaduan"):
        incoming(ws, staff["Help Desk"], subject=subject)
    page = page_for(qtbot, ws, staff["Ketua"], worker)
    page.undisposed.setChecked(True)
    page.incoming_table.selectRow(1)  # newest first: 0004, 0003, 0002, 0001
    assert page.selected_letter().agenda == "SM/2026/0003"
    dispositions.dispose(ws, staff["Ketua"], "SM/2026/0003", ["teknis"], "Hadiri")
    page.ctx.data_changed.emit()
    assert [page.incoming_model.row_at(n).agenda for n in range(3)] == ["SM/2026/0004", "SM/2026/0002",
                                                                        "SM/2026/0001"]
    assert page.selected_letter().agenda == "SM/2026/0002"
    page.incoming_table.selectRow(2)  # the last line: its place is gone, the line above it is the last
    dispositions.dispose(ws, staff["Ketua"], "SM/2026/0001", ["teknis"], "Hadiri")
    page.ctx.data_changed.emit()
    assert page.selected_letter().agenda == "SM/2026/0002"


def test_a_new_search_starts_at_the_newest_line(qtbot, ws, staff, worker):  # noqa: F811
    for subject in ("Undangan rapat", "Data DPT", "Surat edaran", "Undangan sosialisasi"):
        incoming(ws, staff["Help Desk"], subject=subject)
    page = page_for(qtbot, ws, staff["Ketua"], worker)
    with qtbot.waitActive(page):
        page.show()
        page.activateWindow()
    page.incoming_table.selectRow(2)  # SM/2026/0002, which the search leaves out
    page.incoming_search.setFocus()
    qtbot.waitUntil(page.incoming_search.hasFocus)
    qtbot.keyClicks(page.incoming_search, "Undangan")
    qtbot.keyClick(page.incoming_search, Qt.Key.Key_Return)
    assert page.selected_letter().agenda == "SM/2026/0004"


def test_the_next_entry_down_is_selected_after_a_receipt(qtbot, ws, staff, worker):  # noqa: F811
    for subject in ("Data DPT", "Jawaban PPID", "Undangan"):
        send(ws, staff["Staf"], subject=subject)
    page = page_for(qtbot, ws, staff["Kasubag"], worker)
    page.pending.setChecked(True)
    model = page.expedition_model
    page.expedition_table.selectRow(1)
    middle = page.selected_entry()
    after = model.row_at(2).id
    expedition.mark_received(ws, staff["Kasubag"], middle.id, ws.clock(), signed_by="Yohanes Bria")
    page.ctx.data_changed.emit()
    assert page.selected_entry().id == after
