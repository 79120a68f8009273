"""Home and End in a list of whole lines select its first and last line. Qt moved the cell
cursor to the first or last column, which such a list does not show: as the Kasubag in Kotak
Masuk (Xvfb, /tmp/h4/s/19_after_esc_end.png) End did nothing and Enter then opened the form
of the line still selected, and the wrong step was completed."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from test_gui_inbox import inbox_page, waiting_at_kasubag

from sopdesk.engine import letters
from sopdesk.gui.cases_page import CasesPage
from sopdesk.gui.context import GuiContext
from sopdesk.gui.letters import LettersPage
from sopdesk.gui.worker import Worker


def selected_row(table) -> int:  # noqa: ANN001
    rows = table.selectionModel().selectedRows()
    return rows[0].row() if rows else -1


def press(qtbot, table, key: Qt.Key) -> None:  # noqa: ANN001
    table.setFocus()
    qtbot.waitUntil(table.hasFocus)
    QTest.keyClick(table, key)


def test_home_and_end_in_kotak_masuk_and_kasus(qtbot, ws, staff, clock):
    numbers = waiting_at_kasubag(ws, staff, 4, clock)
    page = inbox_page(qtbot, ws, staff["Kasubag"])
    table = page.table
    qtbot.waitUntil(lambda: page.model.rowCount() == 4)
    table.selectRow(1)
    press(qtbot, table, Qt.Key.Key_End)
    assert selected_row(table) == 3
    assert page.selected_case() == page.model.row_at(3).case_number
    press(qtbot, table, Qt.Key.Key_Home)
    assert selected_row(table) == 0

    cases_page = CasesPage(GuiContext(ws, staff["Kasubag"]))
    qtbot.addWidget(cases_page)
    cases_page.show()
    qtbot.waitUntil(lambda: cases_page.model.rowCount() == len(numbers))
    cases_page.table.selectRow(0)
    press(qtbot, cases_page.table, Qt.Key.Key_End)
    assert selected_row(cases_page.table) == len(numbers) - 1


def test_home_and_end_in_a_letter_register(qtbot, ws, staff):
    for n in range(3):
        letters.register_incoming(ws, staff["Staf"], letters.IncomingForm(sender=f"Pengirim {n}",
                                                                          subject=f"Perihal {n}"))
    worker = Worker()
    page = LettersPage(GuiContext(ws, staff["Kasubag"]), worker)
    qtbot.addWidget(page)
    page.show()
    try:
        qtbot.waitUntil(lambda: page.incoming_model.rowCount() == 3)
        press(qtbot, page.incoming_table, Qt.Key.Key_End)
        assert selected_row(page.incoming_table) == 2
        press(qtbot, page.incoming_table, Qt.Key.Key_Home)
        assert selected_row(page.incoming_table) == 0
    finally:
        worker.stop()


def test_escape_empties_the_search_and_lists_everything_at_once(qtbot, ws, staff, clock):
    """Esc after a search that found nothing did nothing: the inbox stayed empty under
    "zzzz" (Xvfb, /tmp/h4/s/62_inbox_esc.png)."""
    waiting_at_kasubag(ws, staff, 2, clock)
    page = inbox_page(qtbot, ws, staff["Kasubag"])
    page.search.setText("zzzz")
    page.reload()
    assert page.model.total == 0
    page.search.setFocus()
    qtbot.waitUntil(page.search.hasFocus)
    QTest.keyClick(page.search, Qt.Key.Key_Escape)
    assert page.search.text() == ""
    assert page.model.total == 2  # at once, not after the typing pause


def test_escape_empties_the_catalog_search(qtbot, ws, admin):
    from sopdesk.gui.catalog_page import CatalogPage

    page = CatalogPage(GuiContext(ws, admin))
    qtbot.addWidget(page)
    page.show()
    page.search.setText("RAKOR")
    page.search.setFocus()
    qtbot.waitUntil(page.search.hasFocus)
    QTest.keyClick(page.search, Qt.Key.Key_Escape)
    assert page.search.text() == ""
    assert not any(item.isHidden() for item in page.document_items())
