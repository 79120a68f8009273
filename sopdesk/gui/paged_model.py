"""A table model whose rows come from SQL one page at a time: the database sorts and
filters, the view asks for more rows as it scrolls (never the whole list)."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt


class PagedTableModel(QAbstractTableModel):
    """Subclasses set COLUMNS ((header, sort key) pairs, headers marked with
    QT_TRANSLATE_NOOP under the subclass's name) and implement `_fetch(offset)` (one page of
    rows in the current order) and `_count()` (rows matching the current filters)."""

    COLUMNS: tuple[tuple[str, str], ...] = ()
    PAGE = 100

    def __init__(self, sort: str, descending: bool, parent=None):  # noqa: ANN001
        super().__init__(parent)
        self._rows: list = []
        self._more = False
        self._sort, self._descending = sort, descending
        self.filters: dict = {}
        self.total = 0

    def set_filters(self, **filters) -> None:
        """New filters (keyword arguments of the page query); reloads from the first page."""
        self.filters = filters
        self.refresh()

    def refresh(self) -> None:
        self.beginResetModel()
        self._prepare()
        self._rows = self._fetch(0)
        self._more = len(self._rows) == self.PAGE
        self.total = self._count()
        self.endResetModel()

    def _prepare(self) -> None:
        """Called before each refresh (e.g. to take the time 'now' once)."""

    def row_at(self, row: int):  # noqa: ANN201
        return self._rows[row]

    def canFetchMore(self, parent: QModelIndex = QModelIndex()) -> bool:  # noqa: B008, N802
        return not parent.isValid() and self._more

    def fetchMore(self, parent: QModelIndex = QModelIndex()) -> None:  # noqa: B008, N802
        if parent.isValid():
            return
        more = self._fetch(len(self._rows))
        self._more = len(more) == self.PAGE
        if more:
            self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(more) - 1)
            self._rows.extend(more)
            self.endInsertRows()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if 0 <= column < len(self.COLUMNS):
            self._sort = self.COLUMNS[column][1]
            self._descending = order == Qt.SortOrder.DescendingOrder
            self.refresh()

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.tr(self.COLUMNS[section][0])
        return None
