"""The agenda of incoming letters (surat masuk) and of outgoing letters (surat keluar).

Incoming letters get an agenda number per year, "SM/2026/0001". A letter may start a case when
an SOP entry declares the letter's kind as its front door (`pintu: {jenis: surat, ...}`,
issue #13): a request for information starts Pelayanan Publik at its letter entry (step 5), a
PAW proposal from the DPRD starts PAW at its entry (step 1). Registering is the agenda clerk's
work (Help Desk, Staf, Kasubag by default, office configuration: see
sopdesk.engine.registers), so the clerk starts such a case even
when the entry step belongs to another lane (PAW step 1 is the commissioners'): the case
then waits in that lane's inbox. When the entry step is itself the receipt of the letter (a
plain step of a clerk's lane the registering user may work: PP 5 "Menerima Surat Masuk"),
the registration completes it in the same transaction, as visitor registration does PP 1-2,
so the case waits at the next lane (PP 6, the Ketua's disposition) instead of leaving a form
in the clerk's inbox that only repeats the registration. Case-level deadlines that run "sejak mulai" (the PAW reply
within 5 days "sejak diterimanya surat") count from the day the letter was received.

Outgoing letters are numbered in sopdesk.engine.letter_outgoing; the step outputs that are
letters are registered by sopdesk.engine.letter_steps, which cases.complete runs through
engine.hooks; the pages of both registers are read in sopdesk.engine.letter_agenda. Their
public names are re-exported here: callers name the letter registers by `letters`.
"""


from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from sopdesk.catalog import Sop
from sopdesk.engine import audit
from sopdesk.engine.attachments import attach
from sopdesk.engine.case_steps import MAX_TITLE, get_case
from sopdesk.engine.cases import complete, create_case
from sopdesk.engine.letter_agenda import (
    AGENDA_PREFIX,
    INCOMING,
    INCOMING_ORDERS,
    OUTGOING_ORDERS,
    SIFAT,
    IncomingRow,
    OutgoingRow,
    agenda_number,
    incoming_page,
    incoming_total,
    outgoing_page,
    outgoing_total,
    parse_agenda_number,
)
from sopdesk.engine.letter_outgoing import (
    OUTGOING,
    OutgoingForm,
    Registered,
    find_outgoing,
    next_outgoing_number,
    register_letter_in,
    register_outgoing,
)
from sopdesk.engine.letter_settings import take_sequence
from sopdesk.engine.letter_steps import REGISTERED_KINDS
from sopdesk.engine.registers import REGISTRAR_ROLES, check_day, clean, registrar_roles, require_any_role
from sopdesk.engine.step_input import StepInput
from sopdesk.engine.users import ActingUser, Actor, load_actor, require_role
from sopdesk.engine.workspace import Workspace
from sopdesk.errors import Conflict, FieldError, NotFound, PermissionRefused, UserError
from sopdesk.store.direct import DirectTx
from sopdesk.store.models import Case, IncomingLetter

__all__ = [  # the names callers use from here, wherever they are defined
    "AGENDA_PREFIX", "FUTURE_SLACK", "INCOMING", "INCOMING_ORDERS", "OUTGOING", "OUTGOING_ORDERS",
    "REGISTERED_KINDS", "SIFAT", "IncomingForm", "IncomingRow", "OutgoingForm", "OutgoingRow", "Registered",
    "agenda_number", "entry_step_done_by_registrar", "find_outgoing", "get_incoming", "incoming_page",
    "incoming_total", "letter_kinds", "next_outgoing_number", "outgoing_page", "outgoing_total",
    "parse_agenda_number", "register_incoming", "register_letter_in", "register_outgoing", "validate_incoming",
]

FUTURE_SLACK = timedelta(minutes=5)  # clocks of two desks may differ a little


# --- incoming letters -------------------------------------------------------------------------

@dataclass
class IncomingForm:
    """One line of the agenda of incoming letters."""

    sender: str
    subject: str  # perihal
    number: str | None = None
    letter_date: date | None = None
    received_at: datetime | None = None  # aware; None: now
    classification: str | None = None
    sifat: str = "biasa"
    starts: str | None = None  # a letter door of the catalog: permohonan_informasi, usulan_paw ...
    case: str | None = None  # an existing case the letter belongs to
    scan: Path | None = None


def letter_kinds(ws: Workspace) -> dict[str, str]:
    """Kind -> label of the incoming letters that start a case: the letter doors of the
    installed SOPs that are switched on."""
    off = ws.disabled_sops()
    return {pintu.kode: f"{pintu.label} (memulai kasus {sop.kode})"
            for pintu, sop, _ in ws.catalog.doors("surat") if sop.kode not in off}


def validate_incoming(form: IncomingForm, kinds: dict[str, str] | None = None) -> dict[str, Any]:
    """Clean and check the form; FieldError names the first wrong field. `kinds`: the letter
    kinds that start a case (letter_kinds(ws)); None checks only the form of the code."""
    data: dict[str, Any] = {
        "sender": clean(form.sender, "sender", "Pengirim", 300, required=True),
        "subject": clean(form.subject, "subject", "Perihal", 1000, required=True),
        "number": clean(form.number, "number", "Nomor surat", 200),
        "classification": clean(form.classification, "classification", "Kode klasifikasi", 60),
        "letter_date": check_day(form.letter_date, "letter_date", "Tanggal surat"),
    }
    sifat = (clean(form.sifat, "sifat", "Sifat surat", 20) or "biasa").lower()
    if sifat not in SIFAT:
        raise FieldError("sifat", "Pilih sifat surat: " + ", ".join(SIFAT))
    data["sifat"] = sifat
    starts = clean(form.starts, "starts", "Memulai kasus", 40)
    if starts is not None and kinds is not None and starts not in kinds:
        raise FieldError("starts", "Surat dapat memulai: " + (", ".join(kinds) or "tidak ada (katalog tanpa "
                         "entri surat)") + " (atau kosong)")
    if starts is not None and not re.fullmatch(r"[a-z][a-z0-9_]{0,39}", starts):
        raise FieldError("starts", f"Jenis surat {starts[:40]!r} tidak sah (kode seperti permohonan_informasi)")
    data["starts"] = starts
    data["case"] = clean(form.case, "case", "Nomor kasus", 40)
    if starts and data["case"]:
        raise FieldError("case", "Surat yang memulai kasus baru tidak dapat sekaligus masuk ke kasus lain")
    if form.received_at is not None and (not isinstance(form.received_at, datetime)
                                         or form.received_at.tzinfo is None):
        raise FieldError("received_at", "Waktu diterima harus berupa waktu dengan zona waktu")
    return data


def register_incoming(ws: Workspace, actor: Actor, form: IncomingForm) -> tuple[str, str | None]:
    """Enter a letter in the agenda; return (agenda number, number of the case it started or
    belongs to, or None)."""
    data = validate_incoming(form, letter_kinds(ws))
    now = ws.clock()
    received = form.received_at or now
    tz = ws.calendar.tz
    if received > now + FUTURE_SLACK:
        raise FieldError("received_at", "Waktu diterima belum terjadi")
    if data["letter_date"] and data["letter_date"] > received.astimezone(tz).date():
        raise FieldError("letter_date", "Tanggal surat sesudah tanggal surat diterima")
    with ws.db.direct() as tx:
        session = tx.session()
        user = load_actor(session, actor, includes=ws.catalog.role_includes)
        require_any_role(user, registrar_roles(ws), "mencatat surat masuk")
        year = received.astimezone(tz).year
        if data["number"]:
            _refuse_incoming_duplicate(session, data["number"], data["sender"])
        case = get_case(session, data["case"]) if data["case"] else None
        seq = take_sequence(session, INCOMING, year)
        agenda = agenda_number(year, seq)
        scan = attach(session, ws.attachments_dir, form.scan, now) if form.scan is not None else None
        if data["starts"]:
            case = _start_case(ws, session, user, data, received, now, agenda)
        letter = IncomingLetter(year=year, seq=seq, received_at=received, number=data["number"],
                                letter_date=data["letter_date"], sender=data["sender"],
                                subject=data["subject"], classification=data["classification"],
                                sifat=data["sifat"], attachment_id=scan.id if scan else None,
                                case_id=case.id if case else None, registered_by=user.id,
                                registered_at=now)
        session.add(letter)
        if case is not None and data["sifat"] == "rahasia":
            case.rahasia = True  # issue #13: the case of a rahasia letter is confidential too
        session.flush()
        audit.record(session, at=now, user_id=user.id, action="letter_in_registered",
                     case_id=case.id if case else None, agenda=agenda, letter_id=letter.id,
                     number=data["number"], sender=data["sender"], subject=data["subject"],
                     sifat=data["sifat"], starts=data["starts"], scan=scan.sha256 if scan else None)
        if data["starts"] and case is not None:  # the case it started
            tx.flush()
            _do_entry_step(ws, tx, actor, user, case, agenda)
        return agenda, case.number if case else None


def _refuse_incoming_duplicate(session: Session, number: str, sender: str) -> None:
    row = session.execute(
        select(IncomingLetter.year, IncomingLetter.seq)
        .where(func.lower(IncomingLetter.number) == number.lower(),
               func.lower(IncomingLetter.sender) == sender.lower(),
               IncomingLetter.voided_at.is_(None))  # a void line may be registered again, rightly
        .limit(1)
    ).first()
    if row is not None:
        raise Conflict(f"Surat nomor {number} dari {sender} sudah dicatat sebagai {agenda_number(*row)}")


def _start_case(ws: Workspace, session: Session, user: ActingUser, data: dict[str, Any], received: datetime,
                now: datetime, agenda: str) -> Case:
    """Start the case the letter asks for, at the entry whose front door is the letter's kind.
    As cases.start_case_in but for the role check (the agenda clerk hands the letter over)."""
    door = ws.catalog.door("surat", data["starts"])
    if door is None:
        raise UserError(f"Tidak ada SOP yang dimulai oleh surat {data['starts']!r}")
    revision_id, sop = ws.startable_revision(session, door[0].kode)
    entri = sop.entry(door[1].kode)
    if entri.pintu is None:  # the door is the catalog's: its revision has it too
        raise UserError(f"Tidak ada SOP yang dimulai oleh surat {data['starts']!r}")
    kode, prefix = sop.kode, entri.pintu.title_prefix
    subject = data["subject"]
    repeated = kode != "PP" and subject.lower().startswith(prefix.rstrip(": ").lower())
    title = (subject if repeated else prefix + subject)[: MAX_TITLE]  # not "Usulan PAW: Usulan PAW ..."
    return create_case(ws, session, user.id, sop, revision_id, entri, title, data["sender"][:200], now,
                       since=min(received, now), surat_masuk=agenda)


def entry_step_done_by_registrar(sop: Sop, step_no: int, user: ActingUser,
                                 clerks: tuple[str, ...] = REGISTRAR_ROLES) -> bool:
    """Whether registering the letter is itself the work of the entry step, so that the
    registering user completes it there and then: a plain process step (no decision, no
    waiting) in a lane of the agenda clerks (PP 5 "Menerima Surat Masuk ...", Help Desk) that
    this user may work. PAW 1 is the commissioners' disposition: it stays open for them."""
    step = sop.step(step_no)
    role = sop.role_of(step_no)
    if role not in clerks or step.is_decision or step.is_wait:
        return False
    try:
        require_role(user, role, "")
    except PermissionRefused:
        return False
    return True


def _do_entry_step(ws: Workspace, tx: DirectTx, actor: Actor, user: ActingUser, case: Case,
                   agenda: str) -> None:
    """Complete the letter's entry step in the registration's own transaction (as visitor
    registration does PP 1-2): the letter ticked among the kelengkapan, the agenda number in
    the note. Otherwise the case would wait in the clerk's inbox for a form that only repeats
    the registration, and a disposition made meanwhile could not move it."""
    sop = ws.sop_of_revision(tx.session(), case.sop_revision_id)
    step_no = sop.entry(case.entry).kegiatan
    if not entry_step_done_by_registrar(sop, step_no, user, registrar_roles(ws)):
        return
    letter_items = [k for k in sop.step(step_no).kelengkapan if k.lower().startswith("surat")]
    note = f"Dicatat di agenda surat masuk nomor {agenda}"
    outside = sop.lane(sop.step(step_no).pelaksana).eksternal  # handed in by the requester (issue #13)
    complete(ws, actor, case.number, StepInput(present=letter_items, note=note, on_behalf=outside),
                   step=step_no, within=tx)


def get_incoming(session: Session, agenda: str) -> IncomingLetter:
    parsed = parse_agenda_number(agenda)
    letter = None
    if parsed is not None:
        letter = session.scalar(select(IncomingLetter).where(IncomingLetter.year == parsed[0],
                                                             IncomingLetter.seq == parsed[1]))
    if letter is None:
        raise NotFound(f"Surat masuk {agenda!r} tidak ada (nomor agenda seperti SM/2026/0001)")
    return letter
