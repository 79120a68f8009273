"""A Kasubag working many cases on Xvfb: Esc (or Batal) on a half-filled step form threw away
the ticks and the note, with no question, and opening the case again showed a blank form.
What was typed is now kept for the session and comes back when the form opens again; it is
dropped once the step is completed, returned or saved as a draft, and a return (a new visit
of the step) starts from that visit's own values."""

from __future__ import annotations

from helpers.active import shown_active
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from test_gui_desk_keys import pp_case_at_8

from sopdesk.gui.context import GuiContext
from sopdesk.gui.step_form import StepFormDialog


def opened(qtbot, ctx: GuiContext, number: str) -> StepFormDialog:
    dialog = StepFormDialog(ctx, number)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def half_fill(qtbot, dialog: StepFormDialog) -> None:
    dialog.kelengkapan_rows["Surat Masuk"].check.setChecked(True)
    dialog.note_edit.setFocus()
    qtbot.keyClicks(dialog.note_edit, "menunggu salinan DPT dari Divisi Data")


def test_esc_keeps_what_was_typed_and_the_form_brings_it_back(qtbot, ws, staff):
    ctx = GuiContext(ws, staff["Kasubag"])
    number = pp_case_at_8(ws, staff)
    dialog = opened(qtbot, ctx, number)
    half_fill(qtbot, dialog)
    qtbot.keyClick(dialog.note_edit, Qt.Key.Key_Escape)
    assert dialog.result() == QDialog.DialogCode.Rejected and not dialog.isVisible()

    again = opened(qtbot, ctx, number)
    assert again.kelengkapan_rows["Surat Masuk"].check.isChecked()
    assert not again.kelengkapan_rows["Disposisi Surat"].check.isChecked()
    assert again.note_edit.toPlainText() == "menunggu salinan DPT dari Divisi Data"
    assert again.status_label.text() == "Isian yang belum disimpan saat formulir ditutup dipulihkan."
    # another case's form is not touched by it
    other = opened(qtbot, ctx, pp_case_at_8(ws, staff))
    assert other.note_edit.toPlainText() == "" and other.status_label.text() == ""


def test_a_form_closed_untouched_keeps_nothing(qtbot, ws, staff):
    ctx = GuiContext(ws, staff["Kasubag"])
    number = pp_case_at_8(ws, staff)
    opened(qtbot, ctx, number).reject()
    assert ctx.unsaved_forms == {}
    assert opened(qtbot, ctx, number).status_label.text() == ""


def test_completing_returning_or_saving_a_draft_drops_what_was_kept(qtbot, ws, staff, monkeypatch):
    ctx = GuiContext(ws, staff["Kasubag"])
    number = pp_case_at_8(ws, staff)
    dialog = opened(qtbot, ctx, number)
    half_fill(qtbot, dialog)
    dialog.reject()
    assert len(ctx.unsaved_forms) == 1

    draft = opened(qtbot, ctx, number)  # saved as a draft: the database holds it now
    draft.save_draft()
    assert ctx.unsaved_forms == {}
    draft.reject()
    assert ctx.unsaved_forms == {}  # nothing typed since the draft
    assert opened(qtbot, ctx, number).status_label.text() == "Draf yang tersimpan dipulihkan."

    returning = opened(qtbot, ctx, number)
    qtbot.keyClicks(returning.note_edit, " lagi")
    returning.reject()
    assert len(ctx.unsaved_forms) == 1
    returning = opened(qtbot, ctx, number)
    monkeypatch.setattr(returning, "ask_return", lambda: (7, "Disposisi belum lengkap"))
    returning.return_step()
    assert returning.returned_to == 7 and ctx.unsaved_forms == {}

    # step 7 again (a new visit), then step 8 again: a new visit of step 8, not the old typing
    step_7 = opened(qtbot, ctx, number)
    step_7.finish()
    assert step_7.completed is not None
    fresh = opened(qtbot, ctx, number)
    assert fresh.status_label.text() != "Isian yang belum disimpan saat formulir ditutup dipulihkan."
    fresh.kelengkapan_rows["Disposisi Surat"].check.setChecked(True)
    fresh.reject()
    done = opened(qtbot, ctx, number)
    assert done.kelengkapan_rows["Disposisi Surat"].check.isChecked()
    done.finish()
    assert done.completed is not None and ctx.unsaved_forms == {}


def test_a_number_kept_at_esc_comes_back_with_the_cursor_at_its_end(qtbot, ws, staff):
    """Seen on Xvfb as the Kasubag: the document number typed before Esc came back selected
    whole (QDialog gives its first field a Tab's focus), so the next key replaced it."""
    from PySide6.QtWidgets import QApplication, QLineEdit

    from sopdesk.engine import cases
    from sopdesk.engine.cases import StepInput

    number = cases.start_case(ws, staff["Help Desk"], "PP", "Permohonan data DPT", entry="tamu", requester="Maria Ndun")
    for role in ("Help Desk", "Help Desk", "Komisioner"):
        cases.complete(ws, staff[role], number, StepInput())  # step 4: no kelengkapan, a number first
    ctx = GuiContext(ws, staff["Kasubag"])
    dialog = shown_active(qtbot, StepFormDialog(ctx, number))  # kept: qtbot holds it weakly
    field = QApplication.focusWidget()
    assert isinstance(field, QLineEdit) and dialog.isAncestorOf(field)
    qtbot.keyClicks(field, "ND-9")
    qtbot.keyClick(field, Qt.Key.Key_Escape)
    again = shown_active(qtbot, StepFormDialog(ctx, number))
    field = QApplication.focusWidget()
    assert isinstance(field, QLineEdit) and again.isAncestorOf(field) and field.text() == "ND-9"
    qtbot.waitUntil(lambda: not field.hasSelectedText() and field.cursorPosition() == 4)
    qtbot.keyClicks(field, "/2026")
    assert field.text() == "ND-9/2026"
