"""Pointing this desk at the office's database server, once (`sopdesk connect`, Pengaturan).

The connection is tried before it is stored, so a typo in the server name or a refused login
is said at once, in one sentence, and the desk keeps working with what it had. The settings
themselves (a per-PC file, the password in a 0600 password file) are `store.connection_settings`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.exc import DBAPIError

from sopdesk.errors import UserError
from sopdesk.store import connection_settings as settings
from sopdesk.store.db import Database, make_engine


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
