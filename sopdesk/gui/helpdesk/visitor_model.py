"""The table model of the help desk's visitor list: one row per registration, its columns
named (gui.paged_model.Column: header, how a row reads, its tooltip). Rows come from
engine.visitor_lookup.visitors_page, already filtered and ordered by SQL; the model only shows
them (the time in the office's zone, the purpose's label translated).

Where the list is too narrow for five columns (beside the form at 1024x768), the model reads
`compact`: Nama shows the institution on a second line and Keperluan the case number, the date
goes above the time, and the list hides Instansi and Kasus; every fact stays in sight."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import tzinfo

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from sopdesk.engine.visitor_form import PURPOSES
from sopdesk.engine.visitor_lookup import VisitorRow
from sopdesk.gui.paged_model import QT_TRANSLATE_NOOP, Column

# PURPOSES reach tr() as variables (VisitorTableModel._purpose), which lupdate cannot see; these
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
    case). Rows come from engine.visitor_lookup.visitors_page, already filtered by SQL; no
    column sorts (the list is the newest first)."""

    TIME, NAME, INSTITUTION, PURPOSE, CASE = range(5)  # positions in `columns`
    VisitorIdRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, tz: tzinfo, parent: QObject | None = None):
        super().__init__(parent)
        self._tz = tz
        self._rows: list[VisitorRow] = []
        self.labels: dict[str, str] = dict(PURPOSES)  # + the catalog's visitor doors (VisitorList)
        self._with_date = False
        self.columns: tuple[Column[VisitorRow], ...] = (
            Column(QT_TRANSLATE_NOOP("VisitorTableModel", "Waktu"), None, self._time),
            Column(QT_TRANSLATE_NOOP("VisitorTableModel", "Nama"), None, lambda row: row.name),
            Column(QT_TRANSLATE_NOOP("VisitorTableModel", "Instansi"), None, lambda row: row.institution or ""),
            Column(QT_TRANSLATE_NOOP("VisitorTableModel", "Keperluan"), None, self._purpose,
                   tooltip=self._purpose_whole),
            Column(QT_TRANSLATE_NOOP("VisitorTableModel", "Kasus"), None, lambda row: row.case_number or ""),
        )
        self._headers = [self.tr(column.header) for column in self.columns]
        self._compact_headers = {self.NAME: self.tr("Nama / Instansi"), self.PURPOSE: self.tr("Keperluan / Kasus")}
        self.compact = False

    def set_compact(self, compact: bool) -> None:
        """Two lines a row: Nama over Instansi, Keperluan over Kasus, the date over the time
        (the view hides the Instansi and Kasus columns)."""
        if compact == self.compact:
            return
        self.compact = compact
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.columns) - 1)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(self.columns) - 1))

    def _text(self, row: VisitorRow, column: int) -> str:
        """A cell's text; in compact mode with its second line."""
        text = self.columns[column].text(row)
        if not self.compact:
            return text
        if column == self.TIME and self._with_date:
            return text.replace(" ", "\n", 1)
        second = {self.NAME: self.INSTITUTION, self.PURPOSE: self.CASE}.get(column)
        extra = self.columns[second].text(row) if second is not None else ""
        return f"{text}\n{extra}" if extra else text

    @contextmanager
    def single_lines(self) -> Iterator[None]:
        """Every cell on one line for the block, with no signal: the list measures the texts
        of the five-column layout while it shows the compact one (nothing paints meanwhile)."""
        compact, self.compact = self.compact, False
        try:
            yield
        finally:
            self.compact = compact

    def _time(self, row: VisitorRow) -> str:
        local = row.registered_at.astimezone(self._tz)
        return f"{local:%d-%m-%Y %H:%M}" if self._with_date else f"{local:%H:%M}"

    def _purpose(self, row: VisitorRow) -> str:
        return self.tr(self.labels.get(row.purpose, row.purpose))

    def _purpose_whole(self, row: VisitorRow) -> str:
        """The tooltip of the (elided) Keperluan: the whole label, and the visitor's own words."""
        return "\n".join(part for part in (self._purpose(row), row.purpose_text) if part)

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
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 - Qt API
                   role: int = Qt.ItemDataRole.DisplayRole) -> str | None:
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(self._headers)):
            return self._compact_headers.get(section, self._headers[section]) if self.compact \
                else self._headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> str | int | None:
        if not index.isValid() or not 0 <= index.row() < len(self._rows) \
                or not 0 <= index.column() < len(self.columns):
            return None
        row, column = self._rows[index.row()], self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, index.column())
        if role == Qt.ItemDataRole.ToolTipRole:  # the column's own tooltip, else its whole text
            own = column.tooltip(row) if column.tooltip else None
            if own and self.compact and index.column() == self.PURPOSE and row.case_number:
                own += f"\n{row.case_number}"  # the second line of the compact cell
            return own or self._text(row, index.column()) or None
        if role == self.VisitorIdRole:
            return row.visitor_id
        return None
