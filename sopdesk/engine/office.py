"""The office itself: its profile (name, address, letterhead logo, time zone) and the
separate demo office a new user can try the program on.

The profile is printed on every letterhead and its time zone decides every due time shown,
so it changes only through this command: an administrator, one transaction, one audit
event naming what changed. The logo is copied into the data directory (so a backup and a
moved data directory keep it) and stored by its file name, relative to that directory.

The demo office lives in its own data directory with its own SQLite file, so trying the
program can never write a case into the office's real database, whatever `--db` or
`SOPDESK_DB` say.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sopdesk.engine import audit
from sopdesk.engine.users import Actor, require_admin
from sopdesk.engine.workdays import zone
from sopdesk.engine.workspace import Workspace
from sopdesk.errors import UserError
from sopdesk.private_files import make_private, private_dir
from sopdesk.store.db import DB_FILE

LOGO_SUFFIXES = {".png": b"\x89PNG\r\n\x1a\n", ".jpg": b"\xff\xd8\xff", ".jpeg": b"\xff\xd8\xff"}
LOGO_MAX_BYTES = 5 * 1024 * 1024
DEMO_DIR = "contoh"


@dataclass(frozen=True)
class OfficeProfile:
    name: str
    address: str | None
    timezone: str
    logo: Path | None  # absolute path of the stored copy, or None


def profile(ws: Workspace) -> OfficeProfile | None:
    with ws.db.reading() as session:
        office = ws.office(session)
        if office is None:
            return None
        return OfficeProfile(office.name, office.address, office.timezone, _logo_path(ws, office.logo_path))


def update_profile(ws: Workspace, actor: Actor, *, name: str | None = None, address: str | None = None,
                   timezone: str | None = None, logo: Path | str | None = None,
                   remove_logo: bool = False) -> list[str]:
    """Change the fields given (None = unchanged; an empty address clears it). Returns the
    names of the fields that really changed; nothing changed writes nothing."""
    if name is not None:
        name = name.strip()
        if not name or len(name) > 200:
            raise UserError("Nama kantor wajib diisi (maksimal 200 karakter)")
    if address is not None:
        address = address.strip()
        if len(address) > 500:
            raise UserError("Alamat kantor terlalu panjang (maksimal 500 karakter)")
    if timezone is not None:
        try:
            zone(timezone)
        except ValueError as exc:
            raise UserError(str(exc)[:1].upper() + str(exc)[1:]) from None
    source = _check_logo(Path(logo)) if logo else None
    now = ws.clock()
    changed: dict[str, Any] = {}  # the audit event's detail
    with ws.db.transaction() as session:
        admin = require_admin(session, actor)
        office = ws.office(session)
        if office is None:
            raise UserError("Kantor belum disiapkan; jalankan penyiapan (setup) lebih dulu")
        if name is not None and name != office.name:
            office.name = changed["name"] = name
        if address is not None and (address or None) != office.address:
            office.address = changed["address"] = address or None
        if timezone is not None and timezone != office.timezone:
            office.timezone = changed["timezone"] = timezone
        if source is not None:
            office.logo_path = changed["logo"] = _store_logo(ws, source)
        elif remove_logo and office.logo_path:
            office.logo_path = None
            changed["logo"] = None
        if changed:
            audit.record(session, at=now, user_id=admin.id, action="office_updated", **changed)
    if "timezone" in changed:
        ws.reset_calendar()
    return sorted(changed)


def _check_logo(path: Path) -> Path:
    suffix = path.suffix.lower()
    if suffix not in LOGO_SUFFIXES:
        raise UserError(f"Logo harus berkas PNG atau JPG, bukan {path.name}")
    try:
        size = path.stat().st_size
        with path.open("rb") as file:
            head = file.read(8)
    except OSError as exc:
        raise UserError(f"Logo {path.name} tidak dapat dibaca: {exc.strerror or exc}") from None
    if size > LOGO_MAX_BYTES:
        raise UserError(f"Logo {path.name} terlalu besar (maksimal 5 MB)")
    if not head.startswith(LOGO_SUFFIXES[suffix]):
        raise UserError(f"Berkas {path.name} bukan gambar {suffix[1:].upper()} yang utuh")
    return path


def _store_logo(ws: Workspace, source: Path) -> str:
    """Copy the logo next to the database; the row keeps the name relative to the data dir."""
    target = ws.data_dir / f"logo{source.suffix.lower()}"
    try:
        private_dir(ws.data_dir)
        if source.resolve() != target.resolve():
            shutil.copyfile(source, target)
            make_private(target)
    except OSError as exc:
        raise UserError(f"Logo tidak dapat disalin ke {ws.data_dir}: {exc.strerror or exc}") from None
    return target.name


def _logo_path(ws: Workspace, stored: str | None) -> Path | None:
    if not stored:
        return None
    path = Path(stored)
    return path if path.is_absolute() else ws.data_dir / path


# --- the demo office ------------------------------------------------------------------------------

def demo_dir(data_dir: Path) -> Path:
    """Where the demo office of this data directory lives (never the office's own database)."""
    return Path(data_dir) / DEMO_DIR


def open_demo_office(data_dir: Path, cases: int = 300, seed: int = 1) -> tuple[Workspace, Actor]:
    """Open (building it on first use) the demo office beside `data_dir`, signed in as its
    administrator. Slow the first time (seconds): run it off the GUI thread."""
    from sopdesk.engine.demo import build_demo, demo_password

    folder = demo_dir(data_dir)
    private_dir(folder)
    ws = Workspace.open(folder, f"sqlite:///{folder / DB_FILE}")
    try:
        if not ws.is_set_up():
            build_demo(ws, cases=cases, seed=seed)
        actor = ws.login("admin", demo_password())
    except BaseException:
        ws.close()
        raise
    return ws, actor
