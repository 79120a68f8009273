"""Local accounts: Argon2id passwords, roles that map to catalog lanes, the acting user.

A role may include other roles (the catalog's `peran_termasuk`: the Ketua is one of the Anggota
KPU, so Ketua includes Komisioner). `effective_roles` is the one place that resolves it: every
permission check, inbox and role list works on the effective roles (held + included), so a
lane such as "Ketua & Anggota KPU" (role Komisioner) is workable by the Ketua, while a
Komisioner does not thereby get the Ketua's own lanes.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import bindparam, func, select
from sqlalchemy.orm import Session

from sopdesk import password_ahead
from sopdesk.errors import NotFound, PermissionRefused, UserError
from sopdesk.store.direct import DirectTx
from sopdesk.store.models import Role, User, UserRole

_hasher = PasswordHasher()  # argon2id with the library's (OWASP-aligned) defaults
USERNAME = re.compile(r"^[a-z][a-z0-9._-]{1,49}$")
MIN_PASSWORD = 8
MAX_FAILED_LOGINS = 5
LOCKOUT = timedelta(minutes=5)


@dataclass(frozen=True)
class Actor:
    """Who is acting: checked again against the database inside every transaction."""

    user_id: int
    username: str


def hash_password(password: str) -> str:
    check_password(password)
    return _hasher.hash(password)


# Passwords of 8 characters or more that are still the first ones guessed (lower case, compared
# without spaces): the administrator of a new office typed "12345678" and it was accepted.
COMMON_PASSWORDS = frozenset({
    "password", "password1", "password123", "passw0rd", "katasandi", "katasandi1", "katasandi123",
    "rahasia1", "rahasia123", "admin123", "admin1234", "administrator", "sopdesk1", "sopdesk123",
    "kpu12345", "kpu123456", "qwertyui", "qwerty123", "qwertyuiop", "asdfghjk", "abcdefgh",
    "abcd1234", "abc12345", "1q2w3e4r", "iloveyou", "indonesia", "bismillah", "selamatdatang",
})
WEAK_PASSWORD = ("Kata sandi terlalu mudah ditebak (hanya angka, satu tanda berulang, urutan seperti "
                 "'abcdefgh' atau kata sandi umum): pakai campuran huruf dan angka, minimal 8 karakter")


def check_password(password: str) -> None:
    if not isinstance(password, str) or len(password) < MIN_PASSWORD:
        raise UserError(f"Kata sandi minimal {MIN_PASSWORD} karakter")
    if len(password) > 200:
        raise UserError("Kata sandi terlalu panjang (maksimal 200 karakter)")
    if is_weak_password(password):
        raise UserError(WEAK_PASSWORD)


def is_weak_password(password: str) -> bool:
    """Long enough but guessed at once: only digits (a date, a telephone number), one character
    repeated, a run of neighbouring characters ("abcdefgh", "87654321"), or a common password."""
    text = "".join(password.lower().split())
    if text.isdigit() or len(set(text)) <= 2 or text in COMMON_PASSWORDS:
        return True
    steps = {ord(b) - ord(a) for a, b in zip(text, text[1:], strict=False)}
    return steps <= {1} or steps <= {-1}


def check_username(username: str) -> str:
    name = (username or "").strip().lower()
    if not USERNAME.match(name):
        raise UserError(
            f"Nama pengguna {username!r} tidak sah: 2-50 huruf kecil, angka, titik, - atau _, "
            "diawali huruf"
        )
    return name


def role_rows(session: Session, names: list[str]) -> list[Role]:
    """Roles by name (case-insensitive); unknown names are refused with the known list."""
    wanted = [n.strip() for n in names if n and n.strip()]
    known = {r.name.lower(): r for r in session.scalars(select(Role))}
    missing = [n for n in wanted if n.lower() not in known]
    if missing:
        raise UserError(
            f"Peran tidak dikenal: {', '.join(missing)}; peran yang ada: "
            + ", ".join(sorted(r.name for r in known.values()))
        )
    return list({known[n.lower()].id: known[n.lower()] for n in wanted}.values())


RoleIncludes = Mapping[str, Iterable[str]]  # role -> roles it directly includes (Catalog.role_includes)


def effective_roles(held: Iterable[str], includes: RoleIncludes) -> frozenset[str]:
    """The roles a holder of `held` may act in: the held roles and every role they include,
    directly or through another included role."""
    roles: set[str] = set()
    stack = list(held)
    while stack:
        role = stack.pop()
        if role not in roles:
            roles.add(role)
            stack.extend(includes.get(role, ()))
    return frozenset(roles)


def roles_including(role: str, known: Iterable[str], includes: RoleIncludes) -> frozenset[str]:
    """The roles (of `known`) whose holders may act in `role`: the role itself and the roles
    that include it (for "who can take this step")."""
    return frozenset(r for r in {*known, role} if role in effective_roles([r], includes))


def ordered_roles(held: Iterable[str], includes: RoleIncludes) -> list[str]:
    """Effective roles for showing: the held roles first, then the included ones."""
    held = sorted(set(held))
    return held + sorted(effective_roles(held, includes) - set(held))


@dataclass(frozen=True)
class ActingUser:
    """The acting user as read inside the current transaction (one query). `role_names` are
    the effective roles (held + included), `held_roles` those given to the account."""

    id: int
    username: str
    is_admin: bool
    role_names: frozenset[str]
    held_roles: frozenset[str] = frozenset()

    def roles_text(self) -> str:
        """'Ketua (termasuk Komisioner)' for messages: what the user holds and includes."""
        held = ", ".join(sorted(self.held_roles)) or "tidak ada"
        included = sorted(self.role_names - self.held_roles)
        return f"{held} (termasuk {', '.join(included)})" if included else held


ACTOR_ROLES = (
    select(User.id, User.username, User.is_admin, User.active, Role.name)
    .outerjoin(UserRole, UserRole.user_id == User.id)
    .outerjoin(Role, Role.id == UserRole.role_id)
    .where(User.id == bindparam("user_id"))
)


def load_actor(session: Session | DirectTx, actor: Actor, *, includes: RoleIncludes) -> ActingUser:
    """The acting user with their effective roles; `includes` is the catalog's
    `role_includes` (required, so that no check forgets the Ketua's Komisioner lanes)."""
    # (id, username, is_admin, active, role name): ORM rows or the direct path's, read by position
    rows: Sequence[Sequence[Any]] = session.execute(ACTOR_ROLES, {"user_id": actor.user_id}).all()
    if not rows or not rows[0][3]:
        raise PermissionRefused(f"Pengguna {actor.username} tidak aktif")
    user_id, username, admin = rows[0][:3]
    held = frozenset(str(r[4]) for r in rows if r[4])
    return ActingUser(user_id, username, admin, effective_roles(held, includes), held)


def require_admin(session: Session, actor: Actor) -> ActingUser:
    user = load_actor(session, actor, includes={})  # administration needs no lane roles
    if not user.is_admin:
        raise PermissionRefused(f"Hanya administrator yang boleh melakukan ini ({actor.username} bukan administrator)")
    return user


def require_role(user: ActingUser, role: str, what: str) -> None:
    """Refuse unless the user may act in `role` (effective roles) or is an administrator."""
    if user.is_admin or role in user.role_names:
        return
    raise PermissionRefused(
        f"Pengguna {user.username} tidak boleh {what}: perlu peran {role} "
        f"(peran {user.username}: {user.roles_text()})"
    )


def find_user(session: Session, username: str) -> User:
    user = session.scalar(select(User).where(User.username == username.strip().lower()))
    if user is None:
        raise NotFound(f"Pengguna {username!r} tidak ada")
    return user


# Inside `one_verification()`: the answers Argon2 gave in it, per stored hash and password
_answers: ContextVar[dict[tuple[str, str], bool] | None] = ContextVar("sopdesk_password_answers", default=None)


@contextmanager
def one_verification() -> Iterator[None]:
    """Within this block the same password is checked against the same stored hash once: a
    read-only login that failed is then counted by `Workspace.login` without a second Argon2
    run (engine.viewer). Nothing outlives the block."""
    token = _answers.set({})
    try:
        yield
    finally:
        _answers.reset(token)


def answered(stored: str, password: str) -> bool:
    """This hash and password were verified already inside the current one_verification()."""
    answers = _answers.get()
    return answers is not None and (stored, password) in answers


def _password_matches(stored: str, password: str) -> bool:
    answers = _answers.get()
    if answers is not None and (stored, password) in answers:
        return answers[(stored, password)]
    matched = password_ahead.take(stored, password)  # verified on a thread while the rest ran
    if matched is None:
        try:
            _hasher.verify(stored, password)
            matched = True
        except (VerificationError, InvalidHashError):
            matched = False
    if answers is not None:
        answers[(stored, password)] = matched
    return matched


def check_login(session: Session, username: str, password: str, now: datetime) -> User | UserError:
    """The user if the password is right, else the error to show (returned, not raised, so
    that the caller can commit the failure count). Repeated failures lock the account."""
    refused = UserError("Nama pengguna atau kata sandi salah")
    name = str(username or "").strip().lower()
    # no user name holds a NUL (check_username); PostgreSQL could not even be asked about one
    user = session.scalar(select(User).where(User.username == name)) if name and "\x00" not in name else None
    if user is None:
        return refused
    if not user.active:
        return PermissionRefused(f"Akun {user.username} dinonaktifkan; minta administrator kantor "
                                 "mengaktifkannya lagi (Pengaturan, Pengguna)")
    if user.locked_until is not None and user.locked_until > now:
        # `now` was read before this login waited for the write lock: never more than the lockout
        left = min(user.locked_until - now, LOCKOUT)
        minutes = max(1, math.ceil(left.total_seconds() / 60))
        return PermissionRefused(
            f"Akun {user.username} dikunci karena terlalu banyak percobaan gagal; coba lagi "
            f"dalam {minutes} menit"
        )
    if not _password_matches(user.password_hash, str(password or "")):
        user.failed_logins += 1
        if user.failed_logins >= MAX_FAILED_LOGINS:
            user.locked_until = now + LOCKOUT
            user.failed_logins = 0
        return refused
    user.failed_logins = 0
    user.locked_until = None
    if _hasher.check_needs_rehash(user.password_hash):
        user.password_hash = _hasher.hash(password)
    return user


def count_users(session: Session) -> int:
    return session.scalar(select(func.count(User.id))) or 0
