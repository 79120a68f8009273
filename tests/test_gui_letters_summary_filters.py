"""The count under each register of Surat & Ekspedisi says when a filter narrows it: "2 surat
masuk" read as the office's whole agenda while "Hanya yang belum didisposisi" (kept from the
last session, gui.letters.remembered), "Hanya disposisi untuk peran saya", a year or a search
left only part of it. The filters that are on follow the count: "2 surat masuk (disaring: ...)"."""

from __future__ import annotations

from test_gui_letters import incoming, page_for, send, worker  # noqa: F401 - the worker fixture

from sopdesk.engine import dispositions


def _agenda(ws, staff) -> None:
    incoming(ws, staff["Help Desk"], subject="Undangan rapat koordinasi")
    incoming(ws, staff["Help Desk"], subject="Laporan dugaan pelanggaran")
    incoming(ws, staff["Help Desk"], subject="Permohonan data DPT per kelurahan")
    dispositions.dispose(ws, staff["Ketua"], "SM/2026/0002", ["subbag_hukum"], "Telaah dan siapkan jawaban")


def test_the_incoming_count_names_the_filters_that_are_on(qtbot, ws, staff, worker):  # noqa: F811
    _agenda(ws, staff)
    page = page_for(qtbot, ws, staff["Kasubag"], worker)
    assert page.incoming_summary.text() == "3 surat masuk"  # nothing narrows it: the whole agenda
    page.undisposed.setChecked(True)
    assert page.incoming_summary.text() == "2 surat masuk (disaring: belum didisposisi)"
    page.undisposed.setChecked(False)
    page.addressed.setChecked(True)
    assert page.incoming_summary.text() == "1 surat masuk (disaring: disposisi untuk peran saya)"
    page.addressed.setChecked(False)
    page.incoming_year.setCurrentIndex(page.incoming_year.findData(2026))
    page.incoming_search.setText("rapat")
    page.reload_incoming()  # what the search's timer does
    assert page.incoming_summary.text() == "1 surat masuk (disaring: tahun 2026, pencarian “rapat”)"
    page.incoming_search.setText("")
    page.incoming_year.setCurrentIndex(0)  # Semua tahun
    page.reload_incoming()
    assert page.incoming_summary.text() == "3 surat masuk"


def test_a_filter_kept_from_the_last_session_is_said_at_once(qtbot, ws, staff, worker):  # noqa: F811
    _agenda(ws, staff)
    page_for(qtbot, ws, staff["Ketua"], worker).undisposed.setChecked(True)
    again = page_for(qtbot, ws, staff["Ketua"], worker)  # the next morning: the box is still ticked
    assert again.incoming_summary.text() == "2 surat masuk (disaring: belum didisposisi)"


def test_the_outgoing_count_and_the_expedition_say_their_filters_too(qtbot, ws, staff, worker):  # noqa: F811
    send(ws, staff["Help Desk"], subject="Jawaban permohonan data DPT")
    send(ws, staff["Help Desk"], subject="Undangan rapat pleno")
    page = page_for(qtbot, ws, staff["Help Desk"], worker)
    assert page.outgoing_summary.text() == "2 surat keluar"
    long = "Undangan rapat pleno terbuka rekapitulasi"
    page.outgoing_search.setText(long)
    page.reload_outgoing()
    assert page.outgoing_summary.text() == "0 surat keluar (disaring: pencarian “Undangan rapat pleno terbuka…”)"
    assert page.expedition_summary.text() == "2 entri ditampilkan · 2 belum diterima pada rentang ini"
    page.pending.setChecked(True)
    assert page.expedition_summary.text() == (
        "2 entri ditampilkan · 2 belum diterima pada rentang ini (disaring: hanya yang belum diterima)")


def test_the_count_with_every_filter_on_wraps_rather_than_widening_the_page(qtbot, ws, staff, worker):  # noqa: F811
    """Xvfb, 1024x768 (/tmp/h2/s/r2_22_resized.png): beside the Ketua's five buttons the longer
    count made the window 1090 px wide, its right edge past the screen."""
    _agenda(ws, staff)
    page = page_for(qtbot, ws, staff["Ketua"], worker)
    page.undisposed.setChecked(True)
    page.addressed.setChecked(True)
    page.incoming_year.setCurrentIndex(page.incoming_year.findData(2026))
    page.incoming_search.setText("Undangan rapat pleno terbuka rekapitulasi")
    page.reload_incoming()
    assert "disposisi untuk peran saya" in page.incoming_summary.text()
    page.show()
    qtbot.waitExposed(page)
    assert page.minimumSizeHint().width() <= 760, page.minimumSizeHint()  # the page's share of a 1024x768 window
