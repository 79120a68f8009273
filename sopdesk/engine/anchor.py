"""The audit chain's anchor outside the database: `<data-dir>/audit-anker.json` (0600), the
number and hash of the newest event after every committed action, so that a chain cut short,
grown by events written outside sopdesk or rebuilt from an edited event no longer ends where
the anchor says, and an emptied database file is not taken for a new office.

`count` is the number of the newest event (its id: the events of a SQLite office are numbered
1..N without gaps; on PostgreSQL, where a sequence may skip numbers, it is still the newest
event's number) and `head` its hash. The same pair goes into every backup manifest
("audit_anchor") and onto the control sheet (`chain_head` reads it from a database).

Crash safety: a commit and the anchor written after it are two writes, and a crash or a power
cut may come between them (or take the anchor's last writes with it: they are not fsynced). The
last event of every action therefore carries a mark (engine.audit.with_mark: an HMAC with the
anchor's key of the event's hash without the mark, kept in its `sealed` field, so that the
chain's hash covers it), and the check accepts a chain that goes on after its anchor when its
newest event carries a valid mark. That is still tamper-evident: events appended outside sopdesk
need the key to carry a valid mark (a mark copied from another event does not fit, it covers that
event's fields and its link); a chain cut short still ends before its anchor (the anchor is only
ever written after its commit, so it never names more than the database holds: a power cut leaves
an older anchor, never a newer one); a chain rebuilt from an edited event no longer holds the
anchor's head. So the anchor is written once per action, after the commit, without fsync.
When the process cannot mark (no key yet, the first action of a process, which is when it
learns where the database's anchor lives) or the anchor does not name the head the action
follows (no anchor yet, another desk's or a restore's), the older way is kept: just
before the commit (holding the database's write lock) the anchor is written and fsynced with
the new head and the head it replaces ("before"), and a crash in between leaves an anchor that
accepts either head. Writers are serialised by a lock file beside the anchor; a desk finishing
its write never drops another desk's pending one.

The anchor after a commit is written over the file in place, into the slot of the file that does
not hold the newest anchor (engine.anchor_slots: two slots, a write number and a checksum each,
so that a power cut in the middle of that write leaves the anchor before it, not a spoilt file):
a new file and a rename per action cost more CPU than the rest of the anchor together (issue
#15). Like the rename before it, that write is not fsynced. Readers take the lock file shared
with the writers, so that a check never reads a write half done. The anchor written before a
commit, and a file in another form (an older sopdesk's single JSON, one edited by hand), are
written whole (both slots) to a temporary file, fsynced and renamed.

Keyed: the anchor carries an HMAC-SHA256 made with a key kept apart from the data, in this
user's configuration folder (`audit-kunci/<digest of the data folder>.key`, 0600, made at setup
or with the next anchor when missing, e.g. on a new PC), so that whoever rewrites the database and the anchor
together still needs the key, and an anchor deleted where its key is still found is a finding.
Without the key the anchor is written and checked unkeyed, and the check says so.

On PostgreSQL each desk keeps its own anchor in its own data folder: a desk that has not acted
for a while holds an older head, which is not tampering as long as that head is still in the
chain."""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import json
import logging
import os
import secrets
import stat
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, select

from sopdesk.engine import anchor_slots, json_text
from sopdesk.store import connection_settings
from sopdesk.store.db import DB_FILE, sqlite_path
from sopdesk.store.models import AuditEvent

log = logging.getLogger(__name__)

ANCHOR_FILE = "audit-anker.json"
ANCHOR_SIZE = anchor_slots.SIZE  # the file's size: two slots of anchor_slots.SLOT bytes
_BINARY = getattr(os, "O_BINARY", 0)  # Windows: no newline translation, the size stays exact
LOCK_FILE = "audit-anker.lock"
KEY_DIR = "audit-kunci"


@dataclass(frozen=True)
class Head:
    count: int
    head: str

    def as_dict(self) -> dict[str, Any]:
        return {"count": self.count, "head": self.head}


@dataclass(frozen=True)
class Anchor:
    head: Head
    before: Head | None = None  # a commit in flight: its head before the commit
    keyed: bool | None = None  # None: no key to check with; False: the MAC does not match
    torn: bool = False  # one of the file's two slots is spoilt: this is the anchor before it


def chain_head(conn: Connection) -> Head:
    """The newest event of a database's chain: Head(0, "") for an empty chain."""
    row = conn.execute(select(AuditEvent.id, AuditEvent.hash).order_by(AuditEvent.id.desc())
                       .limit(1)).first()
    return Head(0, "") if row is None else Head(int(row[0]), str(row[1]))


# --- the key ----------------------------------------------------------------------------------

_CONFIG_ENV = ("SOPDESK_CONFIG_DIR", "XDG_CONFIG_HOME", "HOME", "APPDATA", "LOCALAPPDATA")
# os.environ's own dict (read and written through by it) and the names in its form: os.environ.get
# decodes and encodes per call, ~1 us a name, twice an action
_ENV_DATA: Any = getattr(os.environ, "_data", None)
_ENV_KEYS = (tuple(os.environ.encodekey(name) for name in _CONFIG_ENV)
             if isinstance(_ENV_DATA, dict) and hasattr(os.environ, "encodekey") else None)
_key_paths: dict[tuple[str | None, ...], Path] = {}
_anchor_paths: dict[tuple[str, str | None], Path] = {}
# the key this process last read, with the file's identity (inode, mtime, size) then: read again
# only when the file on disk is another one
_keys: dict[Path, tuple[tuple[int, int, int], bytes | None]] = {}
# the anchor this process last wrote, with the file's bytes, the write number and the slot it is
# in: parsed again only when the file holds other bytes (another process wrote it, it was
# replaced; a write in place keeps the inode and the size, and the modification time can stay
# within one clock tick)
_written: dict[Path, tuple[bytes, Anchor, int, int]] = {}


def _identity(info: os.stat_result) -> tuple[int, int, int]:
    return info.st_ino, info.st_mtime_ns, info.st_size


def key_path(data_dir: Path) -> Path:
    """The key of one data folder, in this user's configuration folder."""
    # remembered per folder and per what the configuration folder is made of (the environment
    # platformdirs reads): asking platformdirs costs more than the rest of an anchor's write
    env = map(_ENV_DATA.get, _ENV_KEYS) if _ENV_KEYS is not None else map(os.environ.get, _CONFIG_ENV)
    remembered = (str(data_dir), *env) if os.path.isabs(data_dir) else None
    path = _key_paths.get(remembered) if remembered else None
    if path is None:
        name = hashlib.sha256(str(Path(data_dir).resolve()).encode("utf-8")).hexdigest()[:24]
        path = connection_settings.config_dir() / KEY_DIR / f"{name}.key"
        if remembered:
            _key_paths[remembered] = path
    return path


def read_key(data_dir: Path) -> bytes | None:
    path = key_path(data_dir)
    try:
        identity = _identity(os.stat(path))
    except OSError:
        _keys.pop(path, None)
        return None
    known = _keys.get(path)
    if known is not None and known[0] == identity:
        return known[1]
    try:
        text = path.read_text(encoding="ascii").strip()
        key = bytes.fromhex(text) if len(text) == 64 else None
    except (OSError, ValueError):
        return None
    _keys[path] = (identity, key)
    return key


def ensure_key(data_dir: Path) -> bytes | None:
    """The data folder's anchor key, made when there is none; None when it cannot be written."""
    key = read_key(data_dir)
    if key is not None:
        return key
    path = key_path(data_dir)
    try:
        for folder in (path.parent.parent, path.parent):  # each made 0700, not only the last
            folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        _write_private(path, secrets.token_hex(32) + "\n")
    except OSError as exc:
        log.warning("kunci jangkar audit tidak dapat dibuat (%s): %s", path, exc.strerror)
        return None
    return read_key(data_dir)


_MAC_TEXT = json_text.encoder(sort_keys=True, separators=(",", ":"))  # json.dumps's, built once


def _mac(key: bytes, body: dict[str, Any]) -> str:
    text = _MAC_TEXT(body)
    return hmac.new(key, text.encode("utf-8"), hashlib.sha256).hexdigest()


# --- the file ---------------------------------------------------------------------------------

def anchor_path(data_dir: Path, database: str | None = None) -> Path:
    """`audit-anker.json` for the data folder's own SQLite file (or no database named);
    `audit-anker-<digest of the URL>.json` for any other (a server, a --db elsewhere), so that a
    desk that switches databases (a demo first, then the office's server) never compares one
    database's chain with another's anchor."""
    if not os.path.isabs(data_dir):  # where it is depends on the working folder: not remembered
        return _anchor_path(Path(data_dir), database)
    remembered = (str(data_dir), database)
    known = _anchor_paths.get(remembered)
    if known is None:
        known = _anchor_paths[remembered] = _anchor_path(Path(data_dir), database)
    return known


def _anchor_path(data_dir: Path, database: str | None) -> Path:
    if database is None:
        return data_dir / ANCHOR_FILE
    path = sqlite_path(database)
    if path is not None and os.path.abspath(path) == os.path.abspath(data_dir / DB_FILE):
        return data_dir / ANCHOR_FILE
    name = hashlib.sha256(database.encode("utf-8")).hexdigest()[:12]
    return data_dir / f"audit-anker-{name}.json"


def _write_private(path: Path, text: str | bytes, durable: bool = True) -> os.stat_result:
    """Write a 0600 file atomically (a temporary file beside it, fsync unless not `durable`,
    rename), its folder made (0700) when missing; the file's status as written (the same file
    after the rename: its inode, size and modification time)."""
    folder, name = os.path.split(path)
    temp = os.path.join(folder, f".{name}.{os.getpid()}.tmp")
    try:
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    except FileNotFoundError:
        Path(folder).mkdir(parents=True, exist_ok=True, mode=0o700)
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        try:
            data = text.encode("utf-8") if isinstance(text, str) else text
            while data:
                data = data[os.write(fd, data):]
            if durable:
                os.fsync(fd)
            if sys.platform != "win32":
                os.fchmod(fd, 0o600)
            written = os.fstat(fd)
        finally:
            os.close(fd)
        if sys.platform == "win32":  # pragma: no cover - Windows
            os.chmod(temp, 0o600)
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp)
        raise
    return written


def _in_place(path: Path, body: dict[str, Any], key: bytes | None) -> tuple[bytes, int, int] | None:
    """Write `body` (the anchor, numbered and keyed here) into the slot of a two-slot file that
    does not hold its newest anchor; (the file's bytes now, the write number, the slot), or
    None, nothing written, when the file is missing or not such a file (0600, regular)."""
    try:
        fd = os.open(path, os.O_RDWR | _BINARY)
    except OSError:
        return None
    try:
        info = os.fstat(fd)
        if (info.st_size != ANCHOR_SIZE or not stat.S_ISREG(info.st_mode)
                or (sys.platform != "win32" and stat.S_IMODE(info.st_mode) != 0o600)):
            return None
        raw = os.read(fd, ANCHOR_SIZE + 1)
        known = _written.get(path)
        if known is not None and known[0] == raw:
            gen, index = known[2], known[3]
        else:
            try:
                found = anchor_slots.newest(raw)
            except ValueError:
                return None
            if found is None:
                return None
            gen, index = int(found[0]["gen"]), found[1]
        other = 1 - index
        slot = anchor_slots.slot_bytes(_numbered(body, gen + 1, key, other))
        anchor_slots.write_slot(fd, other, slot)
        start = other * anchor_slots.SLOT
        return raw[:start] + slot + raw[start + anchor_slots.SLOT:], gen + 1, other
    finally:
        os.close(fd)


def _numbered(body: dict[str, Any], gen: int, key: bytes | None, slot: int) -> dict[str, Any]:
    """The anchor with its write number, its slot and, keyed, its MAC (over all of them)."""
    numbered = {**body, "gen": gen, "slot": slot}
    if key is not None:
        numbered["mac"] = _mac(key, numbered)
    return numbered


class AnchorUnreadable(ValueError):
    """The anchor file exists but is not an anchor (edited, truncated)."""


def read_anchor(data_dir: Path, database: str | None = None) -> Anchor | None:
    """The anchor beside the database, None when there is none; AnchorUnreadable when the
    file is not one. Read holding the writers' lock (when there is a lock file): an anchor is
    written over in place."""
    with _reading_lock(data_dir):
        return _read_anchor(data_dir, database)


def _read_anchor(data_dir: Path, database: str | None = None) -> Anchor | None:
    path = anchor_path(data_dir, database)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise AnchorUnreadable(f"{path}: {exc.strerror}") from None
    try:
        slots = anchor_slots.newest(raw)  # None: the older form, one JSON document
        data = slots[0] if slots is not None else json.loads(raw.decode("utf-8"))
        torn = slots is not None and slots[2]
        head = Head(int(data["count"]), str(data["head"]))
        before = data.get("before")
        before = Head(int(before["count"]), str(before["head"])) if before else None
    except (ValueError, KeyError, TypeError, UnicodeDecodeError):
        raise AnchorUnreadable(f"{path}: isinya bukan jangkar rantai audit") from None
    key = read_key(data_dir)
    keyed = None
    if key is not None:
        body = {k: v for k, v in data.items() if k != "mac"}
        keyed = hmac.compare_digest(str(data.get("mac", "")), _mac(key, body))
    return Anchor(head, before, keyed, torn)


def write_anchor(data_dir: Path, head: Head, before: Head | None = None, durable: bool = True,
                 database: str | None = None) -> None:
    """Write the anchor, keyed (the key is made when this user has none for the folder). Not
    `durable`: without fsync (the anchor after a commit: lost in a power cut, the one written
    before the commit, on disk, still accepts the head)."""
    path = anchor_path(data_dir, database)
    body: dict[str, Any] = head.as_dict()
    if before is not None:
        body["before"] = before.as_dict()
    key = ensure_key(data_dir)  # a data folder moved to another PC is keyed again from here
    done = None if durable else _in_place(path, body, key)
    if done is None:
        known = _written.get(path)
        gen = known[2] + 1 if known is not None else 1
        data = anchor_slots.whole(_numbered(body, gen, key, 0), _numbered(body, gen, key, 1))
        _write_private(path, data, durable)
        done = (data, gen, 0)
    _written[path] = (done[0], Anchor(head, before, None if key is None else True), done[1], done[2])


@contextlib.contextmanager
def _locked(data_dir: Path) -> Iterator[None]:
    """An exclusive lock on the anchor among the processes of this PC. A data folder that is
    not there yet (a desk of a PostgreSQL office given a new --data-dir) is made, 0700, as
    the anchor's own write would: without it every commit's anchor hook failed."""
    path = os.path.join(data_dir, LOCK_FILE)
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    except FileNotFoundError:
        Path(data_dir).mkdir(parents=True, exist_ok=True, mode=0o700)
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        _lock(fd)
        yield
    finally:
        os.close(fd)  # closing releases the lock


@contextlib.contextmanager
def _reading_lock(data_dir: Path) -> Iterator[None]:
    """The writers' lock for a reader, when its lock file is there (every writer makes it);
    nothing is made for a read (a folder that is only read)."""
    try:
        fd = os.open(os.path.join(data_dir, LOCK_FILE), os.O_RDWR)
    except OSError:
        yield
        return
    try:
        _lock(fd)
        yield
    finally:
        os.close(fd)


def _lock(fd: int) -> None:
    if sys.platform == "win32":  # pragma: no cover - Windows
        import msvcrt

        msvcrt.locking(fd, msvcrt.LK_LOCK, 1)
    else:
        import fcntl

        fcntl.flock(fd, fcntl.LOCK_EX)


def _current(data_dir: Path, database: str | None) -> Anchor | None:
    """The anchor on disk (parsed again only when the file does not hold the bytes this
    process wrote last); called holding the lock."""
    path = anchor_path(data_dir, database)
    known = _written.get(path)
    if known is not None:
        try:
            fd = os.open(path, os.O_RDONLY | _BINARY)
        except OSError:
            return None
        try:
            same = os.read(fd, ANCHOR_SIZE + 1) == known[0]
        finally:
            os.close(fd)
        if same:
            return known[1]
    try:
        return _read_anchor(data_dir, database)
    except AnchorUnreadable:
        return None


# --- the keyed mark on a transaction's last event ------------------------------------------------
# database (its URL as Database.url shows it) -> the data folder whose anchor keeps it; learnt
# from the anchor's first write in this process (engine.tamper.keep_anchor)
_signers: dict[str, Path] = {}
_signed: dict[str, tuple[Head, Path]] = {}  # the head this process marked last, per database
MARK_LABEL = b"sopdesk-audit-mark\x1f"


def signing_key(database: str) -> tuple[Path, bytes] | None:
    """The data folder and key that mark the last event of a transaction on `database`; None
    when this process keeps no anchor for it yet, or the folder has no key."""
    data_dir = _signers.get(database)
    key = read_key(data_dir) if data_dir is not None else None
    return None if data_dir is None or key is None else (data_dir, key)


def event_mark(key: bytes, unmarked_hash: str) -> str:
    """The mark of an event: an HMAC of its hash computed without the mark (audit.mark)."""
    return hmac.new(key, MARK_LABEL + unmarked_hash.encode("ascii"), hashlib.sha256).hexdigest()[:32]


def note_marked(database: str, data_dir: Path, head: Head) -> None:
    """The transaction about to commit ends with an event marked with `data_dir`'s key."""
    _signed[database] = (head, data_dir if isinstance(data_dir, Path) else Path(data_dir))


def before_commit(data_dir: Path, old: Head, new: Head, database: str | None = None) -> None:
    """Under the database's write lock, just before the commit: either head is accepted. Not
    needed (nothing written) when the new head carries the key's mark and the anchor names the
    head this transaction follows (`old`, in the chain for sure): a crash after the commit leaves
    that anchor, which the check accepts as behind a marked event. Any other anchor (another
    desk's, one a crash left behind, one of the chain a restore replaced) is written over now,
    fsynced, as without a mark."""
    data_dir = data_dir if isinstance(data_dir, Path) else Path(data_dir)
    marked = None
    if database is not None:
        _signers[database] = data_dir
        marked = _signed.pop(database, None)
    with _locked(data_dir):
        if marked == (new, data_dir):
            now = _current(data_dir, database)
            if now is not None and now.head == old:
                return
        write_anchor(data_dir, new, before=old, database=database)


def after_commit(data_dir: Path, conn_head: Head, database: str | None = None) -> None:
    """After a commit: the plain head read from the database, unless another desk's commit is
    in flight (its pending anchor starts at this head) or a newer head is written already."""
    with _locked(data_dir):
        now = _current(data_dir, database)
        if now is not None:
            if now.before is not None and now.before == conn_head and now.head != conn_head:
                return  # another writer's commit is in flight: its anchor accepts this head too
            if now.before is None and now.head.count > conn_head.count:
                return
        write_anchor(data_dir, conn_head, durable=False, database=database)


def compare(anchor: Anchor, chain_hashes: dict[int, str], last: Head, strict: bool,
            name: str = ANCHOR_FILE, last_marked: bool = False) -> list[str]:
    """What is wrong with the chain against its anchor (messages, empty when it agrees).
    `chain_hashes` maps the event numbers the anchor names to their hashes; `last` is the
    chain's newest event. `strict`: a SQLite office, whose anchor is always the newest head
    unless the newest event carries the key's mark (`last_marked`: a crash or power cut
    after a commit, before its anchor reached the disk)."""
    accepted = [anchor.head] + ([anchor.before] if anchor.before else [])
    if last in accepted:
        return []
    problems = []
    mark = anchor.head
    if last.count < mark.count and (anchor.before is None or last.count < anchor.before.count):
        gone = mark.count - last.count
        problems.append(f"rantai audit lebih pendek daripada jangkarnya ({name}): jangkar "
                        f"mencatat {mark.count} peristiwa, basis data hanya sampai #{last.count}; "
                        f"{gone} peristiwa terbaru telah dihapus di luar sopdesk")
        return problems
    found = [h for h in accepted if chain_hashes.get(h.count) == h.head]
    if not found:
        problems.append(f"peristiwa audit #{mark.count} tidak lagi sama dengan jangkarnya "
                        f"({name}): rantai audit telah disusun ulang di luar sopdesk")
    elif strict and not last_marked:
        extra = last.count - max(h.count for h in found)
        problems.append(f"rantai audit memuat {extra} peristiwa setelah jangkarnya ({name}, "
                        f"#{mark.count}): peristiwa itu ditambahkan di luar sopdesk")
    return problems
