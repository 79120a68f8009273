"""How each tab of Surat & Ekspedisi shows its register: a table over a paged model, a
sentence in its place when there is nothing to list, a search box that waits for the typing
to stop (Down or Enter in it goes into the list), and the selected line kept across reloads."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QBoxLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedLayout,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from sopdesk.gui.column_fit import ColumnFit
from sopdesk.gui.letters.columns import R, RegisterModel
from sopdesk.gui.letters.common import EMPTY_STYLE
from sopdesk.gui.paged_model import PagedTableModel
from sopdesk.gui.shortcuts import into_list as search_into_list

PERIHAL_AMPLE = 300  # px the perihal keeps before a column the clerk can do without is shown


def table_view(model: PagedTableModel, widths: tuple[int, ...], stretch: int, optional: tuple[int, ...] = (),
               ample: int = PERIHAL_AMPLE) -> QTableView:
    """A table of `model`; column `stretch` (the perihal) takes the room the others leave, and
    the `optional` columns (least needed first) give way when the view is too narrow for all
    and a perihal of `ample` px. An optional column is as wide as its loaded rows need
    (a column of dashes takes its header's width), never wider than `widths` sets it."""
    table = QTableView()
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setWordWrap(False)
    # Tab leaves the list for its buttons and Ctrl+Tab reaches the tabs: with Qt's cell-by-cell Tab,
    # Ctrl+Tab in the list moved to the next cell with Ctrl's toggle, unselecting the line (the
    # buttons went grey) instead of opening the next register (Xvfb, /tmp/h2/s/97_ctrltab_from_table.png)
    table.setTabKeyNavigation(False)
    table.verticalHeader().hide()
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(False)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    for column, width in enumerate(widths):
        table.setColumnWidth(column, width)
    # at 1024x768 no sideways scroll, the perihal keeps 160 px; at 1366x768 it kept ~250 px while
    # Kasus and Nomor surat, mostly a dash, took 260 px (Xvfb, /tmp/h4/s/03_letters_1366_before.png)
    ColumnFit(table, stretch, optional, ample=ample, snug=True)
    return table


def register_tab(filters: QBoxLayout, holder: QWidget, summary: QLabel, buttons: tuple[QPushButton, ...]) -> QWidget:
    """A register's tab: the filters over the table (or the sentence in its place, `holder`),
    the summary and the buttons under it."""
    actions = QHBoxLayout()
    # wraps instead of widening the page: "3 surat masuk (disaring: belum didisposisi)" beside the
    # Ketua's five buttons made the window 1090 px wide at 1024x768 (Xvfb, /tmp/h2/s/r2_22_resized.png)
    summary.setWordWrap(True)
    actions.addWidget(summary, 1)
    for button in buttons:
        actions.addWidget(button)
    tab = QWidget()
    layout = QVBoxLayout(tab)
    layout.addLayout(filters)
    layout.addWidget(holder, 1)
    layout.addLayout(actions)
    return tab


def stacked(table: QTableView, name: str) -> tuple[QWidget, QStackedLayout, QLabel]:
    """The table and, in its place when there is nothing to list, a sentence saying why.
    The layout lives on its own widget: a parentless QStackedLayout would show its first
    widget as a window of its own (and take the activation from the main window)."""
    empty = QLabel()
    empty.setObjectName(name)
    empty.setWordWrap(True)
    empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
    empty.setStyleSheet(EMPTY_STYLE)
    holder = QWidget()
    stack = QStackedLayout(holder)
    stack.addWidget(table)
    stack.addWidget(empty)
    return holder, stack, empty


def search_box(owner: QObject, placeholder: str, reload: Callable[[], None]) -> tuple[QLineEdit, QTimer]:
    """A search field whose `reload` runs 300 ms after the typing stops (the timer is `owner`'s)."""
    edit = QLineEdit()
    edit.setMaxLength(200)  # a search, not a document (SQLite refuses LIKE patterns over 50,000 bytes)
    edit.setPlaceholderText(placeholder)
    edit.setClearButtonEnabled(True)
    timer = QTimer(owner, singleShot=True, interval=300)
    timer.timeout.connect(reload)
    edit.textChanged.connect(timer.start)
    return edit, timer


def into_list(search: QLineEdit, timer: QTimer, reload: Callable[[], None], table: QTableView) -> None:
    """Down or Enter in `search` puts the keyboard in `table`, as in Kotak Masuk: the Ketua types
    a sender, presses Down and disposes with Alt+D (the arrows did nothing in the search box, and
    Alt+D disposed the letter selected before). The keys are bound as on every page (shortcuts)."""
    search_into_list(search, table, timer, reload)


def selected(table: QTableView, model: RegisterModel[R]) -> R | None:
    """The row selected in `table`, or None."""
    rows = table.selectionModel().selectedRows()
    if not rows or not model.total or rows[0].row() >= model.rowCount():
        return None
    return model.row_at(rows[0].row())


def selected_key(table: QTableView, model: RegisterModel[R]) -> object:
    """The key of the selected row (None: nothing selected)."""
    row = selected(table, model)
    return None if row is None else model.key(row)


def selected_place(table: QTableView) -> int | None:
    """The row number of the selected line (None: nothing selected)."""
    rows = table.selectionModel().selectedRows()
    return rows[0].row() if rows else None


def show_rows(table: QTableView, model: PagedTableModel, stack: QStackedLayout, key: object,
              place: int | None = None) -> None:
    """The table in view after a reload, with the line worked on still selected (a disposition,
    a receipt, a change made in another screen), so the next button acts on it. When that line
    left the list under the same filters (disposed under "Hanya yang belum didisposisi", received
    under "Hanya yang belum diterima"), the line now at its `place`: the next one down, where the
    Ketua working down the list goes on (Xvfb: the newest was selected, back at the top, 64.png).
    Else the newest line."""
    stack.setCurrentWidget(table)
    row = model.row_of(key) if key is not None else None
    if row is None:
        row = min(place, model.rowCount() - 1) if place is not None else 0
    table.selectRow(max(row, 0))


def keeping_scroll(page: QWidget, reload: Callable[[], None]) -> None:
    """`reload` the page's registers, each list scrolled where it was: another desk's change
    (gui.desk_changes) every few seconds must not jump the list read back to its selected line."""
    tables = page.findChildren(QTableView)
    scrolls = [table.verticalScrollBar().value() for table in tables]
    reload()
    for table, scroll in zip(tables, scrolls, strict=True):
        table.doItemsLayout()  # the scroll bar's new range before its old value is put back
        table.verticalScrollBar().setValue(scroll)


def show_empty(stack: QStackedLayout, empty: QLabel, text: str) -> None:
    """The sentence saying why nothing is listed, in the table's place."""
    empty.setText(text)
    stack.setCurrentWidget(empty)
