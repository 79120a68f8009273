"""Pengaturan's Profil kantor follows another desk: the office renamed on another computer
shows here, and "Simpan profil kantor" never writes the old profile back over it (it did:
the other desk's new name was replaced by the one still shown here)."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import PASSWORD
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel

from sopdesk.engine import office
from sopdesk.engine.accounts import add_office_holiday, add_user
from sopdesk.engine.workspace import Workspace
from sopdesk.gui.context import GuiContext
from sopdesk.gui.main_window import MainWindow

RENAMED = "KPU Kabupaten Kupang"


@pytest.fixture
def other(ws, admin, data_dir, db_url, clock):  # noqa: ANN001, ANN201
    """Another desk: its own Workspace on the same office, its administrator signed in."""
    workspace = Workspace.open(data_dir, url=db_url, clock=clock)
    yield workspace, workspace.login("admin", PASSWORD)
    workspace.close()


def settings_of(qtbot, ws, actor):  # noqa: ANN001, ANN201
    window = MainWindow(GuiContext(ws, actor))
    qtbot.addWidget(window)
    window.backup_on_exit = False
    window.show()
    qtbot.waitExposed(window)
    return window, window.page("settings")


def rename_elsewhere(other, name: str = RENAMED) -> None:  # noqa: ANN001
    workspace, actor = other
    office.update_profile(workspace, actor, name=name)


def test_the_fields_follow_another_desks_rename(qtbot, ws, admin, other):
    window, page = settings_of(qtbot, ws, admin)
    emitted: list[bool] = []
    window.ctx.elsewhere_changed.connect(lambda: emitted.append(True))
    assert page.office_name.text() == "KPU Kota Kupang"
    rename_elsewhere(other)
    assert window.desk_changes.look()  # what the window's timer does every few seconds
    assert emitted
    assert page.office_name.text() == RENAMED
    assert "diubah di komputer lain" in page.office_note.text()
    # saved here now: the other desk's name stays
    page.office_address.setText("Jl. El Tari No. 3")
    qtbot.mouseClick(page.save_office_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.office_note.text() == "Profil kantor disimpan.")  # on the worker
    stored = office.profile(ws)
    assert (stored.name, stored.address) == (RENAMED, "Jl. El Tari No. 3")


def test_edits_made_here_are_kept_and_their_save_refused_until_chosen(qtbot, ws, admin, other):
    window, page = settings_of(qtbot, ws, admin)
    page.office_address.setText("Jl. Timor Raya")
    rename_elsewhere(other)
    assert window.desk_changes.look()
    assert page.office_address.text() == "Jl. Timor Raya"  # not replaced
    assert page.office_name.text() == "KPU Kota Kupang"
    box = page.office_box
    assert box.reload_button.isVisible() and "telah diubah di komputer lain" in page.office_note.text()
    # Simpan once more: the administrator chose their own version, knowingly
    qtbot.mouseClick(page.save_office_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.office_note.text() == "Profil kantor disimpan.")  # on the worker
    stored = office.profile(ws)
    assert (stored.name, stored.address) == ("KPU Kota Kupang", "Jl. Timor Raya")
    assert not box.reload_button.isVisible()


def test_a_save_before_the_desk_looked_is_refused_and_muat_ulang_takes_the_stored(qtbot, ws, admin, other):
    window, page = settings_of(qtbot, ws, admin)
    page.office_address.setText("Jl. Timor Raya")
    rename_elsewhere(other)  # the window has not looked yet
    qtbot.mouseClick(page.save_office_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not window.worker.busy)  # a save would run on the worker
    stored = office.profile(ws)
    assert (stored.name, stored.address) == (RENAMED, None)  # nothing written over it
    assert RENAMED in page.office_note.text() and "Muat ulang" in page.office_note.text()
    qtbot.mouseClick(page.office_box.reload_button, Qt.MouseButton.LeftButton)
    assert (page.office_name.text(), page.office_address.text()) == (RENAMED, "")
    assert page.office_note.text() == "Profil kantor dimuat ulang."


def test_an_untouched_form_saved_before_the_look_does_not_write_the_old_name_back(qtbot, ws, admin, other):
    window, page = settings_of(qtbot, ws, admin)
    rename_elsewhere(other)
    QTest.mouseClick(page.save_office_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not window.worker.busy)  # a save would run on the worker
    assert office.profile(ws).name == RENAMED
    assert page.office_name.text() == RENAMED


def test_a_non_administrator_sees_the_new_name(qtbot, ws, staff, other):
    window, page = settings_of(qtbot, ws, staff["Kasubag"])
    rename_elsewhere(other)
    assert window.desk_changes.look()
    assert RENAMED in [label.text() for label in page.office_box.findChildren(QLabel)]


def test_another_desks_change_elsewhere_reads_no_profile(qtbot, ws, admin, other, monkeypatch):
    # a case completed or a user added at another desk: neither the title nor Pengaturan reads
    # the office profile again (only a change of the profile does)
    window, page = settings_of(qtbot, ws, admin)
    reads: list[bool] = []
    real = office.profile
    monkeypatch.setattr(office, "profile", lambda workspace: reads.append(True) or real(workspace))
    workspace, actor = other
    add_user(workspace, actor, "rina", PASSWORD, ["Help Desk"])
    assert window.desk_changes.look()
    assert reads == []
    rename_elsewhere(other)
    assert window.desk_changes.look()
    assert reads  # the profile itself changed: read
    assert page.office_name.text() == RENAMED


def test_another_desks_holiday_reaches_this_desks_calendar_and_pengaturan(qtbot, ws, admin, other):
    # before: the holiday list and this desk's due times ignored it until sopdesk was restarted
    window, page = settings_of(qtbot, ws, admin)
    assert ws.calendar.is_working_day(date(2026, 3, 4))
    workspace, actor = other
    add_office_holiday(workspace, actor, date(2026, 3, 4), "HUT Kabupaten Kupang")
    assert window.desk_changes.look()
    assert not ws.calendar.is_working_day(date(2026, 3, 4))
    table = page.holiday_box.table
    assert "HUT Kabupaten Kupang" in [table.item(r, 1).text() for r in range(table.rowCount())]
