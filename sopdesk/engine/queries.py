"""Read side: inbox pages, case details, today's visitors. SQL filters, sorts and pages;
Python only decorates the page that is shown."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, or_, select
from sqlalchemy.orm import aliased

from sopdesk.engine.cases import get_case
from sopdesk.engine.workspace import Workspace
from sopdesk.store.models import AuditEvent, Case, Document, User, Visitor, WorkItem

NEARLY_DUE = timedelta(hours=2)
SORTS = {
    "due": WorkItem.due_at,
    "since": WorkItem.created_at,
    "case": Case.number,
    "sop": Case.sop_kode,
    "step": WorkItem.step_no,
    "title": Case.title,
}


@dataclass(frozen=True)
class InboxRow:
    item_id: int
    case_number: str
    sop: str
    step_no: int
    kegiatan: str
    role: str
    title: str
    requester: str | None
    since: datetime
    due_at: datetime | None
    not_before: datetime | None
    assignee: str | None

    def state(self, now: datetime) -> str:
        """'terlambat', 'hampir' (due within two hours), 'tepat' or 'tanpa_batas'."""
        if self.due_at is None:
            return "tanpa_batas"
        if self.due_at < now:
            return "terlambat"
        return "hampir" if self.due_at - now <= NEARLY_DUE else "tepat"


def inbox_query(roles: list[str], user_id: int | None = None, *, mine: bool = False,
                overdue_at: datetime | None = None, sop: str | None = None,
                search: str | None = None):  # noqa: ANN201 - a Select
    """Open work items for the given roles (and those assigned to the user)."""
    assignee = aliased(User)
    query = (
        select(WorkItem.id, Case.number, Case.sop_kode, Case.sop_revision_id, WorkItem.step_no,
               WorkItem.role, Case.title, Case.requester, WorkItem.created_at,
               WorkItem.due_at, WorkItem.not_before, assignee.username)
        .join(Case, Case.id == WorkItem.case_id)
        .outerjoin(assignee, assignee.id == WorkItem.assignee_id)
        .where(WorkItem.status == "open")
    )
    if mine and user_id is not None:
        query = query.where(WorkItem.assignee_id == user_id)
    elif user_id is not None:
        query = query.where(or_(WorkItem.role.in_(roles), WorkItem.assignee_id == user_id))
    else:
        query = query.where(WorkItem.role.in_(roles))
    if overdue_at is not None:
        query = query.where(WorkItem.due_at < overdue_at)
    if sop:
        query = query.where(Case.sop_kode == sop.upper())
    if search:
        like = f"%{search.strip()}%"
        query = query.where(or_(Case.number.ilike(like), Case.title.ilike(like),
                                Case.requester.ilike(like)))
    return query


def inbox_page(ws: Workspace, roles: list[str], user_id: int | None = None, *,
               sort: str = "due", descending: bool = False, limit: int = 50, offset: int = 0,
               **filters) -> list[InboxRow]:
    column = SORTS[sort]
    order = column.desc() if descending else column.asc()
    query = inbox_query(roles, user_id, **filters)
    if sort == "due":  # no-standard items (no due time) after all dated ones
        query = query.order_by(WorkItem.due_at.is_(None), order, WorkItem.id)
    else:
        query = query.order_by(order, WorkItem.id)
    with ws.db.reading() as session:
        rows = session.execute(query.limit(limit).offset(offset)).all()
        result = []
        for row in rows:
            sop = ws.sop_of_revision(session, row.sop_revision_id)
            result.append(InboxRow(row.id, row.number, row.sop_kode, row.step_no,
                                   sop.step(row.step_no).kegiatan, row.role, row.title,
                                   row.requester, row.created_at, row.due_at, row.not_before,
                                   row.username))
        return result


def inbox_counts(ws: Workspace, roles: list[str], now: datetime) -> dict[str, tuple[int, int]]:
    """Per role: (open items, overdue items)."""
    query = (
        select(WorkItem.role, func.count(),
               func.count().filter(WorkItem.due_at < now))
        .where(WorkItem.status == "open", WorkItem.role.in_(roles))
        .group_by(WorkItem.role)
    )
    with ws.db.reading() as session:
        counts = {role: (total, late) for role, total, late in session.execute(query)}
    return {role: counts.get(role, (0, 0)) for role in roles}


def case_detail(ws: Workspace, number: str) -> dict:
    """Everything about one case, ready to show or dump as JSON."""
    with ws.db.reading() as session:
        case = get_case(session, number)
        sop = ws.sop_of_revision(session, case.sop_revision_id)
        names = dict(session.execute(select(User.id, User.username)).all())
        documents = session.scalars(select(Document).where(Document.case_id == case.id)).all()
        history = session.scalars(
            select(AuditEvent).where(AuditEvent.case_id == case.id).order_by(AuditEvent.id)
        ).all()
        return {
            "number": case.number,
            "sop": sop.kode,
            "revisi": sop.revisi,
            "sop_name": sop.nama,
            "entry": case.entry,
            "title": case.title,
            "requester": case.requester,
            "status": case.status,
            "started_at": case.started_at,
            "started_by": names.get(case.started_by),
            "closed_at": case.closed_at,
            "close_reason": case.close_reason,
            "items": [
                {
                    "step": i.step_no,
                    "kegiatan": sop.step(i.step_no).kegiatan,
                    "role": i.role,
                    "status": i.status,
                    "since": i.created_at,
                    "due_at": i.due_at,
                    "not_before": i.not_before,
                    "assignee": names.get(i.assignee_id),
                    "completed_at": i.completed_at,
                    "completed_by": names.get(i.completed_by),
                    "choice": i.choice,
                    "note": i.note,
                    "return_to": i.return_to,
                    "checks": [{"item": c.item, "present": c.present,
                                "attachment": c.attachment_id} for c in i.checks],
                }
                for i in case.items
            ],
            "deadlines": [
                {"kode": d.kode, "name": d.name, "kind": d.kind, "due_at": d.due_at,
                 "met_at": d.met_at}
                for d in case.deadlines
            ],
            "documents": [
                {"name": d.name, "number": d.number, "date": d.doc_date,
                 "file": d.attachment.original_name if d.attachment else None,
                 "sha256": d.attachment.sha256 if d.attachment else None}
                for d in documents
            ],
            "history": [
                {"at": e.at, "user": names.get(e.user_id), "action": e.action,
                 "step": e.step_no, "detail": json.loads(e.detail)}
                for e in history
            ],
        }


def visitors_between(ws: Workspace, start: datetime, end: datetime,
                     search: str | None = None) -> list[Visitor]:
    query = select(Visitor).where(Visitor.registered_at >= start, Visitor.registered_at < end)
    if search:
        like = f"%{search.strip()}%"
        query = query.where(or_(Visitor.name.ilike(like), Visitor.institution.ilike(like)))
    with ws.db.reading() as session:
        return list(session.scalars(query.order_by(Visitor.registered_at)))
