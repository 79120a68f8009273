"""Pointing this desk at the office's database server, once (`sopdesk connect`, Pengaturan).

The connection is tried before it is stored, so a typo in the server name or a refused login
is said at once, in one sentence, and the desk keeps working with what it had. The settings
themselves (a per-PC file, the password in a 0600 password file) are `store.connection_settings`.

It is also what a command needs to know of a database address before (or instead of) opening
the office: the SQLite file it names, a file on a network share refused, and SQLAlchemy's
errors for an unreadable file said in one sentence, so that the CLI never imports the store.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.exc import ArgumentError, DatabaseError, DBAPIError

from sopdesk.errors import UserError
from sopdesk.store import connection_settings as settings
from sopdesk.store import db as store_db
from sopdesk.store.connection_settings import PASSWORD_ENV, mask_url, refuse_password_in
from sopdesk.store.db import Database, make_engine

__all__ = ["PASSWORD_ENV", "DatabaseUnreadable", "DeskConnection", "check", "connect", "current",
           "database_file", "disconnect", "mask_url", "refuse_network_share", "refuse_password_in",
           "unreadable_as_error", "unreadable_database"]


@dataclass(frozen=True)
class DeskConnection:
    url: str | None  # masked; None: the local SQLite file of the data directory
    config_file: Path
    has_password: bool


def current() -> DeskConnection:
    url = settings.configured_url()
    return DeskConnection(settings.mask_url(url) if url else None, settings.config_path(),
                          settings.passfile_path().exists())


def _refusal(exc: DBAPIError, url: str) -> str | None:
    text = str(exc.orig).lower()
    shown = settings.mask_url(url)
    if "password authentication failed" in text or "no password supplied" in text:
        return (f"Login ke server basis data ditolak ({shown}): nama pengguna atau kata sandi salah")
    if "no pg_hba.conf entry" in text:
        return (f"Server basis data menolak PC ini ({shown}): izinkan alamat PC ini di pg_hba.conf "
                "server, lalu muat ulang PostgreSQL")
    if "does not exist" in text:
        return f"Basis data atau pengguna pada alamat {shown} belum ada di server; buat dulu (createdb/createuser)"
    return None


def check(url: str, password: str | None) -> None:
    """Open one connection to `url` with `password`: StoreUnreachable when the server cannot be
    reached, a UserError naming a refused login or a missing database."""
    parsed = settings.parse_url(url)
    if password:
        parsed = parsed.set(password=password)
    db = Database(make_engine(parsed.render_as_string(hide_password=False)))
    try:
        try:
            db.ping()
        except DBAPIError as exc:
            message = _refusal(exc, url)
            if message is None:
                raise
            raise UserError(message) from None
    finally:
        db.dispose()


def connect(url: str, password: str | None, verify: bool = True) -> DeskConnection:
    """Store `url` as this desk's database (after trying it, unless `verify` is False)."""
    parsed = settings.refuse_password_in(url)  # before anything is tried or stored
    if parsed.get_backend_name() not in ("postgresql", "sqlite"):
        raise UserError(f"Jenis basis data {parsed.get_backend_name()!r} tidak didukung; pakai "
                        "postgresql+psycopg://pengguna@server/sopdesk")
    if verify:
        check(url, password)
    settings.save_connection(url, password)
    return current()


def disconnect() -> bool:
    """Back to the local SQLite file of the data directory."""
    return settings.forget_connection()


# --- a database address before the office is opened -------------------------------------------

def database_file(url: str | None, data_dir: Path) -> Path | None:
    """The SQLite file the office's database is (--db, SOPDESK_DB, this desk's connection or the
    data folder's file), or None for a server, an in-memory database or an address SQLAlchemy
    cannot read (opening the office says what is wrong with it)."""
    try:
        return store_db.sqlite_path(store_db.resolve_url(url, data_dir))
    except ArgumentError:
        return None


def refuse_network_share(database: Path) -> None:
    """A UserError for a SQLite file on a network share (store.db.refuse_network_share)."""
    store_db.refuse_network_share(str(database))


class DatabaseUnreadable(Exception):  # noqa: N818 - named as the state it reports
    """The database file could not be opened as a database; `detail` is the driver's words."""

    def __init__(self, detail: str):
        super().__init__(detail)
        self.detail = detail


@contextmanager
def unreadable_as_error() -> Iterator[None]:
    """SQLAlchemy's DatabaseError escaping the block (a file that is no database, or damaged
    beyond opening) as a DatabaseUnreadable, for a caller that reports it instead of failing."""
    try:
        yield
    except DatabaseError as exc:
        raise DatabaseUnreadable(str(exc.orig)) from exc


# SQLite's primary result codes for a file that is no database / a damaged one
_SQLITE_NOTADB, _SQLITE_CORRUPT = 26, 11


def unreadable_database(exc: BaseException) -> str | None:
    """The message for a --db / data file that is not a SQLite database or is damaged beyond
    opening (SQLITE_NOTADB, SQLITE_CORRUPT), else None."""
    if not isinstance(exc, DatabaseError):
        return None
    code = getattr(exc.orig, "sqlite_errorcode", None)
    text = str(exc.orig).lower()
    if (code is not None and code & 0xFF == _SQLITE_NOTADB) or "file is not a database" in text:
        return ("Berkas basis data bukan basis data SQLite sopdesk (atau rusak berat): periksa --db / "
                "--data-dir, atau pulihkan dari cadangan ('sopdesk restore')")
    if (code is not None and code & 0xFF == _SQLITE_CORRUPT) or "malformed" in text:
        return ("Basis data rusak dan tidak dapat dibaca: jalankan 'sopdesk check', lalu pulihkan dari "
                "cadangan yang utuh ('sopdesk restore')")
    return None
