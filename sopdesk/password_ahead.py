"""Argon2 started ahead of the login that needs it (issue #15).

A password check costs some 0.25 s of CPU in Argon2 (its parameters stay), and argon2-cffi
releases the GIL while it runs. So a caller that knows the password and can read the stored
hash early (the command line: SOPDESK_PASSWORD and a raw read of the SQLite file before
SQLAlchemy is imported; the login dialog: at the click on Masuk) starts the verification here
on a thread of its own, and the login (`engine.users.check_login`) takes its answer instead of
verifying again, while the program's imports and reads run beside it on the other core.

Nothing is decided here: an answer is the Argon2 verification of exactly one (stored hash,
password) pair, a pure function of the two, and the login uses it only for that same pair, so a
hash read early that is not the one the login reads (changed meanwhile, another file) is simply
not used. The login still does everything else as before (the user's state, the lockout, the
failure count and audit, the tamper checks), and nothing is written or shown before it has the
answer. An answer is taken once: the next login with the same pair verifies again. This module
imports nothing heavy (the command line imports it before SQLAlchemy)."""

from __future__ import annotations

import contextlib
import os
import sqlite3
import threading
from pathlib import Path

DB_FILE = "sopdesk.sqlite3"  # the office's SQLite file in its data folder (store.db.DB_FILE)
USER_HASH_SQL = "SELECT password_hash FROM user_account WHERE username = ?"
_lock = threading.Lock()


class _Verification:
    """One Argon2 verification on a daemon thread (a command ending early does not wait for it)."""

    def __init__(self, stored: str, password: str, one_thread: bool = False):
        self.matched: bool | None = None  # None: unknown (an error), the login verifies itself
        self.one_thread = one_thread
        self._thread = threading.Thread(target=self._run, args=(stored, password), daemon=True,
                                        name="sopdesk-argon2")
        self._thread.start()

    def _run(self, stored: str, password: str) -> None:
        try:
            from argon2 import PasswordHasher
            from argon2.exceptions import InvalidHashError, VerificationError

            with contextlib.suppress(Exception):  # verified below, as without one_thread
                if self.one_thread and _matches_on_one_thread(stored, password):
                    self.matched = True
                    return
            try:
                PasswordHasher().verify(stored, password)  # the hash names its own parameters
                self.matched = True
            except (VerificationError, InvalidHashError):
                self.matched = False
        except BaseException:  # noqa: BLE001, S110 - no answer: the login verifies as before
            pass

    def result(self) -> bool | None:
        self._thread.join()
        return self.matched

    def running(self) -> bool:
        return self._thread.is_alive()


def _matches_on_one_thread(stored: str, password: str) -> bool:
    """Argon2 of `password` with the stored hash's own parameters and salt, its lanes computed
    on this one thread, equals the stored hash. argon2-cffi's verify runs one thread per lane
    (p=4): beside the command line's imports, which hold the other core, four threads on a
    two-core office PC take that core's share from the imports, while one thread leaves it to
    them (the lanes are the parameter, the threads only how they are computed: the same hash).
    Only a match is taken from here: anything else (another form of hash, an error, a wrong
    password) is verified by PasswordHasher as before."""
    import base64
    import hmac

    from argon2 import extract_parameters
    from argon2.low_level import core as argon2_ctx
    from argon2.low_level import ffi, lib

    params = extract_parameters(stored)
    salt, digest = (base64.b64decode(part + "=" * (-len(part) % 4)) for part in stored.split("$")[-2:])
    secret = password.encode("utf-8")
    out, pwd, salt_buffer = ffi.new("uint8_t[]", len(digest)), ffi.new("uint8_t[]", secret), ffi.new("uint8_t[]", salt)
    context = ffi.new("argon2_context *", {
        "out": out, "outlen": len(digest), "pwd": pwd, "pwdlen": len(secret), "salt": salt_buffer,
        "saltlen": len(salt), "t_cost": params.time_cost, "m_cost": params.memory_cost,
        "lanes": params.parallelism, "threads": 1, "version": params.version,
        "flags": lib.ARGON2_DEFAULT_FLAGS})
    if argon2_ctx(context, params.type.value) != lib.ARGON2_OK:
        return False
    return hmac.compare_digest(bytes(ffi.buffer(out, len(digest))), digest)


_pending: dict[tuple[str, str], _Verification] = {}
_typed: dict[str, str] = {}  # user name as given to --as -> the password typed at the early prompt


def start(stored: str, password: str, one_thread: bool = False) -> None:
    """Begin verifying `password` against `stored` (once per pair until its answer is taken);
    `one_thread` for a caller whose own work runs on the other core meanwhile (the command
    line's imports: _matches_on_one_thread), else Argon2's lanes run on threads of their own,
    the quickest answer when nothing else runs (the login dialog)."""
    key = (stored, password)
    with _lock:
        if key not in _pending:
            _pending[key] = _Verification(stored, password, one_thread)


def take(stored: str, password: str) -> bool | None:
    """The answer for exactly this pair if it was started here (waiting for it), else None;
    the answer is forgotten once taken."""
    with _lock:
        verification = _pending.pop((stored, password), None)
    return None if verification is None else verification.result()


def wait(stored: str, password: str) -> None:
    """Wait for the answer of this pair if it was started here (it stays to be taken)."""
    with _lock:
        verification = _pending.get((stored, password))
    if verification is not None:
        verification.result()


def busy() -> bool:
    """A verification not taken yet is still running (one at a time is enough: each holds
    Argon2's 64 MiB and its threads)."""
    with _lock:
        return any(verification.running() for verification in _pending.values())


def forget() -> None:
    """Drop every answer not taken and every password typed ahead (a login that ended without
    asking)."""
    with _lock:
        _pending.clear()
        _typed.clear()


def keep_typed(username: str, password: str) -> None:
    """The password the terminal user typed for `username` before the command's imports (the
    command line asks first and imports while it is typed); the login takes it once."""
    with _lock:
        _typed[username] = password


def take_typed(username: str) -> str | None:
    """The password typed ahead for `username` (as given to --as), once; None when none was."""
    with _lock:
        return _typed.pop(username, None)


def stored_hash(database: Path, username: str) -> str | None:
    """The user's stored hash read straight from a SQLite file (nothing created, written, locked
    or checkpointed), or None when the file, the table or the user is not there or the file
    cannot be read now."""
    name = str(username or "").strip().lower()
    if not name or "\x00" in name or not os.path.isfile(database):
        return None
    try:
        connection = sqlite3.connect(f"{Path(database).absolute().as_uri()}?{_open_mode(database)}", uri=True,
                                     timeout=0.2, check_same_thread=False)
        try:
            row = connection.execute(USER_HASH_SQL, (name,)).fetchone()
        finally:
            connection.close()
    except (sqlite3.Error, ValueError, OSError):
        return None
    return row[0] if row and isinstance(row[0], str) else None


def _open_mode(database: Path) -> str:
    """How to open the file without writing to its folder: read-only through the -wal and -shm
    files while a connection keeps them (the newest changes are in the -wal), else as an
    immutable file, which is then whole (mode=ro alone would create the two files beside a
    closed office). Should the last connection close in between, mode=ro makes the two empty
    files that SQLite makes at any open; a change missed only gives an answer nobody uses."""
    wal, shm = (Path(f"{database}{suffix}") for suffix in ("-wal", "-shm"))
    return "mode=ro" if wal.exists() and shm.exists() else "mode=ro&immutable=1"


def start_for_file(database: Path, username: str, password: str, one_thread: bool = False) -> bool:
    """Start verifying the user's password against the hash the SQLite file holds (start());
    False when there was nothing to start."""
    stored = stored_hash(database, username) if password else None
    if stored is None:
        return False
    start(stored, password, one_thread)
    return True
