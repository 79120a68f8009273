"""The user's cache folder: things sopdesk can always compute again but need not on every
start (the validated catalog, the national holidays). Files are private (0600 in a 0700
folder), written atomically, and only the newest few of a kind are kept. A cache that cannot
be read or written only means the work is done again."""

from __future__ import annotations

import os
import tempfile
from contextlib import suppress
from pathlib import Path

MAX_FILES = 16  # of one kind (prefix)


def cache_dir() -> Path:
    """SOPDESK_CACHE_DIR, or the platform's user cache folder for sopdesk."""
    override = os.environ.get("SOPDESK_CACHE_DIR")
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_cache_dir("sopdesk", appauthor=False))


def stat_line(path: Path) -> str:
    """A line that changes when the file does (name, size, modification time)."""
    try:
        st = path.stat()
    except OSError:
        return f"{path}:-"
    return f"{path}:{st.st_size}:{st.st_mtime_ns}"


def write_private(path: Path, data: bytes, prefix: str) -> None:
    """Write `data` to `path` atomically (0600); keep the newest MAX_FILES files of the same
    `prefix` in that folder."""
    folder = path.parent
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(dir=folder, prefix=".tmp-", suffix=".part")
    try:
        with os.fdopen(fd, "wb") as handle:  # mkstemp: 0600 from the start
            handle.write(data)
        os.replace(temp, path)
    except BaseException:
        with suppress(OSError):
            os.unlink(temp)
        raise
    kept = sorted(folder.glob(f"{prefix}*"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in kept[MAX_FILES:]:
        with suppress(OSError):
            old.unlink()
