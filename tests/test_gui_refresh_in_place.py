"""Another desk's change reloads the list in view every few seconds (gui.desk_changes): a
reload that finds the same rows must leave the table alone (no model reset, so no repaint of
the whole table and nothing of the clerk's place in it lost), and one that finds a new line
above the top line read must keep that line at the top (the list does not move under the eye)."""

from __future__ import annotations

from typing import NamedTuple

from PySide6.QtWidgets import QTableView

from sopdesk.gui.paged_model import Column, PagedTableModel, refresh_in_place


class Row(NamedTuple):
    id: int
    text: str


class ListModel(PagedTableModel[Row]):
    """Rows from a Python list standing for the database, newest (highest id) first."""

    def __init__(self, rows: list[Row]):
        super().__init__("id", True)
        self.COLUMNS = (Column("Nomor", "id", lambda row: str(row.id)), Column("Isi", None, lambda row: row.text))
        self.store = rows
        self.fetches = 0

    def _fetch(self, offset: int) -> list[Row]:
        self.fetches += 1
        ordered = sorted(self.store, key=lambda row: -row.id)
        return ordered[offset:offset + self.PAGE]

    def _count(self) -> int:
        return len(self.store)


def table_of(qtbot, rows: list[Row]) -> tuple[QTableView, ListModel]:  # noqa: ANN001
    model = ListModel(rows)
    model.refresh()
    table = QTableView()
    table.setModel(model)
    qtbot.addWidget(table)
    table.resize(300, 200)
    table.show()
    qtbot.waitExposed(table)
    return table, model


def test_the_same_rows_leave_the_table_as_it_was(qtbot):
    table, model = table_of(qtbot, [Row(n, f"baris {n}") for n in range(1, 301)])
    table.verticalScrollBar().setValue(table.verticalScrollBar().maximum())  # scrolled: a second page loaded
    qtbot.waitUntil(lambda: model.rowCount() == 200)
    table.selectRow(150)
    table.verticalScrollBar().setValue(120)
    resets, changes = [], []
    model.modelReset.connect(lambda: resets.append(1))
    model.dataChanged.connect(lambda first, last: changes.append((first.row(), last.row())))

    refresh_in_place(table)
    assert not resets and not changes  # nothing to repaint
    assert model.rowCount() == 200 and table.verticalScrollBar().value() == 120
    assert [index.row() for index in table.selectionModel().selectedRows()] == [150]

    model.store[159] = Row(160, "diubah di meja lain")  # row 140 shown (newest first)
    refresh_in_place(table)
    assert not resets and changes == [(140, 140)]  # only the changed line is repainted
    assert model.index(140, 1).data() == "diubah di meja lain"
    assert table.verticalScrollBar().value() == 120


def test_a_new_line_above_keeps_the_line_read_at_the_top(qtbot):
    table, model = table_of(qtbot, [Row(n, f"baris {n}") for n in range(1, 81)])
    table.verticalScrollBar().setValue(30)
    top_key = model.row_at(table.rowAt(0)).id
    model.store.extend([Row(81, "baru"), Row(82, "baru juga")])  # newest first: above everything
    refresh_in_place(table)
    assert model.row_at(table.rowAt(0)).id == top_key


def test_a_new_line_is_seen_in_a_list_not_scrolled(qtbot):
    table, model = table_of(qtbot, [Row(n, f"baris {n}") for n in range(1, 81)])
    model.store.append(Row(81, "baru"))
    refresh_in_place(table)
    assert table.rowAt(0) == 0 and model.row_at(0).id == 81


def test_the_same_filters_again_keep_the_rows_scrolled_to(qtbot):
    """The letter registers refresh by setting their filters again (letters.page): a register
    read down past its first page kept only that page, and its scroll bar was cut back to it."""
    table, model = table_of(qtbot, [Row(n, f"baris {n}") for n in range(1, 301)])
    model.set_filters(year=2026)
    model.fetchMore()
    assert model.rowCount() == 200
    resets = []
    model.modelReset.connect(lambda: resets.append(1))
    model.set_filters(year=2026)  # another desk's change: the same filters
    assert model.rowCount() == 200 and not resets
    model.set_filters(year=2025)  # new filters: from the first page
    assert model.rowCount() == 100 and resets == [1]
