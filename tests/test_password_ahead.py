"""Argon2 started ahead of the login (issue #15, sopdesk.password_ahead): an acting command line
call starts the verification before its imports and the login takes that answer, for exactly
the pair verified and once; a wrong password is refused, counted and audited as before; the
early read of the stored hash writes nothing."""

from __future__ import annotations

import sqlite3
from contextlib import closing

import pytest
from conftest import PASSWORD
from helpers.cli_env import cli_runner, own_log_handlers, set_cli_environment
from sqlalchemy import select, text
from test_login_speed import CountingHasher

from sopdesk import password_ahead
from sopdesk.cli.main import acting_user, main
from sopdesk.engine import accounts, users
from sopdesk.engine.workspace import Workspace
from sopdesk.store.models import User


@pytest.fixture
def hasher(monkeypatch):
    counting = CountingHasher(users._hasher)
    monkeypatch.setattr(users, "_hasher", counting)
    return counting


@pytest.fixture
def cli_office(tmp_path, monkeypatch):
    """An office on its SQLite file with an administrator and a Kasubag, the CLI's environment
    (password from SOPDESK_PASSWORD) and the office's folder."""
    data = set_cli_environment(monkeypatch, tmp_path, PASSWORD)
    monkeypatch.delenv("SOPDESK_DB", raising=False)
    ws = Workspace.open(data)
    try:
        admin = ws.setup("KPU Kota Kupang", "WITA", "admin", PASSWORD)
        accounts.add_user(ws, admin, "kasubag", PASSWORD, ["Kasubag"])
    finally:
        ws.close()
    with own_log_handlers():
        yield data


def _stored(data) -> str:  # noqa: ANN001 - the office folder
    with closing(sqlite3.connect(data / "sopdesk.sqlite3")) as connection:
        return connection.execute("SELECT password_hash FROM user_account WHERE username = 'kasubag'").fetchone()[0]


@pytest.mark.parametrize(("argv", "user"), [
    (["inbox", "--as", "kasubag"], "kasubag"),
    (["case", "complete", "PP/2026/0001", "--as=help.desk"], "help.desk"),
    (["inbox"], None),
    (["case", "show", "--", "--as", "x"], None),  # after --, a word, not the option
])
def test_the_acting_user_is_read_from_the_words(argv, user):
    assert acting_user(argv) == user


def test_an_answer_is_for_its_pair_only_and_taken_once():
    stored = users._hasher.hash(PASSWORD)
    password_ahead.start(stored, PASSWORD)
    assert password_ahead.take(stored, "another-password") is None  # not started for this pair
    assert password_ahead.take(users._hasher.hash(PASSWORD), PASSWORD) is None  # another hash
    assert password_ahead.take(stored, PASSWORD) is True
    assert password_ahead.take(stored, PASSWORD) is None  # taken: the next login verifies itself
    password_ahead.start(stored, "wrong-password")
    assert password_ahead.take(stored, "wrong-password") is False
    password_ahead.start("not a hash", PASSWORD)
    assert password_ahead.take("not a hash", PASSWORD) is False  # as the login's own verify answers


@pytest.mark.sqlite_only("the early read is of the office's SQLite file")
def test_an_acting_command_uses_the_answer_started_before_its_imports(cli_office, hasher, capsys, monkeypatch):
    started: list[str] = []
    verification = password_ahead._Verification

    def counted(stored: str, password: str, one_thread: bool = False) -> password_ahead._Verification:
        started.append(password)
        return verification(stored, password, one_thread)

    monkeypatch.setattr(password_ahead, "_Verification", counted)
    assert main(["--data-dir", str(cli_office), "inbox", "--as", "kasubag"]) == 0
    assert len(started) == 1  # one Argon2 run: the login waited for the one started first
    assert hasher.verified == 0  # the login took the answer verified on the thread
    assert "Kasubag" in capsys.readouterr().out
    assert password_ahead._pending == {}  # nothing kept after the command


@pytest.mark.sqlite_only("the early read is of the office's SQLite file")
def test_a_wrong_password_is_refused_counted_and_audited_as_before(cli_office, hasher, monkeypatch, capsys):
    monkeypatch.setenv("SOPDESK_PASSWORD", "bukan-sandinya")
    run = cli_runner(capsys)
    code, out, err = run("inbox", "--as", "kasubag")
    assert (code, out) == (1, "")  # nothing of the inbox shown
    assert err.strip() == "sopdesk: Nama pengguna atau kata sandi salah"
    assert hasher.verified == 0
    ws = Workspace.open(cli_office)
    try:
        with ws.db.reading() as session:
            assert session.scalar(select(User.failed_logins).where(User.username == "kasubag")) == 1
            assert session.execute(text("SELECT action FROM audit_event ORDER BY id DESC LIMIT 1")).scalar_one() \
                == "login_failed"
    finally:
        ws.close()


@pytest.mark.sqlite_only("the early read is of the office's SQLite file")
def test_the_early_read_writes_nothing_and_finds_the_users_hash(cli_office, tmp_path):
    database = cli_office / "sopdesk.sqlite3"
    stored = _stored(cli_office)
    before = {path.name: path.stat().st_mtime_ns for path in cli_office.iterdir()}
    assert password_ahead.stored_hash(database, " KASUBAG ") == stored
    assert password_ahead.stored_hash(database, "nobody") is None
    assert {path.name: path.stat().st_mtime_ns for path in cli_office.iterdir()} == before
    missing = tmp_path / "elsewhere" / "sopdesk.sqlite3"
    assert password_ahead.stored_hash(missing, "kasubag") is None
    assert not missing.parent.exists()  # no file or folder created
    not_sqlite = tmp_path / "text.sqlite3"
    not_sqlite.write_text("not a database")
    assert password_ahead.stored_hash(not_sqlite, "kasubag") is None


@pytest.mark.sqlite_only("the early read is of the office's SQLite file")
def test_another_database_named_on_the_line_starts_nothing(cli_office, monkeypatch):
    from sopdesk.cli import main as cli_main

    started: list[object] = []
    monkeypatch.setattr(password_ahead, "start", lambda *pair: started.append(pair))
    cli_main.check_password_ahead(["--data-dir", str(cli_office), "--db", "sqlite://", "inbox", "--as", "kasubag"])
    monkeypatch.setenv("SOPDESK_DB", "sqlite://")
    cli_main.check_password_ahead(["--data-dir", str(cli_office), "inbox", "--as", "kasubag"])
    assert started == []
    monkeypatch.delenv("SOPDESK_DB")
    cli_main.check_password_ahead(["--data-dir", str(cli_office), "inbox", "--as", "kasubag"])
    assert started == [(_stored(cli_office), PASSWORD, True)]  # Argon2 on one thread beside the imports


@pytest.mark.sqlite_only("the early read is of the office's SQLite file")
def test_the_early_read_sees_a_change_still_in_the_wal_of_an_open_office(cli_office):
    ws = Workspace.open(cli_office)
    try:
        admin = ws.login("admin", PASSWORD)
        accounts.reset_password(ws, admin, "kasubag", "sandi-baru-456")
        with ws.db.reading() as session:
            stored = session.scalar(select(User.password_hash).where(User.username == "kasubag"))
        assert (cli_office / "sopdesk.sqlite3-wal").exists()  # the office is open: its changes in the -wal
        assert password_ahead.stored_hash(cli_office / "sopdesk.sqlite3", "kasubag") == stored
    finally:
        ws.close()


@pytest.mark.both_stores
def test_argon2_runs_before_the_logins_write_transaction(ws, admin, monkeypatch):
    """The office's write lock is not held while a password is checked (other desks' writes
    would wait ~0.25 s behind every login)."""
    from sopdesk.store.db import Database

    writing: list[bool] = [False]
    during_argon2: list[bool] = []
    transaction = Database.transaction
    run = password_ahead._Verification._run

    def in_transaction(self, held_ok=False):  # noqa: ANN001, ANN202
        context = transaction(self, held_ok)

        class Marked:
            def __enter__(self):  # noqa: ANN204
                writing[0] = True
                return context.__enter__()

            def __exit__(self, *exc):  # noqa: ANN002, ANN204
                writing[0] = False
                return context.__exit__(*exc)

        return Marked()

    def verifying(self, stored, password):  # noqa: ANN001, ANN202
        during_argon2.append(writing[0])
        return run(self, stored, password)

    monkeypatch.setattr(Database, "transaction", in_transaction)
    monkeypatch.setattr(password_ahead._Verification, "_run", verifying)
    hasher = CountingHasher(users._hasher)
    monkeypatch.setattr(users, "_hasher", hasher)
    assert ws.login("admin", PASSWORD).username == "admin"
    with pytest.raises(users.UserError, match="kata sandi salah"):
        ws.login("admin", "bukan-sandinya")
    assert during_argon2 == [False, False]
    assert hasher.verified == 0  # the transaction took the answers
    assert password_ahead._pending == {}
