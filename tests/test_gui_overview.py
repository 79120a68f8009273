"""The desktop window opens on the engine's data (offscreen)."""

from PySide6.QtWidgets import QLabel, QTreeWidget

from sopdesk.engine import cases
from sopdesk.gui.app import OverviewWindow


def test_window_shows_office_catalog_and_waiting_work(qtbot, ws, staff):
    cases.start_case(ws, staff["Sekretaris"], "TKS", "Tindak lanjut pleno")
    window = OverviewWindow(ws)
    qtbot.addWidget(window)
    window.show()
    assert window.findChild(QLabel, "officeHeading").text() == "KPU Kota Kupang"
    tree = window.findChild(QTreeWidget)
    tops = [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())]
    assert any(t.startswith("PP — Pelayanan Publik") for t in tops)
    waiting = tree.topLevelItem(tree.topLevelItemCount() - 1)
    rows = {waiting.child(i).text(0): waiting.child(i).text(3) for i in range(waiting.childCount())}
    assert rows["Sekretaris"] == "1 (0 terlambat)"
    assert rows["Kasubag"] == "0 (0 terlambat)"


def test_window_says_what_to_do_before_setup(qtbot, ws):
    window = OverviewWindow(ws)
    qtbot.addWidget(window)
    assert "sopdesk setup" in window.findChild(QLabel, "officeHeading").text()
