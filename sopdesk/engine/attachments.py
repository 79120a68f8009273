"""Attached files (scans of kelengkapan, outputs) copied into the data directory by sha256.

Where the scans live: a SQLite office is one PC, so its data directory (`lampiran/`) holds
them. A PostgreSQL office has several desks, each with its own data directory, so the content
is also stored in the database (`attachment_blob`, keyed by sha256, bytea) in the same
transaction as the row that refers to it; a desk's `lampiran/` is then only a local cache,
filled from the database when a file is opened there (`local_file`). In the database rather
than on a shared folder: one thing to set up, back up and move, the same permissions and
transaction as the records, and no SMB share that one desk cannot see."""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import stat
import uuid
from datetime import datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from sopdesk.errors import UserError
from sopdesk.private_files import open_private, private_dir, write_private
from sopdesk.store.models import Attachment, AttachmentBlob

MAX_ATTACHMENT_BYTES = 100 * 1024 * 1024


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _shown(path: Path) -> str:
    text = str(path)
    return text if len(text) <= 200 else f"{text[:120]}...{text[-60:]}"


def keeps_blobs(session: Session | None = None, dialect: str | None = None) -> bool:
    """True for a store whose scans are kept in the database (every store but SQLite)."""
    if dialect is not None:
        name = dialect
    elif session is not None:
        name = session.get_bind().dialect.name
    else:
        raise TypeError("keeps_blobs needs a session or a dialect name")
    return name != "sqlite"


def store_blob(session: Session, digest: str, content: bytes) -> None:
    """Add a file's content to `attachment_blob` unless it is there (two desks attaching the
    same scan at once: the second insert does nothing on PostgreSQL)."""
    if session.get_bind().dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert

        session.execute(insert(AttachmentBlob).values(sha256=digest, size=len(content), content=content)
                        .on_conflict_do_nothing(index_elements=["sha256"]))
    elif session.scalar(select(AttachmentBlob.sha256).where(AttachmentBlob.sha256 == digest)) is None:
        session.add(AttachmentBlob(sha256=digest, size=len(content), content=content))
        session.flush()


def _write_atomically(target: Path, content: bytes) -> None:
    private_dir(target.parent)
    write_private(target, content)


def local_file(session: Session, store_dir: Path, row: Attachment) -> Path:
    """The path of an attachment's file on this desk; for a PostgreSQL office the file is
    written from the database when this desk does not have it yet (attached on another desk).
    A file that cannot be written here keeps its path: opening it says it is missing."""
    target = Path(store_dir) / row.stored_name
    if target.is_file() or not keeps_blobs(session):
        return target
    content = session.scalar(select(AttachmentBlob.content).where(AttachmentBlob.sha256 == row.sha256))
    if content is not None and hashlib.sha256(content).hexdigest() == row.sha256:
        try:
            Path(store_dir).mkdir(parents=True, exist_ok=True, mode=0o700)
            _write_atomically(target, bytes(content))
        except OSError:
            pass
    return target


def _copy_hashed(source: Path, temp: Path) -> tuple[str, int]:
    """Copy `source` into `temp` (created 0600) in one read, hashing while copying: the digest
    is that of the bytes stored, even when the source changes meanwhile (a file still being
    written, /proc/uptime). Only a regular file is read (a FIFO, a device or /proc/self/pagemap
    would block or never end), and the size limit counts the bytes read, not what stat says
    (/proc files say 0)."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(source, flags)  # O_NONBLOCK: opening a FIFO without a writer must not hang
    info = os.fstat(fd)
    if not stat.S_ISREG(info.st_mode):
        os.close(fd)
        raise UserError(f"Berkas {_shown(source)} bukan berkas biasa (folder, perangkat, pipa atau berkas "
                        "sistem); pilih berkas pindaian")
    with os.fdopen(fd, "rb") as src:
        if info.st_size > MAX_ATTACHMENT_BYTES:
            raise _too_big(source, info.st_size)
        digest = hashlib.sha256()
        size = 0
        out = open_private(temp)
        with os.fdopen(out, "wb") as dst:
            for block in iter(lambda: src.read(1 << 20), b""):
                size += len(block)
                if size > MAX_ATTACHMENT_BYTES:
                    raise _too_big(source, size)
                if size > info.st_size:  # growing while read, or a /proc pseudo-file that says 0
                    raise UserError(f"Berkas {_shown(source)} berubah selama dibaca atau bukan berkas biasa; "
                                    "pilih berkas pindaian yang sudah selesai ditulis")
                digest.update(block)
                dst.write(block)
            dst.flush()
            os.fsync(dst.fileno())
    return digest.hexdigest(), size


def _too_big(source: Path, size: int) -> UserError:
    return UserError(f"Berkas lampiran {source.name[:120]} terlalu besar (lebih dari {size // (1024 * 1024)} MB; "
                     f"maksimal {MAX_ATTACHMENT_BYTES // (1024 * 1024)} MB)")


def attach(session: Session, store_dir: Path, source: Path | str, now: datetime) -> Attachment:
    """Copy `source` into the attachment store and add its row (in the caller's transaction).
    The file is read once: copied and hashed together into a private temporary file, which
    becomes the stored file (and, for a PostgreSQL office, the stored blob)."""
    source = Path(source)
    temp: Path | None = None
    try:
        if not source.exists():
            raise UserError(f"Berkas lampiran tidak ditemukan: {_shown(source)}")
        store_dir = Path(store_dir)
        private_dir(store_dir)  # the store itself private too
        temp = store_dir / f".masuk-{os.getpid()}-{uuid.uuid4().hex}.tmp"
        digest, size = _copy_hashed(source, temp)
        suffix = source.suffix.lower()[:10]
        stored_name = f"{digest[:2]}/{digest}{suffix}"
        target = store_dir / stored_name
        content = temp.read_bytes() if keeps_blobs(session) else None
        if not target.exists():
            private_dir(target.parent)
            temp.replace(target)
    except OSError as exc:  # a path too long, unreadable, vanished; a full disk while copying
        if exc.errno == errno.ENOSPC:
            raise UserError("Penyimpanan penuh: lampiran tidak tersimpan (data yang sudah tersimpan tetap "
                            "aman); kosongkan ruang disk lalu ulangi") from None
        if exc.errno == errno.ENOENT and not source.exists():
            raise UserError(f"Berkas lampiran tidak ditemukan: {_shown(source)}") from None
        raise UserError(f"Berkas lampiran {_shown(source)} tidak dapat dibaca atau disalin "
                        f"({exc.strerror or exc})") from None
    finally:
        if temp is not None:
            with contextlib.suppress(OSError):
                temp.unlink(missing_ok=True)
    if content is not None:
        store_blob(session, digest, content)
    row = Attachment(original_name=source.name[:255], stored_name=stored_name, sha256=digest,
                     size=size, created_at=now)
    session.add(row)
    session.flush()
    return row
