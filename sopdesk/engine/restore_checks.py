"""What a restore checks in the database of a backup before it replaces anything.

An archive whose members all match its manifest only agrees with itself: anybody can make
one from a database edited with `sqlite3`. So the unpacked database must also be what
sopdesk itself would have written, and be this office's:

- its schema objects (tables, indexes, triggers, views) are exactly those of a database
  this program migrates to the same revision: a trigger that makes a user administrator at
  login, a view or a table of its own is refused;
- its audit chain verifies, and matches the manifest's anchor (`audit_anchor`: the number
  and hash of the chain's newest event when the backup was made, see engine.anchor), so a
  chain rebuilt or cut short is refused; an older backup without the anchor restores with a
  warning saying so;
- its records agree with the seals in its chain (engine.seal, engine.record_check: a
  swapped password hash, a flipped admin flag, an edited case or visitor); a backup from
  before the seals (schema < 0008) restores with a warning saying so, and is sealed after;
- every user was added, and every administrator made one, by an audited action (the
  `setup` event for the first administrator, `user_added` with `is_admin` for the others),
  which holds for backups from before the seals too;
- its office is this office (the hash of the office's first audit event, which a rename
  keeps): another office's backup only when the caller allows it and the confirmation,
  which must be given then, says yes;
- when the current database is too damaged to log in to, the person restoring names an
  administrator of the backup and gives that account's password, checked against the
  backup's own user table.

The confirmation (`Confirm`) is asked here, after every check and before anything is
replaced, so what it shows (office, warnings) is what was verified."""

from __future__ import annotations

import json
import sqlite3
import tempfile
from collections.abc import Callable
from contextlib import closing, suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy.exc import DBAPIError

from sopdesk.engine import integrity, record_check, tamper
from sopdesk.errors import PermissionRefused, UserError
from sopdesk.store.backup import Manifest, Verify
from sopdesk.store.backup_restore import Stage
from sopdesk.store.db import Database, make_engine
from sopdesk.store.migrate import MIGRATIONS_DIR, prepare

# objects SQLite itself may add to a database sopdesk wrote (ANALYZE / PRAGMA optimize)
_SQLITE_OWN = {"sqlite_stat1", "sqlite_stat2", "sqlite_stat3", "sqlite_stat4"}
_expected_schema: dict[str, frozenset[tuple[str, str, str, str]]] = {}


@dataclass(frozen=True)
class CurrentOffice:
    """The office whose records a restore would replace."""

    identity: str | None  # office_identity of its database
    name: str | None


@dataclass(frozen=True)
class RestorePlan:
    """What the confirmation shows: the verified backup and what it replaces."""

    file: Path
    manifest: Manifest
    office: str | None  # the backup's office, as its database says
    current_office: str | None  # None: no office here yet, or the database is unreadable
    other_office: bool  # the backup belongs to another office than the current one
    warnings: list[str] = field(default_factory=list)


Confirm = Callable[[RestorePlan], bool]


class RestoreCancelled(UserError):
    """The confirmation said no: nothing was changed. A window that asked the question says
    nothing more (the person chose it); the CLI prints the message."""


def _ro(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(Path(path).absolute().as_uri() + "?mode=ro", uri=True)


def _objects(path: Path) -> frozenset[tuple[str, str, str, str]]:
    with closing(_ro(path)) as conn:
        rows = conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master").fetchall()
    return frozenset((kind, name, table, " ".join(str(sql or "").split()))
                     for kind, name, table, sql in rows if name not in _SQLITE_OWN)


def expected_schema(revision: str) -> frozenset[tuple[str, str, str, str]]:
    """The schema objects of a new database migrated to `revision` (cached per process)."""
    if revision not in _expected_schema:
        from alembic import command  # only when restoring: a start never pays for it
        from alembic.config import Config

        with tempfile.TemporaryDirectory(prefix="sopdesk-skema-") as temp:
            path = Path(temp) / "skema.sqlite3"
            db = Database(make_engine(f"sqlite:///{path}"))
            try:
                config = Config()
                config.set_main_option("script_location", str(MIGRATIONS_DIR))
                with db.writing() as conn:
                    config.attributes["connection"] = conn
                    command.upgrade(config, revision)
            finally:
                db.dispose()
            _expected_schema[revision] = _objects(path)
    return _expected_schema[revision]


def _refused(file: Path, why: str) -> UserError:
    return UserError(f"Cadangan {file} ditolak: {why}; tidak ada yang diubah")


def check_schema(file: Path, database: Path, revision: str) -> None:
    found = _objects(database)
    expected = expected_schema(revision)
    kinds = {"table": "tabel", "index": "indeks", "trigger": "trigger", "view": "view"}
    extra = sorted(found - expected, key=lambda o: (o[0] != "trigger", o[1]))
    if extra:
        kind, name, _table, _sql = extra[0]
        known = {(k, n) for k, n, _t, _s in expected}
        what = "diubah" if (kind, name) in known else "tambahan, bukan milik sopdesk"
        raise _refused(file, f"basis datanya memuat {kinds.get(kind, kind)} {name[:100]} yang {what}")
    missing = sorted(expected - found)
    if missing:
        kind, name, _table, _sql = missing[0]
        raise _refused(file, f"basis datanya tidak memuat {kinds.get(kind, kind)} {name[:100]} "
                             "milik sopdesk")


def upgrade(file: Path, db: Database, folder: Path) -> None:
    """An older backup's unpacked copy brought to the current schema (its objects were
    checked first, so the migrations meet what they were written for)."""
    try:
        prepare(db, folder)
    except (DBAPIError, ValueError, TypeError) as exc:
        raise _refused(file, f"basis datanya tidak dapat diperbarui ke skema sekarang "
                             f"({str(getattr(exc, 'orig', None) or exc)[:200]})") from None


def check_chain(file: Path, db: Database, manifest: Manifest, stage: Stage | None = None,
                progress: record_check.Progress | None = None) -> list[str]:
    """The audit chain verifies and ends where the manifest's anchor says. `stage` is told
    "verify_chain" and "verify_records" as those checks begin (the longest part of a restore),
    `progress` the events and rows read of all there are (every record_check.TICK rows)."""
    tell: Stage = stage or (lambda _step: None)
    report = integrity.Report()
    office = _Unpacked(db)
    sealed = _sealed(manifest.schema_revision)
    with db.connect() as conn:
        book = record_check.SealBook.sized(conn) if sealed else None
        tally = record_check.Tally.of(conn, book or record_check.SealBook(), progress)
    tell("verify_chain")
    integrity.check_audit_chain(office, report, None, book, tally=tally)
    integrity.check_foreign_keys(office, report)
    if book is not None and report.ok:  # every record against the chain's seals
        tell("verify_records")
        record_check.check_records(office, report, book, tally)
    tally.end()
    if not report.ok:
        more = f" (dan {len(report.findings) - 1} temuan lain)" if len(report.findings) > 1 else ""
        raise _refused(file, f"pemeriksaan basis datanya menemukan: {report.findings[0].message}{more}")
    with db.connect() as conn:  # the anchor's count is the newest event's number
        newest = conn.exec_driver_sql("SELECT id, hash FROM audit_event ORDER BY id DESC LIMIT 1").first()
    count, head = (int(newest[0]), str(newest[1])) if newest else (0, "")
    warnings = [] if sealed else [
        f"Cadangan ini dari sebelum segel catatan (skema {manifest.schema_revision}): isi catatannya "
        "tidak dapat dibandingkan dengan log audit; catatan disegel sesudah pemulihan"]
    anchor = manifest.audit_anchor
    if anchor is None:
        return [*warnings, "Cadangan ini tidak memuat jangkar rantai audit (dibuat sopdesk versi "
                           "lama): peristiwa audit terbaru yang terpotong tidak dapat diketahui"]
    if anchor["count"] != count or anchor["head"] != head:
        raise _refused(file, f"rantai audit basis datanya ({count} peristiwa, ujung "
                             f"{str(head or '-')[:16]}) tidak sama dengan jangkar di manifest.json "
                             f"({anchor['count']} peristiwa, ujung {str(anchor['head'])[:16]})")
    return warnings


@dataclass(frozen=True)
class _Unpacked:
    """A backup's unpacked database, checked as an office without a data folder (so without an
    anchor of its own: the manifest's anchor is compared instead, in check_chain)."""

    db: Database


def _sealed(revision: str) -> bool:
    """A backup of a schema with seals (0008 on): its records are compared with them."""
    return revision.isdigit() and int(revision) >= tamper.SEALS_SINCE


def _granted_admins(conn: Any) -> tuple[set[str], dict[str, bool]]:
    """(users added by an audited action, username -> administrator per the audit log)."""
    names = dict(conn.exec_driver_sql("SELECT id, username FROM user_account").all())
    added: set[str] = set()
    admin: dict[str, bool] = {}
    rows = conn.exec_driver_sql(
        "SELECT user_id, action, detail FROM audit_event WHERE action IN ('setup', 'user_added') "
        "OR detail LIKE '%is_admin%' ORDER BY id")
    for user_id, action, detail in rows:
        try:
            data = json.loads(detail or "{}")
        except ValueError:
            data = {}
        data = data if isinstance(data, dict) else {}
        if action == "setup":
            name = names.get(user_id)
            if name is not None:
                added.add(name)
                admin[name] = True
            continue
        name = data.get("username")
        if not isinstance(name, str):
            continue
        if action == "user_added":
            added.add(name)
        if "is_admin" in data:
            admin[name] = bool(data["is_admin"])
    return added, admin


def check_users(file: Path, db: Database) -> None:
    """Every user added, every administrator made one, by an audited action."""
    with db.connect() as conn:
        added, admin = _granted_admins(conn)
        users = conn.exec_driver_sql("SELECT username, is_admin FROM user_account ORDER BY id").all()
    for username, is_admin in users:
        if username not in added:
            raise _refused(file, f"pengguna {str(username)[:50]} di basis datanya tidak pernah "
                                 "ditambahkan menurut log audit (dibuat di luar sopdesk)")
        if is_admin and not admin.get(username):
            raise _refused(file, f"pengguna {str(username)[:50]} tercatat sebagai administrator "
                                 "tanpa peristiwa audit yang memberinya hak itu (diubah di luar sopdesk)")


def _office_of(db: Database) -> tuple[str | None, str | None]:
    with db.connect() as conn:
        name = conn.exec_driver_sql("SELECT name FROM office ORDER BY id LIMIT 1").scalar()
        first = conn.exec_driver_sql("SELECT hash FROM audit_event ORDER BY id LIMIT 1").scalar()
    return name, first


def check_backup_admin(file: Path, db: Database, username: str, password: str) -> None:
    """The person restoring over a damaged database is an administrator of the backup."""
    with db.connect() as conn:
        row = conn.exec_driver_sql(
            "SELECT password_hash, is_admin, active FROM user_account WHERE username = ?",
            (str(username or "").strip().lower(),)).first()
    ok = False
    if row is not None and row[1] and row[2]:
        with suppress(VerificationError, InvalidHashError):
            ok = PasswordHasher().verify(row[0], str(password or ""))
    if not ok:
        raise PermissionRefused(f"Pemulihan ditolak: {str(username)[:50]} bukan administrator aktif "
                                f"di cadangan {file.name} atau kata sandinya salah; tidak ada yang diubah")


def verifier(file: Path | str, current: CurrentOffice | None, *, allow_other_office: bool = False,
             confirm: Confirm | None = None,
             backup_admin: tuple[str, str] | None = None, stage: Stage | None = None,
             progress: record_check.Progress | None = None) -> Verify:
    """The check store.backup.restore runs on the unpacked database (see the docstring);
    `stage` is told its longest steps (check_chain), `progress` how far they have read."""
    file = Path(file)

    def verify(database: Path, manifest: Manifest) -> list[str]:
        check_schema(file, database, manifest.schema_revision)
        db = Database(make_engine(f"sqlite:///{database}"))
        try:
            upgrade(file, db, database.parent / ".migrasi")  # read with this program's models
            if backup_admin is not None:
                check_backup_admin(file, db, *backup_admin)
            check_users(file, db)  # first: its refusal names the user
            warnings = check_chain(file, db, manifest, stage, progress)
            name, identity = _office_of(db)
        finally:
            db.dispose()
        if manifest.office is not None and manifest.office != name:
            raise _refused(file, f"kantor di manifest.json ({manifest.office[:100]}) tidak sama dengan "
                                 f"kantor di basis datanya ({str(name)[:100]})")
        if manifest.office_id is not None and manifest.office_id != identity:
            raise _refused(file, "identitas kantor di manifest.json tidak sama dengan basis datanya")
        if identity is None:
            raise _refused(file, "basis datanya tidak memuat awal rantai audit kantor")
        other = current is not None and current.identity is not None and current.identity != identity
        if other and not allow_other_office:
            here = current.name if current is not None else None
            raise UserError(f"Cadangan {file} milik kantor lain ({str(name)[:100]}), bukan kantor ini "
                            f"({str(here)[:100]}); memulihkan data kantor lain hanya dengan "
                            "pilihan --kantor-lain dan konfirmasi kedua. Tidak ada yang diubah")
        plan = RestorePlan(file, manifest, name, current.name if current else None, other, warnings)
        if other and confirm is None:
            raise UserError("Memulihkan data kantor lain memerlukan konfirmasi kedua; tidak ada yang diubah")
        if confirm is not None and not confirm(plan):
            raise RestoreCancelled("Pemulihan dibatalkan; tidak ada yang diubah")
        return warnings

    return verify


def current_office(db: Database) -> CurrentOffice | None:
    """The office of an open, readable database (None when it holds none)."""
    try:
        name, identity = _office_of(db)
    except (DBAPIError, OSError):  # a damaged or empty database has no office to compare
        return None
    if name is None and identity is None:
        return None
    return CurrentOffice(identity, name)
