"""A Ketua disposing incoming letters on Xvfb: the agenda, shown again after another screen,
still lacked the letters the help desk had registered meanwhile (only F5 brought them), and an
empty agenda told the Ketua to record letters with a button that is disabled for the Ketua."""

from __future__ import annotations

from test_gui_letters import incoming, page_for, worker  # noqa: F401 - the worker fixture

from sopdesk.gui.letters.page import LettersPage


def test_back_from_another_screen_the_agenda_shows_letters_registered_meanwhile(qtbot, ws, staff, worker):  # noqa: F811
    incoming(ws, staff["Help Desk"], subject="Undangan rapat koordinasi")
    page: LettersPage = page_for(qtbot, ws, staff["Komisioner"], worker)
    page.show()
    assert page.incoming_model.total == 1
    page.hide()  # the Ketua goes to the inbox
    incoming(ws, staff["Help Desk"], subject="Surat edaran jadwal tahapan")  # the help desk's PC: no signal here
    page.show()
    assert page.incoming_model.total == 2
    assert page.incoming_summary.text() == "2 surat masuk"


def test_an_empty_agenda_does_not_send_the_ketua_to_a_disabled_button(qtbot, ws, staff, worker):  # noqa: F811
    ketua = page_for(qtbot, ws, staff["Komisioner"], worker)
    text = ketua.incoming_empty.text()
    assert not ketua.register_in_button.isEnabled()
    assert "Catat surat masuk" not in text
    assert text.startswith("Belum ada surat masuk. Surat dicatat oleh Help Desk / Staf / Kasubag")
    clerk = page_for(qtbot, ws, staff["Help Desk"], worker)  # the registrar is still told how
    assert clerk.register_in_button.isEnabled() and "“Catat surat masuk…”" in clerk.incoming_empty.text()
