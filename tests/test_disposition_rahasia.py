"""A rahasia letter's disposition is as confidential as its perihal (found printing the lembar
disposisi as Staf, /tmp/h2/s/32_staf_sheet): the perihal read "(rahasia)" but the Ketua's
instruction under it ("Mohon ditelaah dan disiapkan tindak lanjut hasil audit ...") was printed
whole for anyone, and shown in the agenda's Disposisi tooltip. The instruction now reads
"(rahasia)" for whoever may not read the perihal; the addressee and the leadership read it."""

from __future__ import annotations

import pypdf
from PySide6.QtCore import Qt
from test_gui_letters import incoming, page_for, worker  # noqa: F401 - the worker fixture

from sopdesk.engine import dispositions
from sopdesk.engine.rahasia import MASK
from sopdesk.reports.disposition import render_disposition_sheet

SECRET = "Telaah temuan audit dana hibah atas nama bendahara"


def _disposed(ws, staff, sifat: str = "rahasia") -> str:
    agenda, _case = incoming(ws, staff["Help Desk"], subject="Hasil audit keuangan hibah", sifat=sifat)
    dispositions.dispose(ws, staff["Ketua"], agenda, ["subbag_hukum"], SECRET)  # Sub Bagian Hukum: Kasubag
    return agenda


def _instruction(ws, agenda: str, viewer) -> str:
    (sheet,) = dispositions.dispositions_of(ws, agenda, viewer)
    return sheet["instruction"]


def test_off_the_chain_the_instruction_of_a_rahasia_letter_is_masked(ws, staff):
    agenda = _disposed(ws, staff)
    assert _instruction(ws, agenda, staff["Staf"]) == MASK
    assert _instruction(ws, agenda, None) == MASK  # nobody signed in
    for reader in ("Kasubag", "Ketua", "Help Desk"):  # the addressee, the leadership, its registrar
        assert _instruction(ws, agenda, staff[reader]) == SECRET, reader


def test_a_letter_that_is_not_rahasia_keeps_its_instruction_for_everyone(ws, staff):
    agenda = _disposed(ws, staff, sifat="segera")
    assert _instruction(ws, agenda, staff["Staf"]) == SECRET


def test_the_printed_sheet_of_a_staf_leaves_the_instruction_out(ws, staff, tmp_path):
    agenda = _disposed(ws, staff)

    def printed(actor) -> str:
        path = render_disposition_sheet(ws, agenda, tmp_path / "sheet.pdf", viewer=actor)
        return " ".join(" ".join(page.extract_text().split()) for page in pypdf.PdfReader(path).pages)

    assert "Telaah temuan audit" not in printed(staff["Staf"])
    assert "Telaah temuan audit" in printed(staff["Kasubag"])


def test_the_agenda_tooltip_of_a_staf_leaves_the_instruction_out(qtbot, ws, staff, worker):  # noqa: F811
    _disposed(ws, staff)

    def tip(role: str) -> str:
        model = page_for(qtbot, ws, staff[role], worker).incoming_model
        column = [c.header for c in model.COLUMNS].index("Disposisi")
        return model.index(0, column).data(Qt.ItemDataRole.ToolTipRole)

    assert f"Isi: {MASK}" in tip("Staf") and "Telaah temuan audit" not in tip("Staf")
    assert f"Isi: {SECRET}" in tip("Kasubag")
