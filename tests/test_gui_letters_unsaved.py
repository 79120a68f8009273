"""Catat surat masuk and Catat surat keluar keep what was typed when closed without saving (Esc,
Batal), as the lembar disposisi does (gui.letters.unsaved): a clerk who pressed Esc to leave a
field, or closed the dialog to look at the letter again, lost the whole letter. Opened again in
the session it comes back with a note; saved, it is forgotten; another user does not see it."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QLabel

from sopdesk.engine import letters
from sopdesk.gui.context import GuiContext
from sopdesk.gui.letters.incoming_dialog import IncomingDialog
from sopdesk.gui.letters.outgoing_dialog import OutgoingDialog

NOTE = "Isian yang belum disimpan saat formulir ini ditutup dipulihkan."


@pytest.fixture
def ctx(ws, staff) -> GuiContext:
    return GuiContext(ws, staff["Help Desk"])


def opened(qtbot, dialog_class, ctx: GuiContext):
    dialog = dialog_class(ctx)
    qtbot.addWidget(dialog)
    with qtbot.waitActive(dialog):
        dialog.show()
        dialog.activateWindow()
    return dialog


def note_shown(dialog) -> bool:
    note = dialog.findChild(QLabel, "restoredNote")
    assert note.text() == NOTE
    return note.isVisibleTo(dialog)


def cancel(dialog) -> None:
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Cancel).click()


def test_esc_keeps_the_incoming_letter_typed(qtbot, ctx):
    dialog = opened(qtbot, IncomingDialog, ctx)
    assert not note_shown(dialog)
    received = dialog.received.dateTime()
    qtbot.keyClicks(dialog.sender_edit, "Inspektorat Kota Kupang")
    qtbot.keyClicks(dialog.subject, "Hasil audit keuangan hibah")
    qtbot.keyClicks(dialog.number, "700/45/Insp/2026")
    dialog.has_date.setChecked(True)
    dialog.letter_date.setDate(date(2026, 2, 27))
    dialog.sifat.setCurrentIndex(dialog.sifat.findData("rahasia"))
    qtbot.keyClick(dialog.number, Qt.Key.Key_Escape)
    assert dialog.result() == dialog.DialogCode.Rejected

    again = opened(qtbot, IncomingDialog, ctx)
    assert note_shown(again)
    assert (again.sender_edit.text(), again.subject.toPlainText(), again.number.text()) == (
        "Inspektorat Kota Kupang", "Hasil audit keuangan hibah", "700/45/Insp/2026")
    assert again.has_date.isChecked() and again.letter_date.isEnabled()
    assert again.letter_date.date().toPython() == date(2026, 2, 27)
    assert again.sifat.currentData() == "rahasia"
    assert again.received.dateTime() == received  # untouched: the time of opening, not a kept one
    assert again.starts.currentData() is None and again.case.isEnabled()

    other = opened(qtbot, IncomingDialog, GuiContext(ctx.ws, ctx.actor))  # another session
    assert other.sender_edit.text() == "" and not note_shown(other)


def test_a_saved_incoming_letter_is_forgotten(qtbot, ctx):
    dialog = opened(qtbot, IncomingDialog, ctx)
    qtbot.keyClicks(dialog.sender_edit, "Bawaslu Kota Kupang")
    cancel(dialog)
    again = opened(qtbot, IncomingDialog, ctx)
    qtbot.keyClicks(again.subject, "Undangan rapat koordinasi")
    again.submit()
    qtbot.waitUntil(lambda: again.result() == again.DialogCode.Accepted)
    assert [(r.sender, r.subject) for r in letters.incoming_page(ctx.ws)] == [
        ("Bawaslu Kota Kupang", "Undangan rapat koordinasi")]
    third = opened(qtbot, IncomingDialog, ctx)
    assert third.sender_edit.text() == "" and third.subject.toPlainText() == "" and not note_shown(third)


def test_closed_untouched_keeps_nothing(qtbot, ctx):
    opened(qtbot, IncomingDialog, ctx).reject()
    opened(qtbot, OutgoingDialog, ctx).reject()
    assert not note_shown(opened(qtbot, IncomingDialog, ctx))
    assert not note_shown(opened(qtbot, OutgoingDialog, ctx))


def test_batal_keeps_the_outgoing_letter_typed_and_saved_forgets_it(qtbot, ctx):
    dialog = opened(qtbot, OutgoingDialog, ctx)
    qtbot.keyClicks(dialog.recipient, "Bawaslu Kota Kupang")
    qtbot.keyClicks(dialog.subject, "Jawaban permohonan data DPT")
    dialog.manual.setChecked(True)
    qtbot.keyClicks(dialog.number, "123/PP.01/5371/III/2026")
    dialog.dispatch.setChecked(False)
    cancel(dialog)

    again = opened(qtbot, OutgoingDialog, ctx)
    assert note_shown(again)
    assert (again.recipient.text(), again.subject.toPlainText()) == (
        "Bawaslu Kota Kupang", "Jawaban permohonan data DPT")
    assert again.manual.isChecked() and not again.automatic.isChecked()
    assert again.number.isEnabled() and again.number.text() == "123/PP.01/5371/III/2026"
    assert not again.dispatch.isChecked() and not again.recipient_name.isEnabled()
    qtbot.keyClicks(again.classification, "PP.01")
    again.submit()
    qtbot.waitUntil(lambda: again.result() == again.DialogCode.Accepted)
    assert [o.number for o in letters.outgoing_page(ctx.ws)] == ["123/PP.01/5371/III/2026"]
    third = opened(qtbot, OutgoingDialog, ctx)
    assert third.recipient.text() == "" and third.automatic.isChecked() and not note_shown(third)
