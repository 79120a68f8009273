"""Pulihkan dari cadangan in the desktop runs on the worker behind a modal progress window: the
window's event loop goes on while the backup is verified and the records replaced (on a real
office that takes many seconds; on the GUI thread it froze the window with no word), and the
progress window says which step runs."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from sopdesk.engine import backups
from sopdesk.gui.context import GuiContext
from sopdesk.gui.settings_backup import RestoreProgress
from sopdesk.gui.settings_page import SettingsPage
from sopdesk.gui.worker import Worker
from sopdesk.store.backup import backup_folder, list_backups


@pytest.fixture
def worker():
    thread = Worker()
    yield thread
    thread.stop()


def test_the_window_answers_while_the_worker_restores_and_shows_each_step(qtbot, ws, admin, worker, monkeypatch):
    page = SettingsPage(GuiContext(ws, admin), worker)
    qtbot.addWidget(page)
    archive = backups.backup(ws, admin)
    assert list_backups(backup_folder(ws.data_dir)) == [archive]
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(archive), ""))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: told.append(a[2]))

    # the GUI thread notes the modal window and its text at every step; the worker goes on
    # only once the GUI thread has seen the step (on the GUI thread it would wait in vain)
    seen: dict[str, tuple[bool, str]] = {}
    steps = {name: threading.Event()
             for name in ("verify", "verify_chain", "verify_records", "set_aside", "replace")}
    waited: list[bool] = []
    real = backups.restore_backup

    def look() -> None:
        # the worker posts the stage's label before it names the step here, but the timer may
        # fire before that posted call runs (the modal bar's setValue processes events): a step
        # counts as seen once the label has changed from the step before
        modal = QApplication.activeModalWidget()
        if isinstance(modal, RestoreProgress) and modal.isVisible():
            before = ""
            for name, event in steps.items():
                if not event.is_set() and name in seen_names and modal.labelText() != before:
                    seen[name] = (True, modal.labelText())
                    event.set()
                before = seen.get(name, (False, ""))[1]

    seen_names: list[str] = []
    timer = QTimer(page, interval=5)
    timer.timeout.connect(look)
    timer.start()

    def slow_restore(*args, stage=None, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202
        def step(name: str) -> None:
            stage(name)
            seen_names.append(name)
            waited.append(steps[name].wait(20))

        return real(*args, stage=step, **kwargs)

    monkeypatch.setattr(backups, "restore_backup", slow_restore)
    with qtbot.waitSignal(worker.busy_changed, timeout=60_000, check_params_cb=lambda busy: not busy):
        page.backup_box.restore()
    timer.stop()
    assert waited == [True] * 5  # the event loop ran at every step
    assert "Memeriksa cadangan" in seen["verify"][1]
    assert "rantai log audit" in seen["verify_chain"][1]
    assert "segel" in seen["verify_records"][1]
    assert "Menyimpan data sekarang" in seen["set_aside"][1]
    assert "Memulihkan data" in seen["replace"][1]
    assert told and "Data dipulihkan" in told[0]
    assert not any(isinstance(w, RestoreProgress) and w.isVisible() for w in QApplication.topLevelWidgets())


def test_the_progress_window_cannot_be_closed_while_it_runs(qtbot):
    progress = RestoreProgress(None)
    qtbot.addWidget(progress)
    progress.show()
    progress.reject()  # Escape
    assert not progress.close()  # the title bar's close button
    assert progress.isVisible()
    progress.finish()
    assert not progress.isVisible()
