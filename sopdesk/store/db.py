"""The one engine factory and the one door into the data.

The engine factory (`make_engine`): a SQLite file in the user data directory by default, any
SQLAlchemy URL (PostgreSQL for a multi-desk office) on request.

The door (`Database`): every statement of the core runs through one of its ways, each with the
same error handling (`Database.storage_errors` plus `locks.busy_errors`): a full disk, a
read-only or unopenable database, an I/O error, a lost server, a busy store or text the store
cannot hold becomes the same UserError (StoreUnreachable, StoreBusy) on every way; any other
database error is a bug and passes through. Which way to use:

- `transaction()`: an ORM session in one write transaction, the write lock taken first (BEGIN
  IMMEDIATE on SQLite, the writer advisory lock on PostgreSQL); the audit commit hooks run in
  it. Every command that changes data, unless it is one of the hot paths below.
- `reading()`: an ORM session for reads (read functions, checks, reports).
- `direct()`: the documented fast path of the hot statements (a step completion and its audit
  event): a write transaction like `transaction()`, its statements prepared once and run
  straight on the DBAPI cursor (`store/direct.py`), an ORM session joined on demand.
- `direct_reading()`: the same fast path for one-statement hot reads (the inbox page).
  Both fast paths are proven on SQLite and PostgreSQL alike by tests/test_direct.py.
- `connect()`: a plain Core connection for reads in SQL (PRAGMAs, driver SQL, Alembic's
  revision lookup, the checks of a restored backup).
- `snapshot()`: a Core connection whose statements all see one moment of the store (copying
  an office, a backup of a server office).
- `writing()`: a Core connection in one write transaction holding the write lock (schema
  migrations, copying an office into an empty store).
- `probe()`: whether the store answers at all, its driver's reason when not (the integrity
  check reports that as a finding instead of an error).

Nothing outside this module touches the SQLAlchemy engine itself: `dialect`, `url` (to show),
`url_with_password` (to connect again), `sqlite_file` and `dispose()` say what a caller needs.
"""

from __future__ import annotations

import logging
import os
import re
import stat
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from sqlalchemy import Connection, Engine, create_engine
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from sopdesk import password_ahead
from sopdesk.errors import StoreUnreachable, UserError
from sopdesk.paths import APP_NAME, default_data_dir, default_log_dir  # noqa: F401 - their old home
from sopdesk.store import connection_settings, failures, locks
from sopdesk.store.direct import DirectTx
from sopdesk.store.sqlite_connect import (  # noqa: F401 - also imported from here
    BUSY_TIMEOUT_MS,
    IMMEDIATE_OPTION,
    SQLITE_PRAGMAS,
    busy_timeout_ms,
    configure_sqlite,
)

log = logging.getLogger(__name__)

DB_FILE = password_ahead.DB_FILE  # the office's SQLite file in its data folder
def resolve_url(url: str | None, data_dir: Path) -> str:
    """--db beats SOPDESK_DB beats this PC's stored connection (`sopdesk connect`) beats the
    SQLite file in the data directory."""
    url = url or os.environ.get("SOPDESK_DB") or connection_settings.configured_url()
    if url:
        return url
    return f"sqlite:///{data_dir / DB_FILE}"


def _uri_flag(value: object) -> bool:
    """The `uri` query value as SQLAlchemy's pysqlite dialect reads it (util.asbool): "true",
    "1", "yes", "on", "y", "t" in any case and spacing are true; a repeated `uri` (a tuple)
    is true; anything else it cannot read is refused here rather than failing at connect."""
    if isinstance(value, tuple):
        return bool(value)
    text = str(value).strip().lower()
    if text in ("true", "yes", "on", "y", "t", "1"):
        return True
    if text in ("false", "no", "off", "n", "f", "0"):
        return False
    raise UserError(f"Nilai uri={str(value)[:40]!r} pada alamat basis data tidak sah (pakai uri=true)")


def sqlite_path(url: str) -> Path | None:
    """The file a SQLite URL opens, or None for an in-memory database; with `uri` true (every
    spelling SQLAlchemy accepts) the SQLite URI filename's path, percent-decoded, and a
    `file://server/...` authority as the UNC path SQLite makes of it on Windows."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database or parsed.database == ":memory:":
        return None
    if "uri" in parsed.query and _uri_flag(parsed.query["uri"]) and parsed.database.startswith("file:"):
        # a SQLite URI filename, e.g. sqlite:///file:/path/db.sqlite3?mode=ro&uri=true
        if parsed.query.get("mode") == "memory":
            return None
        parts = urlsplit(parsed.database)
        path = unquote(parts.path)
        if path == ":memory:" or (not path and not parts.netloc):
            return None
        if parts.netloc and parts.netloc.lower() != "localhost":
            return Path(f"//{unquote(parts.netloc)}{path}")
        return Path(path)
    return Path(parsed.database)


MOUNTS_FILE = Path("/proc/mounts")
NETWORK_FILESYSTEMS = frozenset({
    "nfs", "nfs4", "cifs", "smb", "smb2", "smb3", "smbfs", "sshfs", "fuse.sshfs", "afs", "ceph",
    "glusterfs", "fuse.glusterfs", "9p", "davfs", "fuse.davfs2",
})


def _unescape_mount_field(field: str) -> str:
    """/proc/mounts writes space, tab, newline and backslash as octal escapes (\\040 ...)."""
    return re.sub(r"\\([0-7]{3})", lambda m: chr(int(m.group(1), 8)), field)


def network_filesystem(directory: Path, mounts_text: str | None = None) -> str | None:
    """The network file system type ("cifs", "nfs4" ...) `directory` lives on, or None.

    `mounts_text` is the content of /proc/mounts (read when not given; tests pass their own)."""
    if mounts_text is None:
        try:
            mounts_text = MOUNTS_FILE.read_text(encoding="utf-8", errors="replace")
        except OSError:
            return None
    target = Path(os.path.abspath(directory)).resolve()  # a symlink into a share counts
    best: tuple[int, str] | None = None
    for line in mounts_text.splitlines():
        fields = line.split()
        if len(fields) < 3:
            continue
        mount_point, fs_type = Path(_unescape_mount_field(fields[1])), fields[2]
        if target == mount_point or mount_point in target.parents:
            depth = len(mount_point.parts)
            if best is None or depth >= best[0]:
                best = (depth, fs_type)
    if best is not None and best[1].lower() in NETWORK_FILESYSTEMS:
        return best[1]
    return None


def _windows_remote_drive(path: Path) -> bool:
    """A mapped network drive (Z: -> \\\\server\\share) on Windows."""
    if sys.platform != "win32":  # ctypes.windll exists on Windows only
        return False
    import ctypes

    drive = os.path.splitdrive(os.path.abspath(path))[0]
    if not drive:
        return False
    drive_type: int = ctypes.windll.kernel32.GetDriveTypeW(drive + "\\")
    return drive_type == 4  # DRIVE_REMOTE


def refuse_network_share(database: str, mounts_text: str | None = None) -> None:
    """Refuse a SQLite file on a network share: its file locking is unreliable over SMB/NFS,
    so two desks (or one desk and a flaky link) corrupt the database and lose cases."""
    raw = database.replace("\\", "/")
    if raw.startswith(("//?/", "//./")):  # a Windows long path: a share only as \\?\UNC\...
        raw = "//" + raw[4:][4:] if raw[4:].upper().startswith("UNC/") else raw[4:]
    where = None
    if raw.startswith("//"):
        where = "folder jaringan " + database
    else:
        directory = Path(database).parent
        fs_type = network_filesystem(directory, mounts_text) if (
            mounts_text is not None or sys.platform.startswith("linux")) else None
        if fs_type:
            where = f"folder jaringan ({fs_type}) {directory}"
        elif sys.platform == "win32" and _windows_remote_drive(Path(database)):
            where = "drive jaringan " + os.path.splitdrive(os.path.abspath(database))[0]
    if where:
        raise UserError(
            f"Basis data SQLite tidak boleh disimpan di {where}: penguncian berkas SQLite tidak "
            "andal lewat jaringan (SMB/NFS), sehingga data bisa rusak atau hilang; simpan berkasnya "
            "di disk lokal PC ini, atau untuk beberapa meja pakai server PostgreSQL "
            "(--db postgresql://server/sopdesk)"
        )


def refuse_special_file(path: Path) -> None:
    """An existing database path must be a regular file: a FIFO would block the open for
    ever, a device or a folder is no database."""
    try:
        info = os.stat(path)
    except OSError:
        return  # missing (created below) or unreadable: SQLite says so when it opens it
    if not stat.S_ISREG(info.st_mode):
        raise UserError(f"Basis data {path} bukan berkas biasa (folder, pipa atau perangkat); "
                        "sebutkan berkas basis data sopdesk (--db / --data-dir)")


def make_engine(url: str) -> Engine:
    """Every engine hides statement parameters (hide_parameters=True): an error's text, which
    reaches the log, then never holds a NIK, a name or a password hash that a failing
    INSERT/UPDATE carried."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise UserError(f"Alamat basis data tidak sah: {connection_settings.mask_url(url)!r}") from None
    if parsed.get_backend_name() == "sqlite":
        path = sqlite_path(url)
        if path is not None:  # where the file really is: a symlink into a share counts
            refuse_network_share(str(path) if str(path).startswith("//") else os.path.realpath(path))
            refuse_special_file(path)
        if path is not None and parsed.query.get("mode", "rwc") == "rwc":  # not for mode=ro / rw
            try:
                path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
                if not path.exists():  # readable by this user only; SQLite gives -wal/-shm the same
                    os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))
            except OSError as exc:
                raise UserError(f"Basis data {path} tidak dapat dibuat ({exc.strerror}); periksa "
                                "foldernya atau pilih yang lain (--data-dir / --db)") from None
        # LIFO: the connection used last is handed out again. With FIFO, once the pool held two
        # connections each action ran on the one that had not seen the last commit, and lost
        # its page cache to it (strace: pread64 3375 -> 231 over 13 PAW cases).
        engine = create_engine(url, connect_args={"timeout": busy_timeout_ms() / 1000}, hide_parameters=True,
                               pool_use_lifo=True)
        configure_sqlite(engine)
        return engine
    try:
        if parsed.get_backend_name() == "postgresql":
            # pre-ping: a connection the server dropped (restart, network) is replaced unnoticed
            return create_engine(url, pool_pre_ping=True, pool_use_lifo=True, hide_parameters=True,
                                 connect_args=connection_settings.connect_args(url))
        return create_engine(url, pool_pre_ping=True, hide_parameters=True)
    except NoSuchModuleError:
        raise UserError(f"Jenis basis data {parsed.get_backend_name()!r} tidak dikenal; pakai "
                        "sqlite:///BERKAS atau postgresql://...") from None
    except ModuleNotFoundError as exc:
        raise UserError(
            f"Driver basis data untuk {parsed.get_backend_name()} belum terpasang ({exc.name})"
        ) from None


def begin_snapshot(conn: Connection) -> Connection:
    """Start a read transaction on `conn` that sees one moment of the store for every
    statement; the connection to use for it is returned (`Database.snapshot`)."""
    if conn.dialect.name == "postgresql":
        conn = conn.execution_options(isolation_level="REPEATABLE READ")
        conn.begin()
        conn.exec_driver_sql("SET TRANSACTION READ ONLY")
    else:
        conn.begin()
        conn.exec_driver_sql("SELECT count(*) FROM sqlite_master").all()  # takes the snapshot now
    return conn


# Run inside every write transaction of `Database.transaction()` / `direct()` just before it
# commits, with its connection; each returns what `Database.after_commit` hooks receive. The
# engine's audit log registers here (it writes the transaction's audit events, sealed with the
# rows the transaction changed, at this point): the store itself knows nothing of the log.
COMMIT_HOOKS: list[Callable[[Connection], Any]] = []


class Database:
    """An engine plus a session factory; `transaction()` is one unit of work."""

    def __init__(self, engine: Engine):
        self.engine = engine
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        self._immediate = engine.execution_options(**{IMMEDIATE_OPTION: True})  # same pool
        # every writing transaction takes the write lock first (store.locks)
        self._writers = sessionmaker(self._immediate, expire_on_commit=False)
        if engine.dialect.name == "postgresql":
            locks.configure_postgres(engine, busy_timeout_ms())
        # set by the engine (sopdesk.engine.tamper): says whether the office's records were
        # found changed outside sopdesk with no administrator having seen it yet (read at every
        # write, so a check or an acknowledgement in another process counts at once)
        self.hold_source: Callable[[], str | None] | None = None
        # called just before / after every write transaction commits, with what the commit hooks
        # returned (the engine writes the audit chain's anchor beside the database there)
        self.before_commit: list[Callable[[list[Any]], None]] = []
        self.after_commit: list[Callable[[list[Any]], None]] = []

    @property
    def hold(self) -> str | None:
        """Why writes are refused now (a check's findings wait for an administrator), or None."""
        return self.hold_source() if self.hold_source is not None else None

    def _refuse_when_held(self, held_ok: bool) -> None:
        message = None if held_ok else self.hold
        if message is not None:
            raise UserError(message)

    def _before_commit(self, conn: Connection) -> list[Any]:
        outcome = [hook(conn) for hook in COMMIT_HOOKS]
        self._run(self.before_commit, outcome)
        return outcome

    def _after_commit(self, outcome: list[Any]) -> None:
        """The transaction is committed: nothing here may undo it or fail the action."""
        self._run(self.after_commit, outcome)

    @staticmethod
    def _run(hooks: list[Callable[[list[Any]], None]], outcome: list[Any]) -> None:
        if not any(outcome):
            return
        for hook in hooks:
            try:
                hook(outcome)
            except Exception:  # noqa: BLE001 - a note beside the records; the log says why
                log.exception("commit hook failed")

    @property
    def url(self) -> str:
        return self.engine.url.render_as_string(hide_password=True)

    @property
    def dialect(self) -> str:
        """The store's kind: "sqlite" or "postgresql"."""
        return self.engine.dialect.name

    @property
    def url_with_password(self) -> str:
        """The URL to connect again with (a restore reopens the office after closing it); never
        shown or logged: `url` is the one to show."""
        return self.engine.url.render_as_string(hide_password=False)

    def same_store(self, other: Database) -> bool:
        """Whether both name the same database (their full URLs, passwords included, agree)."""
        return self.url_with_password == other.url_with_password

    @property
    def sqlite_file(self) -> Path | None:
        """The SQLite file of this store, or None for a server (or an in-memory database)."""
        return sqlite_path(self.url_with_password)

    @contextmanager
    def transaction(self, held_ok: bool = False) -> Iterator[Session]:
        """Commit on success, roll back on error; a full disk or a read-only database
        becomes a UserError (after the rollback: nothing of this unit is kept). The write lock
        is taken first (BEGIN IMMEDIATE; the writer lock on PostgreSQL): a busy store is waited
        for a bounded time, then StoreBusy."""
        self._refuse_when_held(held_ok)
        with self.storage_errors(), locks.busy_errors():
            with self._writers() as session, session.begin():
                locks.writer(session)
                yield session
                session.flush()
                outcome = self._before_commit(session.connection())
            self._after_commit(outcome)

    @contextmanager
    def direct(self) -> Iterator[DirectTx]:
        """One write transaction for a hot path: prepared statements straight on the DBAPI
        connection (`store.direct`), an ORM session joined to it on demand; committed on
        success (the on-demand session flushed first), rolled back on error. Takes the write
        lock first, as `transaction()` does. On SQLite BEGIN IMMEDIATE and COMMIT go straight to
        the driver too (`DirectTx.begun`: SQLAlchemy's begin and commit with their events cost
        more than a step's statements, issue #15); on a server, SQLAlchemy's transaction."""
        self._refuse_when_held(False)
        on_driver = self.engine.dialect.name == "sqlite"
        with (self.storage_errors(), locks.busy_errors(),
              (self.engine if on_driver else self._immediate).connect() as conn):
            tx = DirectTx(conn)
            try:
                with tx.begun() if on_driver else conn.begin():
                    locks.writer(tx)
                    yield tx
                    tx.flush()
                    outcome = self._before_commit(conn)
            finally:
                tx.close()
        self._after_commit(outcome)

    @contextmanager
    def writing(self) -> Iterator[Connection]:
        """A Core connection in one write transaction holding the write lock from its start
        (schema migrations): committed on success, rolled back on error."""
        with self.storage_errors(), locks.busy_errors(), self._immediate.begin() as conn:
            locks.writer(conn)
            yield conn

    @contextmanager
    def direct_reading(self) -> Iterator[DirectTx]:
        """Prepared reads straight on the DBAPI connection, each statement its own snapshot
        (for one-statement hot reads such as the inbox page)."""
        with self.storage_errors(), locks.busy_errors(), self.engine.connect() as conn:
            tx = DirectTx(conn)
            try:
                yield tx
            finally:
                tx.close()

    @contextmanager
    def connect(self) -> Iterator[Connection]:
        """A plain Core connection for reads, with the same error handling as every other way in."""
        with self.storage_errors(), locks.busy_errors(), self.engine.connect() as conn:
            yield conn

    @contextmanager
    def snapshot(self) -> Iterator[Connection]:
        """A Core connection in one read-only transaction whose statements all see one moment
        of the store (REPEATABLE READ on PostgreSQL, one read transaction on SQLite), for a
        read of many statements that must agree with each other (copying a whole office)."""
        with self.connect() as conn:
            yield begin_snapshot(conn)

    def ping(self) -> None:
        """One trivial query: StoreUnreachable while the server cannot be reached."""
        with self.connect() as conn:
            conn.exec_driver_sql("SELECT 1")

    def probe(self) -> str | None:
        """None when the store answers a trivial query, else the driver's reason: for the
        integrity check, which reports a store it cannot read as a finding, not as an error."""
        try:
            with self.engine.connect() as conn:
                conn.exec_driver_sql("SELECT 1").all()
        except DBAPIError as exc:
            return str(exc.orig)
        return None

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """An ORM session for reads (WAL: never blocked by a writer, only by an exclusive lock
        such as a crashed desk's recovery; then waited for, bounded, like a write)."""
        with self.storage_errors(), locks.busy_errors(), self._sessions() as session:
            yield session

    @contextmanager
    def storage_errors(self) -> Iterator[None]:
        """Translate a storage failure (disk full, read-only, cannot open, I/O error) into a
        UserError the user can act on; any other database error is a bug and passes through."""
        try:
            yield
        except DBAPIError as exc:
            if failures.server_unreachable(exc):
                log.warning("server basis data tidak terjangkau (%s): %s", self.url, exc.orig)
                raise StoreUnreachable() from None
            if failures.nul_in_text(exc):
                raise UserError(failures.NUL_TEXT) from None
            if not isinstance(exc, OperationalError):
                raise
            path = sqlite_path(self.url)
            message = failures.storage_problem(exc, str(path) if path is not None else self.url)
            if message is None:
                raise
            log.error("penyimpanan gagal (%s): %s", self.url, exc.orig)
            raise UserError(message) from None
        except UnicodeEncodeError:
            # text holding lone surrogates (a broken paste, an odd file name) cannot be stored
            raise UserError("Teks berisi karakter yang tidak sah (bukan Unicode yang utuh); ketik ulang "
                            "teks itu") from None

    def dispose(self) -> None:
        self.engine.dispose()
