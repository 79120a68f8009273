"""Prepared Core statements run straight on the DBAPI cursor: the hot paths of the engine
(the inbox page, a step completion and its audit event) without SQLAlchemy's per-execution
machinery, which costs more than the SQL itself on an office PC.

A statement is still written once as a SQLAlchemy Core construct with bind parameters and is
compiled by the engine's own dialect, so the same code runs on SQLite and PostgreSQL. What is
skipped is the work SQLAlchemy repeats on every execution (cache key, parameter and result
objects); values still go through the column types' own bind and result processors, so rows
written here read back through the ORM exactly as if the ORM had written them. A DBAPI error is
raised as SQLAlchemy's exception of the same kind, so callers handle one family of errors.

`DirectTx` duck-types the few `Session` methods the hot code needs (`execute`, `scalar`), so a
function written against it also runs inside an ORM session (see `direct()`).
"""

from __future__ import annotations

from collections import OrderedDict, namedtuple
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from operator import itemgetter
from typing import Any, Protocol, cast

from sqlalchemy import Connection, Table, insert
from sqlalchemy.engine import Dialect
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session
from sqlalchemy.sql import ClauseElement, Insert
from sqlalchemy.sql.compiler import SQLCompiler

CACHE_SIZE = 256


class _RowClass(Protocol):
    """A named-tuple class (its fields are the statement's columns, known at run time only)."""

    def _make(self, values: Iterable[Any]) -> tuple[Any, ...]: ...


def _row_class(names: list[str]) -> _RowClass:
    row_class: _RowClass = namedtuple("Row", names, rename=True)  # type: ignore[misc]  # fields known at run time only
    return row_class


class Prepared:
    """One statement compiled for one dialect, with its parameter and result conversions."""

    def __init__(self, statement: ClauseElement, dialect: Dialect, column_keys: Iterable[str] | None = None):
        compiled = cast(SQLCompiler, statement.compile(dialect=dialect,
                                                       column_keys=list(column_keys) if column_keys else None))
        if compiled.literal_execute_params or compiled.post_compile_params:
            raise ValueError("expanding or literal-execute parameters cannot be prepared; bind each value")
        self.sql = compiled.string
        self.order = list(compiled.positiontup or ()) if compiled.positional else None
        self.defaults = {name: bind.effective_value for name, bind in compiled.binds.items()
                         if not bind.required}
        # a column's scalar Python-side default (`default=False`), which SQLAlchemy fills in at
        # execution time (its bind holds None): an insert that leaves it out gets the default,
        # not a NULL
        for column in getattr(compiled, "insert_prefetch", ()):
            default = column.default
            if default is not None and default.is_scalar and column.key in self.defaults:
                self.defaults[column.key] = default.arg
        self.required = [name for name, bind in compiled.binds.items() if bind.required]
        # a positional statement's values picked in one call (itemgetter gives a tuple from two on)
        self._pick = itemgetter(*self.order) if self.order is not None and len(self.order) > 1 else None
        self.to_db = {name: processor for name, bind in compiled.binds.items()
                      if (processor := bind.type.dialect_impl(dialect).bind_processor(dialect)) is not None}
        columns = getattr(statement, "exported_columns", ())
        processors = [column.type.dialect_impl(dialect).result_processor(dialect, None) for column in columns]
        self.from_db = [(index, convert) for index, convert in enumerate(processors) if convert is not None]
        names = [getattr(column, "key", None) or f"column{i}" for i, column in enumerate(columns)]
        self.make_row = _row_class(names)._make

    def parameters(self, values: Mapping[str, Any]) -> tuple[Any, ...] | dict[str, Any]:
        """The values in the driver's form (run for every statement: kept to dict and tuple
        work; a missing value is named once a lookup fails)."""
        merged = {**self.defaults, **values} if self.defaults else dict(values)
        try:
            for name, processor in self.to_db.items():
                merged[name] = processor(merged[name])
            if self._pick is not None:
                return cast("tuple[Any, ...]", self._pick(merged))
            if self.order is not None:
                return tuple(merged[name] for name in self.order)
        except KeyError:
            self._check_required(merged)
            raise
        self._check_required(merged)
        return merged

    def _check_required(self, merged: Mapping[str, Any]) -> None:
        for name in self.required:
            if name not in merged:
                raise KeyError(f"missing value for bind parameter {name!r} in: {self.sql}")

    def rows(self, raw: list[tuple[Any, ...]]) -> list[tuple[Any, ...]]:
        """Rows as named tuples (`row.active`, `row[0]`), their values converted by type."""
        make = self.make_row
        if not self.from_db:
            return [make(row) for row in raw]
        converted = []
        for row in raw:
            values = list(row)
            for index, convert in self.from_db:
                if values[index] is not None:
                    values[index] = convert(values[index])
            converted.append(make(values))
        return converted


class Rows:
    """The rows of one direct execution, read like a SQLAlchemy Result."""

    def __init__(self, rows: list[tuple[Any, ...]], rowcount: int = -1):
        self._rows = rows
        self.rowcount = rowcount  # the rows an UPDATE or DELETE changed (the driver's count)

    def all(self) -> list[tuple[Any, ...]]:
        return self._rows

    def first(self) -> tuple[Any, ...] | None:
        return self._rows[0] if self._rows else None

    def scalar(self) -> Any:
        return self._rows[0][0] if self._rows else None

    def __iter__(self) -> Iterator[tuple[Any, ...]]:
        return iter(self._rows)


class DirectTx:
    """Direct execution on the DBAPI connection under one SQLAlchemy Connection (inside its
    transaction when it has one). `session()` gives an ORM session joined to the same
    transaction for the rare parts of an action that need the ORM."""

    def __init__(self, connection: Connection):
        self.connection = connection
        self.dialect = connection.dialect
        self._dialect_id = (self.dialect.name, self.dialect.paramstyle)
        self._dbapi_error = self.dialect.loaded_dbapi.Error
        dbapi = connection.connection.dbapi_connection
        assert dbapi is not None  # an open Connection always has its DBAPI connection
        self._cursor = dbapi.cursor()
        self._session: Session | None = None

    @classmethod
    def of(cls, target: DirectTx | Session) -> DirectTx:
        """The direct executor of a session's connection (pending ORM changes are flushed)."""
        if isinstance(target, DirectTx):
            return target
        target.flush()
        return cls(target.connection())

    @classmethod
    @contextmanager
    def over(cls, target: DirectTx | Session) -> Iterator[DirectTx]:
        """The caller's transaction as a direct executor for a block (`of`), closed after it
        when it was made here; a DirectTx given in stays open for its owner."""
        tx = cls.of(target)
        try:
            yield tx
        finally:
            if tx is not target:
                tx.close()

    def prepared(self, statement: ClauseElement, column_keys: Iterable[str] | None = None) -> Prepared:
        return prepare(statement, self.dialect, column_keys)

    def _prepared(self, statement: ClauseElement, params: Mapping[str, Any] | None) -> Prepared:
        """`prepared` for the values given, remembered per statement, dialect and the values'
        names in their order (no sort, no lookup of the dialect's names: run per statement)."""
        names = tuple(params) if params else ()
        key = (id(statement), self._dialect_id, names)
        entry = _fast.get(key)
        if entry is not None and entry[0] is statement:
            return entry[1]
        prepared = prepare(statement, self.dialect, names if params else None)
        _fast[key] = (statement, prepared)
        if len(_fast) > CACHE_SIZE:
            _fast.pop(next(iter(_fast)))
        return prepared

    def execute(self, statement: ClauseElement,
                params: Mapping[str, Any] | list[Mapping[str, Any]] | list[dict[str, Any]] | None = None
                ) -> Rows:
        """Run a statement with one set of values (rows returned) or many (executemany)."""
        if isinstance(params, list):
            if not params:
                return Rows([])
            prepared = self._prepared(statement, params[0])
            batch = [prepared.parameters(values) for values in params]
            self._run(prepared, batch, many=True)
            return Rows([])
        prepared = self._prepared(statement, params)
        raw = self._run(prepared, prepared.parameters(params or {}), many=False)
        return Rows(prepared.rows(raw) if raw else [], self._cursor.rowcount)

    def scalar(self, statement: ClauseElement, params: Mapping[str, Any] | None = None) -> Any:
        return self.execute(statement, params).scalar()

    def insert(self, statement: Insert, params: Mapping[str, Any]) -> Any:
        """Insert one row with a plain `insert(table)` (the values given name its columns); its
        primary key. On SQLite the driver's lastrowid (a RETURNING costs SQLite a temporary
        table per statement, as much as the insert itself); elsewhere the table's insert
        returning its key (made once per statement: a new one, as a statement once compiled
        keeps its result columns in copies made from it)."""
        if self._dialect_id[0] == "sqlite":
            prepared = self._prepared(statement, params)
            self._run(prepared, prepared.parameters(params), many=False)
            return self._cursor.lastrowid
        entry = _keyed.get(id(statement))
        if entry is None or entry[0] is not statement:
            table = cast(Table, statement.table)
            entry = _keyed[id(statement)] = (statement, insert(table).returning(*table.primary_key.columns))
        return self.scalar(entry[1], params)

    def _run(self, prepared: Prepared, parameters: Any, many: bool) -> list[tuple[Any, ...]]:
        try:
            if many:
                self._cursor.executemany(prepared.sql, parameters)
                return []
            self._cursor.execute(prepared.sql, parameters)
            return cast("list[tuple[Any, ...]]", self._cursor.fetchall()) if self._cursor.description else []
        except self._dbapi_error as exc:
            # a dropped server connection is flagged as SQLAlchemy flags its own, so that the
            # store's error handling names it (StoreUnreachable) the same on every path
            lost = self.dialect.is_disconnect(exc, self.connection.connection.dbapi_connection, self._cursor)
            raise DBAPIError.instance(prepared.sql, parameters, exc, self._dbapi_error, connection_invalidated=lost,
                                      dialect=self.dialect, ismulti=many) from exc

    def session(self) -> Session:
        if self._session is None:
            self._session = Session(bind=self.connection, expire_on_commit=False, autoflush=True)
        return self._session

    def flush(self) -> None:
        if self._session is not None:
            self._session.flush()

    def close(self) -> None:
        if self._session is not None:
            self._session.close()
        self._cursor.close()

    # --- the transaction itself on the DBAPI connection (Database.direct on SQLite) ----------------

    @contextmanager
    def begun(self) -> Iterator[None]:
        """A SQLite write transaction straight on the driver: BEGIN IMMEDIATE (the write lock
        first, as the engine's begin hook takes it, store.db), COMMIT after the block, ROLLBACK
        on an error. The SQLAlchemy Connection is not told: a session or a statement through it
        later joins the transaction open on the driver. A driver error is raised as
        SQLAlchemy's, so that a full disk at the commit reads as on every other way in."""
        self._driver("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            if getattr(self.connection.connection.dbapi_connection, "in_transaction", True):
                self._driver("ROLLBACK")
            raise
        self._driver("COMMIT")

    def _driver(self, sql: str) -> None:
        try:
            self._cursor.execute(sql)
        except self._dbapi_error as exc:
            raise DBAPIError.instance(sql, None, exc, self._dbapi_error, dialect=self.dialect) from exc


_cache: OrderedDict[tuple[int, str, str, tuple[str, ...] | None], tuple[ClauseElement, Prepared]] = OrderedDict()
# DirectTx's own door to the cache above: (statement's id, (dialect, paramstyle), the names of the
# values in the order given) -> (statement, prepared); insertion-ordered, the oldest dropped first
_fast: dict[tuple[int, tuple[str, str], tuple[str, ...]], tuple[ClauseElement, Prepared]] = {}
# DirectTx.insert's statements returning their key (not SQLite): statement's id -> (statement, returning)
_keyed: dict[int, tuple[Insert, Insert]] = {}


def prepare(statement: ClauseElement, dialect: Dialect, column_keys: Iterable[str] | None = None) -> Prepared:
    """The prepared form of a statement, compiled once per dialect and set of insert/update
    columns (a bounded cache: statements are module constants or cached builders)."""
    keys = tuple(sorted(column_keys)) if column_keys is not None and statement.is_dml else None
    key = (id(statement), dialect.name, dialect.paramstyle, keys)
    entry = _cache.get(key)
    if entry is None or entry[0] is not statement:
        entry = (statement, Prepared(statement, dialect, keys))
        _cache[key] = entry
        if len(_cache) > CACHE_SIZE:
            _cache.popitem(last=False)
    return entry[1]

