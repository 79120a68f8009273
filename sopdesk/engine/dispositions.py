"""Lembar disposisi: a superior's written instruction on a letter or a case, addressed to units
of the organisation directory (the Organisasi document of the catalog: divisions and
secretariat units, each with the role, `peran`, that works it).

How a disposition moves a case. The SOP, not the disposition, decides which step comes next
and which role works it. So a disposition never sends a case somewhere the SOP does not go:

* When the case waits at a *disposition step* (a step of the Ketua / Komisioner / Sekretaris
  lane whose activity or output is a disposition or an order: PP 3 and 6 "Memberikan
  disposisi", PAW 1 "Disposisi Tindak lanjut ...", PAW 4-5 and Rakor 1-2 "Memerintahkan",
  PP 10 and 12 "Menugaskan"), disposing completes that step (the instruction is its note, the
  disposition its output) and the case goes to the step the SOP names next, in the inbox of
  that step's role. This is allowed only when at least one chosen unit is worked by that role
  (disposing PP step 6 to "Sub Bagian Hukum", peran Kasubag, sends the case to step 7,
  Kasubag). The units of that role are marked as the ones the case was routed to; the other
  units are recorded as copies (tembusan). On a decision step the exit whose next step
  belongs to the units' role is taken; when several would fit, `choice` says which.
* When no chosen unit has the next step's role, the disposition is refused with a message
  naming the role the SOP needs and the units that have it, and nothing is recorded (the
  user may pick another unit, or record the disposition without moving the case with
  route=False: the desk's "Teruskan kasus" box unticked, the CLI's `--no-route`).
* When the case waits at any other step, is closed, or the letter has no case, the
  disposition is only recorded, and the result says why the case did not move.

The acting user must hold a disposing role (Ketua, Komisioner, Sekretaris) or be an
administrator, and, to move the case, may act on the waiting step like any step completion.
Roles are the effective ones (users.effective_roles): the Ketua, who includes Komisioner,
disposes at the steps of the "Ketua & Anggota KPU" lane.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from sopdesk.catalog import Sop
from sopdesk.catalog.schema import Unit
from sopdesk.engine import audit, cases, rahasia
from sopdesk.engine.letters import agenda_number, get_incoming, parse_agenda_number
from sopdesk.engine.registers import DISPOSER_ROLES, clean, disposer_roles, refuse_void, require_any_role
from sopdesk.engine.step_input import OutputValue, StepInput
from sopdesk.engine.users import ActingUser, Actor, load_actor, require_role
from sopdesk.engine.workspace import Workspace
from sopdesk.errors import Conflict, FieldError, UserError
from sopdesk.store.models import Case, Disposition, DispositionTarget, IncomingLetter, User, WorkItem

DISPOSITION_WORDS = ("disposisi", "memerintahkan", "menugaskan")
MAX_INSTRUCTION = 2000


def directory(ws: Workspace) -> dict[str, Unit]:
    """Every unit of the organisation directory by kode (the first document wins a clash)."""
    units: dict[str, Unit] = {}
    for org in ws.catalog.organisations.values():
        for unit in org.units:
            units.setdefault(unit.kode, unit)
    return units


def resolve_units(ws: Workspace, kodes: list[str]) -> list[Unit]:
    known = directory(ws)
    wanted: list[Unit] = []
    for kode in kodes or []:
        key = str(kode).strip().lower()
        if not key:
            continue
        unit = known.get(key)
        if unit is None:
            listed = ", ".join(sorted(known)) or "tidak ada (katalog tanpa dokumen organisasi)"
            raise UserError(f"Unit {str(kode)[:60]!r} tidak ada di direktori organisasi (unit: {listed})")
        if unit not in wanted:
            wanted.append(unit)
    if not wanted:  # a field error: the dialog puts the cursor on the first unit
        raise FieldError("units", "Pilih sedikitnya satu unit tujuan disposisi")
    return wanted


def is_disposition_step(sop: Sop, step_no: int, disposers: tuple[str, ...] = DISPOSER_ROLES) -> bool:
    step = sop.step(step_no)
    if sop.role_of(step_no) not in disposers:
        return False
    texts = [step.kegiatan, *step.output]
    return any(word in text.lower() for text in texts for word in DISPOSITION_WORDS)


@dataclass(frozen=True)
class Disposed:
    disposition_id: int
    case_number: str | None
    routed_step: int | None  # the step the case moved to (None: it did not move)
    routed_role: str | None
    message: str


@dataclass
class DispositionInput(StepInput):
    """A step completion that is a disposition: cases.complete runs its `completed` inside
    the completion's transaction (engine.hooks: a step input's own reaction)."""

    units: list[Unit] = field(default_factory=list)
    letter_id: int | None = None
    recorded_id: int | None = None  # set once the disposition is written

    def completed(self, ws: Workspace, session: Session, user: ActingUser, case: Case, item: WorkItem,
                  next_item: WorkItem | None, now: datetime) -> list[str]:
        require_any_role(user, disposer_roles(ws), "membuat disposisi")
        if next_item is None or next_item.role not in {u.peran for u in self.units}:  # the plan went stale
            raise Conflict(f"Kasus {case.number} tidak lagi dapat diteruskan ke unit yang dipilih; ulangi")
        row = _record(session, user, self.units, self.note or "", now, letter_id=self.letter_id,
                      case=case, routed=next_item)
        self.recorded_id = row.id
        return [f"disposisi nomor {row.id}: kasus diteruskan ke kegiatan {next_item.step_no} ({next_item.role})"]


def _record(session: Session, user: ActingUser, units: list[Unit], instruction: str, now: datetime, *,
            letter_id: int | None, case: Case | None, routed: WorkItem | None) -> Disposition:
    row = Disposition(incoming_letter_id=letter_id, case_id=case.id if case else None, from_user=user.id,
                      instruction=instruction, disposed_at=now,
                      routed_work_item_id=routed.id if routed else None)
    row.targets = [DispositionTarget(unit_kode=u.kode, unit_nama=u.nama, peran=u.peran,
                                     routed=routed is not None and u.peran == routed.role) for u in units]
    session.add(row)
    session.flush()
    agenda = None
    if letter_id is not None:
        letter = session.get_one(IncomingLetter, letter_id)
        agenda = agenda_number(letter.year, letter.seq)
        refuse_void(letter, f"surat masuk {agenda}", "didisposisi")
    audit.record(session, at=now, user_id=user.id, action="disposition_recorded",
                 case_id=case.id if case else None, work_item_id=routed.id if routed else None,
                 step_no=routed.step_no if routed else None, disposition_id=row.id, surat_masuk=agenda,
                 units=[u.kode for u in units], instruction=instruction)
    return row


def _target(session: Session, target: str) -> tuple[IncomingLetter | None, Case | None]:
    """A letter by agenda number (with its case, if any) or a case (with its first letter)."""
    text = str(target or "").strip()
    if parse_agenda_number(text) is not None:
        letter = get_incoming(session, text)
        return letter, session.get(Case, letter.case_id) if letter.case_id else None
    case = cases.get_case(session, text)
    first = session.scalar(select(IncomingLetter).where(IncomingLetter.case_id == case.id)
                           .order_by(IncomingLetter.id).limit(1))
    return first, case


@dataclass(frozen=True)
class _Route:
    step_no: int
    choice: str | None
    next_step: int
    role: str


def _plan(ws: Workspace, session: Session, user: ActingUser, case: Case, units: list[Unit],
          choice: str | None) -> _Route | str:
    """Where the disposition moves the case, or why it does not move (a refusal raises)."""
    if case.status != "open":
        return f"kasus sudah {'selesai' if case.status == 'done' else 'dibatalkan'}"
    item = cases.open_item(case)
    sop = ws.sop_of_revision(session, case.sop_revision_id)
    if not is_disposition_step(sop, item.step_no, disposer_roles(ws)):
        return f"menunggu di kegiatan {item.step_no} ({sop.role_of(item.step_no)}), bukan kegiatan disposisi"
    require_role(user, item.role, f"meneruskan kasus {case.number} dari kegiatan {item.step_no}")
    if item.assignee_id is not None and item.assignee_id != user.id and not user.is_admin:
        other = session.get_one(User, item.assignee_id)
        raise Conflict(f"Kegiatan {item.step_no} kasus {case.number} sedang dikerjakan oleh {other.username}")
    roles = {u.peran for u in units}
    exits = [(label, step) for label, step in sop.exits(item.step_no) if isinstance(step, int)]  # not END
    fitting = [(label, step) for label, step in exits if sop.role_of(step) in roles]
    if choice is not None:
        fitting = [(label, step) for label, step in fitting if label and label.lower() == choice.strip().lower()]
    if not fitting:
        needed = sorted({sop.role_of(step) for _, step in exits})
        # by the names the desk's tick boxes show (`letter units` gives the CLI their codes)
        having = [u.nama for u in directory(ws).values() if u.peran in needed]
        steps = ", ".join(str(step) for _, step in exits) or "selesai"
        raise UserError(
            f"Disposisi tidak dapat meneruskan kasus {case.number}: menurut SOP {sop.kode} kegiatan "
            f"berikutnya ({steps}) dikerjakan oleh {' / '.join(needed) or '-'}, bukan oleh "
            f"{' / '.join(sorted(roles))}; pilih unit dengan peran itu ({', '.join(having) or '-'}) "
            "atau catat disposisinya saja, tanpa meneruskan kasus")  # the desk's box; the CLI's --no-route
    if len({step for _, step in fitting}) > 1:
        labels = " / ".join(label or "" for label, _ in fitting)
        raise UserError(f"Kegiatan {item.step_no} kasus {case.number} adalah keputusan: sebutkan pilihannya ({labels})")
    label, step = fitting[0]
    return _Route(item.step_no, label, step, sop.role_of(step))


def dispose(ws: Workspace, actor: Actor, target: str, unit_kodes: list[str], instruction: str, *,
            route: bool = True, choice: str | None = None) -> Disposed:
    """Record a lembar disposisi on a letter ("SM/2026/0001") or a case ("PP/2026/0001") and,
    when the case waits at a disposition step, move it on (see the module docstring)."""
    units = resolve_units(ws, unit_kodes)
    text = clean(instruction, "instruction", "Isi disposisi", MAX_INSTRUCTION, required=True)
    now = ws.clock()
    with ws.db.reading() as session:
        user = load_actor(session, actor, includes=ws.catalog.role_includes)
        require_any_role(user, disposer_roles(ws), "membuat disposisi")
        letter, case = _target(session, target)
        if letter is not None:
            refuse_void(letter, f"surat masuk {agenda_number(letter.year, letter.seq)}", "didisposisi")
        letter_id = letter.id if letter else None
        plan = _plan(ws, session, user, case, units, choice) if route and case is not None else None
        case_number = case.number if case else None
        outputs, present = {}, []
        if isinstance(plan, _Route) and case is not None:
            sop = ws.sop_of_revision(session, case.sop_revision_id)
            step = sop.step(plan.step_no)
            agenda = agenda_number(letter.year, letter.seq) if letter else None
            today = ws.calendar.local(now).date()
            outputs = {o: OutputValue(number=agenda, date=today) for o in step.output if "disposisi" in o.lower()}
            present = [k for k in step.kelengkapan
                       if "disposisi" in k.lower() or (letter is not None and k.lower().startswith("surat"))]
    if isinstance(plan, _Route) and case_number is not None:
        data = DispositionInput(present=present, outputs=outputs, choice=plan.choice, note=text, units=units,
                                letter_id=letter_id)
        done = cases.complete(ws, actor, case_number, data, step=plan.step_no)
        if data.recorded_id is None:  # DispositionInput.completed writes it inside complete
            raise RuntimeError(f"disposition of {case_number} completed its step unrecorded")
        return Disposed(data.recorded_id, case_number, done.next_step, plan.role,
                        f"kasus {case_number} diteruskan ke kegiatan {done.next_step} ({plan.role})")
    with ws.db.transaction() as session:
        user = load_actor(session, actor, includes=ws.catalog.role_includes)
        require_any_role(user, disposer_roles(ws), "membuat disposisi")
        case = session.get(Case, case.id) if case is not None else None
        row = _record(session, user, units, text, now, letter_id=letter_id, case=case, routed=None)
        # what became of the case only: callers say "Disposisi nomor N dicatat; <why>"
        why = f"kasus {case_number} tidak diteruskan" if case is not None else "surat ini tidak terkait kasus"
        if isinstance(plan, str):
            why = f"{why}: {plan}"
        return Disposed(row.id, case_number, None, None, why)


def dispositions_of(ws: Workspace, target: str, viewer: Actor | None = None) -> list[dict[str, Any]]:
    """The lembar disposisi of a letter or a case, oldest first (for the screen and printing).
    The instruction speaks of the letter's content: on a rahasia letter or case it reads
    "(rahasia)" unless `viewer` may read the perihal (engine.rahasia; None: nobody signed in)."""
    with ws.db.reading() as session:
        letter, case = _target(session, target)
        by_letter = parse_agenda_number(str(target)) is not None
        owner = letter if by_letter else case
        if owner is None:  # never: _target refuses an unknown letter or case
            return []
        reader = rahasia.viewer_of(session, viewer, ws.catalog.role_includes)
        secret = {letter.id} if letter is not None and letter.sifat == "rahasia" else set()
        readable_secret = rahasia.readable_letters(session, reader, secret, disposer_roles(ws))
        # a case's sheets: the case's own confidentiality, and its first letter's
        readable = (not secret or letter is not None and letter.id in readable_secret) and (
            by_letter or case is None or rahasia.case_readable(session, reader, case))
        query = (select(Disposition).order_by(Disposition.id)
                 .where(Disposition.incoming_letter_id == owner.id if by_letter else Disposition.case_id == owner.id))
        names = dict(session.execute(select(User.id, User.full_name)).all())
        rows = []
        for row in session.scalars(query):
            routed = session.get(WorkItem, row.routed_work_item_id) if row.routed_work_item_id else None
            source = session.get(IncomingLetter, row.incoming_letter_id) if row.incoming_letter_id else None
            rows.append({
                "id": row.id, "at": row.disposed_at, "from": names.get(row.from_user),
                "instruction": row.instruction if readable else rahasia.MASK,
                "surat_masuk": agenda_number(source.year, source.seq) if source else None,
                "case": session.get_one(Case, row.case_id).number if row.case_id else None,
                "routed_step": routed.step_no if routed else None, "routed_role": routed.role if routed else None,
                "units": [{"kode": t.unit_kode, "nama": t.unit_nama, "peran": t.peran, "routed": t.routed}
                          for t in row.targets],
            })
        return rows
