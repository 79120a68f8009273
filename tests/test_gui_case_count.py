"""The Kasus list's count (issue #15): a search matching more cases than the list counts says
"Lebih dari ..." instead of counting every match; fewer are counted exactly."""

from __future__ import annotations

from sopdesk.engine import cases, queries
from sopdesk.gui.cases_page import CasesPage
from sopdesk.gui.context import GuiContext


def test_the_case_list_says_more_than_the_cap_instead_of_counting_every_match(qtbot, ws, staff, monkeypatch):
    monkeypatch.setattr(queries, "CASE_COUNT_CAP", 3)
    for n in range(5):
        cases.start_case(ws, staff["Help Desk"], "PP", f"Permohonan data DPT {n}", entry="surat")
    cases.start_case(ws, staff["Help Desk"], "PP", "Undangan rapat pleno", entry="surat")
    page = CasesPage(GuiContext(ws, staff["Kasubag"]))
    qtbot.addWidget(page)
    assert page.summary.text() == "Lebih dari 3 kasus"
    assert page.model.rowCount() == 6  # the rows are all there; only the count stops
    qtbot.keyClicks(page.search, "rapat")
    page._timer.timeout.emit()
    assert page.summary.text() == "1 kasus"
    assert [page.model.row_at(r).title for r in range(page.model.rowCount())] == ["Undangan rapat pleno"]
