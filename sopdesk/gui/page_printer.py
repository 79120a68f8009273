"""Sending a previewed printout to a printer: which pages, in what order and how many times
(the print dialog's range, order and copies), each painted as an image at the printer's own
resolution, at true size on the paper (an A4 form prints as the same A4 form), turned when a
landscape page meets portrait paper. The print preview (gui.print_preview) asks for the
printer and shows the progress; this module only paints."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QRectF
from PySide6.QtGui import QPainter
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QProgressDialog

from sopdesk.errors import UserError
from sopdesk.gui.pdf_pages import POINTS_PER_INCH, PdfPages

# office print quality; each page goes to the spooler as an image, 600 dpi would quadruple it
MAX_PRINT_DPI = 300

translate = QCoreApplication.translate  # the texts keep their context "PrintPreviewDialog"


def pages_to_print(printer: QPrinter, page_count: int, current_page: int) -> list[int]:
    """The pages (0-based) the print dialog asked for, each copy in turn when copies are made
    here rather than by the printer."""
    chosen = list(range(page_count))
    ranges = printer.pageRanges()  # "Halaman dari … sampai …" or a list such as 1-2,5
    if printer.printRange() == QPrinter.PrintRange.PageRange and not ranges.isEmpty():
        chosen = [page for page in chosen if ranges.contains(page + 1)]
    elif printer.printRange() == QPrinter.PrintRange.CurrentPage:
        chosen = [current_page]
    if printer.pageOrder() == QPrinter.PageOrder.LastPageFirst:
        chosen.reverse()
    copies = max(printer.copyCount(), 1)
    if printer.outputFormat() == QPrinter.OutputFormat.NativeFormat and printer.supportsMultipleCopies():
        copies = 1  # the printer driver makes the copies
    if printer.collateCopies():
        return chosen * copies
    return [page for page in chosen for _ in range(copies)]


def print_pages(pages: PdfPages, printer: QPrinter, order: list[int], progress: QProgressDialog) -> int | None:
    """Paint the pages of `order` on `printer`, counting them on `progress`; returns the pages
    sent, None when the user cancelled there (the job is aborted)."""
    if not order:
        return 0
    printer.setFullPage(True)  # the page image carries its own margins
    painter = QPainter()
    if not painter.begin(printer):
        raise UserError(translate("PrintPreviewDialog",
                                  "Pencetak tidak dapat dibuka. Periksa pencetak dan coba lagi."))
    try:
        for done, index in enumerate(order):
            if progress.wasCanceled():
                printer.abort()
                return None
            progress.setValue(done)
            if done:
                printer.newPage()
            paint_page(painter, printer, pages, index)
    finally:
        painter.end()
    return len(order)


def paint_page(painter: QPainter, printer: QPrinter, pages: PdfPages, index: int) -> None:
    """One page at true size at the top of the paper, centred across it, turned to the
    paper's orientation; rendered at the printer's resolution (at most MAX_PRINT_DPI)."""
    paper = QRectF(painter.viewport())
    width, height = pages.sizes[index]
    rotation = 90 if (width > height) != (paper.width() > paper.height()) else 0
    if rotation:
        width, height = height, width
    fit = min(paper.width() / width, paper.height() / height)  # device pixels per point
    scale = min(fit, min(printer.resolution(), MAX_PRINT_DPI) / POINTS_PER_INCH)
    image = pages.render(index, scale, rotation)
    target = QRectF(0, 0, width * fit, height * fit)
    target.moveCenter(paper.center())
    target.moveTop(paper.top())
    painter.drawImage(target, image)
