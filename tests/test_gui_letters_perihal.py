"""At 1366x768 the Perihal of the surat masuk gets the spare width: it kept ~250 px while
Kasus and Nomor surat, mostly a dash, took 260 px (Xvfb, as the Kasubag,
/tmp/h4/s/03_letters_1366_before.png). A column of dashes is as wide as its header, and a
column the clerk can do without gives way before the Perihal drops under 300 px."""

from __future__ import annotations

from PySide6.QtWidgets import QStyleOptionViewItem

from sopdesk.engine import letters
from sopdesk.gui.context import GuiContext
from sopdesk.gui.letters import LettersPage
from sopdesk.gui.letters.register_view import PERIHAL_AMPLE
from sopdesk.gui.worker import Worker

PERIHAL, NOMOR_SURAT, KASUS = 4, 2, 6


def page_of(qtbot, ws, staff, numbers: list[str]) -> tuple[LettersPage, Worker]:
    for n, number in enumerate(numbers):
        letters.register_incoming(ws, staff["Staf"], letters.IncomingForm(
            sender=f"Pengirim {n}", subject=f"Permohonan salinan DPT kelurahan nomor {n}", number=number))
    worker = Worker()
    page = LettersPage(GuiContext(ws, staff["Kasubag"]), worker)
    qtbot.addWidget(page)
    page.resize(1110, 600)  # the page's share of a 1366x768 window
    page.show()
    qtbot.waitExposed(page)
    return page, worker


def test_columns_of_dashes_leave_the_room_to_the_perihal(qtbot, ws, staff):
    page, worker = page_of(qtbot, ws, staff, ["", "", ""])
    try:
        table, header = page.incoming_table, page.incoming_table.horizontalHeader()
        qtbot.waitUntil(lambda: header.length() <= table.viewport().width())
        assert not header.isSectionHidden(KASUS) and not header.isSectionHidden(NOMOR_SURAT)
        for column in (KASUS, NOMOR_SURAT):  # as wide as the header says, not 120 and 140 px
            assert table.columnWidth(column) <= header.sectionSizeFromContents(column).width() + 2, column
        assert table.columnWidth(PERIHAL) >= PERIHAL_AMPLE + 60
    finally:
        worker.stop()


def test_a_long_nomor_surat_gives_way_before_the_perihal_shrinks(qtbot, ws, staff):
    page, worker = page_of(qtbot, ws, staff, ["0013/KPU-PROV/XII/2026/SEKRETARIAT/HUKUM"])
    try:
        table, header = page.incoming_table, page.incoming_table.horizontalHeader()
        qtbot.waitUntil(lambda: header.length() <= table.viewport().width())
        assert table.columnWidth(PERIHAL) >= PERIHAL_AMPLE
        page.resize(1800, 600)  # a wide screen: every column again
        qtbot.waitUntil(lambda: not header.isSectionHidden(NOMOR_SURAT))
        assert table.columnWidth(PERIHAL) >= PERIHAL_AMPLE
    finally:
        worker.stop()


def test_a_search_refits_the_columns(qtbot, ws, staff):
    """Reloaded with only dashes left in view, the Nomor surat shrinks to its header."""
    page, worker = page_of(qtbot, ws, staff, ["001/KPU/XII/2026", ""])
    try:
        table, header = page.incoming_table, page.incoming_table.horizontalHeader()
        wide = table.columnWidth(NOMOR_SURAT)
        # whole, not "001/KPU/XII/20…": as wide as its delegate paints the number (a dash's
        # padding measured the number 20 px short, Xvfb /tmp/h4/s/04_letters_1366_after.png)
        numbered = next(row for row in range(page.incoming_model.rowCount())
                        if page.incoming_model.index(row, NOMOR_SURAT).data() == "001/KPU/XII/2026")
        option = QStyleOptionViewItem()
        option.initFrom(table)
        painted = table.itemDelegate().sizeHint(option, page.incoming_model.index(numbered, NOMOR_SURAT)).width()
        assert wide >= painted
        page.incoming_search.setText("nomor 1")
        page.reload_incoming()
        assert page.incoming_model.total == 1
        assert table.columnWidth(NOMOR_SURAT) < wide
        assert table.columnWidth(NOMOR_SURAT) <= header.sectionSizeFromContents(NOMOR_SURAT).width() + 2
    finally:
        worker.stop()
