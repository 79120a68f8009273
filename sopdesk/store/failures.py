"""What a database error means for the person at the desk: a storage failure (disk full,
read-only, cannot open, I/O error), a lost server, or text the store cannot hold. The one error
handling of `store.db.Database.storage_errors` asks these questions on every way into the data,
for SQLite and PostgreSQL alike; anything they do not recognise is a bug and stays an error."""

from __future__ import annotations

from sqlalchemy.exc import DBAPIError, OperationalError

# SQLite primary result codes (sqlite3.Error.sqlite_errorcode & 0xFF) and, for drivers without
# them, the message fragments that name the same failures
_STORAGE_PROBLEMS = (
    (13, ("database or disk is full", "no space left on device"),
     "Penyimpanan penuh: perubahan ini tidak tersimpan (data yang sudah tersimpan tetap aman); "
     "kosongkan ruang disk lalu ulangi"),
    (8, ("attempt to write a readonly database", "read-only file system"),
     "Basis data hanya-baca ({where}): perubahan ini tidak tersimpan (data yang sudah tersimpan "
     "tetap aman); periksa izin tulis berkas dan foldernya lalu ulangi"),
    (14, ("unable to open database file",),
     "Basis data tidak dapat dibuka ({where}): periksa bahwa folder dan berkasnya ada dan boleh "
     "ditulis, lalu ulangi; tidak ada perubahan yang tersimpan"),
    (10, ("disk i/o error",),
     "Kesalahan baca/tulis disk pada basis data ({where}): perubahan ini tidak tersimpan; periksa "
     "disk atau media penyimpanannya lalu ulangi"),
)


def storage_problem(exc: OperationalError, where: str) -> str | None:
    """The message for a storage failure of the database at `where` (its file, or its URL
    without password), or None for any other operational error."""
    code = getattr(exc.orig, "sqlite_errorcode", None)
    text = str(exc.orig).lower()
    for primary, fragments, message in _STORAGE_PROBLEMS:
        if (code is not None and code & 0xFF == primary) or any(f in text for f in fragments):
            return message.format(where=where)
    return None


# SQLSTATE classes/codes of a lost server: 08 connection exception, 57P01-03 shutdown / cannot connect now
_LOST_SERVER_STATES = ("08", "57P01", "57P02", "57P03")
_LOST_SERVER_TEXT = (
    "connection refused", "could not connect", "connection failed", "server closed the connection",
    "connection is closed", "connection is lost", "timeout expired", "no route to host",
    "network is unreachable", "consuming input failed", "terminating connection", "connection reset",
    "connection timed out", "could not receive data", "could not send data", "is the server running",
)

_REFUSED_LOGIN_TEXT = ("authentication failed", "no password supplied", "no pg_hba.conf entry", "does not exist")


def server_unreachable(exc: DBAPIError) -> bool:
    """True when a database error means the server cannot be reached (switched off, restarted,
    network down), not that a statement is wrong. Never for a SQLite file."""
    orig = exc.orig
    if orig is None or type(orig).__module__.startswith("sqlite3"):
        return False
    text = str(orig).lower()
    if any(fragment in text for fragment in _REFUSED_LOGIN_TEXT):
        return False  # the server answered: it refuses this login (said by `desk_connection`)
    if exc.connection_invalidated:
        return True
    state = getattr(orig, "sqlstate", None) or getattr(orig, "pgcode", None) or ""
    if state and state.startswith(_LOST_SERVER_STATES):
        return True
    return any(fragment in text for fragment in _LOST_SERVER_TEXT)


NUL_TEXT = "Teks berisi karakter NUL (kode 0) yang tidak dapat disimpan; hapus karakter itu atau ketik ulang teksnya"


def nul_in_text(exc: DBAPIError) -> bool:
    """PostgreSQL text cannot hold a NUL character (psycopg refuses it before sending); SQLite
    would store it, so the engine's text cleaning refuses it too: one answer on both stores."""
    return "nul (0x00)" in str(exc.orig).lower()
