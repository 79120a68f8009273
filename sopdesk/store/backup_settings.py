"""Where the office's backups go and which of them are kept: the backup settings in
`pengaturan.json` (a file, not a table: no schema change, and it is readable when the database is
not), the archives' names, their listing newest first and the rotation to the newest N.
Part of store.backup (see its docstring for the whole picture)."""

from __future__ import annotations

import re
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass
from datetime import datetime, timezone, tzinfo
from pathlib import Path
from typing import Protocol

from sopdesk.errors import UserError
from sopdesk.store.db import Database
from sopdesk.store.settings_file import read_section, settings_path, write_section

BACKUP_DIR = "cadangan"
DEFAULT_KEEP = 10
ARCHIVE_NAME = re.compile(r"^sopdesk-cadangan-(\d{8}-\d{6})(?:-(\d+))?\.zip$")


class OfficeCalendar(Protocol):
    @property
    def tz(self) -> tzinfo: ...


class OfficeWorkspace(Protocol):
    """What backup and restore need of the engine's workspace (the store does not import it)."""

    @property
    def db(self) -> Database: ...
    @property
    def data_dir(self) -> Path: ...
    @property
    def attachments_dir(self) -> Path: ...
    @property
    def clock(self) -> Callable[[], datetime]: ...
    @property
    def calendar(self) -> OfficeCalendar: ...
    def close(self) -> None: ...


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


def private_dir(path: Path) -> None:
    """Create a folder readable by this user only (an existing folder is left as it is)."""
    path = Path(path)
    missing = [p for p in (path, *path.parents) if not p.exists()]
    for folder in reversed(missing):
        folder.mkdir(mode=0o700, exist_ok=True)
        with suppress(OSError):  # a FAT-formatted USB disk has no permissions to set
            folder.chmod(0o700)  # mkdir's mode is filtered by the umask


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
