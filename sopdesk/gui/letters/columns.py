"""Named columns for the three registers (surat masuk, surat keluar, buku ekspedisi): each
column says its header, the key the page query sorts by, and how a row reads in it (text,
tooltip, background, alignment), so the models never branch on column numbers.

`RegisterModel` is the PagedTableModel all three share: it answers `data()` from its columns
and draws a void line (grey, struck through, the marking column saying BATAL)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from sopdesk.gui.context import GuiContext
from sopdesk.gui.correction_dialog import Row
from sopdesk.gui.letters.common import VOID_INK, letters_tr
from sopdesk.gui.paged_model import Column, Index, PagedTableModel

R = TypeVar("R", bound=Row)  # a line of one of the registers


@dataclass(frozen=True)
class RegisterColumn(Column[R]):
    """A paged_model.Column that may also colour its cell, align it right, and mark a void
    line (the column whose text says BATAL then)."""

    background: Callable[[R], QColor | None] | None = None
    void_text: Callable[[R], str] | None = None  # set on the column that marks a void line
    right: bool = False  # right-aligned (numbers)


class RegisterModel(PagedTableModel[R]):
    """A register's paged model; subclasses give the columns, `_fetch`, `_count` and `user_value`."""

    def __init__(self, ctx: GuiContext, columns: Sequence[RegisterColumn[R]], sort: str, descending: bool,
                 parent: QObject | None = None):
        super().__init__(sort, descending, parent)
        self.ctx = ctx
        self.columns = tuple(columns)
        self.COLUMNS = self.columns

    def user_value(self, row: R) -> object:
        """What Qt.UserRole answers for a row (its number in the register)."""
        raise NotImplementedError

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = self.columns[index.column()]
        if row.void:
            look = _void_look(row, column.void_text is not None, role)
            if look is not NotImplemented:
                return look
            if role == Qt.ItemDataRole.DisplayRole and column.void_text is not None:
                return column.void_text(row)
        if role == Qt.ItemDataRole.BackgroundRole:
            colour = column.background(row) if column.background is not None else None
            return QBrush(colour) if colour is not None else None
        if role == Qt.ItemDataRole.TextAlignmentRole and column.right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return super().data(index, role)

    def row_data(self, row: R, role: int) -> object:
        return self.user_value(row) if role == Qt.ItemDataRole.UserRole else None


def _void_look(row: Row, marking: bool, role: int) -> object:
    """How a void line looks (NotImplemented: as any other line): grey, struck through except
    its marking column, which says BATAL in bold; the reason as the tooltip of every cell."""
    if role == Qt.ItemDataRole.ForegroundRole:
        return QBrush(VOID_INK)
    if role == Qt.ItemDataRole.FontRole:
        font = QFont()
        font.setStrikeOut(not marking)
        font.setBold(marking)
        return font
    if role == Qt.ItemDataRole.ToolTipRole:
        return letters_tr("BATAL: {0}").format(row.void_reason)
    if role in (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.DecorationRole):  # no tint, no dot
        return None
    return NotImplemented
