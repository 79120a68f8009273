"""The table model of the help desk's visitor list: one row per registration, its columns
named. Rows come from engine.visitor_lookup.visitors_page, already filtered by SQL; the model
only shows them (the time in the office's zone, the purpose's label translated)."""

from __future__ import annotations

from datetime import tzinfo

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from sopdesk.engine.visitor_lookup import VisitorRow
from sopdesk.engine.visitors import PURPOSES

# PURPOSES reach tr() as variables (VisitorTableModel._display), which lupdate cannot see; these
# markers put each label in the translation source under the class whose tr() shows it
_TR_PURPOSES = (
    QT_TRANSLATE_NOOP("VisitorTableModel", "Permohonan informasi publik"),
    QT_TRANSLATE_NOOP("VisitorTableModel", "Bertamu / bertemu pejabat"),
    QT_TRANSLATE_NOOP("VisitorTableModel", "Pengaduan"),
    QT_TRANSLATE_NOOP("VisitorTableModel", "Konsultasi"),
    QT_TRANSLATE_NOOP("VisitorTableModel", "Lainnya"),
)

Index = QModelIndex | QPersistentModelIndex


class VisitorTableModel(QAbstractTableModel):
    """The desk's visitor list: one row per registration (time, name, institution, purpose,
    case). Rows come from engine.visitor_lookup.visitors_page, already filtered by SQL."""

    TIME, NAME, INSTITUTION, PURPOSE, CASE = range(5)
    VisitorIdRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, tz: tzinfo, parent: QObject | None = None):
        super().__init__(parent)
        self._tz = tz
        self._rows: list[VisitorRow] = []
        self.labels: dict[str, str] = dict(PURPOSES)  # + the catalog's visitor doors (VisitorList)
        self._with_date = False
        self._headers = [self.tr("Waktu"), self.tr("Nama"), self.tr("Instansi"), self.tr("Keperluan"),
                         self.tr("Kasus")]

    def set_rows(self, rows: list[VisitorRow], with_date: bool = False, tz: tzinfo | None = None) -> None:
        """Show these rows; times with their date when the list spans several days, in `tz`
        (the office's time zone) when given."""
        self.beginResetModel()
        self._rows = list(rows)
        self._with_date = with_date
        self._tz = tz or self._tz
        self.endResetModel()

    def visitor_id(self, row: int) -> int:
        return self._rows[row].visitor_id

    def row_of(self, visitor_id: int) -> int | None:
        return next((i for i, r in enumerate(self._rows) if r.visitor_id == visitor_id), None)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt API
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt API
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 - Qt API
                   role: int = Qt.ItemDataRole.DisplayRole) -> str | None:
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(self._headers)):
            return self._headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> str | int | None:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == self.PURPOSE and row.purpose_text:
                return row.purpose_text
            return self._display(row, column) or None
        if role == self.VisitorIdRole:
            return row.visitor_id
        return None

    def _display(self, row: VisitorRow, column: int) -> str:
        if column == self.TIME:
            local = row.registered_at.astimezone(self._tz)
            return f"{local:%d-%m-%Y %H:%M}" if self._with_date else f"{local:%H:%M}"
        if column == self.NAME:
            return row.name
        if column == self.INSTITUTION:
            return row.institution or ""
        if column == self.PURPOSE:
            return self.tr(self.labels.get(row.purpose, row.purpose))
        if column == self.CASE:
            return row.case_number or ""
        return ""
