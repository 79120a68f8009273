"""The demo's generated rows written in bulk and sealed from the very values written (#15).

A sopdesk action seals the rows it changed by reading them back just before its commit
(engine.seal). The demo writes some 30 rows per case, three million for a 100,000-case office;
reading them back and converting every value again cost as much as writing them. Here each
row is written with every column given (its generated value, else the column's Python default,
else NULL; a column that only the server would fill in is refused), through the column types'
own bind processors, so the store holds exactly these values; each row's seal is then
`seal.digest` of the same values in the order in which `seal.row_digests` reads them, which
is the digest a read-back gives. `sopdesk check` recomputes every seal from the database
(integrity.check_rows); the demo tests run it on both stores.

The values are handled a column at a time (one list per column, zipped into the rows the
driver takes): the per-row dictionaries of the generic path (store.direct) cost more than the
SQL.

On SQLite the case search index (store.text_search: FTS5 trigram, kept in step by triggers)
took most of a case's insert: each row's trigger adds its trigrams and FTS5 merges its segments
as they grow. `search_rebuilt_after` leaves the insert trigger out while the demo's cases are
written and rebuilds the index once at the end ('rebuild', as migration 0007 builds it), then
puts the very same trigger back (its text as stored), all inside the demo's transaction: a
failure rolls the trigger back with the rows.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date, datetime, timezone
from operator import itemgetter
from typing import Any

from sqlalchemy import Connection, Insert, Table, insert
from sqlalchemy.sql.schema import ScalarElementColumnDefault

from sopdesk.engine import seal
from sopdesk.store.direct import prepare
from sopdesk.store.models import Base, UTCDateTime
from sopdesk.store.text_search import CASE_SEARCH, SQLITE_TRIGGERS, TRIGRAM_TRIGGERS, fill_trigrams

Row = dict[str, Any]  # one generated row: column -> value
_UTC = timezone.utc


def _utc_text(values: Sequence[Any]) -> list[str | None]:
    """Aware datetimes as the naive UTC text a seal holds ('2024-02-29T23:59:58.123456', the
    fraction only when not zero: datetime.isoformat), None kept: written once, by the process
    that makes the rows, and taken as it is by the seal (digests) and, on SQLite, the insert."""
    return [None if value is None else value.astimezone(_UTC).isoformat()[:-6] for value in values]


def aware(text: str) -> datetime:
    """The aware UTC datetime of a naive UTC text (_utc_text)."""
    return datetime.fromisoformat(text).replace(tzinfo=_UTC)


# values by column key; the columns of UTC datetimes, given as their naive UTC text (_utc_text)
Columns = tuple[dict[str, Sequence[Any]], frozenset[str]]


def columns_of(model: type[Base], rows: list[Row]) -> Columns:
    """`rows` (every row with the same keys) a column at a time, every column of the table given
    (Writer.insert takes them). Needs no connection: the demo's generation may run in another
    process (engine.demo_pipe)."""
    table: Table = model.__table__  # type: ignore[assignment]  # a mapped class's table
    if not rows:
        return {}, frozenset()
    given = [column.key for column in table.columns if column.key in rows[0]]
    # the rows' values a column at a time (itemgetter and zip run in C)
    picked = dict(zip(given, zip(*map(itemgetter(*given), rows), strict=True) if len(given) > 1
                      else [[row[given[0]] for row in rows]], strict=True))
    columns: dict[str, Sequence[Any]] = {}
    utc: set[str] = set()  # the columns of aware UTC datetimes
    for column in table.columns:
        key = column.key
        values: Sequence[Any]
        if key in picked:
            values = picked[key]
        elif isinstance(column.default, ScalarElementColumnDefault):
            values = [column.default.arg] * len(rows)
        elif column.server_default is None and column.nullable:
            values = [None] * len(rows)
        else:  # the server would fill it in: its value (and so the seal) unknown here
            raise ValueError(f"{table.name}.{key}: no value and no Python default")
        if isinstance(column.type, UTCDateTime):
            values = _utc_text(values)
            utc.add(key)
        columns[key] = values
    return columns, frozenset(utc)


class Writer:
    """Inserts the rows of a few models, given a column at a time (columns_of), in bulk on one
    connection."""

    def __init__(self, models: Sequence[type[Base]]):
        self.inserts: dict[type[Base], Insert] = {model: insert(model) for model in models}
        self.as_text: set[Callable[[Any], Any]] = set()  # bind processors _writes_utc_text found

    def insert(self, conn: Connection, model: type[Base], given: Columns) -> None:
        columns, utc = given
        if not columns:
            return
        columns = dict(columns)
        prepared = prepare(self.inserts[model], conn.dialect, list(columns))
        for name, processor in prepared.to_db.items():
            values = columns[name]
            if name in utc and (processor in self.as_text or _writes_utc_text(processor)):
                self.as_text.add(processor)  # the same text from the seal's, in C: ' ' for 'T', the fraction always
                columns[name] = [None if value is None else (value.replace("T", " ") + ".000000")[:26]
                                 for value in values]
            elif name in utc:
                columns[name] = [None if value is None else processor(aware(value)) for value in values]
            else:
                columns[name] = [None if value is None else processor(value) for value in values]
        if prepared.order is not None:  # positional paramstyle (SQLite)
            parameters: list[Any] = list(zip(*(columns[name] for name in prepared.order), strict=True))
        else:  # named (PostgreSQL)
            names = list(columns)
            parameters = [dict(zip(names, values, strict=True))
                          for values in zip(*columns.values(), strict=True)]
        conn.exec_driver_sql(prepared.sql, parameters)


def _writes_utc_text(processor: Callable[[Any], Any]) -> bool:
    """Whether a datetime column's bind processor writes an aware UTC datetime as the naive
    text 'YYYY-MM-DD HH:MM:SS.ffffff' (SQLite's DATETIME as UTCDateTime stores it), which
    datetime.isoformat writes without a Python call per value."""
    samples = (datetime(2024, 2, 29, 23, 59, 58, 123456, tzinfo=_UTC), datetime(987, 1, 2, 3, 4, 5, tzinfo=_UTC))
    return all(processor(value) == value.isoformat(" ", "microseconds")[:-6] for value in samples)


def digests(model: type[Base], columns: dict[str, Sequence[Any]]) -> dict[Any, str]:
    """{key: seal} of the rows given column by column (columns_of), {} when the table is not
    sealed: seal.digest's text built a column at a time (a sample of rows checked against
    seal.digest itself), or seal.digest row by row when a column holds a type not handled here."""
    table: Table = model.__table__  # type: ignore[assignment]  # a mapped class's table
    name = table.name
    if not columns or name not in seal.COVERED or name == "user_account":  # a user's seal holds its roles
        return {}
    key = seal.COVERED[name]
    names = seal.sealed_names(name)
    by_name = {column.name: columns[column.key] for column in table.columns}
    keys = by_name[key]
    values = [by_name[n] for n in names]
    pieces = [_pieces(n, column) for n, column in zip(names, values, strict=True)]
    if any(piece is None for piece in pieces):
        digest = seal.digest
        return {k: digest(name, names, row) for k, row in zip(keys, zip(*values, strict=True), strict=True)}
    sha256 = hashlib.sha256
    found = {k: sha256((name + "".join(parts)).encode("utf-8")).hexdigest()[:16]
             for k, parts in zip(keys, zip(*pieces, strict=True), strict=True)}
    for index in range(0, len(keys), SAMPLE_EVERY):
        row = [column[index] for column in values]
        if seal.digest(name, names, row) != found[keys[index]]:
            raise AssertionError(f"demo seal of {name} {keys[index]} differs from seal.digest")
    return found


SAMPLE_EVERY = 101  # rows between two seals checked against seal.digest


def _pieces(name: str, values: Sequence[Any]) -> Sequence[str] | None:
    """Each value's part of a seal as seal.digest writes it (`name=length:text`, after its
    separator), "" for an empty value (None, "", 0, False); None for a column whose values are
    not all of one of the types handled here."""
    kinds = set(map(type, values)) - {type(None)}
    if not kinds:
        return [""] * len(values)
    if len(kinds) > 1:
        return None
    kind = kinds.pop()
    head = f"\x1f{name}="
    if kind is str:
        return [f"{head}{len(value)}:{value}" if value else "" for value in values]
    if kind is bool:
        return [f"{head}1:1" if value else "" for value in values]
    if kind is int:
        return [f"{head}{len(text)}:{text}" if value and (text := str(value)) else "" for value in values]
    if kind is datetime and all(value is None or value.tzinfo is _UTC for value in values):
        return [f"{head}{len(text)}:{text}" if value is not None and (text := value.isoformat()[:-6]) else ""
                for value in values]  # the naive UTC text
    if kind is date:
        return [f"{head}{len(text)}:{text}" if value is not None and (text := value.isoformat()) else ""
                for value in values]
    return None


@contextmanager
def search_rebuilt_after(conn: Connection) -> Iterator[None]:
    """Cases inserted in the block are indexed for search once, at its end (SQLite): the text
    index rebuilt, the case list's trigram groups filled in one pass (text_search.fill_trigrams,
    ~2 s for 100,000 cases where the trigger costs 0.1 ms a case); the insert triggers are back
    as they were. PostgreSQL's trigram indexes keep in step on their own."""
    found: dict[str, str] = {}
    if conn.dialect.name == "sqlite":
        for trigger in (SQLITE_TRIGGERS[0], TRIGRAM_TRIGGERS[0]):  # case_search_insert, case_trigram_insert
            sql = conn.exec_driver_sql("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?",
                                       (trigger,)).scalar()
            if sql is not None:  # an office from before the search index or the trigram groups lacks it
                found[trigger] = sql
    for trigger in found:
        conn.exec_driver_sql(f"DROP TRIGGER {trigger}")
    yield
    if SQLITE_TRIGGERS[0] in found:
        conn.exec_driver_sql(f"INSERT INTO {CASE_SEARCH}({CASE_SEARCH}) VALUES ('rebuild')")
    if TRIGRAM_TRIGGERS[0] in found:
        fill_trigrams(conn)
    for sql in found.values():
        conn.exec_driver_sql(sql)


@contextmanager
def indexes_rebuilt_after(conn: Connection, tables: Sequence[str]) -> Iterator[None]:
    """The tables' secondary indexes (those with SQL of their own: not a primary key or UNIQUE
    constraint's) left out while the block inserts, then built again from their SQL as stored
    (SQLite). A B-tree built once from sorted rows costs less than one kept in step with every
    insert (the case list's sort indexes, the inbox's). A failure rolls them back with the rows.
    PostgreSQL keeps its indexes: the demo there is a test and benchmark setting only."""
    found: list[tuple[str, str]] = []
    if conn.dialect.name == "sqlite":
        marks = ", ".join("?" * len(tables))
        found = [(str(name), str(sql)) for name, sql in conn.exec_driver_sql(
            f"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ({marks}) "
            "ORDER BY name", tuple(tables))]
    for name, _sql in found:
        conn.exec_driver_sql(f'DROP INDEX "{name}"')
    yield
    for _name, sql in found:
        conn.exec_driver_sql(sql)

