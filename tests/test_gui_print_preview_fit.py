"""The print preview fitted to the window keeps fitting when the paper changes: at 1024x768 the
buku tamu opened on A4 at 81 %, and chosen on F4 (wider) stayed at 81 %, its last column
(Petugas) cut at the window's right edge behind a sideways scroll bar. A zoom the clerk chose
(Perbesar, Perkecil) stays as it was."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from reportlab.pdfgen import canvas

from sopdesk.gui.print_preview import PrintPreviewDialog

A4_LANDSCAPE = (841.9, 595.3)
F4_LANDSCAPE = (935.4, 609.4)


def pdf_of(path: Path, size: tuple[float, float]) -> Path:
    page = canvas.Canvas(str(path), pagesize=size)
    page.drawString(72, size[1] - 72, "BUKU TAMU / REGISTER PERMOHONAN INFORMASI")
    page.showPage()
    page.save()
    return path


def page_fits(dialog: PrintPreviewDialog) -> bool:
    return dialog.views[0].width() <= dialog.scroll_area.viewport().width()


def opened(qtbot, pdf: Path) -> PrintPreviewDialog:  # noqa: ANN001
    dialog = PrintPreviewDialog(pdf, "buku-tamu.pdf")
    qtbot.addWidget(dialog)
    dialog.resize(980, 700)  # what it takes on a 1024x768 screen
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(lambda: dialog.zoom < 1.0)  # fitted to the window's width
    return dialog


def test_a_wider_paper_is_fitted_to_the_window_again(qtbot, tmp_path):
    dialog = opened(qtbot, pdf_of(tmp_path / "a4.pdf", A4_LANDSCAPE))
    assert page_fits(dialog)
    a4_zoom = dialog.zoom
    dialog.show_pdf(pdf_of(tmp_path / "f4.pdf", F4_LANDSCAPE))
    qtbot.waitUntil(lambda: dialog.zoom < a4_zoom)
    assert page_fits(dialog)
    assert dialog.zoom_label.text() == f"{round(dialog.zoom * 100)} %"


def test_a_zoom_the_clerk_chose_stays_on_the_other_paper(qtbot, tmp_path):
    dialog = opened(qtbot, pdf_of(tmp_path / "a4.pdf", A4_LANDSCAPE))
    qtbot.mouseClick(dialog.zoom_in_button, Qt.MouseButton.LeftButton)
    chosen = dialog.zoom
    dialog.show_pdf(pdf_of(tmp_path / "f4.pdf", F4_LANDSCAPE))
    qtbot.wait(50)
    assert dialog.zoom == chosen
