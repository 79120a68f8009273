"""Backups of the office's records and their restore.

A backup is one zip archive, `sopdesk-cadangan-YYYYmmdd-HHMMSS.zip` (office time), holding
a consistent copy of the database taken with SQLite's online backup API (never a file copy of
a live database), every file of the attachment store, and `manifest.json` with the sopdesk
version, the schema revision, the office and the sha256 of every member. One file because it
is written atomically (`.part`, fsync, rename: a half-written backup never looks like one),
is carried to a USB disk or another PC as one thing, and is verified member by member.

Restore refuses anything that is not a whole, unmodified sopdesk backup of a schema this
program knows, and changes nothing then; otherwise it moves the current database and
attachments aside (`cadangan/sebelum-pemulihan-<stamp>/`), puts the backup in place and
upgrades it with `migrate.prepare`.

A PostgreSQL office is backed up into the same format: its records are copied, in one
REPEATABLE READ transaction (one moment of the office, desks keep working), into a SQLite
file that becomes the archive's database, and its attachments (kept in the database there)
become the archive's `lampiran/` files, so one backup restores into either store. Restoring
into PostgreSQL replaces every row in one transaction (the desks see the old office or the
new one, never half of each), after the current records were saved as a backup zip in
`cadangan/sebelum-pemulihan-<stamp>.zip`; it is refused while other desks are connected.

The backup folder and how many backups to keep are in `pengaturan.json` in the data
directory (a file, not a table: no schema change, and it is readable when the database is
not)."""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import sqlite3
import tempfile
import zipfile
import zlib
from collections.abc import Callable, Iterator
from contextlib import closing, suppress
from dataclasses import dataclass, field
from datetime import datetime, timezone, tzinfo
from pathlib import Path, PurePosixPath
from typing import Any

from sqlalchemy import inspect, text
from sqlalchemy.exc import ArgumentError

from sopdesk import __version__
from sopdesk.errors import UserError
from sopdesk.private_files import private_tree
from sopdesk.store import restore_safety as safety
from sopdesk.store import transfer
from sopdesk.store.db import DB_FILE, Database, make_engine, resolve_url, sqlite_path
from sopdesk.store.migrate import head_revision, known_revisions, prepare
from sopdesk.store.restore_safety import DEFAULT_LIMITS, Limits
from sopdesk.store.settings_file import read_section, settings_path, write_section

BACKUP_DIR = "cadangan"
ATTACHMENTS_DIR = "lampiran"
DEFAULT_KEEP = 10
FORMAT = "sopdesk-cadangan"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
DB_MEMBER = DB_FILE
ARCHIVE_NAME = re.compile(r"^sopdesk-cadangan-(\d{8}-\d{6})(?:-(\d+))?\.zip$")
# scans and office files that are compressed already: stored as they are
_COMPRESSED = {".pdf", ".jpg", ".jpeg", ".png", ".gif", ".webp", ".zip", ".docx", ".xlsx",
               ".pptx", ".odt", ".ods", ".mp4", ".mp3", ".7z", ".rar", ".gz"}
_CHUNK = 1 << 20
_SIDE_FILES = ("-wal", "-shm", "-journal")


def _now() -> datetime:
    return datetime.now(timezone.utc)


# --- settings ------------------------------------------------------------------------------

@dataclass
class BackupSettings:
    """`pengaturan.json` -> {"backup": {"folder": ..., "keep": 10, "last_at": "...Z"}}."""

    folder: Path | None = None  # None: <data dir>/cadangan
    keep: int = DEFAULT_KEEP
    last_at: datetime | None = None  # the last backup made (UTC)


def load_settings(data_dir: Path) -> BackupSettings:
    data_dir = Path(data_dir)
    raw = read_section(data_dir, "backup")
    path = settings_path(data_dir)
    settings = BackupSettings()
    folder = raw.get("folder")
    if folder:
        if not isinstance(folder, str):
            raise UserError(f"Berkas pengaturan {path} tidak sah: backup.folder harus teks")
        settings.folder = data_dir / Path(folder).expanduser()
    keep = raw.get("keep", DEFAULT_KEEP)
    if not isinstance(keep, int) or isinstance(keep, bool) or keep < 1:
        raise UserError(f"Berkas pengaturan {path} tidak sah: backup.keep harus bilangan bulat 1 atau lebih")
    settings.keep = keep
    last = raw.get("last_at")
    if isinstance(last, str):
        with suppress(ValueError):
            settings.last_at = datetime.fromisoformat(last).astimezone(timezone.utc)
    return settings


def save_settings(data_dir: Path, settings: BackupSettings) -> None:
    """Write the backup settings, keeping any other key of the file (atomic, 0600)."""
    data_dir = Path(data_dir)
    write_section(data_dir, "backup", {
        "folder": str(settings.folder) if settings.folder else None,
        "keep": settings.keep,
        "last_at": settings.last_at.astimezone(timezone.utc).isoformat() if settings.last_at else None,
    })


def backup_folder(data_dir: Path) -> Path:
    """Where backups go by default: the chosen folder (e.g. a USB disk) or <data dir>/cadangan."""
    return load_settings(data_dir).folder or Path(data_dir) / BACKUP_DIR


# --- helpers -------------------------------------------------------------------------------

def _private_dir(path: Path) -> None:
    """Create a folder readable by this user only (an existing folder is left as it is)."""
    path = Path(path)
    missing = [p for p in (path, *path.parents) if not p.exists()]
    for folder in reversed(missing):
        folder.mkdir(mode=0o700, exist_ok=True)
        with suppress(OSError):  # a FAT-formatted USB disk has no permissions to set
            folder.chmod(0o700)  # mkdir's mode is filtered by the umask


def _sqlite_file(db: Database) -> Path:
    path = sqlite_path(db.engine.url.render_as_string(hide_password=False))
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
        with db.storage_errors(), db.engine.connect() as reading, engine.begin() as writing:
            reading = transfer.begin_snapshot(reading)
            transfer.copy_office(reading, attachments_dir, writing, files)
    finally:
        engine.dispose()
    with closing(sqlite3.connect(target)) as conn:
        conn.execute("PRAGMA journal_mode=DELETE")
        result = conn.execute("PRAGMA quick_check").fetchone()[0]
    if result != "ok":
        raise UserError(f"Salinan basis data rusak ({result}); cadangan tidak dibuat")


def _ro_uri(path: Path) -> str:
    return Path(os.path.abspath(path)).as_uri() + "?mode=ro"


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


def _file_facts(path: Path) -> tuple[str | None, str | None, str | None]:
    """(schema revision, office name, office time zone) of a database file."""
    with closing(sqlite3.connect(_ro_uri(path), uri=True)) as conn:
        revision = office = tz = None
        with suppress(sqlite3.Error):
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
            revision = row[0] if row else None
        with suppress(sqlite3.Error):
            row = conn.execute("SELECT name, timezone FROM office ORDER BY id LIMIT 1").fetchone()
            if row:
                office, tz = row
    return revision, office, tz


def chain_anchor(path: Path) -> dict[str, Any]:
    """The audit chain's anchor of a database file, as the data folder keeps it (engine.anchor):
    the newest event's number and hash ({"count": 0, "head": ""} for an empty chain)."""
    with closing(sqlite3.connect(_ro_uri(path), uri=True)) as conn:
        row = conn.execute("SELECT id, hash FROM audit_event ORDER BY id DESC LIMIT 1").fetchone()
    return {"count": int(row[0]), "head": str(row[1])} if row else {"count": 0, "head": ""}


def office_identity(path: Path) -> str | None:
    """Which office a database file belongs to: the hash of its first audit event (the
    office's setup), which a rename of the office does not change and a copy keeps."""
    with closing(sqlite3.connect(_ro_uri(path), uri=True)) as conn, suppress(sqlite3.Error):
        row = conn.execute("SELECT hash FROM audit_event ORDER BY id LIMIT 1").fetchone()
        return str(row[0]) if row else None
    return None


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
        for block in iter(lambda: src.read(_CHUNK), b""):
            digest.update(block)
            dst.write(block)
            if advance is not None:
                advance(len(block))
    return {"sha256": digest.hexdigest(), "size": size}


# --- making backups ------------------------------------------------------------------------

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


def archive_name(local: datetime, n: int = 0) -> str:
    return f"sopdesk-cadangan-{local:%Y%m%d-%H%M%S}" + (f"-{n}" if n else "") + ".zip"


def list_backups(folder: Path) -> list[Path]:
    """The backup archives in a folder, newest first (by the stamp in their name)."""
    found = []
    with suppress(OSError):
        for path in Path(folder).iterdir():
            match = ARCHIVE_NAME.match(path.name)
            if match and path.is_file():
                found.append(((match.group(1), int(match.group(2) or 0)), path))
    return [path for _key, path in sorted(found, reverse=True)]


def rotate(folder: Path, keep: int) -> list[Path]:
    """Delete all but the newest `keep` archives of `folder`; return what was deleted.
    Only files named like a backup are touched, never the copies taken before a migration
    or a restore."""
    removed = []
    for path in list_backups(folder)[max(keep, 1):]:
        with suppress(FileNotFoundError):
            path.unlink()
            removed.append(path)
    return removed


def _target(ws: Any, target: Path | str | None, settings: BackupSettings,
            local: datetime) -> tuple[Path, bool]:
    """(archive path, whether it got an automatic name in a folder, hence rotation)."""
    if target is not None:
        target = Path(target).expanduser()
        if target.suffix.lower() == ".zip" and not target.is_dir():
            if target.exists():
                raise UserError(f"Berkas {target} sudah ada; cadangan tidak menimpa berkas")
            _private_dir(target.parent)
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
    _private_dir(folder)
    if not folder.is_dir():
        raise UserError(f"Tujuan cadangan {str(folder)[:300]} bukan folder")
    n = 0
    while (folder / archive_name(local, n)).exists():
        n += 1
    return folder / archive_name(local, n), True


Progress = Callable[[int, int], None]  # (bytes written, bytes in all); (0, 0): copying the database


def make_backup(ws: Any, target: Path | str | None = None, progress: Progress | None = None) -> Path:
    """Write one backup archive of the workspace `ws` and return its path.

    `target`: a folder (the archive gets its automatic name there, and the folder is
    rotated to the newest N), or a `.zip` file name; default: the configured folder.
    `progress` is called (from this thread) while the archive is written."""
    server = sqlite_path(ws.db.engine.url.render_as_string(hide_password=False)) is None
    db_file = None if server else _sqlite_file(ws.db)
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
        _private_dir(Path(ws.data_dir))  # a server office's desk may have no folder of its own yet
        with tempfile.TemporaryDirectory(dir=ws.data_dir, prefix=".cadangan-") as temp:
            copy = Path(temp) / DB_MEMBER
            files = Path(ws.attachments_dir)
            if db_file is None:  # a server: rows and attachment contents from one snapshot
                files = Path(temp) / ATTACHMENTS_DIR
                snapshot_server(ws.db, Path(ws.attachments_dir), copy, files)
            else:
                snapshot_sqlite(db_file, copy)  # first the database, then the files: every
            revision, office, tz = _file_facts(copy)  # attachment row has its file
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


def backup_due(ws: Any) -> bool:
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


# --- reading and verifying backups -------------------------------------------------------

@dataclass(frozen=True)
class Manifest:
    sopdesk_version: str
    schema_revision: str
    office: str | None
    timezone: str | None
    created_at: datetime
    files: dict[str, dict[str, Any]] = field(default_factory=dict)
    # {"count": N, "head": hex} of the audit chain when the backup was made (older backups: None)
    audit_anchor: dict[str, Any] | None = None
    office_id: str | None = None  # the hash of the office's first audit event (its setup)

    @property
    def attachments(self) -> int:
        return sum(1 for name in self.files if name.startswith(ATTACHMENTS_DIR + "/"))


def _not_a_backup(file: Path, why: str) -> UserError:
    return UserError(f"Berkas {file} bukan cadangan sopdesk ({why}); tidak ada yang diubah")


def _safe_member(name: str) -> bool:
    if name == DB_MEMBER:
        return True
    path = PurePosixPath(name)
    return (not path.is_absolute() and "\\" not in name and ":" not in name
            and len(path.parts) >= 2 and path.parts[0] == ATTACHMENTS_DIR
            and all(part not in ("", ".", "..") for part in path.parts))


def _open_archive(file: Path) -> zipfile.ZipFile:
    file = Path(file)
    try:
        found = file.is_file()
    except OSError:  # a name too long for the file system, ...
        found = False
    if not found:
        raise UserError(f"Berkas cadangan tidak ditemukan: {str(file)[:300]}")
    try:
        return zipfile.ZipFile(file)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError):
        raise _not_a_backup(file, "bukan arsip zip yang utuh") from None


def _manifest_of(archive: zipfile.ZipFile, file: Path, limits: Limits = DEFAULT_LIMITS) -> Manifest:
    try:
        if archive.getinfo(MANIFEST).file_size > limits.manifest:
            raise _not_a_backup(file, f"{MANIFEST} terlalu besar")
        data = json.loads(archive.read(MANIFEST).decode("utf-8"))
    except KeyError:
        raise _not_a_backup(file, f"tidak ada {MANIFEST}") from None
    except (ValueError, zipfile.BadZipFile, OSError, EOFError):
        raise _not_a_backup(file, f"{MANIFEST} tidak dapat dibaca") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise _not_a_backup(file, f"{MANIFEST} bukan milik sopdesk")
    if not isinstance(data.get("format_version"), int) or data["format_version"] > FORMAT_VERSION:
        raise UserError(f"Cadangan {file} dibuat oleh versi sopdesk yang lebih baru (format "
                        f"{data.get('format_version')}); perbarui sopdesk sebelum memulihkannya")
    files = data.get("files")
    try:
        created = datetime.fromisoformat(data["created_at"]).astimezone(timezone.utc)
        ok = (isinstance(files, dict) and DB_MEMBER in files and isinstance(data["schema_revision"], str)
              and all(_safe_member(n) and isinstance(v, dict) and isinstance(v.get("sha256"), str)
                      and isinstance(v.get("size"), int) for n, v in files.items()))
    except (KeyError, TypeError, ValueError):
        ok = False
    anchor = data.get("audit_anchor")
    office_id = data.get("office_id")
    if anchor is not None and not (
            isinstance(anchor, dict) and isinstance(anchor.get("count"), int)
            and not isinstance(anchor.get("count"), bool) and isinstance(anchor.get("head"), str)):
        ok = False
    if office_id is not None and not isinstance(office_id, str):
        ok = False
    if not ok:
        raise _not_a_backup(file, f"{MANIFEST} tidak lengkap atau tidak sah")
    return Manifest(sopdesk_version=str(data.get("sopdesk_version")),
                    schema_revision=data["schema_revision"], office=data.get("office"),
                    timezone=data.get("timezone"), created_at=created, files=files,
                    audit_anchor=anchor, office_id=office_id)


def read_manifest(file: Path | str) -> Manifest:
    """The manifest of a backup archive (its members are not verified: see verify_backup)."""
    with _open_archive(Path(file)) as archive:
        return _manifest_of(archive, Path(file))


def _check_schema(manifest: Manifest, file: Path) -> None:
    if manifest.schema_revision not in known_revisions():
        raise UserError(
            f"Cadangan {file} dibuat oleh versi sopdesk yang lebih baru (skema "
            f"{manifest.schema_revision}, sopdesk {manifest.sopdesk_version}); perbarui sopdesk "
            "sebelum memulihkannya. Tidak ada yang diubah"
        )


def _members(archive: zipfile.ZipFile, manifest: Manifest, file: Path) -> list[zipfile.ZipInfo]:
    infos = {info.filename: info for info in archive.infolist() if not info.is_dir()}
    extra = sorted(set(infos) - set(manifest.files) - {MANIFEST})
    if extra:
        raise UserError(f"Cadangan {file} telah diubah: berisi berkas yang tidak tercatat di "
                        f"{MANIFEST} ({extra[0]}); tidak ada yang diubah")
    missing = sorted(set(manifest.files) - set(infos))
    if missing:
        raise UserError(f"Cadangan {file} tidak lengkap: {missing[0]} tidak ada; tidak ada yang diubah")
    for name, info in infos.items():
        if name != MANIFEST and info.file_size != manifest.files[name]["size"]:
            raise _tampered(file, name)
    return [infos[name] for name in manifest.files]


def _tampered(file: Path, name: str) -> UserError:
    return UserError(f"Cadangan {file} rusak atau telah diubah: isi {name} tidak sama dengan "
                     f"sidik sha256 di {MANIFEST}; tidak ada yang diubah")


def _copy_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, file: Path,
                 expected: str, target: Path | None) -> None:
    digest = hashlib.sha256()
    try:
        with archive.open(info) as src:
            if target is None:
                for block in iter(lambda: src.read(_CHUNK), b""):
                    digest.update(block)
            else:
                target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
                fd = os.open(target, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
                written = 0
                with os.fdopen(fd, "wb") as dst:
                    for block in iter(lambda: src.read(_CHUNK), b""):
                        written += len(block)
                        if written > info.file_size:  # never more than its header says
                            raise _tampered(file, info.filename)
                        digest.update(block)
                        dst.write(block)
                    dst.flush()
                    os.fsync(dst.fileno())
    except (zipfile.BadZipFile, EOFError, zlib.error):
        raise _tampered(file, info.filename) from None
    if digest.hexdigest() != expected:
        raise _tampered(file, info.filename)


def verify_backup(file: Path | str) -> Manifest:
    """Check a backup archive completely without changing anything: a zip with a sopdesk
    manifest, every member present with its sha256, nothing extra, a schema this program
    knows. Returns the manifest; raises UserError naming the first problem."""
    file = Path(file)
    with _open_archive(file) as archive:
        manifest = _manifest_of(archive, file)
        _check_schema(manifest, file)
        infos = _members(archive, manifest, file)
        safety.check_sizes(file, {i.filename: i.file_size for i in infos}, DB_MEMBER, DEFAULT_LIMITS, None)
        for info in infos:
            _copy_member(archive, info, file, manifest.files[info.filename]["sha256"], None)
    return manifest


def inspect_backup(file: Path | str, limits: Limits = DEFAULT_LIMITS) -> Manifest:
    """The quick part of verify_backup, nothing decompressed: a sopdesk manifest, a schema
    this program knows, the members it lists and nothing else, within the size limits."""
    file = Path(file)
    with _open_archive(file) as archive:
        manifest = _manifest_of(archive, file, limits)
        _check_schema(manifest, file)
        infos = _members(archive, manifest, file)
        safety.check_sizes(file, {i.filename: i.file_size for i in infos}, DB_MEMBER, limits, None)
    return manifest


# --- restoring -----------------------------------------------------------------------------

@dataclass(frozen=True)
class DataPaths:
    """Where an office's records live: the data folder, the SQLite file, the attachments;
    or, for a PostgreSQL office, the server's URL (`database` is None then)."""

    data_dir: Path
    database: Path | None
    attachments: Path
    server_url: str | None = None

    @classmethod
    def of(cls, ws: Any) -> DataPaths:
        url = ws.db.engine.url.render_as_string(hide_password=False)
        if sqlite_path(url) is None:
            return cls(Path(ws.data_dir), None, Path(ws.attachments_dir), url)
        return cls(Path(ws.data_dir), _sqlite_file(ws.db), Path(ws.attachments_dir))

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


@dataclass(frozen=True)
class RestoreResult:
    manifest: Manifest
    set_aside: Path | None  # the replaced database and attachments (None: there were none)
    migration: str  # what migrate.prepare did: "current" or "upgraded from ..."
    paths: DataPaths
    warnings: tuple[str, ...] = ()  # what the verification could not check (an older backup)


# verify(unpacked database, manifest) -> warnings; raises UserError to refuse the backup
Verify = Callable[[Path, Manifest], list[str]]


def database_state(paths: DataPaths) -> str:
    """"missing" (no file or empty), "empty" (no users: not set up), "damaged" (not readable
    as a database) or "set_up" (holds an office's records)."""
    if paths.server_url is not None:
        return _server_state(paths.server_url)
    if not paths.database.exists() or paths.database.stat().st_size == 0:
        return "missing"
    try:
        with closing(sqlite3.connect(_ro_uri(paths.database), uri=True, timeout=10)) as conn:
            tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            if "user_account" not in tables:
                return "empty"
            count = conn.execute("SELECT count(*) FROM user_account").fetchone()[0]
    except sqlite3.DatabaseError:
        return "damaged"
    return "set_up" if count else "empty"


def _server_state(url: str) -> str:
    engine = make_engine(url)
    try:
        with Database(engine).storage_errors(), engine.connect() as conn:
            tables = set(inspect(conn).get_table_names())
            if not tables:
                return "missing"
            if "user_account" not in tables:
                return "empty"
            count = conn.scalar(text("SELECT count(*) FROM user_account"))
    finally:
        engine.dispose()
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


def restore(ws_or_paths: Any, file: Path | str, clock: Callable[[], datetime] = _now,
            tz: tzinfo | None = None, verify: Verify | None = None,
            limits: Limits = DEFAULT_LIMITS,
            after_swap: Callable[[RestoreResult], None] | None = None) -> RestoreResult:
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
    records and anchors together; on a server it runs after the restore."""
    try:
        result = _restore(ws_or_paths, Path(file), clock, tz, verify, limits, after_swap)
    except OSError as exc:  # after _undo: the records that were there are back in place
        raise UserError(f"Pemulihan gagal: {exc.strerror or exc} ({str(exc.filename or '')[:300]}); "
                        "data sebelumnya tetap di tempatnya") from None
    if after_swap is not None and result.paths.server_url is not None:
        after_swap(result)  # a server's records are swapped in one transaction: nothing to roll back
    return result


def _restore(ws_or_paths: Any, file: Path, clock: Callable[[], datetime],
             tz: tzinfo | None, verify: Verify | None, limits: Limits,
             after_swap: Callable[[RestoreResult], None] | None) -> RestoreResult:
    paths = ws_or_paths if isinstance(ws_or_paths, DataPaths) else DataPaths.of(ws_or_paths)
    if tz is None and not isinstance(ws_or_paths, DataPaths):
        tz = ws_or_paths.calendar.tz
    stamp = clock().astimezone(tz).strftime("%Y%m%d-%H%M%S")  # office time, as backups
    _private_dir(paths.data_dir)
    safety.clean_orphans(paths.data_dir)  # a restore killed before this one
    staging = Path(tempfile.mkdtemp(dir=paths.data_dir, prefix=safety.STAGING_PREFIX))
    lock = safety.hold_staging(staging)
    try:
        manifest, warnings = _unpack(file, staging, verify, limits)
        staged_db = staging / DB_MEMBER
        if paths.server_url is not None:
            result = _restore_server(ws_or_paths, paths, manifest, staging, stamp)
            return RestoreResult(result.manifest, result.set_aside, result.migration, paths,
                                 tuple(warnings))
        if not isinstance(ws_or_paths, DataPaths):
            ws_or_paths.close()  # the workspace's own pooled connections
        _take_over(paths.database)
        aside = _unique_dir(paths.data_dir / BACKUP_DIR, f"sebelum-pemulihan-{stamp}")
        _private_dir(aside)
        moved: list[tuple[Path, Path]] = []
        placed: list[Path] = []
        safety.write_journal(staging, paths.database, paths.attachments, aside, DB_MEMBER,
                             _SIDE_FILES)  # a kill from here on is rolled back at the next start
        try:
            for suffix in ("", *_SIDE_FILES):
                current = Path(str(paths.database) + suffix)
                if current.exists():
                    _move(current, aside / (DB_MEMBER + suffix))
                    moved.append((current, aside / (DB_MEMBER + suffix)))
            if paths.attachments.exists():
                _move(paths.attachments, aside / ATTACHMENTS_DIR)
                moved.append((paths.attachments, aside / ATTACHMENTS_DIR))
            _move(staged_db, paths.database)
            placed.append(paths.database)
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
            safety.clear_journal(staging, paths.database)
        except BaseException:
            _undo(paths, moved, placed)
            safety.put_back_anchors(paths.data_dir, aside)
            safety.clear_journal(staging, paths.database)
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
    with _open_archive(file) as archive:
        manifest = _manifest_of(archive, file, limits)
        _check_schema(manifest, file)
        infos = {info.filename: info for info in _members(archive, manifest, file)}
        safety.check_sizes(file, {n: i.file_size for n, i in infos.items()}, DB_MEMBER, limits,
                           staging)
        _copy_member(archive, infos[DB_MEMBER], file, manifest.files[DB_MEMBER]["sha256"],
                     staging / DB_MEMBER)
        _check_staged_database(file, staging / DB_MEMBER, manifest)
        others = [name for name in infos if name != DB_MEMBER]
        safety.refuse_unreferenced(
            file, others, safety.referenced_attachments(staging / DB_MEMBER, ATTACHMENTS_DIR),
            {name: manifest.files[name]["sha256"] for name in others})
        warnings = list(verify(staging / DB_MEMBER, manifest)) if verify is not None else []
        for name in others:
            _copy_member(archive, infos[name], file, manifest.files[name]["sha256"], staging / name)
    return manifest, warnings


def _check_staged_database(file: Path, staged_db: Path, manifest: Manifest) -> None:
    try:
        revision, _office, _tz = _file_facts(staged_db)
        with closing(sqlite3.connect(_ro_uri(staged_db), uri=True)) as conn:
            sound = conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    except sqlite3.DatabaseError:
        sound, revision = False, None
    if not sound or revision != manifest.schema_revision:
        raise UserError(f"Basis data di dalam cadangan {file} rusak atau tidak sesuai "
                        f"{MANIFEST}; tidak ada yang diubah")


def _restore_server(ws_or_paths: Any, paths: DataPaths, manifest: Manifest, staging: Path,
                    stamp: str) -> RestoreResult:
    """Replace a PostgreSQL office's rows and attachments by the staged backup in one
    transaction, after saving the current office as a backup zip."""
    staged = Database(make_engine(f"sqlite:///{staging / DB_MEMBER}"))
    try:
        migration = _migrated(prepare(staged, staging / ".migrasi"), manifest)  # an older backup
    finally:
        staged.dispose()
    aside = None
    if not isinstance(ws_or_paths, DataPaths):
        ws_or_paths.db.engine.dispose()  # this desk's own idle connections are not another desk
    probe = make_engine(paths.server_url)
    try:
        with Database(probe).storage_errors(), probe.connect() as conn:
            _refuse_other_desks(conn)  # before anything is set aside; again when replacing
    finally:
        probe.dispose()
    if not isinstance(ws_or_paths, DataPaths):
        if _server_state(paths.server_url) == "set_up":
            folder = paths.data_dir / BACKUP_DIR
            _private_dir(folder)
            name = _unique_dir(folder, f"sebelum-pemulihan-{stamp}").name + ".zip"
            aside = make_backup(ws_or_paths, folder / name)
        ws_or_paths.close()
    target = Database(make_engine(paths.server_url))
    source = make_engine(f"sqlite:///{staging / DB_MEMBER}")
    try:
        with target.storage_errors():
            prepare(target, paths.data_dir / BACKUP_DIR)  # a new, empty database: the schema
            with source.connect() as reading, target.engine.begin() as writing:
                _refuse_other_desks(writing)
                names = ", ".join(f'"{t.name}"' for t in transfer.record_tables())
                writing.exec_driver_sql(f'LOCK TABLE {names}, "attachment_blob" IN ACCESS EXCLUSIVE MODE')
                reading = transfer.begin_snapshot(reading)
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
