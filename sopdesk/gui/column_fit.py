"""The columns of a register fit the view, with no sideways scroll.

At 1024x768 the surat masuk listed eight columns in about 720 pixels: the Kasus and the
sender's Nomor surat sat past the right edge behind a horizontal scrollbar, and the Perihal
(the column that stretches) kept its readable width only by pushing the table wider than the
view. Here each register names the columns it can do without, least needed first: they are
hidden while the others and a readable Perihal do not fit, and shown again when the window
widens (what they say is in the tooltip of the row's Pengirim/Tujuan and Perihal). The
stretched column takes the room left; it never shrinks below `minimum`.

At 1366x768 the surat masuk showed every column and the Perihal, what the Kasubag and the
Ketua read, kept about 250 px while Kasus and Nomor surat, mostly a dash, took 260 px. A
register may therefore ask for `snug` optional columns (as wide as what the loaded rows and
the header say, never wider than as set, measured at each reload) and an `ample` Perihal:
an optional column is shown only while the stretched column keeps `ample` beside it.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt
from PySide6.QtGui import QFontMetrics, QResizeEvent
from PySide6.QtWidgets import QHeaderView, QStyleOptionViewItem, QTableView


class ColumnFit(QObject):
    """Installed on the table's viewport: refits the columns on every resize."""

    def __init__(self, table: QTableView, stretch: int, optional: Sequence[int], minimum: int = 160,
                 ample: int | None = None, snug: bool = False):
        super().__init__(table)
        self.table, self.stretch, self.minimum = table, stretch, minimum
        self.ample = minimum if ample is None else max(ample, minimum)
        self.optional = tuple(optional)  # least needed first
        header = table.horizontalHeader()
        self.widths = {column: header.sectionSize(column) for column in self.optional}  # as set
        self.snug: dict[int, int] = {}  # optional column -> the width its loaded rows need
        self.dragged: set[int] = set()  # optional columns the user gave a width: never snug
        self._fitting = False
        header.sectionResized.connect(self._remember)
        table.viewport().installEventFilter(self)
        model = table.model()
        if snug and model is not None:
            model.modelReset.connect(self.refit)
            self._measure()
        self.fit(table.viewport().width())

    def _remember(self, column: int, _old: int, new: int) -> None:
        """A width the user dragged an optional column to is the one it comes back with."""
        if column in self.widths and new > 0 and not self._fitting:
            self.widths[column] = new
            self.dragged.add(column)

    def _measure(self) -> None:
        """How wide each optional column needs to be for its header and its loaded rows."""
        model, header = self.table.model(), self.table.horizontalHeader()
        plain = self.table.fontMetrics()
        for column in self.optional:
            widest, widest_at = -1, None
            for row in range(model.rowCount()):
                index = model.index(row, column)
                text = index.data()
                if text is None:
                    continue
                font = index.data(Qt.ItemDataRole.FontRole)  # a void line's marking column: bold
                width = (plain if font is None else QFontMetrics(font)).horizontalAdvance(str(text))
                if width > widest:
                    widest, widest_at = width, index
            # the widest cell as its delegate paints it (padding and all), asked once: the
            # delegate reads ~10 roles of the model a cell
            cell = self._delegate_width(widest_at) + 1 if widest_at is not None else 0
            self.snug[column] = max(cell, header.sectionSizeFromContents(column).width())

    def _delegate_width(self, index: QModelIndex) -> int:
        option = QStyleOptionViewItem()
        option.initFrom(self.table)  # the view's font and style
        return self.table.itemDelegate().sizeHint(option, index).width()

    def refit(self) -> None:
        """The rows changed (a reload): measure the optional columns again and fit."""
        self._measure()
        self.fit(self.table.viewport().width())

    def _width(self, column: int) -> int:
        """The width an optional column is shown with."""
        if column in self.snug and column not in self.dragged:
            return min(self.widths[column], self.snug[column])
        return self.widths[column]

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if isinstance(event, QResizeEvent):
            self.fit(event.size().width())
        return False

    def fit(self, width: int) -> None:
        """Show the optional columns, most needed first, while they fit beside the others and
        an ample stretched column; then stretch that column, or keep it at `minimum`."""
        self._fitting = True
        try:
            self._fit(width)
        finally:
            self._fitting = False

    def _fit(self, width: int) -> None:
        header = self.table.horizontalHeader()
        fixed = sum(header.sectionSize(column) for column in range(header.count())
                    if column != self.stretch and column not in self.widths and not header.isSectionHidden(column))
        room = width - fixed - self.ample
        fits = True
        for column in reversed(self.optional):
            wanted = self._width(column)
            fits = fits and wanted <= room
            if fits:
                room -= wanted
                if header.isSectionHidden(column):
                    header.showSection(column)
                if header.sectionSize(column) != wanted:
                    header.resizeSection(column, wanted)
            elif not header.isSectionHidden(column):
                header.hideSection(column)
        room += self.ample - self.minimum
        if room >= 0:
            header.setSectionResizeMode(self.stretch, QHeaderView.ResizeMode.Stretch)
        else:
            header.setSectionResizeMode(self.stretch, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(self.stretch, self.minimum)

    def hidden(self) -> list[int]:
        """The optional columns hidden now (logical indexes)."""
        header = self.table.horizontalHeader()
        return [column for column in self.optional if header.isSectionHidden(column)]
