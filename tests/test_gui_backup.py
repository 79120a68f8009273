"""Backups, restore and checks from the desktop: Pengaturan, the start-up check, the
automatic daily backup and the backup when the window closes."""

import sqlite3

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox

from sopdesk.engine import cases, queries
from sopdesk.gui.app import warn_if_damaged
from sopdesk.gui.context import GuiContext
from sopdesk.gui.main_window import MainWindow
from sopdesk.gui.settings_page import SettingsPage
from sopdesk.gui.worker import Worker
from sopdesk.store.backup import backup_folder, list_backups


@pytest.fixture
def worker():
    thread = Worker()
    yield thread
    thread.stop()


def wait_idle(qtbot, worker, click) -> None:  # noqa: ANN001
    with qtbot.waitSignal(worker.busy_changed, timeout=60_000, check_params_cb=lambda busy: not busy):
        click()


def test_backup_now_and_check_from_settings(qtbot, ws, admin, worker):
    page = SettingsPage(GuiContext(ws, admin), worker)
    qtbot.addWidget(page)
    wait_idle(qtbot, worker, page.backup_box.backup_now.click)
    [archive] = list_backups(backup_folder(ws.data_dir))
    assert archive.name in page.backup_box.backup_note.text()
    wait_idle(qtbot, worker, page.backup_box.check_button.click)
    assert "data utuh" in page.backup_box.backup_note.text()


def test_restore_from_settings_brings_back_a_later_cancelled_case(qtbot, ws, admin, staff, worker, monkeypatch):
    number = cases.start_case(ws, staff["Sekretaris"], "TKS", "Pleno mingguan")
    page = SettingsPage(GuiContext(ws, admin), worker)
    qtbot.addWidget(page)
    wait_idle(qtbot, worker, page.backup_box.backup_now.click)
    [archive] = list_backups(backup_folder(ws.data_dir))
    cases.cancel(ws, staff["Sekretaris"], number, "salah input")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(archive), ""))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    told = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: told.append(a[2]))
    wait_idle(qtbot, worker, page.backup_box.restore)  # on the worker, behind a progress window
    assert told and "Data dipulihkan" in told[0]
    from sopdesk.engine.workspace import Workspace

    reopened = Workspace.open(ws.data_dir, clock=ws.clock)
    try:
        assert queries.case_detail(reopened, number)["status"] == "open"
    finally:
        reopened.close()


def test_start_up_check_warns_about_a_tampered_audit_log(qtbot, ws, admin, staff, monkeypatch):
    cases.start_case(ws, staff["Sekretaris"], "TKS", "Pleno mingguan")
    assert warn_if_damaged(ws)
    with sqlite3.connect(ws.data_dir / "sopdesk.sqlite3") as raw:
        raw.execute("UPDATE audit_event SET detail = '{}' WHERE action = 'case_started'")
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: shown.append(a[2]))
    assert not warn_if_damaged(ws)
    assert "telah diubah di luar sopdesk" in shown[0]


def test_window_makes_the_daily_backup_and_closes_without_waiting_for_the_disk(qtbot, ws, admin):
    window = MainWindow(GuiContext(ws, admin))
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.worker.busy_changed, timeout=60_000, check_params_cb=lambda busy: not busy):
        window.start_daily_backup()
    assert len(list_backups(backup_folder(ws.data_dir))) == 1
    assert "Cadangan harian dibuat" in window.statusBar().currentMessage()
    assert window.wants_exit_backup  # the Shell writes it if something changed (tests/test_start_speed.py)
    window.close()
    assert len(list_backups(backup_folder(ws.data_dir))) == 1
