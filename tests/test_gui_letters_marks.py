"""The segera / rahasia mark of a letter stays seen when its line is selected: the tint of the
Sifat cell was painted over by the selection's highlight, so the letter the Ketua was about to
dispose (the selected one) was the one whose urgency could not be seen (Xvfb)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QIcon
from test_gui_letters import incoming, page_for, worker  # noqa: F401 - the worker fixture

from sopdesk.gui.letters.common import MARK_INK


def _inks_in(page, row: int, column: int) -> set[str]:  # noqa: ANN001
    table = page.incoming_table
    rect = table.visualRect(page.incoming_model.index(row, column))
    image = table.viewport().grab(rect).toImage()
    return {QColor(image.pixel(x, y)).name() for x in range(image.width()) for y in range(image.height())}


def test_a_selected_segera_or_rahasia_line_still_shows_its_mark(qtbot, ws, staff, worker):  # noqa: F811
    for sifat in ("biasa", "rahasia", "segera"):
        incoming(ws, staff["Help Desk"], subject=f"Surat {sifat}", sifat=sifat)
    page = page_for(qtbot, ws, staff["Komisioner"], worker)
    page.resize(1024, 600)
    page.show()
    qtbot.waitExposed(page)
    model = page.incoming_model
    sifat_column = next(n for n, column in enumerate(model.columns) if column.sort == "sifat")
    rows = {model.row_at(n).sifat: n for n in range(model.rowCount())}
    for sifat, ink in (("segera", MARK_INK[QColor("#fde2c4").name()]), ("rahasia", MARK_INK[QColor("#f8d7da").name()])):
        page.incoming_table.selectRow(rows[sifat])
        qtbot.wait(10)
        assert page.selected_letter().sifat == sifat
        assert ink.name() in _inks_in(page, rows[sifat], sifat_column), sifat  # the dot, under the highlight
        icon = model.data(model.index(rows[sifat], sifat_column), Qt.ItemDataRole.DecorationRole)
        assert isinstance(icon, QIcon)
        assert icon.pixmap(12, 12, QIcon.Mode.Selected).toImage() == icon.pixmap(12, 12).toImage()
    assert model.data(model.index(rows["biasa"], sifat_column), Qt.ItemDataRole.DecorationRole) is None


def test_the_disposition_dialog_says_segera_or_rahasia(qtbot, ws, staff):
    """Xvfb: the Ketua disposing ten letters by keyboard met the dialog with no word of the
    letter's urgency (the list's mark was behind the dialog)."""
    from PySide6.QtWidgets import QLabel

    from sopdesk.gui.context import GuiContext
    from sopdesk.gui.letters.disposition_dialog import DispositionDialog

    for sifat, said in (("segera", " · SEGERA"), ("rahasia", " · RAHASIA"), ("biasa", "")):
        agenda, _ = incoming(ws, staff["Help Desk"], subject=f"Surat {sifat}", sifat=sifat)
        dialog = DispositionDialog(GuiContext(ws, staff["Ketua"]), agenda)
        qtbot.addWidget(dialog)
        first = dialog.findChild(QLabel, "letterSummary").text().splitlines()[0]
        assert first == f"{agenda} dari LSM Bengkel APPeK{said}"


def test_the_disposition_dialog_of_a_case_names_its_letter_and_its_urgency(qtbot, ws, staff):
    """From the step form (Disposisi… at the case's disposition step) the dialog named the case
    only: that it came by a segera letter was not said."""
    from PySide6.QtWidgets import QLabel

    from sopdesk.engine import letter_views
    from sopdesk.gui.context import GuiContext
    from sopdesk.gui.letters.disposition_dialog import DispositionDialog

    agenda, number = incoming(ws, staff["Help Desk"], starts="permohonan_informasi", sifat="segera")
    dialog = DispositionDialog(GuiContext(ws, staff["Komisioner"]), number)
    qtbot.addWidget(dialog)
    lines = dialog.findChild(QLabel, "letterSummary").text().splitlines()
    assert lines[-1] == f"Surat {agenda} dari LSM Bengkel APPeK · SEGERA"
    assert letter_views.letter_of_case(ws, "PP/2026/9999") is None  # a case by no letter: no line
