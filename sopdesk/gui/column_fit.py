"""The columns of a register fit the view, with no sideways scroll.

At 1024x768 the surat masuk listed eight columns in about 720 pixels: the Kasus and the
sender's Nomor surat sat past the right edge behind a horizontal scrollbar, and the Perihal
(the column that stretches) kept its readable width only by pushing the table wider than the
view. Here each register names the columns it can do without, least needed first: they are
hidden while the others and a readable Perihal do not fit, and shown again when the window
widens (what they say is in the tooltip of the row's Pengirim/Tujuan and Perihal). The
stretched column takes the room left; it never shrinks below `minimum`.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QHeaderView, QTableView


class ColumnFit(QObject):
    """Installed on the table's viewport: refits the columns on every resize."""

    def __init__(self, table: QTableView, stretch: int, optional: Sequence[int], minimum: int = 160):
        super().__init__(table)
        self.table, self.stretch, self.minimum = table, stretch, minimum
        self.optional = tuple(optional)  # least needed first
        header = table.horizontalHeader()
        self.widths = {column: header.sectionSize(column) for column in self.optional}  # as set
        header.sectionResized.connect(self._remember)
        table.viewport().installEventFilter(self)
        self.fit(table.viewport().width())

    def _remember(self, column: int, _old: int, new: int) -> None:
        """A width the user dragged an optional column to is the one it comes back with."""
        if column in self.widths and new > 0:
            self.widths[column] = new

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if isinstance(event, QResizeEvent):
            self.fit(event.size().width())
        return False

    def fit(self, width: int) -> None:
        """Show the optional columns, most needed first, while they fit beside the others and
        a readable stretched column; then stretch that column, or keep it at `minimum`."""
        header = self.table.horizontalHeader()
        fixed = sum(header.sectionSize(column) for column in range(header.count())
                    if column != self.stretch and column not in self.widths and not header.isSectionHidden(column))
        room = width - fixed - self.minimum
        fits = True
        for column in reversed(self.optional):
            fits = fits and self.widths[column] <= room
            if fits:
                room -= self.widths[column]
                if header.isSectionHidden(column):
                    header.showSection(column)
                    header.resizeSection(column, self.widths[column])
            elif not header.isSectionHidden(column):
                header.hideSection(column)
        if room >= 0:
            header.setSectionResizeMode(self.stretch, QHeaderView.ResizeMode.Stretch)
        else:
            header.setSectionResizeMode(self.stretch, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(self.stretch, self.minimum)

    def hidden(self) -> list[int]:
        """The optional columns hidden now (logical indexes)."""
        header = self.table.horizontalHeader()
        return [column for column in self.optional if header.isSectionHidden(column)]
