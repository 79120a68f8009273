"""What a backup archive is and how one is read: the format's names, the manifest, the facts
read from a database file (schema, office, audit chain), and the checks that refuse anything but
a whole, unmodified sopdesk backup of a schema this program knows. Part of store.backup (see its
docstring for the whole picture)."""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import zipfile
import zlib
from contextlib import closing, suppress
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path, PurePosixPath
from typing import Any

from sopdesk.errors import UserError
from sopdesk.store import restore_safety as safety
from sopdesk.store.db import DB_FILE
from sopdesk.store.migrate import known_revisions
from sopdesk.store.restore_safety import DEFAULT_LIMITS, Limits

ATTACHMENTS_DIR = "lampiran"
FORMAT = "sopdesk-cadangan"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
DB_MEMBER = DB_FILE
CHUNK = 1 << 20


def ro_uri(path: Path) -> str:
    return Path(os.path.abspath(path)).as_uri() + "?mode=ro"


def file_facts(path: Path) -> tuple[str | None, str | None, str | None]:
    """(schema revision, office name, office time zone) of a database file."""
    with closing(sqlite3.connect(ro_uri(path), uri=True)) as conn:
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
    with closing(sqlite3.connect(ro_uri(path), uri=True)) as conn:
        row = conn.execute("SELECT id, hash FROM audit_event ORDER BY id DESC LIMIT 1").fetchone()
    return {"count": int(row[0]), "head": str(row[1])} if row else {"count": 0, "head": ""}


def office_identity(path: Path) -> str | None:
    """Which office a database file belongs to: the hash of its first audit event (the
    office's setup), which a rename of the office does not change and a copy keeps."""
    with closing(sqlite3.connect(ro_uri(path), uri=True)) as conn, suppress(sqlite3.Error):
        row = conn.execute("SELECT hash FROM audit_event ORDER BY id LIMIT 1").fetchone()
        return str(row[0]) if row else None
    return None


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


def open_archive(file: Path) -> zipfile.ZipFile:
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


def manifest_of(archive: zipfile.ZipFile, file: Path, limits: Limits = DEFAULT_LIMITS) -> Manifest:
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
    if not ok or not isinstance(files, dict):
        raise _not_a_backup(file, f"{MANIFEST} tidak lengkap atau tidak sah")
    return Manifest(sopdesk_version=str(data.get("sopdesk_version")),
                    schema_revision=data["schema_revision"], office=data.get("office"),
                    timezone=data.get("timezone"), created_at=created, files=files,
                    audit_anchor=anchor, office_id=office_id)


def read_manifest(file: Path | str) -> Manifest:
    """The manifest of a backup archive (its members are not verified: see verify_backup)."""
    with open_archive(Path(file)) as archive:
        return manifest_of(archive, Path(file))


def check_schema(manifest: Manifest, file: Path) -> None:
    if manifest.schema_revision not in known_revisions():
        raise UserError(
            f"Cadangan {file} dibuat oleh versi sopdesk yang lebih baru (skema "
            f"{manifest.schema_revision}, sopdesk {manifest.sopdesk_version}); perbarui sopdesk "
            "sebelum memulihkannya. Tidak ada yang diubah"
        )


def listed_members(archive: zipfile.ZipFile, manifest: Manifest, file: Path) -> list[zipfile.ZipInfo]:
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


def copy_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, file: Path,
                 expected: str, target: Path | None) -> None:
    digest = hashlib.sha256()
    try:
        with archive.open(info) as src:
            if target is None:
                for block in iter(lambda: src.read(CHUNK), b""):
                    digest.update(block)
            else:
                target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
                fd = os.open(target, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
                written = 0
                with os.fdopen(fd, "wb") as dst:
                    for block in iter(lambda: src.read(CHUNK), b""):
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
    with open_archive(file) as archive:
        manifest = manifest_of(archive, file)
        check_schema(manifest, file)
        infos = listed_members(archive, manifest, file)
        safety.check_sizes(file, {i.filename: i.file_size for i in infos}, DB_MEMBER, DEFAULT_LIMITS, None)
        for info in infos:
            copy_member(archive, info, file, manifest.files[info.filename]["sha256"], None)
    return manifest


def inspect_backup(file: Path | str, limits: Limits = DEFAULT_LIMITS) -> Manifest:
    """The quick part of verify_backup, nothing decompressed: a sopdesk manifest, a schema
    this program knows, the members it lists and nothing else, within the size limits."""
    file = Path(file)
    with open_archive(file) as archive:
        manifest = manifest_of(archive, file, limits)
        check_schema(manifest, file)
        infos = listed_members(archive, manifest, file)
        safety.check_sizes(file, {i.filename: i.file_size for i in infos}, DB_MEMBER, limits, None)
    return manifest
