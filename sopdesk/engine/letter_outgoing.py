"""The agenda of outgoing letters (surat keluar): numbering with the office's pattern, a number
written by hand, and the buku ekspedisi entry of every dispatched letter.

Why a module of its own: engine.letters registers incoming letters and starts cases from
them; outgoing letters are numbered here both for a letter entered by hand
(`register_outgoing`) and for a letter output of a completed step (engine.letter_steps).
Outgoing letters are numbered with the office's pattern (sopdesk.engine.letter_settings),
one sequence per year, never reused, or registered under a number written by hand (a
duplicate is refused).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import bindparam, func, insert, select
from sqlalchemy.orm import Session

from sopdesk.engine import audit, seal
from sopdesk.engine.case_steps import get_case
from sopdesk.engine.expedition import add_entry
from sopdesk.engine.letter_settings import (
    LetterSettings,
    load_letter_settings,
    peek_sequence,
    raise_sequence,
    take_sequence,
)
from sopdesk.engine.registers import check_day, clean, registrar_roles, require_any_role
from sopdesk.engine.users import Actor, load_actor
from sopdesk.engine.workspace import Workspace
from sopdesk.errors import Conflict, FieldError, UserError
from sopdesk.store.direct import DirectTx
from sopdesk.store.models import Case, OutgoingLetter, WorkItem

OUTGOING = "keluar"


@dataclass
class OutgoingForm:
    """One line of the agenda of outgoing letters."""

    recipient: str
    subject: str
    classification: str | None = None
    number: str | None = None  # written by hand; None: the next number of the pattern
    letter_date: date | None = None  # None: today (office time)
    case: str | None = None
    step: int | None = None
    recipient_name: str | None = None
    dispatch: bool = True  # enter it in the buku ekspedisi


@dataclass(frozen=True)
class Registered:
    number: str
    letter_id: int
    expedition_id: int | None
    case_number: str | None = None


def next_outgoing_number(ws: Workspace, classification: str | None, when: date | None = None) -> str:
    """The number the next outgoing letter of that date would get (a preview: numbers are
    taken only when a letter is registered)."""
    settings = load_letter_settings(ws.data_dir)
    when = when or ws.calendar.local(ws.clock()).date()
    with ws.db.reading() as session:
        seq = peek_sequence(session, OUTGOING, when.year)
        number = settings.render(seq, classification, when)
        while find_outgoing(session, number) is not None:
            seq += 1
            number = settings.render(seq, classification, when)
    return number


def register_outgoing(ws: Workspace, actor: Actor, form: OutgoingForm) -> Registered:
    """Enter a letter in the outgoing agenda (numbered now unless it has a number) and, when
    it is dispatched, in the buku ekspedisi."""
    recipient = clean(form.recipient, "recipient", "Tujuan surat", 300, required=True)
    subject = clean(form.subject, "subject", "Perihal", 1000, required=True)
    classification = clean(form.classification, "classification", "Kode klasifikasi", 60)
    number = clean(form.number, "number", "Nomor surat", 200)
    recipient_name = clean(form.recipient_name, "recipient_name", "Nama penerima", 200)
    letter_date = check_day(form.letter_date, "letter_date", "Tanggal surat")
    if form.step is not None and not form.case:
        raise FieldError("step", "Kegiatan hanya dapat diisi bersama nomor kasus")
    settings = load_letter_settings(ws.data_dir)
    now = ws.clock()
    letter_date = letter_date or ws.calendar.local(now).date()
    with ws.db.transaction() as session:
        user = load_actor(session, actor, includes=ws.catalog.role_includes)
        require_any_role(user, registrar_roles(ws), "mencatat surat keluar")
        case = get_case(session, form.case) if form.case else None
        item = _item_of_step(session, case, form.step) if case is not None and form.step is not None else None
        if case is not None and not classification:
            classification = settings.classification_for(case.sop_kode, None) or None
        letter = register_letter_in(session, settings, now=now, user_id=user.id, number=number,
                                    classification=classification, letter_date=letter_date,
                                    recipient=recipient, subject=subject, case_id=case.id if case else None,
                                    item_id=item.id if item else None, step_no=item.step_no if item else None)
        entry = None
        if form.dispatch:
            entry = add_entry(session, now=now, user_id=user.id, subject=subject, letter_number=letter.number,
                              destination=recipient, recipient_name=recipient_name,
                              outgoing_letter_id=letter.id, letter_new=True, case_id=letter.case_id,
                              work_item_id=letter.work_item_id, step_no=item.step_no if item else None)
        return Registered(letter.number, letter.id, entry, case.number if case else None)


def _item_of_step(session: Session, case: Case, step: int) -> WorkItem:
    visits = [i for i in case.items if i.step_no == step]
    if not visits:
        done = ", ".join(str(n) for n in sorted({i.step_no for i in case.items})) or "belum ada"
        raise UserError(f"Kasus {case.number} belum melalui kegiatan {step} (kegiatan yang dilalui: {done})")
    return visits[-1]


def find_outgoing(session: Session, number: str) -> OutgoingLetter | None:
    return session.scalar(select(OutgoingLetter)
                          .where(func.lower(OutgoingLetter.number) == number.lower()).limit(1))


def duplicate(session: Session, existing: OutgoingLetter) -> Conflict:
    where = ""
    if existing.case_id is not None:
        where = f" (kasus {session.get_one(Case, existing.case_id).number})"
    void = " (kini dibatalkan; nomornya tidak dipakai lagi)" if existing.voided_at is not None else ""
    return Conflict(f"Nomor surat {existing.number} sudah dipakai surat keluar tanggal "
                    f"{existing.letter_date:%d-%m-%Y} kepada {existing.recipient or '-'}{where}{void}; "
                    "satu nomor hanya untuk satu surat")


@dataclass(frozen=True)
class NewLetter:
    """An outgoing letter just registered (its row written with a prepared statement)."""

    id: int
    number: str
    subject: str
    recipient: str | None
    case_id: int | None
    work_item_id: int | None
    document_id: int | None


# the statements of a letter registered at a step, prepared once (store.direct)
NUMBER_TAKEN = select(OutgoingLetter.id).where(func.lower(OutgoingLetter.number) == bindparam("lowered")).limit(1)
ADD_LETTER = insert(OutgoingLetter).returning(OutgoingLetter.id)


def number_taken(tx: DirectTx, number: str) -> bool:
    """Whether an outgoing letter has this number already (`find_outgoing`'s test, prepared)."""
    return tx.scalar(NUMBER_TAKEN, {"lowered": number.lower()}) is not None


def register_letter_in(db: Session | DirectTx, settings: LetterSettings, *, now: datetime, user_id: int,
                       number: str | None, classification: str | None, letter_date: date,
                       recipient: str | None, subject: str, case_id: int | None = None,
                       item_id: int | None = None, step_no: int | None = None,
                       document_id: int | None = None) -> NewLetter:
    """Number (or take the given number of) one outgoing letter, in the caller's transaction.
    Its row and audit event go through prepared statements on the transaction's cursor (a
    step's letters are part of completing it: store.direct; `db` the completion's own direct
    transaction there), sealed with the event."""
    year = letter_date.year
    if number:
        session = db.session() if isinstance(db, DirectTx) else db
        existing = find_outgoing(session, number)
        if existing is not None:
            raise duplicate(session, existing)
        seq, pattern = None, None
        used = settings.sequence_of(number, year)
        if used is not None:
            raise_sequence(session, OUTGOING, year, used)
    with DirectTx.over(db) as tx:
        if not number:
            pattern = settings.pattern
            for _ in range(1000):  # skip numbers taken by hand under another pattern
                seq = take_sequence(tx, OUTGOING, year)
                number = settings.render(seq, classification, letter_date)
                if not number_taken(tx, number):
                    break
            else:
                raise UserError("Tidak ada nomor surat keluar yang bebas; periksa pola nomor surat")
        assert number is not None  # given, or rendered above
        letter = NewLetter(0, number, subject[:1000], recipient, case_id, item_id, document_id)
        values = {
            "year": year, "seq": seq, "number": number, "pattern": pattern, "recipient": recipient,
            "subject": letter.subject, "letter_date": letter_date, "classification": classification,
            "case_id": letter.case_id, "work_item_id": letter.work_item_id, "document_id": document_id,
            "created_by": user_id, "created_at": now}
        letter_id = tx.scalar(ADD_LETTER, values)
        seal.as_written(tx, "outgoing_letter", letter_id, values)  # not read back before the commit
        audit.record(tx, at=now, user_id=user_id, action="letter_out_registered",
                     case_id=letter.case_id, work_item_id=letter.work_item_id,
                     step_no=step_no, letter_id=letter_id, number=number,
                     automatic=seq is not None, recipient=recipient, subject=letter.subject)
    return dataclasses.replace(letter, id=letter_id)
