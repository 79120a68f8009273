"""The lembar kendali's data: one case with every step it visited, its outputs, its case-level
deadlines and its history, read in one go for the printed sheet (sopdesk.reports.case_sheet).

`load_case` is the one read of a case's rows: `case_record` shapes them, typed, for paper (the
people by their full names, the visits in the order they happened with their kelengkapan and
outputs, the audit chain's head at printing time) and `queries.case_detail` as the dictionary
the screens and the CLI show. A confidential case's title, and the perihal in its history,
read "(rahasia)" unless the viewer is on its chain (issue #13)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, NamedTuple

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from sopdesk.catalog.schema import Sop
from sopdesk.engine.anchor import chain_head
from sopdesk.engine.case_steps import get_case
from sopdesk.engine.rahasia import MASK, case_readable, viewer_of
from sopdesk.engine.users import Actor
from sopdesk.engine.workspace import Workspace
from sopdesk.store.models import AuditEvent, Case, CaseDeadline, Document, User, WorkItem

HISTORY_MASKED = ("title", "subject", "perihal")  # the keys of an event's detail that hold the perihal


@dataclass(frozen=True)
class Check:
    """One kelengkapan of a visit: present or missing."""

    item: str
    present: bool


@dataclass(frozen=True)
class Output:
    """One output (document) a visit produced."""

    name: str
    number: str | None
    doc_date: date | None
    file_name: str | None  # the attached file's original name


@dataclass(frozen=True)
class Visit:
    """One visit of the case to a step (a return makes a later visit of the same step)."""

    item_id: int
    step_no: int
    role: str
    status: str  # open | done | returned | cancelled
    created_at: datetime
    due_at: datetime | None
    completed_at: datetime | None
    choice: str | None
    note: str | None
    return_to: int | None
    claimed: bool  # somebody completed or took it
    worker: str | None  # the full name of who completed it, else of who took it
    checks: tuple[Check, ...]
    outputs: tuple[Output, ...]


@dataclass(frozen=True)
class Deadline:
    """A case-level deadline (tenggat kasus)."""

    name: str
    kind: str  # paling_lambat | paling_cepat
    due_at: datetime | None
    met_at: datetime | None
    extensions: int
    first_due_at: datetime | None


@dataclass(frozen=True)
class HistoryEvent:
    """One audit event of the case; `detail` with the perihal masked for a reader off the chain."""

    at: datetime
    full_name: str | None
    username: str | None
    action: str
    step_no: int | None
    detail: dict[str, Any]


@dataclass(frozen=True)
class CaseRecord:
    number: str
    sop: Sop  # the revision the case runs on
    entry: str
    title: str  # "(rahasia)" for a reader off the chain
    requester: str | None
    status: str
    close_reason: str | None
    started_at: datetime
    started_by: str | None  # full name
    closed_at: datetime | None
    visits: tuple[Visit, ...]
    deadlines: tuple[Deadline, ...]
    history: tuple[HistoryEvent, ...]
    chain_count: int  # the audit chain's head when read: events counted, and its hash
    chain_head: str


def masked_detail(text: str | None, readable: bool) -> dict[str, Any]:
    """An audit event's detail (JSON), with the perihal taken out for a reader off the chain."""
    detail: dict[str, Any] = json.loads(text or "{}")
    if readable:
        return detail
    return {k: (MASK if k in HISTORY_MASKED and v else v) for k, v in detail.items()}


class Event(NamedTuple):
    """An audit event of the case with its user's names (None: no user, e.g. the system)."""

    at: datetime
    user_full_name: str | None
    username: str | None
    action: str
    step_no: int | None
    detail: str  # JSON, unmasked


@dataclass(frozen=True)
class LoadedCase:
    """One case's rows as read in one session, for the readers that shape them (the printed
    sheet here, `queries.case_detail` for the screens and the CLI); valid inside that session."""

    case: Case
    sop: Sop
    readable: bool  # the viewer may read its perihal
    items: Sequence[WorkItem]  # by id, with their checks
    documents: Sequence[Document]  # by id, with their attachment
    deadlines: Sequence[CaseDeadline]  # by id
    history: Sequence[Event]  # by id
    people: dict[int, tuple[str, str]]  # user id -> (username, full name): the starter, takers, completers

    def username(self, user_id: int | None) -> str | None:
        return None if user_id is None or user_id not in self.people else self.people[user_id][0]

    def full_name(self, user_id: int | None) -> str | None:
        return None if user_id is None or user_id not in self.people else self.people[user_id][1]


def load_case(session: Session, ws: Workspace, number: str, viewer: Actor | None = None) -> LoadedCase:
    """Read case `number` (NotFound when there is none) with its visits, outputs, deadlines
    and history."""
    case = get_case(session, number)
    readable = case_readable(session, viewer_of(session, viewer, ws.catalog.role_includes), case)
    items = session.scalars(
        select(WorkItem).where(WorkItem.case_id == case.id).order_by(WorkItem.id)
        .options(selectinload(WorkItem.checks))
    ).all()
    documents = session.scalars(
        select(Document).where(Document.case_id == case.id).order_by(Document.id)
        .options(selectinload(Document.attachment))
    ).all()
    ids = {case.started_by} | {i.completed_by for i in items} | {i.assignee_id for i in items}
    people = {user_id: (username, full_name) for user_id, username, full_name in session.execute(
        select(User.id, User.username, User.full_name).where(User.id.in_(ids - {None})))}
    sop = ws.sop_of_revision(session, case.sop_revision_id)
    deadlines = session.scalars(select(CaseDeadline).where(CaseDeadline.case_id == case.id)
                                .order_by(CaseDeadline.id)).all()
    history = [Event(*row) for row in session.execute(
        select(AuditEvent.at, User.full_name, User.username, AuditEvent.action, AuditEvent.step_no,
               AuditEvent.detail)
        .outerjoin(User, User.id == AuditEvent.user_id)
        .where(AuditEvent.case_id == case.id).order_by(AuditEvent.id))]
    return LoadedCase(case, sop, readable, items, documents, deadlines, history, people)


def case_record(ws: Workspace, number: str, viewer: Actor | None = None) -> CaseRecord:
    """Case `number` (e.g. PP/2026/0001) as the lembar kendali prints it."""
    with ws.db.reading() as session:
        loaded = load_case(session, ws, number, viewer)
        case, readable = loaded.case, loaded.readable
        chain = chain_head(session.connection())  # printed: a later cut or rebuilt chain shows
        outputs: dict[int, list[Output]] = {}
        for d in loaded.documents:
            outputs.setdefault(d.work_item_id, []).append(Output(
                d.name, d.number, d.doc_date, d.attachment.original_name if d.attachment is not None else None))
        visits = []
        for item in loaded.items:
            who_id = item.completed_by or item.assignee_id
            visits.append(Visit(
                item.id, item.step_no, item.role, item.status, item.created_at, item.due_at, item.completed_at,
                item.choice, item.note, item.return_to, bool(who_id), loaded.full_name(who_id) if who_id else None,
                tuple(Check(c.item, c.present) for c in item.checks), tuple(outputs.get(item.id, ()))))
        return CaseRecord(
            number=case.number, sop=loaded.sop, entry=case.entry, title=case.title if readable else MASK,
            requester=case.requester, status=case.status, close_reason=case.close_reason,
            started_at=case.started_at, started_by=loaded.full_name(case.started_by), closed_at=case.closed_at,
            visits=tuple(visits),
            deadlines=tuple(Deadline(d.name, d.kind, d.due_at, d.met_at, d.extensions, d.first_due_at)
                            for d in loaded.deadlines),
            history=tuple(HistoryEvent(e.at, e.user_full_name, e.username, e.action, e.step_no,
                                       masked_detail(e.detail, readable)) for e in loaded.history),
            chain_count=chain.count, chain_head=chain.head,
        )
