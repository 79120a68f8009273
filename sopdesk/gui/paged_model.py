"""A table model whose rows come from SQL one page at a time: the database sorts and
filters, the view asks for more rows as it scrolls (never the whole list).

The lists follow the clock and the other screens: they are reloaded in place every minute
and after every change, so a reload must not throw the clerk back to the top of the list.
`refresh_in_place` keeps the selected row (by its key, not its row number) and the scroll
position; `keep_sort_indicator` keeps the header's arrow on the column the rows are really
sorted by (a column without a sort key of its own cannot be sorted)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Generic, Protocol, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QAbstractItemView, QTableView

from sopdesk.gui.markers import QT_TRANSLATE_NOOP  # noqa: F401 - re-exported for the models' headers

R = TypeVar("R", bound="tuple[object, ...]")  # a page query's row: a named tuple, its id first
Index = QModelIndex | QPersistentModelIndex
ROOT = QModelIndex()


class SortableColumn(Protocol):
    """What the paged model needs of a column: its header and the page query's sort key."""

    @property
    def header(self) -> str: ...

    @property
    def sort(self) -> str | None: ...


@dataclass(frozen=True)
class Column(Generic[R]):
    """One named column of a paged table: `header` marked with QT_TRANSLATE_NOOP under the
    model's class name, `sort` the page query's sort key (None: the column cannot be sorted),
    how a row reads in it, and optionally its tooltip and its icon."""

    header: str
    sort: str | None
    text: Callable[[R], str]
    tooltip: Callable[[R], str | None] | None = None
    icon: Callable[[R], QIcon | None] | None = None


class PagedTableModel(QAbstractTableModel, Generic[R]):
    """Subclasses set COLUMNS (named columns, `Column` or anything with `header` and `sort`)
    and implement `_fetch(offset)` (one page of rows in the current order) and `_count()`
    (rows matching the current filters). A row's first field is its key (a database id), which
    identifies it across reloads. With `Column`s, `data()` answers the text, tooltip and icon
    from the column and asks `row_data(row, role)` for the rest (the row's colour, its key)."""

    COLUMNS: Sequence[SortableColumn] = ()
    PAGE = 100

    def __init__(self, sort: str, descending: bool, parent: QObject | None = None):
        super().__init__(parent)
        self._rows: list[R] = []
        self._more = False
        self._sort, self._descending = sort, descending
        self._sort_column: int | None = None  # the header clicked last, when it sorted
        self.filters: dict[str, object] = {}
        self.total = 0

    def _fetch(self, offset: int) -> list[R]:
        raise NotImplementedError

    def _count(self) -> int:
        raise NotImplementedError

    def _header(self, column: int) -> str:
        return self.COLUMNS[column].header

    def _sort_key(self, column: int) -> str | None:
        return self.COLUMNS[column].sort

    def set_filters(self, **filters: object) -> None:
        """New filters (keyword arguments of the page query); reloads from the first page, or,
        when they are the filters already shown (a refresh), the rows already loaded again."""
        same = filters == self.filters
        self.filters = filters
        self.refresh(keep_loaded=same)

    def refresh(self, keep_loaded: bool = False) -> bool:
        """Reload from the database; whether the view was reset (its rows became others).
        With `keep_loaded`, as many rows as the view had already fetched are loaded again (so
        that its scroll position still exists), and when they are the same rows in the same
        order the view is not reset: only the rows whose fields changed are repainted (all of
        them when `_stamp()` moved: the minute the texts are counted from). Another desk's
        change every few seconds then leaves a list it did not touch as it is: no repaint of
        the whole table, the selection, the current cell and the scroll bar untouched."""
        old, old_stamp = self._rows, self._stamp()
        wanted = len(old) if keep_loaded else 0
        self._prepare()
        rows = self._fetch(0)
        more = len(rows) == self.PAGE
        while more and len(rows) < wanted:
            page = self._fetch(len(rows))
            more = len(page) == self.PAGE
            rows.extend(page)
        total = self._count()
        if keep_loaded and len(rows) == len(old) and all(
                self.key(new) == self.key(was) for new, was in zip(rows, old, strict=True)):
            self._rows, self._more, self.total = rows, more, total
            changed = range(len(rows)) if self._stamp() != old_stamp else \
                [n for n, (new, was) in enumerate(zip(rows, old, strict=True)) if new != was]
            if changed:
                last = self.columnCount() - 1
                self.dataChanged.emit(self.index(min(changed), 0), self.index(max(changed), last))
            return False
        self.beginResetModel()
        self._rows, self._more, self.total = rows, more, total
        self.endResetModel()
        return True

    def _stamp(self) -> object:
        """What the shown texts depend on besides the rows (e.g. the minute 'now' was taken
        at); when it changes, a refresh repaints every row even if the rows are the same."""
        return None

    def _prepare(self) -> None:
        """Called before each refresh (e.g. to take the time 'now' once)."""

    def row_at(self, row: int) -> R:
        return self._rows[row]

    @staticmethod
    def key(row: R) -> object:
        """What identifies a row across reloads: its first field, a database id."""
        return row[0]

    def row_of(self, key: object) -> int | None:
        """The row number of the loaded row with this key, or None."""
        return next((n for n, row in enumerate(self._rows) if self.key(row) == key), None)

    def sort_column(self) -> int:
        """The column the rows are sorted by: the one clicked, or the first with the sort key."""
        if self._sort_column is not None and self._sort_key(self._sort_column) == self._sort:
            return self._sort_column
        return next((n for n in range(len(self.COLUMNS)) if self._sort_key(n) == self._sort), 0)

    def sort_order(self) -> Qt.SortOrder:
        return Qt.SortOrder.DescendingOrder if self._descending else Qt.SortOrder.AscendingOrder

    def canFetchMore(self, parent: Index = ROOT) -> bool:  # noqa: N802
        return not parent.isValid() and self._more

    def fetchMore(self, parent: Index = ROOT) -> None:  # noqa: N802
        if parent.isValid():
            return
        more = self._fetch(len(self._rows))
        self._more = len(more) == self.PAGE
        if more:
            self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(more) - 1)
            self._rows.extend(more)
            self.endInsertRows()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = self._sort_key(column) if 0 <= column < len(self.COLUMNS) else None
        if key is not None:
            self._sort, self._sort_column = key, column
            self._descending = order == Qt.SortOrder.DescendingOrder
            self.refresh()

    def rowCount(self, parent: Index = ROOT) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = ROOT) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = self.COLUMNS[index.column()]
        if isinstance(column, Column):
            if role == Qt.ItemDataRole.DisplayRole:
                return column.text(row)
            if role == Qt.ItemDataRole.ToolTipRole:
                return column.tooltip(row) if column.tooltip is not None else None
            if role == Qt.ItemDataRole.DecorationRole:
                return column.icon(row) if column.icon is not None else None
        return self.row_data(row, role)

    def row_data(self, row: R, role: int) -> object:
        """What the whole row answers for `role` (its background, its key for UserRole)."""
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.tr(self._header(section))
        if role == Qt.ItemDataRole.ToolTipRole and orientation == Qt.Orientation.Horizontal \
                and self._sort_key(section) is None:
            # translate() with this class's context: self.tr() would look under the subclass's name
            return QCoreApplication.translate("PagedTableModel", "Kolom ini tidak dapat diurutkan")
        return None


def keep_sort_indicator(view: QTableView) -> None:
    """Sort a PagedTableModel by clicking the header, with the header's arrow always on the
    column the rows are really sorted by: a click on a column without a sort key of its own
    leaves the order and the arrow where they were."""
    model = _paged(view)
    header = view.horizontalHeader()
    header.setSortIndicator(model.sort_column(), model.sort_order())
    view.setSortingEnabled(True)  # sorts by the indicator: the model's own order

    def follow(_column: int, _order: Qt.SortOrder) -> None:  # runs after the view's own sort slot
        column, order = model.sort_column(), model.sort_order()
        if (header.sortIndicatorSection(), header.sortIndicatorOrder()) != (column, order):
            header.blockSignals(True)
            header.setSortIndicator(column, order)
            header.blockSignals(False)
            header.viewport().update()

    header.sortIndicatorChanged.connect(follow)


def refresh_in_place(view: QTableView) -> None:
    """Reload the view's PagedTableModel with the same filters, keeping the selected row (by
    key) and the scroll position. When the selected row is gone (its step was completed),
    the row that took its place is selected: the next one in the list."""
    model = _paged(view)
    selected = view.selectionModel().selectedRows()
    old_row = selected[0].row() if selected else None
    key = model.key(model.row_at(old_row)) if old_row is not None else None
    column = max(view.currentIndex().column(), 0)
    vertical, horizontal = view.verticalScrollBar().value(), view.horizontalScrollBar().value()
    top = view.rowAt(0)  # the line read at the top of a scrolled list
    top_key = model.key(model.row_at(top)) if vertical > 0 and 0 <= top < model.rowCount() else None
    if not model.refresh(keep_loaded=True):  # the same rows: selection and scroll are as they were
        return
    view.doItemsLayout()  # the scroll bars' new ranges, before the old values are put back
    if old_row is not None and model.rowCount():
        row = model.row_of(key)
        if row is None:
            row = min(old_row, model.rowCount() - 1)
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        view.selectionModel().setCurrentIndex(model.index(row, column), flags)
    view.verticalScrollBar().setValue(vertical)
    view.horizontalScrollBar().setValue(horizontal)
    if top_key is not None and (row := model.row_of(top_key)) is not None and row != view.rowAt(0):
        # a line came (or went) above it: the same line stays on top, the list does not move under the eye
        view.scrollTo(model.index(row, max(view.columnAt(0), 0)), QAbstractItemView.ScrollHint.PositionAtTop)
        view.horizontalScrollBar().setValue(horizontal)


def _paged(view: QTableView) -> PagedTableModel[tuple[object, ...]]:
    model = view.model()
    assert isinstance(model, PagedTableModel), "the view shows a PagedTableModel"
    return model
