"""Kembalikan…: each step the case may go back to names whose desk it goes to, ahead of the
step's text that the list cuts at 64 characters (seen on Xvfb, session 18: "Kegiatan 3:
Memberikan disposisi lisan kepada Sekretaris atau K…" said nothing of the Komisioner)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from sopdesk.engine import cases
from sopdesk.engine.cases import StepInput
from sopdesk.gui.context import GuiContext
from sopdesk.gui.step_form import StepFormDialog
from sopdesk.gui.step_form.return_dialog import ReturnDialog


def form_at_kasubag(qtbot, ws, staff) -> StepFormDialog:  # noqa: ANN001
    """The Kasubag's form of a PP case at step 4, steps 1-3 done (Help Desk, Help Desk, Komisioner)."""
    number = cases.start_case(ws, staff["Help Desk"], "PP", "Permohonan data DPT", entry="tamu",
                              requester="Maria Ndun")
    for role in ("Help Desk", "Help Desk", "Komisioner"):
        cases.complete(ws, staff[role], number, StepInput())
    form = StepFormDialog(GuiContext(ws, staff["Kasubag"]), number)
    qtbot.addWidget(form)
    form.show()
    return form


def test_the_steps_to_return_to_name_their_role(qtbot, ws, staff, monkeypatch):
    form = form_at_kasubag(qtbot, ws, staff)
    offered: list[tuple[str, str]] = []

    def look(dialog: ReturnDialog) -> int:
        combo = dialog.step_combo
        offered.extend((combo.itemText(n), combo.itemData(n, Qt.ItemDataRole.ToolTipRole))
                       for n in range(combo.count()))
        return 0  # Batal

    monkeypatch.setattr(ReturnDialog, "exec", look)
    form.return_step()
    assert [text.split(" — ")[0] for text, _ in offered] == [
        "Kegiatan 1: Help Desk", "Kegiatan 2: Help Desk", "Kegiatan 3: Komisioner"]
    assert offered[2][1].startswith("Kegiatan 3: Komisioner — Memberikan disposisi")  # whole in the tooltip


def test_a_reason_typed_then_batal_is_there_at_the_next_kembalikan(qtbot, ws, staff, monkeypatch):
    """Seen on Xvfb (session 18): Esc in the Kembalikan window threw away the reason typed; the
    second Kembalikan… of the same form now shows it again, with the step chosen."""
    form = form_at_kasubag(qtbot, ws, staff)
    seen: list[tuple[int | None, str]] = []

    def type_then_cancel(dialog: ReturnDialog) -> int:
        seen.append((dialog.selected_step(), dialog.reason_edit.toPlainText()))
        if len(seen) == 1:
            dialog.step_combo.setCurrentIndex(dialog.step_combo.findData(2))
            dialog.reason_edit.setPlainText("Disposisi Ketua belum jelas")
        return 0  # Batal / Esc

    monkeypatch.setattr(ReturnDialog, "exec", type_then_cancel)
    assert form.ask_return() is None
    assert form.ask_return() is None
    assert seen == [(3, ""), (2, "Disposisi Ketua belum jelas")]
