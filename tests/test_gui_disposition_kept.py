"""The lembar disposisi keeps what the Ketua typed when it is closed without saving (Xvfb, the
Ketua by keyboard: Esc pressed to leave the instruction field, or the dialog closed to read the
letter again, lost the instruction and the ticked units). Opened again on the same letter in the
session, it comes back and the dialog says so, as the step form does; saved, it is forgotten."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from test_gui_letters import incoming

from sopdesk.engine import dispositions
from sopdesk.gui.context import GuiContext
from sopdesk.gui.letters.disposition_dialog import DispositionDialog

TYPED = "Telaah laporan dan siapkan bahan rapat pleno"


@pytest.fixture
def ctx(ws, staff) -> GuiContext:
    for subject in ("Laporan dugaan pelanggaran", "Undangan rapat koordinasi"):
        incoming(ws, staff["Help Desk"], subject=subject)
    return GuiContext(ws, staff["Ketua"])


def opened(qtbot, ctx: GuiContext, agenda: str) -> DispositionDialog:
    dialog = DispositionDialog(ctx, agenda)
    qtbot.addWidget(dialog)
    with qtbot.waitActive(dialog):
        dialog.show()
        dialog.activateWindow()
    return dialog


def restored_note(dialog: DispositionDialog) -> QLabel:
    return dialog.findChild(QLabel, "restoredNote")


def test_esc_keeps_the_instruction_and_the_units_for_the_same_letter(qtbot, ctx):
    dialog = opened(qtbot, ctx, "SM/2026/0001")
    assert not restored_note(dialog).isVisibleTo(dialog)
    qtbot.keyClicks(dialog.instruction, TYPED)
    dialog.units["subbag_hukum"].setChecked(True)
    qtbot.keyClick(dialog.instruction, Qt.Key.Key_Escape)
    assert dialog.result() == dialog.DialogCode.Rejected

    again = opened(qtbot, ctx, "SM/2026/0001")
    assert again.instruction.toPlainText() == TYPED and again.chosen() == ["subbag_hukum"]
    assert restored_note(again).isVisibleTo(again)
    assert restored_note(again).text() == "Isian yang belum disimpan saat lembar ini ditutup dipulihkan."
    other = opened(qtbot, ctx, "SM/2026/0002")  # another letter starts empty
    assert other.instruction.toPlainText() == "" and other.chosen() == []


def test_saved_it_is_forgotten(qtbot, ctx):
    dialog = opened(qtbot, ctx, "SM/2026/0001")
    qtbot.keyClicks(dialog.instruction, TYPED)
    dialog.reject()
    again = opened(qtbot, ctx, "SM/2026/0001")
    again.units["subbag_hukum"].setChecked(True)
    again.submit()
    qtbot.waitUntil(lambda: again.result() == again.DialogCode.Accepted)
    assert [d["instruction"] for d in dispositions.dispositions_of(ctx.ws, "SM/2026/0001", ctx.actor)] == [TYPED]
    third = opened(qtbot, ctx, "SM/2026/0001")  # a second disposition starts empty
    assert third.instruction.toPlainText() == "" and not restored_note(third).isVisibleTo(third)


def test_closed_untouched_keeps_nothing(qtbot, ctx):
    opened(qtbot, ctx, "SM/2026/0001").reject()
    again = opened(qtbot, ctx, "SM/2026/0001")
    assert not restored_note(again).isVisibleTo(again)
