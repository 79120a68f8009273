"""What a closed step form did, in one sentence for the main window's status bar: completed
(and where the case went), agreed (a lane of a joint step), disposed, or returned (and to whose
desk). Said the same whether the form was opened from Kotak Masuk or from a case record in
Kasus; from there, before, nothing said that the step had gone through.

The texts keep their translation context "InboxPage", where they were first written."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

if TYPE_CHECKING:
    from sopdesk.gui.step_form.dialog import StepFormDialog

translate = QCoreApplication.translate  # the texts keep their context "InboxPage"


def outcome(dialog: StepFormDialog) -> str | None:
    """The sentence, or None when the form was closed (or refused) without doing anything."""
    done = dialog.completed
    if done is not None:
        if done.confirmed:  # a joint step: this lane agreed, the next lane completes the step
            return translate("InboxPage", "Kegiatan {0} {1} disetujui; menunggu {2}").format(
                done.step_no, done.case_number, done.next_role)
        if done.next_step is None:
            return translate("InboxPage", "Kegiatan {0} {1} selesai; kasus ditutup").format(
                done.step_no, done.case_number)
        return translate("InboxPage", "Kegiatan {0} {1} selesai; lanjut ke {2} ({3})").format(
            done.step_no, done.case_number, done.next_step, done.next_role)
    if dialog.disposed is not None:
        return translate("InboxPage", "Disposisi nomor {0} dicatat; {1}").format(
            dialog.disposed.disposition_id, dialog.disposed.message)
    if (back := dialog.returned_to) is not None:
        # the step and whose desk it is now on (Xvfb: "ke kegiatan 3" alone left the Kasubag
        # asking who has the case back); the role rides in {1}, the text stays translated
        step = f"{back} ({dialog.sop.role_of(back)})"
        return translate("InboxPage", "Kasus {0} dikembalikan ke kegiatan {1}").format(dialog.case_number, step)
    return None
