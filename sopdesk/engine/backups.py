"""Backup, restore and moving an office as office actions: an administrator's, recorded in
the audit log (a transfer is not: the copy's audit chain must end where the source's does, so
that the check on the target shows the same head). The mechanics (archive, manifest,
rotation, restore, copying between stores) are in sopdesk.store.backup and store.transfer; what
the CLI and the GUI read of them (a backup's manifest, the backup folder and its settings, the
state of the database a restore would replace) they read here."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import func, select

from sopdesk.engine import audit, integrity, restore_checks, tamper
from sopdesk.engine.attachments import file_sha256
from sopdesk.engine.record_check import Progress
from sopdesk.engine.restore_checks import Confirm, CurrentOffice
from sopdesk.engine.users import Actor, require_admin
from sopdesk.engine.workdays import ZONES, utcnow, zone
from sopdesk.engine.workspace import Workspace
from sopdesk.errors import PermissionRefused, UserError
from sopdesk.store import backup as store
from sopdesk.store import transfer as moving
from sopdesk.store.backup import (
    BACKUP_DIR,
    BackupSettings,
    DataPaths,
    Manifest,
    RestoreResult,
    backup_due,
    backup_folder,
    inspect_backup,
    load_settings,
    read_manifest,
)
from sopdesk.store.backup_restore import Stage
from sopdesk.store.db import Database, make_engine, sqlite_path
from sopdesk.store.models import AuditEvent, User
from sopdesk.store.restore_safety import DEFAULT_LIMITS, Limits, clean_orphans

__all__ = ["BackupSettings", "Manifest", "RestoreResult", "RestoreTarget", "backup", "backup_due", "backup_folder",
           "changed_since_last_backup", "configure", "daily_backup", "exit_backup", "exit_backup_due",
           "inspect_backup", "load_settings", "read_manifest", "restore_backup", "restore_target",
           "restore_without_login", "transfer_office"]


# Audited actions that change none of the office's records: a sign-in, and a backup (one made
# after another backup's snapshot does not make that backup stale).
UNCHANGING_ACTIONS = ("login", "backup_made")


def audit_position(ws: Workspace) -> int:
    """The newest audit event's id (0: none). Read before a backup's snapshot: every event up to
    it is in the backup (`audit_upto` of its backup_made event)."""
    with ws.db.reading() as session:
        return session.scalar(select(func.max(AuditEvent.id))) or 0


def changed_since_last_backup(ws: Workspace) -> bool:
    """Whether the office's records changed since the newest backup, if its archive is still
    where it was written: any audited action after its snapshot began other than a sign-in or
    a backup. True when there is no such backup, or its event does not say where its snapshot
    began (made by an older sopdesk)."""
    with ws.db.reading() as session:
        row = session.execute(select(AuditEvent.detail).where(AuditEvent.action == "backup_made")
                              .order_by(AuditEvent.id.desc()).limit(1)).first()
        if row is None:
            return True
        try:
            detail = json.loads(row.detail)
            upto, size = detail["audit_upto"], detail["size"]
            archive = Path(detail["folder"]) / detail["file"]
        except (ValueError, KeyError, TypeError):
            return True
        if not isinstance(upto, int) or not archive.is_file() or archive.stat().st_size != size:
            return True
        later = session.scalar(select(func.count()).select_from(AuditEvent).where(
            AuditEvent.id > upto, AuditEvent.action.not_in(UNCHANGING_ACTIONS)))
    return bool(later)


def _record_backup(ws: Workspace, path: Path, user_id: int | None, automatic: bool,
                   upto: int | None = None) -> None:
    manifest = store.read_manifest(path)
    with ws.db.transaction() as session:
        audit.record(session, at=ws.clock(), user_id=user_id, action="backup_made",
                     file=path.name, folder=str(path.parent), sha256=file_sha256(path),
                     size=path.stat().st_size, attachments=manifest.attachments,
                     schema=manifest.schema_revision, automatic=automatic, audit_upto=upto)


def backup(ws: Workspace, actor: Actor, target: Path | str | None = None) -> Path:
    """An administrator makes a backup (to `target`, a folder or a .zip name, or the
    configured folder); return the archive's path."""
    with ws.db.reading() as session:
        user = require_admin(session, actor)
    upto = audit_position(ws)
    path = store.make_backup(ws, target)
    _record_backup(ws, path, user.id, automatic=False, upto=upto)
    return path


def daily_backup(ws: Workspace) -> Path | None:
    """The automatic backup (e.g. when the application starts): one a day into the
    configured folder. Returns its path, or None when today's backup exists already."""
    if not backup_due(ws):
        return None
    upto = audit_position(ws)
    path = store.make_backup(ws)
    _record_backup(ws, path, None, automatic=True, upto=upto)
    return path


def configure(ws: Workspace, actor: Actor, folder: Path | str | None = None,
              keep: int | None = None) -> BackupSettings:
    """An administrator chooses the backup folder (None: <data dir>/cadangan) and how many
    backups to keep there."""
    with ws.db.reading() as session:
        user = require_admin(session, actor)
    settings = store.load_settings(ws.data_dir)
    settings.folder = Path(folder).expanduser() if folder else None
    if keep is not None:
        if keep < 1:
            raise UserError("Jumlah cadangan yang disimpan minimal 1")
        settings.keep = keep
    store.save_settings(ws.data_dir, settings)
    with ws.db.transaction() as session:
        audit.record(session, at=ws.clock(), user_id=user.id, action="backup_settings_changed",
                     folder=str(settings.folder) if settings.folder else None, keep=settings.keep)
    return settings


def _record_restore(result: RestoreResult, file: Path | str, username: str | None,
                    clock: Callable[[], datetime]) -> None:
    """The restored database's own history says when, from what and by whom it was restored."""
    db = Database(make_engine(result.paths.url))
    tamper.after_restore(db, result.paths.data_dir, result.migration)  # the anchor follows the restored chain
    try:
        with db.transaction() as session:
            user_id = session.scalar(select(User.id).where(User.username == username)) if username else None
            audit.record(session, at=clock(), user_id=user_id, action="backup_restored",
                         file=Path(file).name, username=username,
                         backup_created_at=result.manifest.created_at.isoformat(),
                         schema=result.manifest.schema_revision, migration=result.migration,
                         set_aside=str(result.set_aside) if result.set_aside else None)
    finally:
        db.dispose()


def restore_backup(ws: Workspace, actor: Actor, file: Path | str, *,
                   allow_other_office: bool = False, confirm: Confirm | None = None,
                   limits: Limits = DEFAULT_LIMITS, stage: Stage | None = None,
                   progress: Progress | None = None) -> RestoreResult:
    """An administrator replaces the office's records by a backup. The workspace is closed
    (open a new one afterwards); the current records are kept in cadangan/sebelum-pemulihan-*.

    The backup's database is verified before anything is replaced (engine.restore_checks):
    its schema, audit chain and anchor, its administrators, its office. Another office's
    backup needs `allow_other_office` and a `confirm` that says yes; `confirm` is asked after
    the checks, with what they found (RestorePlan); it may raise to refuse with its own
    message (restore_checks.RestoreCancelled: the person said no). `stage` is told what the
    restore does now (store.backup_restore.Stage), `progress` how far the backup's checks have
    read (events and rows, of all there are; engine.record_check.Tally), both from the thread
    that restores."""
    with ws.db.reading() as session:
        user = require_admin(session, actor)
    clock = ws.clock
    verify = restore_checks.verifier(file, restore_checks.current_office(ws.db),
                                     allow_other_office=allow_other_office, confirm=confirm, stage=stage,
                                     progress=progress)
    return store.restore(ws, file, clock=clock, verify=verify, limits=limits, stage=stage,
                         after_swap=lambda result: _record_restore(result, file, user.username, clock))


@dataclass(frozen=True)
class RestoreTarget:
    """What a restore into a data folder would replace, asked before the question is put."""

    state: str  # store.backup.database_state: "missing", "empty", "damaged" or "set_up"
    set_aside_dir: Path  # where the current records are kept (the time is filled in then)


def restore_target(data_dir: Path, url: str | None) -> RestoreTarget:
    paths = DataPaths.for_data_dir(data_dir, url)
    return RestoreTarget(store.database_state(paths),
                         paths.data_dir / BACKUP_DIR / "sebelum-pemulihan-<waktu>")


def _current_office(paths: DataPaths, state: str) -> CurrentOffice | None:
    if state != "set_up":
        return None
    db = Database(make_engine(paths.url))
    try:
        return restore_checks.current_office(db)
    finally:
        db.dispose()


def restore_without_login(data_dir: Path, url: str | None, file: Path | str,
                          clock: Callable[[], datetime] = utcnow, *,
                          backup_admin: tuple[str, str] | None = None,
                          allow_other_office: bool = False, confirm: Confirm | None = None,
                          limits: Limits = DEFAULT_LIMITS) -> RestoreResult:
    """Restore where there is nobody to log in: no database yet (a new PC), one that was
    never set up, or one too damaged to open. A database holding an office's records needs
    an administrator (restore_backup); over a damaged one, `backup_admin` (user name,
    password) must be an administrator of the backup being restored."""
    paths = DataPaths.for_data_dir(data_dir, url)
    clean_orphans(paths.data_dir)  # an interrupted restore's records back first
    state = store.database_state(paths)
    if state == "set_up":
        raise PermissionRefused("Basis data sekarang berisi data kantor: pemulihan harus dilakukan "
                                "administrator (--as USER)")
    if state == "damaged" and backup_admin is None:
        raise PermissionRefused("Basis data sekarang rusak: pemulihan memerlukan nama dan kata sandi "
                                "seorang administrator dari cadangan yang dipulihkan (--as USER)")
    office_zone = store.read_manifest(file).timezone
    tz = zone(office_zone) if office_zone in ZONES else None
    verify = restore_checks.verifier(file, _current_office(paths, state),
                                     allow_other_office=allow_other_office, confirm=confirm,
                                     backup_admin=backup_admin if state == "damaged" else None)
    username = backup_admin[0] if backup_admin and state == "damaged" else None
    return store.restore(paths, file, clock=clock, tz=tz, verify=verify, limits=limits,
                         after_swap=lambda result: _record_restore(result, file, username, clock))


def exit_backup_due(ws: Workspace) -> bool:
    """Whether closing the application writes a backup: a SQLite office (a server database is
    backed up by its server) whose records changed since the newest backup."""
    return sqlite_path(ws.db.url) is not None and changed_since_last_backup(ws)


def exit_backup(ws: Workspace, progress: store.Progress | None = None) -> Path | None:
    """The automatic backup when the application closes; None when none is due (exit_backup_due).
    `progress` (bytes written, bytes in all) is called from the thread that writes it."""
    if not exit_backup_due(ws):
        return None
    upto = audit_position(ws)
    path = store.make_backup(ws, progress=progress)
    _record_backup(ws, path, None, automatic=True, upto=upto)
    return path


# --- moving an office to another store ------------------------------------------------------

@dataclass
class _Office:
    """What `integrity.check` needs of an office that is not open as a workspace."""

    db: Database
    attachments_dir: Path


@dataclass(frozen=True)
class TransferResult:
    target: str  # the target's URL without its password
    copied: moving.CopyResult
    attachments_dir: Path | None  # where a SQLite target keeps its files
    report: integrity.Report  # `sopdesk check` of the target
    target_audit_head: str | None


def transfer_office(ws: Workspace, actor: Actor, target_url: str,
                    progress: moving.Progress | None = None) -> TransferResult:
    """An administrator copies the whole office (every table, attachments, audit chain) into
    an empty database at `target_url`: PostgreSQL from SQLite, or a new SQLite file (its
    attachments beside it in `lampiran/`) from PostgreSQL. The copy is checked as by
    `sopdesk check`; the source is left as it was."""
    with ws.db.reading() as session:
        require_admin(session, actor)
    copied = moving.transfer(ws.db, Path(ws.attachments_dir), target_url,
                             Path(ws.data_dir) / store.BACKUP_DIR, progress)
    files = moving.attachments_dir_of(target_url)
    target = Database(make_engine(target_url))
    try:
        report = integrity.check(_Office(target, files or Path(ws.attachments_dir)))
        with target.reading() as session:
            head = session.scalar(select(AuditEvent.hash).order_by(AuditEvent.id.desc()).limit(1))
    finally:
        target.dispose()
    if head != copied.audit_head:
        report.add("audit_link", "peristiwa audit terakhir di tujuan tidak sama dengan di kantor asal")
    return TransferResult(moving.shown_url(target_url), copied, files, report, head)
