"""Schema versions: a fresh database is created at head, an older one is copied aside and
upgraded, a newer one (from a later sopdesk) is refused.

Alembic (and the Mako and Pygments it brings) is imported only when a database has to be
created or upgraded: the everyday start reads the stored revision with one query and the
head from the migration files' own `revision = ...` lines, and finds nothing to do."""

from __future__ import annotations

import re
import sqlite3
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, inspect, text
from sqlalchemy.exc import DBAPIError

from sopdesk.errors import UserError
from sopdesk.store.db import Database, sqlite_path

if TYPE_CHECKING:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

MIGRATIONS_DIR = Path(__file__).with_name("migrations")
_REVISION = re.compile(r"""^revision\s*(?::[^=\n]*)?=\s*['"]([^'"]+)['"]\s*$""", re.M)
_DOWN = re.compile(r"""^down_revision\s*(?::[^=\n]*)?=\s*(?:['"]([^'"]+)['"]|None)\s*$""", re.M)


def _config() -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def _script() -> ScriptDirectory:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(_config())


def file_head() -> str | None:
    """The head revision read from the migration files' text, or None when the files say
    something only Alembic can read (a merge, a branch, files not found): ask Alembic then."""
    links: dict[str, str | None] = {}
    try:
        files = sorted((MIGRATIONS_DIR / "versions").glob("*.py"))
        for path in files:
            source = path.read_text(encoding="utf-8")
            revision = _REVISION.search(source)
            if revision is None:
                continue  # __init__.py
            down = _DOWN.search(source)
            if down is None:
                return None
            links[revision.group(1)] = down.group(1)
    except OSError:
        return None
    heads = set(links) - set(links.values())
    return heads.pop() if len(heads) == 1 else None


def head_revision() -> str:
    return _head(_script())


def _head(script: ScriptDirectory) -> str:
    head = script.get_current_head()
    if head is None:  # the migration scripts ship with the program: never without a revision
        raise RuntimeError(f"no schema revision in {MIGRATIONS_DIR}")
    return head


def known_revisions() -> set[str]:
    """Every schema revision this program can open (and upgrade from)."""
    return {rev.revision for rev in _script().walk_revisions()}


def current_revision(db: Database) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with db.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def _stored_revision(db: Database) -> str | None:
    """The revision in alembic_version, read with one query (None: no such table or row)."""
    try:
        with db.connect() as conn:
            return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
    except DBAPIError:
        return None


def backup_sqlite(source: Path, target: Path) -> Path:
    """Copy a live SQLite database with the online backup API (never a file copy)."""
    target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    with sqlite3.connect(source) as src, sqlite3.connect(target) as dst:
        src.backup(dst)
    target.chmod(0o600)
    return target


def prepare(db: Database, backup_dir: Path) -> str:
    """Bring the database to the current schema; return what was done (for the log).

    Several desks may start at once on a new or older database: the schema is decided and
    changed under the write lock (`Database.writing`), the state read again once it is held,
    so one desk migrates and the others find the work done."""
    head = file_head()
    if head is not None and _stored_revision(db) == head:
        return "current"  # the everyday start: no write lock needed, no Alembic import
    script = _script()
    head = _head(script)
    if current_revision(db) == head:
        return "current"
    with db.writing() as conn:
        return _upgrade(db, conn, script, head, backup_dir)


def _upgrade(db: Database, conn: Connection, script: ScriptDirectory, head: str, backup_dir: Path) -> str:
    from alembic import command
    from alembic.runtime.migration import MigrationContext

    current = MigrationContext.configure(conn).get_current_revision()
    if current == head:
        return "current"  # another desk did it meanwhile
    if current is None:
        tables = set(inspect(conn).get_table_names())
        if tables:
            raise UserError(
                "Basis data ini bukan basis data sopdesk (berisi tabel lain tanpa versi skema)"
            )
    else:
        known = {rev.revision for rev in script.walk_revisions()}
        if current not in known:
            raise UserError(
                "Basis data ini dibuat oleh versi sopdesk yang lebih baru "
                f"(skema {current}); perbarui sopdesk sebelum membukanya"
            )
        path = sqlite_path(db.url)
        if path is not None and path.exists():
            stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
            backup_sqlite(path, backup_dir / f"sebelum-migrasi-{current}-{stamp}.sqlite3")
    config = _config()
    config.attributes["connection"] = conn
    command.upgrade(config, "head")
    return "created" if current is None else f"upgraded from {current}"
