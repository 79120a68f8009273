"""Administration of local accounts (admin only), and the list of accounts the CLI and the
Pengaturan page show (one read, typed rows)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from sopdesk import password_ahead
from sopdesk.engine import audit
from sopdesk.engine.users import (
    ActingUser,
    Actor,
    check_username,
    find_user,
    hash_password,
    ordered_roles,
    require_admin,
    role_rows,
)
from sopdesk.engine.workspace import Workspace
from sopdesk.errors import Conflict, UserError
from sopdesk.store.models import OfficeHoliday, User


@contextmanager
def _as_admin(ws: Workspace, actor: Actor) -> Iterator[tuple[Session, ActingUser, datetime]]:
    """One administrator's transaction: the session, the administrator (refused otherwise) and
    the time of the change (read before the write lock is waited for)."""
    now = ws.clock()
    with ws.db.transaction() as session:
        yield session, require_admin(session, actor), now


def add_user(ws: Workspace, actor: Actor, username: str, password: str, roles: list[str],
             full_name: str | None = None, is_admin: bool = False) -> None:
    name = check_username(username)
    password_hash = hash_password(password)
    full = (full_name or name).strip()
    if len(full) > 200:
        raise UserError("Nama lengkap terlalu panjang (maksimal 200 karakter)")
    with _as_admin(ws, actor) as (session, admin, now):
        if session.query(User.id).filter(User.username == name).first():
            raise Conflict(f"Pengguna {name} sudah ada")
        rows = role_rows(session, roles)
        if not rows and not is_admin:
            raise UserError("Pilih sedikitnya satu peran, misalnya Kasubag")
        user = User(username=name, full_name=full, password_hash=password_hash,
                    is_admin=is_admin, active=True, failed_logins=0, created_at=now, roles=rows)
        session.add(user)
        session.flush()
        audit.record(session, at=now, user_id=admin.id, action="user_added", username=name,
                     roles=sorted(r.name for r in rows), is_admin=is_admin)


def set_roles(ws: Workspace, actor: Actor, username: str, roles: list[str]) -> None:
    with _as_admin(ws, actor) as (session, admin, now):
        user = find_user(session, username)
        rows = role_rows(session, roles)
        if not rows and not user.is_admin:  # an account with no lane sees no work at all
            raise UserError("Pilih sedikitnya satu peran, misalnya Kasubag")
        user.roles = rows
        audit.record(session, at=now, user_id=admin.id, action="roles_changed",
                     username=user.username, roles=sorted(r.name for r in user.roles))


def set_active(ws: Workspace, actor: Actor, username: str, active: bool) -> None:
    with _as_admin(ws, actor) as (session, admin, now):
        user = find_user(session, username)
        if user.id == admin.id and not active:
            raise UserError("Administrator tidak dapat menonaktifkan akunnya sendiri")
        user.active = active
        audit.record(session, at=now, user_id=admin.id,
                     action="user_activated" if active else "user_deactivated",
                     username=user.username)


def reset_password(ws: Workspace, actor: Actor, username: str, password: str) -> None:
    password_hash = hash_password(password)
    with _as_admin(ws, actor) as (session, admin, now):
        user = find_user(session, username)
        user.password_hash = password_hash
        user.failed_logins = 0
        user.locked_until = None
        audit.record(session, at=now, user_id=admin.id, action="password_reset",
                     username=user.username)


@dataclass(frozen=True)
class UserRow:
    """One account as the user lists show it."""

    username: str
    full_name: str
    is_admin: bool
    active: bool
    roles: tuple[str, ...]  # the roles given to the account (not the included ones), sorted


def list_users(ws: Workspace) -> list[UserRow]:
    """Every account, by user name."""
    with ws.db.reading() as session:
        return [UserRow(u.username, u.full_name, u.is_admin, u.active, tuple(sorted(u.role_names)))
                for u in session.scalars(select(User).order_by(User.username))]


def check_admin(ws: Workspace, actor: Actor) -> None:
    """Refuse (PermissionRefused) unless the actor is an active administrator: asked before a
    question whose answer only an administrator may give (a restore's confirmation)."""
    with ws.db.reading() as session:
        require_admin(session, actor)


def is_admin(ws: Workspace, actor: Actor) -> bool:
    with ws.db.reading() as session:
        return bool(session.scalar(select(User.is_admin).where(User.id == actor.user_id)))


def user_roles(ws: Workspace, actor: Actor) -> list[str]:
    """The roles the user may act in (users.effective_roles): held ones first, then the ones
    they include (the Ketua: Ketua, Komisioner). The inbox and the role buttons use these."""
    with ws.db.reading() as session:
        held = find_user(session, actor.username).role_names
    return ordered_roles(held, ws.catalog.role_includes)


def add_office_holiday(ws: Workspace, actor: Actor, day: date, name: str) -> None:
    """A day off of this office only (e.g. a regional anniversary); due times skip it."""
    name = (name or "").strip()
    if not name or len(name) > 200:
        raise UserError("Keterangan hari libur wajib diisi (maksimal 200 karakter)")
    with _as_admin(ws, actor) as (session, admin, now):
        if session.query(OfficeHoliday.id).filter(OfficeHoliday.day == day).first():
            raise Conflict(f"Tanggal {day.isoformat()} sudah tercatat sebagai hari libur kantor")
        session.add(OfficeHoliday(day=day, name=name))
        audit.record(session, at=now, user_id=admin.id, action="holiday_added",
                     day=day.isoformat(), name=name)
    ws.reset_calendar()


@dataclass(frozen=True)
class HolidayRow:
    day: date
    name: str
    own: bool  # added by this office (not a national holiday or cuti bersama)


def holidays_of_year(ws: Workspace, year: int) -> list[HolidayRow]:
    """Every weekday off of `year` by date: national holidays, cuti bersama and the office's own
    (Pengaturan lists them beside the form that adds one)."""
    with ws.db.reading() as session:
        own = set(session.scalars(select(OfficeHoliday.day).where(
            OfficeHoliday.day >= date(year, 1, 1), OfficeHoliday.day <= date(year, 12, 31))))
    return [HolidayRow(day, name, day in own) for day, name in ws.calendar.holidays_in(year)]


def check_ahead(ws: Workspace, username: str, password: str) -> bool:
    """Start verifying `password` against the user's stored hash on a thread (sopdesk.password_ahead),
    so that a login with exactly this name and password a moment later finds Argon2's answer
    ready (the login dialog, when typing pauses). Reads only; nothing about the user is shown
    or decided here. False when nothing was started (no such user, or one is still running)."""
    name = str(username or "").strip().lower()
    if not name or "\x00" in name or not password or password_ahead.busy():
        return False
    with ws.db.reading() as session:
        stored = session.scalar(select(User.password_hash).where(User.username == name))
    if not stored:
        return False
    password_ahead.forget()  # an answer for what was typed before is of no use now
    password_ahead.start(stored, password)
    return True


def warm_login(ws: Workspace) -> None:
    """Run once, while the password is typed, the reads a login and the window's first lookups
    of the user make (nobody's: user 0), so that SQLAlchemy has compiled their SQL before Masuk
    is clicked (some 40 ms of CPU at the first login otherwise, issue #15). Reads only."""
    from sopdesk.engine import seal, tamper
    from sopdesk.engine.users import ACTOR_ROLES

    with ws.db.reading() as session:
        session.scalar(select(User).where(User.username == ""))  # check_login's lookup
        session.scalar(select(User.password_hash).where(User.username == ""))  # check_ahead's
        tamper._newest_user_seal(session, 0)  # checked_login's, from its index: a few rows
        seal.row_digests(session.connection(), "user_account", [0])
        session.execute(ACTOR_ROLES, {"user_id": 0}).all()
        session.scalar(select(User.is_admin).where(User.id == 0))  # is_admin
