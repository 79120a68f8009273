"""A table column that takes the room the other columns leave, but never less than a readable
width.

QHeaderView's Stretch mode shrinks a column to nothing when the other columns already fill the
view: at 1024x768 the Perihal of the letter registers vanished. Here the column stretches while
there is room for `minimum` pixels; below that it keeps `minimum` and the table scrolls sideways.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QHeaderView, QTableView


class ReadableStretch(QObject):
    """Installed on the table's viewport: refits column `column` on every resize."""

    def __init__(self, table: QTableView, column: int, minimum: int):
        super().__init__(table)
        self.table, self.column, self.minimum = table, column, minimum
        table.viewport().installEventFilter(self)
        self.fit(table.viewport().width())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if isinstance(event, QResizeEvent):
            self.fit(event.size().width())
        return False

    def fit(self, width: int) -> None:
        header = self.table.horizontalHeader()
        others = sum(header.sectionSize(c) for c in range(header.count())
                     if c != self.column and not header.isSectionHidden(c))
        if width - others >= self.minimum:
            header.setSectionResizeMode(self.column, QHeaderView.ResizeMode.Stretch)
        else:
            header.setSectionResizeMode(self.column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(self.column, self.minimum)


def keep_readable(table: QTableView, column: int, minimum: int = 160) -> ReadableStretch:
    return ReadableStretch(table, column, minimum)
