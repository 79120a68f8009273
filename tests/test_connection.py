"""A desk pointed once at the office's PostgreSQL server (`sopdesk connect`): the URL stored per
PC, the password only in a 0600 password file, later commands using both, and the password
never in any output, URL or log. Run as real CLI processes against a cluster whose desks log in
with a password (tests/helpers/pg_cluster.py)."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from helpers.pg_cluster import DESK_PASSWORD, Cluster

from sopdesk.store import connection_settings
from sopdesk.store.db import Database, make_engine, resolve_url

ADMIN_PASSWORD = "rahasia-123"


@pytest.fixture(scope="module")
def cluster():
    server = Cluster()
    yield server
    server.close()


@pytest.fixture
def desk(tmp_path: Path) -> dict[str, str]:
    """The environment of one desk's user: its own config, log and data directories; no
    SOPDESK_DB, no database password in it."""
    env = {k: v for k, v in os.environ.items()
           if k not in ("SOPDESK_DB", "SOPDESK_CONFIG_DIR", "SOPDESK_DB_PASSWORD", "PGPASSWORD", "PGPASSFILE")}
    env.update(XDG_CONFIG_HOME=str(tmp_path / "config"), XDG_STATE_HOME=str(tmp_path / "state"),
               HOME=str(tmp_path / "home"), SOPDESK_DATA_DIR=str(tmp_path / "data"))
    return env


def sopdesk(env: dict[str, str], *args: str, **extra: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "sopdesk", *args], env={**env, **extra},
                          capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL)


def test_connect_stores_url_and_0600_password_file_and_later_commands_use_them(cluster, desk, tmp_path):
    url = cluster.new_database("kantor_connect")

    done = sopdesk(desk, "connect", url, SOPDESK_DB_PASSWORD=DESK_PASSWORD)
    assert done.returncode == 0, done.stderr
    assert "Meja ini sekarang memakai basis data postgresql+psycopg://sopdesk@127.0.0.1" in done.stdout

    config_dir = tmp_path / "config" / "sopdesk"
    config = json.loads((config_dir / "koneksi.json").read_text())
    assert config == {"db": url}
    passfile = config_dir / "pgpass"
    assert stat.S_IMODE(passfile.stat().st_mode) == 0o600
    assert stat.S_IMODE((config_dir / "koneksi.json").stat().st_mode) == 0o600
    assert DESK_PASSWORD in passfile.read_text()

    # later commands: no --db, no password in the environment; the server demands one (scram)
    setup = sopdesk(desk, "setup", "--office", "KPU Kota Kupang", "--timezone", "WITA", "--admin", "admin",
                    SOPDESK_PASSWORD=ADMIN_PASSWORD)
    assert setup.returncode == 0, setup.stderr
    assert f"Basis data: {url}" in setup.stdout
    users = sopdesk(desk, "user", "list", "--as", "admin", SOPDESK_PASSWORD=ADMIN_PASSWORD)
    assert users.returncode == 0, users.stderr
    assert "admin" in users.stdout
    shown = sopdesk(desk, "connect")
    assert f"Basis data meja ini: {url}" in shown.stdout

    # a lost server: one sentence, non-zero, the password nowhere
    cluster.stop()
    try:
        lost = sopdesk(desk, "user", "list", "--as", "admin", SOPDESK_PASSWORD=ADMIN_PASSWORD)
    finally:
        cluster.start()
    assert lost.returncode == 1
    assert lost.stderr.strip() == ("sopdesk: Server basis data tidak terjangkau: periksa bahwa PC server "
                                   "menyala dan jaringan kantor tersambung, lalu ulangi")

    logs = "".join(p.read_text(errors="replace") for p in (tmp_path / "state").rglob("*.log"))
    assert "tidak terjangkau" in logs  # the log does record the lost server ...
    for text in (done.stdout, done.stderr, setup.stdout, setup.stderr, users.stdout, shown.stdout,
                 lost.stderr, logs, json.dumps(config)):
        assert DESK_PASSWORD not in text  # ... but never the password


def test_connect_with_a_wrong_password_says_so_and_keeps_the_old_setting(cluster, desk, tmp_path):
    url = cluster.new_database("kantor_wrong")
    done = sopdesk(desk, "connect", url, SOPDESK_DB_PASSWORD="salah-sekali")
    assert done.returncode == 1
    assert "Login ke server basis data ditolak" in done.stderr
    assert "salah-sekali" not in done.stderr + done.stdout
    assert not (tmp_path / "config" / "sopdesk" / "koneksi.json").exists()


def test_connect_refuses_a_password_in_the_url(desk, tmp_path):
    done = sopdesk(desk, "connect", "postgresql+psycopg://sopdesk:Bocor-123@server/sopdesk")
    assert done.returncode == 1
    assert "Jangan tulis kata sandi di dalam alamat basis data" in done.stderr
    assert "Bocor-123" not in done.stderr + done.stdout
    assert not (tmp_path / "config" / "sopdesk").exists()


def test_connect_local_goes_back_to_the_sqlite_file(desk, tmp_path):
    done = sopdesk(desk, "connect", "--no-check", "postgresql+psycopg://sopdesk@server.kantor/sopdesk",
                   SOPDESK_DB_PASSWORD="x-123")
    assert done.returncode == 0, done.stderr
    assert "server.kantor" in sopdesk(desk, "connect").stdout
    assert sopdesk(desk, "connect", "--local").returncode == 0
    assert not (tmp_path / "config" / "sopdesk" / "koneksi.json").exists()
    assert not (tmp_path / "config" / "sopdesk" / "pgpass").exists()
    assert "berkas SQLite di folder data" in sopdesk(desk, "connect").stdout


def test_stored_connection_is_used_only_without_db_and_sopdesk_db(tmp_path, monkeypatch):
    monkeypatch.setenv("SOPDESK_CONFIG_DIR", str(tmp_path / "cfg"))
    monkeypatch.delenv("SOPDESK_DB", raising=False)
    connection_settings.save_connection("postgresql+psycopg://sopdesk@server/sopdesk", "pw:with\\odd")
    assert resolve_url(None, tmp_path) == "postgresql+psycopg://sopdesk@server/sopdesk"
    assert resolve_url("sqlite:///x.db", tmp_path) == "sqlite:///x.db"
    monkeypatch.setenv("SOPDESK_DB", "sqlite:///y.db")
    assert resolve_url(None, tmp_path) == "sqlite:///y.db"
    assert (tmp_path / "cfg" / "pgpass").read_text() == "server:5432:sopdesk:sopdesk:pw\\:with\\\\odd\n"


def test_shown_url_masks_a_password(tmp_path):
    url = "postgresql+psycopg://sopdesk:Rahasia-99@server/sopdesk"
    assert "Rahasia-99" not in connection_settings.mask_url(url)
    assert "Rahasia-99" not in Database(make_engine(url)).url


def test_pengaturan_server_box_tries_the_server_then_stores_it_for_this_pc(qtbot, cluster, tmp_path, monkeypatch):
    from PySide6.QtCore import Qt

    from sopdesk.gui.server_settings import ServerBox
    from sopdesk.gui.worker import Worker

    monkeypatch.setenv("SOPDESK_CONFIG_DIR", str(tmp_path / "cfg"))
    monkeypatch.delenv("SOPDESK_DB_PASSWORD", raising=False)
    url = cluster.new_database("kantor_pengaturan")
    worker = Worker()
    box = ServerBox(worker)
    qtbot.addWidget(box)
    box.show()
    assert box.current.text() == "Meja ini memakai: berkas SQLite di PC ini"

    qtbot.keyClicks(box.url, url)
    qtbot.keyClicks(box.password, "salah-sekali")
    qtbot.mouseClick(box.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(box.error.isVisible, timeout=15_000)
    assert box.error.text().startswith("Login ke server basis data ditolak")
    assert not (tmp_path / "cfg" / "koneksi.json").exists()

    box.password.clear()
    qtbot.keyClicks(box.password, DESK_PASSWORD)
    qtbot.mouseClick(box.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Tersimpan untuk PC ini" in box.note.text(), timeout=15_000)
    assert not box.error.isVisible()
    assert box.password.text() == ""
    assert box.current.text() == f"Meja ini memakai: {url}"
    assert json.loads((tmp_path / "cfg" / "koneksi.json").read_text()) == {"db": url}
    assert stat.S_IMODE((tmp_path / "cfg" / "pgpass").stat().st_mode) == 0o600
    assert resolve_url(None, tmp_path) == url

    qtbot.mouseClick(box.local_button, Qt.MouseButton.LeftButton)
    assert box.current.text() == "Meja ini memakai: berkas SQLite di PC ini"
    assert not (tmp_path / "cfg" / "koneksi.json").exists()
    worker.stop()


def test_a_new_desk_is_pointed_at_the_server_from_the_first_start_setup(qtbot, cluster, tmp_path, monkeypatch):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QPushButton

    from sopdesk.engine.workspace import Workspace
    from sopdesk.gui import server_settings
    from sopdesk.gui.login import SetupDialog

    monkeypatch.setenv("SOPDESK_CONFIG_DIR", str(tmp_path / "cfg"))
    monkeypatch.delenv("SOPDESK_DB_PASSWORD", raising=False)
    url = cluster.new_database("kantor_meja_baru")
    opened: list = []
    monkeypatch.setattr(server_settings.ServerDialog, "exec", lambda self: (opened.append(self), self.show()))
    ws = Workspace.open(tmp_path / "data")  # a new desk: its own empty SQLite file, set-up shown
    try:
        setup = SetupDialog(ws)
        qtbot.addWidget(setup)
        setup.show()
        button = setup.findChild(QPushButton, "connectServer")
        assert button.text() == "Server kantor…"
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        dialog = opened[0]
        qtbot.keyClicks(dialog.box.url, url)
        qtbot.keyClicks(dialog.box.password, DESK_PASSWORD)
        qtbot.mouseClick(dialog.box.save_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: "Berlaku setelah sopdesk dibuka ulang" in dialog.box.note.text(), timeout=15_000)
        dialog.close()
    finally:
        ws.close()
    assert resolve_url(None, tmp_path / "data") == url  # the next start opens the server's office
