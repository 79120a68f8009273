"""Print/export to PDF from any screen: ask where to save, render on the worker thread,
open the PDF in the system viewer when it is ready."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, QStandardPaths, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDateEdit, QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QLabel, QWidget

from sopdesk.gui.messages import ERROR_STYLE, show_error
from sopdesk.gui.worker import Worker


def default_folder() -> Path:
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(documents) if documents else Path.home()


def print_pdf(parent: QWidget, worker: Worker | None, default_name: str, render: Callable[[Path], Path],
              on_finished: Callable[[Path | None], None] | None = None) -> None:
    """`render(path)` writes the PDF (on the worker when there is one); errors are shown."""
    chosen, _ = QFileDialog.getSaveFileName(parent, QCoreApplication.translate("printing", "Simpan PDF"),
                                            str(default_folder() / default_name),
                                            QCoreApplication.translate("printing", "Dokumen PDF (*.pdf)"))
    if not chosen:
        return
    path = Path(chosen if chosen.lower().endswith(".pdf") else chosen + ".pdf")

    def done(result: Path) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(result)))
        if on_finished:
            on_finished(result)

    def failed(exc: BaseException) -> None:
        show_error(parent, exc)
        if on_finished:
            on_finished(None)

    if worker is None:
        try:
            result = render(path)
        except Exception as exc:  # noqa: BLE001 - shown to the user, bugs logged
            failed(exc)
        else:
            done(result)
        return
    worker.submit(lambda: render(path), done, failed)


class PeriodDialog(QDialog):
    """Ask for a date range (from the first of this month to today by default)."""

    def __init__(self, parent: QWidget | None, title: str):
        super().__init__(parent)
        self.setWindowTitle(title)
        today = QDate.currentDate()
        self.start = QDateEdit(QDate(today.year(), today.month(), 1))
        self.end = QDateEdit(today)
        for edit in (self.start, self.end):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd-MM-yyyy")
        self.error = QLabel()
        self.error.setStyleSheet(ERROR_STYLE)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._check)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Dari tanggal"), self.start)
        form.addRow(self.tr("Sampai tanggal"), self.end)
        form.addRow(self.error)
        form.addRow(buttons)

    def dates(self) -> tuple[date, date]:
        return self.start.date().toPython(), self.end.date().toPython()

    def _check(self) -> None:
        start, end = self.dates()
        if start > end:
            self.error.setText(self.tr("Tanggal awal harus sebelum tanggal akhir."))
            return
        self.accept()
