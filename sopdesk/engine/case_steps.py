"""The steps of a case as the services that move it share them: reading the waiting step,
checking that the acting user may act on it, opening the next work item, numbering a case.

Why a module of its own: cases.py (start, claim, complete, return, cancel), the letter and
visitor registrations (which start cases and complete their entry steps), drafts and
deadline extensions all need these; with them here, none of those modules reaches into
another's private helpers and the engine has no import circle.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any, Literal, NamedTuple, Protocol, overload

from sqlalchemy import bindparam, insert, select, update
from sqlalchemy.orm import Session

from sopdesk.engine.users import ActingUser, Actor, load_actor, require_role
from sopdesk.engine.workspace import Workspace
from sopdesk.errors import Conflict, NotFound, UserError
from sopdesk.store import locks
from sopdesk.store.direct import DirectTx
from sopdesk.store.models import Case, CaseSequence, User, WorkItem

if TYPE_CHECKING:  # the SOP models only in annotations: the inbox imports no pydantic (#15)
    from sopdesk.catalog.schema import Sop, Tenggat

MAX_TITLE = 500
MAX_NOTE = 5000

# the statements of the hot path, prepared once (see store.direct)
OPEN_STEP = (
    select(Case.id, Case.number, Case.sop_revision_id, WorkItem.id, WorkItem.step_no, WorkItem.role,
           WorkItem.assignee_id, WorkItem.not_before, WorkItem.created_at, WorkItem.due_at, WorkItem.return_to,
           Case.title, Case.requester)
    .join(WorkItem, WorkItem.case_id == Case.id)
    .where(Case.number == bindparam("number"), WorkItem.status == "open")
)
CASE_STATUS = select(Case.number, Case.status).where(Case.number == bindparam("number"))
LAST_ACT = (  # the latest finished work item of a case: which step, its state, when and by whom
    select(Case.number, WorkItem.step_no, WorkItem.status, WorkItem.completed_at, User.username)
    .join(WorkItem, WorkItem.case_id == Case.id)
    .outerjoin(User, User.id == WorkItem.completed_by)
    .where(Case.number == bindparam("number"), WorkItem.status != "open")
    .order_by(WorkItem.id.desc()).limit(1)
)
LAST_VISIT = LAST_ACT.where(WorkItem.step_no == bindparam("step"))  # ... of one step
USERNAME = select(User.username).where(User.id == bindparam("user_id"))


class Deadline(Protocol):
    """What `step_values` reads of a case deadline (an ORM CaseDeadline or deadlines.DeadlineRow)."""

    @property
    def kode(self) -> str: ...
    @property
    def due_at(self) -> datetime | None: ...


class OpenStep(NamedTuple):
    """A case and its waiting work item, read as one row."""

    case_id: int
    number: str
    sop_revision_id: int
    item_id: int
    step_no: int
    role: str
    assignee_id: int | None
    not_before: datetime | None
    # the rest of the work item's columns a completion keeps (its seal is made from them)
    created_at: datetime | None = None
    due_at: datetime | None = None
    return_to: int | None = None
    # what the letter registers write of the case (engine.hooks: a letter's subject and recipient)
    title: str = ""
    requester: str | None = None


@overload
def clean_text(value: str | None, limit: int, what: str, required: Literal[True]) -> str: ...
@overload
def clean_text(value: str | None, limit: int, what: str, required: bool = False) -> str | None: ...


def clean_text(value: str | None, limit: int, what: str, required: bool = False) -> str | None:
    """A text field stripped, its length checked; None when empty (refused when `required`)."""
    value = (value or "").strip()
    if "\x00" in value:  # PostgreSQL cannot store it (store.db.NUL_TEXT); refused on SQLite alike
        raise UserError(f"{what} berisi karakter NUL (kode 0) yang tidak dapat disimpan")
    if required and not value:
        raise UserError(f"{what} wajib diisi")
    if len(value) > limit:
        raise UserError(f"{what} terlalu panjang ({len(value)} karakter; maksimal {limit})")
    return value or None


def get_case(session: Session, number: str) -> Case:
    case = session.scalar(select(Case).where(Case.number == str(number).strip().upper()))
    if case is None:
        raise NotFound(f"Kasus {number!r} tidak ada")
    return case


def open_item(case: Case) -> WorkItem:
    for item in case.items:
        if item.status == "open":
            return item
    raise nothing_waiting(case.number, case.status)


def nothing_waiting(number: str, status: str) -> Conflict:
    state = {"done": "sudah selesai", "cancelled": "dibatalkan"}.get(status, status)
    return Conflict(f"Kasus {number} {state}; tidak ada kegiatan yang menunggu")


def open_step_of(db: Session | DirectTx, number: str) -> OpenStep:
    """The case and its waiting work item in one query (the hot path of every action)."""
    number = str(number).strip().upper()
    row = db.execute(OPEN_STEP, {"number": number}).first()
    if row is None:
        case = db.execute(CASE_STATUS, {"number": number}).first()
        if case is None:
            raise NotFound(f"Kasus {number!r} tidak ada")
        raise nothing_waiting(case[0], case[1])
    return OpenStep(*row)


def refuse_acted_on(ws: Workspace, db: Session | DirectTx, number: str, step: int | None) -> None:
    """The step a desk acts on (or, without a step, the case) was finished, returned or
    cancelled by someone else meanwhile: refuse in one line naming who and when (office time),
    as two desks racing read it."""
    number = str(number).strip().upper()
    if step is not None and not 0 < step < 2**31:  # no such step: nobody acted on it (and SQLite
        return  # cannot even bind an integer beyond 64 bits)
    row = (db.execute(LAST_ACT, {"number": number}) if step is None
           else db.execute(LAST_VISIT, {"number": number, "step": step})).first()
    if row is None or row[3] is None:
        return
    case_number, last_step, status, when, who = row
    local = ws.calendar.local(when)
    at = f"pukul {local:%H.%M} {local.tzname()}"  # the office's zone, as on the printed records (WITA)
    if local.date() != ws.calendar.local(ws.clock()).date():
        at = f"pada {local:%d-%m-%Y} {at}"
    who = who or "pengguna lain"
    if status == "cancelled":
        raise Conflict(f"Kasus {case_number} sudah dibatalkan oleh {who} {at}")
    if step is None:  # the case ended with this step
        raise Conflict(f"Kasus {case_number} sudah selesai: kegiatan {last_step} diselesaikan oleh {who} {at}")
    done = "dikembalikan" if status == "returned" else "diselesaikan"
    raise Conflict(f"Kegiatan {step} {case_number} sudah {done} oleh {who} {at}")


CASE_SEQUENCE = select(CaseSequence.last).where(CaseSequence.kode == bindparam("kode"),
                                                CaseSequence.year == bindparam("year"))
FIRST_OF_SEQUENCE = insert(CaseSequence)
NEXT_OF_SEQUENCE = (update(CaseSequence).where(CaseSequence.kode == bindparam("seq_kode"),
                                               CaseSequence.year == bindparam("seq_year"))
                    .values(last=bindparam("taken")))


def next_number(db: Session | DirectTx, kode: str, year: int) -> str:
    """The next case number of an SOP in a year, taken under that sequence's lock (prepared
    statements on the transaction's cursor: part of every case start)."""
    with DirectTx.over(db) as tx:
        locks.hold(tx, f"sopdesk:case-number:{kode}:{year}")
        last = tx.scalar(CASE_SEQUENCE, {"kode": kode, "year": year})
        taken = (last or 0) + 1
        if last is None:
            tx.execute(FIRST_OF_SEQUENCE, [{"kode": kode, "year": year, "last": taken}])
        else:
            tx.execute(NEXT_OF_SEQUENCE, {"seq_kode": kode, "seq_year": year, "taken": taken})
    return f"{kode}/{year}/{taken:04d}"


def step_values(ws: Workspace, sop: Sop, step_no: int, now: datetime,
                 deadlines: Callable[[], Sequence[Deadline]]) -> dict[str, Any]:
    """The columns of a new work item for `step_no`; `deadlines` gives the case's deadlines
    (read only when a 'paling cepat' deadline holds the step back)."""
    not_before = None
    if any(t.jenis == "paling_cepat" and step_no in t.kegiatan for t in sop.tenggat):
        for deadline in deadlines():
            rule = _rule(sop, deadline.kode)
            if rule.jenis == "paling_cepat" and step_no in rule.kegiatan and deadline.due_at:
                not_before = deadline.due_at
    return {"step_no": step_no, "role": sop.role_of(step_no), "status": "open", "created_at": now,
            "due_at": ws.calendar.due(now, sop.step(step_no).waktu_baku), "not_before": not_before}


def open_step(ws: Workspace, session: Session, case: Case, sop: Sop, step_no: int,
               now: datetime) -> WorkItem:
    item = WorkItem(case_id=case.id, **step_values(ws, sop, step_no, now, lambda: case.deadlines))
    session.add(item)
    return item


def _rule(sop: Sop, kode: str) -> Tenggat:
    return next(t for t in sop.tenggat if t.kode == kode)


def checked(ws: Workspace, db: Session | DirectTx, actor: Actor, number: str, step: int | None,
             what: str) -> tuple[ActingUser, OpenStep, Sop]:
    """The acting user, the waiting step and its SOP revision, once the user may act on it."""
    user = load_actor(db, actor, includes=ws.catalog.role_includes)
    try:
        waiting = open_step_of(db, number)
    except Conflict:  # nothing waits: the case ended or was cancelled
        refuse_acted_on(ws, db, number, step)
        raise
    if step is not None and step != waiting.step_no:
        refuse_acted_on(ws, db, number, step)
        raise Conflict(f"Kasus {waiting.number} sedang di kegiatan {waiting.step_no}, bukan {step}")
    require_role(user, waiting.role, what)
    return user, waiting, ws.sop_of_revision(db, waiting.sop_revision_id)


def checked_item(ws: Workspace, session: Session, actor: Actor, number: str,
                  step: int | None, what: str) -> tuple[ActingUser, Case, WorkItem, Sop]:
    """`checked` with the case and its work item as ORM objects."""
    user, waiting, sop = checked(ws, session, actor, number, step, what)
    return user, session.get_one(Case, waiting.case_id), session.get_one(WorkItem, waiting.item_id), sop


def not_claimed_by_other(user: ActingUser, item: WorkItem | OpenStep, db: Session | DirectTx) -> None:
    if item.assignee_id is not None and item.assignee_id != user.id and not user.is_admin:
        other = db.scalar(USERNAME, {"user_id": item.assignee_id})
        raise Conflict(f"Kegiatan {item.step_no} sedang dikerjakan oleh {other}; "
                       "minta dilepas atau dialihkan dulu")

