"""The buku ekspedisi: every dispatched document, to whom, and later its signed receipt.

Entries are made by the engine, never typed in: an outgoing letter entered in the agenda is
dispatched, so it gets its entry with it (sopdesk.engine.letters), and a completed step whose
outputs include the dispatch record itself ("Pengarsipan ekspedisi", "Tanda Terima Surat
Keluar", "tanda terima ekspedisi") gets one for the documents it hands over. An entry is
then marked received: when, who signed, and the scan of the signed page. Staf and Kasubag
(the Umum sub-section) keep the book; an administrator may too.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import NamedTuple

from sqlalchemy import ColumnElement, bindparam, func, insert, select
from sqlalchemy.orm import Session, aliased

from sopdesk.engine import audit, seal
from sopdesk.engine.attachments import attach
from sopdesk.engine.registers import (
    clean,
    day_bounds,
    expedition_roles,
    local_moment,
    masked_lines,
    refuse_void,
    require_any_role,
)
from sopdesk.engine.search import matching
from sopdesk.engine.users import Actor, load_actor
from sopdesk.engine.workspace import Workspace
from sopdesk.errors import Conflict, NotFound, UserError
from sopdesk.store import locks
from sopdesk.store.direct import DirectTx
from sopdesk.store.models import Attachment, Case, Expedition, OutgoingLetter, User

# the statements of add_entry, prepared once (store.direct): every dispatched letter of a step
LETTER_VOID = select(OutgoingLetter.number, OutgoingLetter.voided_at, OutgoingLetter.void_reason).where(
    OutgoingLetter.id == bindparam("letter_id"))
LAST_ENTRY = select(func.max(Expedition.id))
ADD_ENTRY = insert(Expedition)


def add_entry(session: Session | DirectTx, *, now: datetime, user_id: int, subject: str,
              letter_number: str | None = None, destination: str | None = None,
              recipient_name: str | None = None, outgoing_letter_id: int | None = None,
              letter_new: bool = False, document_id: int | None = None, case_id: int | None = None,
              work_item_id: int | None = None, step_no: int | None = None) -> int:
    """Write one entry (and its audit event) in the caller's transaction; return its number. Its
    number (the id) is the last one + 1, taken under the book's lock: gap-free on PostgreSQL
    too, where a rolled-back insert would otherwise burn a value of the id sequence. Written
    with prepared statements on the transaction's cursor (store.direct; a session's pending
    changes are flushed first), the row sealed with the event from the values written.
    `letter_new`: the caller registered the outgoing letter in this same transaction (it cannot
    be void, nor gone: it is not read again)."""
    tx = DirectTx.of(session)
    try:
        if outgoing_letter_id is not None and not letter_new:
            letter = tx.execute(LETTER_VOID, {"letter_id": outgoing_letter_id}).first()
            if letter is None:
                raise NotFound(f"Surat keluar {outgoing_letter_id} tidak ada")
            refuse_void(letter, f"surat keluar {letter[0]}", "dikirim")
        locks.hold(tx, "sopdesk:expedition-number")
        number = (tx.scalar(LAST_ENTRY) or 0) + 1
        values = {
            "id": number, "sent_at": now, "letter_number": letter_number, "subject": subject[:1000],
            "destination": destination[:300] if destination else None,
            "recipient_name": recipient_name[:200] if recipient_name else None,
            "outgoing_letter_id": outgoing_letter_id, "document_id": document_id, "case_id": case_id,
            "work_item_id": work_item_id, "recorded_by": user_id}
        tx.execute(ADD_ENTRY, [values])
        seal.as_written(tx, "expedition", number, values)  # not read back before the commit
        audit.record(tx, at=now, user_id=user_id, action="expedition_added", case_id=case_id,
                     work_item_id=work_item_id, step_no=step_no, expedition_id=number,
                     number=letter_number, destination=destination)
    finally:
        if tx is not session:
            tx.close()
    return number


@dataclass(frozen=True)
class Received:
    expedition_id: int
    received_at: datetime
    signed_by: str


def mark_received(ws: Workspace, actor: Actor, expedition_id: int, received_at: date | datetime,
                  signed_by: str, scan: Path | None = None) -> Received:
    """Record that the recipient signed for an entry (when, who) with the signed page's scan."""
    signed = clean(signed_by, "signed_by", "Nama penanda tangan", 200, required=True)
    moment = local_moment(ws, received_at)
    now = ws.clock()
    tz = ws.calendar.tz
    with ws.db.transaction() as session:
        user = load_actor(session, actor, includes=ws.catalog.role_includes)
        require_any_role(user, expedition_roles(ws), "mencatat tanda terima ekspedisi")
        entry = session.get(Expedition, int(expedition_id)) if _plausible_id(expedition_id) else None
        if entry is None:
            raise NotFound(f"Ekspedisi nomor {expedition_id} tidak ada")
        refuse_void(entry, f"ekspedisi nomor {entry.id}", "dicatat diterima")
        if entry.received_at is not None:
            shown = entry.received_at.astimezone(tz).strftime("%d-%m-%Y")
            raise Conflict(f"Ekspedisi nomor {entry.id} sudah diterima pada {shown} "
                           f"(ditandatangani {entry.signed_by}); tidak dicatat ulang")
        if moment.astimezone(tz).date() < entry.sent_at.astimezone(tz).date():
            raise UserError(f"Tanggal terima {moment.astimezone(tz):%d-%m-%Y} sebelum tanggal kirim "
                            f"{entry.sent_at.astimezone(tz):%d-%m-%Y}")
        if moment.astimezone(tz).date() > now.astimezone(tz).date():
            raise UserError(f"Tanggal terima {moment.astimezone(tz):%d-%m-%Y} belum terjadi")
        receipt = attach(session, ws.attachments_dir, scan, now) if scan is not None else None
        entry.received_at = moment
        entry.signed_by = signed
        entry.receipt_attachment_id = receipt.id if receipt else None
        entry.receipt_recorded_by = user.id
        audit.record(session, at=now, user_id=user.id, action="expedition_received",
                     case_id=entry.case_id, work_item_id=entry.work_item_id, expedition_id=entry.id,
                     received_at=moment, signed_by=signed, scan=receipt.sha256 if receipt else None)
        return Received(entry.id, moment, signed)


def _plausible_id(value: object) -> bool:
    try:
        number: int = int(value)  # type: ignore[call-overload]  # any object: a non-number is refused, no crash
    except (TypeError, ValueError):
        return False
    return 0 < number < 2**62


# --- reading ---------------------------------------------------------------------------------

class ExpeditionRow(NamedTuple):
    id: int
    sent_at: datetime
    letter_number: str | None
    subject: str
    destination: str | None
    recipient_name: str | None
    case_number: str | None
    received_at: datetime | None
    signed_by: str | None
    receipt_file: str | None
    recorded_by: str
    void_reason: str | None = None  # set: the entry is void (BATAL)

    @property
    def pending(self) -> bool:
        return self.received_at is None and self.void_reason is None

    @property
    def void(self) -> bool:
        return self.void_reason is not None


def _conditions(ws: Workspace, start: date | None, end: date | None, pending: bool,
                search: str | None) -> list[ColumnElement[bool]]:
    lower, upper = day_bounds(ws, start, end)
    conditions: list[ColumnElement[bool]] = []
    if lower is not None:
        conditions.append(Expedition.sent_at >= lower)
    if upper is not None:
        conditions.append(Expedition.sent_at < upper)
    if pending:
        conditions += [Expedition.received_at.is_(None), Expedition.voided_at.is_(None)]  # a void waits for nothing
    if search and search.strip():
        conditions.append(matching(search, Expedition.letter_number, Expedition.subject, Expedition.destination,
                                   Expedition.signed_by))
    return conditions


def expedition_page(ws: Workspace, *, start: date | None = None, end: date | None = None,
                    pending: bool = False, search: str | None = None, limit: int | None = 100,
                    offset: int = 0, descending: bool = False, viewer: Actor | None = None) -> list[ExpeditionRow]:
    """Entries sent on office-local days [start, end], oldest first (the book's order), only
    those not yet received when `pending`; filtered and paged by SQL. The subject of a line of
    a confidential case reads "(rahasia)" unless `viewer` is on the case's chain (issue #13)."""
    recorder = aliased(User)
    receipt = aliased(Attachment)
    order = [Expedition.sent_at.desc(), Expedition.id.desc()] if descending else [Expedition.sent_at, Expedition.id]
    query = (
        select(Expedition.id, Expedition.sent_at, Expedition.letter_number, Expedition.subject,
               Expedition.destination, Expedition.recipient_name, Case.number, Expedition.received_at,
               Expedition.signed_by, receipt.original_name, recorder.username, Expedition.void_reason,
               Case.id, Case.rahasia)
        .outerjoin(Case, Case.id == Expedition.case_id)
        .outerjoin(receipt, receipt.id == Expedition.receipt_attachment_id)
        .join(recorder, recorder.id == Expedition.recorded_by)
        .where(*_conditions(ws, start, end, pending, search))
        .order_by(*order).limit(limit).offset(offset)
    )
    with ws.db.connect() as conn:
        rows = conn.execute(query).all()
    return masked_lines(ws, viewer, rows, ExpeditionRow)


def expedition_total(ws: Workspace, *, start: date | None = None, end: date | None = None,
                     pending: bool = False, search: str | None = None) -> int:
    query = select(func.count(Expedition.id)).where(*_conditions(ws, start, end, pending, search))
    with ws.db.connect() as conn:
        return conn.execute(query).scalar() or 0
