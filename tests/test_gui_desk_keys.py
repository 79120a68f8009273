"""Defects of a keyboard day on Xvfb, each pinned by what the clerk did: Tab in the step
form's kelengkapan walks the ticks (a Space meant for a tick opened the file dialog when Tab
had landed on "Lampirkan…" between two ticks)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from sopdesk.engine import cases
from sopdesk.engine.cases import StepInput
from sopdesk.gui.context import GuiContext
from sopdesk.gui.step_form import StepFormDialog


def pp_case_at_8(ws, staff) -> str:
    """A PP case entered by letter, waiting at step 8 (kelengkapan: Surat Masuk, Disposisi Surat)."""
    number = cases.start_case(ws, staff["Help Desk"], "PP", "Permohonan salinan DPT", entry="surat",
                              requester="Maria Lende")
    for step, role in [(5, "Help Desk"), (6, "Komisioner"), (7, "Kasubag")]:
        cases.complete(ws, staff[role], number, StepInput(), step=step)
    return number


@pytest.fixture
def dialogs_opened(monkeypatch) -> list[str]:
    opened: list[str] = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: opened.append("file") or ("", ""))
    return opened


def test_tab_walks_the_kelengkapan_ticks_and_reaches_lampirkan_after_the_last(qtbot, ws, staff, dialogs_opened):
    dialog = StepFormDialog(GuiContext(ws, staff["Kasubag"]), pp_case_at_8(ws, staff))
    qtbot.addWidget(dialog)
    with qtbot.waitActive(dialog):
        dialog.show()
        dialog.activateWindow()
    rows = list(dialog.kelengkapan_rows.values())
    assert len(rows) == 2 and dialog.focusWidget() is rows[0].check
    for row in rows:  # Tab, Space: every tick ticked, no file dialog
        assert dialog.focusWidget() is row.check
        qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Space)
        qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab)
    assert all(row.check.isChecked() for row in rows) and dialogs_opened == []
    for row in rows:  # then the file slots, in the rows' order ("Hapus" is hidden without a file)
        assert dialog.focusWidget() is row.file.attach_button
        qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab)
    assert dialog.focusWidget() is dialog.output_rows["Hasil Identifikasi"].number  # on to the outputs
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    assert dialog.focusWidget() is rows[-1].file.attach_button
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Space)  # Lampirkan… itself still opens the dialog
    assert dialogs_opened == ["file"]
