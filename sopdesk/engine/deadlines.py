"""Case-level deadlines (tenggat) beyond a step's own time: when they start, when they apply,
how they are extended, and how late a deadline was met.

Why a module of its own: the law behind an SOP sets deadlines the flow table cannot hold (UU
14/2008: an information request is answered within 10 working days, extendable once by 7
working days with a written notice; PAW: a 14-day wait only while a candidate's eligibility
is being clarified). The SOP file declares them (`tenggat`, sop_catalog/FORMAT.md); this module
keeps the dates the office must meet, and cases.py asks it at every start and completion.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta, tzinfo
from functools import cached_property
from typing import TYPE_CHECKING, Any

from sqlalchemy import BindParameter, Exists, ScalarSelect, and_, bindparam, exists, func, insert, select, update
from sqlalchemy.orm import Session

from sopdesk.engine import audit, seal
from sopdesk.engine.case_steps import clean_text, get_case, open_item
from sopdesk.engine.users import Actor, load_actor, require_role
from sopdesk.engine.workspace import Workspace
from sopdesk.errors import UserError
from sopdesk.store.direct import DirectTx
from sopdesk.store.models import Case, CaseDeadline, Document, WorkItem

if TYPE_CHECKING:  # the SOP models only in annotations: the inbox imports no pydantic (#15)
    from sopdesk.catalog.schema import Perpanjangan, Sop, Tenggat

MAX_REASON = 5000


def rule_of(sop: Sop, kode: str) -> Tenggat | None:
    return next((t for t in sop.tenggat if t.kode == kode), None)


def applies(rule: Tenggat, step_no: int | None, choice: str | None) -> bool:
    """Does a conditional rule's condition hold for this completion (decision step, label)?"""
    cond = rule.berlaku_jika
    return (cond is not None and step_no == cond.kegiatan and choice is not None
            and choice.strip().lower() == cond.pilihan.lower())


@dataclass
class DeadlineRow:
    """A case deadline as a completion or a case start reads and writes it with prepared
    statements: CaseDeadline's columns that `anchor` and a work item's wait use, as a plain
    object (an ORM object costs more to make than the rest of a step's deadlines)."""

    kode: str
    name: str
    kind: str
    due_at: datetime | None = None
    met_at: datetime | None = None
    id: int | None = None


class NewCase:
    """A case about to be written (cases.write_case): its start and the deadlines `anchor`
    gives it."""

    def __init__(self, started_at: datetime):
        self.started_at = started_at
        self.deadlines: list[DeadlineRow] = []


def _completed_at(case: Case | CaseView | NewCase, step_no: int) -> datetime | None:
    if isinstance(case, CaseView):
        return case.completed_at(step_no)
    if isinstance(case, NewCase):
        return None  # nothing is completed before the start
    done = [i.completed_at for i in case.items if i.step_no == step_no and i.status == "done" and i.completed_at]
    return max(done) if done else None


# the statements of a completion's deadlines, prepared once (store.direct)
DEADLINES_OF = (select(CaseDeadline.id, CaseDeadline.kode, CaseDeadline.name, CaseDeadline.kind,
                       CaseDeadline.due_at, CaseDeadline.met_at, CaseDeadline.extensions, CaseDeadline.first_due_at)
                .where(CaseDeadline.case_id == bindparam("case_id")).order_by(CaseDeadline.id))
STARTED_AT = select(Case.started_at).where(Case.id == bindparam("case_id"))
LAST_DONE = select(func.max(WorkItem.completed_at)).where(
    WorkItem.case_id == bindparam("case_id"), WorkItem.step_no == bindparam("step_no"), WorkItem.status == "done")
ADD_DEADLINE = insert(CaseDeadline)
SET_DEADLINE = (update(CaseDeadline).where(CaseDeadline.id == bindparam("deadline_id"))
                .values(due_at=bindparam("due"), met_at=bindparam("met")))


class CaseView:
    """A stored case's deadlines read and written with prepared statements (a completion's
    direct transaction), for `anchor` and the work item's wait: what anchor changes or adds
    is written by `save`, sealed with the completion's event from the rows as written (each
    row's other columns are read here, so nothing is read back before the commit)."""

    def __init__(self, tx: DirectTx, case_id: int):
        self._tx, self.case_id = tx, case_id
        rows = tx.execute(DEADLINES_OF, {"case_id": case_id}).all()
        self.deadlines = [DeadlineRow(row[1], row[2], row[3], row[4], row[5], row[0]) for row in rows]
        self._read = {d.id: (d.due_at, d.met_at) for d in self.deadlines}
        self._rest = {row[0]: {"extensions": row[6], "first_due_at": row[7]} for row in rows}

    @cached_property
    def started_at(self) -> datetime:
        return self._tx.scalar(STARTED_AT, {"case_id": self.case_id})  # type: ignore[no-any-return]

    def completed_at(self, step_no: int) -> datetime | None:
        return self._tx.scalar(LAST_DONE, {"case_id": self.case_id, "step_no": step_no})  # type: ignore[no-any-return]

    def save(self) -> None:
        added = [{"case_id": self.case_id, "kode": d.kode, "name": d.name, "kind": d.kind, "due_at": d.due_at,
                  "met_at": d.met_at} for d in self.deadlines if d.id is None]
        changed = [d for d in self.deadlines if d.id is not None and self._read[d.id] != (d.due_at, d.met_at)]
        for values in added:
            seal.as_written(self._tx, "case_deadline", self._tx.insert(ADD_DEADLINE, values), values)
        for d in changed:
            assert d.id is not None  # a changed row is a stored one
            self._tx.execute(SET_DEADLINE, {"deadline_id": d.id, "due": d.due_at, "met": d.met_at})
            seal.as_written(self._tx, "case_deadline", d.id, {
                "case_id": self.case_id, "kode": d.kode, "name": d.name, "kind": d.kind, "due_at": d.due_at,
                "met_at": d.met_at, **self._rest[d.id]})


def concerns(sop: Sop, completed_step: int, choice: str | None) -> bool:
    """Whether `anchor` has anything to do for this completed step (read without the case: a
    completion loads the case and its deadlines only then; most steps start, add or meet none)."""
    return any(rule.sejak == completed_step or applies(rule, completed_step, choice)
               or (rule.jenis == "paling_lambat" and completed_step in rule.kegiatan)
               for rule in sop.tenggat)


def anchor(ws: Workspace, case: Case | CaseView | NewCase, sop: Sop, completed_step: int | None,
           choice: str | None, now: datetime) -> None:
    """Start the clock of deadlines anchored on the case start or on a completed step, add a
    conditional deadline when its decision chose its route, and mark 'paling lambat'
    deadlines met by a completed step. `completed_step` None: the case starts. A stored Case
    gets ORM deadlines; a CaseView or a NewCase plain ones (DeadlineRow)."""
    made: Callable[..., Any] = CaseDeadline if isinstance(case, Case) else DeadlineRow
    rows: dict[str, Any] = {d.kode: d for d in case.deadlines}
    for rule in sop.tenggat:
        row = rows.get(rule.kode)
        if rule.berlaku_jika is not None:
            if row is None and applies(rule, completed_step, choice):
                since = case.started_at if rule.sejak == "mulai" else (
                    now if rule.sejak == completed_step else _completed_at(case, rule.sejak))
                due = ws.calendar.due(since, rule.waktu_baku) if since is not None else None
                row = made(kode=rule.kode, name=rule.nama, kind=rule.jenis, due_at=due)
                case.deadlines.append(row)
                rows[rule.kode] = row
                continue
            if row is None:
                continue  # the condition does not hold (yet): no deadline
        anchored = (rule.sejak == "mulai" and completed_step is None) or rule.sejak == completed_step
        if anchored and (row is None or row.due_at is None):
            due = ws.calendar.due(now, rule.waktu_baku)
            if row is None:
                row = made(kode=rule.kode, name=rule.nama, kind=rule.jenis, due_at=due)
                case.deadlines.append(row)
                rows[rule.kode] = row
            else:
                row.due_at = due
        elif row is None and completed_step is None:
            row = made(kode=rule.kode, name=rule.nama, kind=rule.jenis)
            case.deadlines.append(row)
            rows[rule.kode] = row
    if completed_step is not None:
        for rule in sop.tenggat:
            row = rows.get(rule.kode)
            if (row is not None and rule.jenis == "paling_lambat" and completed_step in rule.kegiatan
                    and row.met_at is None and row.due_at is not None):
                row.met_at = now


def wait_of(sop: Sop, step_no: int) -> Tenggat | None:
    """The 'paling cepat' rule (a wait) that holds a step back, if any."""
    return next((t for t in sop.tenggat if t.jenis == "paling_cepat" and step_no in t.kegiatan), None)


def late_days(due_at: datetime | None, met_at: datetime | None) -> int:
    """Whole days (begun) by which a deadline was met late; 0 when met in time."""
    if due_at is None or met_at is None or met_at <= due_at:
        return 0
    return max(1, math.ceil((met_at - due_at) / timedelta(days=1)))


def state_text(tz: tzinfo, deadline: Mapping[str, Any], now: datetime) -> str:
    """How a case deadline stands, in words: 'terpenuhi 03-03-2026', 'terlambat 12 hari',
    'batas 14-03-2026 16.00 (diperpanjang 1 kali)', 'belum berjalan'."""
    from sopdesk.textfmt import waktu_lokal

    extended = f" (diperpanjang {deadline['extensions']} kali)" if deadline.get("extensions") else ""
    if deadline["kind"] == "paling_cepat":
        if deadline["due_at"] is None:
            return "belum berjalan"
        return f"masa tunggu sampai {waktu_lokal(deadline['due_at'], tz)}"
    if deadline["met_at"] is not None:
        late = late_days(deadline["due_at"], deadline["met_at"])
        when = waktu_lokal(deadline["met_at"], tz)
        return (f"terlambat {late} hari ({when}){extended}" if late
                else f"terpenuhi {when}{extended}")
    if deadline["due_at"] is None:
        return "belum berjalan"
    overdue = " — TERLAMBAT" if deadline["due_at"] < now else ""
    return f"batas {waktu_lokal(deadline['due_at'], tz)}{extended}{overdue}"


# --- the nearest case deadline of open work (inbox, --overdue, late counts) --------------------

def open_case_due() -> ScalarSelect[datetime | None]:
    """The earliest unmet 'paling lambat' case deadline of the work item's case (correlated)."""
    return (select(func.min(CaseDeadline.due_at))
            .where(CaseDeadline.case_id == WorkItem.case_id, CaseDeadline.kind == "paling_lambat",
                   CaseDeadline.met_at.is_(None))
            .correlate(WorkItem).scalar_subquery())


def case_overdue(now: datetime | BindParameter[datetime]) -> Exists:
    """Condition: the work item's case has an unmet 'paling lambat' deadline already past."""
    return exists().where(and_(CaseDeadline.case_id == WorkItem.case_id,
                               CaseDeadline.kind == "paling_lambat", CaseDeadline.met_at.is_(None),
                               CaseDeadline.due_at < now))


# --- extension --------------------------------------------------------------------------------

@dataclass(frozen=True)
class Extended:
    case_number: str
    kode: str
    name: str
    due_at: datetime       # the date that counts now
    before: datetime       # the date before this extension
    times: int             # extensions so far
    notice: str | None     # the notice recorded as output (its name), if the SOP names one


def extend(ws: Workspace, actor: Actor, number: str, kode: str | None, reason: str, *,
           notice_number: str | None = None) -> Extended:
    """Extend a case deadline by the time its SOP allows, with a reason (and the written
    notice recorded as a document of the waiting step when the SOP names one). Who may: the
    users of the waiting step's role, or an administrator."""
    now = ws.clock()
    with ws.db.transaction() as session:
        user = load_actor(session, actor, includes=ws.catalog.role_includes)
        case = get_case(session, number)
        sop = ws.sop_of_revision(session, case.sop_revision_id)
        item = open_item(case)
        require_role(user, item.role, "memperpanjang tenggat kasus ini")
        rule, ext, row, before = _extendable(sop, case, kode)
        reason = clean_text(reason, MAX_REASON, "alasan perpanjangan", required=True)
        notice_number = clean_text(notice_number, 200, "nomor surat pemberitahuan")
        if row.extensions >= ext.paling_banyak:
            raise UserError(f"Tenggat '{rule.nama}' kasus {case.number} sudah diperpanjang "
                            f"{row.extensions} kali; SOP {sop.kode} membolehkan paling banyak "
                            f"{ext.paling_banyak} kali")
        after = ws.calendar.due(before, ext.waktu_baku)
        if after is None:  # an extension "tanpa waktu baku" extends nothing
            raise UserError(f"Tenggat '{rule.nama}' tidak dapat diperpanjang menurut SOP {sop.kode}")
        if row.first_due_at is None:
            row.first_due_at = before
        row.due_at = after
        row.extensions += 1
        if ext.output:
            session.add(Document(case_id=case.id, work_item_id=item.id, name=ext.output,
                                 number=notice_number, doc_date=ws.calendar.local(now).date()))
        session.flush()
        audit.record(session, at=now, user_id=user.id, action="deadline_extended", case_id=case.id,
                     work_item_id=item.id, step_no=item.step_no, tenggat=rule.kode,
                     before=before.isoformat(), after=after.isoformat(), by=ext.waktu,
                     reason=reason, notice=ext.output, notice_number=notice_number)
        return Extended(case.number, rule.kode, rule.nama, after, before, row.extensions, ext.output)


def _extendable(sop: Sop, case: Case, kode: str | None) -> tuple[Tenggat, Perpanjangan, CaseDeadline, datetime]:
    """The deadline to extend (the one named, or the only extendable one of the case): its
    rule, the rule's extension, its row and the date that counts now."""
    rows = {d.kode: d for d in case.deadlines}
    candidates = [t for t in sop.tenggat if t.perpanjangan is not None and t.kode in rows]
    if kode:
        rule = rule_of(sop, kode.strip())
        if rule is None:
            known = ", ".join(t.kode for t in sop.tenggat) or "tidak ada"
            raise UserError(f"Tenggat {kode!r} tidak ada pada SOP {sop.kode} (tenggat: {known})")
        if rule.perpanjangan is None:
            raise UserError(f"Tenggat '{rule.nama}' tidak dapat diperpanjang menurut SOP {sop.kode}")
        if rule.kode not in rows:
            raise UserError(f"Tenggat '{rule.nama}' tidak berlaku pada kasus {case.number}")
    elif len(candidates) == 1:
        rule = candidates[0]
    elif not candidates:
        raise UserError(f"Kasus {case.number} tidak mempunyai tenggat yang dapat diperpanjang")
    else:
        listed = ", ".join(t.kode for t in candidates)
        raise UserError(f"Kasus {case.number} mempunyai beberapa tenggat; sebutkan yang mana ({listed})")
    row = rows[rule.kode]
    if row.met_at is not None:
        raise UserError(f"Tenggat '{rule.nama}' kasus {case.number} sudah terpenuhi")
    if row.due_at is None:
        raise UserError(f"Tenggat '{rule.nama}' kasus {case.number} belum berjalan")
    if rule.perpanjangan is None:  # not among the candidates: refused above
        raise UserError(f"Tenggat '{rule.nama}' tidak dapat diperpanjang menurut SOP {sop.kode}")
    return rule, rule.perpanjangan, row, row.due_at


def deadline_rows(session: Session, case_id: int) -> list[CaseDeadline]:
    return list(session.scalars(select(CaseDeadline).where(CaseDeadline.case_id == case_id)
                                .order_by(CaseDeadline.id)))
