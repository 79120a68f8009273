"""Per-test offices without per-test migrations and catalog reads.

Alembic on every test's empty SQLite file and PyYAML on the bundled catalog for every test's
new data folder cost each test about a second. Here both happen once per session:

- `make_sqlite_template` migrates one SQLite file to the newest schema and returns its bytes
  (the WAL checkpointed into the file first, so the file alone is the whole database);
  `place_sqlite_template` writes them as a test's database (0600, as `make_engine` creates
  it), and when the template ever holds audit events, the data folder gets the anchor of that
  chain (engine.anchor: an office whose chain is longer than its missing anchor says is held
  as tampered).
- `catalog_once` keeps the loaded catalog of the bundled folder for every data folder whose
  own catalog folder holds no SOP file: the production cache (catalog.cache) keys on every
  folder's path, so each test's fresh data folder missed it; a folder with files of its own
  is keyed as before.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
from collections.abc import Callable
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sopdesk.engine.anchor import Head, chain_head, write_anchor
from sopdesk.store.db import DB_FILE

CachedCatalog = Callable[[list[Path], Callable[[], Any]], Any]


@dataclass(frozen=True)
class SqliteTemplate:
    content: bytes  # the database file
    head: Head  # its audit chain's newest event (Head(0, "") for none)


def make_sqlite_template(folder: Path) -> SqliteTemplate:
    """A database file at the newest schema (nothing else: no office, no catalog rows)."""
    from sopdesk.store.db import Database, make_engine, resolve_url
    from sopdesk.store.migrate import prepare

    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    db = Database(make_engine(resolve_url(None, folder)))
    try:
        prepare(db, folder / "cadangan")
        with db.engine.connect() as conn:
            head = chain_head(conn)
    finally:
        db.dispose()
    path = folder / DB_FILE
    with sqlite3.connect(path) as conn:  # settle the WAL into the file: the file is the database
        busy, _, _ = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    if busy:
        raise RuntimeError(f"template {path}: the WAL could not be checkpointed")
    wal = path.with_name(path.name + "-wal")
    if wal.exists() and wal.stat().st_size:
        raise RuntimeError(f"template {path}: the WAL still holds pages")
    return SqliteTemplate(path.read_bytes(), head)


def place_sqlite_template(template: SqliteTemplate, data_dir: Path) -> None:
    """The template as the data folder's database, unless the folder has one already; a
    template chain with events gets its anchor, as if this office had written them."""
    data_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    path = data_dir / DB_FILE
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return
    with os.fdopen(fd, "wb") as handle:
        handle.write(template.content)
    if template.head.count:
        write_anchor(data_dir, template.head)


def catalog_once(real: CachedCatalog) -> CachedCatalog:
    """`real` (catalog.cache.cached_catalog) keyed without the folders that hold no SOP file."""
    from sopdesk.catalog.registry import catalog_files

    def cached(directories: list[Path], load: Callable[[], Any]) -> Any:
        with_files = [d for d in directories if catalog_files(Path(d))]
        return real(with_files or list(directories), load)

    return cached


# --- the set-up office and its staff, once per session ------------------------------------------
#
# Setting up the office and making one user per role (an Argon2 hash, an audited commit and an
# fsynced anchor each: about a second a test) is the same work for most tests. The first test
# does it for real, and its database is kept as it was before and after; every later test whose
# database is EXACTLY that "before" (every row of every table compared; the clock at the same
# moment; the same password hasher; no commit listener but the anchor's; the same files in the
# data folder, the anchor at the same head) gets the "after" copied into its open database
# (SQLite's backup API: the workspace's connections see it), the anchor of its chain, and the
# workspace's calendar read again, which is what the step leaves behind. Any difference, and the
# test does the work itself, as before. SQLite only: a PostgreSQL test always does it itself
# (tried: dropping its database and creating it again from a recorded one costs 0.25 s, as much
# as making the staff and ten times the set-up).


def database_digest(path: Path) -> str:
    """A digest of every row of every table of a SQLite file (its content, not its layout)."""
    digest = hashlib.sha256()
    with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as conn:
        tables = [row[0] for row in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        for table in tables:
            digest.update(f"\0table {table}\0".encode())
            rows = sorted(repr(row) for row in conn.execute(f'SELECT * FROM "{table}"'))  # noqa: S608 - names from sqlite_master
            for row in rows:
                digest.update(row.encode("utf-8", "surrogateescape") + b"\0")
    return digest.hexdigest()


def _head(path: Path) -> Head:
    with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as conn:
        row = conn.execute("SELECT id, hash FROM audit_event ORDER BY id DESC LIMIT 1").fetchone()
    return Head(int(row[0]), str(row[1])) if row else Head(0, "")


def _settle(path: Path) -> None:
    with closing(sqlite3.connect(path)) as conn:
        busy, _, _ = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    if busy:
        raise RuntimeError(f"{path}: the WAL could not be checkpointed")


@dataclass(frozen=True)
class Situation:
    """What a step depends on besides the database: compared before a step is replayed."""

    now: object  # the clock's reading
    hasher: tuple[int, int, int]  # the password hasher's time cost, memory cost, parallelism
    files: frozenset[str]  # the names in the data folder
    head: Head  # the anchor's head (Head(0, "") without an anchor)


def situation(ws: Any) -> Situation | None:
    """The workspace's situation, None when its steps are never replayed (not the data
    folder's own SQLite file, another commit listener, an anchor in flight or not keyed)."""
    from sopdesk.engine import users
    from sopdesk.engine.anchor import AnchorUnreadable, read_anchor
    from sopdesk.store.db import sqlite_path

    path = sqlite_path(ws.db.url)
    own = Path(ws.data_dir) / DB_FILE
    if path is None or os.path.abspath(path) != os.path.abspath(own):
        return None
    if len(ws.db.before_commit) != 1 or len(ws.db.after_commit) != 1:  # tamper.keep_anchor's
        return None
    try:
        found = read_anchor(ws.data_dir, ws.db.url)
    except AnchorUnreadable:
        return None
    if found is not None and (found.before is not None or found.keyed is not True):
        return None
    hasher = users._hasher  # noqa: SLF001 - the hasher conftest's fast_password_hashing sets
    return Situation(ws.clock(), (hasher.time_cost, hasher.memory_cost, hasher.parallelism),
                     frozenset(p.name for p in Path(ws.data_dir).iterdir()),
                     found.head if found is not None else Head(0, ""))


@dataclass(frozen=True)
class Step:
    """A step done once: the database and situation before it, the database after it."""

    before: str  # database_digest
    situation: Situation
    after: Path  # a settled SQLite file
    head: Head  # the newest audit event after it
    result: Any


class Steps:
    """The session's recorded steps, by name and situation."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.kept: dict[tuple[str, Situation, str], Step] = {}

    def run(self, name: str, ws: Any, work: Callable[[], Any]) -> Any:
        """`work()`'s result: replayed when this step was recorded from the same database and
        situation, else done (and recorded when the workspace can be replayed at all)."""
        now = situation(ws)
        if now is None:
            return work()
        database = Path(ws.data_dir) / DB_FILE
        _settle(database)
        before = database_digest(database)
        step = self.kept.get((name, now, before))
        if step is not None:
            self._replay(ws, database, step)
            return step.result
        result = work()
        _settle(database)
        after = self.folder / f"{name}-{len(self.kept)}.sqlite3"
        after.parent.mkdir(parents=True, exist_ok=True)
        with closing(sqlite3.connect(database)) as src, closing(sqlite3.connect(after)) as dst:
            src.backup(dst)
        self.kept[(name, now, before)] = Step(before, now, after, _head(after), result)
        return result

    @staticmethod
    def _replay(ws: Any, database: Path, step: Step) -> None:
        from sopdesk.engine.anchor import LOCK_FILE

        with closing(sqlite3.connect(step.after)) as src, \
                closing(sqlite3.connect(database, timeout=30)) as dst:
            src.backup(dst)
        if step.head.count:
            write_anchor(ws.data_dir, step.head, database=ws.db.url)
            os.close(os.open(Path(ws.data_dir) / LOCK_FILE, os.O_RDWR | os.O_CREAT, 0o600))
        ws.reset_calendar()
