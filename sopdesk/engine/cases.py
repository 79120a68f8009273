"""Cases and their work items: start, claim, complete, return, cancel.

Every function is one transaction that checks the acting user's roles first and writes an
audit event; a refused action raises a UserError and changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import nullcontext
from dataclasses import dataclass
from datetime import datetime
from typing import NamedTuple

from sqlalchemy import bindparam, insert, select, update
from sqlalchemy.orm import Session

from sopdesk.catalog import END, Sop
from sopdesk.engine import audit, seal
from sopdesk.engine.attachments import attach
from sopdesk.engine.step_input import KeptFile as KeptFile  # re-exported: callers name the inputs by cases
from sopdesk.engine.step_input import OutputValue as OutputValue
from sopdesk.engine.step_input import StepInput as StepInput
from sopdesk.engine.step_input import check_step_input, resolve
from sopdesk.engine.users import ActingUser, Actor, effective_roles, find_user, load_actor, require_role
from sopdesk.engine.workspace import Workspace
from sopdesk.errors import Conflict, NotFound, PermissionRefused, UserError
from sopdesk.store import locks
from sopdesk.store.direct import DirectTx
from sopdesk.store.models import (
    Case,
    CaseDeadline,
    CaseSequence,
    ChecklistEntry,
    Document,
    User,
    WorkItem,
)

MAX_TITLE = 500
MAX_NOTE = 5000

# the statements of the hot path, prepared once (see store.direct)
OPEN_STEP = (
    select(Case.id, Case.number, Case.sop_revision_id, WorkItem.id, WorkItem.step_no, WorkItem.role,
           WorkItem.assignee_id, WorkItem.not_before)
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
ADD_CHECKS = insert(ChecklistEntry)
ADD_ITEM = insert(WorkItem).returning(WorkItem.id)
FINISH_ITEM = (
    update(WorkItem).where(WorkItem.id == bindparam("item_id"))
    .values(status="done", completed_at=bindparam("done_at"), completed_by=bindparam("done_by"),
            choice=bindparam("chosen"), note=bindparam("note_text"), draft=None)
)
CLOSE_CASE = (
    update(Case).where(Case.id == bindparam("case_id"))
    .values(status="done", closed_at=bindparam("done_at"))
)


@dataclass(frozen=True)
class Completed:
    case_number: str
    step_no: int
    next_step: int | None  # None when the case ended
    choice: str | None
    warnings: tuple[str, ...] = ()
    notices: tuple[str, ...] = ()  # what the letter registers recorded (numbers given, expedition)
    next_role: str | None = None  # the role the next step waits for (None when the case ended)
    confirmed: bool = False  # a joint step's lane confirmed it; the step waits for the next lane


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


# --- helpers ---------------------------------------------------------------------------------

def _text(value: str | None, limit: int, what: str, required: bool = False) -> str | None:
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
    raise _nothing_waiting(case.number, case.status)


def _nothing_waiting(number: str, status: str) -> Conflict:
    state = {"done": "sudah selesai", "cancelled": "dibatalkan"}.get(status, status)
    return Conflict(f"Kasus {number} {state}; tidak ada kegiatan yang menunggu")


def _open_step_of(db: Session | DirectTx, number: str) -> OpenStep:
    """The case and its waiting work item in one query (the hot path of every action)."""
    number = str(number).strip().upper()
    row = db.execute(OPEN_STEP, {"number": number}).first()
    if row is None:
        case = db.execute(CASE_STATUS, {"number": number}).first()
        if case is None:
            raise NotFound(f"Kasus {number!r} tidak ada")
        raise _nothing_waiting(case[0], case[1])
    return OpenStep(*row)


def _refuse_acted_on(ws: Workspace, db: Session | DirectTx, number: str, step: int | None) -> None:
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
    at = f"pukul {local:%H.%M}"
    if local.date() != ws.calendar.local(ws.clock()).date():
        at = f"pada {local:%d-%m-%Y} {at}"
    who = who or "pengguna lain"
    if status == "cancelled":
        raise Conflict(f"Kasus {case_number} sudah dibatalkan oleh {who} {at}")
    if step is None:  # the case ended with this step
        raise Conflict(f"Kasus {case_number} sudah selesai: kegiatan {last_step} diselesaikan oleh {who} {at}")
    done = "dikembalikan" if status == "returned" else "diselesaikan"
    raise Conflict(f"Kegiatan {step} {case_number} sudah {done} oleh {who} {at}")


def _next_number(session: Session, kode: str, year: int) -> str:
    """The next case number of an SOP in a year, taken under that sequence's lock."""
    locks.hold(session, f"sopdesk:case-number:{kode}:{year}")
    seq = session.get(CaseSequence, (kode, year))
    if seq is None:
        seq = CaseSequence(kode=kode, year=year, last=0)
        session.add(seq)
    seq.last += 1
    return f"{kode}/{year}/{seq.last:04d}"


def _step_values(ws: Workspace, sop: Sop, step_no: int, now: datetime,
                 deadlines: Callable[[], list[CaseDeadline]]) -> dict:
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


def _open_step(ws: Workspace, session: Session, case: Case, sop: Sop, step_no: int,
               now: datetime) -> WorkItem:
    item = WorkItem(case_id=case.id, **_step_values(ws, sop, step_no, now, lambda: case.deadlines))
    session.add(item)
    return item


def _rule(sop: Sop, kode: str):  # noqa: ANN202 - a Tenggat
    return next(t for t in sop.tenggat if t.kode == kode)


def _anchor_deadlines(ws: Workspace, case: Case, sop: Sop, completed_step: int | None,
                      now: datetime, choice: str | None = None) -> None:
    """Start, add (conditional) and meet case deadlines: engine.deadlines.anchor."""
    from sopdesk.engine import deadlines

    deadlines.anchor(ws, case, sop, completed_step, choice, now)


def _secret_route(kegiatan, choice: str | None) -> bool:  # noqa: ANN001 - a Kegiatan
    """Does the chosen route mark the case rahasia (`pilihan.rahasia`)?"""
    if kegiatan.keputusan is None or choice is None:
        return False
    return any(p.rahasia and p.label == choice for p in kegiatan.keputusan.pilihan)


def _binding_wait(ws: Workspace, sop: Sop, waiting: OpenStep, user: ActingUser, data: StepInput,
                  now: datetime) -> str | None:
    """A step held back by a 'paling cepat' deadline (a binding wait) may not be completed
    before the wait ends; an administrator may, with a reason (returned as the warning)."""
    if waiting.not_before is None or now >= waiting.not_before:
        return None
    from sopdesk.engine.deadlines import wait_of

    when = ws.calendar.local(waiting.not_before).strftime("%d-%m-%Y %H.%M")
    rule = wait_of(sop, waiting.step_no)
    name = f" '{rule.nama}'" if rule else ""
    reason = (data.override_reason or "").strip()
    if not reason:
        raise Conflict(f"Kegiatan {waiting.step_no} kasus {waiting.number} belum boleh diselesaikan: "
                       f"masa tunggu{name} berakhir {when}. Administrator dapat melewatinya dengan alasan")
    if not user.is_admin:
        raise PermissionRefused(f"Hanya administrator yang boleh menyelesaikan kegiatan {waiting.step_no} "
                                f"sebelum masa tunggu berakhir ({when})")
    _text(reason, MAX_NOTE, "alasan melewati masa tunggu")
    return f"diselesaikan sebelum masa tunggu berakhir ({when}) oleh administrator: {reason}"


def _checked(ws: Workspace, db: Session | DirectTx, actor: Actor, number: str, step: int | None,
             what: str) -> tuple[ActingUser, OpenStep, Sop]:
    """The acting user, the waiting step and its SOP revision, once the user may act on it."""
    user = load_actor(db, actor, includes=ws.catalog.role_includes)
    try:
        waiting = _open_step_of(db, number)
    except Conflict:  # nothing waits: the case ended or was cancelled
        _refuse_acted_on(ws, db, number, step)
        raise
    if step is not None and step != waiting.step_no:
        _refuse_acted_on(ws, db, number, step)
        raise Conflict(f"Kasus {waiting.number} sedang di kegiatan {waiting.step_no}, bukan {step}")
    require_role(user, waiting.role, what)
    return user, waiting, ws.sop_of_revision(db, waiting.sop_revision_id)


def _checked_item(ws: Workspace, session: Session, actor: Actor, number: str,
                  step: int | None, what: str) -> tuple[ActingUser, Case, WorkItem, Sop]:
    """`_checked` with the case and its work item as ORM objects."""
    user, waiting, sop = _checked(ws, session, actor, number, step, what)
    return user, session.get(Case, waiting.case_id), session.get(WorkItem, waiting.item_id), sop


def _not_claimed_by_other(user: ActingUser, item: WorkItem | OpenStep, db: Session | DirectTx) -> None:
    if item.assignee_id is not None and item.assignee_id != user.id and not user.is_admin:
        other = db.scalar(USERNAME, {"user_id": item.assignee_id})
        raise Conflict(f"Kegiatan {item.step_no} sedang dikerjakan oleh {other}; "
                       "minta dilepas atau dialihkan dulu")


def _check_kept(tx: DirectTx, waiting: OpenStep, attachment_ids: list[int]) -> None:
    """Carried-over files must be files of an earlier visit of this very step of this case."""
    if not attachment_ids:
        return
    earlier = select(WorkItem.id).where(WorkItem.case_id == waiting.case_id,
                                        WorkItem.step_no == waiting.step_no,
                                        WorkItem.id != waiting.item_id)
    session = tx.session()
    known = set(session.scalars(select(ChecklistEntry.attachment_id)
                                .where(ChecklistEntry.work_item_id.in_(earlier))))
    known |= set(session.scalars(select(Document.attachment_id).where(Document.work_item_id.in_(earlier))))
    for attachment_id in attachment_ids:
        if attachment_id not in known:
            raise UserError(f"Lampiran {attachment_id} bukan lampiran kunjungan sebelumnya pada kegiatan "
                            f"{waiting.step_no} kasus {waiting.number}; lampirkan berkasnya lagi")


# --- services ----------------------------------------------------------------------------------

def start_case_in(ws: Workspace, session: Session, actor: Actor, kode: str, title: str,
                  entry: str | None = None, requester: str | None = None) -> Case:
    """Start a case inside the caller's transaction (used by visitor registration too)."""
    user = load_actor(session, actor, includes=ws.catalog.role_includes)
    title = _text(title, MAX_TITLE, "judul kasus", required=True)
    requester = _text(requester, 200, "nama pemohon")
    revision_id, sop = ws.startable_revision(session, kode)  # refused for an SOP switched off
    try:
        entri = sop.entry(entry)
    except KeyError:
        codes = ", ".join(e.kode for e in sop.entri)
        raise UserError(f"Entri {entry!r} tidak ada pada SOP {sop.kode} (pilihan: {codes})") from None
    require_role(user, sop.role_of(entri.kegiatan), f"memulai kasus {sop.kode} di entri {entri.kode}")
    now = ws.clock()
    year = ws.calendar.local(now).year
    case = Case(number=_next_number(session, sop.kode, year), sop_kode=sop.kode,
                sop_revision_id=revision_id, entry=entri.kode, title=title, requester=requester,
                status="open", started_at=now, started_by=user.id)
    session.add(case)
    _anchor_deadlines(ws, case, sop, None, now)
    session.flush()
    item = _open_step(ws, session, case, sop, entri.kegiatan, now)
    session.flush()
    audit.record(session, at=now, user_id=user.id, action="case_started", case_id=case.id,
                 work_item_id=item.id, step_no=item.step_no, sop=sop.kode, revisi=sop.revisi,
                 entry=entri.kode, title=title)
    return case


def start_case(ws: Workspace, actor: Actor, kode: str, title: str, entry: str | None = None,
               requester: str | None = None) -> str:
    with ws.db.transaction() as session:
        return start_case_in(ws, session, actor, kode, title, entry, requester).number


def claim(ws: Workspace, actor: Actor, number: str) -> None:
    now = ws.clock()
    with ws.db.transaction() as session:
        user, case, item, _ = _checked_item(ws, session, actor, number, None, "mengambil kegiatan ini")
        _not_claimed_by_other(user, item, session)
        item.assignee_id = user.id
        audit.record(session, at=now, user_id=user.id, action="claimed", case_id=case.id,
                     work_item_id=item.id, step_no=item.step_no)


def release(ws: Workspace, actor: Actor, number: str) -> None:
    now = ws.clock()
    with ws.db.transaction() as session:
        user, case, item, _ = _checked_item(ws, session, actor, number, None, "melepas kegiatan ini")
        _not_claimed_by_other(user, item, session)
        item.assignee_id = None
        audit.record(session, at=now, user_id=user.id, action="released", case_id=case.id,
                     work_item_id=item.id, step_no=item.step_no)


def assign(ws: Workspace, actor: Actor, number: str, username: str) -> None:
    now = ws.clock()
    with ws.db.transaction() as session:
        user, case, item, _ = _checked_item(ws, session, actor, number, None, "mengalihkan kegiatan ini")
        _not_claimed_by_other(user, item, session)
        target = find_user(session, username)
        if not target.active:
            raise UserError(f"Pengguna {target.username} tidak aktif")
        if item.role not in effective_roles(target.role_names, ws.catalog.role_includes):
            raise UserError(f"Pengguna {target.username} tidak memegang peran {item.role}")
        item.assignee_id = target.id
        audit.record(session, at=now, user_id=user.id, action="assigned", case_id=case.id,
                     work_item_id=item.id, step_no=item.step_no, to=target.username)


def complete(ws: Workspace, actor: Actor, number: str, data: StepInput,
             step: int | None = None, within: DirectTx | None = None) -> Completed:
    """Complete the waiting step: one direct transaction (the hot path of the office day);
    the ORM joins it only for scans, recorded documents, case deadlines and letters.
    `within` runs it in the caller's direct transaction instead (visitor registration
    completes the help-desk steps in its own)."""
    now = ws.clock()
    with ws.db.direct() if within is None else nullcontext(within) as tx:
        user, waiting, sop = _checked(ws, tx, actor, number, step, "menyelesaikan kegiatan ini")
        _not_claimed_by_other(user, waiting, tx)
        step_no = waiting.step_no
        kegiatan = sop.step(step_no)
        note = _text(data.note, MAX_NOTE, "catatan")
        warnings: list[str] = []

        route = check_step_input(sop, step_no, waiting.role, data)
        lane, following, choice, target = route.lane, route.following, route.choice, route.target
        override = _binding_wait(ws, sop, waiting, user, data, now)
        if override:
            warnings.append(override)
        if lane.eksternal and not data.on_behalf:
            raise UserError(f"Kegiatan {step_no} dikerjakan oleh {lane.nama}, pihak di luar kantor: catat "
                            f"atas namanya (centang 'Dicatat atas nama {lane.nama}' / --atas-nama)")
        if data.on_behalf and not lane.eksternal:
            raise UserError(f"Kegiatan {step_no} dikerjakan oleh {lane.nama} sendiri, bukan pihak luar; "
                            "jangan catat 'atas nama'")

        present = {resolve(kegiatan.kelengkapan, key, "kelengkapan") for key in data.present}
        files = {resolve(kegiatan.kelengkapan, key, "kelengkapan"): path
                 for key, path in data.files.items()}
        kept = {resolve(kegiatan.kelengkapan, key, "kelengkapan"): scan.attachment_id
                for key, scan in data.kept.items() if scan}
        _check_kept(tx, waiting, [*kept.values(), *(v.kept.attachment_id for v in data.outputs.values()
                                                     if v.kept and not v.file)])
        checks = []
        for name in kegiatan.kelengkapan:
            scan = attach(tx.session(), ws.attachments_dir, files[name], now) if name in files else None
            checks.append({"work_item_id": waiting.item_id, "item": name,
                           "present": name in present or name in files or name in kept,
                           "attachment_id": scan.id if scan else kept.get(name)})
        tx.flush()  # the scans, before the checklist refers to them
        tx.execute(ADD_CHECKS, checks)
        for key, value in data.outputs.items():
            name = resolve(kegiatan.output, key, "output")
            number_text = _text(value.number, 200, f"nomor dokumen {name}")
            scan = attach(tx.session(), ws.attachments_dir, value.file, now) if value.file else None
            scan_id = scan.id if scan else (value.kept.attachment_id if value.kept else None)
            tx.session().add(Document(case_id=waiting.case_id, work_item_id=waiting.item_id, name=name,
                                      number=number_text, doc_date=value.date, attachment_id=scan_id))

        tx.execute(FINISH_ITEM, {"item_id": waiting.item_id, "done_at": now, "done_by": user.id,
                                 "chosen": choice, "note_text": note})
        seal.touch(tx, "work_item", waiting.item_id)  # Core writes: sealed with the step's event
        seal.touch_related(tx, "checklist_entry", "work_item_id", waiting.item_id)
        secret = _secret_route(kegiatan, choice)
        case = tx.session().get(Case, waiting.case_id) if sop.tenggat or secret else None
        if case is not None and following is None:
            _anchor_deadlines(ws, case, sop, step_no, now, choice)
        if secret:
            case.rahasia = True
        next_id = None
        if target == END:
            tx.execute(CLOSE_CASE, {"case_id": waiting.case_id, "done_at": now})
            seal.touch(tx, "case_file", waiting.case_id)
        else:
            values = _step_values(ws, sop, target, now, lambda: case.deadlines)
            if following is not None:
                values["role"] = following.peran
            next_id = tx.scalar(ADD_ITEM, {"case_id": waiting.case_id, **values})
            seal.touch(tx, "work_item", next_id)  # a Core insert: sealed with the step's event
        extra = {"on_behalf": lane.nama} if data.on_behalf else {}
        if override:
            extra["wait_overridden"] = data.override_reason.strip()
        audit.record(tx, at=now, user_id=user.id,
                     action="step_confirmed" if following is not None else "step_completed",
                     case_id=waiting.case_id, work_item_id=waiting.item_id, step_no=step_no, choice=choice,
                     next=None if target == END else target, present=sorted(present),
                     outputs=sorted(data.outputs), note=note, warnings=warnings, **extra)
        # the hook of the letter registers: letter outputs into the outgoing agenda and the
        # buku ekspedisi, a disposition riding on the step (imported here: letters imports cases)
        from sopdesk.engine import letters

        notices: list[str] = []
        if following is None and letters.has_step_work(ws, sop, step_no, data):
            session = tx.session()
            session.flush()
            session.expire_all()  # the direct writes above are newer than what it loaded
            notices = letters.on_step_completed(
                ws, session, user, session.get(Case, waiting.case_id), session.get(WorkItem, waiting.item_id),
                sop, data, session.get(WorkItem, next_id) if next_id else None, now)
        return Completed(waiting.number, step_no, None if next_id is None else target, choice, tuple(warnings),
                         tuple(notices), None if next_id is None else values["role"], following is not None)


def return_to(ws: Workspace, actor: Actor, number: str, to_step: int, reason: str) -> int:
    """Send the case back to a step it already went through, with the reason."""
    now = ws.clock()
    with ws.db.transaction() as session:
        user, case, item, sop = _checked_item(ws, session, actor, number, None,
                                              "mengembalikan kegiatan ini")
        reason = _text(reason, MAX_NOTE, "alasan pengembalian", required=True)
        visited = {i.step_no for i in case.items if i.status == "done"}
        if to_step not in visited:
            listed = ", ".join(str(n) for n in sorted(visited)) or "belum ada"
            raise UserError(f"Kasus {case.number} hanya dapat dikembalikan ke kegiatan yang sudah "
                            f"dilalui (kegiatan: {listed})")
        item.status = "returned"
        item.completed_at = now
        item.completed_by = user.id
        item.return_to = to_step
        item.note = reason
        new = _open_step(ws, session, case, sop, to_step, now)
        session.flush()
        audit.record(session, at=now, user_id=user.id, action="step_returned", case_id=case.id,
                     work_item_id=item.id, step_no=item.step_no, to=to_step, reason=reason,
                     new_item=new.id)
        return to_step


def cancel(ws: Workspace, actor: Actor, number: str, reason: str) -> None:
    now = ws.clock()
    with ws.db.transaction() as session:
        user, case, item, _ = _checked_item(ws, session, actor, number, None, "membatalkan kasus ini")
        reason = _text(reason, MAX_NOTE, "alasan pembatalan", required=True)
        item.status = "cancelled"
        item.completed_at = now
        item.completed_by = user.id
        item.note = reason
        case.status = "cancelled"
        case.closed_at = now
        case.close_reason = reason
        audit.record(session, at=now, user_id=user.id, action="case_cancelled", case_id=case.id,
                     work_item_id=item.id, step_no=item.step_no, reason=reason)

