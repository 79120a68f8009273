"""The print preview every printout opens in: the pages of the rendered PDF, scrollable and
zoomable, then "Cetak…" (a printer, copies, a page range) or "Simpan PDF…".

The PDF is held and rasterised by `pdf_pages` (PDFium); the printer gets each page from
`page_printer`, as an image at its own resolution and at true size on the paper. Pages are
rendered here when they scroll into view, so a buku ekspedisi of hundreds of pages opens at
once.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSize, QSizeF, QStandardPaths, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QImage, QKeySequence, QPageLayout, QPageSize, QPainter, QPaintEvent
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QProgressDialog,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from sopdesk.errors import UserError
from sopdesk.gui.enter_presses import enter_presses_buttons
from sopdesk.gui.messages import show_error
from sopdesk.gui.page_printer import pages_to_print, print_pages
from sopdesk.gui.pdf_pages import NAMED_PAPERS, POINTS_PER_INCH, PdfPages, close_all, paper_name
from sopdesk.gui.shortcuts import shortcut

__all__ = ["PdfPages", "PrintPreviewDialog", "default_folder", "paper_name"]

SCREEN_DPI = 96.0  # "100 %": a page as large as it is on paper on an ordinary monitor
ZOOM_STEPS = (0.25, 0.33, 0.5, 0.67, 0.75, 1.0, 1.25, 1.5, 2.0, 3.0, 4.0)
CACHED_PAGES = 16
PAGE_GAP = 12


def default_folder() -> Path:
    """Where a saved PDF goes first: the user's Documents folder."""
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(documents) if documents and Path(documents).is_dir() else Path.home()


class _PageView(QWidget):
    """One page in the preview: paints the page image, rendered when it is first seen."""

    def __init__(self, preview: PrintPreviewDialog, index: int):
        super().__init__()
        self.preview = preview
        self.index = index

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        painter.fillRect(self.rect(), Qt.GlobalColor.white)
        image = self.preview.page_image(self.index)
        size = image.deviceIndependentSize()
        if abs(size.width() - self.width()) <= 2 and abs(size.height() - self.height()) <= 2:
            # its own pixels: the render rounds its size apart from the view's by a pixel, and
            # stretching it by that one pixel dropped a row mid-page, cutting a line of the buku
            # tamu in half at 81 % (Xvfb 1024x768: "Dinas Dukcapil Kota" lost its upper half)
            painter.drawImage(0, 0, image)
        else:
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            painter.drawImage(self.rect(), image)
        painter.setPen(QColor("#9a9a9a"))
        painter.drawRect(self.rect().adjusted(0, 0, -1, -1))
        painter.end()


class PrintPreviewDialog(QDialog):
    """Shows `pdf` (a rendered printout) and prints or saves it; `default_name` is offered when saving."""

    saved = Signal(Path)
    printed = Signal(int)  # pages sent to the printer

    def __init__(self, pdf: Path, default_name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.pages = PdfPages(Path(pdf).read_bytes())  # held in memory: the file may go at once
        self.default_name = default_name
        pages = self.pages
        self._held = [pages]  # every PDF shown (another paper replaces it), closed with the dialog
        self.destroyed.connect(lambda *_, held=self._held: close_all(held))
        self.zoom = 1.0
        # the zoom follows the window's width (as opened, or Selebar jendela) until the clerk
        # zooms in or out: another paper is then fitted again, not cut at the right edge
        self.follows_width = True
        self.printer: QPrinter | None = None
        self._cache: OrderedDict[int, QImage] = OrderedDict()
        self.setWindowTitle(self.tr("Pratinjau cetak – {0}").format(default_name))
        self.setSizeGripEnabled(True)

        layout = QVBoxLayout(self)
        layout.addLayout(self._tool_row())
        layout.addWidget(self._page_column(), 1)
        layout.addLayout(self._button_row())
        for keys, slot in ((QKeySequence.StandardKey.Print, self.print_document),
                           (QKeySequence.StandardKey.Save, self.save_pdf),
                           (QKeySequence.StandardKey.ZoomIn, self.zoom_in),
                           (QKeySequence("Ctrl+="), self.zoom_in),
                           (QKeySequence.StandardKey.ZoomOut, self.zoom_out),
                           (QKeySequence("Ctrl+0"), self.fit_width)):
            shortcut(QKeySequence(keys), self, slot)

        self._apply_zoom()
        self.scroll_area.setFocus()
        self.finished.connect(self._release)
        screen = self.screen().availableGeometry() if self.screen() else None
        if screen is not None:
            self.resize(min(980, screen.width() - 40), screen.height() - 60)
        self._fitted = False

    def _page_column(self) -> QScrollArea:
        """The pages one under another on a grey ground, in a scroll area."""
        self.container = QWidget()
        self.container.setObjectName("previewPages")
        self.container.setStyleSheet("#previewPages { background: #6f7378; }")
        self.column = column = QVBoxLayout(self.container)
        column.setSpacing(PAGE_GAP)
        column.setContentsMargins(PAGE_GAP, PAGE_GAP, PAGE_GAP, PAGE_GAP)
        self.views = [_PageView(self, i) for i in range(len(self.pages))]
        for view in self.views:
            column.addWidget(view, 0, Qt.AlignmentFlag.AlignHCenter)
        column.addStretch(1)  # a short document starts at the top
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidget(self.container)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.scroll_area.verticalScrollBar().valueChanged.connect(self._update_page_label)
        # Page Down and the arrows move through the pages
        self.scroll_area.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        return self.scroll_area

    def _tool_row(self) -> QHBoxLayout:
        """The page shown, the paper (or its chooser) and the zoom."""
        self.page_label = QLabel()
        self.paper_label = QLabel(self._paper_text())  # the paper to load in the printer
        self.paper_label.setObjectName("previewPaper")
        self.paper_label.setToolTip(self.tr("Ukuran kertas cetakan dari jendela ini diatur di Pengaturan"))
        self.paper_choice = QComboBox()  # in the label's place once offer_paper is called
        self.paper_choice.setObjectName("previewPaperChoice")
        self.paper_choice.setToolTip(self.tr("Ukuran kertas; pilihan ini juga dipakai cetakan berikutnya"))
        for name in NAMED_PAPERS:
            self.paper_choice.addItem(self.tr("Kertas {0}").format(name), name)
        self.paper_choice.hide()
        self.paper_choice.currentIndexChanged.connect(self._paper_chosen)
        self._choose_paper: Callable[[str], None] | None = None
        self.zoom_label = QLabel()
        self.zoom_out_button = self._button(self.tr("Perkecil"), self.tr("Perkecil (Ctrl+-)"), self.zoom_out)
        self.zoom_in_button = self._button(self.tr("Perbesar"), self.tr("Perbesar (Ctrl++)"), self.zoom_in)
        self.fit_button = self._button(self.tr("Selebar jendela"), self.tr("Halaman selebar jendela (Ctrl+0)"),
                                       self.fit_width)
        tools = QHBoxLayout()
        tools.addWidget(self.page_label)
        tools.addSpacing(PAGE_GAP * 2)
        tools.addWidget(self.paper_label)
        tools.addWidget(self.paper_choice)
        tools.addStretch(1)
        tools.addWidget(self.zoom_out_button)
        tools.addWidget(self.zoom_label)
        tools.addWidget(self.zoom_in_button)
        tools.addWidget(self.fit_button)
        return tools

    def _button_row(self) -> QHBoxLayout:
        """The status (what was printed or saved), then Cetak…, Simpan PDF…, Tutup."""
        self.status = QLabel()
        self.print_button = self._button(self.tr("Cetak…"), self.tr("Kirim ke pencetak (Ctrl+P)"),
                                         self.print_document)
        self.save_button = self._button(self.tr("Simpan PDF…"), self.tr("Simpan sebagai berkas PDF (Ctrl+S)"),
                                        self.save_pdf)
        self.close_button = self._button(self.tr("Tutup"), self.tr("Tutup pratinjau (Esc)"), self.reject)
        self.print_button.setAutoDefault(True)
        self.print_button.setDefault(True)
        # Enter on a focused Tutup closes, not prints (Cetak… is the default)
        enter_presses_buttons(self)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.close_button)
        return buttons

    def _button(self, text: str, tooltip: str, pressed: Callable[[], object]) -> QPushButton:
        """A button that Enter on another one does not press (not an auto-default)."""
        button = QPushButton(text)
        button.setToolTip(tooltip)
        button.setAutoDefault(False)
        button.clicked.connect(pressed)
        return button

    # --- pages -------------------------------------------------------------------------------------------
    def page_count(self) -> int:
        return len(self.pages)

    def current_page(self) -> int:
        """The page (0-based) at the upper third of the visible area."""
        mark = self.scroll_area.verticalScrollBar().value() + self.scroll_area.viewport().height() // 3
        for view in self.views:
            if view.geometry().bottom() + PAGE_GAP >= mark:
                return view.index
        return len(self.views) - 1

    def page_image(self, index: int) -> QImage:
        """Page `index` at the current zoom (cached for the pages last seen)."""
        image = self._cache.get(index)
        if image is None:
            ratio = self.devicePixelRatioF()
            image = self.pages.render(index, self.zoom * SCREEN_DPI / POINTS_PER_INCH * ratio)
            image.setDevicePixelRatio(ratio)
            self._cache[index] = image
            while len(self._cache) > CACHED_PAGES:
                self._cache.popitem(last=False)
        else:
            self._cache.move_to_end(index)
        return image

    def show_page(self, index: int) -> None:
        self.scroll_area.verticalScrollBar().setValue(self.views[index].y() - PAGE_GAP)

    # --- paper -------------------------------------------------------------------------------------------
    def offer_paper(self, current: str, choose: Callable[[str], None]) -> None:
        """A chooser of the paper in the label's place: `choose(paper)` renders the printout
        again on that paper and hands it to show_pdf (or calls paper_failed). The clerk who
        sees A4 while the printer holds F4 changes it here, not in Pengaturan."""
        self._choose_paper = choose
        self.paper_choice.blockSignals(True)
        self.paper_choice.setCurrentIndex(max(0, self.paper_choice.findData(current)))
        self.paper_choice.blockSignals(False)
        self.paper_label.hide()
        self.paper_choice.show()

    def _paper_chosen(self) -> None:
        if self._choose_paper is None:
            return
        self.paper_choice.setEnabled(False)
        self.print_button.setEnabled(False)
        self.save_button.setEnabled(False)
        paper = self.paper_choice.currentData()
        self.status.setText(self.tr("Menyiapkan cetakan di kertas {0}…").format(paper))
        self._choose_paper(self.paper_choice.currentData())

    def show_pdf(self, pdf: Path) -> None:
        """The printout rendered again (on another paper) in place of the one shown."""
        self.pages = PdfPages(Path(pdf).read_bytes())
        self._held.append(self.pages)
        for view in self.views:
            self.column.removeWidget(view)
            view.deleteLater()
        self.views = [_PageView(self, i) for i in range(len(self.pages))]
        for i, view in enumerate(self.views):
            self.column.insertWidget(i, view, 0, Qt.AlignmentFlag.AlignHCenter)
        self.printer = None  # its page size was the old paper's
        self.paper_label.setText(self._paper_text())
        self._paper_done()
        self.status.clear()
        self._apply_zoom()  # at the zoom the clerk chose
        if self.follows_width:
            # F4 landscape is wider than A4: at A4's fitted 81 % the buku tamu's last column was
            # cut at the right edge of a 1024x768 screen (Xvfb, /tmp/h4/s/17_buku_tamu_f4.png)
            self._later(self._initial_zoom)

    def paper_failed(self) -> None:
        """Rendering on the other paper failed (the error was shown): the printout shown stays."""
        shown = paper_name(*self.pages.sizes[0]) if len(self.pages) else "A4"
        self.paper_choice.blockSignals(True)
        self.paper_choice.setCurrentIndex(max(0, self.paper_choice.findData(shown)))
        self.paper_choice.blockSignals(False)
        self.status.clear()
        self._paper_done()

    def _paper_done(self) -> None:
        for widget in (self.paper_choice, self.print_button, self.save_button):
            widget.setEnabled(True)

    def _paper_text(self) -> str:
        names = self.pages.paper_names()
        return self.tr("Kertas {0}").format(", ".join(names)) if names else ""

    def _update_page_label(self) -> None:
        self.page_label.setText(self.tr("Halaman {0} dari {1}").format(self.current_page() + 1,
                                                                        self.page_count()))

    # --- zoom --------------------------------------------------------------------------------------------
    def set_zoom(self, zoom: float) -> None:
        page = self.current_page()
        self.zoom = min(max(zoom, ZOOM_STEPS[0]), ZOOM_STEPS[-1])
        self._apply_zoom()
        self._later(lambda: self.show_page(page))

    def zoom_in(self) -> None:
        self.follows_width = False
        self.set_zoom(next((z for z in ZOOM_STEPS if z > self.zoom + 0.001), ZOOM_STEPS[-1]))

    def zoom_out(self) -> None:
        self.follows_width = False
        self.set_zoom(next((z for z in reversed(ZOOM_STEPS) if z < self.zoom - 0.001), ZOOM_STEPS[0]))

    def fit_width(self) -> None:
        """The widest page as wide as the visible area."""
        self.follows_width = True
        area = self.scroll_area
        room = area.viewport().width() - 2 * PAGE_GAP - area.verticalScrollBar().sizeHint().width()
        widest = max(w for w, _ in self.pages.sizes)
        self.set_zoom(room / (widest / POINTS_PER_INCH * SCREEN_DPI))

    def _apply_zoom(self) -> None:
        self._cache.clear()
        for view, (width, height) in zip(self.views, self.pages.sizes, strict=True):
            factor = self.zoom * SCREEN_DPI / POINTS_PER_INCH
            view.setFixedSize(QSize(round(width * factor), round(height * factor)))
        self.zoom_label.setText(f"{round(self.zoom * 100)} %")
        self.zoom_in_button.setEnabled(self.zoom < ZOOM_STEPS[-1])
        self.zoom_out_button.setEnabled(self.zoom > ZOOM_STEPS[0])
        self._update_page_label()

    def showEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt override
        super().showEvent(event)
        if not self._fitted:  # the first time: pages as wide as the window allows, at most true size
            self._fitted = True
            self._later(self._initial_zoom)

    def _later(self, call) -> None:  # noqa: ANN001
        """Run `call` once the layout has settled, unless the dialog is gone by then."""
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.timeout.connect(call)
        timer.timeout.connect(timer.deleteLater)
        timer.start(0)

    def _initial_zoom(self) -> None:
        self.fit_width()
        if self.zoom > 1.0:
            self.set_zoom(1.0)

    # --- save --------------------------------------------------------------------------------------------
    def save_pdf(self) -> Path | None:
        offered = str(default_folder() / self.default_name)
        chosen, _ = QFileDialog.getSaveFileName(self, self.tr("Simpan PDF"), offered,
                                                self.tr("Dokumen PDF (*.pdf)"))
        if not chosen:
            return None
        from sopdesk.paths import default_data_dir
        from sopdesk.private_files import write_private
        from sopdesk.reports.target import check_pdf_target, protected_folders

        path = Path(chosen if chosen.lower().endswith(".pdf") else chosen + ".pdf")
        try:
            check_pdf_target(path, protected_folders(default_data_dir()))  # never over the records
            write_private(path, bytes(self.pages.data))  # 0600: a printout holds names and NIKs
        except UserError as exc:
            show_error(self, exc)
            return None
        except OSError as exc:
            show_error(self, UserError(self.tr("Berkas {0} tidak dapat ditulis: {1}").format(
                path, exc.strerror or exc)))
            return None
        self.status.setText(self.tr("PDF disimpan: {0}").format(path))
        self.saved.emit(path)
        return path

    # --- print -------------------------------------------------------------------------------------------
    def print_document(self) -> int:
        """Ask for the printer, copies and pages (QPrintDialog), then print; returns the pages sent."""
        if self.printer is None:
            self.printer = QPrinter(QPrinter.PrinterMode.HighResolution)
            self.printer.setDocName(self.default_name)
            width, height = self.pages.sizes[0]
            self.printer.setPageSize(QPageSize(QSizeF(width, height), QPageSize.Unit.Point,
                                               matchPolicy=QPageSize.SizeMatchPolicy.FuzzyOrientationMatch))
            self.printer.setPageOrientation(QPageLayout.Orientation.Landscape if width > height
                                            else QPageLayout.Orientation.Portrait)
        dialog = QPrintDialog(self.printer, self)
        dialog.setWindowTitle(self.tr("Cetak"))
        option = QAbstractPrintDialog.PrintDialogOption
        for wanted in (option.PrintToFile, option.PrintPageRange, option.PrintCurrentPage, option.PrintCollateCopies,
                       option.PrintShowPageSize):
            dialog.setOption(wanted, True)
        dialog.setMinMax(1, self.page_count())
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return 0
        try:
            sent = self.print_to(self.printer)
        except UserError as exc:
            show_error(self, exc)
            return 0
        if sent is None:
            self.status.setText(self.tr("Pencetakan dibatalkan."))
            return 0
        if sent:
            self.status.setText(self.tr("{0} halaman dikirim ke pencetak.").format(sent))
            self.printed.emit(sent)
        return sent

    def pages_to_print(self, printer: QPrinter) -> list[int]:
        """The pages (0-based) the print dialog asked for (page_printer.pages_to_print)."""
        return pages_to_print(printer, self.page_count(), self.current_page())

    def print_to(self, printer: QPrinter) -> int | None:
        """Paint the chosen pages on `printer`, each at true size on the paper, a progress
        window meanwhile (after a moment); returns the pages sent, None when the user cancelled
        (the job is aborted)."""
        order = self.pages_to_print(printer)
        if not order:
            return 0
        progress = QProgressDialog(self.tr("Mengirim halaman ke pencetak…"), self.tr("Batal"), 0, len(order),
                                   self)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(800)
        try:
            return print_pages(self.pages, printer, order, progress)
        finally:
            progress.close()

    # --- closing -----------------------------------------------------------------------------------------
    def _release(self) -> None:
        self._cache.clear()
        close_all(self._held)
