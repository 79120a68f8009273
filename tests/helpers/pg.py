"""A throwaway PostgreSQL server for the tests.

The store, engine, CLI, backup and integrity tests run against SQLite and PostgreSQL. CI and
developers need no database administrator: the test session starts its own cluster (initdb +
pg_ctl) in a temporary directory on a free local port and stops it at the end. The server
refuses to run as root, so as root the binaries run through `runuser -u postgres --` on a
directory handed to that user. SOPDESK_TEST_PG_URL points the tests at an existing server
instead (a URL whose user may CREATE DATABASE); each test then gets a fresh database on it.

Kept free of pytest so that a helper process of a concurrency test can import it too.
"""

from __future__ import annotations

import contextlib
import glob
import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy.engine import make_url

ENV_URL = "SOPDESK_TEST_PG_URL"
SUPERUSER = "postgres"
SERVER_TIMEZONE = "Asia/Jayapura"  # WIT, UTC+9


class PgUnavailable(RuntimeError):
    """No PostgreSQL server can be had here; the message says why."""


def find_bindir() -> Path | None:
    """The directory of initdb/pg_ctl: `pg_config --bindir`, else the newest Debian layout."""
    candidates: list[Path] = []
    pg_config = shutil.which("pg_config")
    if pg_config:
        try:
            out = subprocess.run([pg_config, "--bindir"], capture_output=True, text=True,
                                 timeout=10, check=True).stdout.strip()
            candidates.append(Path(out))
        except (OSError, subprocess.SubprocessError):
            pass

    def version(path: str) -> float:
        try:
            return float(Path(path).parent.name)
        except ValueError:
            return 0.0

    candidates += [Path(p) for p in sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=version,
                                           reverse=True)]
    initdb = shutil.which("initdb")
    if initdb:
        candidates.append(Path(initdb).parent)
    for directory in candidates:
        if (directory / "initdb").is_file() and (directory / "pg_ctl").is_file():
            return directory
    return None


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _connect_admin(url: str):  # noqa: ANN202 - a psycopg connection
    """An autocommit psycopg connection for CREATE/DROP DATABASE."""
    import psycopg

    parsed = make_url(url)
    return psycopg.connect(host=parsed.host or "127.0.0.1", port=parsed.port or 5432,
                           user=parsed.username, password=parsed.password,
                           dbname=parsed.database or "postgres", autocommit=True, connect_timeout=10)


@dataclass
class PgServer:
    """A server the tests may create databases on; `admin_url` names its maintenance database."""

    admin_url: str
    version: str = ""
    _cluster_dir: Path | None = None
    _bindir: Path | None = None
    _as_postgres: bool = False
    _created: list[str] = field(default_factory=list)

    # --- starting and stopping ----------------------------------------------------------
    @classmethod
    def from_env(cls) -> PgServer | None:
        url = os.environ.get(ENV_URL)
        if not url:
            return None
        server = cls(admin_url=url)
        server._read_version()
        return server

    @classmethod
    def start_throwaway(cls) -> PgServer:
        try:
            import psycopg  # noqa: F401
        except ImportError:
            raise PgUnavailable("psycopg is not installed (pip install -e '.[test,postgres]')") from None
        bindir = find_bindir()
        if bindir is None:
            raise PgUnavailable("no PostgreSQL server binaries (initdb, pg_ctl) found; install the "
                                "'postgresql' package or set " + ENV_URL)
        as_postgres = hasattr(os, "geteuid") and os.geteuid() == 0
        if as_postgres and not shutil.which("runuser"):
            raise PgUnavailable("running as root and runuser is missing: cannot start PostgreSQL")
        # the server's user must reach the directory: not under root's own TMPDIR
        base = "/tmp" if as_postgres and os.path.isdir("/tmp") else None
        cluster_dir = Path(tempfile.mkdtemp(prefix="sopdesk-pg-", dir=base))
        if as_postgres:
            try:
                shutil.chown(cluster_dir, user=SUPERUSER)
            except (LookupError, OSError) as exc:
                shutil.rmtree(cluster_dir, ignore_errors=True)
                raise PgUnavailable(f"cannot hand {cluster_dir} to user {SUPERUSER}: {exc}") from None
        port = free_port()
        server = cls(admin_url=f"postgresql+psycopg://{SUPERUSER}@127.0.0.1:{port}/postgres",
                     _cluster_dir=cluster_dir, _bindir=bindir, _as_postgres=as_postgres)
        try:
            server._run("initdb", "-D", str(cluster_dir / "data"), "-A", "trust", "-U", SUPERUSER,
                        "-E", "UTF8", "--locale=C", "--no-sync")
            for attempt in range(3):  # the free port can be taken by another process before the server binds it
                try:
                    server._start_on(port)
                    break
                except PgUnavailable as exc:
                    if attempt == 2 or "Address already in use" not in str(exc):
                        raise
                port = free_port()
                server.admin_url = f"postgresql+psycopg://{SUPERUSER}@127.0.0.1:{port}/postgres"
            server._read_version()
        except BaseException as exc:
            server.stop()
            if isinstance(exc, PgUnavailable):
                raise
            raise PgUnavailable(f"the throwaway PostgreSQL cluster did not start: {exc}") from exc
        return server

    def _start_on(self, port: int) -> None:
        assert self._cluster_dir is not None
        # the server's own zone is neither UTC nor the test office's (WITA): a time handed to
        # it without its zone, or read back in the session's zone, shows as a shifted time
        options = (f"-p {port} -k {self._cluster_dir} -c listen_addresses=127.0.0.1 -c fsync=off "
                   "-c synchronous_commit=off -c full_page_writes=off -c max_connections=200 "
                   f"-c timezone={SERVER_TIMEZONE}")
        self._run("pg_ctl", "-D", str(self._cluster_dir / "data"), "-o", options,
                  "-l", str(self._cluster_dir / "log"), "-w", "-t", "60", "start")

    def _run(self, program: str, *args: str) -> None:
        if self._bindir is None:
            raise PgUnavailable(f"{program}: the PostgreSQL programs were not found")
        command = [str(self._bindir / program), *args]
        if self._as_postgres:
            command = ["runuser", "-u", SUPERUSER, "--", *command]
        done = subprocess.run(command, capture_output=True, text=True, timeout=120,
                              cwd=self._cluster_dir)
        if done.returncode != 0:
            log = ""
            if self._cluster_dir and (self._cluster_dir / "log").exists():
                log = (self._cluster_dir / "log").read_text(errors="replace")[-2000:]
            raise PgUnavailable(f"{program} failed ({done.returncode}): "
                                f"{(done.stderr or done.stdout).strip()[-2000:]} {log}".strip())

    def _read_version(self) -> None:
        try:
            with _connect_admin(self.admin_url) as conn:
                self.version = conn.execute("SHOW server_version").fetchone()[0].split()[0]
        except Exception as exc:  # noqa: BLE001 - any failure means: no usable server
            where = make_url(self.admin_url).render_as_string(hide_password=True)
            reason = " ".join(str(exc).split())
            raise PgUnavailable(f"cannot connect to PostgreSQL at {where}: {reason}") from None

    def stop(self) -> None:
        """Drop what we created on a shared server; stop and delete our own cluster."""
        if self._cluster_dir is None:
            for name in list(self._created):
                self.drop_database(name)
            return
        data = self._cluster_dir / "data"
        if (data / "postmaster.pid").exists():
            with contextlib.suppress(PgUnavailable, OSError, subprocess.SubprocessError):
                self._run("pg_ctl", "-D", str(data), "-m", "immediate", "-w", "stop")
        shutil.rmtree(self._cluster_dir, ignore_errors=True)
        self._cluster_dir = None

    # --- databases ----------------------------------------------------------------------
    def create_database(self, prefix: str = "sopdesk_test", template: str | None = None) -> str:
        """A fresh database, empty or a copy of `template` (a URL or name of a database nobody
        is connected to); returns its SQLAlchemy URL."""
        name = f"{prefix}_{uuid.uuid4().hex[:12]}"
        clause = ""
        if template:
            clause = ' TEMPLATE "{}"'.format(make_url(template).database if "://" in template else template)
        with _connect_admin(self.admin_url) as conn:
            conn.execute(f'CREATE DATABASE "{name}"{clause}')
        self._created.append(name)
        return make_url(self.admin_url).set(database=name).render_as_string(hide_password=False)

    def drop_database(self, url_or_name: str) -> None:
        name = make_url(url_or_name).database if "://" in url_or_name else url_or_name
        try:
            with _connect_admin(self.admin_url) as conn:
                # a test that leaks a connection (or a killed child process) must not keep it
                conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        except Exception:  # noqa: BLE001 - cleanup is best effort; the cluster goes anyway
            return
        if name in self._created:
            self._created.remove(name)
