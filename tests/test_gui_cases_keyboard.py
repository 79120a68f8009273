"""Kasus by keyboard: Down or Enter in the search box takes the list with its first match
selected, and Enter there opens the case (Down did nothing: the search box kept the keys and a
keyboard user had to Tab past both filters to reach the list)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from sopdesk.engine import cases


def test_down_in_the_search_box_takes_the_first_match_and_enter_opens_it(qtbot, ws, staff, monkeypatch):
    from sopdesk.gui import cases_page
    from sopdesk.gui.cases_page import CasesPage
    from sopdesk.gui.context import GuiContext

    cases.start_case(ws, staff["Help Desk"], "PP", "Permohonan data DPT", entry="tamu", requester="Maria Ndun")
    wanted = cases.start_case(ws, staff["Help Desk"], "PP", "Permohonan salinan SK", entry="tamu",
                              requester="Yosef Tefa")
    opened = []
    monkeypatch.setattr(cases_page.CaseView, "exec", lambda view: opened.append(view.number) or 0)
    page = CasesPage(GuiContext(ws, staff["Kasubag"]))
    qtbot.addWidget(page)
    page.show()
    page.activateWindow()
    assert QTest.qWaitForWindowActive(page)
    page.search.setFocus()
    qtbot.keyClicks(page.search, "Tefa")
    qtbot.keyClick(page.search, Qt.Key.Key_Down)  # at once: the search is not left to its timer
    assert QApplication.focusWidget() is page.table
    rows = page.table.selectionModel().selectedRows()
    assert [page.model.row_at(r.row()).number for r in rows] == [wanted]
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert opened == [wanted]


def test_a_search_that_finds_nothing_says_0_kasus_and_lihat_kasus_waits_for_a_case(qtbot, ws, staff):
    """Seen on Xvfb (session 18): a search with no match in an office of 100,000 cases said
    "Belum ada kasus. Kasus dimulai dari Meja Layanan…", and Lihat kasus stayed enabled, doing
    nothing. Now: "0 kasus" saying what found nothing, and the button only with a case selected."""
    from sopdesk.gui.cases_page import CasesPage
    from sopdesk.gui.context import GuiContext

    page = CasesPage(GuiContext(ws, staff["Kasubag"]))
    qtbot.addWidget(page)
    page.show()
    assert page.summary.text().startswith("Belum ada kasus")  # an office without cases: still said so
    assert not page.open_button.isEnabled()
    cases.start_case(ws, staff["Help Desk"], "PP", "Permohonan data DPT", entry="tamu", requester="Maria Ndun")
    page.search.setText("qwertyuiop")
    page.reload()
    assert page.summary.text() == "0 kasus: tidak ada kasus yang cocok dengan “qwertyuiop”"
    page.search.clear()
    page.status.setCurrentIndex(page.status.findData("cancelled"))
    page.reload()
    assert page.summary.text() == "0 kasus: tidak ada kasus yang cocok dengan saringan ini"
    page.status.setCurrentIndex(0)
    assert not page.open_button.isEnabled()
    page.search.clear()
    page.reload()
    page.focus_list()  # the first row selected
    assert page.summary.text() == "1 kasus"
    assert page.open_button.isEnabled()
