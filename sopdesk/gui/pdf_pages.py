"""A rendered printout held in memory for the print preview: its page count, its page sizes
and its pages as images, and the names the office gives paper sizes ("A4", "F4").

QtPdf is not part of PySide6-Essentials, so pages are rasterised by PDFium (pypdfium2, a
maintained binding with binary wheels) instead of by a renderer of our own."""

from __future__ import annotations

import pypdfium2 as pdfium
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QImage

from sopdesk.errors import UserError

POINTS_PER_INCH = 72.0
MM_PER_POINT = 25.4 / POINTS_PER_INCH
NAMED_PAPERS = {"A4": (210, 297), "F4": (215, 330)}  # mm, short side first (reports.base.PAPERS)


def paper_name(width: float, height: float) -> str:
    """A page size in points as the office names it: "A4", "F4", else "W × H mm"."""
    short, long_ = sorted((round(width * MM_PER_POINT), round(height * MM_PER_POINT)))
    for name, (w, h) in NAMED_PAPERS.items():
        if abs(short - w) <= 1 and abs(long_ - h) <= 1:
            return name
    return f"{short} × {long_} mm"


class PdfPages:
    """A PDF held in memory: its page count, page sizes and pages as QImages."""

    def __init__(self, data: bytes):
        self.data = data
        try:
            self._doc: pdfium.PdfDocument | None = pdfium.PdfDocument(data)
        except pdfium.PdfiumError as exc:
            message = QCoreApplication.translate("PdfPages", "Berkas PDF tidak dapat dibaca: {0}")
            raise UserError(message.format(exc)) from None
        self.sizes = [self._doc.get_page_size(i) for i in range(len(self._doc))]  # points (w, h)
        if not self.sizes:
            self.close()
            raise UserError(QCoreApplication.translate("PdfPages", "Berkas PDF tidak berisi halaman."))

    def __len__(self) -> int:
        return len(self.sizes)

    def paper_names(self) -> list[str]:
        """The paper of each page size, once each, in page order."""
        return list(dict.fromkeys(paper_name(w, h) for w, h in self.sizes))

    def render(self, index: int, scale: float, rotation: int = 0) -> QImage:
        """Page `index` at `scale` pixels per point (rotated clockwise by `rotation` degrees)."""
        if self._doc is None:  # closed with its preview
            return QImage()
        page = self._doc[index]
        try:
            bitmap = page.render(scale=scale, rotation=rotation, prefer_bgrx=True, rev_byteorder=True)
            image = QImage(bytes(bitmap.buffer), bitmap.width, bitmap.height, bitmap.stride,
                           QImage.Format.Format_RGBX8888).copy()
            bitmap.close()
        finally:
            page.close()
        return image

    def close(self) -> None:
        if self._doc is not None:
            self._doc.close()
            self._doc = None


def close_all(held: list[PdfPages]) -> None:
    for pages in held:
        pages.close()
