"""Files sopdesk writes hold office records and personal data (NIK, phone numbers, names of
requesters): every one is readable by the user running sopdesk only (0600), in folders only
that user can enter (0700), whatever the process's umask or the folder's earlier mode.

One place for "make a private folder" and "make/replace a private file", so that printouts,
the log, drafts, settings and restored attachments cannot each forget it; `restrict_umask()`
is the backstop the entry points set first, for files written by libraries (ReportLab,
SQLite's -wal/-shm, logging)."""

from __future__ import annotations

import contextlib
import os
import stat
from pathlib import Path

PRIVATE_FILE = 0o600
PRIVATE_DIR = 0o700
PRIVATE_UMASK = 0o077


def restrict_umask() -> int:
    """Make every file and folder the process creates private by default; returns the old
    umask. Called at the start of the GUI and the command line."""
    return os.umask(PRIVATE_UMASK)


def private_dir(path: Path | str) -> Path:
    """Create `path` (and missing parents) and make `path` itself 0700, also when it existed
    with a wider mode (mkdir's mode is filtered by the umask and ignored for an existing
    folder)."""
    path = Path(path)
    path.mkdir(parents=True, exist_ok=True, mode=PRIVATE_DIR)
    if os.name == "posix" and (path.stat().st_mode & 0o777) != PRIVATE_DIR:
        path.chmod(PRIVATE_DIR)
    return path


def make_private(path: Path | str) -> None:
    """Set an existing file to 0600 (a folder to 0700); nothing on Windows, where the
    user profile's ACL keeps the data directory private."""
    if os.name != "posix":
        return
    path = Path(path)
    path.chmod(PRIVATE_DIR if path.is_dir() else PRIVATE_FILE)


def private_tree(root: Path | str) -> None:
    """Make `root` and every folder and file below it private (a restored `lampiran/`,
    an extracted archive): folders 0700, files 0600; symbolic links are left alone."""
    root = Path(root)
    if os.name != "posix" or not root.is_dir() or root.is_symlink():
        return
    root.chmod(PRIVATE_DIR)
    for folder, dirs, files in os.walk(root):
        for name in dirs:
            child = Path(folder, name)
            if not child.is_symlink():
                child.chmod(PRIVATE_DIR)
        for name in files:
            child = Path(folder, name)
            if not child.is_symlink():
                child.chmod(PRIVATE_FILE)


def open_private(path: Path | str, flags: int = os.O_CREAT | os.O_WRONLY | os.O_TRUNC) -> int:
    """os.open with mode 0600, and 0600 also when the file existed with a wider mode."""
    fd = os.open(path, flags, PRIVATE_FILE)
    if os.name == "posix":
        os.fchmod(fd, PRIVATE_FILE)
    return fd


def write_private(target: Path | str, content: bytes) -> Path:
    """Replace `target` atomically with `content`, the new file 0600 from its creation (a
    crash leaves the old file or the new one, never half of one, never a readable copy).
    The folder must exist (a folder the user chose keeps its mode; a missing one is an
    OSError for the caller to report)."""
    target = Path(target)
    temp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        fd = open_private(temp)
        with os.fdopen(fd, "wb") as handle:
            handle.write(content)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, target)
    finally:
        with contextlib.suppress(OSError):
            temp.unlink(missing_ok=True)
    return target


# the data directory's own folders; their files are written 0600 as they are made
DATA_FOLDERS = ("lampiran", "cadangan", "draf-lokal", "sop_catalog")


def tighten_data_dir(data_dir: Path | str) -> None:
    """An office set up by an older sopdesk (or restored by one) kept a 0755 data directory
    and lampiran/ folders: made 0700 at every start. Folders only, and only the data
    directory, its own folders and lampiran's two-character buckets (at most 256), so it stays
    cheap for an office with many scans."""
    root = Path(data_dir)
    if os.name != "posix" or not root.is_dir() or root.is_symlink():
        return
    with contextlib.suppress(OSError):  # a folder of another user: its files are still 0600
        folders = [root, *(root / name for name in DATA_FOLDERS)]
        scans = root / "lampiran"
        if scans.is_dir() and not scans.is_symlink():
            folders += [p for p in scans.iterdir() if len(p.name) == 2 and p.is_dir() and not p.is_symlink()]
        for folder in folders:
            if folder.is_dir() and not folder.is_symlink() and stat.S_IMODE(folder.stat().st_mode) != PRIVATE_DIR:
                folder.chmod(PRIVATE_DIR)
