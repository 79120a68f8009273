"""A PostgreSQL cluster a test may switch off and on again (the lost-server tests) and whose
desks log in with a password (the connection tests).

The shared `pg_url` server lives for the whole session and must not be stopped under other
tests; these tests get their own small cluster: local (socket) connections for the test's own
administration are trusted, TCP connections (what a desk uses) need the role's password.
Skips with a reason when no server binaries are found, fails when CI=true.
"""

from __future__ import annotations

import contextlib
import glob
import os
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

import pytest

DESK_USER = "sopdesk"
DESK_PASSWORD = "Kata-Sandi-Rahasia-77"


def _bindir() -> Path | None:
    for directory in sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True):
        if Path(directory, "pg_ctl").is_file():
            return Path(directory)
    found = shutil.which("pg_ctl")
    return Path(found).parent if found else None


def unavailable(reason: str) -> None:
    if os.environ.get("CI") == "true":
        pytest.fail(f"PostgreSQL is required in CI: {reason}")
    pytest.skip(reason)


class Cluster:
    def __init__(self) -> None:
        bindir = _bindir()
        if bindir is None:
            unavailable("no PostgreSQL server binaries (pg_ctl) found")
        try:
            import psycopg  # noqa: F401
        except ImportError:
            unavailable("psycopg is not installed")
        self.bindir = bindir
        self.running = False
        self.as_postgres = hasattr(os, "geteuid") and os.geteuid() == 0
        self.root = Path(tempfile.mkdtemp(prefix="sopdesk-pgc-"))
        if self.as_postgres:
            shutil.chown(self.root, user="postgres")
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            self.port = sock.getsockname()[1]
        self._run("initdb", "-D", str(self.root / "data"), "-U", "postgres", "--auth-local=trust",
                  "--auth-host=scram-sha-256", "-E", "UTF8", "--locale=C", "--no-sync")
        self.start()
        self.sql(f"CREATE ROLE {DESK_USER} LOGIN CREATEDB PASSWORD '{DESK_PASSWORD}'")

    def _run(self, program: str, *args: str) -> None:
        command = [str(self.bindir / program), *args]
        if self.as_postgres:
            command = ["runuser", "-u", "postgres", "--", *command]
        done = subprocess.run(command, capture_output=True, text=True, timeout=120, cwd=self.root)
        if done.returncode != 0:
            raise RuntimeError(f"{program} failed: {done.stderr}{done.stdout}")

    def start(self) -> None:
        if self.running:
            return
        options = (f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1 -c fsync=off "
                   "-c synchronous_commit=off")
        self._run("pg_ctl", "-D", str(self.root / "data"), "-o", options, "-l", str(self.root / "log"),
                  "-w", "-t", "60", "start")
        self.running = True

    def stop(self) -> None:
        """Switch the server off, as a desk sees a PC being shut down: open sessions are cut."""
        if not self.running:
            return
        self._run("pg_ctl", "-D", str(self.root / "data"), "-m", "fast", "-w", "stop")
        self.running = False

    def sql(self, statement: str, dbname: str = "postgres") -> None:
        import psycopg

        with psycopg.connect(host=str(self.root), port=self.port, user="postgres", dbname=dbname,
                             autocommit=True) as conn:
            conn.execute(statement)

    def new_database(self, name: str) -> str:
        """A fresh database owned by the desk's role; its URL (no password in it)."""
        self.sql(f"CREATE DATABASE {name} OWNER {DESK_USER}")
        return f"postgresql+psycopg://{DESK_USER}@127.0.0.1:{self.port}/{name}"

    def close(self) -> None:
        with contextlib.suppress(RuntimeError):
            self.stop()
        shutil.rmtree(self.root, ignore_errors=True)
