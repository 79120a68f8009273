"""Cases and their work items: start, claim, complete, return, cancel.

Every function is one transaction that checks the acting user's roles first and writes an
audit event; a refused action raises a UserError and changes nothing. The helpers the
services share with the letter and visitor registrations are in engine.case_steps; what
other registers do when a step is completed (the letter registers' notices) runs through
engine.hooks.
"""

from __future__ import annotations

from collections.abc import Mapping
from contextlib import nullcontext
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import bindparam, insert, select, update
from sqlalchemy.orm import Session

from sopdesk.catalog import END, Sop
from sopdesk.catalog.schema import Entri, Kegiatan
from sopdesk.engine import audit, deadlines, hooks, seal
from sopdesk.engine.attachments import attach
from sopdesk.engine.case_steps import (
    MAX_NOTE,
    MAX_TITLE,
    OpenStep,
    checked,
    checked_item,
    clean_text,
    get_case,
    next_number,
    not_claimed_by_other,
    open_item,
    open_step,
    step_values,
)
from sopdesk.engine.step_input import KeptFile as KeptFile  # re-exported: callers name the inputs by cases
from sopdesk.engine.step_input import OutputValue as OutputValue
from sopdesk.engine.step_input import StepInput as StepInput
from sopdesk.engine.step_input import check_step_input, resolve
from sopdesk.engine.users import ActingUser, Actor, effective_roles, find_user, load_actor, require_role
from sopdesk.engine.workspace import Workspace
from sopdesk.errors import Conflict, PermissionRefused, UserError
from sopdesk.store.direct import DirectTx
from sopdesk.store.models import Case, ChecklistEntry, Document, SopDisabled, SopRevision, WorkItem

__all__ = ["MAX_NOTE", "MAX_TITLE", "Completed", "KeptFile", "OpenStep", "OutputValue", "StepInput", "assign",
           "cancel", "case_sop", "claim", "complete", "create_case", "get_case", "next_number", "open_item",
           "open_step", "release", "return_to", "start_case", "start_case_in", "write_case"]

# the statements of the hot path, prepared once (see store.direct)
ADD_CASE = insert(Case)  # rows sealed from the values written (seal.as_written)
REVISION_OF = select(SopRevision.id).where(SopRevision.kode == bindparam("kode"),
                                           SopRevision.revisi == bindparam("revisi"))
SOP_OFF = select(SopDisabled.kode).where(SopDisabled.kode == bindparam("kode"))
ADD_CHECK = insert(ChecklistEntry)
ADD_ITEM = insert(WorkItem)
FINISH_ITEM = (
    update(WorkItem).where(WorkItem.id == bindparam("item_id"))
    .values(status="done", completed_at=bindparam("done_at"), completed_by=bindparam("done_by"),
            choice=bindparam("chosen"), note=bindparam("note_text"), draft=None)
)
SECRET = seal.returning_sealed(update(Case).where(Case.id == bindparam("case_id")).values(rahasia=True), "case_file")
CLOSE_CASE = seal.returning_sealed(
    update(Case).where(Case.id == bindparam("case_id"))
    .values(status="done", closed_at=bindparam("done_at")), "case_file")


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


# --- helpers ---------------------------------------------------------------------------------

def _secret_route(kegiatan: Kegiatan, choice: str | None) -> bool:
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
    when = ws.calendar.local(waiting.not_before).strftime("%d-%m-%Y %H.%M")
    rule = deadlines.wait_of(sop, waiting.step_no)
    name = f" '{rule.nama}'" if rule else ""
    reason = (data.override_reason or "").strip()
    if not reason:
        raise Conflict(f"Kegiatan {waiting.step_no} kasus {waiting.number} belum boleh diselesaikan: "
                       f"masa tunggu{name} berakhir {when}. Administrator dapat melewatinya dengan alasan")
    if not user.is_admin:
        raise PermissionRefused(f"Hanya administrator yang boleh menyelesaikan kegiatan {waiting.step_no} "
                                f"sebelum masa tunggu berakhir ({when})")
    clean_text(reason, MAX_NOTE, "alasan melewati masa tunggu")
    return f"diselesaikan sebelum masa tunggu berakhir ({when}) oleh administrator: {reason}"


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


def create_case(ws: Workspace, session: Session, user_id: int, sop: Sop, revision_id: int, entri: Entri,
                title: str, requester: str | None, now: datetime, *, since: datetime | None = None,
                **detail: object) -> Case:
    """Number and write a new case of `sop` at entry `entri` with its first work item, its
    case deadlines started (`since`: when the deadlines that run from the start count from,
    default `now`) and the audit event; `detail` adds to the event. The caller has checked
    who may start it."""
    tx = DirectTx.of(session)
    try:
        case_id, _ = write_case(ws, tx, user_id, sop, revision_id, entri, title, requester, now,
                                since=since, **detail)
    finally:
        tx.close()
    return session.get_one(Case, case_id)


def write_case(ws: Workspace, tx: DirectTx, user_id: int, sop: Sop, revision_id: int, entri: Entri,
               title: str, requester: str | None, now: datetime, *, since: datetime | None = None,
               **detail: object) -> tuple[int, str]:
    """create_case's writes, with prepared statements on the transaction's cursor (the case,
    its deadlines and first work item sealed with the event, from the rows as written); returns
    the case's id and number."""
    return _write_case(ws, tx, user_id, sop, revision_id, entri, title, requester, now, since, False, detail)


def _write_case(ws: Workspace, tx: DirectTx, user_id: int, sop: Sop, revision_id: int, entri: Entri,
                title: str, requester: str | None, now: datetime, since: datetime | None, final: bool,
                detail: Mapping[str, object]) -> tuple[int, str]:
    """write_case; `final`: the caller writes nothing more before the commit (audit.record's)."""
    number = next_number(tx, sop.kode, ws.calendar.local(now).year)
    case = {"number": number, "sop_kode": sop.kode, "sop_revision_id": revision_id, "entry": entri.kode,
            "title": title, "requester": requester, "status": "open", "started_at": now, "started_by": user_id}
    case_id = tx.insert(ADD_CASE, case)
    seal.as_written(tx, "case_file", case_id, case)
    # the deadlines a new case starts with, as deadlines.anchor gives them (on a case not stored)
    fresh = deadlines.NewCase(now)
    deadlines.anchor(ws, fresh, sop, None, None, now if since is None else since)
    seal.insert_sealed(tx, "case_deadline", [{"case_id": case_id, "kode": d.kode, "name": d.name, "kind": d.kind,
                                              "due_at": d.due_at} for d in fresh.deadlines])
    values = step_values(ws, sop, entri.kegiatan, now, lambda: fresh.deadlines)
    item_id = _add_item(tx, {"case_id": case_id, **values})
    audit.record(tx, at=now, user_id=user_id, action="case_started", case_id=case_id,
                 work_item_id=item_id, step_no=entri.kegiatan, final=final, sop=sop.kode, revisi=sop.revisi,
                 entry=entri.kode, title=title, **detail)
    return case_id, number


def _add_item(tx: DirectTx, values: dict[str, Any]) -> int:
    item_id: int = tx.insert(ADD_ITEM, values)
    seal.as_written(tx, "work_item", item_id, values)
    return item_id


def _written(tx: DirectTx, statement: Any, table: str, values: Mapping[str, Any]) -> tuple[Any, ...]:
    """Run a `seal.returning_sealed` statement of one row; the row as stored, noted sealed."""
    row = tx.execute(statement, values).first()
    if row is None:
        raise Conflict("Baris yang diubah tidak ada lagi; muat ulang dan coba lagi")
    seal.written(tx, table, [row])
    return row


# --- services ----------------------------------------------------------------------------------

def _startable(ws: Workspace, db: Session | DirectTx, actor: Actor, kode: str, title: str, entry: str | None,
               requester: str | None) -> tuple[ActingUser, int, Sop, Entri, str, str | None]:
    """Who starts a case of which SOP revision at which entry, once checked."""
    user = load_actor(db, actor, includes=ws.catalog.role_includes)
    title = clean_text(title, MAX_TITLE, "judul kasus", required=True)
    requester = clean_text(requester, 200, "nama pemohon")
    revision_id, sop = _startable_revision(ws, db, kode)  # refused for an SOP switched off
    try:
        entri = sop.entry(entry)
    except KeyError:
        codes = ", ".join(e.kode for e in sop.entri)
        raise UserError(f"Entri {entry!r} tidak ada pada SOP {sop.kode} (pilihan: {codes})") from None
    require_role(user, sop.role_of(entri.kegiatan), f"memulai kasus {sop.kode} di entri {entri.kode}")
    return user, revision_id, sop, entri, title, requester


def _startable_revision(ws: Workspace, db: Session | DirectTx, kode: str) -> tuple[int, Sop]:
    """ws.startable_revision read with two prepared statements on a direct transaction when the
    SOP's current revision is stored and not switched off (every start); anything else (an
    unknown SOP, one switched off) is left to ws.startable_revision, which refuses in words."""
    if isinstance(db, DirectTx) and kode.upper() in ws.catalog.sops:
        sop = ws.catalog.sop(kode)
        revision_id = db.scalar(REVISION_OF, {"kode": sop.kode, "revisi": sop.revisi})
        if revision_id is not None and db.scalar(SOP_OFF, {"kode": sop.kode}) is None:
            return revision_id, sop
    return ws.startable_revision(db.session() if isinstance(db, DirectTx) else db, kode)


def start_case_in(ws: Workspace, session: Session, actor: Actor, kode: str, title: str,
                  entry: str | None = None, requester: str | None = None) -> Case:
    """Start a case inside the caller's transaction (used by visitor registration too)."""
    user, revision_id, sop, entri, title, requester = _startable(ws, session, actor, kode, title, entry, requester)
    return create_case(ws, session, user.id, sop, revision_id, entri, title, requester, ws.clock())


def case_sop(ws: Workspace, number: str) -> Sop:
    """The SOP revision a case runs on (the swimlane and the step form draw it); NotFound for a
    case that does not exist."""
    with ws.db.reading() as session:
        return ws.sop_of_revision(session, get_case(session, number).sop_revision_id)


def _calendar_first(ws: Workspace) -> None:
    """The office's work calendar read (once per workspace, again after a holiday edit) before
    a write transaction opens rather than inside it, where its read took a second connection
    from the pool: from then on the pool handed out its two connections in turn, each action
    on the one that had not seen the last commit, its page cache dropped (issue #15)."""
    _ = ws.calendar


def start_case(ws: Workspace, actor: Actor, kode: str, title: str, entry: str | None = None,
               requester: str | None = None) -> str:
    """Start a case: one direct transaction (store.direct), as completing a step is."""
    _calendar_first(ws)
    with ws.db.direct() as tx:
        user, revision_id, sop, entri, title, requester = _startable(ws, tx, actor, kode, title, entry, requester)
        return _write_case(ws, tx, user.id, sop, revision_id, entri, title, requester, ws.clock(), None, True,
                           {})[1]


def claim(ws: Workspace, actor: Actor, number: str) -> None:
    now = ws.clock()
    with ws.db.transaction() as session:
        user, case, item, _ = checked_item(ws, session, actor, number, None, "mengambil kegiatan ini")
        not_claimed_by_other(user, item, session)
        item.assignee_id = user.id
        audit.record(session, at=now, user_id=user.id, action="claimed", case_id=case.id,
                     work_item_id=item.id, step_no=item.step_no)


def release(ws: Workspace, actor: Actor, number: str) -> None:
    now = ws.clock()
    with ws.db.transaction() as session:
        user, case, item, _ = checked_item(ws, session, actor, number, None, "melepas kegiatan ini")
        not_claimed_by_other(user, item, session)
        item.assignee_id = None
        audit.record(session, at=now, user_id=user.id, action="released", case_id=case.id,
                     work_item_id=item.id, step_no=item.step_no)


def assign(ws: Workspace, actor: Actor, number: str, username: str) -> None:
    now = ws.clock()
    with ws.db.transaction() as session:
        user, case, item, _ = checked_item(ws, session, actor, number, None, "mengalihkan kegiatan ini")
        not_claimed_by_other(user, item, session)
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
    if within is None:
        _calendar_first(ws)
    with ws.db.direct() if within is None else nullcontext(within) as tx:
        user, waiting, sop = checked(ws, tx, actor, number, step, "menyelesaikan kegiatan ini")
        not_claimed_by_other(user, waiting, tx)
        step_no = waiting.step_no
        kegiatan = sop.step(step_no)
        note = clean_text(data.note, MAX_NOTE, "catatan")
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
        checks: list[Mapping[str, Any]] = []
        for name in kegiatan.kelengkapan:
            scan = attach(tx.session(), ws.attachments_dir, files[name], now) if name in files else None
            checks.append({"work_item_id": waiting.item_id, "item": name,
                           "present": name in present or name in files or name in kept,
                           "attachment_id": scan.id if scan else kept.get(name)})
        tx.flush()  # the scans, before the checklist refers to them
        for check in checks:
            seal.as_written(tx, "checklist_entry", tx.insert(ADD_CHECK, check), check)
        for key, value in data.outputs.items():
            name = resolve(kegiatan.output, key, "output")
            number_text = clean_text(value.number, 200, f"nomor dokumen {name}")
            scan = attach(tx.session(), ws.attachments_dir, value.file, now) if value.file else None
            scan_id = scan.id if scan else (value.kept.attachment_id if value.kept else None)
            tx.session().add(Document(case_id=waiting.case_id, work_item_id=waiting.item_id, name=name,
                                      number=number_text, doc_date=value.date, attachment_id=scan_id))

        # Core writes: sealed with the step's event from the values written (seal.as_written)
        tx.execute(FINISH_ITEM, {"item_id": waiting.item_id, "done_at": now, "done_by": user.id,
                                 "chosen": choice, "note_text": note})
        seal.as_written(tx, "work_item", waiting.item_id, {
            "case_id": waiting.case_id, "step_no": step_no, "role": waiting.role, "status": "done",
            "created_at": waiting.created_at, "due_at": waiting.due_at, "not_before": waiting.not_before,
            "assignee_id": waiting.assignee_id, "completed_at": now, "completed_by": user.id, "choice": choice,
            "note": note, "return_to": waiting.return_to})
        # the case's deadlines read only when this step starts, adds or meets one (most: none)
        view: deadlines.CaseView | None = None
        if following is None and bool(sop.tenggat) and deadlines.concerns(sop, step_no, choice):
            view = deadlines.CaseView(tx, waiting.case_id)
            deadlines.anchor(ws, view, sop, step_no, choice, now)
            view.save()
        if _secret_route(kegiatan, choice):
            _written(tx, SECRET, "case_file", {"case_id": waiting.case_id})
        next_id = next_step = None
        if isinstance(target, str):  # END
            _written(tx, CLOSE_CASE, "case_file", {"case_id": waiting.case_id, "done_at": now})
        else:
            next_step = target
            values = step_values(ws, sop, target, now,
                                 lambda: (view or deadlines.CaseView(tx, waiting.case_id)).deadlines)
            if following is not None:
                values["role"] = following.peran
            next_id = _add_item(tx, {"case_id": waiting.case_id, **values})
        extra = {"on_behalf": lane.nama} if data.on_behalf else {}
        if override:
            extra["wait_overridden"] = (data.override_reason or "").strip()
        reacting = following is None and hooks.wanted(ws, sop, step_no, data)
        tx.flush()  # the step's documents (an ORM session's), before the event that seals them
        audit.record(tx, at=now, user_id=user.id,
                     action="step_confirmed" if following is not None else "step_completed",
                     case_id=waiting.case_id, work_item_id=waiting.item_id, step_no=step_no,
                     final=within is None and not reacting, choice=choice,
                     next=None if target == END else target, present=sorted(present),
                     outputs=sorted(data.outputs), note=note, warnings=warnings, **extra)
        # what the registers do about it (engine.hooks): letter outputs into the outgoing
        # agenda and the buku ekspedisi, a disposition riding on the step
        notices: list[str] = []
        if reacting:
            notices = hooks.after_step(ws, tx, user, waiting.number, waiting.case_id, waiting.item_id, step_no,
                                       sop, data, next_id, now, (waiting.title, waiting.requester))
        return Completed(waiting.number, step_no, next_step, choice, tuple(warnings),
                         tuple(notices), None if next_id is None else values["role"], following is not None)


def return_to(ws: Workspace, actor: Actor, number: str, to_step: int, reason: str) -> int:
    """Send the case back to a step it already went through, with the reason."""
    now = ws.clock()
    with ws.db.transaction() as session:
        user, case, item, sop = checked_item(ws, session, actor, number, None,
                                              "mengembalikan kegiatan ini")
        reason = clean_text(reason, MAX_NOTE, "alasan pengembalian", required=True)
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
        new = open_step(ws, session, case, sop, to_step, now)
        session.flush()
        audit.record(session, at=now, user_id=user.id, action="step_returned", case_id=case.id,
                     work_item_id=item.id, step_no=item.step_no, to=to_step, reason=reason,
                     new_item=new.id)
        return to_step


def cancel(ws: Workspace, actor: Actor, number: str, reason: str) -> None:
    now = ws.clock()
    with ws.db.transaction() as session:
        user, case, item, _ = checked_item(ws, session, actor, number, None, "membatalkan kasus ini")
        reason = clean_text(reason, MAX_NOTE, "alasan pembatalan", required=True)
        item.status = "cancelled"
        item.completed_at = now
        item.completed_by = user.id
        item.note = reason
        case.status = "cancelled"
        case.closed_at = now
        case.close_reason = reason
        audit.record(session, at=now, user_id=user.id, action="case_cancelled", case_id=case.id,
                     work_item_id=item.id, step_no=item.step_no, reason=reason)

