"""Keluar/ganti pengguna (Ctrl+Shift+L) when the window's worker has already ended: the program
ended (exit code 0, no login dialog) instead of asking for the next login, because the closed
window was retired, and the Shell saw no window and no dialog, before the login was shown."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox

from sopdesk.gui.login import LoginDialog


@pytest.fixture
def shell(qtbot, ws, admin, monkeypatch):
    from sopdesk.gui.app import Shell

    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: None)
    shell = Shell(ws, check_data=False)
    yield shell
    if isinstance(shell.dialog, LoginDialog):
        shell.dialog.reject()
    for window in list(shell.windows):
        window.backup_on_exit = False
        window.close()
    shell.close()


@pytest.mark.sqlite_only("the desktop on the SQLite office")
def test_signing_out_after_the_worker_ended_shows_the_login_and_the_program_goes_on(
        qtbot, shell, ws, admin):
    window = shell.open_window(ws, admin)
    qtbot.waitUntil(lambda: not window.worker.busy, timeout=60_000)  # the day's backup is done
    window.worker.stop()  # its thread has ended (on a fast desk it ends before the sweep looks)
    assert window.worker.finished_all
    finished = []
    shell.finished.connect(lambda: finished.append(1))
    window.sign_out()
    assert not finished  # the program did not end on the way to the login
    qtbot.waitUntil(lambda: isinstance(shell.dialog, LoginDialog), timeout=5_000)
    assert shell.dialog.isVisible() and not finished and shell.windows == []
