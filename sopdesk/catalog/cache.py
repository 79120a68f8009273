"""The validated catalog, kept between runs: reading the YAML files and validating them is
most of what a command line call does besides its own work (PyYAML's pure-Python parser
spends a few hundred milliseconds on the bundled SOPs), and the files rarely change.

One cache file per set of catalog folders, in the user's cache folder (0600 in a 0700
folder), named by a digest of everything the result depends on: the program's version, the
Python version, the catalog code's own files and every catalog file's name, size and content
(its bytes hashed: an edit that keeps the size and the modification time, or a file restored
with an older one, still counts; the ~64 KB of the bundled SOPs hash in ~0.1 ms). A changed,
added or removed file gives another name, so a stale catalog is never read; only the newest
few are kept (sopdesk.usercache). Anything that goes wrong with the
cache (unreadable, written by another version, a read-only disk) only means that the files
are read as before."""

from __future__ import annotations

import hashlib
import pickle
import sys
from collections.abc import Callable, Iterable
from contextlib import suppress
from pathlib import Path
from typing import Any

from sopdesk import __version__
from sopdesk.usercache import cache_dir, write_private

FORMAT = 1
PREFIX = "katalog-"


def catalog_key(directories: Iterable[Path]) -> str:
    """The digest of everything a loaded catalog depends on."""
    from sopdesk.catalog.registry import catalog_files

    lines = [f"format {FORMAT}", f"sopdesk {__version__}", f"python {sys.version}"]
    code = Path(__file__).parent
    with suppress(OSError):  # a bundled program may keep its code in an archive: its version says it
        lines.extend(content_line(path) for path in sorted(code.glob("*.py")))
    for directory in directories:
        directory = Path(directory).absolute()
        lines.append(f"folder {directory}")
        lines.extend(content_line(path) for path in catalog_files(directory))
    return hashlib.sha256("\n".join(lines).encode("utf-8", "surrogateescape")).hexdigest()


def content_line(path: Path) -> str:
    """A line that changes when the file's content does: its name, size and the digest of its
    bytes (at most the loader's limit and one more are read: a larger file is refused by the
    loader whatever it holds, and its size is in the line)."""
    from sopdesk.catalog.problems import MAX_FILE_BYTES

    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            digest = hashlib.sha256(handle.read(MAX_FILE_BYTES + 1)).hexdigest()
    except OSError:
        return f"{path}:-"
    return f"{path}:{size}:{digest}"


def cached_catalog(directories: list[Path], load: Callable[[], Any]) -> Any:
    """The catalog of `directories`: from the cache when nothing it depends on changed,
    otherwise `load()`, which is then kept for the next run. Errors of `load()` (a broken
    catalog) are raised as they are and nothing is kept."""
    path: Path | None = None
    try:
        path = cache_dir() / f"{PREFIX}{catalog_key(directories)}.pickle"
        with path.open("rb") as handle:
            return pickle.load(handle)  # noqa: S301 - our own file, in our own 0700 folder
    except Exception:  # noqa: BLE001, S110 - no cache, or an unusable one: read the files
        pass
    catalog = load()
    if path is not None:
        with suppress(Exception):
            write_private(path, pickle.dumps(catalog, protocol=pickle.HIGHEST_PROTOCOL), PREFIX)
    return catalog
