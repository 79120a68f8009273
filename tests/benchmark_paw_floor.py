"""The floor of a PAW case on SQLite: what its own SQL costs with no engine around it.

tests/benchmark_waits.py times a PAW case through the engine against SpiffWorkflow (CPU) and
against one-row commits (durable). Neither says how much of the engine's time is its Python and
how much is the SQL the durability rules ask for (the audit event in the same transaction, the
seals, the anchor's reads). This module measures the second: the statements of two PAW cases
are recorded as the driver receives them (SQL text with its `?` placeholders and the values
bound to them, per connection, BEGIN/COMMIT/ROLLBACK included), then replayed by hand in
sqlite3 on a copy of the office as it was before the first case.

Why the replay is fair to both sides:
- a fresh copy of the office per replay: the same rows, the same audit chain head, so every
  statement does the same work (the same ids, the same index pages) as when the engine ran it,
  and a COMMIT writes and syncs what the engine's wrote (replaying in a transaction rolled back
  instead would skip the WAL's sync and so be cheaper than the engine could ever be);
- the same statement texts with bound values, not the expanded SQL of the trace callback: the
  same query plans (literals could pick other indexes) and the same statement cache hits;
- the first case is replayed untimed and the second timed on the same connections, so the
  replay's page cache and statement cache are as warm as the engine's long-lived connections
  after a case; the copy itself is not timed;
- the same connections (one per connection the engine used, in the same order) and pragmas
  (db.SQLITE_PRAGMAS, synchronous=OFF for the CPU part like the engine's side).
What the replay leaves out is all Python: SQLAlchemy, the engine, the hash and HMAC of the audit
events and seals (their results are in the recorded values), and the anchor file written after
each commit (not fsynced: engine.anchor), so the floor is the SQL alone. Not a test.
"""

from __future__ import annotations

import itertools
import shutil
import sqlite3
import struct
from collections.abc import Callable
from contextlib import closing
from pathlib import Path
from typing import Any

from sqlalchemy import event

from sopdesk.store.db import SQLITE_PRAGMAS

Entry = tuple[int, str, str | None, Any]  # (connection, what, SQL, values)


def _values(parameters: Any) -> Any:
    return dict(parameters) if isinstance(parameters, dict) else tuple(parameters)


def _recording_factory(log: list[Entry]) -> type[sqlite3.Connection]:
    """A sqlite3 connection class whose every statement, commit and rollback lands in `log`."""
    numbers = itertools.count()

    class Cursor(sqlite3.Cursor):
        def execute(self, sql: str, parameters: Any = (), /) -> sqlite3.Cursor:  # type: ignore[override]
            log.append((self.connection.number, "execute", sql, _values(parameters)))  # type: ignore[attr-defined]
            return super().execute(sql, parameters)

        def executemany(self, sql: str, seq: Any, /) -> sqlite3.Cursor:  # type: ignore[override]
            rows = [_values(values) for values in seq]
            log.append((self.connection.number, "executemany", sql, rows))  # type: ignore[attr-defined]
            return super().executemany(sql, rows)

    class Connection(sqlite3.Connection):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self.number = next(numbers)

        def cursor(self, factory: Any = Cursor) -> Any:  # type: ignore[override]
            return super().cursor(factory)

        def execute(self, sql: str, parameters: Any = (), /) -> sqlite3.Cursor:  # type: ignore[override]
            log.append((self.number, "execute", sql, _values(parameters)))
            return super().execute(sql, parameters)

        def commit(self) -> None:
            log.append((self.number, "commit", None, None))
            super().commit()

        def rollback(self) -> None:
            log.append((self.number, "rollback", None, None))
            super().rollback()

    return Connection


def record(ws: Any, walk: Callable[[], object], snapshot: Path) -> list[list[Entry]]:
    """The office copied to `snapshot` (SQLite's backup), then `walk()` run twice with every
    new connection of the office recording: the entries of each walk."""
    ws.db.engine.dispose()
    with closing(sqlite3.connect(ws.db.sqlite_file)) as source, closing(sqlite3.connect(snapshot)) as copy:
        source.backup(copy)
    log: list[Entry] = []
    factory = _recording_factory(log)

    def do_connect(_dialect: Any, _record: Any, _cargs: Any, cparams: dict[str, Any]) -> None:
        cparams["factory"] = factory

    event.listen(ws.db.engine, "do_connect", do_connect)
    walks = []
    try:
        for _ in range(2):
            begin = len(log)
            walk()
            walks.append(log[begin:])
    finally:
        event.remove(ws.db.engine, "do_connect", do_connect)
        ws.db.engine.dispose()
    return walks


def statement_count(entries: list[Entry]) -> int:
    """Statements the driver ran for `entries` (COMMIT and BEGIN counted, a rollback outside a
    transaction, which runs nothing, not)."""
    return sum(len(values) if what == "executemany" else 1 for _, what, _, values in entries
               if what != "rollback")


def _run(connections: dict[int, sqlite3.Connection], entries: list[Entry]) -> None:
    for number, what, sql, values in entries:
        connection = connections[number]
        if what == "execute":
            connection.execute(sql, values).fetchall()  # type: ignore[arg-type]
        elif what == "executemany":
            connection.executemany(sql, values)  # type: ignore[arg-type]
        elif what == "commit":
            connection.commit()
        else:
            connection.rollback()


def replay(snapshot: Path, folder: Path, walks: list[list[Entry]], synchronous_off: bool,
           clock: Callable[[], float]) -> float:
    """Milliseconds by `clock` of the second walk replayed by hand on a fresh copy of the office
    (the first replayed untimed before it, on the same connections)."""
    office = folder / "replay.sqlite3"
    for leftover in (office, office.with_name(office.name + "-wal"), office.with_name(office.name + "-shm")):
        leftover.unlink(missing_ok=True)
    shutil.copyfile(snapshot, office)
    numbers = sorted({entry[0] for walk in walks for entry in walk})
    connections = {number: sqlite3.connect(office, isolation_level=None) for number in numbers}
    try:
        for connection in connections.values():
            for pragma in [*SQLITE_PRAGMAS, *(["PRAGMA synchronous=OFF"] if synchronous_off else [])]:
                connection.execute(pragma)
        _run(connections, walks[0])
        began = clock()
        _run(connections, walks[1])
        return (clock() - began) * 1000
    finally:
        for connection in connections.values():
            connection.close()


WAL_HEADER, FRAME_HEADER = 32, 24  # bytes: the WAL file's header, each frame's header (then one page)


def wal_pages(snapshot: Path, folder: Path, walks: list[list[Entry]]) -> list[int]:
    """The pages each commit of the second walk writes to the WAL, replayed as `replay` does
    (no checkpoint in between, so that every frame stays in the file to be counted). What a
    commit costs beyond its statements grows with these: each page is written (and, durable,
    synced) at the commit; a one-row commit writes one."""
    office = folder / "pages.sqlite3"
    wal = office.with_name(office.name + "-wal")
    for leftover in (office, wal, office.with_name(office.name + "-shm")):
        leftover.unlink(missing_ok=True)
    shutil.copyfile(snapshot, office)
    numbers = sorted({entry[0] for walk in walks for entry in walk})
    connections = {number: sqlite3.connect(office, isolation_level=None) for number in numbers}
    pages: list[int] = []
    try:
        for connection in connections.values():
            for pragma in [*SQLITE_PRAGMAS, "PRAGMA synchronous=OFF", "PRAGMA wal_autocheckpoint=0"]:
                connection.execute(pragma)
        _run(connections, walks[0])
        next(iter(connections.values())).execute("PRAGMA wal_checkpoint(TRUNCATE)")
        size = WAL_HEADER
        for entry in walks[1]:
            _run(connections, [entry])
            now = wal.stat().st_size
            if now > size:  # a commit wrote its pages (a commit outside a transaction writes none)
                with wal.open("rb") as file:
                    page_size = struct.unpack(">I", file.read(WAL_HEADER)[8:12])[0]
                pages.append((now - size) // (FRAME_HEADER + page_size))
                size = now
        return pages
    finally:
        for connection in connections.values():
            connection.close()
