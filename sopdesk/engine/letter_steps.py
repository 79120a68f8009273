"""What the letter registers do when a step is completed: a step's letter outputs are entered
in the outgoing agenda and dispatched in the buku ekspedisi.

Why a module of its own: cases.complete does not know the registers; it runs the reactions
of engine.hooks, which names `has_step_work` and `on_step_completed` here. This module
imports neither cases nor hooks, so the engine has no import circle.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import bindparam, func, insert, select, update

from sopdesk.catalog import Sop
from sopdesk.catalog.schema import Keluaran
from sopdesk.engine import seal
from sopdesk.engine.expedition import add_entry
from sopdesk.engine.letter_outgoing import NewLetter, duplicate, find_outgoing, register_letter_in
from sopdesk.engine.letter_settings import LetterSettings, load_letter_settings
from sopdesk.engine.registers import refuse_void
from sopdesk.engine.step_facts import StepFacts
from sopdesk.engine.step_input import StepInput
from sopdesk.engine.users import ActingUser
from sopdesk.engine.workspace import Workspace
from sopdesk.store.direct import DirectTx
from sopdesk.store.models import Document, Expedition, OutgoingLetter, WorkItem

REGISTERED_KINDS = ("surat_keluar", "ekspedisi")  # output kinds that write a register
NOTICE_SUBJECT = 80  # characters of a dispatched subject shown in the completion's notice

# the statements of a step's letters, prepared once (store.direct): most of them run at every
# completed step with a letter output
DOCUMENTS_OF_ITEM = select(Document.id).where(Document.work_item_id == bindparam("item_id")).limit(1)
ADD_DOCUMENT = insert(Document)  # its id from the driver (DirectTx.insert: no RETURNING on SQLite)
NUMBER_DOCUMENT = update(Document).where(Document.id == bindparam("document_id")).values(number=bindparam("given"))
DISPATCHED = select(Expedition.id).where(Expedition.outgoing_letter_id == bindparam("letter_id")).limit(1)
CAME_FROM = (select(WorkItem.step_no)  # the step the case came from (the case's items are not loaded for it)
             .where(WorkItem.case_id == bindparam("case_id"), WorkItem.status == "done",
                    WorkItem.id < bindparam("item_id"))
             .order_by(WorkItem.id.desc()).limit(1))
# the step the case came from found in the same statement (a repeated step: the step itself)
SAME_LETTER = (select(OutgoingLetter.id)
               .join(Document, Document.id == OutgoingLetter.document_id)
               .join(WorkItem, WorkItem.id == OutgoingLetter.work_item_id)
               .where(OutgoingLetter.case_id == bindparam("case_id"), Document.name == bindparam("name"),
                      WorkItem.step_no.in_([bindparam("step"),
                                            func.coalesce(CAME_FROM.scalar_subquery(), bindparam("step"))]),
                      OutgoingLetter.voided_at.is_(None))
               .order_by(OutgoingLetter.id.desc()).limit(1))


def has_step_work(ws: Workspace, sop: Sop, step_no: int, data: StepInput) -> bool:
    """Whether on_step_completed has anything to do for this step (most steps: no): a step that
    dispatches (an ekspedisi output), or one with a letter output when the input records
    documents (only a recorded letter is registered at a step that does not dispatch). A step
    with no work leaves its event final: sealed and marked as it is written (audit.record)."""
    kinds = {o.jenis for o in sop.step(step_no).output}
    if "ekspedisi" in kinds:
        return True
    return "surat_keluar" in kinds and bool(data.outputs or getattr(data, "completed", None) is not None)


def on_step_completed(ws: Workspace, tx: DirectTx, user: ActingUser, step: StepFacts, sop: Sop,
                      data: StepInput, now: datetime) -> list[str]:
    """Run by cases.complete (through engine.hooks) in its transaction, after the step's documents are written
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
    outputs = sop.step(step.step_no).output
    if not outputs:
        return notices
    letter_outputs = [o for o in outputs if o.jenis == "surat_keluar"]
    expedition_outputs = [o for o in outputs if o.jenis == "ekspedisi"]
    if not letter_outputs and not expedition_outputs:
        return notices
    settings = load_letter_settings(ws.data_dir)
    return _registered(ws, tx, settings, user, step, sop, data, now, letter_outputs, expedition_outputs, outputs)


def _registered(ws: Workspace, tx: DirectTx, settings: LetterSettings, user: ActingUser,
                step: StepFacts, sop: Sop, data: StepInput, now: datetime, letter_outputs: list[Keluaran],
                expedition_outputs: list[Keluaran], outputs: list[Keluaran]) -> list[str]:
    """on_step_completed's work: the step's letters in the agenda, the buku ekspedisi entries
    (an ORM session of the transaction, tx.session(), only where ORM objects are needed)."""
    notices: list[str] = []
    # the step's recorded documents as ORM objects only when there are any (most steps: none;
    # a step records documents only from its outputs, or a reaction the step input carries)
    any_recorded = ((data.outputs or getattr(data, "completed", None) is not None)
                    and tx.scalar(DOCUMENTS_OF_ITEM, {"item_id": step.item_id}) is not None)
    documents = ({d.name: d for d in tx.session().scalars(
        select(Document).where(Document.work_item_id == step.item_id).order_by(Document.id))}
        if any_recorded else {})
    today = ws.calendar.local(now).date()
    letters = []
    for name in letter_outputs:
        document = documents.get(name)
        if document is None and not expedition_outputs:
            continue  # neither recorded nor dispatched at this step
        letter, new = _step_letter(tx, settings, user, step, sop, name, document, today, now)
        letters.append((letter, new))
        notices.append(f"{name}: surat keluar nomor {letter.number}"
                       + (" dicatat di agenda surat keluar" if new else " (sudah tercatat)"))
    for letter, new in letters:  # a letter registered just now is not in the buku ekspedisi yet
        if new or tx.scalar(DISPATCHED, {"letter_id": letter.id}) is None:
            entry = add_entry(tx, now=now, user_id=user.id, subject=letter.subject,
                              letter_number=letter.number, destination=letter.recipient,
                              outgoing_letter_id=letter.id, letter_new=new, document_id=letter.document_id,
                              case_id=step.case_id, work_item_id=step.item_id, step_no=step.step_no)
            notices.append(f"buku ekspedisi nomor {entry}: {letter.number}")
    if expedition_outputs and not letters:
        handed = [o for o in outputs if o not in expedition_outputs]
        recorded = [documents[o] for o in handed if o in documents]
        subject = f"{'; '.join(handed) or expedition_outputs[0]} - {step.title}"
        entry = add_entry(tx, now=now, user_id=user.id, subject=subject,
                          letter_number=next((d.number for d in recorded if d.number), None),
                          destination=step.requester, document_id=recorded[0].id if recorded else None,
                          case_id=step.case_id, work_item_id=step.item_id, step_no=step.step_no)
        notices.append(f"buku ekspedisi nomor {entry}: {_shown(subject, NOTICE_SUBJECT)}")
    return notices


def _shown(text: str, width: int) -> str:
    """A subject in a notice: whole, or cut at a word with its cut shown (a word cut mid-way
    read as a typo on the command line)."""
    if len(text) <= width:
        return text
    cut = text[:width - 3]
    return (cut.rsplit(" ", 1)[0] if " " in cut else cut).rstrip(" ,;:-") + "..."


def _step_letter(tx: DirectTx, settings: LetterSettings, user: ActingUser, step: StepFacts,
                 sop: Sop, name: str, document: Document | None, today: date,
                 now: datetime) -> tuple[OutgoingLetter | NewLetter, bool]:
    """The outgoing letter of one letter output of a completed step, and whether it is new."""
    given = document.number if document is not None else None
    if given and document is not None:
        session = tx.session()
        existing = find_outgoing(session, given)
        if existing is not None:
            refuse_void(existing, f"surat keluar nomor {existing.number}", "dipakai lagi")
            existing_name = session.get_one(Document, existing.document_id).name if existing.document_id else None
            if existing.case_id == step.case_id and existing_name in (None, name):
                if existing.document_id is None:  # registered by hand for this case: now it has its document
                    existing.document_id = document.id
                    existing.work_item_id = existing.work_item_id or step.item_id
                return existing, False
            raise duplicate(session, existing)
    else:
        earlier = _same_letter_earlier(tx, step, name)
        if earlier is not None:
            if document is not None:
                document.number = earlier.number
            return earlier, False
    letter_date = document.doc_date if document is not None and document.doc_date else today
    written = {"case_id": step.case_id, "work_item_id": step.item_id, "name": name, "doc_date": letter_date}
    document_id = document.id if document is not None else tx.insert(ADD_DOCUMENT, written)
    letter = register_letter_in(tx, settings, now=now, user_id=user.id, number=given,
                                classification=settings.classification_for(sop.kode, name) or None,
                                letter_date=letter_date, recipient=step.requester, subject=f"{name} - {step.title}",
                                case_id=step.case_id, item_id=step.item_id, step_no=step.step_no,
                                document_id=document_id)
    if document is not None:
        document.number = letter.number
    else:  # the document written above, numbered now: sealed with the letter's event as written
        tx.execute(NUMBER_DOCUMENT, {"document_id": document_id, "given": letter.number})
        seal.as_written(tx, "document", document_id, {**written, "number": letter.number})
    return letter, True


def _same_letter_earlier(tx: DirectTx, step: StepFacts, name: str) -> OutgoingLetter | None:
    """The letter of this output registered at this step before (the step repeated after a
    return) or at the step the case came from."""
    letter_id = tx.scalar(SAME_LETTER, {"case_id": step.case_id, "name": name, "step": step.step_no,
                                        "item_id": step.item_id})
    return None if letter_id is None else tx.session().get_one(OutgoingLetter, letter_id)
