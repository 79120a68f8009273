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

Outgoing letters are numbered with the office's pattern (sopdesk.engine.letter_settings),
one sequence per year, never reused, or registered under a number written by hand (a
duplicate is refused). Every outgoing letter is dispatched, so it gets its entry in the buku
ekspedisi at once (sopdesk.engine.expedition).

Step outputs that are letters are registered by `on_step_completed`, which
sopdesk.engine.cases.complete calls inside its transaction (see that function's docstring).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import NamedTuple

from sqlalchemy import func, select
from sqlalchemy.orm import Session, aliased

from sopdesk.catalog import Sop
from sopdesk.engine import audit, cases
from sopdesk.engine.attachments import attach
from sopdesk.engine.expedition import add_entry
from sopdesk.engine.letter_settings import (
    LetterSettings,
    load_letter_settings,
    peek_sequence,
    raise_sequence,
    take_sequence,
)
from sopdesk.engine.registers import (
    REGISTRAR_ROLES,
    check_day,
    clean,
    refuse_void,
    registrar_roles,
    require_any_role,
)
from sopdesk.engine.search import matching
from sopdesk.engine.users import ActingUser, Actor, load_actor, require_role
from sopdesk.engine.workspace import Workspace
from sopdesk.errors import Conflict, FieldError, NotFound, PermissionRefused, UserError
from sopdesk.store.direct import DirectTx
from sopdesk.store.models import (
    Attachment,
    Case,
    Document,
    Expedition,
    IncomingLetter,
    OutgoingLetter,
    User,
    WorkItem,
)

INCOMING = "masuk"
OUTGOING = "keluar"
AGENDA_PREFIX = "SM"  # reserved for SOP kodes in sopdesk.catalog.registry.REGISTER_PREFIXES
SIFAT = ("biasa", "segera", "rahasia")
REGISTERED_KINDS = ("surat_keluar", "ekspedisi")  # output kinds that write a register
FUTURE_SLACK = timedelta(minutes=5)  # clocks of two desks may differ a little
_AGENDA = re.compile(r"^\s*SM\s*/\s*(\d{4})\s*/\s*0*(\d{1,9})\s*$", re.IGNORECASE)


def agenda_number(year: int, seq: int) -> str:
    return f"{AGENDA_PREFIX}/{year}/{seq:04d}"


def parse_agenda_number(text: str) -> tuple[int, int] | None:
    match = _AGENDA.match(str(text or ""))
    return (int(match.group(1)), int(match.group(2))) if match else None


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


def validate_incoming(form: IncomingForm, kinds: dict[str, str] | None = None) -> dict:
    """Clean and check the form; FieldError names the first wrong field. `kinds`: the letter
    kinds that start a case (letter_kinds(ws)); None checks only the form of the code."""
    data = {
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
        case = cases.get_case(session, data["case"]) if data["case"] else None
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
        if data["starts"]:
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


def _start_case(ws: Workspace, session: Session, user: ActingUser, data: dict, received: datetime,
                now: datetime, agenda: str) -> Case:
    """Start the case the letter asks for, at the entry whose front door is the letter's kind.
    Mirrors cases.start_case_in except for the role check (the agenda clerk hands the letter
    over)."""
    door = ws.catalog.door("surat", data["starts"])
    if door is None:
        raise UserError(f"Tidak ada SOP yang dimulai oleh surat {data['starts']!r}")
    revision_id, sop = ws.startable_revision(session, door[0].kode)
    entri = sop.entry(door[1].kode)
    kode, prefix = sop.kode, entri.pintu.title_prefix
    subject = data["subject"]
    repeated = kode != "PP" and subject.lower().startswith(prefix.rstrip(": ").lower())
    title = (subject if repeated else prefix + subject)[: cases.MAX_TITLE]  # not "Usulan PAW: Usulan PAW ..."
    year = ws.calendar.local(now).year
    case = Case(number=cases._next_number(session, sop.kode, year), sop_kode=sop.kode,
                sop_revision_id=revision_id, entry=entri.kode, title=title,
                requester=data["sender"][:200], status="open", started_at=now, started_by=user.id)
    session.add(case)
    cases._anchor_deadlines(ws, case, sop, None, min(received, now))
    session.flush()
    item = cases._open_step(ws, session, case, sop, entri.kegiatan, now)
    session.flush()
    audit.record(session, at=now, user_id=user.id, action="case_started", case_id=case.id,
                 work_item_id=item.id, step_no=item.step_no, sop=sop.kode, revisi=sop.revisi,
                 entry=entri.kode, title=title, surat_masuk=agenda)
    return case


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
    cases.complete(ws, actor, case.number, cases.StepInput(present=letter_items, note=note, on_behalf=outside),
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


# --- outgoing letters -------------------------------------------------------------------------

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
        while _find_outgoing(session, number) is not None:
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
        case = cases.get_case(session, form.case) if form.case else None
        item = _item_of_step(session, case, form.step) if case is not None and form.step is not None else None
        if case is not None and not classification:
            classification = settings.classification_for(case.sop_kode, None) or None
        letter = register_letter_in(session, settings, now=now, user_id=user.id, number=number,
                                    classification=classification, letter_date=letter_date,
                                    recipient=recipient, subject=subject, case=case, item=item)
        entry = None
        if form.dispatch:
            entry = add_entry(session, now=now, user_id=user.id, subject=subject, letter_number=letter.number,
                              destination=recipient, recipient_name=recipient_name,
                              outgoing_letter_id=letter.id, case_id=letter.case_id,
                              work_item_id=letter.work_item_id, step_no=item.step_no if item else None)
        return Registered(letter.number, letter.id, entry.id if entry else None, case.number if case else None)


def _item_of_step(session: Session, case: Case, step: int) -> WorkItem:
    visits = [i for i in case.items if i.step_no == step]
    if not visits:
        done = ", ".join(str(n) for n in sorted({i.step_no for i in case.items})) or "belum ada"
        raise UserError(f"Kasus {case.number} belum melalui kegiatan {step} (kegiatan yang dilalui: {done})")
    return visits[-1]


def _find_outgoing(session: Session, number: str) -> OutgoingLetter | None:
    return session.scalar(select(OutgoingLetter)
                          .where(func.lower(OutgoingLetter.number) == number.lower()).limit(1))


def _duplicate(session: Session, existing: OutgoingLetter) -> Conflict:
    where = ""
    if existing.case_id is not None:
        where = f" (kasus {session.get(Case, existing.case_id).number})"
    void = " (kini dibatalkan; nomornya tidak dipakai lagi)" if existing.voided_at is not None else ""
    return Conflict(f"Nomor surat {existing.number} sudah dipakai surat keluar tanggal "
                    f"{existing.letter_date:%d-%m-%Y} kepada {existing.recipient or '-'}{where}{void}; "
                    "satu nomor hanya untuk satu surat")


def register_letter_in(session: Session, settings: LetterSettings, *, now: datetime, user_id: int,
                       number: str | None, classification: str | None, letter_date: date,
                       recipient: str | None, subject: str, case: Case | None = None,
                       item: WorkItem | None = None, document: Document | None = None) -> OutgoingLetter:
    """Number (or take the given number of) one outgoing letter, in the caller's transaction."""
    year = letter_date.year
    if number:
        existing = _find_outgoing(session, number)
        if existing is not None:
            raise _duplicate(session, existing)
        seq, pattern = None, None
        used = settings.sequence_of(number, year)
        if used is not None:
            raise_sequence(session, OUTGOING, year, used)
    else:
        pattern = settings.pattern
        for _ in range(1000):  # skip numbers taken by hand under another pattern
            seq = take_sequence(session, OUTGOING, year)
            number = settings.render(seq, classification, letter_date)
            if _find_outgoing(session, number) is None:
                break
        else:
            raise UserError("Tidak ada nomor surat keluar yang bebas; periksa pola nomor surat")
    letter = OutgoingLetter(year=year, seq=seq, number=number, pattern=pattern, recipient=recipient,
                            subject=subject[:1000], letter_date=letter_date, classification=classification,
                            case_id=case.id if case else None, work_item_id=item.id if item else None,
                            document_id=document.id if document else None, created_by=user_id,
                            created_at=now)
    session.add(letter)
    session.flush()
    audit.record(session, at=now, user_id=user_id, action="letter_out_registered",
                 case_id=letter.case_id, work_item_id=letter.work_item_id,
                 step_no=item.step_no if item else None, letter_id=letter.id, number=number,
                 automatic=seq is not None, recipient=recipient, subject=letter.subject)
    return letter


# --- the hook in cases.complete -----------------------------------------------------------------

def has_step_work(ws: Workspace, sop: Sop, step_no: int, data: cases.StepInput) -> bool:
    """Whether on_step_completed has anything to do for this step (most steps: no)."""
    if callable(getattr(data, "completed", None)):
        return True
    return any(o.jenis in REGISTERED_KINDS for o in sop.step(step_no).output)


def on_step_completed(ws: Workspace, session: Session, user: ActingUser, case: Case, item: WorkItem,
                      sop: Sop, data: cases.StepInput, next_item: WorkItem | None,
                      now: datetime) -> list[str]:
    """Called by cases.complete in its transaction, after the step's documents are written
    and the case has moved on; returns notices for the user (the numbers given). A
    UserError raised here refuses the whole completion.

    Outputs of kind surat_keluar (declared in the SOP file: "Surat Balasan", "Surat Jawaban
    PAW", "Nota Dinas", "SK Pokja PAW" ...) are registered in the outgoing agenda when the user
    recorded them (a number, a date or a file) or when the step dispatches them (the step
    also has an output of kind ekspedisi: "Tanda Terima Surat Keluar", "Pengarsipan
    ekspedisi"). The name of an output plays no part (issue #13).
    A number the user wrote is registered as is (a number of another letter is refused); an
    output without a number gets the next number of the pattern, written into its document.
    The same letter met again at the next step or at a repeated step of the same case (PP
    step 12 assigns the reply, step 13 sends it; Rakor steps 3 and 4 draft and approve the
    SK) is the letter already registered, not a new one. Every letter registered gets its
    expedition entry; a step with an expedition output and no letter gets one entry for the
    documents it hands over (PP step 11: "Data Baku sesuai disposisi")."""
    notices: list[str] = []
    extra = getattr(data, "completed", None)  # a step input that carries more (a disposition)
    if callable(extra):
        notices += extra(ws, session, user, case, item, next_item, now)
    outputs = sop.step(item.step_no).output
    if not outputs:
        return notices
    letter_outputs = [o for o in outputs if o.jenis == "surat_keluar"]
    expedition_outputs = [o for o in outputs if o.jenis == "ekspedisi"]
    if not letter_outputs and not expedition_outputs:
        return notices
    settings = load_letter_settings(ws.data_dir)
    documents = {d.name: d for d in session.scalars(select(Document).where(Document.work_item_id == item.id)
                                                    .order_by(Document.id))}
    today = ws.calendar.local(now).date()
    letters = []
    for name in letter_outputs:
        document = documents.get(name)
        if document is None and not expedition_outputs:
            continue  # neither recorded nor dispatched at this step
        letter, new = _step_letter(session, settings, user, case, item, sop, name, document, today, now)
        letters.append(letter)
        notices.append(f"{name}: surat keluar nomor {letter.number}"
                       + (" dicatat di agenda surat keluar" if new else " (sudah tercatat)"))
    for letter in letters:
        if session.scalar(select(Expedition.id).where(Expedition.outgoing_letter_id == letter.id).limit(1)) is None:
            entry = add_entry(session, now=now, user_id=user.id, subject=letter.subject,
                              letter_number=letter.number, destination=letter.recipient,
                              outgoing_letter_id=letter.id, document_id=letter.document_id,
                              case_id=case.id, work_item_id=item.id, step_no=item.step_no)
            notices.append(f"buku ekspedisi nomor {entry.id}: {letter.number}")
    if expedition_outputs and not letters:
        handed = [o for o in outputs if o not in expedition_outputs]
        recorded = [documents[o] for o in handed if o in documents]
        subject = f"{'; '.join(handed) or expedition_outputs[0]} - {case.title}"
        entry = add_entry(session, now=now, user_id=user.id, subject=subject,
                          letter_number=next((d.number for d in recorded if d.number), None),
                          destination=case.requester, document_id=recorded[0].id if recorded else None,
                          case_id=case.id, work_item_id=item.id, step_no=item.step_no)
        notices.append(f"buku ekspedisi nomor {entry.id}: {subject[:80]}")
    return notices


def _step_letter(session: Session, settings: LetterSettings, user: ActingUser, case: Case, item: WorkItem,
                 sop: Sop, name: str, document: Document | None, today: date,
                 now: datetime) -> tuple[OutgoingLetter, bool]:
    """The outgoing letter of one letter output of a completed step, and whether it is new."""
    given = document.number if document is not None else None
    if given:
        existing = _find_outgoing(session, given)
        if existing is not None:
            refuse_void(existing, f"surat keluar nomor {existing.number}", "dipakai lagi")
            existing_name = session.get(Document, existing.document_id).name if existing.document_id else None
            if existing.case_id == case.id and existing_name in (None, name):
                if existing.document_id is None:  # registered by hand for this case: now it has its document
                    existing.document_id = document.id
                    existing.work_item_id = existing.work_item_id or item.id
                return existing, False
            raise _duplicate(session, existing)
    else:
        earlier = _same_letter_earlier(session, case, item, name)
        if earlier is not None:
            if document is not None:
                document.number = earlier.number
            return earlier, False
    letter_date = document.doc_date if document is not None and document.doc_date else today
    if document is None:
        document = Document(case_id=case.id, work_item_id=item.id, name=name, doc_date=letter_date)
        session.add(document)
        session.flush()
    letter = register_letter_in(session, settings, now=now, user_id=user.id, number=given,
                                classification=settings.classification_for(sop.kode, name) or None,
                                letter_date=letter_date, recipient=case.requester,
                                subject=f"{name} - {case.title}", case=case, item=item, document=document)
    document.number = letter.number
    return letter, True


def _same_letter_earlier(session: Session, case: Case, item: WorkItem, name: str) -> OutgoingLetter | None:
    """The letter of this output registered at this step before (the step repeated after a
    return) or at the step the case came from."""
    previous = [i for i in case.items if i.status == "done" and i.id < item.id]
    steps = {item.step_no} | ({previous[-1].step_no} if previous else set())
    return session.scalar(
        select(OutgoingLetter)
        .join(Document, Document.id == OutgoingLetter.document_id)
        .join(WorkItem, WorkItem.id == OutgoingLetter.work_item_id)
        .where(OutgoingLetter.case_id == case.id, Document.name == name, WorkItem.step_no.in_(steps),
               OutgoingLetter.voided_at.is_(None))
        .order_by(OutgoingLetter.id.desc()).limit(1)
    )


# --- reading --------------------------------------------------------------------------------------

class IncomingRow(NamedTuple):
    id: int
    agenda: str
    received_at: datetime
    number: str | None
    letter_date: date | None
    sender: str
    subject: str
    classification: str | None
    sifat: str
    case_number: str | None
    scan: str | None
    registered_by: str
    dispositions: int
    void_reason: str | None = None  # set: the letter is void (BATAL)

    @property
    def void(self) -> bool:
        return self.void_reason is not None


class OutgoingRow(NamedTuple):
    id: int
    number: str
    letter_date: date
    recipient: str | None
    subject: str
    classification: str | None
    case_number: str | None
    step_no: int | None
    automatic: bool
    created_by: str
    void_reason: str | None = None  # set: the letter is void (BATAL)

    @property
    def void(self) -> bool:
        return self.void_reason is not None


def _incoming_conditions(year: int | None, search: str | None, sifat: str | None) -> list:
    conditions = []
    if year is not None:
        conditions.append(IncomingLetter.year == year)
    if sifat:
        conditions.append(IncomingLetter.sifat == sifat)
    if search and search.strip():
        conditions.append(matching(search, IncomingLetter.number, IncomingLetter.sender, IncomingLetter.subject))
    return conditions


def incoming_page(ws: Workspace, *, year: int | None = None, search: str | None = None,
                  sifat: str | None = None, limit: int = 100, offset: int = 0,
                  descending: bool = False, viewer: Actor | None = None) -> list[IncomingRow]:
    """A page of the incoming agenda in agenda order, filtered and paged by SQL. A rahasia
    letter's perihal reads "(rahasia)" unless `viewer` is on its chain (engine.rahasia)."""
    from sopdesk.store.models import Disposition

    registrar = aliased(User)
    count = (select(func.count(Disposition.id)).where(Disposition.incoming_letter_id == IncomingLetter.id)
             .correlate(IncomingLetter).scalar_subquery())
    order = [IncomingLetter.year, IncomingLetter.seq]
    query = (
        select(IncomingLetter.id, IncomingLetter.year, IncomingLetter.seq, IncomingLetter.received_at,
               IncomingLetter.number, IncomingLetter.letter_date, IncomingLetter.sender, IncomingLetter.subject,
               IncomingLetter.classification, IncomingLetter.sifat, Case.number, Attachment.original_name,
               registrar.username, count, IncomingLetter.void_reason)
        .outerjoin(Case, Case.id == IncomingLetter.case_id)
        .outerjoin(Attachment, Attachment.id == IncomingLetter.attachment_id)
        .join(registrar, registrar.id == IncomingLetter.registered_by)
        .where(*_incoming_conditions(year, search, sifat))
        .order_by(*[c.desc() for c in order] if descending else order)
        .limit(limit).offset(offset)
    )
    with ws.db.connect() as conn:
        rows = [IncomingRow(row[0], agenda_number(row[1], row[2]), *row[3:]) for row in conn.execute(query)]
    secret = {row.id for row in rows if row.sifat == "rahasia"}
    if secret:
        from sopdesk.engine import rahasia

        with ws.db.reading() as session:
            readable = rahasia.readable_letters(
                session, rahasia.viewer_of(session, viewer, ws.catalog.role_includes), secret)
        rows = [row._replace(subject=rahasia.MASK) if row.id in secret - readable else row for row in rows]
    return rows


def incoming_total(ws: Workspace, *, year: int | None = None, search: str | None = None,
                   sifat: str | None = None) -> int:
    query = select(func.count(IncomingLetter.id)).where(*_incoming_conditions(year, search, sifat))
    with ws.db.connect() as conn:
        return conn.execute(query).scalar() or 0


def _outgoing_conditions(year: int | None, search: str | None) -> list:
    conditions = []
    if year is not None:
        conditions.append(OutgoingLetter.year == year)
    if search and search.strip():
        conditions.append(matching(search, OutgoingLetter.number, OutgoingLetter.recipient, OutgoingLetter.subject))
    return conditions


def outgoing_page(ws: Workspace, *, year: int | None = None, search: str | None = None, limit: int = 100,
                  offset: int = 0, descending: bool = False, viewer: Actor | None = None) -> list[OutgoingRow]:
    """A page of the outgoing agenda in the order the letters were registered. The perihal of
    a letter of a confidential case reads "(rahasia)" unless `viewer` is on the case's chain."""
    creator = aliased(User)
    order = [OutgoingLetter.id.desc()] if descending else [OutgoingLetter.id]
    query = (
        select(OutgoingLetter.id, OutgoingLetter.number, OutgoingLetter.letter_date, OutgoingLetter.recipient,
               OutgoingLetter.subject, OutgoingLetter.classification, Case.number, WorkItem.step_no,
               OutgoingLetter.seq.isnot(None), creator.username, OutgoingLetter.void_reason,
               Case.id, Case.rahasia)
        .outerjoin(Case, Case.id == OutgoingLetter.case_id)
        .outerjoin(WorkItem, WorkItem.id == OutgoingLetter.work_item_id)
        .join(creator, creator.id == OutgoingLetter.created_by)
        .where(*_outgoing_conditions(year, search))
        .order_by(*order).limit(limit).offset(offset)
    )
    with ws.db.connect() as conn:
        rows = conn.execute(query).all()
    secret = {row[-2] for row in rows if row[-1]}
    readable: set[int] = set()
    if secret:
        from sopdesk.engine import rahasia

        with ws.db.reading() as session:
            readable = rahasia.readable_cases(session, rahasia.viewer_of(session, viewer, ws.catalog.role_includes),
                                              secret)
    return [OutgoingRow(*row[:-2]) if not row[-1] or row[-2] in readable
            else OutgoingRow(*row[:-2])._replace(subject="(rahasia)") for row in rows]


def outgoing_total(ws: Workspace, *, year: int | None = None, search: str | None = None) -> int:
    query = select(func.count(OutgoingLetter.id)).where(*_outgoing_conditions(year, search))
    with ws.db.connect() as conn:
        return conn.execute(query).scalar() or 0
