"""Every way into the database (store.db.Database) has the same error handling: a storage
failure becomes the same UserError whichever way met it, on SQLite and on PostgreSQL, so no
caller needs to know which way an engine function took (issue #12, "one way into the data")."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select, text

from sopdesk.errors import StoreUnreachable, UserError
from sopdesk.store.db import Database, make_engine
from sopdesk.store.models import AuditEvent


def _read(database: Database, way: str) -> None:
    """One trivial read through `way`."""
    opened: AbstractContextManager[Any] = getattr(database, way)()
    with opened as handle:
        if way in ("direct", "direct_reading"):
            handle.scalar(select(AuditEvent.id).limit(1))
        elif way in ("transaction", "reading"):
            handle.execute(text("SELECT 1"))
        else:
            handle.exec_driver_sql("SELECT 1")


WAYS = ("transaction", "reading", "direct", "direct_reading", "connect", "writing", "snapshot")


@pytest.fixture
def opened() -> Iterator[Callable[[str], Database]]:
    made: list[Database] = []

    def open_url(url: str) -> Database:
        made.append(Database(make_engine(url)))
        return made[-1]

    yield open_url
    for database in made:
        database.dispose()


def _message(database: Database, way: str) -> str:
    with pytest.raises(UserError) as caught:
        _read(database, way)
    return str(caught.value)


def test_a_database_that_cannot_be_opened_is_the_same_user_error_on_every_way(tmp_path: Path, opened):
    missing = tmp_path / "tidak-ada" / "sopdesk.sqlite3"
    database = opened(f"sqlite:///file:{missing}?mode=ro&uri=true")
    messages = {way: _message(database, way) for way in WAYS}
    assert len(set(messages.values())) == 1, messages
    assert messages["reading"].startswith("Basis data tidak dapat dibuka")
    assert database.probe() is not None  # the integrity check's probe says why instead


def test_writing_to_a_read_only_database_is_the_same_user_error_on_every_writing_way(tmp_path: Path, opened):
    path = tmp_path / "sopdesk.sqlite3"
    with opened(f"sqlite:///{path}").writing() as conn:
        conn.exec_driver_sql("CREATE TABLE t (x INTEGER)")
    database = opened(f"sqlite:///file:{path}?mode=ro&uri=true")

    def write(way: str) -> str:
        with pytest.raises(UserError) as caught:
            if way == "transaction":
                with database.transaction() as session:
                    session.execute(text("INSERT INTO t VALUES (1)"))
            elif way == "direct":
                with database.direct() as tx:
                    tx.connection.exec_driver_sql("INSERT INTO t VALUES (1)")
            else:
                with database.writing() as conn:
                    conn.exec_driver_sql("INSERT INTO t VALUES (1)")
        return str(caught.value)

    messages = {way: write(way) for way in ("transaction", "direct", "writing")}
    assert len(set(messages.values())) == 1, messages
    assert messages["writing"].startswith("Basis data hanya-baca")
    with database.reading() as session:  # reading it still works
        assert session.execute(text("SELECT count(*) FROM t")).scalar() == 0


def test_a_server_that_cannot_be_reached_is_the_same_user_error_on_every_way(opened):
    pytest.importorskip("psycopg")
    # nothing listens on port 1: the connection is refused at once
    database = opened("postgresql+psycopg://sopdesk@127.0.0.1:1/sopdesk?connect_timeout=2")
    for way in WAYS:
        with pytest.raises(StoreUnreachable):
            _read(database, way)
    assert database.probe() is not None


def test_the_store_says_what_it_is_without_its_engine(tmp_path: Path, opened):
    path = tmp_path / "sopdesk.sqlite3"
    database = opened(f"sqlite:///{path}")
    assert (database.dialect, database.sqlite_file) == ("sqlite", path)
    assert database.same_store(opened(f"sqlite:///{path}"))
    assert not database.same_store(opened(f"sqlite:///{tmp_path / 'lain.sqlite3'}"))
    assert database.probe() is None
    server = opened("postgresql+psycopg://sopdesk@127.0.0.1:1/sopdesk")
    assert (server.dialect, server.sqlite_file) == ("postgresql", None)
