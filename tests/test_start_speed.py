"""Where a person waits at start and close (issue #15), as behaviour a user notices: the
command line answers --version without loading the program, an acting command loads neither
the migration tools nor the PDF library, the login dialog shows before the office is open, the
window shows before the integrity check has finished (and still warns about damage), closing
hides the window at once and writes a backup only when something changed, with a progress
window. The timings themselves are in tests/benchmark_start.py."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from conftest import PASSWORD
from helpers.shells import open_shell
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from sopdesk.catalog import bundled_catalog_dir, load_catalog
from sopdesk.catalog.cache import cached_catalog
from sopdesk.engine import backups, cases
from sopdesk.engine.national_holidays import NationalHolidays
from sopdesk.store.backup import backup_folder, list_backups

HEAVY = ("sqlalchemy", "PySide6", "pydantic", "yaml", "alembic", "argon2", "holidays")


def loaded_modules(tmp_path: Path, *argv: str, env: dict | None = None) -> tuple[int, set[str]]:
    """Run `sopdesk ARGV` in a fresh interpreter; its exit code and the top-level packages it
    imported."""
    script = ("import json, sys\n"
              "from sopdesk.cli.main import main\n"
              f"code = main({list(argv)!r})\n"
              "print(json.dumps([code, sorted(m for m in sys.modules if '.' not in m)]))\n")
    import os

    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120,
                          env={**os.environ, **(env or {})}, cwd=tmp_path)
    code, modules = json.loads(done.stdout.strip().splitlines()[-1])
    return code, set(modules)


def test_version_answers_without_loading_the_program(tmp_path):
    code, modules = loaded_modules(tmp_path, "--version")
    assert code == 0
    assert not modules & set(HEAVY)


@pytest.mark.sqlite_only("a subprocess on the office's SQLite file")
def test_an_acting_command_loads_neither_migrations_nor_pdf_nor_other_countries(tmp_path, ws, admin):
    code, modules = loaded_modules(tmp_path, "--data-dir", str(ws.data_dir), "inbox", "--as", "admin",
                                   env={"SOPDESK_PASSWORD": PASSWORD})
    assert code == 0
    assert "sqlalchemy" in modules  # it did open the office
    heavy = modules & {"alembic", "mako", "pygments", "reportlab", "PySide6"}
    assert heavy == set()  # the set names the culprit when it fails
    script = ("import sys\nfrom sopdesk.cli.main import main\n"
              f"main(['--data-dir', {str(ws.data_dir)!r}, 'inbox', '--as', 'admin'])\n"
              "print(sorted(m for m in sys.modules if m.startswith('holidays.countries.')))")
    import os

    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120,
                         env={**os.environ, "SOPDESK_PASSWORD": PASSWORD}).stdout
    assert out.strip().splitlines()[-1] in ("[]", "['holidays.countries.indonesia']")


def test_the_catalog_comes_from_the_cache_until_a_file_changes(tmp_path):
    office = tmp_path / "sop_catalog"
    office.mkdir()
    folders = [bundled_catalog_dir(), office]
    loads = []

    def load():  # noqa: ANN202
        loads.append(1)
        return load_catalog(folders)

    first = cached_catalog(folders, load)
    again = cached_catalog(folders, load)
    assert len(loads) == 1  # read from the cache the second time
    assert again.sops.keys() == first.sops.keys() and again.sop("PP") == first.sop("PP")
    (office / "extra.yaml").write_text("jenis: organisasi\n", encoding="utf-8")  # a file added, broken
    with pytest.raises(Exception):  # noqa: B017, PT011 - a broken file: the loader's own error
        cached_catalog(folders, load)
    assert len(loads) == 2  # a changed folder is read again, not taken from the cache


def test_national_holidays_year_by_year_are_the_packages_and_come_back_from_the_cache():
    import holidays

    table = holidays.country_holidays("ID", categories=("public", "government"), language="id",
                                      years=range(2024, 2028))
    first = NationalHolidays()
    for year in range(2024, 2028):
        assert first.year(year) == {d: n for d, n in table.items() if d.year == year}
    cached = NationalHolidays()
    cached._read_store()
    assert str(2026) in cached._stored  # kept in the cache file for the next start
    assert cached.year(2026) == first.year(2026)


# --- closing: a backup only when something changed ---------------------------------------------

def test_a_backup_on_exit_is_due_only_after_a_change(ws, admin, staff):
    assert backups.changed_since_last_backup(ws)  # no backup yet
    backups.daily_backup(ws)
    assert not backups.exit_backup_due(ws)
    ws.login("admin", PASSWORD)  # a sign-in changes no record
    assert not backups.exit_backup_due(ws)
    assert backups.exit_backup(ws) is None
    cases.start_case(ws, staff["Sekretaris"], "TKS", "Pleno mingguan")
    assert backups.exit_backup_due(ws)
    seen = []
    path = backups.exit_backup(ws, progress=lambda done, total: seen.append((done, total)))
    assert path is not None and path.exists()
    assert seen[0] == (0, 0) and seen[-1][0] == seen[-1][1] > 0  # the database copy, then every byte
    assert not backups.exit_backup_due(ws)
    path.unlink()  # the newest backup is gone (a USB disk taken away): the next exit writes one
    assert backups.exit_backup_due(ws)


# --- the desktop ------------------------------------------------------------------------------

def _backups(ws) -> list[Path]:  # noqa: ANN001
    return list_backups(backup_folder(ws.data_dir))


@pytest.fixture
def shell(qtbot, ws, admin, monkeypatch):  # noqa: ANN001, ANN201, ARG001 - admin: the office set up first
    yield from open_shell(qtbot, ws, monkeypatch)


def _open_settled(qtbot, shell, ws, admin):  # noqa: ANN001, ANN202
    window = shell.open_window(ws, admin)
    qtbot.waitUntil(lambda: not window.worker.busy and not shell.check_running, timeout=60_000)
    return window


@pytest.mark.sqlite_only("the backup on exit is the SQLite office's")
def test_closing_with_nothing_changed_hides_the_window_and_writes_no_backup(qtbot, shell, ws, admin):
    window = _open_settled(qtbot, shell, ws, admin)
    assert len(_backups(ws)) == 1  # the day's first backup, made when the window opened
    with qtbot.waitSignal(shell.finished, timeout=60_000):
        window.close()
        assert not window.isVisible()  # gone at once, before anything is written
    assert len(_backups(ws)) == 1
    assert shell.progress is None


@pytest.mark.sqlite_only("the backup on exit is the SQLite office's")
def test_closing_after_a_change_writes_a_backup_behind_a_progress_window(qtbot, shell, ws, admin, staff):
    window = _open_settled(qtbot, shell, ws, admin)
    cases.start_case(ws, staff["Sekretaris"], "TKS", "Pleno mingguan")
    steps = []
    shell.backup_progress.connect(lambda done, total: steps.append((done, total)))
    ended = []
    shell.finished.connect(lambda: ended.append(len(_backups(ws))))
    with qtbot.waitSignal(shell.finished, timeout=60_000):
        window.close()
        assert not window.isVisible()
        assert shell.progress is not None and shell.progress.isVisible()
        assert "cadangan" in shell.progress.labelText().lower()
    assert ended == [2]  # the program ends once the backup is written, not before
    assert steps and steps[-1][0] == steps[-1][1] > 0
    assert shell.progress is None


@pytest.mark.sqlite_only("a damaged SQLite audit log")
def test_the_window_shows_before_the_start_up_check_ends_and_damage_is_still_warned(
        qtbot, shell, ws, admin, staff, monkeypatch):
    from sopdesk.gui import app as app_module

    cases.start_case(ws, staff["Sekretaris"], "TKS", "Pleno mingguan")
    with sqlite3.connect(ws.data_dir / "sopdesk.sqlite3") as raw:
        raw.execute("UPDATE audit_event SET detail = '{}' WHERE action = 'case_started'")
    release = threading.Event()
    real = app_module.start_check

    def slow_check(workspace, progress=None):  # noqa: ANN001, ANN202
        release.wait(30)
        return real(workspace, progress)

    monkeypatch.setattr(app_module, "start_check", slow_check)
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: shown.append(a[2]))
    window = shell.open_window(ws, admin)
    assert window.isVisible()
    qtbot.waitUntil(lambda: shell.check_running, timeout=5_000)  # started once the window painted
    assert window.page("inbox").isVisible() and not shown  # usable while the check runs
    release.set()
    qtbot.waitUntil(lambda: not shell.check_running, timeout=60_000)
    assert shown and "telah diubah di luar sopdesk" in shown[0]


def test_the_login_dialog_shows_before_the_office_is_open_and_signs_in_when_it_is(
        qtbot, ws, admin, monkeypatch):
    from PySide6.QtWidgets import QApplication

    from sopdesk.gui import start as start_module

    start_module.remember_office(ws.data_dir, None, "KPU Kota Kupang (nama lama)")
    opening = threading.Event()
    real_run = start_module.Opener._run

    def held(self):  # noqa: ANN001, ANN202 - the office opens only when the test says so
        opening.wait(30)
        real_run(self)

    monkeypatch.setattr(start_module.Opener, "_run", held)
    start = start_module.Start(QApplication.instance(), ws.data_dir, None)
    start.begin()
    login = start.login
    assert login is not None and login.isVisible() and login.ws is None
    assert login.heading.text() == "KPU Kota Kupang (nama lama)"  # as remembered from the last start
    qtbot.keyClicks(login.username, "admin")
    qtbot.keyClicks(login.password, PASSWORD)
    login.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
    assert login.isVisible() and "Memuat" in login.error.text()  # waits for the office, no error
    opening.set()
    qtbot.waitUntil(lambda: start.shell is not None and len(start.shell.windows) == 1, timeout=60_000)
    assert start_module.remembered_office(ws.data_dir, None) == "KPU Kota Kupang"  # the office's own name
    window = start.shell.windows[0]
    assert window.ctx.actor.username == "admin" and start.shell.dialog is None  # the login went
    window.backup_on_exit = False
    window.close()
    qtbot.waitUntil(lambda: not start.shell.closing, timeout=60_000)
    start.close()
