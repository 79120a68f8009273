"""The agenda numbers of the incoming letters and the pages of both letter registers, as the
Surat & Ekspedisi screens, the command line and the reports read them.

Why a module of its own: reading the registers (filtered, ordered and paged by SQL, a rahasia
perihal masked) is apart from writing them (engine.letters, engine.letter_outgoing), and the
agenda number's form is what every letter module shares.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from datetime import date, datetime
from typing import Any, NamedTuple

from sqlalchemy import ColumnElement, SQLColumnExpression, and_, case, exists, func, or_, select
from sqlalchemy.orm import aliased

from sopdesk.engine import rahasia
from sopdesk.engine.registers import disposer_roles, masked_lines
from sopdesk.engine.search import matching
from sopdesk.engine.users import Actor
from sopdesk.engine.workspace import Workspace
from sopdesk.store.models import (
    Attachment,
    Case,
    Disposition,
    DispositionTarget,
    IncomingLetter,
    OutgoingLetter,
    User,
    WorkItem,
)

INCOMING = "masuk"
AGENDA_PREFIX = "SM"  # reserved for SOP kodes in sopdesk.catalog.registry.REGISTER_PREFIXES
SIFAT = ("biasa", "segera", "rahasia")
# the orders the register pages offer (the screens sort each column by its own key)
INCOMING_ORDERS = ("agenda", "received", "number", "sender", "subject", "sifat", "case", "dispositions")
OUTGOING_ORDERS = ("id", "number", "letter_date", "recipient", "subject", "classification", "case", "created_by")
_AGENDA = re.compile(r"^\s*SM\s*/\s*(\d{4})\s*/\s*0*(\d{1,9})\s*$", re.IGNORECASE)


def agenda_number(year: int, seq: int) -> str:
    return f"{AGENDA_PREFIX}/{year}/{seq:04d}"


def parse_agenda_number(text: str) -> tuple[int, int] | None:
    match = _AGENDA.match(str(text or ""))
    return (int(match.group(1)), int(match.group(2))) if match else None


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


Reader = Actor | rahasia.Viewer | None  # who reads a register; a Viewer is resolved already


def reader_of(ws: Workspace, viewer: Reader) -> rahasia.Viewer | None:
    """`viewer` as engine.rahasia reads it: its user, effective roles and whether an
    administrator, looked up once. A screen resolves it once per search and passes the result
    to the page and the total (a Viewer passes through with no database read)."""
    if viewer is None or isinstance(viewer, rahasia.Viewer):
        return viewer
    with ws.db.reading() as session:
        return rahasia.viewer_of(session, viewer, ws.catalog.role_includes)


def _searching(search: str | None) -> bool:
    return bool(search and search.strip())


def _reads_every_secret(reader: rahasia.Viewer | None, roles: tuple[str, ...] = ()) -> bool:
    """Whether `reader` reads every confidential perihal of a register: an administrator, or one
    of `roles` (the disposers, for incoming letters). Everyone else searches a perihal only where
    it is not masked: a word typed in the search must not tell whether a rahasia letter holds it
    (the list would show its "(rahasia)" line), as the case list does (#13). Such a letter is
    still found by its number and its sender or recipient."""
    return reader is not None and (reader.is_admin or bool(reader.roles & set(roles)))


def _incoming_conditions(ws: Workspace, year: int | None, search: str | None, sifat: str | None,
                         reader: rahasia.Viewer | None, undisposed: bool = False,
                         for_roles: Collection[str] = ()) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = []
    if undisposed:  # what still waits for the leadership: no lembar disposisi yet, and not void
        conditions += [IncomingLetter.void_reason.is_(None),
                       ~exists().where(Disposition.incoming_letter_id == IncomingLetter.id)]
    if for_roles:  # a lembar disposisi of the letter names a unit worked by one of these roles
        conditions.append(exists().where(Disposition.incoming_letter_id == IncomingLetter.id,
                                         DispositionTarget.disposition_id == Disposition.id,
                                         DispositionTarget.peran.in_(sorted(for_roles))))
    if year is not None:
        conditions.append(IncomingLetter.year == year)
    if sifat:
        conditions.append(IncomingLetter.sifat == sifat)
    if search and search.strip():
        subject = matching(search, IncomingLetter.subject)
        if not _reads_every_secret(reader, disposer_roles(ws)):
            subject = and_(IncomingLetter.sifat != "rahasia", subject)
        conditions.append(or_(matching(search, IncomingLetter.number, IncomingLetter.sender), subject))
    return conditions


def _ordered(key: SQLColumnExpression[Any] | None, ties: list[SQLColumnExpression[Any]],
             descending: bool) -> list[SQLColumnExpression[Any]]:
    """ORDER BY `key` then the tie-break columns (paging stays stable), all reversed when
    `descending`; empty values sort last going up and first going down, on both stores."""
    keys = ([key] if key is not None else []) + ties
    return [k.desc().nulls_first() if descending else k.asc().nulls_last() for k in keys]


def _text_key(column: SQLColumnExpression[Any]) -> SQLColumnExpression[Any]:
    return func.lower(column)  # the same order on SQLite and PostgreSQL, whatever the case of the text


def incoming_page(ws: Workspace, *, year: int | None = None, search: str | None = None,
                  sifat: str | None = None, limit: int = 100, offset: int = 0,
                  descending: bool = False, viewer: Reader = None, order: str = "agenda",
                  undisposed: bool = False, for_roles: Collection[str] = ()) -> list[IncomingRow]:
    """A page of the incoming agenda, filtered (`undisposed`: only the letters with no lembar
    disposisi yet, void ones left out; `for_roles`: only those disposed to a unit of one of these
    roles), ordered (`order`: one of INCOMING_ORDERS, the
    agenda number breaking ties) and paged by SQL. A rahasia letter's perihal reads "(rahasia)"
    unless `viewer` is on its chain (engine.rahasia); ordered by perihal, every rahasia letter
    sorts as "(rahasia)", so the order tells nothing of a hidden perihal."""
    reader = reader_of(ws, viewer) if _searching(search) else None  # else looked up for a rahasia row only
    registrar = aliased(User)
    count = (select(func.count(Disposition.id)).where(Disposition.incoming_letter_id == IncomingLetter.id)
             .correlate(IncomingLetter).scalar_subquery())
    keys: dict[str, SQLColumnExpression[Any] | None] = {
        "agenda": None, "received": IncomingLetter.received_at, "number": _text_key(IncomingLetter.number),
        "sender": _text_key(IncomingLetter.sender),
        "subject": _text_key(case((IncomingLetter.sifat == "rahasia", rahasia.MASK), else_=IncomingLetter.subject)),
        "sifat": IncomingLetter.sifat, "case": Case.number, "dispositions": count,
    }
    if order not in keys:
        raise ValueError(f"unknown order {order!r}; one of {INCOMING_ORDERS}")
    query = (
        select(IncomingLetter.id, IncomingLetter.year, IncomingLetter.seq, IncomingLetter.received_at,
               IncomingLetter.number, IncomingLetter.letter_date, IncomingLetter.sender, IncomingLetter.subject,
               IncomingLetter.classification, IncomingLetter.sifat, Case.number, Attachment.original_name,
               registrar.username, count, IncomingLetter.void_reason)
        .outerjoin(Case, Case.id == IncomingLetter.case_id)
        .outerjoin(Attachment, Attachment.id == IncomingLetter.attachment_id)
        .join(registrar, registrar.id == IncomingLetter.registered_by)
        .where(*_incoming_conditions(ws, year, search, sifat, reader, undisposed, for_roles))
        .order_by(*_ordered(keys[order], [IncomingLetter.year, IncomingLetter.seq], descending))
        .limit(limit).offset(offset)
    )
    with ws.db.connect() as conn:
        rows = [IncomingRow._make((row[0], agenda_number(row[1], row[2]), *row[3:])) for row in conn.execute(query)]
    secret = {row.id for row in rows if row.sifat == "rahasia"}
    if secret:
        with ws.db.reading() as session:
            who = rahasia.viewer_of(session, reader or viewer, ws.catalog.role_includes)
            readable = rahasia.readable_letters(session, who, secret, disposer_roles(ws))
        rows = [row._replace(subject=rahasia.MASK) if row.id in secret - readable else row for row in rows]
    return rows


def incoming_total(ws: Workspace, *, year: int | None = None, search: str | None = None,
                   sifat: str | None = None, viewer: Reader = None, undisposed: bool = False,
                   for_roles: Collection[str] = ()) -> int:
    """The letters incoming_page pages through with the same filters and viewer."""
    reader = reader_of(ws, viewer) if _searching(search) else None  # only a search asks who reads
    query = select(func.count(IncomingLetter.id)).where(
        *_incoming_conditions(ws, year, search, sifat, reader, undisposed, for_roles))
    with ws.db.connect() as conn:
        return conn.execute(query).scalar() or 0


def _outgoing_conditions(year: int | None, search: str | None,
                         reader: rahasia.Viewer | None) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = []
    if year is not None:
        conditions.append(OutgoingLetter.year == year)
    if search and search.strip():
        subject = matching(search, OutgoingLetter.subject)
        if not _reads_every_secret(reader):
            secret = aliased(Case)  # not the page's own join of Case, which it would correlate to
            confidential = exists().where(secret.id == OutgoingLetter.case_id, secret.rahasia.is_(True))
            subject = and_(~confidential, subject)
        conditions.append(or_(matching(search, OutgoingLetter.number, OutgoingLetter.recipient), subject))
    return conditions


def outgoing_page(ws: Workspace, *, year: int | None = None, search: str | None = None, limit: int = 100,
                  offset: int = 0, descending: bool = False, viewer: Reader = None,
                  order: str = "id") -> list[OutgoingRow]:
    """A page of the outgoing agenda, by default in the order the letters were registered
    (`order`: one of OUTGOING_ORDERS, the registration order breaking ties). The perihal of a
    letter of a confidential case reads "(rahasia)" unless `viewer` is on the case's chain
    (and sorts as "(rahasia)" for everyone)."""
    reader = reader_of(ws, viewer) if _searching(search) else None  # else looked up for a rahasia row only
    creator = aliased(User)
    keys: dict[str, SQLColumnExpression[Any] | None] = {
        "id": None, "number": _text_key(OutgoingLetter.number), "letter_date": OutgoingLetter.letter_date,
        "recipient": _text_key(OutgoingLetter.recipient),
        "subject": _text_key(case((Case.rahasia.is_(True), rahasia.MASK), else_=OutgoingLetter.subject)),
        "classification": _text_key(OutgoingLetter.classification), "case": Case.number,
        "created_by": _text_key(creator.username),
    }
    if order not in keys:
        raise ValueError(f"unknown order {order!r}; one of {OUTGOING_ORDERS}")
    query = (
        select(OutgoingLetter.id, OutgoingLetter.number, OutgoingLetter.letter_date, OutgoingLetter.recipient,
               OutgoingLetter.subject, OutgoingLetter.classification, Case.number, WorkItem.step_no,
               OutgoingLetter.seq.isnot(None), creator.username, OutgoingLetter.void_reason,
               Case.id, Case.rahasia)
        .outerjoin(Case, Case.id == OutgoingLetter.case_id)
        .outerjoin(WorkItem, WorkItem.id == OutgoingLetter.work_item_id)
        .join(creator, creator.id == OutgoingLetter.created_by)
        .where(*_outgoing_conditions(year, search, reader))
        .order_by(*_ordered(keys[order], [OutgoingLetter.id], descending)).limit(limit).offset(offset)
    )
    with ws.db.connect() as conn:
        rows = conn.execute(query).all()
    return masked_lines(ws, reader or viewer, rows, OutgoingRow)


def outgoing_total(ws: Workspace, *, year: int | None = None, search: str | None = None,
                   viewer: Reader = None) -> int:
    """The letters outgoing_page pages through with the same filters and viewer."""
    reader = reader_of(ws, viewer) if _searching(search) else None  # only a search asks who reads
    query = select(func.count(OutgoingLetter.id)).where(*_outgoing_conditions(year, search, reader))
    with ws.db.connect() as conn:
        return conn.execute(query).scalar() or 0
