"""What a workspace does about tampering: it keeps the audit chain's anchor beside the database
after every action (engine.anchor), it refuses a new office over a data folder whose anchor says
there was one, and once a check found the records changed outside sopdesk it refuses every
action until an administrator has seen the findings.

The hold is a file beside the database (`audit-temuan.json`, 0600) written by the check that
found something (`remember`) and removed only by an administrator's acknowledgement, which is
itself recorded in the audit log (`acknowledge`). While it is there, `Database.transaction()` /
`direct()` refuse every write (store.db `hold`) except logging in and the acknowledgement, with
one Indonesian sentence that says what to do. A clean check does not lift it: the edits may
have been undone, but somebody made them and an administrator must know.

On PostgreSQL the data folder is the desk's own: the hold stops the desk whose check found the
problem (each desk's start-up check finds the same problem on the shared records)."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from types import SimpleNamespace
from typing import Any, Protocol

from sqlalchemy import select, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from sopdesk.engine import anchor, audit, seal
from sopdesk.engine.record_check import Store
from sopdesk.engine.users import Actor, require_admin
from sopdesk.errors import Conflict, PermissionRefused, UserError
from sopdesk.store.models import USER_SEAL_EVENTS, AuditEvent, User


class HeldOffice(Store, Protocol):
    """What a hold needs of an open office (engine.workspace.Workspace, named here by shape so
    that the workspace, which attaches the hold, and this module import no circle)."""

    @property
    def data_dir(self) -> Path: ...

    @property
    def clock(self) -> Callable[[], datetime]: ...


HOLD_FILE = "audit-temuan.json"
MAX_KEPT = 2000  # findings an acknowledgement records


def hold_path(data_dir: Path) -> Path:
    return Path(data_dir) / HOLD_FILE


@dataclass(frozen=True)
class Hold:
    checked_at: str
    findings: list[str]
    users: list[int] = field(default_factory=list)  # users whose own record was found changed

    def message(self) -> str:
        return (f"Pemeriksaan keutuhan pada {self.checked_at} menemukan {len(self.findings)} catatan yang "
                "diubah di luar sopdesk; semua tindakan ditolak sampai seorang administrator melihat "
                "temuannya: jalankan 'sopdesk check --acknowledge --as ADMIN', lalu pulihkan dari "
                "cadangan yang utuh bila perlu")


def read_hold(data_dir: Path) -> Hold | None:
    return _hold_at(hold_path(data_dir))


def _hold_at(path: Path | str) -> Hold | None:
    try:
        with open(path, encoding="utf-8") as file:
            data = json.loads(file.read())
        return Hold(str(data["checked_at"]), [str(f) for f in data["findings"]],
                    [int(u) for u in data.get("users", [])])
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError):
        # an unreadable hold is still a hold: it was written because something was found
        return Hold("(tidak diketahui)", ["berkas temuan pemeriksaan tidak dapat dibaca"])


def acknowledged(ws: HeldOffice) -> set[str]:
    """The findings administrators have seen already (the log's acknowledgements)."""
    seen: set[str] = set()
    try:
        with ws.db.connect() as conn:
            for (detail,) in conn.execute(select(AuditEvent.detail)
                                          .where(AuditEvent.action == "tamper_acknowledged")):
                seen.update(str(f) for f in json.loads(detail).get("findings", []))
    except (DBAPIError, ValueError, AttributeError):
        pass  # a log that cannot be read: every finding counts
    return seen


def remember(ws: HeldOffice, report: Any, when: datetime | None = None) -> Hold | None:
    """After a check: hold the workspace when it found records changed outside sopdesk that no
    administrator has acknowledged yet (the findings are kept for the administrator). Returns
    the hold, None when there is nothing new to see."""
    new = [f for f in report.findings if f.kind in TAMPER_KINDS]
    if new:
        seen = acknowledged(ws)
        new = [f for f in new if f.message not in seen]
    if not new:
        return None
    findings = [f.message for f in new]
    users = [f.row for f in new if f.table == "user_account" and isinstance(f.row, int)]
    earlier = read_hold(ws.data_dir)
    if earlier is not None:  # not yet seen either: kept with the new ones
        findings = list(dict.fromkeys(earlier.findings + findings))
        users = sorted(set(earlier.users + users))
    moment = (when or ws.clock()).astimezone()
    hold = Hold(moment.strftime("%d-%m-%Y %H:%M"), findings, users)
    path = hold_path(ws.data_dir)
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    anchor._write_private(path, json.dumps({"checked_at": hold.checked_at, "findings": findings,
                                            "users": users}, ensure_ascii=False, indent=1) + "\n")
    return hold


def acknowledge(ws: HeldOffice, actor: Actor) -> Hold | None:
    """An administrator has seen the findings: recorded in the audit log with every finding
    (a later check does not hold for these again), the hold lifted. Returns the hold that was
    lifted (None when there was none)."""
    hold = read_hold(ws.data_dir)
    if hold is None:
        return None
    if actor.user_id in hold.users:
        raise PermissionRefused(
            "Akun Anda sendiri termasuk catatan yang diubah di luar sopdesk, sehingga hak "
            "administratornya tidak dapat dipercaya: administrator lain yang harus melihat temuan ini")
    with ws.db.transaction(held_ok=True) as session:
        user = require_admin(session, actor)
        audit.record(session, at=ws.clock(), user_id=user.id, action="tamper_acknowledged",
                     checked_at=hold.checked_at, findings=hold.findings[:MAX_KEPT],
                     count=len(hold.findings))
    hold_path(ws.data_dir).unlink(missing_ok=True)
    return hold


# every kind of finding that means a record was changed outside sopdesk (not a damaged file)
TAMPER_KINDS = frozenset({
    "audit_changed", "audit_missing", "audit_link", "audit_anchor", "record_changed",
    "record_added", "record_deleted", "attachment_changed", "attachment_missing", "foreign_key",
    "database",
})


# --- the anchor after every action ---------------------------------------------------------------

def _heads(outcome: list[Any]) -> dict[str, anchor.Head] | None:
    heads = [item for item in outcome if isinstance(item, dict) and "head" in item]
    return heads[-1] if heads else None


def keep_anchor(db: Any, data_dir: Path) -> None:
    """Write the anchor beside `data_dir` around every commit of `db` that records an event."""
    data_dir = Path(data_dir)
    database = db.url  # rendered once: a Database's URL never changes

    def before(outcome: list[Any]) -> None:
        heads = _heads(outcome)
        if heads is not None:
            anchor.before_commit(data_dir, heads["before"], heads["head"], database)

    def after(outcome: list[Any]) -> None:
        heads = _heads(outcome)
        if heads is not None:
            anchor.after_commit(data_dir, heads["head"], database)

    db.before_commit.append(before)
    db.after_commit.append(after)


def attach(ws: HeldOffice) -> None:
    """Keep the anchor beside this workspace's database; its writes ask the hold file."""
    keep_anchor(ws.db, ws.data_dir)
    path = str(hold_path(ws.data_dir))  # asked at every write: its name made once

    def current() -> str | None:
        hold = _hold_at(path)
        return hold.message() if hold else None

    ws.db.hold_source = current


def after_restore(db: Any, data_dir: Path, migration: str = "current") -> None:
    """A restore replaced the records: the anchor follows the restored chain (from its next
    event on), a hold about the records replaced is lifted, and a backup from before seals has
    its records sealed."""
    keep_anchor(db, data_dir)
    hold_path(data_dir).unlink(missing_ok=True)
    seal_existing(db, migration)


SEALS_SINCE = 8  # schema revision 0008 brought the seals


def seal_existing(db: Any, migration: str) -> bool:
    """An office upgraded from a schema before seals: one event seals every record as it is
    (`records_sealed`), so that the check compares them from now on. Only right after that
    upgrade (never on a later start: rows without a seal are a finding then)."""
    old = migration.removeprefix("upgraded from ")
    if old == migration or not old.isdigit() or int(old) >= SEALS_SINCE:
        return False
    with db.transaction(held_ok=True) as session:
        seal.touch_everything(session)
        audit.record(session, at=datetime.now(timezone.utc), user_id=None, action="records_sealed",
                     schema_before=old)
    return True


def refuse_new_office_over_old(ws: HeldOffice) -> None:
    """`setup` on a data folder whose anchor names audit events the database no longer has: the
    database was emptied or replaced, not new. Refused, so that nobody makes a fresh office
    (with a fresh administrator) over the traces of the old one."""
    try:
        found = anchor.read_anchor(ws.data_dir, ws.db.url)
    except anchor.AnchorUnreadable:
        found = None
    if found is None or found.head.count == 0:
        return
    with ws.db.connect() as conn:
        now = anchor.chain_head(conn)
    name = anchor.anchor_path(ws.data_dir, ws.db.url).name
    if now.count < found.head.count:
        raise Conflict(
            f"Folder data {ws.data_dir} pernah berisi kantor sopdesk ({found.head.count} peristiwa audit "
            f"menurut {name}), tetapi basis datanya sekarang kosong atau lebih pendek: basis "
            "data itu telah dikosongkan atau diganti di luar sopdesk. Kantor baru tidak dibuat di atasnya; "
            "pulihkan dari cadangan ('sopdesk restore'), atau pakai folder data lain untuk kantor baru")


def prepare_setup(ws: HeldOffice) -> None:
    """Before the first administrator is made: refuse over an old office; the anchor key."""
    refuse_new_office_over_old(ws)
    anchor.ensure_key(ws.data_dir)


def require_clear(data_dir: Path) -> None:
    """For a command that acts without a workspace: refused while the hold is on."""
    hold = read_hold(data_dir)
    if hold is not None:
        raise UserError(hold.message())


# --- the user logging in ---------------------------------------------------------------------------

_USER_SEALS = re.compile(r'"user_account":(\{[^{}]*\})')
# the events whose seal holds user accounts, newest first: read from the partial index
# ix_audit_event_user_seal, whose condition the WHERE repeats as literal SQL (store.models)
USER_SEALS_NEWEST_FIRST = (select(AuditEvent.sealed).where(text(USER_SEAL_EVENTS))
                           .order_by(AuditEvent.id.desc()).execution_options(yield_per=1))


def _newest_user_seal(session: Session, user_id: int) -> str | None:
    """The newest seal of a user's record in the log (None when the log has none)."""
    key = str(user_id)
    # newest first among the events that seal user accounts, one row at a time, from their
    # index (issue #15: the scan of the log it replaces took 1-5 s at 100,000 cases). A corrupted
    # or forged index cannot make an older seal win for good: the start-up check compares
    # every record with its newest seal read from the whole chain (engine.integrity).
    rows = session.execute(USER_SEALS_NEWEST_FIRST)
    try:
        return _first_user_seal(rows, key)
    finally:
        rows.close()


def _first_user_seal(rows: Iterable[Any], key: str) -> str | None:
    for (sealed,) in rows:
        # only the user_account part is parsed: the seal of every record made when an office
        # from before seals was opened holds all its rows (74 MB at 100,000 cases: seconds of
        # json.loads at every login, issue #15)
        part = _USER_SEALS.search(sealed)
        try:
            found = (json.loads(part.group(1)) if part else json.loads(sealed).get("user_account", {})).get(key)
        except (ValueError, AttributeError):
            continue
        if found is not None:
            return str(found)
    return None


def checked_login(ws: HeldOffice, session: Session, result: User | UserError) -> User | UserError:
    """A login whose password matched: refused when the user's own record (admin flag, roles,
    password hash, active) is not what the log sealed, so that a flag or a password hash set
    outside sopdesk never opens a session. Every check holds the workspace then."""
    if isinstance(result, UserError):
        return result
    with session.no_autoflush:  # the record as stored (a password rehashed at login is not yet)
        expected = _newest_user_seal(session, result.id)
        if expected is None:
            return result  # an office from before seals: `sopdesk check` judges it
        actual = dict(seal.row_digests(session.connection(), "user_account", [result.id])).get(result.id)
    if actual == expected:
        return result
    message = (f"pengguna #{result.id} (tabel user_account) telah diubah di luar sopdesk: isinya tidak "
               "sama dengan yang tercatat di log audit")
    report = SimpleNamespace(findings=[SimpleNamespace(kind="record_changed", message=message,
                                                       table="user_account", row=result.id)])
    hold = remember(ws, report)
    return PermissionRefused(
        f"Akun {result.username} telah diubah di luar sopdesk (hak, peran atau kata sandinya tidak sama "
        "dengan yang tercatat di log audit): tidak dapat masuk. " + (hold.message() if hold else
                                                                       "Hubungi administrator."))
