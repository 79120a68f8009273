"""Corrections and voids of the registers: the agenda of incoming letters, the agenda of
outgoing letters and the buku ekspedisi.

A clerk mistypes a sender or a date, or registers a letter that should never have been
registered. The registers are records the office answers for, so a line is never edited
silently nor deleted: the one who wrote it (its registrar) or an administrator corrects
fields or voids the line, always with a reason, and the audit log keeps what changed (the
old and the new value of every field) and why.

A void keeps the line and its number. Agenda numbers come from a sequence that only moves
on, and an outgoing letter's number stays taken by its (void) row, so no number is ever
given twice: the next letter continues the sequence. A void line prints as BATAL with its
reason (agenda list, buku ekspedisi, lembar disposisi); a void incoming letter can no longer
be disposed, a void outgoing letter or expedition entry can no longer be dispatched or
marked received (the checks sit where those actions are: sopdesk.engine.dispositions,
sopdesk.engine.expedition, via registers.refuse_void). Voiding an outgoing letter voids
its entries in the buku ekspedisi that were not received yet.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from sopdesk.engine import audit
from sopdesk.engine.letter_outgoing import find_outgoing
from sopdesk.engine.letters import IncomingForm, agenda_number, get_incoming, validate_incoming
from sopdesk.engine.registers import check_day, clean, refuse_void
from sopdesk.engine.users import ActingUser, Actor, load_actor
from sopdesk.engine.workspace import Workspace
from sopdesk.errors import Conflict, FieldError, NotFound, PermissionRefused, UserError
from sopdesk.store.models import Case, Document, Expedition, IncomingLetter, OutgoingLetter, User

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

MAX_REASON = 1000
# the corrected fields in words (the audit detail keeps the field names)
FIELD_LABELS = {"sender": "pengirim", "recipient": "tujuan", "subject": "perihal", "number": "nomor surat",
                "letter_number": "nomor surat", "letter_date": "tanggal surat", "sifat": "sifat",
                "classification": "kode klasifikasi", "destination": "tujuan", "recipient_name": "nama penerima",
                "signed_by": "ditandatangani oleh"}


@dataclass
class IncomingCorrection:
    """New values for a line of the incoming agenda; None leaves a field as it is, "" clears
    an optional one (number, classification)."""

    sender: str | None = None
    subject: str | None = None
    number: str | None = None
    letter_date: date | None = None
    sifat: str | None = None
    classification: str | None = None


@dataclass
class OutgoingCorrection:
    """New values for a line of the outgoing agenda (None: unchanged)."""

    recipient: str | None = None
    subject: str | None = None
    number: str | None = None
    letter_date: date | None = None
    classification: str | None = None


@dataclass
class ExpeditionCorrection:
    """New values for a line of the buku ekspedisi (None: unchanged)."""

    letter_number: str | None = None
    subject: str | None = None
    destination: str | None = None
    recipient_name: str | None = None
    signed_by: str | None = None


@dataclass(frozen=True)
class Corrected:
    label: str  # "surat masuk SM/2026/0001", "surat keluar 001/PP.01/...", "ekspedisi nomor 12"
    changes: dict[str, list[Any]]  # field -> [old, new]


@dataclass(frozen=True)
class Voided:
    label: str
    reason: str
    notices: tuple[str, ...] = ()


def _reason(reason: object) -> str:
    text = clean(reason, "reason", "Alasan", MAX_REASON, required=True)
    assert text is not None  # required: refused when empty
    return text


def _acting(session: Session, actor: Actor) -> ActingUser:
    """Who acts; a correction asks who wrote the line, not which roles one holds."""
    return load_actor(session, actor, includes={})


def require_registrar(session: Session, user: ActingUser, owner_id: int, what: str) -> None:
    """Only the one who wrote the line, or an administrator, may correct or void it."""
    if user.is_admin or user.id == owner_id:
        return
    owner = session.scalar(select(User.username).where(User.id == owner_id)) or "-"
    raise PermissionRefused(f"Pengguna {user.username} tidak boleh {what}: hanya pencatatnya ({owner}) "
                            "atau administrator yang boleh")


def _apply(row: object, new: dict[str, Any]) -> dict[str, list[Any]]:
    """Set the fields whose value differs; return {field: [old, new]} of those."""
    changes: dict[str, list[Any]] = {}
    for name, value in new.items():
        old = getattr(row, name)
        if value != old:
            changes[name] = [old, value]
            setattr(row, name, value)
    return changes


def _given(correction: DataclassInstance) -> dict[str, Any]:
    return {f.name: getattr(correction, f.name) for f in fields(correction) if getattr(correction, f.name) is not None}


def _nothing(label: str) -> UserError:
    return UserError(f"Tidak ada yang diubah pada {label}: isian koreksi sama dengan yang tercatat")


# --- incoming letters -------------------------------------------------------------------------

def correct_incoming(ws: Workspace, actor: Actor, agenda: str, correction: IncomingCorrection,
                     reason: str) -> Corrected:
    """Correct fields of a line of the incoming agenda (see the module docstring)."""
    why = _reason(reason)
    given = _given(correction)
    if not given:
        raise UserError("Sebutkan sedikitnya satu isian yang dikoreksi")
    now = ws.clock()
    with ws.db.transaction() as session:
        user = _acting(session, actor)
        letter = get_incoming(session, agenda)
        label = f"surat masuk {agenda_number(letter.year, letter.seq)}"
        require_registrar(session, user, letter.registered_by, f"mengoreksi {label}")
        refuse_void(letter, label, "dikoreksi")
        merged = IncomingForm(sender=given.get("sender", letter.sender),
                              subject=given.get("subject", letter.subject),
                              number=given.get("number", letter.number),
                              letter_date=given.get("letter_date", letter.letter_date),
                              classification=given.get("classification", letter.classification),
                              sifat=given.get("sifat", letter.sifat))
        data = validate_incoming(merged)
        received_day = ws.calendar.local(letter.received_at).date()
        if data["letter_date"] and data["letter_date"] > received_day:
            raise FieldError("letter_date", "Tanggal surat sesudah tanggal surat diterima")
        new = {k: data[k] for k in ("sender", "subject", "number", "letter_date", "classification", "sifat")}
        if new["number"]:
            twin = session.execute(select(IncomingLetter.year, IncomingLetter.seq).where(
                IncomingLetter.id != letter.id, func.lower(IncomingLetter.number) == new["number"].lower(),
                func.lower(IncomingLetter.sender) == new["sender"].lower(),
                IncomingLetter.voided_at.is_(None)).limit(1)).first()
            if twin is not None:
                raise Conflict(f"Surat nomor {new['number']} dari {new['sender']} sudah dicatat sebagai "
                               f"{agenda_number(*twin)}")
        changes = _apply(letter, new)
        if not changes:
            raise _nothing(label)
        audit.record(session, at=now, user_id=user.id, action="letter_in_corrected", case_id=letter.case_id,
                     agenda=agenda_number(letter.year, letter.seq), letter_id=letter.id, changes=changes,
                     reason=why)
        return Corrected(label, changes)


def void_incoming(ws: Workspace, actor: Actor, agenda: str, reason: str) -> Voided:
    """Void a line of the incoming agenda: it keeps its agenda number and prints as BATAL."""
    why = _reason(reason)
    now = ws.clock()
    with ws.db.transaction() as session:
        user = _acting(session, actor)
        letter = get_incoming(session, agenda)
        label = f"surat masuk {agenda_number(letter.year, letter.seq)}"
        require_registrar(session, user, letter.registered_by, f"membatalkan {label}")
        refuse_void(letter, label, "dibatalkan lagi")
        _void(letter, user, now, why)
        audit.record(session, at=now, user_id=user.id, action="letter_in_voided", case_id=letter.case_id,
                     agenda=agenda_number(letter.year, letter.seq), letter_id=letter.id, reason=why)
        notices = []
        case = session.get(Case, letter.case_id) if letter.case_id else None
        if case is not None and case.status == "open":
            notices.append(f"kasus {case.number} dari surat ini tetap berjalan; batalkan kasusnya bila perlu")
        return Voided(label, why, tuple(notices))


def _void(row: IncomingLetter | OutgoingLetter | Expedition, user: ActingUser, now: datetime, why: str) -> None:
    row.voided_at = now
    row.voided_by = user.id
    row.void_reason = why


# --- outgoing letters -------------------------------------------------------------------------

def get_outgoing(session: Session, number: str) -> OutgoingLetter:
    letter = find_outgoing(session, str(number or "").strip()) if str(number or "").strip() else None
    if letter is None:
        raise NotFound(f"Surat keluar nomor {number!r} tidak ada")
    return letter


def correct_outgoing(ws: Workspace, actor: Actor, number: str, correction: OutgoingCorrection,
                     reason: str) -> Corrected:
    """Correct fields of a line of the outgoing agenda. Its entries in the buku ekspedisi and
    its document follow where they showed the old value."""
    why = _reason(reason)
    given = _given(correction)
    if not given:
        raise UserError("Sebutkan sedikitnya satu isian yang dikoreksi")
    new: dict[str, Any] = {}
    if "recipient" in given:
        new["recipient"] = clean(given["recipient"], "recipient", "Tujuan surat", 300, required=True)
    if "subject" in given:
        new["subject"] = clean(given["subject"], "subject", "Perihal", 1000, required=True)
    if "number" in given:
        new["number"] = clean(given["number"], "number", "Nomor surat", 200, required=True)
    if "classification" in given:
        new["classification"] = clean(given["classification"], "classification", "Kode klasifikasi", 60)
    if "letter_date" in given:
        new["letter_date"] = check_day(given["letter_date"], "letter_date", "Tanggal surat")
    now = ws.clock()
    with ws.db.transaction() as session:
        user = _acting(session, actor)
        letter = get_outgoing(session, number)
        label = f"surat keluar {letter.number}"
        require_registrar(session, user, letter.created_by, f"mengoreksi {label}")
        refuse_void(letter, label, "dikoreksi")
        if "letter_date" in new and new["letter_date"].year != letter.year:
            raise FieldError("letter_date", f"Tanggal surat hanya dapat dikoreksi dalam tahun {letter.year} "
                                            "(nomor urut surat keluar dihitung per tahun)")
        if "number" in new and new["number"].lower() != letter.number.lower():
            with session.no_autoflush:
                existing = find_outgoing(session, new["number"])
            if existing is not None:
                raise FieldError("number", f"Nomor surat {existing.number} sudah dipakai surat keluar lain"
                                           + (" (yang dibatalkan)" if existing.voided_at else ""))
        old = {"number": letter.number, "recipient": letter.recipient, "subject": letter.subject}
        changes = _apply(letter, new)
        if not changes:
            raise _nothing(label)
        session.flush()
        _follow(session, letter, old)
        audit.record(session, at=now, user_id=user.id, action="letter_out_corrected", case_id=letter.case_id,
                     work_item_id=letter.work_item_id, letter_id=letter.id, number=letter.number,
                     changes=changes, reason=why)
        return Corrected(label, changes)


def _follow(session: Session, letter: OutgoingLetter, old: dict[str, Any]) -> None:
    """The letter's expedition entries and document take the corrected number, recipient and
    subject where they showed the old ones."""
    for entry in session.scalars(select(Expedition).where(Expedition.outgoing_letter_id == letter.id)):
        if entry.letter_number == old["number"]:
            entry.letter_number = letter.number
        if entry.destination == old["recipient"]:
            entry.destination = letter.recipient
        if entry.subject == old["subject"]:
            entry.subject = letter.subject
    if letter.document_id is not None:
        document = session.get(Document, letter.document_id)
        if document is not None and document.number == old["number"]:
            document.number = letter.number


def void_outgoing(ws: Workspace, actor: Actor, number: str, reason: str) -> Voided:
    """Void a line of the outgoing agenda (its number stays taken) and its expedition entries
    not received yet."""
    why = _reason(reason)
    now = ws.clock()
    with ws.db.transaction() as session:
        user = _acting(session, actor)
        letter = get_outgoing(session, number)
        label = f"surat keluar {letter.number}"
        require_registrar(session, user, letter.created_by, f"membatalkan {label}")
        refuse_void(letter, label, "dibatalkan lagi")
        _void(letter, user, now, why)
        audit.record(session, at=now, user_id=user.id, action="letter_out_voided", case_id=letter.case_id,
                     work_item_id=letter.work_item_id, letter_id=letter.id, number=letter.number, reason=why)
        notices = []
        entries = session.scalars(select(Expedition).where(Expedition.outgoing_letter_id == letter.id,
                                                           Expedition.voided_at.is_(None))).all()
        for entry in entries:
            if entry.received_at is not None:
                notices.append(f"ekspedisi nomor {entry.id} sudah diterima; tetap tercatat")
                continue
            _void(entry, user, now, f"surat keluar {letter.number} dibatalkan: {why}"[:MAX_REASON])
            audit.record(session, at=now, user_id=user.id, action="expedition_voided", case_id=entry.case_id,
                         work_item_id=entry.work_item_id, expedition_id=entry.id, number=entry.letter_number,
                         reason=entry.void_reason)
            notices.append(f"ekspedisi nomor {entry.id} ikut dibatalkan")
        return Voided(label, why, tuple(notices))


# --- buku ekspedisi ---------------------------------------------------------------------------

def _entry(session: Session, expedition_id: object) -> Expedition:
    try:
        key = int(expedition_id)  # type: ignore[call-overload]  # whatever a form or the CLI gave: int() refuses the wrong ones below
    except (TypeError, ValueError):
        key = 0
    entry = session.get(Expedition, key) if 0 < key < 2**62 else None
    if entry is None:
        raise NotFound(f"Ekspedisi nomor {expedition_id} tidak ada")
    return entry


def correct_expedition(ws: Workspace, actor: Actor, expedition_id: int, correction: ExpeditionCorrection,
                       reason: str) -> Corrected:
    """Correct fields of a line of the buku ekspedisi (who signed only once it is received)."""
    why = _reason(reason)
    given = _given(correction)
    if not given:
        raise UserError("Sebutkan sedikitnya satu isian yang dikoreksi")
    limits = {"letter_number": ("Nomor surat", 200, False), "subject": ("Perihal", 1000, True),
              "destination": ("Tujuan", 300, False), "recipient_name": ("Nama penerima", 200, False),
              "signed_by": ("Ditandatangani oleh", 200, True)}
    new = {name: clean(value, name, limits[name][0], limits[name][1], required=limits[name][2])
           for name, value in given.items()}
    now = ws.clock()
    with ws.db.transaction() as session:
        user = _acting(session, actor)
        entry = _entry(session, expedition_id)
        label = f"ekspedisi nomor {entry.id}"
        require_registrar(session, user, entry.recorded_by, f"mengoreksi {label}")
        refuse_void(entry, label, "dikoreksi")
        if "signed_by" in new and entry.received_at is None:
            raise FieldError("signed_by", f"{label.capitalize()} belum diterima: penanda tangan dicatat "
                                          "bersama tanda terimanya")
        changes = _apply(entry, new)
        if not changes:
            raise _nothing(label)
        audit.record(session, at=now, user_id=user.id, action="expedition_corrected", case_id=entry.case_id,
                     work_item_id=entry.work_item_id, expedition_id=entry.id, changes=changes, reason=why)
        return Corrected(label, changes)


def void_expedition(ws: Workspace, actor: Actor, expedition_id: int, reason: str) -> Voided:
    """Void a line of the buku ekspedisi: it keeps its number and prints as BATAL."""
    why = _reason(reason)
    now = ws.clock()
    with ws.db.transaction() as session:
        user = _acting(session, actor)
        entry = _entry(session, expedition_id)
        label = f"ekspedisi nomor {entry.id}"
        require_registrar(session, user, entry.recorded_by, f"membatalkan {label}")
        refuse_void(entry, label, "dibatalkan lagi")
        _void(entry, user, now, why)
        audit.record(session, at=now, user_id=user.id, action="expedition_voided", case_id=entry.case_id,
                     work_item_id=entry.work_item_id, expedition_id=entry.id, number=entry.letter_number,
                     reason=why)
        return Voided(label, why)
