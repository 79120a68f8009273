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
not).

The work is split by responsibility: the settings, names and rotation of the backup folder
(store.backup_settings), the archive format and its verification (store.backup_format), making
a backup (store.backup_make) and restoring one (store.backup_restore). This module is the one
name the engine and the tests use for all of it."""

from __future__ import annotations

from sopdesk.store.backup_format import (
    ATTACHMENTS_DIR,
    DB_MEMBER,
    FORMAT,
    FORMAT_VERSION,
    MANIFEST,
    Manifest,
    chain_anchor,
    inspect_backup,
    office_identity,
    read_manifest,
    verify_backup,
)
from sopdesk.store.backup_make import Progress, backup_due, make_backup, snapshot_server, snapshot_sqlite
from sopdesk.store.backup_restore import DataPaths, RestoreResult, Verify, database_state, restore
from sopdesk.store.backup_settings import (
    ARCHIVE_NAME,
    BACKUP_DIR,
    DEFAULT_KEEP,
    BackupSettings,
    archive_name,
    backup_folder,
    list_backups,
    load_settings,
    rotate,
    save_settings,
)

__all__ = [
    "ARCHIVE_NAME", "ATTACHMENTS_DIR", "BACKUP_DIR", "DB_MEMBER", "DEFAULT_KEEP", "FORMAT",
    "FORMAT_VERSION", "MANIFEST", "BackupSettings", "DataPaths", "Manifest", "Progress",
    "RestoreResult", "Verify", "archive_name", "backup_due", "backup_folder", "chain_anchor",
    "database_state", "inspect_backup", "list_backups", "load_settings", "make_backup",
    "office_identity", "read_manifest", "restore", "rotate", "save_settings", "snapshot_server",
    "snapshot_sqlite", "verify_backup",
]
