"""How sopdesk opens a SQLite connection: the pragmas every connection gets (WAL, synchronous
FULL, foreign keys, the busy timeout, the page cache), the bounded wait for a busy file, and
who begins a transaction (SQLAlchemy, with BEGIN IMMEDIATE for a direct write)."""

from __future__ import annotations

import os
import sqlite3
import time
from typing import Any, cast

from sqlalchemy import Connection, Engine, event

BUSY_TIMEOUT_MS = 10_000  # how long a desk waits for another desk's write (SOPDESK_BUSY_TIMEOUT_MS)
IMMEDIATE_OPTION = "sopdesk_begin_immediate"
# Each connection's page cache: SQLite's default is 2 MiB (500 pages) against an office file of
# 2 GB at 100,000 cases. A name searched and sorted reads some 3,000 case rows spread over
# 2,500 pages, so with the default every first ask read most of them again from the OS
# (issue #15: 'Ndun', 20th page first asked, worst 10.4 -> 4.0 ms). Pages are taken only as
# they are read; a desk has two or three connections.
SQLITE_CACHE_KIB = 32 * 1024
SQLITE_PRAGMAS = (
    "PRAGMA journal_mode=WAL",
    "PRAGMA synchronous=FULL",
    "PRAGMA foreign_keys=ON",
    f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}",
    f"PRAGMA cache_size=-{SQLITE_CACHE_KIB}",
)


def busy_timeout_ms() -> int:
    """The bounded wait for a busy store: BUSY_TIMEOUT_MS, or SOPDESK_BUSY_TIMEOUT_MS (tests)."""
    override = os.environ.get("SOPDESK_BUSY_TIMEOUT_MS", "")
    return int(override) if override.isascii() and override.isdigit() else BUSY_TIMEOUT_MS


def pragma_waiting(cursor: Any, pragma: str) -> None:
    """Run a connect-time pragma, waiting (bounded by the busy timeout) while the file is
    locked. Several desks starting at once on a new database: while one turns the new file to
    WAL, another's `journal_mode=WAL` (or the first schema read) can be told "database is
    locked" at once, without SQLite's busy handler; it failed that desk's start (StoreBusy),
    in about one start of four desks in ten."""
    deadline = time.monotonic() + busy_timeout_ms() / 1000
    while True:
        try:
            cursor.execute(pragma)
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() >= deadline:
                raise
            time.sleep(0.01)


def configure_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def on_connect(dbapi_connection: Any, _record: Any) -> None:
        # pysqlite would otherwise BEGIN on its own schedule (and not before DDL or
        # SAVEPOINT); hand transaction control to SQLAlchemy, as its docs recommend.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        for pragma in SQLITE_PRAGMAS:
            pragma_waiting(cursor, pragma)
        cursor.execute(f"PRAGMA busy_timeout={busy_timeout_ms()}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def on_begin(conn: Connection) -> None:
        # straight on the DBAPI connection: through exec_driver_sql it costs more than a
        # whole direct statement. A write transaction of `Database.direct()` takes the write
        # lock at once (BEGIN IMMEDIATE), so two desks writing wait on the busy timeout instead
        # of failing when a read lock cannot be upgraded.
        sqlite = cast("sqlite3.Connection", conn.connection.dbapi_connection)  # pysqlite's own
        if sqlite.in_transaction:  # begun on the driver (Database.direct): a session joins it
            return
        immediate = conn.get_execution_options().get(IMMEDIATE_OPTION)
        sqlite.execute("BEGIN IMMEDIATE" if immediate else "BEGIN")
