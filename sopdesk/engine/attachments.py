"""Attached files (scans of kelengkapan, outputs) copied into the data directory by sha256."""

from __future__ import annotations

import errno
import hashlib
import shutil
from pathlib import Path

from sqlalchemy.orm import Session

from sopdesk.errors import UserError
from sopdesk.store.models import Attachment

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


def attach(session: Session, store_dir: Path, source: Path | str, now) -> Attachment:  # noqa: ANN001
    """Copy `source` into the attachment store and add its row (in the caller's transaction)."""
    source = Path(source)
    try:
        if not source.is_file():
            raise UserError(f"Berkas lampiran tidak ditemukan: {_shown(source)}")
        size = source.stat().st_size
        if size > MAX_ATTACHMENT_BYTES:
            raise UserError(f"Berkas lampiran {source.name} terlalu besar ({size // (1024 * 1024)} MB; "
                            f"maksimal {MAX_ATTACHMENT_BYTES // (1024 * 1024)} MB)")
        digest = file_sha256(source)
        suffix = source.suffix.lower()[:10]
        stored_name = f"{digest[:2]}/{digest}{suffix}"
        target = store_dir / stored_name
        if not target.exists():
            store_dir.mkdir(parents=True, exist_ok=True, mode=0o700)  # the store itself private too
            target.parent.mkdir(exist_ok=True, mode=0o700)
            temp = target.with_suffix(target.suffix + ".tmp")
            try:
                shutil.copyfile(source, temp)
                temp.chmod(0o600)
                temp.replace(target)
            finally:
                temp.unlink(missing_ok=True)
    except OSError as exc:  # a path too long, unreadable, vanished; a full disk while copying
        if exc.errno == errno.ENOSPC:
            raise UserError("Penyimpanan penuh: lampiran tidak tersimpan (data yang sudah tersimpan tetap "
                            "aman); kosongkan ruang disk lalu ulangi") from None
        raise UserError(f"Berkas lampiran {_shown(source)} tidak dapat dibaca atau disalin "
                        f"({exc.strerror or exc})") from None
    row = Attachment(original_name=source.name[:255], stored_name=stored_name, sha256=digest,
                     size=size, created_at=now)
    session.add(row)
    session.flush()
    return row
