"""Perpanjang tenggat… says the date the deadline moves to before it is recorded, and says
when the case is still late then (seen on Xvfb, session 18: a case 23 days late was extended
by 7 working days without a word that it stays late)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton

from sopdesk.engine import cases
from sopdesk.engine.queries import case_detail
from sopdesk.gui.context import GuiContext
from sopdesk.gui.deadline_dialog import ExtendDeadlineDialog
from sopdesk.gui.step_form import StepFormDialog
from sopdesk.textfmt import waktu_lokal


def shown_by_extend(qtbot, ws, actor, number: str, monkeypatch) -> str | None:  # noqa: ANN001
    """What the extension dialog says the deadline becomes (None when it says nothing)."""
    form = StepFormDialog(GuiContext(ws, actor), number)
    qtbot.addWidget(form)
    form.show()
    seen: list[str | None] = []

    def look(dialog: ExtendDeadlineDialog) -> int:
        label = dialog.findChild(QLabel, "extendAfter")
        seen.append(None if label is None or label.isHidden() else label.text())
        return 0  # closed: nothing extended

    monkeypatch.setattr(ExtendDeadlineDialog, "exec", look)
    qtbot.mouseClick(form.findChild(QPushButton, "extend_jawaban_permohonan"), Qt.MouseButton.LeftButton)
    assert len(seen) == 1
    return seen[0]


def test_the_extension_says_the_new_date_beforehand(qtbot, ws, staff, clock, monkeypatch):
    number = cases.start_case(ws, staff["Help Desk"], "PP", "Permohonan data DPT", entry="surat")
    due = next(d["due_at"] for d in case_detail(ws, number)["deadlines"] if d["kode"] == "jawaban_permohonan")
    after = ws.calendar.add_working_days(due, 7)
    said = shown_by_extend(qtbot, ws, staff["Help Desk"], number, monkeypatch)
    assert said == f"→ paling lambat {waktu_lokal(after, ws.calendar.tz)}"
    assert case_detail(ws, number)["deadlines"][0]["extensions"] == 0  # only said, not done


def test_an_extension_that_leaves_the_case_late_says_so(qtbot, ws, staff, clock, monkeypatch):
    number = cases.start_case(ws, staff["Help Desk"], "PP", "Permohonan data DPT", entry="surat")
    clock.advance(days=40)  # 10 working days + 7 more are long past
    said = shown_by_extend(qtbot, ws, staff["Help Desk"], number, monkeypatch)
    assert said is not None and "— terlambat" in said


def test_a_reason_typed_then_tutup_is_there_at_the_next_perpanjang(qtbot, ws, staff, monkeypatch):
    """As for Kembalikan…: Tutup/Esc in the extension window kept nothing of the reason and the
    notice's number; the next Perpanjang tenggat… of the same form shows them again."""
    number = cases.start_case(ws, staff["Help Desk"], "PP", "Permohonan data DPT", entry="surat")
    form = StepFormDialog(GuiContext(ws, staff["Help Desk"]), number)
    qtbot.addWidget(form)
    form.show()
    seen: list[tuple[str, str]] = []

    def type_then_close(dialog: ExtendDeadlineDialog) -> int:
        seen.append((dialog.reason.toPlainText(), dialog.notice.text()))
        dialog.reason.setPlainText("Data DPT masih direkap")
        dialog.notice.setText("045/PP.08/5371/2026")
        return 0  # Tutup / Esc

    monkeypatch.setattr(ExtendDeadlineDialog, "exec", type_then_close)
    for _ in range(2):
        qtbot.mouseClick(form.findChild(QPushButton, "extend_jawaban_permohonan"), Qt.MouseButton.LeftButton)
    assert seen == [("", ""), ("Data DPT masih direkap", "045/PP.08/5371/2026")]


def test_the_reason_has_the_dialogs_width_under_a_long_notice_label(qtbot, ws, staff, monkeypatch):
    """Seen on Xvfb as the Kasubag: beside 'Nomor Surat Pemberitahuan Perpanjangan Waktu' the
    reason box had a third of the dialog. Each label is above its field now, in a dialog wide
    enough for a sentence."""
    number = cases.start_case(ws, staff["Help Desk"], "PP", "Permohonan data DPT", entry="surat")
    form = StepFormDialog(GuiContext(ws, staff["Help Desk"]), number)
    qtbot.addWidget(form)
    form.show()
    widths: list[tuple[int, int, int, int]] = []

    def look(dialog: ExtendDeadlineDialog) -> int:
        dialog.show()
        qtbot.waitExposed(dialog)
        widths.append((dialog.reason.width(), dialog.notice.width(), dialog.width(),
                       dialog.fontMetrics().averageCharWidth()))
        dialog.hide()
        return 0

    monkeypatch.setattr(ExtendDeadlineDialog, "exec", look)
    qtbot.mouseClick(form.findChild(QPushButton, "extend_jawaban_permohonan"), Qt.MouseButton.LeftButton)
    ((reason, notice, dialog, char),) = widths
    assert reason >= dialog * 0.8 and notice >= dialog * 0.8
    assert reason >= char * 60  # a sentence in a line, not three words
