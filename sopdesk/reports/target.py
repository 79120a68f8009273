"""Where a printout may be written: never over sopdesk's own records, never over a file that
is not a PDF, never under a name the file system cannot hold.

`report sop PP -o <data-dir>/sopdesk.sqlite3` once replaced the live database with a PDF and
said "PDF ditulis"; `-o pengaturan.json` broke the settings. A printout goes to a folder the
user chose, outside the data directory (database, attachments, settings, backups) and outside
the other folders sopdesk keeps (log, configuration); a file already there is replaced only
when it is a PDF (an older printout)."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable
from pathlib import Path

from sopdesk.errors import UserError

PDF_MAGIC = b"%PDF"
# the printout is written as ".<name>.<pid>.sementara" next to the target, then renamed
TEMP_NAME_EXTRA = len(".") + len(".4194304.sementara")
MAX_NAME_BYTES = 255 - TEMP_NAME_EXTRA


def _shown(path: Path) -> str:
    text = str(path)
    return text if len(text) <= 160 else f"{text[:80]}...{text[-60:]}"


def _inside(path: Path, folder: Path) -> bool:
    try:
        folder = folder.resolve()
    except (OSError, RuntimeError):
        return False
    return path == folder or folder in path.parents


def protected_folders(data_dir: Path | None, database: Path | None = None) -> list[Path]:
    """The folders no printout may go into: the data directory, the SQLite database's folder
    (with --db elsewhere), the log folder and this PC's configuration folder."""
    import platformdirs

    from sopdesk.paths import APP_NAME, default_log_dir

    folders = [default_log_dir(), Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))]
    if data_dir is not None:
        folders.append(Path(data_dir))
    if database is not None:
        folders.append(Path(database).parent)
    return folders


def check_pdf_target(path: Path | str, protected: Iterable[Path] = ()) -> Path:
    """The path to write a printout to, or a UserError saying why not: a name too long, a
    folder of sopdesk's own records, a folder or device or other non-regular file, an existing
    file that is not a PDF. Called before anything is rendered."""
    path = Path(path)
    name = path.name
    if not name or name in (".", ".."):
        raise UserError(f"Berkas PDF {_shown(path)}: sebutkan nama berkas, bukan folder")
    if len(os.fsencode(name)) > MAX_NAME_BYTES:
        raise UserError(f"Nama berkas PDF terlalu panjang ({len(name)} karakter; maksimal "
                        f"{MAX_NAME_BYTES} byte): pilih nama yang lebih pendek")
    try:
        resolved = Path(os.path.abspath(path)).resolve()  # a symlink counts for where it points
    except (OSError, RuntimeError) as exc:
        raise UserError(f"Berkas PDF {_shown(path)} tidak dapat dipakai ({getattr(exc, 'strerror', None) or exc})"
                        ) from None
    for folder in protected:
        if _inside(resolved, folder):
            raise UserError(f"Berkas PDF tidak boleh ditulis di {_shown(Path(folder))}: folder itu menyimpan "
                            "data sopdesk (basis data, lampiran, pengaturan); pilih folder lain")
    try:
        info = os.stat(resolved)
    except FileNotFoundError:
        return path
    except OSError as exc:
        raise UserError(f"Berkas PDF {_shown(path)} tidak dapat dipakai ({exc.strerror or exc})") from None
    if stat.S_ISDIR(info.st_mode):
        raise UserError(f"Berkas PDF {_shown(path)} adalah folder: sebutkan nama berkas PDF di dalamnya")
    if not stat.S_ISREG(info.st_mode):
        raise UserError(f"Berkas PDF {_shown(path)} bukan berkas biasa; pilih nama berkas PDF yang lain")
    try:
        with open(resolved, "rb") as handle:
            head = handle.read(len(PDF_MAGIC))
    except OSError as exc:
        raise UserError(f"Berkas {_shown(path)} sudah ada dan tidak dapat dibaca ({exc.strerror or exc}); "
                        "pilih nama lain") from None
    if head != PDF_MAGIC and info.st_size > 0:
        raise UserError(f"Berkas {_shown(path)} sudah ada dan bukan PDF: tidak ditimpa; pilih nama lain")
    return path
