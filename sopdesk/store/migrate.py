"""Schema versions: a fresh database is created at head, an older one is copied aside and
upgraded, a newer one (from a later sopdesk) is refused."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, inspect

from sopdesk.errors import UserError
from sopdesk.store.db import Database, sqlite_path

MIGRATIONS_DIR = Path(__file__).with_name("migrations")


def _config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def head_revision() -> str:
    return ScriptDirectory.from_config(_config()).get_current_head()


def known_revisions() -> set[str]:
    """Every schema revision this program can open (and upgrade from)."""
    return {rev.revision for rev in ScriptDirectory.from_config(_config()).walk_revisions()}


def current_revision(db: Database) -> str | None:
    with db.engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


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
    script = ScriptDirectory.from_config(_config())
    head = script.get_current_head()
    if current_revision(db) == head:
        return "current"  # the everyday start: no write lock needed
    with db.writing() as conn:
        return _upgrade(db, conn, script, head, backup_dir)


def _upgrade(db: Database, conn: Connection, script: ScriptDirectory, head: str, backup_dir: Path) -> str:
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
