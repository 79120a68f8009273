"""Copying a whole office from one store to another: SQLite -> PostgreSQL ("moving an office"
to a server for several desks), PostgreSQL -> SQLite (back to one PC, and the database inside
a backup of a PostgreSQL office), and a backup's SQLite file back into PostgreSQL (restore).

One copy routine for all of them, on SQLAlchemy Core with the models' tables, so each value
goes through the same column types both ways (UTC times, JSON text, bytes) and the audit
chain's hashes still match. The source is read in one snapshot (a REPEATABLE READ transaction
on PostgreSQL, one read transaction on SQLite: `Database.snapshot`), the target is written in one transaction: a
failed copy leaves the target as it was. Rows are streamed in batches in dependency order (parents
before children), so a 100,000-case office needs no more memory than one batch. On PostgreSQL
the id sequences are set past the copied ids afterwards.

Attachments go with the rows: a SQLite office's files (its `lampiran/` folder) become rows of
`attachment_blob` on PostgreSQL, and a PostgreSQL office's blobs become files again on SQLite
(see engine/attachments.py for why a PostgreSQL office keeps them in the database)."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Connection, Engine, Table, func, inspect, select, text

from sopdesk.errors import UserError
from sopdesk.store import text_search
from sopdesk.store.db import Database, make_engine, sqlite_path
from sopdesk.store.migrate import prepare
from sopdesk.store.models import Attachment, AttachmentBlob, AuditEvent, Base

BATCH = 2000  # rows per INSERT batch
BLOB_BATCH = 4  # attachment contents held in memory at once (each up to 100 MB)
ATTACHMENTS_DIR = "lampiran"
# filled in by simply opening a store (the catalog's revisions and roles): not office data
FILLED_ON_OPEN = frozenset({"sop_revision", "role"})
Progress = Callable[[str, int], None]


@dataclass
class CopyResult:
    rows: dict[str, int] = field(default_factory=dict)  # table -> rows copied
    attachments: int = 0  # distinct files (by sha256) carried over
    audit_head: str | None = None  # the hash of the newest audit event copied


def blob_table() -> Table:
    """The attachment contents' table (a declarative class's __table__ is typed as any FROM)."""
    return Base.metadata.tables[AttachmentBlob.__tablename__]


def record_tables() -> list[Table]:
    """The office's tables, parents before children (the blobs travel separately)."""
    return [t for t in Base.metadata.sorted_tables if t.name != AttachmentBlob.__tablename__]


def keeps_blobs(conn: Connection | Engine) -> bool:
    return conn.dialect.name != "sqlite"


def audit_head(conn: Connection) -> str | None:
    return conn.scalar(select(AuditEvent.hash).order_by(AuditEvent.id.desc()).limit(1))


# --- the target must be empty ------------------------------------------------------------

def refuse_unless_empty(target: Database, shown: str) -> None:
    """Raise a UserError unless `target` holds no office: no tables at all, or the sopdesk
    tables with nothing in them but what opening a store fills in."""
    with target.connect() as conn:
        names = set(inspect(conn).get_table_names())
        if not names:
            return
        ours = set(Base.metadata.tables) | {"alembic_version"} | text_search.SQLITE_TABLES
        other = sorted(names - ours)
        if other:
            raise UserError(f"Basis data tujuan {shown} tidak kosong: berisi tabel lain ({other[0]}); "
                            "pindahkan kantor hanya ke basis data yang baru dan kosong. Tidak ada yang diubah")
        for table in record_tables() + [blob_table()]:
            if table.name not in names or table.name in FILLED_ON_OPEN:
                continue
            if conn.scalar(select(text("1")).select_from(table).limit(1)) is not None:
                raise UserError(
                    f"Basis data tujuan {shown} tidak kosong: sudah berisi data kantor (tabel "
                    f"{table.name}); pindahkan kantor hanya ke basis data yang baru dan kosong. "
                    "Tidak ada yang diubah")


# --- copying rows ----------------------------------------------------------------------------

def clear(target: Connection, with_blobs: bool = True) -> None:
    """Delete every office row of the target (children first), in the caller's transaction."""
    if with_blobs:
        target.execute(blob_table().delete())
    for table in reversed(record_tables()):
        target.execute(table.delete())


def copy_rows(source: Connection, target: Connection, progress: Progress | None = None) -> dict[str, int]:
    """Copy every row of every office table, parents before children, in batches."""
    counts: dict[str, int] = {}
    for table in record_tables():
        n = 0
        result = source.execution_options(yield_per=BATCH).execute(
            select(table).order_by(*table.primary_key.columns))
        for batch in result.partitions(BATCH):
            target.execute(table.insert(), [dict(row._mapping) for row in batch])
            n += len(batch)
            if progress:
                progress(table.name, n)
        counts[table.name] = n
    return counts


def reset_sequences(target: Connection) -> None:
    """PostgreSQL: the next id of every table follows the copied ones (SQLite needs nothing)."""
    if target.dialect.name != "postgresql":
        return
    for table in record_tables():
        pk = list(table.primary_key.columns)
        if len(pk) != 1 or not pk[0].autoincrement or pk[0].type.python_type is not int:
            continue
        name, column = table.name, pk[0].name
        target.exec_driver_sql(
            f"SELECT setval(pg_get_serial_sequence('\"{name}\"', '{column}'), "
            f"COALESCE((SELECT max(\"{column}\") FROM \"{name}\"), 0) + 1, false)")


# --- attachments -------------------------------------------------------------------------

def _attachments(source: Connection) -> list[tuple[str, str]]:
    """(sha256, stored name) of every distinct attached file."""
    seen: dict[str, str] = {}
    for sha, stored in source.execute(select(Attachment.sha256, Attachment.stored_name)
                                      .order_by(Attachment.id)):
        seen.setdefault(sha, stored)
    return list(seen.items())


def _read_file(path: Path, sha: str) -> bytes | None:
    try:
        content = path.read_bytes()
    except OSError:
        return None
    return content if hashlib.sha256(content).hexdigest() == sha else None


def attachment_contents(source: Connection, attachments_dir: Path | None) -> Iterator[tuple[str, str, bytes]]:
    """(sha256, stored name, content) of every attached file of the source office: from its
    blobs on PostgreSQL (else this desk's copy), from its `lampiran/` folder on SQLite. A file
    that is missing or changed is refused: the copy would not pass `sopdesk check`."""
    wanted = _attachments(source)
    from_db = keeps_blobs(source)
    for start in range(0, len(wanted), BLOB_BATCH):
        part = wanted[start:start + BLOB_BATCH]
        blobs: dict[str, bytes] = {}
        if from_db:
            blobs = {sha: bytes(content) for sha, content in source.execute(
                select(AttachmentBlob.sha256, AttachmentBlob.content)
                .where(AttachmentBlob.sha256.in_([sha for sha, _ in part])))}
        for sha, stored in part:
            content = blobs.get(sha)
            if content is not None and hashlib.sha256(content).hexdigest() != sha:
                content = None
            if content is None and attachments_dir is not None:
                content = _read_file(Path(attachments_dir) / stored, sha)
            if content is None:
                raise UserError(f"Lampiran {stored} hilang atau telah diubah di luar sopdesk, sehingga "
                                "kantor tidak dapat disalin utuh; jalankan 'sopdesk check' dan pulihkan "
                                "lampirannya dulu. Tidak ada yang diubah")
            yield sha, stored, content


def write_file(folder: Path, stored: str, content: bytes) -> None:
    target = Path(folder) / stored
    if target.is_file() and _read_file(target, hashlib.sha256(content).hexdigest()) is not None:
        return
    target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    temp = target.with_name(target.name + ".part")
    fd = os.open(temp, os.O_CREAT | os.O_TRUNC | os.O_WRONLY, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(content)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temp, target)


def copy_attachments(source: Connection, source_dir: Path | None, target: Connection,
                     target_dir: Path | None) -> int:
    """Carry every attached file over: into `attachment_blob` when the target keeps blobs,
    and into `target_dir` (a SQLite office's `lampiran/`) when given."""
    n = 0
    blobs = blob_table()
    for sha, stored, content in attachment_contents(source, source_dir):
        if keeps_blobs(target):
            target.execute(blobs.insert(), {"sha256": sha, "size": len(content), "content": content})
        if target_dir is not None:
            write_file(target_dir, stored, content)
        n += 1
    return n


def copy_office(source: Connection, source_dir: Path | None, target: Connection,
                target_dir: Path | None, progress: Progress | None = None) -> CopyResult:
    """Rows, sequences and attachments from `source` (in its snapshot) into `target` (in its
    open transaction, with the schema in place and no office rows)."""
    result = CopyResult()
    result.rows = copy_rows(source, target, progress)
    reset_sequences(target)
    result.attachments = copy_attachments(source, source_dir, target, target_dir)
    result.audit_head = audit_head(source)
    return result


def count_rows(conn: Connection, table: Table) -> int:
    return conn.scalar(select(func.count()).select_from(table)) or 0


def shown_url(url: str) -> str:
    """A database URL as it may be shown: without its password."""
    from sqlalchemy.engine import make_url

    try:
        return make_url(url).render_as_string(hide_password=True)
    except Exception:  # noqa: BLE001 - an unparsable URL is refused by make_engine later
        return "(alamat tidak sah)"


def attachments_dir_of(url: str) -> Path | None:
    """Where a SQLite office named by `url` keeps its files: `lampiran/` beside the database
    file (a data directory's layout); None for a server, which keeps them in the database."""
    path = sqlite_path(url)
    return path.parent / ATTACHMENTS_DIR if path is not None else None


def transfer(source: Database, source_dir: Path | None, target_url: str, backup_dir: Path,
             progress: Progress | None = None) -> CopyResult:
    """Copy the office of `source` into the empty database `target_url` (schema created
    there), refusing a target that holds an office or is the source itself. The source is
    read in one snapshot (`Database.snapshot`), the target written in one transaction holding
    its write lock (`Database.writing`)."""
    shown = shown_url(target_url)
    target = Database(make_engine(target_url))
    try:
        if target.same_store(source):
            raise UserError(f"Basis data tujuan {shown} sama dengan basis data kantor ini; pilih "
                            "basis data lain. Tidak ada yang diubah")
        refuse_unless_empty(target, shown)
        with target.storage_errors():
            prepare(target, backup_dir)
            target_dir = attachments_dir_of(target_url)
            with source.snapshot() as reading, target.writing() as writing:
                clear(writing)
                return copy_office(reading, source_dir, writing, target_dir, progress)
    finally:
        target.dispose()
