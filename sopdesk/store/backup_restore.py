"""Restoring a backup: verified member by member into a staging folder first (nothing is
changed for a backup that is refused), then the current database and attachments are set aside
under a journal (a kill at any point is rolled back at the next start, store.restore_safety) and
the backup is put in place and upgraded; a PostgreSQL office's rows are replaced in one
transaction after the current office was saved as a backup zip. Part of store.backup (see its
docstring for the whole picture)."""

from __future__ import annotations

import os
import shutil
import sqlite3
import tempfile
from collections.abc import Callable
from contextlib import closing, suppress
from dataclasses import dataclass
from datetime import datetime, timezone, tzinfo
from pathlib import Path
from typing import Any

from sqlalchemy import inspect, text
from sqlalchemy.exc import ArgumentError

from sopdesk.errors import UserError
from sopdesk.private_files import private_tree
from sopdesk.store import restore_safety as safety
from sopdesk.store import transfer
from sopdesk.store.backup_format import (
    ATTACHMENTS_DIR,
    DB_MEMBER,
    MANIFEST,
    Manifest,
    check_schema,
    copy_member,
    file_facts,
    listed_members,
    manifest_of,
    open_archive,
    ro_uri,
)
from sopdesk.store.backup_make import make_backup, sqlite_file
from sopdesk.store.backup_settings import BACKUP_DIR, OfficeWorkspace, private_dir
from sopdesk.store.db import Database, make_engine, resolve_url, sqlite_path
from sopdesk.store.migrate import head_revision, prepare
from sopdesk.store.restore_safety import DEFAULT_LIMITS, Limits

_SIDE_FILES = ("-wal", "-shm", "-journal")


def _now() -> datetime:
    return datetime.now(timezone.utc)


@dataclass(frozen=True)
class DataPaths:
    """Where an office's records live: the data folder, the SQLite file, the attachments;
    or, for a PostgreSQL office, the server's URL (`database` is None then)."""

    data_dir: Path
    database: Path | None
    attachments: Path
    server_url: str | None = None

    @classmethod
    def of(cls, ws: OfficeWorkspace) -> DataPaths:
        if ws.db.sqlite_file is None:  # the server's URL with its password: the restore connects again
            url = ws.db.url_with_password
            return cls(Path(ws.data_dir), None, Path(ws.attachments_dir), url)
        return cls(Path(ws.data_dir), sqlite_file(ws.db), Path(ws.attachments_dir))

    @classmethod
    def for_data_dir(cls, data_dir: Path, url: str | None = None) -> DataPaths:
        data_dir = Path(data_dir)
        try:
            database = sqlite_path(resolve_url(url, data_dir))
        except ArgumentError:
            raise UserError(f"Alamat basis data tidak sah: {url!r}") from None
        if database is None:
            return cls(data_dir, None, data_dir / ATTACHMENTS_DIR, resolve_url(url, data_dir))
        return cls(data_dir, database, data_dir / ATTACHMENTS_DIR)

    @property
    def url(self) -> str:
        return self.server_url or f"sqlite:///{self.database}"

    @property
    def sqlite_database(self) -> Path:
        """The SQLite file of an office kept in one (asked only when `server_url` is None)."""
        if self.database is None:
            raise ValueError(f"{self.url}: an office on a server has no SQLite file")
        return self.database


@dataclass(frozen=True)
class RestoreResult:
    manifest: Manifest
    set_aside: Path | None  # the replaced database and attachments (None: there were none)
    migration: str  # what migrate.prepare did: "current" or "upgraded from ..."
    paths: DataPaths
    warnings: tuple[str, ...] = ()  # what the verification could not check (an older backup)


# verify(unpacked database, manifest) -> warnings; raises UserError to refuse the backup
Verify = Callable[[Path, Manifest], list[str]]
# what a restore is doing now, for a window that shows it: "verify" (the backup unpacked and
# checked; the engine's checks add "verify_chain" and "verify_records"), "set_aside" (the
# current records kept aside), "replace" (the backup put in place)
Stage = Callable[[str], None]


def database_state(paths: DataPaths) -> str:
    """"missing" (no file or empty), "empty" (no users: not set up), "damaged" (not readable
    as a database) or "set_up" (holds an office's records)."""
    if paths.server_url is not None:
        return _server_state(paths.server_url)
    database = paths.sqlite_database
    if not database.exists() or database.stat().st_size == 0:
        return "missing"
    try:
        with closing(sqlite3.connect(ro_uri(database), uri=True, timeout=10)) as conn:
            tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            if "user_account" not in tables:
                return "empty"
            count = conn.execute("SELECT count(*) FROM user_account").fetchone()[0]
    except sqlite3.DatabaseError:
        return "damaged"
    return "set_up" if count else "empty"


def _server_state(url: str) -> str:
    db = Database(make_engine(url))
    try:
        with db.connect() as conn:
            tables = set(inspect(conn).get_table_names())
            if not tables:
                return "missing"
            if "user_account" not in tables:
                return "empty"
            count = conn.scalar(text("SELECT count(*) FROM user_account"))
    finally:
        db.dispose()
    return "set_up" if count else "empty"


def _refuse_other_desks(conn: Any) -> None:
    """A restore replaces the whole office: not while another desk is connected to it."""
    others = conn.scalar(text("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                              "AND pid <> pg_backend_pid() AND backend_type = 'client backend'"))
    if others:
        raise UserError(f"Basis data kantor sedang dibuka oleh program lain ({others} koneksi: sopdesk "
                        "masih terbuka di meja lain?); tutup sopdesk di semua meja lalu ulangi "
                        "pemulihan. Tidak ada yang diubah")


def _take_over(database: Path) -> None:
    """Make sure no other program has the database open, and fold its WAL into the main file.
    Leaving WAL mode needs the only connection: an open sopdesk window makes it fail."""
    if not database.exists():
        return
    try:
        with closing(sqlite3.connect(database, timeout=2, isolation_level=None)) as conn:
            conn.execute("PRAGMA journal_mode=DELETE").fetchone()
    except sqlite3.OperationalError as exc:
        if "locked" in str(exc) or "busy" in str(exc):
            raise UserError("Basis data sedang dibuka oleh program lain (mungkin jendela sopdesk "
                            "yang masih terbuka); tutup dulu lalu ulangi pemulihan. Tidak ada yang "
                            "diubah") from None
        # a damaged file: it is moved aside as it is
    except sqlite3.DatabaseError:
        pass


def _move(source: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    try:
        os.replace(source, target)
    except OSError:  # another file system (a --db outside the data folder)
        shutil.move(str(source), str(target))


def _unique_dir(parent: Path, base: str) -> Path:
    n = 0
    while True:
        candidate = parent / (base if n == 0 else f"{base}-{n}")
        if not candidate.exists():
            return candidate
        n += 1


def restore(ws_or_paths: OfficeWorkspace | DataPaths, file: Path | str, clock: Callable[[], datetime] = _now,
            tz: tzinfo | None = None, verify: Verify | None = None,
            limits: Limits = DEFAULT_LIMITS,
            after_swap: Callable[[RestoreResult], None] | None = None,
            stage: Stage | None = None) -> RestoreResult:
    """Replace the office's records by a backup (see the module's docstring).

    `ws_or_paths`: an open workspace (closed once the backup is verified: a restore needs
    the database to itself) or DataPaths. `tz` names the set-aside folder in office time
    (default: the workspace's office, else this PC's time zone). Raises UserError, having
    changed nothing, for a file that is not a whole sopdesk backup, for a newer schema and
    while another program uses the database. `verify` is called on the unpacked database
    before anything is replaced (the engine's checks of what it holds; see
    engine.restore_checks); `limits` bound the archive's members (see store.restore_safety).
    `after_swap` (the engine's record of the restore, which writes the restored chain's anchor)
    runs on a SQLite office while the journal still stands: a kill before it ends rolls back
    records and anchors together; on a server it runs after the restore. `stage` is told each
    step as it begins (see Stage), from the thread that restores."""
    tell: Stage = stage or (lambda _step: None)
    try:
        result = _restore(ws_or_paths, Path(file), clock, tz, verify, limits, after_swap, tell)
    except OSError as exc:  # after _undo: the records that were there are back in place
        raise UserError(f"Pemulihan gagal: {exc.strerror or exc} ({str(exc.filename or '')[:300]}); "
                        "data sebelumnya tetap di tempatnya") from None
    if after_swap is not None and result.paths.server_url is not None:
        after_swap(result)  # a server's records are swapped in one transaction: nothing to roll back
    return result


def _restore(ws_or_paths: OfficeWorkspace | DataPaths, file: Path, clock: Callable[[], datetime],
             tz: tzinfo | None, verify: Verify | None, limits: Limits,
             after_swap: Callable[[RestoreResult], None] | None, tell: Stage) -> RestoreResult:
    paths = ws_or_paths if isinstance(ws_or_paths, DataPaths) else DataPaths.of(ws_or_paths)
    if tz is None and not isinstance(ws_or_paths, DataPaths):
        tz = ws_or_paths.calendar.tz
    stamp = clock().astimezone(tz).strftime("%Y%m%d-%H%M%S")  # office time, as backups
    private_dir(paths.data_dir)
    safety.clean_orphans(paths.data_dir)  # a restore killed before this one
    staging = Path(tempfile.mkdtemp(dir=paths.data_dir, prefix=safety.STAGING_PREFIX))
    lock = safety.hold_staging(staging)
    try:
        tell("verify")
        manifest, warnings = _unpack(file, staging, verify, limits)
        staged_db = staging / DB_MEMBER
        if paths.server_url is not None:
            result = _restore_server(ws_or_paths, paths, paths.server_url, manifest, staging, stamp, tell)
            return RestoreResult(result.manifest, result.set_aside, result.migration, paths,
                                 tuple(warnings))
        if not isinstance(ws_or_paths, DataPaths):
            ws_or_paths.close()  # the workspace's own pooled connections
        database = paths.sqlite_database
        _take_over(database)
        aside = _unique_dir(paths.data_dir / BACKUP_DIR, f"sebelum-pemulihan-{stamp}")
        private_dir(aside)
        moved: list[tuple[Path, Path]] = []
        placed: list[Path] = []
        safety.write_journal(staging, database, paths.attachments, aside, DB_MEMBER,
                             _SIDE_FILES)  # a kill from here on is rolled back at the next start
        try:
            tell("set_aside")
            for suffix in ("", *_SIDE_FILES):
                current = Path(str(database) + suffix)
                if current.exists():
                    _move(current, aside / (DB_MEMBER + suffix))
                    moved.append((current, aside / (DB_MEMBER + suffix)))
            if paths.attachments.exists():
                _move(paths.attachments, aside / ATTACHMENTS_DIR)
                moved.append((paths.attachments, aside / ATTACHMENTS_DIR))
            tell("replace")
            _move(staged_db, database)
            placed.append(database)
            if (staging / ATTACHMENTS_DIR).exists():
                _move(staging / ATTACHMENTS_DIR, paths.attachments)
                placed.append(paths.attachments)
                private_tree(paths.attachments)  # mkdir(parents=True) made lampiran/ itself 0755
            db = Database(make_engine(paths.url))
            try:
                migration = _migrated(prepare(db, paths.data_dir / BACKUP_DIR), manifest)
            finally:
                db.dispose()
            if after_swap is not None:
                after_swap(RestoreResult(manifest, aside, migration, paths, tuple(warnings)))
            safety.clear_journal(staging, database)
        except BaseException:
            _undo(paths, moved, placed)
            safety.put_back_anchors(paths.data_dir, aside)
            safety.clear_journal(staging, database)
            raise
        finally:
            with suppress(OSError):
                aside.rmdir()  # only when nothing was there to set aside (a new PC)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
        lock.close()
    return RestoreResult(manifest, aside if aside.exists() else None, migration, paths,
                         tuple(warnings))


def _migrated(done: str, manifest: Manifest) -> str:
    """What the restore did to the backup's schema (`verify` may have upgraded the unpacked
    copy already, so that the checks read it with this program's models)."""
    if done == "current" and manifest.schema_revision != head_revision():
        return f"upgraded from {manifest.schema_revision}"
    return done


def _unpack(file: Path, staging: Path, verify: Verify | None,
            limits: Limits) -> tuple[Manifest, list[str]]:
    """Verify a backup member by member into `staging`: first its database, which must be
    sound and pass `verify`; then only the attachments it references, within `limits`.
    Returns the manifest and the warnings of `verify`."""
    with open_archive(file) as archive:
        manifest = manifest_of(archive, file, limits)
        check_schema(manifest, file)
        infos = {info.filename: info for info in listed_members(archive, manifest, file)}
        safety.check_sizes(file, {n: i.file_size for n, i in infos.items()}, DB_MEMBER, limits,
                           staging)
        copy_member(archive, infos[DB_MEMBER], file, manifest.files[DB_MEMBER]["sha256"],
                     staging / DB_MEMBER)
        _check_staged_database(file, staging / DB_MEMBER, manifest)
        others = [name for name in infos if name != DB_MEMBER]
        safety.refuse_unreferenced(
            file, others, safety.referenced_attachments(staging / DB_MEMBER, ATTACHMENTS_DIR),
            {name: manifest.files[name]["sha256"] for name in others})
        warnings = list(verify(staging / DB_MEMBER, manifest)) if verify is not None else []
        for name in others:
            copy_member(archive, infos[name], file, manifest.files[name]["sha256"], staging / name)
    return manifest, warnings


def _check_staged_database(file: Path, staged_db: Path, manifest: Manifest) -> None:
    try:
        revision, _office, _tz = file_facts(staged_db)
        with closing(sqlite3.connect(ro_uri(staged_db), uri=True)) as conn:
            sound = conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    except sqlite3.DatabaseError:
        sound, revision = False, None
    if not sound or revision != manifest.schema_revision:
        raise UserError(f"Basis data di dalam cadangan {file} rusak atau tidak sesuai "
                        f"{MANIFEST}; tidak ada yang diubah")


def _restore_server(ws_or_paths: OfficeWorkspace | DataPaths, paths: DataPaths, server_url: str,
                    manifest: Manifest, staging: Path, stamp: str, tell: Stage) -> RestoreResult:
    """Replace a PostgreSQL office's rows and attachments by the staged backup in one
    transaction, after saving the current office as a backup zip."""
    staged = Database(make_engine(f"sqlite:///{staging / DB_MEMBER}"))
    try:
        migration = _migrated(prepare(staged, staging / ".migrasi"), manifest)  # an older backup
    finally:
        staged.dispose()
    aside = None
    if not isinstance(ws_or_paths, DataPaths):
        ws_or_paths.db.dispose()  # this desk's own idle connections are not another desk
    probe = Database(make_engine(server_url))
    try:
        with probe.connect() as conn:
            _refuse_other_desks(conn)  # before anything is set aside; again when replacing
    finally:
        probe.dispose()
    if not isinstance(ws_or_paths, DataPaths):
        tell("set_aside")
        if _server_state(server_url) == "set_up":
            folder = paths.data_dir / BACKUP_DIR
            private_dir(folder)
            name = _unique_dir(folder, f"sebelum-pemulihan-{stamp}").name + ".zip"
            aside = make_backup(ws_or_paths, folder / name)
        ws_or_paths.close()
    tell("replace")
    target = Database(make_engine(server_url))
    source = Database(make_engine(f"sqlite:///{staging / DB_MEMBER}"))
    try:
        with target.storage_errors():
            prepare(target, paths.data_dir / BACKUP_DIR)  # a new, empty database: the schema
            with source.snapshot() as reading, target.writing() as writing:
                _refuse_other_desks(writing)
                names = ", ".join(f'"{t.name}"' for t in transfer.record_tables())
                writing.exec_driver_sql(f'LOCK TABLE {names}, "attachment_blob" IN ACCESS EXCLUSIVE MODE')
                transfer.clear(writing)
                transfer.copy_office(reading, staging / ATTACHMENTS_DIR, writing, None)
    finally:
        source.dispose()
        target.dispose()
    return RestoreResult(manifest, aside, migration, paths)


def _undo(paths: DataPaths, moved: list[tuple[Path, Path]], placed: list[Path]) -> None:
    """Put the records that were there before back in place after a failed restore."""
    for path in placed:
        if path.is_dir():
            shutil.rmtree(path, ignore_errors=True)
        else:
            for suffix in ("", *_SIDE_FILES):
                Path(str(path) + suffix).unlink(missing_ok=True)
    for original, aside in reversed(moved):
        with suppress(OSError):
            _move(aside, original)
