"""Every printout of the screens goes through print_pdf: the PDF is rendered on the worker
thread into a temporary folder, on this PC's paper (A4 or F4, chosen in Pengaturan), then
opens in the program's print preview, where it is sent to a printer or saved as a PDF
(gui/print_preview.py).

The paper is this PC's setting, not the office's: it is the paper in the drawer of the printer
beside this desk (a front desk on F4 and a secretariat on A4 happen in one office), any user may
change it (no administrator is needed to reload a printer), and it needs no database column."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, QSettings, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QWidget

from sopdesk.gui.date_field import DateField
from sopdesk.gui.messages import ERROR_STYLE, show_error
from sopdesk.gui.print_preview import PrintPreviewDialog
from sopdesk.gui.worker import Worker

PAPER_KEY = "print/paper"
PAPERS = ("A4", "F4")  # reports.base.PAPERS; not imported here: ReportLab loads at the first printout


def saved_paper() -> str:
    """The paper every printout of the window is on: "A4" (the default) or "F4"."""
    value = str(QSettings().value(PAPER_KEY, "A4") or "A4").strip().upper()
    return value if value in PAPERS else "A4"


def save_paper(paper: str) -> None:
    paper = paper.strip().upper()
    if paper not in PAPERS:
        raise ValueError(f"unknown paper {paper!r}")
    QSettings().setValue(PAPER_KEY, paper)


def print_pdf(parent: QWidget, worker: Worker | None, default_name: str, render: Callable[[Path], Path],
              on_finished: Callable[[Path | None], None] | None = None, *,
              on_opened: Callable[[PrintPreviewDialog], None] | None = None) -> PrintPreviewDialog | None:
    """`render(path)` writes the PDF (on the worker when there is one) into a temporary folder,
    then the preview opens (returned when there is no worker) holding the document in memory,
    and the folder is removed. `on_opened` is handed the preview as it opens (to follow its
    saved/printed/finished signals; no search among the parent's children for it);
    `on_finished` then gets the path the PDF was rendered to, or None when rendering failed;
    errors are shown."""
    folder = Path(tempfile.mkdtemp(prefix="sopdesk-cetak-"))
    name = default_name if default_name.lower().endswith(".pdf") else default_name + ".pdf"
    opened: list[PrintPreviewDialog] = []
    paper = saved_paper()  # read here, on the GUI thread; the rendering may run on the worker

    def done(result: Path) -> None:
        try:
            dialog = PrintPreviewDialog(result, name, parent)
        except Exception as exc:  # noqa: BLE001 - shown to the user, bugs logged
            failed(exc)
            return
        finally:
            shutil.rmtree(folder, ignore_errors=True)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.setWindowModality(Qt.WindowModality.NonModal)
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        opened.append(dialog)
        dialog.offer_paper(paper, lambda chosen: _again_on(chosen, dialog, worker, name, render))
        if on_opened:
            on_opened(dialog)
        if on_finished:
            on_finished(result)

    def failed(exc: BaseException) -> None:
        shutil.rmtree(folder, ignore_errors=True)
        show_error(parent, exc)
        if on_finished:
            on_finished(None)

    _run(worker, lambda: _rendered_on(paper, render, folder, name), done, failed)
    return opened[0] if opened else None


def _rendered_on(paper: str, render: Callable[[Path], Path], folder: Path, name: str) -> Path:
    """`render` into `folder` under the printout's file name, on `paper` (a printout that names
    no paper of its own is on it: reports.base.using_paper)."""
    from sopdesk.reports.base import using_paper

    with using_paper(paper):
        return render(folder / name.replace("/", "-"))


def _run(worker: Worker | None, job: Callable[[], Path], done: Callable[[Path], None],
         failed: Callable[[BaseException], None]) -> None:
    """`job` on the worker (then `done` or `failed` on the GUI thread), or at once without one."""
    if worker is None:
        try:
            result = job()
        except Exception as exc:  # noqa: BLE001 - shown to the user, bugs logged
            failed(exc)
        else:
            done(result)
        return
    worker.submit(job, done, failed)


def _again_on(paper: str, dialog: PrintPreviewDialog, worker: Worker | None, name: str,
              render: Callable[[Path], Path]) -> None:
    """The preview's paper chooser: the printout is rendered again on `paper`, shown in the same
    preview (if it is still open), and `paper` becomes this PC's paper (as in Pengaturan)."""
    folder = Path(tempfile.mkdtemp(prefix="sopdesk-cetak-"))
    closed: list[bool] = []
    dialog.destroyed.connect(lambda *_: closed.append(True))

    def done(result: Path) -> None:
        try:
            save_paper(paper)
            if not closed:
                dialog.show_pdf(result)
        except Exception as exc:  # noqa: BLE001 - shown to the user, bugs logged
            failed(exc)
        finally:
            shutil.rmtree(folder, ignore_errors=True)

    def failed(exc: BaseException) -> None:
        shutil.rmtree(folder, ignore_errors=True)
        if not closed:
            show_error(dialog, exc)
            dialog.paper_failed()

    _run(worker, lambda: _rendered_on(paper, render, folder, name), done, failed)


class PeriodDialog(QDialog):
    """Ask for a date range (from `start`, or the first of this month, to today by default).
    `today` is the office's day (its calendar's time zone); the PC's own date is the fallback: on a PC whose
    clock is set to another zone (UTC) the buku tamu of 4 December, printed at 02.30 WITA,
    defaulted to end on the 3rd and left out the morning's visitors."""

    def __init__(self, parent: QWidget | None, title: str, today: date | None = None, start: date | None = None):
        super().__init__(parent)
        self.setWindowTitle(title)
        day = QDate(today.year, today.month, today.day) if today else QDate.currentDate()
        first = QDate(start.year, start.month, start.day) if start else QDate(day.year(), day.month(), 1)
        self.start = DateField(first)
        self.end = DateField(day)
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
        return _day(self.start.date()), _day(self.end.date())

    def _check(self) -> None:
        start, end = self.dates()
        if start > end:
            self.error.setText(self.tr("Tanggal awal harus sebelum tanggal akhir."))
            return
        self.accept()


def _day(value: QDate) -> date:
    """A QDate as a date (QDate.toPython is typed `object` in PySide's stub)."""
    return date(value.year(), value.month(), value.day())
