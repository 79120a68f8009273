"""A Ketua disposing incoming letters on Xvfb: the agenda, shown again after another screen,
still lacked the letters the help desk had registered meanwhile (only F5 brought them); an
empty agenda told the Ketua to record letters with a button that is disabled for the Ketua;
a disposition saved with no unit ticked left the cursor in the instruction."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel
from test_gui_letters import incoming, page_for, worker  # noqa: F401 - the worker fixture

from sopdesk.engine import dispositions
from sopdesk.errors import FieldError
from sopdesk.gui.context import GuiContext
from sopdesk.gui.letters.disposition_dialog import DispositionDialog
from sopdesk.gui.letters.page import LettersPage


def test_back_from_another_screen_the_agenda_shows_letters_registered_meanwhile(qtbot, ws, staff, worker):  # noqa: F811
    incoming(ws, staff["Help Desk"], subject="Undangan rapat koordinasi")
    page: LettersPage = page_for(qtbot, ws, staff["Komisioner"], worker)
    page.show()
    assert page.incoming_model.total == 1
    page.hide()  # the Ketua goes to the inbox
    incoming(ws, staff["Help Desk"], subject="Surat edaran jadwal tahapan")  # the help desk's PC: no signal here
    page.show()
    assert page.incoming_model.total == 2
    assert page.incoming_summary.text() == "2 surat masuk"


def test_an_empty_agenda_does_not_send_the_ketua_to_a_disabled_button(qtbot, ws, staff, worker):  # noqa: F811
    ketua = page_for(qtbot, ws, staff["Komisioner"], worker)
    text = ketua.incoming_empty.text()
    assert not ketua.register_in_button.isEnabled()
    assert "Catat surat masuk" not in text
    assert text.startswith("Belum ada surat masuk. Surat dicatat oleh Help Desk / Staf / Kasubag")
    clerk = page_for(qtbot, ws, staff["Help Desk"], worker)  # the registrar is still told how
    assert clerk.register_in_button.isEnabled() and "“Catat surat masuk…”" in clerk.incoming_empty.text()


def test_no_unit_ticked_puts_the_cursor_on_the_first_unit_so_space_ticks_it(qtbot, ws, staff):
    # it stayed in the instruction: Space typed a blank there, the units a long Shift+Tab away
    incoming(ws, staff["Staf"], subject="Undangan rapat koordinasi")
    dialog = DispositionDialog(GuiContext(ws, staff["Ketua"]), "SM/2026/0001")
    qtbot.addWidget(dialog)
    with qtbot.waitActive(dialog):
        dialog.show()
        dialog.activateWindow()
    QTest.keyClicks(dialog.instruction, "Hadiri dan laporkan hasilnya")
    QTest.keyClick(dialog.instruction, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert dialog.error.text() == "Pilih sedikitnya satu unit tujuan disposisi" and dialog.error.isVisible()
    first = next(iter(dialog.units.values()))
    assert QApplication.focusWidget() is first
    QTest.keyClick(first, Qt.Key.Key_Space)
    assert dialog.chosen() == [first.objectName().removeprefix("unit_")]
    assert dialog.instruction.toPlainText() == "Hadiri dan laporkan hasilnya"
    QTest.keyClick(first, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: dialog.result() == dialog.DialogCode.Accepted)
    assert len(dispositions.dispositions_of(ws, "SM/2026/0001")) == 1


def test_the_engine_names_the_units_field_when_none_is_chosen(ws, staff):
    incoming(ws, staff["Staf"], subject="Undangan rapat koordinasi")
    with pytest.raises(FieldError) as refused:
        dispositions.dispose(ws, staff["Ketua"], "SM/2026/0001", [], "Hadiri")
    assert refused.value.field == "units"


def test_at_1024x768_the_ketua_sees_sifat_and_disposisi_beside_the_perihal(qtbot, ws, staff, worker):  # noqa: F811
    incoming(ws, staff["Staf"], subject="Undangan rapat koordinasi pengawasan tahapan", sifat="segera")
    page = page_for(qtbot, ws, staff["Ketua"], worker)
    page.resize(760, 600)  # the page's share of a 1024x768 window
    page.show()
    qtbot.waitExposed(page)
    table, model = page.incoming_table, page.incoming_model
    headers = [column.header for column in model.COLUMNS]
    for name in ("Perihal", "Sifat", "Disposisi"):
        column = headers.index(name)
        start = table.columnViewportPosition(column)
        assert start >= 0 and start + table.columnWidth(column) <= table.viewport().width(), name
    assert table.columnWidth(headers.index("Perihal")) >= 160
    header = table.horizontalHeader()
    assert header.visualIndex(headers.index("Nomor surat")) == header.count() - 1  # still there, last


def test_the_ketuas_step_form_at_a_disposition_step_makes_the_lembar_disposisi(qtbot, ws, staff, monkeypatch):
    # Xvfb: PP step 6 "Memberikan disposisi" of a case with no registered letter offered only a
    # document number to type; the lembar disposisi was out of reach from the inbox
    from PySide6.QtWidgets import QDialog

    from sopdesk.engine import cases
    from sopdesk.engine.cases import StepInput
    from sopdesk.engine.queries import case_detail
    from sopdesk.gui.step_form import StepFormDialog

    number = cases.start_case(ws, staff["Help Desk"], "PP", "Permohonan salinan DPT", entry="surat",
                              requester="Maria Lende")
    cases.complete(ws, staff["Help Desk"], number, StepInput(), step=5)
    form = StepFormDialog(GuiContext(ws, staff["Ketua"]), number)
    qtbot.addWidget(form)
    button = form.buttons.dispose_button
    assert button.isVisibleTo(form) and button.text().replace("&", "") == "Disposisi…"
    summaries: list[str] = []

    def fill(dialog: DispositionDialog) -> int:
        summaries.append(dialog.windowTitle())
        dialog.units["subbag_hukum"].setChecked(True)  # the SOP sends step 6 to the Kasubag
        QTest.keyClicks(dialog.instruction, "Siapkan data DPT")
        dialog.submit()
        return dialog.result()

    monkeypatch.setattr(DispositionDialog, "exec", fill)
    form.dispose()
    assert summaries == [f"Disposisi kasus {number}"]
    assert form.result() == QDialog.DialogCode.Accepted and form.disposed.routed_step == 7
    assert [(i["step"], i["status"]) for i in case_detail(ws, number)["items"]][-1] == (7, "open")
    (sheet,) = dispositions.dispositions_of(ws, number)
    assert sheet["instruction"] == "Siapkan data DPT"
    kasubag = StepFormDialog(GuiContext(ws, staff["Kasubag"]), number)  # step 7: no disposition to make
    qtbot.addWidget(kasubag)
    assert not hasattr(kasubag.buttons, "dispose_button")


def test_the_ketua_reads_the_rahasia_letter_in_the_agenda_as_in_the_disposition_dialog(qtbot, ws, staff, worker):  # noqa: F811
    incoming(ws, staff["Help Desk"], subject="Pemberitahuan hasil audit keuangan", sifat="rahasia")

    def agenda_subject(role: str) -> str:
        page = page_for(qtbot, ws, staff[role], worker)
        headers = [column.header for column in page.incoming_model.COLUMNS]
        return page.incoming_model.index(0, headers.index("Perihal")).data()

    assert agenda_subject("Ketua") == "Pemberitahuan hasil audit keuangan"
    assert agenda_subject("Staf") == "(rahasia)"
    dialog = DispositionDialog(GuiContext(ws, staff["Ketua"]), "SM/2026/0001")
    qtbot.addWidget(dialog)
    assert "Pemberitahuan hasil audit keuangan" in dialog.findChild(QLabel, "letterSummary").text()


def test_the_receiving_role_reads_the_disposition_in_the_tooltip(qtbot, ws, staff, worker):  # noqa: F811
    """Xvfb, the Kasubag after the Ketua's dispositions: the agenda showed only a count, the
    sheet had to be printed to learn whether a letter was for the Kasubag."""
    incoming(ws, staff["Staf"], subject="Undangan rapat koordinasi")
    dispositions.dispose(ws, staff["Ketua"], "SM/2026/0001", ["subbag_hukum", "teknis"], "Hadiri rapat")
    page = page_for(qtbot, ws, staff["Kasubag"], worker)
    model = page.incoming_model
    column = [c.header for c in model.COLUMNS].index("Disposisi")
    assert model.index(0, column).data() == "1"
    tip = model.index(0, column).data(Qt.ItemDataRole.ToolTipRole)
    assert "Sub Bagian Hukum (peran Anda)" in tip and "Isi: Hadiri rapat" in tip
    assert "Divisi Teknis Penyelenggaraan (peran Anda)" not in tip and "Divisi Teknis Penyelenggaraan" in tip


def test_only_the_letters_not_yet_disposed_at_the_ketuas_desk(qtbot, ws, staff, worker, monkeypatch):  # noqa: F811
    """Xvfb as the Ketua: what still waited for a disposition was found by scanning the Disposisi
    column for dashes. "Hanya yang belum didisposisi" (Alt+H) lists those; a void letter,
    which cannot be disposed, is not among them."""
    from sopdesk.engine import corrections, letters

    for subject in ("Undangan rapat", "Data DPT", "Surat edaran", "Dicatat dua kali"):
        incoming(ws, staff["Staf"], subject=subject)
    dispositions.dispose(ws, staff["Ketua"], "SM/2026/0002", ["teknis"], "Siapkan")
    corrections.void_incoming(ws, staff["Staf"], "SM/2026/0004", "Dicatat dua kali")
    assert letters.incoming_total(ws, undisposed=True) == 2
    assert [r.agenda for r in letters.incoming_page(ws, undisposed=True)] == ["SM/2026/0001", "SM/2026/0003"]
    page = page_for(qtbot, ws, staff["Ketua"], worker)
    with qtbot.waitActive(page):
        page.show()
        page.activateWindow()
    page.incoming_table.setFocus()
    qtbot.keyClick(page.incoming_table, Qt.Key.Key_H, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(page.undisposed.isChecked)
    assert page.incoming_model.total == 2
    assert page.incoming_summary.text() == "2 surat masuk (disaring: belum didisposisi)"
    assert page.selected_letter().agenda == "SM/2026/0003"

    def run(dialog: DispositionDialog) -> int:  # the Ketua ticks a unit, types, saves
        dialog.units["teknis"].setChecked(True)
        dialog.instruction.setPlainText("Edarkan")
        dialog.submit()
        qtbot.waitUntil(lambda: dialog.result() == dialog.DialogCode.Accepted)
        return dialog.result()

    monkeypatch.setattr(DispositionDialog, "exec", run)
    page.dispose()  # the letter leaves the list and the next is selected: the status line says so
    assert page.selected_letter().agenda == "SM/2026/0001"
    assert page.status.text().endswith("; SM/2026/0003 tidak lagi di daftar yang belum didisposisi")
    dispositions.dispose(ws, staff["Ketua"], "SM/2026/0001", ["teknis"], "Hadiri")
    page.reload()
    assert page.incoming_stack.currentWidget() is page.incoming_empty
    assert page.incoming_empty.text() == "Semua surat masuk yang cocok sudah didisposisi."
