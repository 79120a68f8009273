"""Seals: the office's records tied to the audit chain, so that a row edited outside sopdesk
is found by `sopdesk check` even when the audit log itself was left alone.

Every write transaction notes the rows it changed of the tables that matter (`COVERED`: users
with their roles, admin flag, password hash and active flag; the office and its holidays; cases,
work items, deadlines, checks, documents, attachments; visitors; letters, dispositions and the
buku ekspedisi; switched-off SOPs). ORM changes are noted by a flush listener; the few Core
writes of the hot path say so themselves (`touch`). Just before the transaction commits, the
digest of each such row, read back as committed, goes into the `sealed` field of the
transaction's last audit event, and that event's hash is computed with it: the seal is part of
the chain. A covered row written in a transaction without an audit event stays unsealed (every
sopdesk action that changes a covered row records an event).

`sopdesk check` replays the seals in chain order (the newest seal of a row wins) and compares
every covered row of the database with it (`check_rows` in engine.integrity): a row whose digest
differs was edited outside sopdesk, a row with no seal was added outside sopdesk, a sealed row
that is gone was deleted outside sopdesk.

A row's digest is a 64-bit truncated sha256 of its table name and its non-empty column values
(None, "", False and 0 are left out, so a column added later with such a default leaves older
seals valid); a user's digest includes the names of the roles the user holds.

Only rows an action really changed are sealed again (a login that counts a failed attempt does
not seal the user). A limit: a later sopdesk action that changes the same row seals the row as
it is then, edits outside sopdesk to its other columns included; the check at every start of
the desktop (and `sopdesk check`) is what finds them in between."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from itertools import chain
from typing import Any, cast

from sqlalchemy import Column, Connection, Select, Table, bindparam, event, insert, inspect, select
from sqlalchemy.orm import Session

from sopdesk.engine import json_text
from sopdesk.store.direct import DirectTx
from sopdesk.store.models import Base, Role, UserRole

# the tables whose rows are sealed, with the column that names a row
COVERED: dict[str, str] = {
    "office": "id",
    "office_holiday": "id",
    "user_account": "id",
    "case_file": "id",
    "work_item": "id",
    "case_deadline": "id",
    "checklist_entry": "id",
    "document": "id",
    "attachment": "id",
    "visitor": "id",
    "incoming_letter": "id",
    "outgoing_letter": "id",
    "disposition": "id",
    "disposition_target": "id",
    "expedition": "id",
    "sop_disabled": "kode",
}
# columns that change without an action of their own meaning (a failed login counts)
NOT_SEALED = {"user_account": {"failed_logins", "locked_until"}}
GONE = ""  # the seal of a row the action deleted
IN_CLAUSE = 500  # rows per query when reading back touched rows
# the `sealed` text: `json.dumps(sealed, sort_keys=True, separators=(",", ":"))`, its encoder built once
_SEALED = json_text.encoder(sort_keys=True, separators=(",", ":"))
_UTC = timezone.utc


def _columns(table: Table) -> list[Column[Any]]:
    key = COVERED[table.name]
    skip = NOT_SEALED.get(table.name, set()) | {key}
    return [column for column in table.columns if column.name not in skip]


def sealed_names(name: str) -> list[str]:
    """The columns of a covered table that its rows' digests take, in digest order (what a
    writer sealing rows from the values it wrote passes to `digest`, e.g. the demo's bulk rows)."""
    return [column.name for column in _columns(tables()[name])]


_tables: list[Any] = [None, {}]  # (the metadata's table count when made, the covered tables)


def tables() -> dict[str, Table]:
    """The covered tables of the models (made again only when a table was added: asked at
    every action's seal). Shared: not to be changed by the caller."""
    present = Base.metadata.tables
    if _tables[0] != len(present):
        _tables[1] = {name: present[name] for name in COVERED if name in present}
        _tables[0] = len(present)
    return cast("dict[str, Table]", _tables[1])


# --- the digest -------------------------------------------------------------------------------

def _text(value: Any) -> str:
    if isinstance(value, bool):
        return "1"
    if isinstance(value, datetime):
        if value.tzinfo is not None:
            return value.astimezone(timezone.utc).replace(tzinfo=None).isoformat()
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bytes):
        return value.hex()
    return str(value)


# aware UTC datetime -> its text in a digest (datetime.isoformat costs ~3 us, several times a
# lookup; a completion digests the same few times again and again), emptied when full
UTC_TEXTS = 512
_utc_texts: dict[datetime, str] = {}


def digest(table: str, names: Iterable[str], values: Iterable[Any], roles: Iterable[str] = ()) -> str:
    """The seal of one row: its table and its non-empty values, each with its column name and
    length (unambiguous whatever the text holds). Written for speed (millions of rows at a
    check): the common types first, each as `_text` would write it."""
    parts = [table]
    append = parts.append
    for name, value in zip(names, values):  # noqa: B905 - the same select gives both
        if value is None:
            continue
        kind = type(value)
        if kind is str:
            if not value:
                continue
            text = value
        elif kind is bool or kind is int:
            if not value:
                continue
            text = "1" if kind is bool else str(value)
        elif kind is datetime and value.tzinfo is _UTC:
            text = _utc_texts.get(value)  # a row's times recur: its action's `now`, the same row again
            if text is None:
                text = value.isoformat()[:-6]  # "+00:00" off: the naive UTC text
                if len(_utc_texts) >= UTC_TEXTS:
                    _utc_texts.clear()
                _utc_texts[value] = text
        else:
            if value == "" or (value == 0 and not isinstance(value, str)):
                continue  # None, "", False, 0: what a column added later holds in older rows
            text = _text(value)
        append(f"{name}={len(text)}:{text}")
    for role in sorted(roles):
        append(f"role={len(role)}:{role}")
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]


def _roles(conn: Connection, user_ids: list[Any] | None) -> dict[int, list[str]]:
    statement = select(UserRole.user_id, Role.name).join(Role, Role.id == UserRole.role_id)
    if user_ids is not None:
        statement = statement.where(UserRole.user_id.in_(user_ids))
    held: dict[int, list[str]] = {}
    for user_id, name in conn.execute(statement):
        held.setdefault(user_id, []).append(name)
    return held


def row_digests(conn: Connection, name: str, keys: list[Any] | None = None,
                batch: int = 5000) -> Iterator[tuple[Any, str]]:
    """(key, digest) of the rows of a covered table: all of them (streamed, in key order), or
    those whose key is in `keys` (read on the raw cursor: see `keyed_digests`)."""
    if keys is not None:
        tx = DirectTx(conn)
        try:
            yield from keyed_digests(tx, name, "", keys)
        finally:
            tx.close()
        return
    table = tables()[name]
    columns = _columns(table)
    names = [column.name for column in columns]
    key = table.c[COVERED[name]]
    # the option on the statement, not the connection (which keeps it for the UPDATE after)
    result = conn.execute(select(key, *columns).order_by(key).execution_options(yield_per=batch))
    try:
        roles = _roles(conn, None) if name == "user_account" else {}
        for row in result:
            yield row[0], digest(name, names, row[1:], roles.get(row[0], ()))
    finally:  # however the loop ends (a check stopped mid-table): a server-side cursor is dropped
        result.close()


# --- the keyed readback: prepared statements on the raw cursor ------------------------------------
# Every write transaction reads back the rows it changed (a handful) just before it commits: the
# SQLAlchemy Core execution around each of these selects cost more than the SQL and the hashing
# together (issue #15). Each select is written once as a Core construct and run as a prepared
# statement (store.direct): the same column types convert the values, so the digests are the
# ones `check` computes through SQLAlchemy. An IN list has one placeholder per key, padded to
# the next power of two (the last key repeated) so that a few statements serve every size.

_statements: dict[tuple[str, str, int], tuple[Select[Any], list[str]]] = {}
_ROLES_BY: dict[int, Select[int, str]] = {}


def _width(count: int) -> int:
    width = 1
    while width < count:
        width *= 2
    return width


def _keyed(name: str, column: str, width: int) -> tuple[Select[Any], list[str]]:
    """select key, columns... where `column` (the key when "") in (:k0 .. :k<width-1>)."""
    entry = _statements.get((name, column, width))
    if entry is None:
        table = tables()[name]
        columns = _columns(table)
        key = table.c[COVERED[name]]
        where = key if not column else table.c[column]
        statement = (select(key, *columns)
                     .where(where.in_([bindparam(f"k{i}") for i in range(width)])).order_by(key))
        entry = _statements[(name, column, width)] = (statement, [c.name for c in columns])
    return entry


def _chunks(values: list[Any]) -> Iterator[dict[str, Any]]:
    for start in range(0, len(values), IN_CLAUSE):
        chunk = values[start:start + IN_CLAUSE]
        width = _width(len(chunk))
        padded = chunk + [chunk[-1]] * (width - len(chunk))
        yield {f"k{i}": value for i, value in enumerate(padded)}


def _keyed_roles(tx: DirectTx, user_ids: list[Any]) -> dict[int, list[str]]:
    held: dict[int, list[str]] = {}
    for params in _chunks(user_ids):
        width = len(params)
        statement = _ROLES_BY.get(width)
        if statement is None:
            statement = (select(UserRole.user_id, Role.name).join(Role, Role.id == UserRole.role_id)
                         .where(UserRole.user_id.in_([bindparam(f"k{i}") for i in range(width)])))
            _ROLES_BY[width] = statement
        for user_id, role in tx.execute(statement, params):
            held.setdefault(user_id, []).append(role)
    return held


def keyed_digests(tx: DirectTx, name: str, column: str, values: Iterable[Any]) -> Iterator[tuple[Any, str]]:
    """(key, digest) of the rows of a covered table whose `column` (its key when "") holds one
    of `values`, in key order within each chunk of IN_CLAUSE values."""
    values = sorted(set(values), key=str)
    if not values:
        return
    for params in _chunks(values):
        statement, names = _keyed(name, column, len(params))
        rows = tx.execute(statement, params).all()
        roles = _keyed_roles(tx, [row[0] for row in rows]) if name == "user_account" and rows else {}
        for row in rows:
            yield row[0], digest(name, names, row[1:], roles.get(row[0], ()))


# --- rows sealed from the values written: RETURNING the sealed columns -------------------------------
# The hot path's inserts and updates return the row as stored (`returning_sealed`), and its digest is
# taken from that (`written`): the row is not read back before the commit. The values come through the
# same column types as a read, so the digest is the one `check` computes. A row noted so and changed
# again by another statement is read back as before (`touch` wins over `written`).

_many: dict[tuple[str, tuple[str, ...], int], Any] = {}


def returning_sealed(statement: Any, name: str) -> Any:
    """An INSERT or UPDATE of covered table `name` returning its key and sealed columns (give the
    rows to `written`)."""
    table = tables()[name]
    return statement.returning(table.c[COVERED[name]], *_columns(table))


def written(target: Session | DirectTx | Connection, name: str, rows: Iterable[tuple[Any, ...]]) -> None:
    """Note the rows a `returning_sealed` statement gave (not of user_account: its roles are read)."""
    names = _layout(name)[0]
    state = pending(connection_of(target))
    known = state.known.setdefault(name, {})
    for row in rows:
        known[row[0]] = digest(name, names, row[1:])
    state.changes += 1


_layouts: dict[str, tuple[list[str], dict[str, Any], frozenset[str]]] = {}


def _layout(name: str) -> tuple[list[str], dict[str, Any], frozenset[str]]:
    """(sealed columns in digest order, their scalar defaults, the columns whose default is
    made elsewhere: by the server or a function) of a covered table."""
    layout = _layouts.get(name)
    if layout is None:
        columns = _columns(tables()[name])
        scalar = {c.name: getattr(c.default, "arg", None) for c in columns
                  if c.default is not None and c.default.is_scalar}
        elsewhere = frozenset(c.name for c in columns if c.name not in scalar
                              and (c.default is not None or c.server_default is not None))
        layout = _layouts[name] = ([c.name for c in columns], scalar, elsewhere)
    return layout


def as_written(target: Session | DirectTx | Connection, name: str, key: Any, values: Mapping[str, Any]) -> None:
    """Note a row of covered table `name` written with `values`, the whole row (a column not
    among them holds its scalar default, else NULL): sealed from these values, not read back
    (the values are the Python values the column types take, as a read gives them back). A row
    that leaves out a column whose default is made elsewhere is read back (`touch`)."""
    names, defaults, elsewhere = _layout(name)
    if elsewhere and not elsewhere <= values.keys():
        touch(target, name, key)
        return
    state = pending(connection_of(target))
    state.known.setdefault(name, {})[key] = digest(name, names, [values.get(n, defaults.get(n)) for n in names])
    state.changes += 1


def insert_sealed(tx: DirectTx, name: str, rows: Sequence[Mapping[str, Any]]) -> list[tuple[Any, ...]]:
    """Insert rows of covered table `name` (the same columns in each) in one statement and note
    them sealed as written; the rows as stored (key first). A column left out gets its scalar
    default here (a multi-row insert does not fill it in)."""
    if not rows:
        return []
    table = tables()[name]
    keys = tuple(rows[0])
    filled = {column.key: getattr(column.default, "arg", None) for column in table.columns
              if column.key not in keys and column.default is not None and column.default.is_scalar}
    statement = _many.get((name, keys, len(rows)))
    if statement is None:
        every = (*keys, *filled)
        statement = returning_sealed(insert(table).values(
            [{key: bindparam(f"{key}_{n}") for key in every} for n in range(len(rows))]), name)
        _many[(name, keys, len(rows))] = statement
    params = {f"{key}_{n}": value for n, row in enumerate(rows) for key, value in {**row, **filled}.items()}
    stored = tx.execute(statement, params).all()
    written(tx, name, stored)
    return stored


# --- noting what a transaction changed ------------------------------------------------------

@dataclass
class Pending:
    """What one write transaction changed and recorded, until it commits."""

    touched: dict[str, set[Any]] = field(default_factory=dict)
    related: dict[tuple[str, str], set[Any]] = field(default_factory=dict)  # (table, column) -> values
    everything: bool = False  # every covered row (an office upgraded from before seals)
    known: dict[str, dict[Any, str]] = field(default_factory=dict)  # digests of rows as written (`written`)
    changes: int = 0  # counts every note above: a seal made before the commit is still whole while equal
    events: int = 0
    before: Any = None  # the chain's head before the transaction's first event (anchor.Head)
    last: tuple[Any, ...] | None = None  # the newest event it recorded: audit.NEWEST's row of it
    sealed: tuple[Any, ...] | None = None  # (event id, changes) of an event inserted sealed (audit.record)


# A transaction's notes live on its Connection (the object, for as long as it lives: what a
# weak mapping keyed by it gave, without making a weak reference at every note of an action)
_NOTES = "_sopdesk_seal_pending"


def pending(conn: Connection) -> Pending:
    state: Pending | None = getattr(conn, _NOTES, None)
    if state is None:
        state = Pending()
        setattr(conn, _NOTES, state)
    return state


def connection_of(target: Session | DirectTx | Connection) -> Connection:
    if isinstance(target, DirectTx):
        return target.connection
    if isinstance(target, Session):
        return target.connection()
    return target


def touch(target: Session | DirectTx | Connection, table: str, *keys: Any) -> None:
    """Note rows a Core statement changed (ORM changes are noted on their own)."""
    if table in COVERED:
        state = pending(connection_of(target))
        state.touched.setdefault(table, set()).update(keys)
        state.changes += 1


def touch_everything(target: Session | DirectTx | Connection) -> None:
    """Seal every covered row with the transaction's event (an office from before seals)."""
    state = pending(connection_of(target))
    state.everything = True
    state.changes += 1


def touch_related(target: Session | DirectTx | Connection, table: str, column: str, *values: Any) -> None:
    """Note the rows of a table whose `column` holds one of `values` (rows a Core statement
    inserted in bulk, e.g. the checks of a work item)."""
    if table in COVERED:
        state = pending(connection_of(target))
        state.related.setdefault((table, column), set()).update(values)
        state.changes += 1


def _changed(obj: Any, table: str) -> bool:
    """A flushed dirty object changed a sealed column (or a user's roles): a login that only
    counts a failed attempt does not seal the user again (which would take in an edit made
    outside sopdesk in the meantime)."""
    state = inspect(obj)
    skip = NOT_SEALED.get(table, set())
    return any(attr.history.has_changes() for attr in state.attrs if attr.key not in skip)


@event.listens_for(Session, "after_flush")
def _noted(session: Session, _context: Any) -> None:
    found: dict[str, set[Any]] = {}
    for obj in chain(session.new, session.dirty, session.deleted):
        table = getattr(obj, "__tablename__", None)
        if table == "audit_event":  # appended some other way than audit.record: the head is read again
            pending(session.connection()).last = None
        elif table in COVERED:
            if obj in session.dirty and not _changed(obj, table):
                continue
            found.setdefault(table, set()).add(getattr(obj, COVERED[table]))
        elif table == "user_role":
            found.setdefault("user_account", set()).add(obj.user_id)
    if found:
        state = pending(session.connection())
        for table, keys in found.items():
            state.touched.setdefault(table, set()).update(keys)
        state.changes += 1


def take(conn: Connection) -> Pending | None:
    """The transaction's notes, forgotten: read once, just before the commit."""
    state: Pending | None = getattr(conn, _NOTES, None)
    if state is not None:
        delattr(conn, _NOTES)
    return state


def seal_text(conn: Connection, state: Pending, direct: DirectTx | None = None) -> str | None:
    """The `sealed` field for the rows a transaction changed: {table: {key: digest}}, a
    deleted row with GONE. None when nothing covered was changed. `direct`: the caller's
    direct executor on `conn` (one is made otherwise)."""
    sealed: dict[str, dict[str, str]] = {}
    if state.everything:
        for name in sorted(tables()):
            rows = {str(k): d for k, d in row_digests(conn, name)}
            if rows:
                sealed[name] = rows
        return json.dumps(sealed, sort_keys=True, separators=(",", ":")) if sealed else None
    present = tables()
    tx = direct or DirectTx(conn)
    try:
        for (name, column), values in state.related.items():
            if name in present:
                found = {str(k): d for k, d in keyed_digests(tx, name, column, values)}
                if found:
                    sealed.setdefault(name, {}).update(found)
        for name, keys in state.touched.items():
            wanted = [k for k in keys if k is not None]
            if not wanted or name not in present:
                continue
            digests = dict(keyed_digests(tx, name, "", wanted))
            sealed.setdefault(name, {}).update({str(k): digests.get(k, GONE) for k in wanted})
    finally:
        if direct is None:
            tx.close()
    for name, rows in state.known.items():  # rows read back above (touched again after) keep that digest
        into = sealed.setdefault(name, {})
        for key, value in rows.items():
            into.setdefault(str(key), value)
    if not sealed:
        return None
    return _SEALED(sealed)
