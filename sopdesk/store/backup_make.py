"""Making a backup: a consistent copy of the office's database (SQLite's online backup API,
or one REPEATABLE READ snapshot of a PostgreSQL office copied into a SQLite file), the attachments
it refers to and the manifest, written as one zip atomically (`.part`, fsync, rename); and whether
today's backup is due. Part of store.backup (see its docstring for the whole picture)."""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import tempfile
import zipfile
from collections.abc import Callable, Iterator
from contextlib import closing, suppress
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from sopdesk import __version__
from sopdesk.errors import UserError
from sopdesk.store import restore_safety as safety
from sopdesk.store import transfer
from sopdesk.store.backup_format import (
    ATTACHMENTS_DIR,
    CHUNK,
    DB_MEMBER,
    FORMAT,
    FORMAT_VERSION,
    MANIFEST,
    chain_anchor,
    file_facts,
    office_identity,
)
from sopdesk.store.backup_settings import (
    BACKUP_DIR,
    BackupSettings,
    OfficeWorkspace,
    archive_name,
    list_backups,
    load_settings,
    private_dir,
    rotate,
    save_settings,
)
from sopdesk.store.db import Database, make_engine
from sopdesk.store.migrate import prepare

# scans and office files that are compressed already: stored as they are
_COMPRESSED = {".pdf", ".jpg", ".jpeg", ".png", ".gif", ".webp", ".zip", ".docx", ".xlsx",
               ".pptx", ".odt", ".ods", ".mp4", ".mp3", ".7z", ".rar", ".gz"}


def sqlite_file(db: Database) -> Path:
    path = db.sqlite_file
    if path is None:
        raise UserError("Cadangan dan pemulihan bawaan hanya untuk basis data SQLite; untuk "
                        "PostgreSQL pakai pg_dump/pg_restore di servernya")
    return path


def snapshot_server(db: Database, attachments_dir: Path | None, target: Path, files: Path) -> None:
    """A consistent copy of a PostgreSQL office: its rows, read in one REPEATABLE READ
    transaction, into a new SQLite file `target`, and its attachments into the folder `files`."""
    engine = make_engine(f"sqlite:///{target}")
    try:
        copy = Database(engine)
        prepare(copy, target.parent / ".migrasi")
        with db.storage_errors(), db.snapshot() as reading, engine.begin() as writing:
            transfer.copy_office(reading, attachments_dir, writing, files)
    finally:
        engine.dispose()
    with closing(sqlite3.connect(target)) as conn:
        conn.execute("PRAGMA journal_mode=DELETE")
        result = conn.execute("PRAGMA quick_check").fetchone()[0]
    if result != "ok":
        raise UserError(f"Salinan basis data rusak ({result}); cadangan tidak dibuat")


def snapshot_sqlite(source: Path, target: Path) -> None:
    """A consistent copy of a live database by the online backup API (one step: one read
    snapshot, writers are not blocked under WAL), as a self-contained file (no -wal)."""
    uri = Path(os.path.abspath(source)).as_uri() + "?mode=rw"  # never creates a missing file
    fd = os.open(target, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    os.close(fd)
    with closing(sqlite3.connect(uri, uri=True, timeout=30)) as src, \
            closing(sqlite3.connect(target)) as dst:
        src.backup(dst)
        dst.execute("PRAGMA journal_mode=DELETE")
        result = dst.execute("PRAGMA quick_check").fetchone()[0]
    if result != "ok":
        raise UserError(f"Basis data rusak ({result}); cadangan tidak dibuat. Jalankan "
                        "'sopdesk check' dan pulihkan dari cadangan sebelumnya")


def _attachment_files(store: Path) -> Iterator[tuple[str, Path]]:
    if not store.is_dir():
        return
    for path in sorted(store.rglob("*")):
        if path.is_file() and not path.is_symlink() and not path.name.endswith((".tmp", ".part")):
            yield f"{ATTACHMENTS_DIR}/{path.relative_to(store).as_posix()}", path


def _add_member(archive: zipfile.ZipFile, name: str, source: Path, when: datetime,
                compress: bool, advance: Callable[[int], None] | None = None) -> dict[str, Any]:
    info = zipfile.ZipInfo(name, date_time=when.timetuple()[:6])
    info.compress_type = zipfile.ZIP_DEFLATED if compress else zipfile.ZIP_STORED
    info.external_attr = (0o100600 & 0xFFFF) << 16  # a regular file, private to its owner
    size = source.stat().st_size
    digest = hashlib.sha256()
    with source.open("rb") as src, archive.open(info, "w", force_zip64=size >= zipfile.ZIP64_LIMIT) as dst:
        for block in iter(lambda: src.read(CHUNK), b""):
            digest.update(block)
            dst.write(block)
            if advance is not None:
                advance(len(block))
    return {"sha256": digest.hexdigest(), "size": size}


def _progress_counter(progress: Callable[[int, int], None] | None, database: Path,
                      files: list[tuple[str, Path]]) -> Callable[[int], None] | None:
    """A callback for _add_member that reports the bytes written so far out of all of them."""
    if progress is None:
        return None
    total = database.stat().st_size + sum(source.stat().st_size for _name, source in files)
    done = 0

    def advance(n: int) -> None:
        nonlocal done
        done += n
        progress(done, total)

    progress(0, total)
    return advance


def _target(ws: OfficeWorkspace, target: Path | str | None, settings: BackupSettings,
            local: datetime) -> tuple[Path, bool]:
    """(archive path, whether it got an automatic name in a folder, hence rotation)."""
    if target is not None:
        target = Path(target).expanduser()
        if target.suffix.lower() == ".zip" and not target.is_dir():
            if target.exists():
                raise UserError(f"Berkas {target} sudah ada; cadangan tidak menimpa berkas")
            private_dir(target.parent)
            return target, False
        folder = target
    elif settings.folder is not None:
        folder = settings.folder
        # an unplugged USB disk: never create its folder on this PC's own disk instead
        if not folder.exists() and not folder.parent.is_dir():
            raise UserError(f"Folder cadangan {folder} tidak tersedia (disk USB belum dipasang?); "
                            "pasang disknya atau pilih folder lain")
    else:
        folder = Path(ws.data_dir) / BACKUP_DIR
    private_dir(folder)
    if not folder.is_dir():
        raise UserError(f"Tujuan cadangan {str(folder)[:300]} bukan folder")
    n = 0
    while (folder / archive_name(local, n)).exists():
        n += 1
    return folder / archive_name(local, n), True


Progress = Callable[[int, int], None]  # (bytes written, bytes in all); (0, 0): copying the database


def make_backup(ws: OfficeWorkspace, target: Path | str | None = None, progress: Progress | None = None) -> Path:
    """Write one backup archive of the workspace `ws` and return its path.

    `target`: a folder (the archive gets its automatic name there, and the folder is
    rotated to the newest N), or a `.zip` file name; default: the configured folder.
    `progress` is called (from this thread) while the archive is written."""
    server = ws.db.sqlite_file is None
    db_file = None if server else sqlite_file(ws.db)
    if db_file is not None and not db_file.exists():
        raise UserError(f"Basis data {db_file} tidak ada; tidak ada yang dicadangkan")
    settings = load_settings(ws.data_dir)
    now = ws.clock()
    local = now.astimezone(ws.calendar.tz)
    try:
        path, automatic = _target(ws, target, settings, local)
    except OSError as exc:
        raise UserError(f"Tujuan cadangan {str(target)[:300]} tidak dapat dipakai: "
                        f"{exc.strerror or exc}") from None
    part = path.with_name(path.name + ".part")
    if progress is not None:
        progress(0, 0)
    try:
        private_dir(Path(ws.data_dir))  # a server office's desk may have no folder of its own yet
        with tempfile.TemporaryDirectory(dir=ws.data_dir, prefix=".cadangan-") as temp:
            copy = Path(temp) / DB_MEMBER
            files = Path(ws.attachments_dir)
            if db_file is None:  # a server: rows and attachment contents from one snapshot
                files = Path(temp) / ATTACHMENTS_DIR
                snapshot_server(ws.db, Path(ws.attachments_dir), copy, files)
            else:
                snapshot_sqlite(db_file, copy)  # first the database, then the files: every
            revision, office, tz = file_facts(copy)  # attachment row has its file
            office_id = office_identity(copy)
            # only the files the database refers to: a restore refuses any other member
            referenced = safety.referenced_attachments(copy, ATTACHMENTS_DIR)
            chosen = [(name, source) for name, source in _attachment_files(files) if name in referenced]
            advance = _progress_counter(progress, copy, chosen)
            members: dict[str, dict[str, Any]] = {}
            fd = os.open(part, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
            with os.fdopen(fd, "wb") as raw:
                with zipfile.ZipFile(raw, "w", allowZip64=True) as archive:
                    members[DB_MEMBER] = _add_member(archive, DB_MEMBER, copy, local, True, advance)
                    for name, source in chosen:  # not a scan whose attaching never committed (a crash)
                        members[name] = _add_member(archive, name, source, local,
                                                    source.suffix.lower() not in _COMPRESSED, advance)
                    manifest = {
                        "format": FORMAT, "format_version": FORMAT_VERSION,
                        "sopdesk_version": __version__, "schema_revision": revision,
                        "office": office, "office_id": office_id, "timezone": tz,
                        "created_at": now.astimezone(timezone.utc).isoformat(),
                        "database": DB_MEMBER, "files": members,
                        "audit_anchor": chain_anchor(copy),  # a restore refuses a chain cut or rebuilt
                    }
                    info = zipfile.ZipInfo(MANIFEST, date_time=local.timetuple()[:6])
                    info.compress_type = zipfile.ZIP_DEFLATED
                    info.external_attr = (0o100600 & 0xFFFF) << 16
                    archive.writestr(info, json.dumps(manifest, ensure_ascii=False, indent=2))
                raw.flush()
                os.fsync(raw.fileno())
        os.replace(part, path)
    except OSError as exc:
        with suppress(OSError):
            part.unlink(missing_ok=True)
        raise UserError(f"Cadangan tidak dapat ditulis ke {str(path.parent)[:300]}: "
                        f"{exc.strerror or exc}") from None
    except BaseException:
        part.unlink(missing_ok=True)
        raise
    settings.last_at = now
    save_settings(ws.data_dir, settings)
    if automatic:
        rotate(path.parent, settings.keep)
    return path


def backup_due(ws: OfficeWorkspace) -> bool:
    """True when this desk made no backup today (office time). A PostgreSQL office too: each
    desk keeps its own daily copy of the whole office, so the office has backups even when
    its server's own are not set up."""
    tz = ws.calendar.tz
    today = ws.clock().astimezone(tz).date()
    settings = load_settings(ws.data_dir)
    if settings.last_at is not None and settings.last_at.astimezone(tz).date() >= today:
        return False
    stamp = f"sopdesk-cadangan-{today:%Y%m%d}-"
    folder = settings.folder or Path(ws.data_dir) / BACKUP_DIR
    return not any(path.name.startswith(stamp) for path in list_backups(folder))
