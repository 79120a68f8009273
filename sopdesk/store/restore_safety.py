"""What keeps a restore safe from a hostile archive and from being killed half-way.

A backup archive comes from outside (a USB disk, another PC, an e-mail): it agrees with
itself (every member matches the sha256 in its manifest) no matter who made it. So before a
member is written anywhere, restore checks the archive's shape against limits of its own:

- the manifest is small, the database member at most `Limits.database`, an attachment at
  most `Limits.attachment` (sopdesk never stores a bigger scan), all members together at most
  `Limits.total` and what the disk of the data folder has free;
- once the database is unpacked (it is the first member written), every other member must be
  an attachment that database references (`lampiran/<stored_name>` of an `attachment` row, with
  the same sha256): a zip with one huge or thousands of unreferenced members is refused
  before any of them is read.

A restore that is killed (power cut, SIGKILL) leaves its staging folder `.pemulihan-*` in
the data folder. While a restore runs, the folder holds a locked file, so another program
never takes a running restore for an orphan. While the current records are being swapped
for the backup's, the folder also holds a journal naming what was moved where; `clean_orphans`
(called by `Workspace.open` and by every restore, before anything else) puts the previous
records back from such a journal and deletes the orphaned folder: the office is either the
old one or the restored one, never a mix or nothing."""

from __future__ import annotations

import json
import logging
import os
import shutil
import sqlite3
import sys
import time
from collections.abc import Iterable
from contextlib import closing, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from sopdesk.errors import UserError

log = logging.getLogger(__name__)

STAGING_PREFIX = ".pemulihan-"
TEMP_BACKUP_PREFIX = ".cadangan-"  # make_backup's temporary folder
LOCK_FILE = "sedang-berjalan.lock"
JOURNAL_FILE = "jurnal-pemulihan.json"
UNLOCKED_GRACE = 60  # seconds: a staging folder not yet locked may be being created
STALE_TEMP = 24 * 3600  # a backup's temporary folder older than this is an orphan
GIB = 1 << 30
MIB = 1 << 20


@dataclass(frozen=True)
class Limits:
    """How big an archive's members may be (bytes, as the zip's central directory says)."""

    database: int = 4 * GIB
    attachment: int = 100 * MIB  # engine.attachments.MAX_ATTACHMENT_BYTES
    total: int = 64 * GIB
    manifest: int = 64 * MIB


DEFAULT_LIMITS = Limits()


def _mb(n: int) -> str:
    return f"{n / MIB:,.0f} MB".replace(",", ".") if n < GIB else f"{n / GIB:.1f} GB"


def check_sizes(file: Path, sizes: dict[str, int], database: str, limits: Limits,
                free_at: Path | None) -> None:
    """Refuse an archive whose members are bigger than sopdesk ever writes, or bigger than
    the free space where they are going to be unpacked."""
    total = 0
    for name, size in sizes.items():
        limit = limits.database if name == database else limits.attachment
        if size > limit:
            what = "basis data" if name == database else "lampiran"
            raise UserError(f"Cadangan {file} ditolak: {what} {name[:200]} berukuran {_mb(size)}, "
                            f"melebihi batas {_mb(limit)}; tidak ada yang diubah")
        total += size
    if total > limits.total:
        raise UserError(f"Cadangan {file} ditolak: isinya {_mb(total)}, melebihi batas "
                        f"{_mb(limits.total)}; tidak ada yang diubah")
    if free_at is None:
        return
    with suppress(OSError):
        free = shutil.disk_usage(free_at).free
        if total > free:
            raise UserError(f"Ruang disk di {free_at.parent} tidak cukup untuk memulihkan cadangan "
                            f"{file} ({_mb(total)} diperlukan, {_mb(free)} tersedia); tidak ada "
                            "yang diubah")


def referenced_attachments(database: Path, folder: str) -> dict[str, str]:
    """`lampiran/<stored_name>` -> sha256 of every attachment row of an unpacked database."""
    uri = Path(os.path.abspath(database)).as_uri() + "?mode=ro"
    with closing(sqlite3.connect(uri, uri=True)) as conn:
        try:
            rows = conn.execute("SELECT stored_name, sha256 FROM attachment").fetchall()
        except sqlite3.DatabaseError:
            return {}
    return {f"{folder}/{stored}": str(sha) for stored, sha in rows if isinstance(stored, str)}


def refuse_unreferenced(file: Path, members: Iterable[str], referenced: dict[str, str],
                        shas: dict[str, str]) -> None:
    """Every attachment member must be one the database references, with its sha256."""
    extra = sorted(name for name in members if name not in referenced)
    if extra:
        more = f" dan {len(extra) - 1} berkas lain" if len(extra) > 1 else ""
        raise UserError(f"Cadangan {file} ditolak: berisi berkas yang tidak dirujuk basis datanya "
                        f"({extra[0][:200]}{more}); tidak ada yang diubah")
    for name in sorted(members):
        if shas.get(name) != referenced[name]:
            raise UserError(f"Cadangan {file} ditolak: sidik sha256 {name[:200]} di manifest tidak "
                            "sama dengan yang tercatat di basis datanya; tidak ada yang diubah")


# --- the running restore: lock and journal ---------------------------------------------------

def _lock(handle: IO[bytes], blocking: bool) -> bool:
    handle.seek(0)  # msvcrt locks from the file position: every locker takes the same byte
    if sys.platform == "win32":  # no fcntl there; an open file cannot be deleted there anyway
        import msvcrt

        try:
            msvcrt.locking(handle.fileno(), msvcrt.LK_LOCK if blocking else msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | (0 if blocking else fcntl.LOCK_NB))
    except OSError:
        return False
    return True


def hold_staging(staging: Path) -> IO[bytes]:
    """Lock a new staging folder for this process; keep the returned file open until done."""
    handle = open(staging / LOCK_FILE, "wb")  # noqa: SIM115 - held for the whole restore
    _lock(handle, blocking=True)
    return handle


def _fsync_dir(folder: Path) -> None:
    with suppress(OSError, AttributeError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


ANCHORS_ASIDE = "jangkar"  # the audit anchors beside the records, as they were before the restore


def keep_anchors(data_dir: Path, aside: Path) -> None:
    """Copy the audit anchors beside the database (engine.anchor: audit-anker*.json) into the
    set-aside folder before the swap: a roll-back puts them back with the records, so a kill
    after the restored chain's anchor was written never leaves old records with a new anchor."""
    anchors = sorted(data_dir.glob("audit-anker*.json"))
    if not anchors or not aside.is_dir():
        return
    folder = aside / ANCHORS_ASIDE
    folder.mkdir(mode=0o700, exist_ok=True)
    for anchor in anchors:
        shutil.copy2(anchor, folder / anchor.name)
    _fsync_dir(folder)


def put_back_anchors(data_dir: Path, aside: Path) -> None:
    """The anchors of the records that are back in place (see keep_anchors)."""
    folder = aside / ANCHORS_ASIDE
    if not folder.is_dir():
        return
    for saved in folder.iterdir():
        os.replace(saved, data_dir / saved.name)
    with suppress(OSError):
        folder.rmdir()
    _fsync_dir(data_dir)


def write_journal(staging: Path, database: Path, attachments: Path, aside: Path,
                  aside_name: str, side_files: tuple[str, ...]) -> None:
    """Before the current records are moved aside: what exists now, and where it goes."""
    keep_anchors(database.parent, aside)
    originals = [str(database) + suffix for suffix in ("", *side_files)] + [str(attachments)]
    entry = {"aside": str(aside), "aside_name": aside_name, "database": str(database),
             "attachments": str(attachments),
             "side_files": list(side_files),
             "existed": [path for path in originals if os.path.lexists(path)]}
    part = staging / (JOURNAL_FILE + ".part")
    with open(part, "w", encoding="utf-8") as out:
        json.dump(entry, out)
        out.flush()
        os.fsync(out.fileno())
    os.replace(part, staging / JOURNAL_FILE)
    _fsync_dir(staging)


def clear_journal(staging: Path, database: Path) -> None:
    """The restored records are in place (and upgraded): nothing to roll back any more."""
    _fsync_dir(database.parent)
    (staging / JOURNAL_FILE).unlink(missing_ok=True)
    _fsync_dir(staging)


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    elif os.path.lexists(path):
        path.unlink()


def _move(source: Path, target: Path) -> None:
    try:
        os.replace(source, target)
    except OSError:
        shutil.move(str(source), str(target))


def _roll_back(journal: dict[str, Any]) -> None:
    """Put the records named by an interrupted restore's journal back where they were."""
    aside = Path(journal["aside"])
    database = Path(journal["database"])
    existed = set(journal.get("existed", []))
    name = str(journal.get("aside_name") or database.name)
    pairs = [(Path(str(database) + suffix), aside / (name + suffix))
             for suffix in ("", *journal.get("side_files", []))]
    pairs.append((Path(journal["attachments"]), aside / "lampiran"))
    for original, saved in pairs:
        if os.path.lexists(saved):
            _remove(original)  # the backup's copy placed there, if it got that far
            _move(saved, original)
        elif str(original) not in existed:
            _remove(original)  # there was nothing before the restore
    put_back_anchors(database.parent, aside)
    with suppress(OSError):
        aside.rmdir()


def clean_orphans(data_dir: Path) -> list[str]:
    """Delete what killed restores (and backups) left in the data folder, after putting the
    previous records back where a restore was interrupted half-way. Returns what was done, in
    words (also logged); a folder another running restore holds is left alone."""
    done: list[str] = []
    try:
        entries = list(Path(data_dir).iterdir())
    except OSError:
        return done
    now = time.time()
    for folder in entries:
        name = folder.name
        try:
            if not folder.is_dir() or folder.is_symlink():
                continue
            if name.startswith(TEMP_BACKUP_PREFIX):
                if now - folder.stat().st_mtime > STALE_TEMP:
                    shutil.rmtree(folder, ignore_errors=True)
                continue
            if not name.startswith(STAGING_PREFIX):
                continue
            done.extend(_clean_staging(folder, now))
        except OSError as exc:
            log.warning("sisa pemulihan %s tidak dapat dibersihkan: %s", folder, exc)
    for line in done:
        log.warning("%s", line)
    return done


def _clean_staging(folder: Path, now: float) -> list[str]:
    lock = folder / LOCK_FILE
    if not lock.exists():
        if now - folder.stat().st_mtime < UNLOCKED_GRACE:
            return []  # just made by a restore that has not locked it yet
        shutil.rmtree(folder, ignore_errors=True)
        return [f"Sisa pemulihan yang terputus dihapus: {folder.name}"]
    with open(lock, "ab") as handle:
        if not _lock(handle, blocking=False):
            return []  # a restore is running
        done = []
        journal_path = folder / JOURNAL_FILE
        if journal_path.exists():
            try:
                journal = json.loads(journal_path.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                journal = None
            if isinstance(journal, dict) and {"aside", "database", "attachments"} <= set(journal):
                _roll_back(journal)
                done.append("Pemulihan dari cadangan terputus sebelum selesai; data sebelumnya "
                            f"dikembalikan ke tempatnya ({journal['database']})")
        shutil.rmtree(folder, ignore_errors=True)
    done.append(f"Sisa pemulihan yang terputus dihapus: {folder.name}")
    return done
