"""What the Surat & Ekspedisi screens and `sopdesk letter show` read besides the register pages
themselves: one incoming letter, the letter a disposition is written on, the step a case waits
at after a letter moved it, and the years the agenda filters offer.

The GUI and the CLI never open a session or import the store (#12): each thing it shows has a typed read
function here, one shape per result. The register pages and their counts stay in
engine.letters and engine.expedition."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Literal

from sqlalchemy import func, select

from sopdesk.engine import letters, queries, rahasia
from sopdesk.engine.registers import disposer_roles
from sopdesk.engine.users import Actor
from sopdesk.engine.workspace import Workspace
from sopdesk.store.models import Case, IncomingLetter, OutgoingLetter

Register = Literal["incoming", "outgoing"]
EARLIER_YEARS = 2  # the year filter offers at least this year and the two before it


@dataclass(frozen=True)
class LetterToDispose:
    """The incoming letter a lembar disposisi is written on, as the dialog names it."""

    agenda: str
    sender: str
    subject: str
    case_number: str | None  # the case the letter started or joined
    sifat: str = "biasa"  # segera / rahasia: said in the dialog's first line


@dataclass(frozen=True)
class IncomingLetterView:
    """One incoming letter as `sopdesk letter show` prints it; a rahasia letter's perihal reads
    "(rahasia)" unless the viewer is on its chain."""

    agenda: str
    received_at: datetime
    number: str | None
    letter_date: date | None
    sender: str
    subject: str
    classification: str | None
    sifat: str
    void_reason: str | None  # set: the letter is void (BATAL)


@dataclass(frozen=True)
class WaitingStep:
    """Where a running case waits: its open work item."""

    step: int
    role: str


def letter_to_dispose(ws: Workspace, agenda: str) -> LetterToDispose:
    """The incoming letter `agenda` (SM/2026/0001); NotFound when there is none."""
    with ws.db.reading() as session:
        letter = letters.get_incoming(session, agenda)
        case_number = session.scalar(select(Case.number).where(Case.id == letter.case_id)) \
            if letter.case_id else None
        return LetterToDispose(agenda, letter.sender, letter.subject, case_number, letter.sifat)


def letter_of_case(ws: Workspace, number: str) -> LetterToDispose | None:
    """The first incoming letter (not void) that started or joined case `number`, as the
    disposition dialog of the case's step names it; None when the case came by no letter."""
    with ws.db.reading() as session:
        row = session.scalar(select(IncomingLetter).join(Case, Case.id == IncomingLetter.case_id)
                             .where(Case.number == number, IncomingLetter.voided_at.is_(None))
                             .order_by(IncomingLetter.id).limit(1))
        if row is None:
            return None
        return LetterToDispose(letters.agenda_number(row.year, row.seq), row.sender, row.subject, number, row.sifat)


def incoming_letter(ws: Workspace, agenda: str, viewer: Actor | None) -> IncomingLetterView:
    """The incoming letter `agenda` as `viewer` may read it; NotFound when there is none."""
    with ws.db.reading() as session:
        row = letters.get_incoming(session, agenda)
        secret = row.sifat == "rahasia" and row.id not in rahasia.readable_letters(
            session, rahasia.viewer_of(session, viewer, ws.catalog.role_includes), [row.id], disposer_roles(ws))
        return IncomingLetterView(
            agenda=letters.agenda_number(row.year, row.seq), received_at=row.received_at, number=row.number,
            letter_date=row.letter_date, sender=row.sender, subject=rahasia.MASK if secret else row.subject,
            classification=row.classification, sifat=row.sifat, void_reason=row.void_reason)


def waiting_step(ws: Workspace, number: str, viewer: Actor | None) -> WaitingStep | None:
    """The open work item of case `number` (None when it no longer runs); NotFound when
    there is no such case."""
    detail = queries.case_detail(ws, number, viewer)
    item = next((i for i in detail["items"] if i["status"] == "open"), None)
    return None if item is None else WaitingStep(step=int(item["step"]), role=str(item["role"]))


def register_years(ws: Workspace, register: Register, this_year: int) -> list[int]:
    """The years a register's year filter offers, newest first: from this year (or a later
    year a letter was dated in) back to the first year in the register, and at least the
    two years before this one."""
    column = IncomingLetter.year if register == "incoming" else OutgoingLetter.year
    with ws.db.reading() as session:
        first = session.scalar(select(func.min(column))) or this_year
    return list(range(max(this_year, first), min(first, this_year - EARLIER_YEARS) - 1, -1))
