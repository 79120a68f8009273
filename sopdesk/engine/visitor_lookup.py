"""Help-desk look-ups (Qt-free): returning visitors to pre-fill the registration form, and
one page of the visitor book for the desk's list. SQL filters, de-duplicates, sorts and
limits; Python only shapes the rows that come back.

Identity numbers (NIK) and phone numbers are personal data: the suggestions show them in full
only to the Help Desk and administrators, who register visitors; anyone else who opens the
desk sees them masked but for the last four characters. The engine decides it from the
acting user's roles, so no screen can forget it."""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any, NamedTuple

from sqlalchemy import ColumnElement, Connection, case, false, func, or_, select, tuple_
from sqlalchemy.orm import InstrumentedAttribute

from sopdesk.engine.users import Actor
from sopdesk.engine.visitors import visitor_roles
from sopdesk.engine.workspace import Workspace
from sopdesk.errors import PermissionRefused
from sopdesk.store.models import Case, Role, User, UserRole, Visitor

IDENTITY_FIELDS = ("name", "id_number", "institution", "occupation", "address", "phone", "email")
MIN_LOOKUP_CHARS = 2
MASKED_FIELDS = ("id_number", "phone")
FULL_VIEW_ROLES = frozenset({"Help Desk"})  # and administrators; plus the lanes of the catalog's
# visitor doors (engine.visitors.visitor_roles: an office whose desk is "Petugas TU", issue #13)
VISIBLE_TAIL = 4
_PHONE_SEPARATORS = re.compile(r"[\s\-]")


class VisitorRow(NamedTuple):
    """One line of the desk's visitor list."""

    visitor_id: int
    registered_at: datetime
    name: str
    institution: str | None
    purpose: str
    purpose_text: str | None
    case_number: str | None


def _contains(column: InstrumentedAttribute[str] | InstrumentedAttribute[str | None], text: str) -> ColumnElement[bool]:
    """Case-insensitive LIKE '%text%' with % and _ in the text taken literally."""
    return column.icontains(text, autoescape=True)


def _name_rank(text: str) -> ColumnElement[int]:
    """0 for a name that starts with `text`, 1 for one with a later word that does, 2 otherwise."""
    return case((Visitor.name.istartswith(text, autoescape=True), 0),
                (Visitor.name.icontains(" " + text, autoescape=True), 1), else_=2)


def _phone_contains(text: str) -> ColumnElement[bool]:
    """The phone number contains `text`, spaces and dashes set aside on both sides: a number
    is stored as it was typed ("0812-3790-5521"), and the desk types it as the visitor says it
    ("0812 3790"); only the digits (and a leading +) tell."""
    digits = _PHONE_SEPARATORS.sub("", text)
    stored = func.replace(func.replace(func.coalesce(Visitor.phone, ""), " ", ""), "-", "")
    return stored.contains(digits, autoescape=True) if digits else false()


def mask(value: str | None) -> str | None:
    """'5371012345678901' -> '************8901': all but the last four characters hidden."""
    if not value:
        return value
    shown = value[-VISIBLE_TAIL:] if len(value) > VISIBLE_TAIL else ""
    return "*" * (len(value) - len(shown)) + shown


def _sees_full_identity(conn: Connection, actor: Actor, desk_roles: frozenset[str] = FULL_VIEW_ROLES) -> bool:
    """Whether the acting user may see full NIK and phone numbers: an administrator or a
    holder of a full-view role (read in the same connection as the look-up)."""
    user = conn.execute(select(User.is_admin, User.active).where(User.id == actor.user_id)).first()
    if user is None or not user.active:
        raise PermissionRefused(f"Pengguna {actor.username} tidak aktif")
    if user.is_admin:
        return True
    roles = conn.scalars(select(Role.name).join(UserRole, UserRole.role_id == Role.id)
                         .where(UserRole.user_id == actor.user_id))
    return any(role in desk_roles for role in roles)


def find_returning_visitors(ws: Workspace, actor: Actor, text: str, limit: int = 8) -> list[dict[str, Any]]:
    """Past visitors whose name, id number or phone contains `text`, one row per distinct
    (name, id number), those whose name starts with `text` first, then those with a word of
    the name starting with it, then the rest, each group newest first ("Ma" offered Hendrikus
    Mau and Imanuel Suryadi above Maria Tefa): the identity fields to pre-fill the form with, taken
    from that person's latest registration (which may not be the one that matched).
    For a user who may not see them in full, the id and phone numbers are masked and the
    row says `masked: True` (a masked value is for recognising a person, not for filling in)."""
    text = " ".join((text or "").split())
    if len(text) < MIN_LOOKUP_CHARS or limit <= 0:
        return []
    compact = text.replace(" ", "").upper()  # id numbers are stored without spaces, upper case
    matches = [_contains(Visitor.name, text), _phone_contains(text)]
    if compact:
        matches.append(_contains(Visitor.id_number, compact))
    person = (func.lower(Visitor.name), func.coalesce(Visitor.id_number, ""))
    matching_people = select(*person).where(or_(*matches))
    rank = func.row_number().over(
        partition_by=person, order_by=(Visitor.registered_at.desc(), Visitor.id.desc())
    ).label("rank")
    latest = (  # each matching person's latest registration, even if only an older one matched
        select(Visitor.id, Visitor.registered_at, rank)
        .where(tuple_(*person).in_(matching_people))
        .subquery()
    )
    query = (
        select(*(getattr(Visitor, f) for f in IDENTITY_FIELDS))
        .join(latest, latest.c.id == Visitor.id)
        .where(latest.c.rank == 1)
        .order_by(_name_rank(text), latest.c.registered_at.desc(), latest.c.id.desc())
        .limit(limit)
    )
    with ws.db.connect() as conn:
        full = _sees_full_identity(conn, actor, FULL_VIEW_ROLES | set(visitor_roles(ws)))
        rows = conn.execute(query).all()
    found: list[dict[str, Any]] = [dict(zip(IDENTITY_FIELDS, row, strict=True), masked=not full) for row in rows]
    if not full:
        for one in found:
            for key in MASKED_FIELDS:
                one[key] = mask(one[key])
    return found


def visitors_page(ws: Workspace, start: datetime | None, end: datetime | None,
                  search: str | None = None, limit: int = 200) -> list[VisitorRow]:
    """Visitors registered in [start, end) (either bound may be None), newest first,
    optionally those whose name, institution, id number, phone or case number contains
    `search`; at most `limit` rows."""
    query = (
        select(Visitor.id, Visitor.registered_at, Visitor.name, Visitor.institution,
               Visitor.purpose, Visitor.purpose_text, Case.number)
        .outerjoin(Case, Case.id == Visitor.case_id)
    )
    if start is not None:
        query = query.where(Visitor.registered_at >= start)
    if end is not None:
        query = query.where(Visitor.registered_at < end)
    search = " ".join((search or "").split())
    if search:
        query = query.where(or_(_contains(Visitor.name, search), _contains(Visitor.institution, search),
                                _contains(Visitor.id_number, search.replace(" ", "")),
                                _phone_contains(search), _contains(Case.number, search)))
    query = query.order_by(Visitor.registered_at.desc(), Visitor.id.desc()).limit(limit)
    with ws.db.connect() as conn:
        return [VisitorRow(*row) for row in conn.execute(query)]


def visitor_book(ws: Workspace, actor: Actor, start: datetime, end: datetime,
                 search: str | None = None) -> list[dict[str, Any]]:
    """The visitor book for [start, end), oldest first, optionally those whose name or
    institution contains `search`: what the command line's `visitor list` shows. Identity and
    phone numbers come masked (and the row says `masked: True`) for a user who may not see
    them in full, as in the returning-visitor suggestions."""
    query = (
        select(Visitor.id, Visitor.registered_at, Visitor.name, Visitor.institution, Visitor.purpose,
               Visitor.info_requested, Visitor.id_number, Visitor.phone)
        .where(Visitor.registered_at >= start, Visitor.registered_at < end)
    )
    search = " ".join((search or "").split())
    if search:
        query = query.where(or_(_contains(Visitor.name, search), _contains(Visitor.institution, search)))
    with ws.db.connect() as conn:
        full = _sees_full_identity(conn, actor, FULL_VIEW_ROLES | set(visitor_roles(ws)))
        rows = conn.execute(query.order_by(Visitor.registered_at, Visitor.id)).all()
    shown = (lambda value: value) if full else mask
    return [{"id": r.id, "waktu": r.registered_at, "nama": r.name, "instansi": r.institution,
             "keperluan": r.purpose, "informasi": r.info_requested, "nik": shown(r.id_number),
             "telepon": shown(r.phone), "masked": not full} for r in rows]
