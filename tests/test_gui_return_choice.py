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


def test_the_steps_to_return_to_name_their_role(qtbot, ws, staff, monkeypatch):
    number = cases.start_case(ws, staff["Help Desk"], "PP", "Permohonan data DPT", entry="tamu",
                              requester="Maria Ndun")
    for role in ("Help Desk", "Help Desk", "Komisioner"):
        cases.complete(ws, staff[role], number, StepInput())
    form = StepFormDialog(GuiContext(ws, staff["Kasubag"]), number)
    qtbot.addWidget(form)
    form.show()
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
