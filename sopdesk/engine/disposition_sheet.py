"""The lembar disposisi's letter block: one incoming letter as the printed sheet heads it (its
numbers, sender, perihal, sifat, case, scan and void), and the disposing roles of the people
who wrote a disposition on it (sopdesk.reports.disposition prints them; the dispositions
themselves come from `dispositions.dispositions_of`, the unit boxes from `units`).

A rahasia letter's perihal reads "(rahasia)" unless the viewer is on its chain (issue #13)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select

from sopdesk.engine import rahasia
from sopdesk.engine.letter_agenda import agenda_number
from sopdesk.engine.letters import get_incoming
from sopdesk.engine.registers import disposer_roles
from sopdesk.engine.users import Actor
from sopdesk.engine.workspace import Workspace
from sopdesk.store.models import Attachment, Case, Disposition, Role, User, UserRole


@dataclass(frozen=True)
class SheetLetter:
    agenda: str  # SM/2026/0001
    received_at: datetime
    number: str | None
    letter_date: date | None
    sender: str
    subject: str  # "(rahasia)" for a reader off the chain
    sifat: str  # biasa | segera | rahasia
    classification: str | None
    case_number: str | None
    scan: str | None  # the original name of the scanned letter's file
    void_reason: str | None
    voided_at: datetime | None
    voided_by: str | None  # full name
    giver_roles: dict[int, tuple[str, ...]]  # disposition id -> its giver's disposing roles, by name


def sheet_letter(ws: Workspace, agenda: str, viewer: Actor | None = None) -> SheetLetter:
    """The incoming letter `agenda` (NotFound when there is none) for its lembar disposisi."""
    with ws.db.reading() as session:
        letter = get_incoming(session, agenda)
        case_number = session.scalar(select(Case.number).where(Case.id == letter.case_id)) \
            if letter.case_id else None
        scan = session.scalar(select(Attachment.original_name).where(Attachment.id == letter.attachment_id)) \
            if letter.attachment_id else None
        givers = dict(session.execute(select(Disposition.id, Disposition.from_user)
                                      .where(Disposition.incoming_letter_id == letter.id)).all())
        disposers = disposer_roles(ws)
        held: dict[int, list[str]] = {}
        for user_id, role in session.execute(select(UserRole.user_id, Role.name)
                                             .join(Role, Role.id == UserRole.role_id)
                                             .where(UserRole.user_id.in_(set(givers.values())))
                                             .order_by(Role.name)):
            if role in disposers:
                held.setdefault(user_id, []).append(role)
        readable = letter.sifat != "rahasia" or letter.id in rahasia.readable_letters(
            session, rahasia.viewer_of(session, viewer, ws.catalog.role_includes), [letter.id], disposers)
        voided_by = session.scalar(select(User.full_name).where(User.id == letter.voided_by)) \
            if letter.voided_by else None
        return SheetLetter(
            agenda=agenda_number(letter.year, letter.seq), received_at=letter.received_at, number=letter.number,
            letter_date=letter.letter_date, sender=letter.sender,
            subject=letter.subject if readable else rahasia.MASK, sifat=letter.sifat,
            classification=letter.classification, case_number=case_number, scan=scan,
            void_reason=letter.void_reason, voided_at=letter.voided_at, voided_by=voided_by,
            giver_roles={sheet: tuple(held.get(user_id, ())) for sheet, user_id in givers.items()},
        )
