"""The Kasubag finds the letters disposed to the units of the Kasubag's role (Xvfb, the Kasubag
after the Ketua disposed three of six letters, /tmp/h2/s/40-41): a disposition on a letter with
no case puts nothing in Kotak Masuk, and in Surat masuk the Kasubag had to hover the Disposisi
column of every line to learn which were for the Kasubag. "Hanya disposisi untuk peran saya"
(Alt+S) lists only those, and is kept for the next session like the other filters."""

from __future__ import annotations

from PySide6.QtCore import Qt
from test_gui_letters import incoming, page_for, worker  # noqa: F401 - the worker fixture

from sopdesk.engine import dispositions, letters


def _three_letters(ws, staff) -> None:
    for subject in ("Undangan rapat koordinasi", "Laporan dugaan pelanggaran", "Permintaan data DPT"):
        incoming(ws, staff["Help Desk"], subject=subject)
    dispositions.dispose(ws, staff["Ketua"], "SM/2026/0002", ["subbag_hukum"], "Telaah")  # Kasubag
    dispositions.dispose(ws, staff["Ketua"], "SM/2026/0003", ["teknis"], "Hadiri")  # Komisioner


def test_the_engine_lists_the_letters_disposed_to_the_roles_given(ws, staff):
    _three_letters(ws, staff)
    assert [r.agenda for r in letters.incoming_page(ws, for_roles=("Kasubag",))] == ["SM/2026/0002"]
    assert letters.incoming_total(ws, for_roles=("Kasubag",)) == 1
    assert letters.incoming_total(ws, for_roles=("Kasubag", "Komisioner")) == 2
    assert letters.incoming_total(ws) == 3


def test_alt_s_lists_only_the_letters_disposed_to_the_kasubag(qtbot, ws, staff, worker):  # noqa: F811
    _three_letters(ws, staff)
    page = page_for(qtbot, ws, staff["Kasubag"], worker)
    with qtbot.waitActive(page):
        page.show()
        page.activateWindow()
    assert page.incoming_model.total == 3
    qtbot.keyClick(page.incoming_search, Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(page.addressed.isChecked)
    assert page.incoming_model.total == 1 and page.selected_letter().agenda == "SM/2026/0002"
    assert page.incoming_summary.text() == "1 surat masuk (disaring: disposisi untuk peran saya)"
    again = page_for(qtbot, ws, staff["Kasubag"], worker)  # the next session
    assert again.addressed.isChecked() and again.incoming_model.total == 1


def test_none_disposed_to_the_role_says_so(qtbot, ws, staff, worker):  # noqa: F811
    incoming(ws, staff["Help Desk"], subject="Undangan rapat koordinasi")
    page = page_for(qtbot, ws, staff["Kasubag"], worker)
    page.addressed.setChecked(True)
    assert page.incoming_stack.currentWidget() is page.incoming_empty
    assert page.incoming_empty.text() == "Belum ada surat masuk yang didisposisikan kepada unit peran Anda."


def test_at_1024x768_the_search_hint_is_whole_beside_the_two_boxes(qtbot, ws, staff, worker):  # noqa: F811
    page = page_for(qtbot, ws, staff["Kasubag"], worker)
    page.resize(760, 600)  # the page's share of a 1024x768 window
    page.show()
    qtbot.waitExposed(page)
    search = page.incoming_search
    hint = search.fontMetrics().horizontalAdvance(search.placeholderText())
    assert hint + 24 <= search.width(), (hint, search.width())  # was cut off, "Cari nomor surat, pengirim …"
    assert page.addressed.isVisible() and page.undisposed.isVisible()
    assert page.addressed.geometry().right() <= page.addressed.parentWidget().width()
