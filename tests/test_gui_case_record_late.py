"""The case record (Kasus → Lihat kasus) says when the waiting step and a case deadline are
late, as the step form and the inbox do, and shows a typed '<' as typed (seen on Xvfb, session
18: 'Tenggat: … — paling lambat 11-11-2026 12:42 WITA' of a case three weeks late, no word of it)."""

from __future__ import annotations

from PySide6.QtGui import QTextDocument

from sopdesk.engine import cases
from sopdesk.gui.cases_page import CaseView
from sopdesk.gui.context import GuiContext


def shown(view: CaseView) -> str:
    """The header as the user reads it (the rich text rendered to plain text)."""
    document = QTextDocument()
    document.setHtml(view.header.text())
    return document.toPlainText()


def test_the_record_says_terlambat_of_a_late_step_and_deadline(qtbot, ws, staff, clock):
    number = cases.start_case(ws, staff["Help Desk"], "PP", "Permohonan data <DPT> & rekap", entry="surat",
                              requester="Maria <Ndun>")
    view = CaseView(GuiContext(ws, staff["Help Desk"]), number)
    qtbot.addWidget(view)
    text = shown(view)
    assert "terlambat" not in text  # just started: nothing late yet
    assert "Permohonan data <DPT> & rekap" in text and "Pemohon: Maria <Ndun>" in text
    clock.advance(days=30)  # past the step's time and the 10 working days of the reply
    view.reload()
    lines = shown(view).splitlines()
    waiting = next(line for line in lines if line.startswith("Menunggu kegiatan "))
    reply = next(line for line in lines if line.startswith("Tenggat: Pemberitahuan tertulis"))
    assert " — terlambat " in waiting and " — terlambat " in reply
