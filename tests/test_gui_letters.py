"""Surat & Ekspedisi, driven like a user (offscreen): registering letters through the dialogs,
dispositions, receipts, the table models, and printing on the worker thread."""

from __future__ import annotations

import io
from datetime import date

import pypdf
import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialog, QFileDialog, QLabel, QPushButton

from sopdesk.engine import dispositions, letter_views, letters
from sopdesk.engine.expedition import expedition_page
from sopdesk.engine.queries import case_detail
from sopdesk.engine.units import unit_directory
from sopdesk.errors import UserError
from sopdesk.gui.context import GuiContext
from sopdesk.gui.letters import LettersPage
from sopdesk.gui.letters.disposition_dialog import DispositionDialog
from sopdesk.gui.letters.incoming_dialog import IncomingDialog
from sopdesk.gui.letters.models import ExpeditionModel, IncomingModel, OutgoingModel
from sopdesk.gui.letters.outgoing_dialog import OutgoingDialog
from sopdesk.gui.letters.receipt_dialog import ReceiptDialog
from sopdesk.gui.worker import Worker


@pytest.fixture
def worker(qtbot):
    worker = Worker()
    yield worker
    worker.stop()


def page_for(qtbot, ws, actor, worker) -> LettersPage:
    page = LettersPage(GuiContext(ws, actor), worker)
    qtbot.addWidget(page)
    return page


def answer(monkeypatch, dialog_class, fill) -> list:
    """Replace the dialog's exec(): fill the form like a user, press Save, return the code."""
    seen = []

    def run(dialog):
        seen.append(dialog)
        fill(dialog)
        dialog.submit()
        return dialog.result()

    monkeypatch.setattr(dialog_class, "exec", run)
    return seen


def incoming(ws, actor, **fields) -> tuple[str, str | None]:
    base = {"sender": "LSM Bengkel APPeK", "subject": "Permohonan data DPT per kelurahan"}
    return letters.register_incoming(ws, actor, letters.IncomingForm(**(base | fields)))


def send(ws, actor, recipient: str = "Bawaslu Kota Kupang", subject: str = "Data DPT", **fields):
    return letters.register_outgoing(ws, actor, letters.OutgoingForm(recipient=recipient, subject=subject,
                                                                     classification="PP.01", **fields))


# --- surat masuk -------------------------------------------------------------------------------------

def test_a_request_letter_registered_in_the_dialog_does_step_5_and_waits_for_the_ketua(qtbot, ws, staff, worker,
                                                                                      monkeypatch, tmp_path):
    page = page_for(qtbot, ws, staff["Help Desk"], worker)
    assert page.incoming_stack.currentWidget() is page.incoming_empty
    assert "Belum ada surat masuk" in page.findChild(QLabel, "incomingEmpty").text()
    scan = tmp_path / "surat permohonan.pdf"
    scan.write_bytes(b"%PDF-1.4 surat permohonan informasi")

    def fill(dialog: IncomingDialog) -> None:
        qtbot.keyClicks(dialog.sender_edit, "LSM Bengkel APPeK")
        qtbot.keyClicks(dialog.subject, "Permohonan data DPT per kelurahan")
        qtbot.keyClicks(dialog.number, "12/BA/III/2026")
        dialog.has_date.setChecked(True)
        dialog.letter_date.setDate(date(2026, 2, 27))
        dialog.sifat.setCurrentIndex(dialog.sifat.findData("segera"))
        dialog.starts.setCurrentIndex(dialog.starts.findData("permohonan_informasi"))
        assert not dialog.case.isEnabled()  # a new case cannot also join an existing one
        dialog.scan.set_path(scan)

    answer(monkeypatch, IncomingDialog, fill)
    page.register_in_button.click()

    (row,) = letters.incoming_page(ws)
    assert (row.agenda, row.number, row.letter_date, row.sifat, row.scan) == (
        "SM/2026/0001", "12/BA/III/2026", date(2026, 2, 27), "segera", "surat permohonan.pdf")
    detail = case_detail(ws, row.case_number)
    assert detail["sop"] == "PP" and detail["entry"] == "surat"
    # the registration was step 5 "Menerima Surat Masuk": done by the clerk, the Ketua disposes next
    assert [(i["step"], i["status"], i["completed_by"]) for i in detail["items"]] == [
        (5, "done", "help.desk"), (6, "open", None)]
    assert page.status.text() == (f"Surat masuk dicatat dengan nomor agenda SM/2026/0001; kasus {row.case_number} "
                                  "menunggu di kegiatan 6 (Komisioner)")
    assert page.incoming_stack.currentWidget() is page.incoming_table
    model = page.incoming_model
    assert [model.index(0, c).data() for c in (0, 2, 3, 5, 6)] == [
        "SM/2026/0001", "12/BA/III/2026", "LSM Bengkel APPeK", "segera", row.case_number]


def test_a_wrong_field_is_shown_in_the_dialog_and_nothing_is_recorded(qtbot, ws, staff, worker, monkeypatch):
    page = page_for(qtbot, ws, staff["Staf"], worker)
    seen = answer(monkeypatch, IncomingDialog, lambda d: qtbot.keyClicks(d.subject, "Undangan rapat"))
    page.register_incoming()
    (dialog,) = seen
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.error.isVisibleTo(dialog) and "Pengirim wajib diisi" in dialog.error.text()
    assert letters.incoming_total(ws) == 0 and page.status.text() == ""


def test_in_the_window_the_dialog_saves_on_the_worker_and_the_lists_follow(qtbot, ws, staff, worker, monkeypatch):
    """With the window's worker the registration runs off the GUI thread (gui.operation): Save
    waits disabled, a refusal shows in the dialog, success closes it and the agenda reloads."""
    from helpers.ops import wait_for_ops

    ctx = GuiContext(ws, staff["Staf"])
    ctx.worker = worker
    page = LettersPage(ctx, worker)
    qtbot.addWidget(page)
    seen = []

    def run(dialog):
        seen.append(dialog)
        dialog.submit()  # no sender: refused
        assert not dialog.save_button.isEnabled()
        wait_for_ops(qtbot)
        assert dialog.error.isVisibleTo(dialog) and "Pengirim wajib diisi" in dialog.error.text()
        assert dialog.save_button.isEnabled() and dialog.result() != QDialog.DialogCode.Accepted
        qtbot.keyClicks(dialog.sender_edit, "KPU Provinsi NTT")
        qtbot.keyClicks(dialog.subject, "Undangan rapat")
        dialog.submit()
        wait_for_ops(qtbot)
        return dialog.result()

    monkeypatch.setattr(IncomingDialog, "exec", run)
    page.register_in_button.click()
    assert seen[0].result() == QDialog.DialogCode.Accepted
    assert page.incoming_model.rowCount() == 1 and page.incoming_model.index(0, 3).data() == "KPU Provinsi NTT"
    assert page.status.text() == f"Surat masuk dicatat dengan nomor agenda {seen[0].result_value[0]}"


def test_the_letter_just_registered_is_selected_so_the_buttons_act_on_it(qtbot, ws, staff, worker, monkeypatch):
    """Seen on X: after "Catat surat masuk…" the line selected before (kept across the reload)
    stayed selected, so "Cetak lembar disposisi" printed another letter's sheet. The new letter
    is selected; the same in Surat keluar."""
    incoming(ws, staff["Staf"], subject="Undangan rapat koordinasi")
    send(ws, staff["Staf"], subject="Data DPT")
    page = page_for(qtbot, ws, staff["Staf"], worker)
    page.show()
    page.incoming_table.selectRow(0)
    assert page.selected_letter().agenda == "SM/2026/0001"

    def fill_in(dialog: IncomingDialog) -> None:
        qtbot.keyClicks(dialog.sender_edit, "Bawaslu Kota Kupang")
        qtbot.keyClicks(dialog.subject, "Permintaan data DPT")

    answer(monkeypatch, IncomingDialog, fill_in)
    page.register_in_button.click()
    assert page.selected_letter().agenda == "SM/2026/0002"
    assert page.selected_letter().subject == "Permintaan data DPT"

    def fill_out(dialog: OutgoingDialog) -> None:
        qtbot.keyClicks(dialog.recipient, "DPRD Kota Kupang")
        qtbot.keyClicks(dialog.subject, "Undangan RDP")
        dialog.classification.setText("PP.01")

    page.tabs.setCurrentIndex(1)
    page.outgoing_table.selectRow(0)
    answer(monkeypatch, OutgoingDialog, fill_out)
    page.register_out_button.click()
    assert page.selected_outgoing().subject == "Undangan RDP"


def test_registering_is_offered_only_to_the_registering_roles(qtbot, ws, staff, worker):
    page = page_for(qtbot, ws, staff["Komisioner"], worker)
    assert not page.register_in_button.isEnabled() and not page.register_out_button.isEnabled()
    assert "Help Desk / Staf / Kasubag" in page.register_in_button.toolTip()
    assert not page.receive_button.isEnabled()


# --- disposisi -----------------------------------------------------------------------------------------

def test_a_disposition_from_the_dialog_ticks_units_and_shows_the_engines_message(qtbot, ws, staff, worker,
                                                                                monkeypatch):
    incoming(ws, staff["Staf"], subject="Undangan rapat koordinasi")
    page = page_for(qtbot, ws, staff["Ketua"], worker)
    assert page.selected_letter().agenda == "SM/2026/0001"  # the newest letter is selected
    assert page.dispose_button.isEnabled()

    def fill(dialog: DispositionDialog) -> None:
        assert len(dialog.units) == 17 and not dialog.route.isEnabled()  # the directory; no case to move
        dialog.units["teknis"].setChecked(True)
        dialog.units["subbag_hukum"].setChecked(True)
        qtbot.keyClicks(dialog.instruction, "Hadiri dan laporkan hasilnya")

    answer(monkeypatch, DispositionDialog, fill)
    page.dispose_button.click()
    (sheet,) = dispositions.dispositions_of(ws, "SM/2026/0001")
    assert [u["kode"] for u in sheet["units"]] == ["teknis", "subbag_hukum"]
    assert sheet["instruction"] == "Hadiri dan laporkan hasilnya"
    assert page.status.text() == "Disposisi nomor 1 dicatat; surat ini tidak terkait kasus"  # said once
    assert page.incoming_model.index(0, 7).data() == "1"


def test_a_disposition_moves_the_case_or_is_refused_in_the_dialog(qtbot, ws, staff, worker, monkeypatch):
    _agenda, number = incoming(ws, staff["Help Desk"], starts="permohonan_informasi")  # step 5 done: at 6
    page = page_for(qtbot, ws, staff["Komisioner"], worker)
    page.incoming_table.selectRow(0)
    summaries = []

    def wrong_unit(dialog: DispositionDialog) -> None:
        summaries.append(dialog.findChild(QLabel, "letterSummary").text())
        dialog.units["sekretariat"].setChecked(True)  # the SOP sends step 6 to Kasubag
        qtbot.keyClicks(dialog.instruction, "Tindak lanjuti")

    seen = answer(monkeypatch, DispositionDialog, wrong_unit)
    page.dispose()
    assert f"Kasus {number} menunggu di kegiatan 6 (Komisioner)" in summaries[0]
    assert "Kasubag" in seen[0].error.text() and seen[0].error.isVisibleTo(seen[0])
    assert dispositions.dispositions_of(ws, "SM/2026/0001") == []

    def right_unit(dialog: DispositionDialog) -> None:
        dialog.units["subbag_hukum"].setChecked(True)
        qtbot.keyClicks(dialog.instruction, "Siapkan data DPT")

    answer(monkeypatch, DispositionDialog, right_unit)
    page.dispose()
    assert page.status.text() == f"Disposisi nomor 1 dicatat; kasus {number} diteruskan ke kegiatan 7 (Kasubag)"
    assert [(i["step"], i["status"]) for i in case_detail(ws, number)["items"]][-1] == (7, "open")


def test_a_disposition_that_does_not_move_the_case_says_so_once(qtbot, ws, staff, worker, monkeypatch):
    """Found in the acceptance walk: "Disposisi nomor 1 dicatat: disposisi dicatat tanpa ..."."""
    incoming(ws, staff["Staf"], starts="permohonan_informasi")  # Staf may not do step 5: it waits there
    page = page_for(qtbot, ws, staff["Ketua"], worker)

    def fill(dialog: DispositionDialog) -> None:
        dialog.units["subbag_hukum"].setChecked(True)
        qtbot.keyClicks(dialog.instruction, "Segera proses")

    answer(monkeypatch, DispositionDialog, fill)
    page.dispose_button.click()
    assert page.status.text() == ("Disposisi nomor 1 dicatat; kasus PP/2026/0001 tidak diteruskan: menunggu di "
                                  "kegiatan 5 (Help Desk), bukan kegiatan disposisi")


def test_the_disposition_dialog_opens_with_the_cursor_in_the_instruction(qtbot, ws, staff):
    """Found in the acceptance walk: the dialog opened on the Save button, so typing went nowhere."""
    incoming(ws, staff["Staf"], subject="Undangan rapat koordinasi")
    dialog = DispositionDialog(GuiContext(ws, staff["Ketua"]), "SM/2026/0001")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitActive(dialog)
    assert dialog.focusWidget() is dialog.instruction
    QTest.keyClicks(dialog.focusWidget(), "Hadiri")
    assert dialog.instruction.toPlainText() == "Hadiri"


def test_ctrl_enter_in_the_instruction_saves_the_disposition(qtbot, ws, staff):
    """Found working it by keyboard on X: the instruction is the last thing typed, and Ctrl+Enter
    there (which completes a step in the step form) did nothing; it saves, without a new line."""
    incoming(ws, staff["Staf"], subject="Undangan rapat koordinasi")
    dialog = DispositionDialog(GuiContext(ws, staff["Ketua"]), "SM/2026/0001")
    qtbot.addWidget(dialog)
    with qtbot.waitActive(dialog):
        dialog.show()
        dialog.activateWindow()
    dialog.units["subbag_hukum"].setChecked(True)
    QTest.keyClicks(dialog.instruction, "Hadiri dan laporkan hasilnya")
    QTest.keyClick(dialog.instruction, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: dialog.result() == dialog.DialogCode.Accepted)
    (sheet,) = dispositions.dispositions_of(ws, "SM/2026/0001")
    assert sheet["instruction"] == "Hadiri dan laporkan hasilnya"
    assert "Ctrl+Enter" in dialog.save_button.toolTip()


def test_the_disposed_letter_stays_selected_so_its_sheet_is_the_one_printed(qtbot, ws, staff, worker,
                                                                            monkeypatch):
    """Found by hand: after disposing the oldest of three letters the list jumped back to the newest,
    and "Cetak lembar disposisi" then printed another letter's sheet."""
    for subject in ("Undangan rapat koordinasi", "Permohonan data DPT", "Usulan PAW"):
        incoming(ws, staff["Staf"], subject=subject)
    page = page_for(qtbot, ws, staff["Ketua"], worker)
    page.show()
    table = page.incoming_table
    QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton,
                     pos=table.visualRect(page.incoming_model.index(2, 1)).center())
    assert page.selected_letter().agenda == "SM/2026/0001"

    def fill(dialog: DispositionDialog) -> None:
        dialog.units["teknis"].setChecked(True)
        qtbot.keyClicks(dialog.instruction, "Hadiri dan laporkan hasilnya")

    answer(monkeypatch, DispositionDialog, fill)
    page.dispose_button.click()
    assert page.incoming_model.index(2, 7).data() == "1"
    assert page.selected_letter().agenda == "SM/2026/0001"  # still the letter just disposed
    page.ctx.data_changed.emit()  # a change made in another screen keeps it too
    assert page.selected_letter().agenda == "SM/2026/0001"
    page.incoming_search.setText("PAW")  # a new search starts from its newest letter
    page.reload_incoming()
    assert page.selected_letter().agenda == "SM/2026/0003"


# --- surat keluar and buku ekspedisi ------------------------------------------------------------------

def test_an_outgoing_letter_gets_the_previewed_number_and_an_expedition_entry(qtbot, ws, staff, worker,
                                                                             monkeypatch):
    page = page_for(qtbot, ws, staff["Staf"], worker)
    assert page.outgoing_stack.currentWidget() is page.outgoing_empty
    previews = []

    def fill(dialog: OutgoingDialog) -> None:
        qtbot.keyClicks(dialog.recipient, "Bawaslu Kota Kupang")
        qtbot.keyClicks(dialog.subject, "Data DPT")
        dialog.classification.setText("PP.01")
        previews.append(dialog.preview.text())
        qtbot.keyClicks(dialog.recipient_name, "Ketua Bawaslu")

    answer(monkeypatch, OutgoingDialog, fill)
    page.register_out_button.click()
    (row,) = letters.outgoing_page(ws)
    assert previews == [f"berikutnya: {row.number}"] and row.number == "1/PP.01/III/2026"
    (entry,) = expedition_page(ws)
    assert (entry.letter_number, entry.destination, entry.recipient_name) == (
        row.number, "Bawaslu Kota Kupang", "Ketua Bawaslu")
    assert page.status.text() == f"Surat keluar dicatat dengan nomor {row.number}; buku ekspedisi nomor {entry.id}"
    assert page.expedition_model.rowCount() == 1


def test_the_outgoing_tab_selects_its_newest_letter_like_the_incoming_tab(qtbot, ws, staff, worker):
    """Found in the acceptance walk: Surat keluar opened with no line selected (Koreksi/Batalkan off)."""
    send(ws, staff["Staf"], subject="Data DPT")
    send(ws, staff["Staf"], subject="Undangan rapat")
    page = page_for(qtbot, ws, staff["Staf"], worker)
    page.show()
    page.tabs.setCurrentIndex(1)
    assert page.selected_outgoing().subject == "Undangan rapat"
    assert page.outgoing_table.selectionModel().selectedRows()[0].row() == 0
    assert page.findChild(QPushButton, "outgoingCorrect").isEnabled()


def test_an_expedition_entry_is_marked_received_with_signer_and_scan(qtbot, ws, staff, worker, monkeypatch,
                                                                    clock, tmp_path):
    sent = send(ws, staff["Staf"], recipient_name="Ketua Bawaslu")
    clock.advance(days=1)
    page = page_for(qtbot, ws, staff["Kasubag"], worker)
    page.expedition_table.selectRow(0)
    assert page.receive_button.isEnabled()
    assert page.expedition_model.index(0, 6).data() == "belum diterima"
    scan = tmp_path / "tanda terima.jpg"
    scan.write_bytes(b"\xff\xd8 tanda terima")

    def fill(dialog: ReceiptDialog) -> None:
        assert dialog.signed_by.text() == "Ketua Bawaslu"  # the intended recipient, to correct
        dialog.signed_by.setText("Yanti Bria")
        dialog.day.setDate(date(2026, 3, 3))
        dialog.scan.set_path(scan)

    answer(monkeypatch, ReceiptDialog, fill)
    page.receive_button.click()
    (entry,) = expedition_page(ws)
    assert entry.id == sent.expedition_id and entry.signed_by == "Yanti Bria" and not entry.pending
    assert entry.received_at.astimezone(ws.calendar.tz).date() == date(2026, 3, 3)
    assert entry.receipt_file == "tanda terima.jpg"
    assert page.status.text() == f"Ekspedisi nomor {entry.id} diterima 3 Maret 2026 oleh Yanti Bria"
    assert page.expedition_model.index(0, 7).data() == "Yanti Bria"
    page.pending.setChecked(True)
    assert page.expedition_model.rowCount() == 0
    assert "sudah diterima" in page.findChild(QLabel, "expeditionEmpty").text()


@pytest.mark.parametrize("model_class", [IncomingModel, OutgoingModel, ExpeditionModel])
def test_the_table_models_pass_the_model_tester(qtmodeltester, ws, staff, model_class):
    for n in range(3):
        incoming(ws, staff["Staf"], subject=f"Surat {n}", sifat="segera" if n else "biasa")
        send(ws, staff["Staf"], subject=f"Balasan {n}")
    model = model_class(GuiContext(ws, staff["Staf"]))
    model.set_filters()
    assert model.rowCount() == 3 and model.total == 3
    qtmodeltester.check(model)


def test_each_agenda_column_sorts_by_its_own_key(ws, staff):
    """The incoming agenda sorted every column by agenda number; each sorts by its own key now."""
    for sender, subject in (("Camat Oebobo", "Undangan"), ("Bawaslu", "Zonasi TPS"), ("Dinas Dukcapil", "Data")):
        incoming(ws, staff["Staf"], sender=sender, subject=subject)
        send(ws, staff["Staf"], recipient=sender, subject=subject)
    model = IncomingModel(GuiContext(ws, staff["Staf"]))
    model.set_filters()

    def column(number: int) -> list[str]:
        return [model.index(row, number).data() for row in range(model.rowCount())]

    assert column(3) == ["Dinas Dukcapil", "Bawaslu", "Camat Oebobo"]  # newest first
    model.sort(3, Qt.SortOrder.AscendingOrder)  # Pengirim
    assert column(3) == ["Bawaslu", "Camat Oebobo", "Dinas Dukcapil"]
    model.sort(4, Qt.SortOrder.DescendingOrder)  # Perihal
    assert column(4) == ["Zonasi TPS", "Undangan", "Data"]
    assert model.sort_column() == 4
    outgoing = OutgoingModel(GuiContext(ws, staff["Staf"]))
    outgoing.set_filters()
    outgoing.sort(2, Qt.SortOrder.AscendingOrder)  # Tujuan
    assert [outgoing.index(row, 2).data() for row in range(3)] == ["Bawaslu", "Camat Oebobo", "Dinas Dukcapil"]


def test_the_letter_views_read_what_the_screen_shows(ws, staff):
    agenda, case = incoming(ws, staff["Help Desk"], starts="permohonan_informasi", sender="Yohanes Bria")
    letter = letter_views.letter_to_dispose(ws, agenda)
    assert (letter.agenda, letter.sender, letter.case_number) == (agenda, "Yohanes Bria", case)
    assert letter_views.waiting_step(ws, case, staff["Ketua"]) == letter_views.WaitingStep(step=6, role="Komisioner")
    shown = letter_views.incoming_letter(ws, agenda, staff["Staf"])
    assert (shown.agenda, shown.sender, shown.sifat, shown.void_reason) == (agenda, "Yohanes Bria", "biasa", None)
    with pytest.raises(UserError):
        letter_views.letter_to_dispose(ws, "SM/2026/0099")
    this_year = ws.calendar.local(ws.clock()).year
    assert letter_views.register_years(ws, "incoming", this_year) == [this_year, this_year - 1, this_year - 2]


def test_the_unit_directory_walks_the_induk_links_once(ws):
    directory = unit_directory(ws.catalog.organisations.values())
    assert {place.depth for place in directory.divisions} == {0}
    depth = {place.unit.kode: place.depth for place in directory.secretariat}
    assert (depth["sekretariat"], depth["bagian_program_data_org_sdm"], depth["subbag_sdm"]) == (0, 1, 2)
    (root,) = directory.tree("sekretariat")
    assert root.place.unit.kode == "sekretariat"
    assert [child.place.unit.kode for child in root.children] == [
        "bagian_program_data_org_sdm", "bagian_hukum_teknis_parmas", "bagian_keuangan_umum_logistik"]
    assert [sub.place.unit.kode for sub in root.children[0].children] == ["subbag_sdm", "subbag_program_data"]


# --- printing on the worker ---------------------------------------------------------------------------

@pytest.fixture
def printing(monkeypatch):
    """No file is asked for before the print preview; returns the previews a page opened."""
    from sopdesk.gui.print_preview import PrintPreviewDialog

    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: pytest.fail("asked for a file"))
    return lambda page: [d for d in page.findChildren(PrintPreviewDialog) if d.isVisible()]


def test_printing_the_expedition_book_runs_on_the_worker_and_opens_the_preview(qtbot, ws, staff, worker,
                                                                                printing):
    sent = send(ws, staff["Staf"], subject="Penyampaian data DPT")
    page = page_for(qtbot, ws, staff["Kasubag"], worker)
    with qtbot.waitSignal(worker.busy_changed, timeout=30_000, check_params_cb=lambda busy: not busy):
        page.print_book_button.click()
        assert not page.print_book_button.isEnabled() and page.status.text() == "Mencetak PDF…"
    [preview] = printing(page)
    assert preview.default_name == "buku-ekspedisi-2026-03-01-2026-03-02.pdf"
    assert page.status.text() == "Pratinjau cetak dibuka: cetak atau simpan PDF dari sana."
    assert page.print_book_button.isEnabled()
    text = " ".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(preview.pages.data)).pages)
    assert "BUKU EKSPEDISI" in text and sent.number in text and "Penyampaian data DPT" in text


def test_printing_the_disposition_sheet_from_the_selected_letter(qtbot, ws, staff, worker, printing):
    incoming(ws, staff["Staf"], subject="Undangan rapat koordinasi")
    dispositions.dispose(ws, staff["Ketua"], "SM/2026/0001", ["teknis"], "Hadiri")
    page = page_for(qtbot, ws, staff["Ketua"], worker)
    page.incoming_table.clearSelection()
    assert not page.print_disposition_button.isEnabled()
    page.incoming_table.selectRow(0)
    with qtbot.waitSignal(worker.busy_changed, timeout=30_000, check_params_cb=lambda busy: not busy):
        page.print_disposition_button.click()
    [preview] = printing(page)
    assert preview.default_name == "lembar-disposisi-SM-2026-0001.pdf"
    text = pypdf.PdfReader(io.BytesIO(preview.pages.data)).pages[0].extract_text()
    assert "LEMBAR DISPOSISI" in text and "\u2611 Divisi Teknis Penyelenggaraan" in text and "Hadiri" in text


def test_alt_c_prints_the_disposition_sheet(qtbot, ws, staff, worker, printing):
    """Disposing letters by keyboard on X: every button of Surat masuk had its Alt key but
    "Cetak lembar disposisi"; Alt+C prints the sheet of the selected letter."""
    incoming(ws, staff["Staf"], subject="Undangan rapat koordinasi")
    dispositions.dispose(ws, staff["Ketua"], "SM/2026/0001", ["teknis"], "Hadiri")
    page = page_for(qtbot, ws, staff["Ketua"], worker)
    with qtbot.waitActive(page):
        page.show()
        page.activateWindow()
    page.incoming_table.selectRow(0)
    page.incoming_table.setFocus()
    with qtbot.waitSignal(worker.busy_changed, timeout=30_000, check_params_cb=lambda busy: not busy):
        qtbot.keyClick(page.incoming_table, Qt.Key.Key_C, Qt.KeyboardModifier.AltModifier)
    [preview] = printing(page)
    assert preview.default_name == "lembar-disposisi-SM-2026-0001.pdf"


def test_the_focus_comes_back_to_the_print_button_after_the_preview(qtbot, ws, staff, worker, printing):
    """By keyboard on X: the print button, disabled while the worker rendered, handed the focus
    to the next widget, so after the preview closed Enter pressed another button. It is the
    page's focus again once the preview is open (the window gives it back when it closes)."""
    incoming(ws, staff["Staf"], subject="Undangan rapat koordinasi")
    dispositions.dispose(ws, staff["Ketua"], "SM/2026/0001", ["teknis"], "Hadiri")
    page = page_for(qtbot, ws, staff["Ketua"], worker)
    with qtbot.waitActive(page):
        page.show()
        page.activateWindow()
    page.incoming_table.selectRow(0)
    page.print_disposition_button.setFocus()
    with qtbot.waitSignal(worker.busy_changed, timeout=30_000, check_params_cb=lambda busy: not busy):
        qtbot.keyClick(page.print_disposition_button, Qt.Key.Key_Space)
    [preview] = printing(page)
    qtbot.waitUntil(lambda: page.print_disposition_button.isEnabled())
    assert page.focusWidget() is page.print_disposition_button
    preview.close()


def test_a_failed_printout_is_reported_and_the_buttons_come_back(qtbot, ws, staff, worker, monkeypatch, printing):
    shown = []

    def broken(*args, **kwargs):
        raise UserError("Berkas buku.pdf tidak dapat ditulis: disk penuh")

    monkeypatch.setattr("sopdesk.reports.expedition.render_expedition_book", broken)
    monkeypatch.setattr("sopdesk.gui.printing.show_error", lambda parent, exc: shown.append(str(exc)))
    page = page_for(qtbot, ws, staff["Kasubag"], worker)
    with qtbot.waitSignal(worker.busy_changed, timeout=30_000, check_params_cb=lambda busy: not busy):
        page.print_expedition()
    assert shown == ["Berkas buku.pdf tidak dapat ditulis: disk penuh"] and not printing(page)
    assert page.print_book_button.isEnabled() and page.status.text() == "Gagal mencetak."


# --- the main window ------------------------------------------------------------------------------------

def test_the_page_is_in_the_navigation_after_kasus_with_its_shortcut(qtbot, ws, staff):
    from sopdesk.gui.main_window import MainWindow

    window = MainWindow(GuiContext(ws, staff["Staf"]))
    qtbot.addWidget(window)
    labels = [window.nav.item(r).text() for r in range(window.nav.count())]
    assert labels[1:] == ["Meja Layanan", "Kasus", "Surat & Ekspedisi", "Katalog SOP", "Pengaturan"]
    assert window.nav.item(3).toolTip() == "Ctrl+4" and window.nav.item(5).toolTip() == "Ctrl+6"
    window.show()
    window.activateWindow()
    qtbot.waitActive(window)
    QTest.keyClick(window.windowHandle(), Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    assert isinstance(window.stack.currentWidget(), LettersPage)
    QTest.keyClick(window.windowHandle(), Qt.Key.Key_6, Qt.KeyboardModifier.ControlModifier)
    assert window.nav.currentRow() == 5


# --- corrections and voids ------------------------------------------------------------------------------

def clicking_ok(monkeypatch, dialog_class, fill) -> list:
    """Replace the dialog's exec(): fill it like a user, click its OK button (as often as
    `fill` asks by returning True), return the code."""
    seen = []

    def run(dialog):
        seen.append(dialog)
        dialog.show()
        while True:
            again = fill(dialog)
            qtbot_click(dialog.ok_button)
            if not again:
                return dialog.result()

    monkeypatch.setattr(dialog_class, "exec", run)
    return seen


def qtbot_click(button) -> None:  # noqa: ANN001
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)


def test_the_registrar_corrects_and_voids_a_letter_and_the_row_shows_batal(qtbot, ws, admin, staff, worker,
                                                                         monkeypatch, qtmodeltester):
    from PySide6.QtWidgets import QPushButton

    from sopdesk.gui.correction_dialog import CorrectionDialog, VoidDialog

    incoming(ws, staff["Help Desk"], subject="Undangan rapat")
    incoming(ws, staff["Help Desk"], sender="Pos Kupang", subject="Permohonan data DPT")
    page = page_for(qtbot, ws, staff["Help Desk"], worker)
    correct = page.findChild(QPushButton, "incomingCorrect")
    void = page.findChild(QPushButton, "incomingVoid")
    assert (correct.text(), void.text()) == ("Ko&reksi…", "Batalk&an…")
    assert page.selected_letter().agenda == "SM/2026/0002" and correct.isEnabled() and void.isEnabled()

    steps = iter(["without reason", "with reason"])

    def fill_correction(dialog: CorrectionDialog) -> bool:
        step = next(steps)
        if step == "without reason":
            assert dialog.fields["sender"].text() == "Pos Kupang"
            dialog.fields["sender"].clear()
            qtbot.keyClicks(dialog.fields["sender"], "Harian Pos Kupang")
            return True  # OK without a reason: refused inside the dialog
        assert dialog.error.isVisible() and dialog.error.text() == "Alasan wajib diisi"
        assert dialog.focusWidget() is dialog.reason
        qtbot.keyClicks(dialog.reason, "Nama pengirim salah ketik")
        return False

    dialogs = clicking_ok(monkeypatch, CorrectionDialog, fill_correction)
    correct.click()
    assert dialogs[0].result() == QDialog.DialogCode.Accepted
    assert page.status.text() == "Surat masuk SM/2026/0002 dikoreksi (pengirim)"
    assert page.incoming_model.index(0, 3).data() == "Harian Pos Kupang"

    def fill_void(dialog: VoidDialog) -> bool:
        assert dialog.ok_button.text() == "Batalkan baris ini"
        shown = " ".join(label.text() for label in dialog.findChildren(QLabel))
        assert "tetap tercatat dan tidak dipakai lagi" in shown
        qtbot.keyClicks(dialog.reason, "Surat yang sama dicatat dua kali")
        return False

    clicking_ok(monkeypatch, VoidDialog, fill_void)
    page.incoming_table.selectRow(0)
    void.click()
    assert page.status.text() == "Surat masuk SM/2026/0002 dibatalkan; nomornya tidak dipakai lagi"
    model = page.incoming_model
    assert model.index(0, 5).data() == "BATAL" and model.index(0, 0).data() == "SM/2026/0002"
    assert model.index(0, 4).data(Qt.ItemDataRole.FontRole).strikeOut()
    assert not model.index(0, 5).data(Qt.ItemDataRole.FontRole).strikeOut()
    assert not model.index(1, 4).data(Qt.ItemDataRole.FontRole)
    assert model.index(0, 4).data(Qt.ItemDataRole.ToolTipRole) == "BATAL: Surat yang sama dicatat dua kali"
    assert model.index(0, 4).data(Qt.ItemDataRole.ForegroundRole).color().name() == "#8a8a8a"
    page.incoming_table.selectRow(0)
    assert not page.dispose_button.isEnabled() and not correct.isEnabled() and not void.isEnabled()
    assert correct.toolTip() == "Baris ini sudah dibatalkan: Surat yang sama dicatat dua kali"
    qtmodeltester.check(model)

    # another clerk of the agenda may not; an administrator may
    other = page_for(qtbot, ws, staff["Staf"], worker)
    other.incoming_table.selectRow(1)
    assert other.selected_letter().agenda == "SM/2026/0001"
    staf_correct = other.findChild(QPushButton, "incomingCorrect")
    assert not staf_correct.isEnabled()
    assert staf_correct.toolTip() == "Hanya pencatatnya (help.desk) atau administrator"
    boss = page_for(qtbot, ws, admin, worker)
    boss.incoming_table.selectRow(1)
    assert boss.findChild(QPushButton, "incomingVoid").isEnabled()


def test_a_void_expedition_entry_is_struck_through_and_cannot_be_marked_received(qtbot, ws, staff, worker,
                                                                               monkeypatch):
    from PySide6.QtWidgets import QPushButton

    from sopdesk.gui.correction_dialog import VoidDialog

    sent = send(ws, staff["Staf"], recipient_name="Ketua Bawaslu")
    page = page_for(qtbot, ws, staff["Staf"], worker)
    page.expedition_table.selectRow(0)
    assert page.receive_button.isEnabled()

    def fill(dialog: VoidDialog) -> bool:
        qtbot.keyClicks(dialog.reason, "Diantar bersama surat lain")
        return False

    clicking_ok(monkeypatch, VoidDialog, fill)
    page.findChild(QPushButton, "expeditionVoid").click()
    assert page.status.text() == f"Ekspedisi nomor {sent.expedition_id} dibatalkan; nomornya tidak dipakai lagi"
    page.expedition_table.selectRow(0)
    model = page.expedition_model
    assert model.index(0, 6).data() == "BATAL" and model.index(0, 3).data(Qt.ItemDataRole.FontRole).strikeOut()
    assert not page.receive_button.isEnabled()
    assert "0 belum diterima" in page.expedition_summary.text()


def test_the_incoming_perihal_is_in_view_at_1024x768(qtbot, ws, staff, worker):
    """Seen on X at 1024x768 as Ketua disposing letters: the Perihal kept its 160 pixels but
    began past the right edge (Nomor surat and Pengirim took the room); only a sideways scroll
    showed what a letter was about. It is inside the view."""
    incoming(ws, staff["Staf"], subject="Undangan rapat koordinasi pengawasan tahapan")
    page = page_for(qtbot, ws, staff["Ketua"], worker)
    page.resize(760, 600)  # the page's share of a 1024x768 window
    page.show()
    qtbot.waitExposed(page)
    table = page.incoming_table
    start = table.columnViewportPosition(4)
    assert table.columnWidth(4) >= 160
    assert start >= 0 and start + table.columnWidth(4) <= table.viewport().width()


def test_the_perihal_stays_readable_in_a_narrow_window(qtbot, ws, staff, worker):
    """Found by hand under Xvfb at 1024x768: the stretched Perihal column of the three registers
    shrank to nothing (the other columns fill the view); it keeps a readable width and the table
    scrolls sideways; in a wide window it still takes the room left."""
    incoming(ws, staff["Staf"], subject="Undangan rapat koordinasi pengawasan tahapan")
    send(ws, staff["Staf"], subject="Penyampaian data DPT per kelurahan")
    page = page_for(qtbot, ws, staff["Staf"], worker)
    page.resize(760, 600)  # the page's share of a 1024x768 window
    page.show()
    qtbot.waitExposed(page)
    tables = ((page.incoming_table, 4), (page.outgoing_table, 3), (page.expedition_table, 3))
    for index, (table, perihal) in enumerate(tables):
        page.tabs.setCurrentIndex(index)
        qtbot.waitUntil(table.isVisible)
        assert table.columnWidth(perihal) >= 160, index
    page.resize(1110, 600)  # the page's share of a 1366x768 window
    for index, (table, perihal) in enumerate(tables):
        page.tabs.setCurrentIndex(index)
        qtbot.waitUntil(table.isVisible)
        header = table.horizontalHeader()
        assert header.sectionResizeMode(perihal) == header.ResizeMode.Stretch, index
        assert header.length() == table.viewport().width(), index  # no gap, no sideways scroll


def test_the_status_line_says_what_the_print_preview_did_and_clears_on_a_tab_switch(
        qtbot, ws, staff, worker, printing, tmp_path):
    """Xvfb: "Pratinjau cetak dibuka…" stayed after the preview was closed and on another tab."""
    send(ws, staff["Staf"], subject="Penyampaian data DPT")
    page = page_for(qtbot, ws, staff["Kasubag"], worker)

    def open_preview():  # noqa: ANN202
        with qtbot.waitSignal(worker.busy_changed, timeout=30_000, check_params_cb=lambda busy: not busy):
            page.print_book_button.click()
        [preview] = printing(page)
        assert page.status.text() == "Pratinjau cetak dibuka: cetak atau simpan PDF dari sana."
        return preview

    open_preview().reject()
    assert page.status.text() == "Pratinjau cetak ditutup; belum dicetak atau disimpan."
    preview = open_preview()
    preview.printed.emit(2)
    assert page.status.text() == "Dikirim ke printer (2 lembar)"
    preview.reject()
    assert page.status.text() == "Dikirim ke printer (2 lembar)"  # what it did stays said
    preview = open_preview()
    preview.saved.emit(tmp_path / "buku.pdf")
    assert page.status.text() == f"PDF disimpan di {tmp_path / 'buku.pdf'}"
    preview.reject()
    open_preview()
    page.tabs.setCurrentIndex((page.tabs.currentIndex() + 1) % page.tabs.count())
    assert page.status.text() == ""
