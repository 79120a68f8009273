"""What the letter registers (surat masuk, surat keluar, disposisi, buku ekspedisi) share:
who may write them, how their text fields are cleaned, office-local dates."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime, time, timedelta
from typing import Any, Literal, Protocol, Self, TypeVar, overload

from sopdesk.engine import rahasia
from sopdesk.engine.letter_settings import DISPOSER_ROLES as DISPOSER_ROLES  # the defaults, re-exported
from sopdesk.engine.letter_settings import EXPEDITION_ROLES as EXPEDITION_ROLES
from sopdesk.engine.letter_settings import REGISTRAR_ROLES as REGISTRAR_ROLES
from sopdesk.engine.letter_settings import load_letter_settings
from sopdesk.engine.users import ActingUser, Actor
from sopdesk.engine.workspace import Workspace
from sopdesk.errors import Conflict, FieldError, PermissionRefused, UserError


def registrar_roles(ws: Workspace) -> tuple[str, ...]:
    """Who may register incoming and outgoing letters in this office."""
    return load_letter_settings(ws.data_dir).registrar_roles


def disposer_roles(ws: Workspace) -> tuple[str, ...]:
    """Who may write a lembar disposisi in this office."""
    return load_letter_settings(ws.data_dir).disposer_roles


def expedition_roles(ws: Workspace) -> tuple[str, ...]:
    """Who may record the signed receipt of a buku ekspedisi line in this office."""
    return load_letter_settings(ws.data_dir).expedition_roles


def require_any_role(user: ActingUser, roles: tuple[str, ...], what: str) -> None:
    """Refuse unless one of the user's effective roles (users.effective_roles) is in `roles`."""
    if user.is_admin or user.role_names & set(roles):
        return
    raise PermissionRefused(
        f"Pengguna {user.username} tidak boleh {what}: perlu peran {' / '.join(roles)} atau administrator "
        f"(peran {user.username}: {user.roles_text()})"
    )


@overload
def clean(value: object, field: str, label: str, limit: int, required: Literal[True]) -> str: ...
@overload
def clean(value: object, field: str, label: str, limit: int, required: bool = False) -> str | None: ...


def clean(value: object, field: str, label: str, limit: int, required: bool = False) -> str | None:
    """One line of text: whitespace collapsed, length checked; FieldError names the field."""
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise FieldError(field, f"{label} harus berupa teks")
    value = " ".join(value.split())
    if "\x00" in value:  # PostgreSQL cannot store it (store.db.NUL_TEXT); refused on SQLite alike
        raise FieldError(field, f"{label} berisi karakter NUL (kode 0) yang tidak dapat disimpan")
    if required and not value:
        raise FieldError(field, f"{label} wajib diisi")
    if len(value) > limit:
        raise FieldError(field, f"{label} terlalu panjang ({len(value)} karakter; maksimal {limit})")
    return value or None


def check_day(value: date | None, field: str, label: str) -> date | None:
    if value is None:
        return None
    if not isinstance(value, date) or isinstance(value, datetime):
        raise FieldError(field, f"{label} harus berupa tanggal")
    if not 1900 <= value.year <= 2999:
        raise FieldError(field, f"{label} di luar jangkauan (tahun 1900-2999)")
    return value


def local_moment(ws: Workspace, value: date | datetime) -> datetime:
    """A date means the start of that day in the office's time zone; a datetime must be aware."""
    if isinstance(value, datetime):
        if value.tzinfo is None:
            raise UserError("Waktu tanpa zona waktu tidak dapat dicatat")
        return value
    return datetime.combine(value, time(0), ws.calendar.tz)


def day_bounds(ws: Workspace, start: date | None, end: date | None) -> tuple[datetime | None, datetime | None]:
    """Office-local days [start, end] as aware datetimes [from, until)."""
    tz = ws.calendar.tz
    lower = datetime.combine(start, time(0), tz) if start else None
    upper = datetime.combine(end + timedelta(days=1), time(0), tz) if end else None
    return lower, upper


def refuse_void(row: object, label: str, what: str) -> None:
    """A void line of a register (see sopdesk.engine.corrections) is refused any further work
    with one sentence: "Surat masuk SM/2026/0003 sudah dibatalkan (alasan: ...); tidak dapat
    didisposisi"."""
    if getattr(row, "voided_at", None) is not None:  # a letter or an expedition entry (or None)
        reason = getattr(row, "void_reason", None)
        raise Conflict(f"{label[:1].upper()}{label[1:]} sudah dibatalkan (alasan: {reason}); "
                       f"tidak dapat {what}")


class _Line(Protocol):
    """A line of a register page (a NamedTuple with a `subject`)."""

    def _replace(self, *, subject: str = ...) -> Self: ...


LineT = TypeVar("LineT", bound=_Line)


def masked_lines(ws: Workspace, viewer: Actor | rahasia.Viewer | None, rows: Sequence[Sequence[Any]],
                 make: Callable[..., LineT]) -> list[LineT]:
    """Register lines from query rows that end with their case's id and rahasia flag: each
    made by `make` from the other columns, its subject "(rahasia)" when the case is
    confidential and `viewer` is not on its chain (issue #13; engine.rahasia). A viewer a
    register search already resolved (a rahasia.Viewer) is not looked up again."""
    secret = {row[-2] for row in rows if row[-1]}
    readable: set[int] = set()
    if secret:
        with ws.db.reading() as session:
            readable = rahasia.readable_cases(session, rahasia.viewer_of(session, viewer, ws.catalog.role_includes),
                                              secret)
    return [make(*row[:-2]) if not row[-1] or row[-2] in readable
            else make(*row[:-2])._replace(subject=rahasia.MASK) for row in rows]
