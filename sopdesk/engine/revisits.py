"""Revisits of a step: why a case came back to it and what its last visit recorded.

`cases.return_to` closes the waiting work item as "returned" (its note is the reason) and
opens a new work item for the earlier step. The earlier visit's checklist, documents,
decision and note stay on that visit's own work item. Nothing is copied at return time and
no column was added: these read functions put the pieces together, so the step form can
show who returned the case and why, and start from the last visit's values (its files
carried over as `KeptFile`s, which `cases.complete` links again without a new upload),
and `case show` can print the reason.

The work items of a case are created one after another and only one is open at a time, so
the item created just before a visit is the one that led to it: when that item was
returned to this visit's step, this visit is a return.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from sopdesk.engine.cases import KeptFile, OutputValue, StepInput, get_case
from sopdesk.engine.workspace import Workspace
from sopdesk.store.models import Attachment, ChecklistEntry, Document, User, WorkItem


@dataclass(frozen=True)
class ReturnInfo:
    """Who sent a case back to a step, when, from which step and why."""

    from_step: int
    to_step: int
    username: str | None
    full_name: str | None
    role: str  # the role in which the returned step was held
    at: datetime
    reason: str

    @property
    def by(self) -> str:
        return self.full_name or self.username or "?"

    def as_dict(self) -> dict[str, Any]:
        return {"from_step": self.from_step, "to_step": self.to_step, "by": self.username,
                "by_name": self.full_name, "role": self.role, "at": self.at, "reason": self.reason}


@dataclass(frozen=True)
class LastVisit:
    """The values recorded when the step was last completed, as a step form takes them."""

    step_no: int
    work_item_id: int
    completed_at: datetime | None
    completed_by: str | None
    data: StepInput


def _open_item(session: Session, case_id: int) -> WorkItem | None:
    return session.scalar(select(WorkItem).where(WorkItem.case_id == case_id, WorkItem.status == "open"))


def _return_info_of(session: Session, item: WorkItem) -> ReturnInfo | None:
    before = session.scalar(select(WorkItem).where(WorkItem.case_id == item.case_id, WorkItem.id < item.id)
                            .order_by(WorkItem.id.desc()).limit(1))
    if before is None or before.status != "returned" or before.return_to != item.step_no:
        return None
    user = session.get(User, before.completed_by) if before.completed_by else None
    return ReturnInfo(from_step=before.step_no, to_step=item.step_no,
                      username=user.username if user else None, full_name=user.full_name if user else None,
                      role=before.role, at=before.completed_at or item.created_at, reason=before.note or "")


def return_info(ws: Workspace, case_number: str) -> ReturnInfo | None:
    """Why the case waits at its current step again, or None when it was not returned
    there (or nothing waits). A case that does not exist raises NotFound."""
    with ws.db.reading() as session:
        case = get_case(session, case_number)
        item = _open_item(session, case.id)
        return _return_info_of(session, item) if item is not None else None


def _kept(session: Session, attachment_id: int | None) -> KeptFile | None:
    if attachment_id is None:
        return None
    row = session.get(Attachment, attachment_id)
    return KeptFile(attachment_id, row.original_name if row else "")


def last_visit_of(ws: Workspace, case_number: str, step_no: int | None = None) -> LastVisit | None:
    """The last completed visit of `step_no` (default: the step the case waits at) with
    its checklist ticks and scans, output numbers, dates and files, decision and note; None
    when the step was never completed in this case."""
    with ws.db.reading() as session:
        case = get_case(session, case_number)
        if step_no is None:
            waiting = _open_item(session, case.id)
            if waiting is None:
                return None
            step_no = waiting.step_no
        item = session.scalar(select(WorkItem).where(WorkItem.case_id == case.id, WorkItem.step_no == step_no,
                                                     WorkItem.status == "done")
                              .order_by(WorkItem.id.desc()).limit(1))
        if item is None:
            return None
        checks = session.scalars(select(ChecklistEntry).where(ChecklistEntry.work_item_id == item.id)
                                 .order_by(ChecklistEntry.id)).all()
        documents = session.scalars(select(Document).where(Document.work_item_id == item.id)
                                    .order_by(Document.id)).all()
        kept = {c.item: scan for c in checks if (scan := _kept(session, c.attachment_id))}
        data = StepInput(
            present=[c.item for c in checks if c.present],
            kept=kept,
            outputs={d.name: OutputValue(number=d.number, date=d.doc_date, kept=_kept(session, d.attachment_id))
                     for d in documents},
            choice=item.choice,
            note=item.note,
        )
        by = session.get(User, item.completed_by) if item.completed_by else None
        return LastVisit(step_no, item.id, item.completed_at, by.full_name if by else None, data)
