"""The engine factory's SQLite settings, transactions and schema versions."""

from __future__ import annotations

import sqlite3

import pytest
from sqlalchemy import text

from sopdesk.engine.workspace import Workspace
from sopdesk.errors import UserError
from sopdesk.store.db import Database, default_data_dir, make_engine, resolve_url
from sopdesk.store.migrate import current_revision, head_revision, prepare
from sopdesk.store.models import Base
from sopdesk.store.text_search import schema_differences


@pytest.fixture
def db(tmp_path):
    database = Database(make_engine(f"sqlite:///{tmp_path / 'x.sqlite3'}"))
    yield database
    database.dispose()


def pragma(db: Database, name: str):
    with db.engine.connect() as conn:
        return conn.exec_driver_sql(f"PRAGMA {name}").scalar()


def test_every_connection_gets_wal_full_sync_foreign_keys_and_busy_timeout(db):
    assert pragma(db, "journal_mode") == "wal"
    assert pragma(db, "synchronous") == 2  # FULL: a committed case survives power loss
    assert pragma(db, "foreign_keys") == 1
    assert pragma(db, "busy_timeout") == 10_000
    assert pragma(db, "cache_size") == -32 * 1024  # 32 MiB: a sorted search's pages stay read


def test_the_connection_used_last_is_handed_out_again(db):
    # Two connections in the pool (a read nested in a write): the next actions must not alternate
    # between them, each finding the other's commit and dropping its page cache.
    first, second = db.engine.connect(), db.engine.connect()
    first.exec_driver_sql("SELECT 1")
    second.exec_driver_sql("SELECT 1")
    last = second.connection.dbapi_connection
    first.close()
    second.close()  # back in the pool last
    used = []
    for _ in range(3):
        with db.engine.connect() as conn:
            conn.exec_driver_sql("SELECT 1")
            used.append(conn.connection.dbapi_connection)
    assert all(c is last for c in used)


def test_transactions_really_roll_back_ddl_and_savepoints(db):
    # Without the pysqlite fix, DDL autocommits and a rolled-back CREATE TABLE survives.
    with pytest.raises(RuntimeError), db.engine.begin() as conn:
        conn.exec_driver_sql("CREATE TABLE t (x INTEGER)")
        raise RuntimeError
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql(
            "SELECT count(*) FROM sqlite_master WHERE name='t'").scalar() == 0
    with db.engine.begin() as conn:
        conn.exec_driver_sql("CREATE TABLE t (x INTEGER)")
        conn.exec_driver_sql("INSERT INTO t VALUES (1)")
        savepoint = conn.begin_nested()
        conn.exec_driver_sql("INSERT INTO t VALUES (2)")
        savepoint.rollback()
        conn.exec_driver_sql("INSERT INTO t VALUES (3)")
    with db.engine.connect() as conn:
        assert [r[0] for r in conn.exec_driver_sql("SELECT x FROM t ORDER BY x")] == [1, 3]


def test_a_transaction_reads_one_snapshot_from_its_first_select(db, tmp_path):
    # A second connection must not be able to write between our BEGIN and our write.
    with db.engine.begin() as conn:
        conn.exec_driver_sql("CREATE TABLE t (x INTEGER)")
    with db.engine.connect() as conn:
        conn.begin()
        assert conn.exec_driver_sql("SELECT count(*) FROM t").scalar() == 0
        other = sqlite3.connect(tmp_path / "x.sqlite3", timeout=0.1)
        other.execute("INSERT INTO t VALUES (9)")
        other.commit()
        other.close()
        # snapshot isolation: the open transaction still sees its own snapshot
        assert conn.exec_driver_sql("SELECT count(*) FROM t").scalar() == 0
        conn.rollback()


def test_url_comes_from_flag_then_environment_then_data_dir(tmp_path, monkeypatch):
    monkeypatch.delenv("SOPDESK_DB", raising=False)
    assert resolve_url(None, tmp_path) == f"sqlite:///{tmp_path / 'sopdesk.sqlite3'}"
    monkeypatch.setenv("SOPDESK_DB", "sqlite:///env.db")
    assert resolve_url(None, tmp_path) == "sqlite:///env.db"
    assert resolve_url("sqlite:///flag.db", tmp_path) == "sqlite:///flag.db"
    monkeypatch.setenv("SOPDESK_DATA_DIR", str(tmp_path / "d"))
    assert default_data_dir() == tmp_path / "d"


def test_garbage_url_is_a_clear_error():
    with pytest.raises(UserError, match="Alamat basis data tidak sah"):
        make_engine("not a url")


def test_fresh_database_is_created_at_head_and_matches_the_models(db, tmp_path):
    assert prepare(db, tmp_path / "backups") == "created"
    assert current_revision(db) == head_revision()
    with db.engine.connect() as conn:
        diff = schema_differences(conn, Base.metadata)
    assert diff == []
    assert prepare(db, tmp_path / "backups") == "current"


def test_database_from_a_newer_sopdesk_is_refused(db, tmp_path):
    prepare(db, tmp_path / "backups")
    with db.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = 'fffffffffff9'"))
    with pytest.raises(UserError, match="versi sopdesk yang lebih baru"):
        prepare(db, tmp_path / "backups")


def test_foreign_database_is_refused(db, tmp_path):
    with db.engine.begin() as conn:
        conn.exec_driver_sql("CREATE TABLE something_else (x INTEGER)")
    with pytest.raises(UserError, match="bukan basis data sopdesk"):
        prepare(db, tmp_path / "backups")


def test_workspace_stores_each_catalog_revision_once(ws, data_dir, clock):
    from sqlalchemy import func, select

    from sopdesk.store.models import Role, SopRevision

    with ws.db.reading() as session:
        assert session.scalar(select(func.count(SopRevision.id))) == 4
        roles = set(session.scalars(select(Role.name)))
    assert {"Kasubag", "Help Desk", "Sekretaris", "Komisioner"} <= roles
    again = Workspace.open(data_dir, clock=clock)
    try:
        with again.db.reading() as session:
            assert session.scalar(select(func.count(SopRevision.id))) == 4
    finally:
        again.close()


@pytest.mark.sqlite_only("the SQLite file's mode; a server keeps its own files")
def test_database_file_and_data_dir_are_private_to_the_user(ws, data_dir):
    assert (data_dir / "sopdesk.sqlite3").stat().st_mode & 0o777 == 0o600
    assert data_dir.stat().st_mode & 0o777 == 0o700
