"""A restore started in Pengaturan while the start-up check still reads the office (it reads
for most of a minute at 100,000 cases): the check's reading connection held the SQLite file,
and the restore was refused with "Basis data sedang dibuka oleh program lain", which was not
true. The restore now stops the check first (gui.start_check), says so, and restores; a restore
that does not happen starts the check again. The start-up check's progress reaches the status
bar as a percentage."""

from __future__ import annotations

import threading
import time

import pytest
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from sopdesk.engine import backups
from sopdesk.gui.context import GuiContext
from sopdesk.gui.settings_backup import RestoreProgress
from sopdesk.gui.settings_page import SettingsPage
from sopdesk.gui.start_check import StartCheck, by_percent
from sopdesk.gui.worker import Worker


@pytest.fixture
def worker():
    thread = Worker()
    yield thread
    thread.stop()


@pytest.fixture
def reading(ws, qtbot):  # noqa: ANN001, ANN201
    """A start-up check that holds a read transaction on the office (as the real one does while
    it reads the chain) until it is stopped, and the event it sets once it holds it."""
    started = threading.Event()

    def run(progress):  # noqa: ANN001, ANN202
        with ws.db.connect() as conn:
            conn.exec_driver_sql("SELECT count(*) FROM audit_event").all()
            started.set()
            for done in range(1, 100_000):
                progress(done, 100_000)  # raises CheckStopped once stopped
                time.sleep(0.005)
        return []

    check = StartCheck(run, ws)
    check.start()
    assert started.wait(10) and check.running
    yield check, started
    check.stop()
    qtbot.waitUntil(lambda: not check.running, timeout=10_000)


def _answer_yes(monkeypatch, archive) -> list[str]:  # noqa: ANN001
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(archive), ""))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: told.append(a[2]))
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: told.append(a[2]))
    monkeypatch.setattr(QMessageBox, "critical", lambda *a, **k: told.append(a[2]))
    return told


@pytest.mark.sqlite_only("the SQLite file held by the start-up check's reading connection")
def test_a_restore_while_the_start_up_check_reads_stops_it_and_restores(qtbot, ws, admin, worker, monkeypatch,
                                                                         reading):
    check, _started = reading
    archive = backups.backup(ws, admin)
    page = SettingsPage(GuiContext(ws, admin), worker)
    qtbot.addWidget(page)
    told = _answer_yes(monkeypatch, archive)
    page.backup_box.restore()
    first = page.backup_box.progress.labelText()
    qtbot.waitUntil(lambda: bool(told), timeout=60_000)
    assert "Data dipulihkan" in told[0], told  # not "dibuka oleh program lain"
    assert "Menghentikan pemeriksaan awal" in first
    assert not check.running
    assert not any(isinstance(w, RestoreProgress) and w.isVisible() for w in QApplication.topLevelWidgets())


@pytest.mark.sqlite_only("the SQLite file held by the start-up check's reading connection")
def test_a_restore_that_does_not_happen_starts_the_stopped_check_again(qtbot, ws, admin, worker, monkeypatch,
                                                                       tmp_path, reading):
    check, started = reading
    broken = tmp_path / "bukan-cadangan.zip"
    broken.write_bytes(b"not a zip")
    page = SettingsPage(GuiContext(ws, admin), worker)
    qtbot.addWidget(page)
    told = _answer_yes(monkeypatch, broken)
    with qtbot.waitSignal(check.stopped, timeout=10_000):
        page.backup_box.restore()
    started.clear()
    qtbot.waitUntil(lambda: bool(told), timeout=60_000)
    assert "program lain" not in told[0]
    assert check.running and started.wait(10)  # checking again from the beginning


def test_progress_is_passed_on_once_per_percent_and_reaches_the_end():
    seen: list[tuple[int, int]] = []
    progress = by_percent(lambda done, total: seen.append((done, total)))
    for done in range(1, 10_001):
        progress(done, 10_000)
    assert len(seen) == 101  # 0% to 100%
    assert seen[-1] == (10_000, 10_000)


def test_the_check_is_found_for_its_own_office_only(qtbot, ws, reading):
    check, _started = reading
    from sopdesk.gui import start_check

    assert start_check.current(ws) is check
    assert start_check.current(object()) is None  # e.g. the demo office: its restore stops nothing
