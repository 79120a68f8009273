"""Writers are serialised on every store, and a desk that has to wait says so in one sentence.

Everything the engine must decide once and for all (the audit chain head, the case, agenda and
expedition numbers, a work item's state) is read and written inside one transaction that holds
a lock taken at its start:

- SQLite: every writing transaction begins with BEGIN IMMEDIATE (see `store.db`), so it holds
  the file's write lock before its first read; a read that later upgrades to a write would
  instead fail at once with "database is locked" when another desk wrote in between.
- PostgreSQL: every writing transaction first takes one transaction-scoped advisory lock
  (`writer`), the equivalent of BEGIN IMMEDIATE: READ COMMITTED statements after it see every
  write committed before it, so check-then-write is safe. The chained and numbered things also
  take their own named advisory lock (`hold`), so that a writer outside `Database.transaction()`
  (a script, a future code path) still cannot fork the chain or give a number twice.

A desk waits for a busy store for a bounded time (busy_timeout on SQLite, lock_timeout on
PostgreSQL); when the wait runs out, or PostgreSQL reports a deadlock or a serialisation failure
(which cannot happen between sopdesk writers, all serialised), the user reads `StoreBusy` and the
transaction has been rolled back: nothing is half-done, and trying again is the right thing.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from sqlalchemy import BigInteger, Connection, Engine, bindparam, event, func, select
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from sopdesk.errors import StoreBusy

if TYPE_CHECKING:
    from sopdesk.store.direct import DirectTx

WRITER = "sopdesk:writer"
AUDIT_CHAIN = "sopdesk:audit-chain"

# SQLite primary result codes: SQLITE_BUSY (another connection holds the lock), SQLITE_LOCKED
_SQLITE_BUSY_CODES = (5, 6)
_SQLITE_BUSY_TEXT = ("database is locked", "database table is locked", "database schema is locked")
# PostgreSQL SQLSTATEs: lock_not_available (lock_timeout ran out), serialization_failure,
# deadlock_detected
_PG_BUSY_STATES = ("55P03", "40001", "40P01")

_LOCK = select(func.pg_advisory_xact_lock(bindparam("key", type_=BigInteger)))


def key(name: str) -> int:
    """A stable signed 64-bit advisory lock key for a name (the same on every desk)."""
    return int.from_bytes(hashlib.sha256(name.encode("utf-8")).digest()[:8], "big", signed=True)


def _dialect_name(target: Session | DirectTx | Connection) -> str:
    if isinstance(target, Session):
        return target.get_bind().dialect.name
    return target.dialect.name


def hold(target: Session | DirectTx | Connection, name: str) -> None:
    """Hold the named lock until the end of the caller's transaction. On SQLite the caller
    already holds the database's write lock (BEGIN IMMEDIATE): nothing to do."""
    if _dialect_name(target) != "postgresql":
        return
    target.execute(_LOCK, {"key": key(name)})


def writer(target: Session | DirectTx | Connection) -> None:
    """The writer lock of a PostgreSQL transaction (taken first thing; see the module doc)."""
    hold(target, WRITER)


# a desk that vanished inside a transaction (its network dropped, its PC switched off) would
# keep the writer lock until the server notices the dead connection (TCP keepalive: hours);
# the server ends such a session after this long idle inside a transaction instead. No sopdesk
# transaction waits for a person; the longest pauses are file copies of a backup or a transfer.
IDLE_IN_TRANSACTION_MS = 300_000


def configure_postgres(engine: Engine, timeout_ms: int) -> None:
    """Every connection waits at most `timeout_ms` for a lock (then 55P03: StoreBusy), and the
    server ends it when it sits idle inside a transaction for IDLE_IN_TRANSACTION_MS."""

    @event.listens_for(engine, "connect")
    def on_connect(dbapi_connection: Any, _record: Any) -> None:
        autocommit = dbapi_connection.autocommit
        dbapi_connection.autocommit = True
        cursor = dbapi_connection.cursor()
        cursor.execute(f"SET lock_timeout = {int(timeout_ms)}")
        cursor.execute(f"SET idle_in_transaction_session_timeout = {IDLE_IN_TRANSACTION_MS}")
        cursor.close()
        dbapi_connection.autocommit = autocommit


def is_busy(exc: BaseException) -> bool:
    """True when the error means another desk held the store past the bounded wait (or, on
    PostgreSQL, a deadlock or serialisation failure): retrying later is right. Takes SQLAlchemy's
    wrapper or the driver's own error (BEGIN IMMEDIATE runs straight on the DBAPI connection)."""
    orig = exc.orig if isinstance(exc, DBAPIError) else exc
    if orig is None or not type(orig).__module__.startswith(("sqlite3", "psycopg")):
        return False
    code = getattr(orig, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF in _SQLITE_BUSY_CODES
    state = getattr(orig, "sqlstate", None) or getattr(orig, "pgcode", None)
    if state:
        return state in _PG_BUSY_STATES
    text = str(orig).lower()
    return any(fragment in text for fragment in _SQLITE_BUSY_TEXT)


@contextmanager
def busy_errors() -> Iterator[None]:
    """A store busy past the bounded wait becomes StoreBusy (the transaction inside this block
    has been rolled back by then); every other error passes through unchanged."""
    try:
        yield
    except Exception as exc:
        if is_busy(exc):
            raise StoreBusy() from None
        raise
