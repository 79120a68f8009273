"""Tamper evidence on the desktop (issue #11): the check in Pengaturan holds every action when it
finds a record changed outside sopdesk, and an administrator lifts the hold there with one
button, recorded in the audit log."""

import sqlite3
from contextlib import closing

import pytest
from sqlalchemy import select

from sopdesk.engine import cases, tamper
from sopdesk.errors import UserError
from sopdesk.gui.context import GuiContext
from sopdesk.gui.settings_page import SettingsPage
from sopdesk.gui.worker import Worker
from sopdesk.store.models import AuditEvent


@pytest.fixture
def worker():
    thread = Worker()
    yield thread
    thread.stop()


def wait_idle(qtbot, worker, click) -> None:  # noqa: ANN001
    with qtbot.waitSignal(worker.busy_changed, timeout=60_000, check_params_cb=lambda busy: not busy):
        click()


def test_a_finding_holds_every_action_until_an_administrator_clicks_seen(qtbot, ws, admin, staff, worker,
                                                                          data_dir, monkeypatch):
    number = cases.start_case(ws, staff["Sekretaris"], "TKS", "Pleno mingguan")
    with closing(sqlite3.connect(data_dir / "sopdesk.sqlite3")) as conn:
        conn.execute("UPDATE case_file SET title = 'Judul lain' WHERE number = ?", (number,))
        conn.commit()
    page = SettingsPage(GuiContext(ws, admin), worker)
    qtbot.addWidget(page)
    assert page.backup_box.acknowledge_button.isHidden()
    wait_idle(qtbot, worker, page.backup_box.check_button.click)
    assert "telah diubah di luar sopdesk" in page.backup_box.backup_note.text()
    assert not page.backup_box.acknowledge_button.isHidden()
    with pytest.raises(UserError, match="semua tindakan ditolak"):
        cases.cancel(ws, staff["Sekretaris"], number, "salah input")
    shown = []
    monkeypatch.setattr("sopdesk.gui.settings_backup.show_error", lambda parent, exc: shown.append(exc))
    page.backup_box.acknowledge_button.click()
    assert shown == [] and page.backup_box.acknowledge_button.isHidden()
    assert "sudah dilihat" in page.backup_box.backup_note.text()
    assert tamper.read_hold(data_dir) is None
    with ws.db.reading() as session:
        assert session.scalar(select(AuditEvent.action).order_by(AuditEvent.id.desc()).limit(1)) == \
            "tamper_acknowledged"
    cases.cancel(ws, staff["Sekretaris"], number, "salah input")  # allowed again
