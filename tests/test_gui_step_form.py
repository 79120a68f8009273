"""The step form, driven like a user (offscreen): tick, type, choose, attach, then Selesai,
Simpan draf or Kembalikan; the engine's state is checked afterwards."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialog, QFileDialog, QLabel, QMessageBox, QPushButton

from sopdesk.engine import cases
from sopdesk.engine.cases import StepInput
from sopdesk.engine.queries import case_detail
from sopdesk.gui.context import GuiContext
from sopdesk.gui.step_form import ReturnDialog, StepFormDialog

# --- helpers ------------------------------------------------------------------------------


def pp_case(ws, staff, at: int = 9) -> str:
    """A PP case entered by letter (step 5), moved on by the right users to step `at` (6-9)."""
    number = cases.start_case(ws, staff["Help Desk"], "PP", "Permohonan salinan DPT", entry="surat",
                              requester="Maria Lende")
    for step, role in [(5, "Help Desk"), (6, "Komisioner"), (7, "Kasubag"), (8, "Kasubag")]:
        if step < at:
            cases.complete(ws, staff[role], number, StepInput(), step=step)
    return number


def paw_case_at_12(ws, staff) -> str:
    number = cases.start_case(ws, staff["Komisioner"], "PAW", "Usulan PAW a.n. Yohanes Bria")
    for role, choice in [("Komisioner", None), ("Komisioner", "Ya"), ("Komisioner", None),
                         ("Pokja PAW", None), ("Komisioner", "Ya"), ("Komisioner", None)]:
        cases.complete(ws, staff[role], number, StepInput(choice=choice))
    return number


def waiting_at(ws, number: str) -> int | None:
    return next((i["step"] for i in case_detail(ws, number)["items"] if i["status"] == "open"), None)


def item_of(ws, number: str, step: int) -> dict:
    return next(i for i in case_detail(ws, number)["items"] if i["step"] == step and i["status"] != "open")


def open_form(qtbot, ws, actor, number: str) -> StepFormDialog:
    dialog = StepFormDialog(GuiContext(ws, actor), number)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def button(dialog: QDialog, text: str) -> QPushButton:
    found = [b for b in dialog.findChildren(QPushButton) if b.text().replace("&", "") == text and b.isVisible()]
    assert len(found) == 1, f"button {text!r}: {[b.text() for b in dialog.findChildren(QPushButton)]}"
    return found[0]


def click(qtbot, widget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


@pytest.fixture
def warnings_shown(monkeypatch) -> list[str]:
    """QMessageBox.warning (used by show_error) captured instead of blocking."""
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *args: shown.append(text))
    return shown


@pytest.fixture
def pick_file(monkeypatch):
    """Make the next QFileDialog.getOpenFileName answer with the given path."""
    answers: list[str] = []

    def fake(*args, **kwargs):
        return (answers.pop(0) if answers else "", "")

    monkeypatch.setattr(QFileDialog, "getOpenFileName", fake)
    return answers.append


# --- what the form shows ------------------------------------------------------------------

def test_form_shows_case_step_mutu_baku_and_overdue_mark(qtbot, ws, staff, clock):
    number = pp_case(ws, staff)
    clock.advance(hours=2)  # step 9 has 1 jam
    dialog = open_form(qtbot, ws, staff["Kasubag"], number)
    texts = {label.objectName(): label.text() for label in dialog.findChildren(QLabel)
             if label.objectName()}
    assert texts["caseNumber"] == number
    assert texts["caseTitle"] == "Permohonan salinan DPT"
    assert texts["stepHeading"].startswith("Kegiatan 9: Berkonsultasi dengan Divisi")
    assert texts["dueLabel"] == "02-03-2026 10:00 WITA — terlambat 1 jam"
    assert "#b00020" in dialog.findChild(QLabel, "dueLabel").styleSheet()
    all_text = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert "Maria Lende" in all_text and "PP — Pelayanan Publik" in all_text
    assert "Kasubag (peran Kasubag)" in all_text and "1 jam" in all_text
    assert "Apakah permohonan dijawab dengan surat balasan?" in all_text
    assert set(dialog.choice_buttons) == {"Ya", "Tidak"}
    assert list(dialog.kelengkapan_rows) == ["Surat Masuk", "Disposisi Surat"]
    assert dialog.windowTitle() == f"Kegiatan 9 — {number}"


# --- Selesai --------------------------------------------------------------------------------

def test_complete_with_checklist_document_number_and_choice(qtbot, ws, staff, warnings_shown):
    number = pp_case(ws, staff, at=8)
    changed = []

    # step 8 has an output: tick an item, type its document number, Selesai
    dialog = open_form(qtbot, ws, staff["Kasubag"], number)
    dialog.ctx.data_changed.connect(lambda: changed.append(8))
    click(qtbot, dialog.kelengkapan_rows["Surat Masuk"].check)
    qtbot.keyClicks(dialog.output_rows["Hasil Identifikasi"].number, "HI/005/III/2026")
    click(qtbot, button(dialog, "Selesai"))
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert changed == [8]
    assert waiting_at(ws, number) == 9

    # step 9 is the decision: tick, pick "Ya", Selesai
    dialog = open_form(qtbot, ws, staff["Kasubag"], number)
    click(qtbot, dialog.kelengkapan_rows["Disposisi Surat"].check)
    click(qtbot, dialog.choice_buttons["Ya"])
    click(qtbot, button(dialog, "Selesai"))
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert warnings_shown == []

    detail = case_detail(ws, number)
    assert waiting_at(ws, number) == 12
    step8, step9 = item_of(ws, number, 8), item_of(ws, number, 9)
    assert step8["completed_by"] == "kasubag"
    assert {c["item"]: c["present"] for c in step8["checks"]} == {"Surat Masuk": True, "Disposisi Surat": False}
    assert [(d["name"], d["number"], d["date"]) for d in detail["documents"]] == [
        ("Hasil Identifikasi", "HI/005/III/2026", None)]
    assert step9["status"] == "done" and step9["choice"] == "Ya"
    assert {c["item"]: c["present"] for c in step9["checks"]} == {"Surat Masuk": False, "Disposisi Surat": True}


class HeldWorker:
    """The window's worker, holding a submitted command until `release()`: what the form
    looks like while the engine works."""

    def __init__(self) -> None:
        self.jobs: list = []

    def submit(self, call, on_done, on_error) -> None:  # noqa: ANN001
        self.jobs.append((call, on_done, on_error))

    def release(self) -> None:
        call, on_done, on_error = self.jobs.pop(0)
        try:
            result = call()
        except Exception as exc:  # noqa: BLE001 - handed to the form, as the worker does
            on_error(exc)
        else:
            on_done(result)


def test_while_the_worker_completes_the_step_the_form_is_neither_closed_nor_sent_twice(qtbot, ws, staff):
    number = pp_case(ws, staff, at=8)
    dialog = open_form(qtbot, ws, staff["Kasubag"], number)
    dialog.ctx.worker = worker = HeldWorker()
    click(qtbot, dialog.kelengkapan_rows["Surat Masuk"].check)
    click(qtbot, button(dialog, "Selesai"))
    assert len(worker.jobs) == 1 and waiting_at(ws, number) == 8  # running, not done
    assert not any(b.isEnabled() for b in (dialog.finish_button, dialog.draft_button, dialog.cancel_button,
                                           dialog.return_button))
    dialog.finish()  # Ctrl+Enter again
    dialog.save_draft()
    dialog.reject()  # Esc, or the window's close button
    assert len(worker.jobs) == 1 and dialog.isVisible()
    worker.release()
    assert dialog.result() == QDialog.DialogCode.Accepted and not dialog.isVisible()
    assert dialog.completed is not None and waiting_at(ws, number) == 9


def test_decision_without_choice_shows_inline_error_and_changes_nothing(qtbot, ws, staff, warnings_shown):
    number = pp_case(ws, staff)
    dialog = open_form(qtbot, ws, staff["Kasubag"], number)
    click(qtbot, dialog.kelengkapan_rows["Surat Masuk"].check)
    click(qtbot, button(dialog, "Selesai"))
    error = dialog.findChild(QLabel, "choiceError")
    assert error.isVisible()
    assert error.text() == "Pilih salah satu jawaban: Ya / Tidak."
    assert "#b00020" in error.styleSheet()
    assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted
    assert warnings_shown == []  # the form caught it; the engine was not asked
    assert waiting_at(ws, number) == 9
    assert not any(h["action"] == "step_completed" and h["step"] == 9 for h in case_detail(ws, number)["history"])
    # choosing clears the message
    click(qtbot, dialog.choice_buttons["Tidak"])
    assert not error.isVisible()


def test_wait_step_needs_a_note_or_an_output(qtbot, ws, staff, warnings_shown):
    number = paw_case_at_12(ws, staff)
    dialog = open_form(qtbot, ws, staff["Pokja PAW"], number)
    wait = dialog.findChild(QLabel, "waitLabel")
    assert wait.text() == "Menunggu: Putusan yang berkekuatan hukum tetap — catat peristiwanya"
    assert not dialog.choice_buttons
    click(qtbot, button(dialog, "Selesai"))
    error = dialog.findChild(QLabel, "noteError")
    assert error.isVisible() and "Putusan yang berkekuatan hukum tetap" in error.text()
    assert waiting_at(ws, number) == 12
    qtbot.keyClicks(dialog.note_edit, "Putusan PN Kupang 12/Pdt.G/2026 berkekuatan hukum tetap")
    assert not error.isVisible()
    click(qtbot, button(dialog, "Selesai"))
    assert warnings_shown == []
    assert waiting_at(ws, number) == 13
    assert item_of(ws, number, 12)["note"] == "Putusan PN Kupang 12/Pdt.G/2026 berkekuatan hukum tetap"


def test_engine_refusal_is_shown_and_the_typed_form_is_kept(qtbot, ws, staff, warnings_shown):
    number = pp_case(ws, staff)
    dialog = open_form(qtbot, ws, staff["Help Desk"], number)
    assert dialog.findChild(QLabel, "roleHint").isVisible()
    qtbot.keyClicks(dialog.note_edit, "sudah dikonsultasikan")
    click(qtbot, dialog.kelengkapan_rows["Surat Masuk"].check)
    click(qtbot, dialog.choice_buttons["Ya"])
    click(qtbot, button(dialog, "Selesai"))
    assert len(warnings_shown) == 1
    assert "perlu peran Kasubag" in warnings_shown[0]
    assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.note_edit.toPlainText() == "sudah dikonsultasikan"
    assert dialog.kelengkapan_rows["Surat Masuk"].check.isChecked()
    assert dialog.choice_buttons["Ya"].isChecked()
    assert waiting_at(ws, number) == 9


def fill_step_8(qtbot, dialog, pick_file, ticked: str, scanned: tuple, number: str, day: QDate):  # noqa: ANN001, ANN201
    """Step 8 as the Kasubag fills it: one item ticked, a scan of another, the Hasil
    Identifikasi's number and date. Returns that output's row."""
    click(qtbot, dialog.kelengkapan_rows[ticked].check)
    item, scan = scanned
    pick_file(str(scan))
    click(qtbot, dialog.kelengkapan_rows[item].file.attach_button)
    output = dialog.output_rows["Hasil Identifikasi"]
    qtbot.keyClicks(output.number, number)
    click(qtbot, output.date_check)
    output.date.setDate(day)
    return output


# --- Simpan draf ----------------------------------------------------------------------------

def test_saved_draft_is_restored_when_the_form_opens_again(qtbot, ws, staff, tmp_path, pick_file):
    number = pp_case(ws, staff, at=8)
    scan = tmp_path / "surat masuk.pdf"
    scan.write_bytes(b"%PDF-1.4 surat")
    dialog = open_form(qtbot, ws, staff["Kasubag"], number)
    output = fill_step_8(qtbot, dialog, pick_file, "Disposisi Surat", ("Surat Masuk", scan), "HI/7/2026",
                         QDate(2026, 3, 5))
    assert output.date.isEnabled()
    qtbot.keyClicks(dialog.note_edit, "dilanjutkan besok")
    click(qtbot, button(dialog, "Simpan draf"))
    assert dialog.status_label.text().startswith("Draf disimpan pukul 09:00 WITA")
    click(qtbot, button(dialog, "Batal"))
    assert dialog.result() == QDialog.DialogCode.Rejected
    assert waiting_at(ws, number) == 8

    again = open_form(qtbot, ws, staff["Kasubag"], number)
    rows = again.kelengkapan_rows
    assert rows["Disposisi Surat"].check.isChecked() and rows["Surat Masuk"].check.isChecked()
    assert rows["Surat Masuk"].file.path == scan
    assert rows["Surat Masuk"].file.name_label.text() == "surat masuk.pdf"
    output = again.output_rows["Hasil Identifikasi"]
    assert output.number.text() == "HI/7/2026"
    assert output.date_check.isChecked() and output.date.date() == QDate(2026, 3, 5)
    assert again.note_edit.toPlainText() == "dilanjutkan besok"
    assert again.status_label.text() == "Draf yang tersimpan dipulihkan."
    assert again.form_data() == dialog.form_data()


def test_draft_of_a_decision_keeps_the_choice(qtbot, ws, staff):
    number = pp_case(ws, staff)
    dialog = open_form(qtbot, ws, staff["Kasubag"], number)
    click(qtbot, dialog.choice_buttons["Tidak"])
    click(qtbot, button(dialog, "Simpan draf"))
    dialog.reject()
    again = open_form(qtbot, ws, staff["Kasubag"], number)
    assert again.choice_buttons["Tidak"].isChecked()
    assert not again.choice_buttons["Ya"].isChecked()


def test_draft_refused_for_a_user_without_the_role(qtbot, ws, staff, warnings_shown):
    number = pp_case(ws, staff)
    dialog = open_form(qtbot, ws, staff["Staf"], number)
    qtbot.keyClicks(dialog.note_edit, "catatan")
    click(qtbot, button(dialog, "Simpan draf"))
    assert "perlu peran Kasubag" in warnings_shown[0]
    assert dialog.note_edit.toPlainText() == "catatan"
    assert open_form(qtbot, ws, staff["Kasubag"], number).note_edit.toPlainText() == ""


# --- Kembalikan -----------------------------------------------------------------------------

def test_return_sends_the_case_back_to_the_chosen_step_with_the_reason(qtbot, ws, staff, monkeypatch):
    number = pp_case(ws, staff)
    asked = {}

    def answer(self):  # the user of the small dialog: first forgets the reason, then gives it
        asked["steps"] = [self.step_combo.itemData(i) for i in range(self.step_combo.count())]
        asked["preselected"] = self.selected_step()
        self.step_combo.setCurrentIndex(self.step_combo.findData(7))
        self.accept()
        asked["error"] = self.error_label.text() if not self.error_label.isHidden() else None
        asked["accepted_without_reason"] = self.result() == QDialog.DialogCode.Accepted
        qtbot.keyClicks(self.reason_edit, "Disposisi belum dicermati")
        self.accept()
        return self.result()

    monkeypatch.setattr(ReturnDialog, "exec", answer)
    dialog = open_form(qtbot, ws, staff["Kasubag"], number)
    click(qtbot, button(dialog, "Kembalikan…"))
    assert asked == {"steps": [5, 6, 7, 8], "preselected": 8, "error": "Alasan pengembalian wajib diisi.",
                     "accepted_without_reason": False}
    assert dialog.result() == QDialog.DialogCode.Accepted and dialog.returned_to == 7
    assert waiting_at(ws, number) == 7
    returned = next(i for i in case_detail(ws, number)["items"] if i["status"] == "returned")
    assert (returned["step"], returned["return_to"], returned["note"]) == (9, 7, "Disposisi belum dicermati")


def test_return_cancelled_changes_nothing(qtbot, ws, staff, monkeypatch):
    number = pp_case(ws, staff)
    monkeypatch.setattr(ReturnDialog, "exec", lambda self: QDialog.DialogCode.Rejected)
    dialog = open_form(qtbot, ws, staff["Kasubag"], number)
    click(qtbot, button(dialog, "Kembalikan…"))
    assert dialog.isVisible()
    assert waiting_at(ws, number) == 9


def test_return_is_disabled_at_the_first_step(qtbot, ws, staff):
    number = pp_case(ws, staff, at=5)
    dialog = open_form(qtbot, ws, staff["Help Desk"], number)
    assert not button(dialog, "Kembalikan…").isEnabled()


# --- attachments ----------------------------------------------------------------------------

def test_attached_files_are_stored_with_the_completion(qtbot, ws, staff, tmp_path, pick_file):
    number = pp_case(ws, staff, at=8)
    scan = tmp_path / "scan surat.pdf"
    scan.write_bytes(b"%PDF-1.4 scan of the letter")
    report = tmp_path / "hasil identifikasi.pdf"
    report.write_bytes(b"%PDF-1.4 identification")
    other = tmp_path / "salah.pdf"
    other.write_bytes(b"%PDF-1.4 wrong file")
    dialog = open_form(qtbot, ws, staff["Kasubag"], number)

    rows = dialog.kelengkapan_rows
    pick_file(str(scan))
    click(qtbot, rows["Surat Masuk"].file.attach_button)
    assert rows["Surat Masuk"].check.isChecked()  # a scan means the item is at hand
    assert rows["Surat Masuk"].file.name_label.text() == "scan surat.pdf"
    pick_file(str(other))
    click(qtbot, rows["Disposisi Surat"].file.attach_button)
    click(qtbot, rows["Disposisi Surat"].file.remove_button)  # removed again
    assert rows["Disposisi Surat"].file.path is None
    assert rows["Disposisi Surat"].file.name_label.text() == "belum ada berkas"
    rows["Disposisi Surat"].check.setChecked(False)
    output = dialog.output_rows["Hasil Identifikasi"]
    pick_file(str(report))
    click(qtbot, output.file.attach_button)
    click(qtbot, output.date_check)
    output.date.setDate(QDate(2026, 3, 2))
    click(qtbot, button(dialog, "Selesai"))
    assert dialog.result() == QDialog.DialogCode.Accepted

    step8 = item_of(ws, number, 8)
    checks = {c["item"]: c for c in step8["checks"]}
    assert checks["Surat Masuk"]["present"] and checks["Surat Masuk"]["attachment"] is not None
    assert not checks["Disposisi Surat"]["present"] and checks["Disposisi Surat"]["attachment"] is None
    (document,) = case_detail(ws, number)["documents"]
    assert (document["name"], document["number"], document["date"], document["file"]) == (
        "Hasil Identifikasi", None, date(2026, 3, 2), "hasil identifikasi.pdf")
    stored = sorted(p.read_bytes() for p in ws.attachments_dir.rglob("*.pdf"))
    assert stored == sorted([scan.read_bytes(), report.read_bytes()])


def test_closed_case_shows_that_nothing_waits(qtbot, ws, staff):
    number = pp_case(ws, staff)
    cases.cancel(ws, staff["Kasubag"], number, "ditarik pemohon")
    dialog = open_form(qtbot, ws, staff["Kasubag"], number)
    assert "dibatalkan" in dialog.findChild(QLabel, "nothingWaiting").text()
    assert [b.text() for b in dialog.findChildren(QPushButton) if b.isVisible()] == ["Tutup"]


def test_an_overdue_case_deadline_says_by_how_long(qtbot, ws, staff, clock, warnings_shown):
    number = cases.start_case(ws, staff["Komisioner"], "PAW", "Usulan PAW a.n. Yohanes Bria")
    clock.advance(days=6)  # the reply to the DPRD was due 5 days after the case started
    dialog = open_form(qtbot, ws, staff["Komisioner"], number)
    label = dialog.findChild(QLabel, "deadline_jawaban_dprd")
    assert label.text().endswith("— terlambat 1 hari")
    assert "font-weight: bold" in label.styleSheet()


# --- a returned step ------------------------------------------------------------------------

RETURN_REASON = "Hasil identifikasi belum menyebut kelurahan"


def returned_to_8_after_a_full_visit(qtbot, ws, staff, clock, tmp_path, pick_file, monkeypatch) -> str:
    """Step 8 filled in and completed in the form, then returned from step 9 in the form."""
    number = pp_case(ws, staff, at=8)
    scan = tmp_path / "disposisi.pdf"
    scan.write_bytes(b"%PDF-1.4 disposisi")
    report = tmp_path / "hasil identifikasi.pdf"
    report.write_bytes(b"%PDF-1.4 identifikasi")
    dialog = open_form(qtbot, ws, staff["Kasubag"], number)
    output = fill_step_8(qtbot, dialog, pick_file, "Surat Masuk", ("Disposisi Surat", scan), "HI/005/III/2026",
                         QDate(2026, 3, 2))
    pick_file(str(report))
    click(qtbot, output.file.attach_button)
    qtbot.keyClicks(dialog.note_edit, "Perihal: salinan DPT")
    click(qtbot, button(dialog, "Selesai"))
    assert dialog.result() == QDialog.DialogCode.Accepted

    clock.advance(minutes=25)

    def answer(self):
        self.step_combo.setCurrentIndex(self.step_combo.findData(8))
        qtbot.keyClicks(self.reason_edit, RETURN_REASON)
        self.accept()
        return self.result()

    monkeypatch.setattr(ReturnDialog, "exec", answer)
    dialog = open_form(qtbot, ws, staff["Kasubag"], number)
    click(qtbot, button(dialog, "Kembalikan…"))
    assert waiting_at(ws, number) == 8
    return number


def test_returned_step_shows_who_returned_it_and_why_and_starts_from_the_last_visit(
        qtbot, ws, staff, clock, tmp_path, pick_file, monkeypatch, warnings_shown):
    number = returned_to_8_after_a_full_visit(qtbot, ws, staff, clock, tmp_path, pick_file, monkeypatch)
    stored_before = sorted(ws.attachments_dir.rglob("*.pdf"))

    dialog = open_form(qtbot, ws, staff["Kasubag"], number)
    banner = dialog.findChild(QLabel, "returnBanner")
    assert banner is not None and banner.isVisible()
    assert banner.text() == (f"Dikembalikan oleh kasubag (Kasubag) pada 02-03-2026 09:25 WITA dari kegiatan 9: "
                             f"{RETURN_REASON}")
    rows = dialog.kelengkapan_rows
    assert rows["Surat Masuk"].check.isChecked() and rows["Disposisi Surat"].check.isChecked()
    assert rows["Disposisi Surat"].file.name_label.text() == "disposisi.pdf (terlampir)"
    assert rows["Surat Masuk"].file.name_label.text() == "belum ada berkas"
    output = dialog.output_rows["Hasil Identifikasi"]
    assert output.number.text() == "HI/005/III/2026"
    assert output.date_check.isChecked() and output.date.date() == QDate(2026, 3, 2)
    assert output.file.name_label.text() == "hasil identifikasi.pdf (terlampir)"
    assert dialog.note_edit.toPlainText() == "Perihal: salinan DPT"

    qtbot.keyClick(dialog.note_edit, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(dialog.note_edit, "; kelurahan Oebobo")
    click(qtbot, button(dialog, "Selesai"))
    assert dialog.result() == QDialog.DialogCode.Accepted and warnings_shown == []
    assert waiting_at(ws, number) == 9
    first, second = [i for i in case_detail(ws, number)["items"] if i["step"] == 8]
    assert second["note"] == "Perihal: salinan DPT; kelurahan Oebobo"
    assert [(c["item"], c["present"], c["attachment"]) for c in second["checks"]] == [
        (c["item"], c["present"], c["attachment"]) for c in first["checks"]]
    documents = case_detail(ws, number)["documents"]
    assert len(documents) == 2 and documents[0]["sha256"] == documents[1]["sha256"]
    assert [(d["number"], d["date"], d["file"]) for d in documents] == [
        ("HI/005/III/2026", date(2026, 3, 2), "hasil identifikasi.pdf")] * 2
    assert sorted(ws.attachments_dir.rglob("*.pdf")) == stored_before  # nothing uploaded again


def test_a_draft_of_the_returned_step_wins_over_the_last_visit(qtbot, ws, staff, clock, tmp_path, pick_file,
                                                              monkeypatch):
    number = returned_to_8_after_a_full_visit(qtbot, ws, staff, clock, tmp_path, pick_file, monkeypatch)
    dialog = open_form(qtbot, ws, staff["Kasubag"], number)
    click(qtbot, dialog.kelengkapan_rows["Surat Masuk"].check)  # untick
    click(qtbot, dialog.kelengkapan_rows["Disposisi Surat"].file.remove_button)
    dialog.note_edit.clear()
    qtbot.keyClicks(dialog.note_edit, "Menunggu data kelurahan")
    click(qtbot, button(dialog, "Simpan draf"))
    dialog.reject()

    dialog = open_form(qtbot, ws, staff["Kasubag"], number)
    assert dialog.findChild(QLabel, "returnBanner").text().endswith(RETURN_REASON)
    assert dialog.note_edit.toPlainText() == "Menunggu data kelurahan"
    assert not dialog.kelengkapan_rows["Surat Masuk"].check.isChecked()
    assert dialog.kelengkapan_rows["Disposisi Surat"].file.name_label.text() == "belum ada berkas"
    output = dialog.output_rows["Hasil Identifikasi"].file
    assert output.name_label.text() == "hasil identifikasi.pdf (terlampir)"  # kept in the draft too
    assert dialog.status_label.text() == "Draf yang tersimpan dipulihkan."


def test_a_step_opened_for_the_first_time_has_no_banner_and_blank_fields(qtbot, ws, staff):
    number = pp_case(ws, staff, at=8)
    dialog = open_form(qtbot, ws, staff["Kasubag"], number)
    assert dialog.findChild(QLabel, "returnBanner") is None
    assert dialog.output_rows["Hasil Identifikasi"].number.text() == ""


def test_the_return_dialog_opens_with_the_cursor_in_the_reason(qtbot):
    """Found by hand under Xvfb: the step to return to is already chosen (the previous one), yet
    the cursor sat in the step list, so the reason typed went into the list."""
    def opened(steps, preselect):  # noqa: ANN001, ANN202
        dialog = ReturnDialog(steps, preselect)
        qtbot.addWidget(dialog)
        dialog.show()
        dialog.activateWindow()
        qtbot.waitUntil(lambda: dialog.focusWidget() is not None, timeout=10_000)
        return dialog

    dialog = opened([(7, "Menindak lanjuti"), (8, "Melakukan identifikasi")], 8)
    assert dialog.focusWidget() is dialog.reason_edit
    qtbot.keyClicks(dialog.focusWidget(), "Data belum lengkap")
    assert dialog.reason() == "Data belum lengkap" and dialog.selected_step() == 8


def test_ctrl_enter_in_the_reason_returns(qtbot):
    """Found working the inbox by keyboard on X: Enter in the reason is a new line, and
    Ctrl+Enter (which completes a step in the form behind) did nothing; it returns."""
    dialog = ReturnDialog([(7, "Menindak lanjuti"), (8, "Melakukan identifikasi")], 8)
    qtbot.addWidget(dialog)
    with qtbot.waitActive(dialog):
        dialog.show()
        dialog.activateWindow()
    qtbot.keyClicks(dialog.reason_edit, "Nomor surat salah")
    qtbot.keyClick(dialog.reason_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.reason() == "Nomor surat salah" and dialog.selected_step() == 8


def test_the_form_opens_with_the_cursor_in_its_first_field(qtbot, ws, staff):
    """Found working the inbox by keyboard on X: the form opened by Enter had no focus, so a
    Space or a typed number went nowhere until Tab had found 'Perpanjang tenggat…'. The cursor
    is in the first thing filled: at step 8, the first kelengkapan tick."""
    number = pp_case(ws, staff, at=8)
    dialog = StepFormDialog(GuiContext(ws, staff["Kasubag"]), number)
    qtbot.addWidget(dialog)
    with qtbot.waitActive(dialog):
        dialog.show()
        dialog.activateWindow()
    first = next(iter(dialog.kelengkapan_rows.values())).check
    assert dialog.focusWidget() is first
    assert dialog.scroll_area.verticalScrollBar().value() == 0  # the case number and title stay in view
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Space)
    assert first.isChecked()


def test_kembalikan_and_simpan_draf_have_their_keys(qtbot, ws, staff, monkeypatch):
    """Working the inbox by keyboard on X, the form opens in its first field; Kembalikan… and
    Simpan draf were reached only by tabbing through every field. Alt+K and Alt+D press them."""
    number = pp_case(ws, staff, at=8)
    dialog = StepFormDialog(GuiContext(ws, staff["Kasubag"]), number)
    qtbot.addWidget(dialog)
    with qtbot.waitActive(dialog):
        dialog.show()
        dialog.activateWindow()
    pressed = []
    monkeypatch.setattr(ReturnDialog, "exec", lambda self: pressed.append("return") or QDialog.DialogCode.Rejected)
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_K, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: pressed == ["return"], timeout=10_000)
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_D, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: "Draf" in dialog.status_label.text(), timeout=10_000)


def test_a_refused_completion_leaves_the_cursor_on_the_choice_in_view(qtbot, ws, staff, warnings_shown):
    """Seen on X at PP step 9: Down moved the cursor to "Tidak" without choosing it (Qt's arrows
    do not choose in a group with nothing chosen); Ctrl+Enter was refused and put the cursor
    back on "Ya", so the Space that followed chose "Ya". The cursor stays on "Tidak"."""
    number = pp_case(ws, staff)
    dialog = StepFormDialog(GuiContext(ws, staff["Kasubag"]), number)
    qtbot.addWidget(dialog)
    with qtbot.waitActive(dialog):
        dialog.show()
        dialog.activateWindow()
    dialog.choice_buttons["Tidak"].setFocus()
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert dialog.findChild(QLabel, "choiceError").isVisible()
    assert dialog.focusWidget() is dialog.choice_buttons["Tidak"]
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Space)
    assert dialog.decision.choice() == "Tidak"
