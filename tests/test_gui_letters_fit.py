"""The three registers of Surat & Ekspedisi fit the window with no sideways scroll: at
1024x768 the columns a clerk can do without give way (what they say goes in the tooltip),
at 1366x768 every column is listed."""

from __future__ import annotations

from PySide6.QtCore import Qt

from sopdesk.engine import letters
from sopdesk.gui.context import GuiContext
from sopdesk.gui.letters import LettersPage
from sopdesk.gui.worker import Worker


def fill(ws, staff) -> None:
    letters.register_incoming(ws, staff["Staf"], letters.IncomingForm(
        sender="Yayasan Lembaga Bantuan Hukum Nusa Tenggara Timur Cabang Kupang",
        subject="Permohonan salinan keputusan penetapan calon terpilih", number="12/YLBH/2026"))
    letters.register_outgoing(ws, staff["Staf"], letters.OutgoingForm(
        recipient="Bawaslu Kota Kupang", subject="Penyampaian data DPT per kelurahan", classification="PP.01"))


def shown(qtbot, ws, staff, width: int) -> tuple[LettersPage, Worker]:
    worker = Worker()
    page = LettersPage(GuiContext(ws, staff["Kasubag"]), worker)
    qtbot.addWidget(page)
    page.resize(width, 600)
    page.show()
    qtbot.waitExposed(page)
    return page, worker


def tables(page: LettersPage):  # noqa: ANN201
    return ((page.incoming_table, 4), (page.outgoing_table, 3), (page.expedition_table, 3))


def test_at_1024x768_no_register_scrolls_sideways(qtbot, ws, staff):
    """Xvfb, 1024x768 (/tmp/h2/s/11_incoming_5_1024.png): Kasus and Nomor surat of the surat
    masuk sat past the right edge behind a horizontal scrollbar."""
    fill(ws, staff)
    page, worker = shown(qtbot, ws, staff, 760)  # the page's share of a 1024x768 window
    try:
        for index, (table, perihal) in enumerate(tables(page)):
            page.tabs.setCurrentIndex(index)
            qtbot.waitUntil(table.isVisible)
            header = table.horizontalHeader()
            # the scrollbar follows the layout a moment later: wait for it to settle hidden
            qtbot.waitUntil(lambda table=table, header=header: header.length() <= table.viewport().width()
                            and not table.horizontalScrollBar().isVisible())
            assert table.columnWidth(perihal) >= 160, index
            assert any(header.isSectionHidden(c) for c in range(header.count())), index
        header = page.incoming_table.horizontalHeader()
        names = [column.header for column in page.incoming_model.COLUMNS]
        hidden = {names[c] for c in range(header.count()) if header.isSectionHidden(c)}
        assert hidden == {"Nomor surat", "Kasus"}  # Sifat and Disposisi stay beside the Perihal
        tip = page.incoming_model.index(0, 4).data(Qt.ItemDataRole.ToolTipRole)
        assert "Nomor surat: 12/YLBH/2026" in tip and "Kasus: —" in tip
    finally:
        worker.stop()


def test_at_1366x768_every_column_is_back(qtbot, ws, staff):
    fill(ws, staff)
    page, worker = shown(qtbot, ws, staff, 760)
    try:
        page.resize(1110, 600)  # the page's share of a 1366x768 window
        for index, (table, _perihal) in enumerate(tables(page)):
            page.tabs.setCurrentIndex(index)
            qtbot.waitUntil(table.isVisible)
            header = table.horizontalHeader()
            qtbot.waitUntil(lambda table=table, header=header: not any(header.isSectionHidden(c)
                                                                     for c in range(header.count()))
                            and header.length() <= table.viewport().width()
                            and not table.horizontalScrollBar().isVisible())
    finally:
        worker.stop()


def test_the_expedition_search_hint_is_whole_at_1024x768(qtbot, ws, staff):
    """Xvfb (/tmp/h2/s/74_expedition.png): beside the dates the search kept 190 px and its hint
    read "Cari nomor surat, perihal, t…"; it has its own line, as on the other tabs."""
    page, worker = shown(qtbot, ws, staff, 760)
    try:
        page.tabs.setCurrentIndex(2)
        search = page.expedition_search
        qtbot.waitUntil(search.isVisible)
        hint = search.fontMetrics().horizontalAdvance(search.placeholderText())
        assert search.width() > hint + 40  # the hint, the clear button and the frame
    finally:
        worker.stop()
