"""The visitors' printouts' data: the buku tamu / register permohonan informasi of a period and
the tanda bukti of one visitor (sopdesk.reports.visitors lays them out).

Both carry personal data: only the help desk (the role of the Pelayanan Publik help-desk
entry) or an administrator may read them (`may_print`), and every printout is written to the
audit log once it is made (`record_printout`)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import aliased

from sopdesk.engine import audit
from sopdesk.engine.registers import require_any_role
from sopdesk.engine.users import Actor, load_actor
from sopdesk.engine.visitors import visitor_roles
from sopdesk.engine.workspace import Workspace
from sopdesk.errors import NotFound
from sopdesk.store.models import Case, User, Visitor


@dataclass(frozen=True)
class VisitorEntry:
    """One registered visitor as the register and the receipt print it (ID number unmasked:
    the printout masks it)."""

    id: int
    registered_at: datetime
    name: str
    id_number: str | None
    institution: str | None
    occupation: str | None
    address: str | None
    phone: str | None
    email: str | None
    purpose: str
    purpose_text: str | None
    info_requested: str | None
    info_use: str | None
    obtain_method: str | None
    delivery_method: str | None
    case_number: str | None
    clerk: str  # the full name of who registered the visitor


@dataclass(frozen=True)
class VisitorRegister:
    entries: tuple[VisitorEntry, ...]  # by registration time
    counts: dict[str, int]  # purpose code -> visitors of the period


def may_print(ws: Workspace, actor: Actor, what: str) -> str:
    """Refuse unless the actor may print visitors' personal data (help desk or admin); return
    the username."""
    with ws.db.reading() as session:
        user = load_actor(session, actor, includes=ws.catalog.role_includes)
        require_any_role(user, tuple(visitor_roles(ws)), what)
    return user.username


def record_printout(ws: Workspace, actor: Actor, *, action: str, **detail: Any) -> None:  # noqa: ANN401 - JSON values
    """Write a printout of personal data to the audit log."""
    with ws.db.transaction() as session:
        audit.record(session, at=ws.clock(), user_id=actor.user_id, action=action, **detail)


def _entries() -> Select[Visitor, str, str]:  # the case number is None without a case
    clerk = aliased(User)
    return (select(Visitor, Case.number, clerk.full_name)
            .outerjoin(Case, Case.id == Visitor.case_id)
            .join(clerk, clerk.id == Visitor.registered_by))


def _entry(v: Visitor, case_number: str | None, clerk: str) -> VisitorEntry:
    return VisitorEntry(
        v.id, v.registered_at, v.name, v.id_number, v.institution, v.occupation, v.address, v.phone,
        v.email, v.purpose, v.purpose_text, v.info_requested, v.info_use, v.obtain_method,
        v.delivery_method, case_number, clerk)


def visitor_register(ws: Workspace, begin: datetime, stop: datetime) -> VisitorRegister:
    """The visitors registered from `begin` to before `stop`, and their count per purpose."""
    in_range = (Visitor.registered_at >= begin, Visitor.registered_at < stop)
    query = _entries().where(*in_range).order_by(Visitor.registered_at, Visitor.id)
    counts_query = select(Visitor.purpose, func.count()).where(*in_range).group_by(Visitor.purpose)
    with ws.db.reading() as session:
        entries = tuple(_entry(v, number, clerk) for v, number, clerk in session.execute(query))
        counts = {purpose: count for purpose, count in session.execute(counts_query)}
    return VisitorRegister(entries, counts)


def visitor_entry(ws: Workspace, visitor_id: int) -> VisitorEntry:
    """One registered visitor; NotFound when there is none of that number."""
    with ws.db.reading() as session:
        row = session.execute(_entries().where(Visitor.id == visitor_id)).first()
        if row is None:
            raise NotFound(f"Tamu nomor {visitor_id} tidak ada")
        v, number, clerk = row
        return _entry(v, number, clerk)
