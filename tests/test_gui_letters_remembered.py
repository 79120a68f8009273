"""The Ketua's filters of Surat & Ekspedisi are found again at the next session, per user: the
agenda opened with every letter each morning though "Hanya yang belum didisposisi" had been
ticked the day before."""

from __future__ import annotations

from test_gui_letters import incoming, page_for, worker  # noqa: F401 - the worker fixture

from sopdesk.engine import dispositions


def test_the_filters_are_remembered_per_user_between_sessions(qtbot, ws, staff, worker):  # noqa: F811
    disposed, _ = incoming(ws, staff["Help Desk"], subject="Sudah didisposisi")
    incoming(ws, staff["Help Desk"], subject="Belum didisposisi")
    dispositions.dispose(ws, staff["Ketua"], disposed, ["teknis"], "Hadiri")
    ketua = staff["Ketua"]
    first = page_for(qtbot, ws, ketua, worker)
    assert not first.undisposed.isChecked() and first.incoming_model.total == 2  # the first time: all
    first.undisposed.setChecked(True)
    first.pending.setChecked(True)
    first.incoming_year.setCurrentIndex(first.incoming_year.findData(first.incoming_year.itemData(1)))
    year = first.incoming_year.currentData()
    first.tabs.setCurrentIndex(2)
    first.close()
    first.deleteLater()

    again = page_for(qtbot, ws, ketua, worker)  # the next session
    assert again.undisposed.isChecked() and again.pending.isChecked()
    assert again.incoming_year.currentData() == year
    assert again.tabs.currentIndex() == 2
    assert again.incoming_model.total == 1  # the filter is applied, not only ticked
    assert again.incoming_model.row_at(0).subject == "Belum didisposisi"

    other = page_for(qtbot, ws, staff["Kasubag"], worker)  # another user of this PC: as it comes
    assert not other.undisposed.isChecked() and not other.pending.isChecked()
    assert other.incoming_year.currentData() is None and other.tabs.currentIndex() == 0
