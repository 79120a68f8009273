"""SQLAlchemy models: the office's records. Times are UTC, aware in Python.

No `from __future__ import annotations` here: SQLAlchemy then reads each `Mapped[...]` as the
object Python already built instead of evaluating its text again, some 15% of mapping the
models at every start (issue #15); a class named before it is defined is quoted."""

from collections.abc import Callable
from datetime import date, datetime, timezone
from typing import Any

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
    false,
    text,
)
from sqlalchemy.dialects import sqlite
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship
from sqlalchemy.types import TypeEngine

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class _SQLiteUTCText(sqlite.DATETIME):
    """SQLite's DATETIME text read straight into aware UTC datetimes. The text is naive UTC
    (UTCDateTime writes it); appending the offset lets datetime.fromisoformat do all the work
    in C, several times faster than parsing and then replacing the zone, which shows on every
    inbox page of 50 rows x 3 times."""

    cache_ok = True

    def result_processor(self, dialect: Dialect, coltype: object) -> Callable[[Any], Any]:
        parse = datetime.fromisoformat

        def process(value: Any) -> Any:
            return parse(value + "+00:00") if isinstance(value, str) else value

        return process

    def bind_processor(self, dialect: Dialect) -> Callable[[Any], Any]:
        """The naive UTC datetime UTCDateTime gives as SQLite's text, by datetime.isoformat in C
        (the same text as sqlite.DATETIME's default format, which builds a dict per value: every
        statement of an action binds one or more); anything else as sqlite.DATETIME does it."""
        general = super().bind_processor(dialect)
        assert general is not None  # sqlite.DATETIME always converts
        if self._storage_format != sqlite.DATETIME._storage_format:  # noqa: SLF001 - a format of its own
            return general
        exact = datetime

        def process(value: Any) -> Any:
            if type(value) is exact and value.tzinfo is None:
                return value.isoformat(" ", "microseconds")
            return general(value)

        return process


class UTCDateTime(TypeDecorator[datetime]):
    """Aware datetimes in, aware UTC datetimes out; stored as naive UTC."""

    impl = DateTime
    cache_ok = True

    def load_dialect_impl(self, dialect: Dialect) -> TypeEngine[Any]:
        if dialect.name == "sqlite":
            return dialect.type_descriptor(_SQLiteUTCText())  # type: ignore[no-untyped-call]  # SQLAlchemy: sqlite.DATETIME.__init__ unannotated
        return dialect.type_descriptor(DateTime())

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        return value.astimezone(timezone.utc).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None or value.tzinfo is not None:  # SQLite's text comes aware already
            return value
        return value.replace(tzinfo=timezone.utc)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map = {datetime: UTCDateTime(), str: String()}


class Office(Base):
    __tablename__ = "office"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    address: Mapped[str | None] = mapped_column(String(500))
    timezone: Mapped[str] = mapped_column(String(4))
    logo_path: Mapped[str | None] = mapped_column(String(500))
    created_at: Mapped[datetime]


class OfficeHoliday(Base):
    __tablename__ = "office_holiday"
    id: Mapped[int] = mapped_column(primary_key=True)
    day: Mapped[date] = mapped_column(Date, unique=True)
    name: Mapped[str] = mapped_column(String(200))


class SopRevision(Base):
    """One revision of an SOP as loaded from the catalog; cases are pinned to it."""

    __tablename__ = "sop_revision"
    __table_args__ = (UniqueConstraint("kode", "revisi"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    kode: Mapped[str] = mapped_column(String(20))
    revisi: Mapped[int] = mapped_column(Integer)
    nama: Mapped[str] = mapped_column(String(500))
    content: Mapped[str] = mapped_column(Text)  # the validated SOP as JSON
    sha256: Mapped[str] = mapped_column(String(64))
    loaded_at: Mapped[datetime]


class SopDisabled(Base):
    """An SOP the office switched off (issue #13): no new case starts on it; the cases already
    run on it stay visible and can be finished. Switching it on again deletes the row (the
    audit log keeps the history)."""

    __tablename__ = "sop_disabled"
    kode: Mapped[str] = mapped_column(String(20), primary_key=True)
    disabled_at: Mapped[datetime]
    disabled_by: Mapped[int] = mapped_column(ForeignKey("user_account.id"))
    reason: Mapped[str | None] = mapped_column(String(500))


class Role(Base):
    __tablename__ = "role"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)


class UserRole(Base):
    __tablename__ = "user_role"
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"), primary_key=True)
    role_id: Mapped[int] = mapped_column(ForeignKey("role.id"), primary_key=True)


class User(Base):
    __tablename__ = "user_account"
    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(50), unique=True)
    full_name: Mapped[str] = mapped_column(String(200))
    password_hash: Mapped[str] = mapped_column(String(200))
    is_admin: Mapped[bool] = mapped_column(Boolean, default=False)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None]
    created_at: Mapped[datetime]
    roles: Mapped[list[Role]] = relationship(secondary="user_role", order_by=Role.name,
                                             lazy="selectin")

    @property
    def role_names(self) -> set[str]:
        return {r.name for r in self.roles}


class CaseSequence(Base):
    __tablename__ = "case_sequence"
    kode: Mapped[str] = mapped_column(String(20), primary_key=True)
    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    last: Mapped[int] = mapped_column(Integer)


class Attachment(Base):
    """A file copied into the data directory, named by its sha256."""

    __tablename__ = "attachment"
    id: Mapped[int] = mapped_column(primary_key=True)
    original_name: Mapped[str] = mapped_column(String(255))
    stored_name: Mapped[str] = mapped_column(String(100))
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    size: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime]


class AttachmentBlob(Base):
    """The content of an attached file, for a PostgreSQL office: kept in the database so that
    a scan attached on one desk opens on every other desk (a SQLite office keeps the file in
    its data directory only)."""

    __tablename__ = "attachment_blob"
    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    size: Mapped[int] = mapped_column(Integer)
    content: Mapped[bytes] = mapped_column(LargeBinary)


class Visitor(Base):
    """A help-desk registration (buku tamu / PPID Form Model B)."""

    __tablename__ = "visitor"
    id: Mapped[int] = mapped_column(primary_key=True)
    registered_at: Mapped[datetime] = mapped_column(index=True)
    registered_by: Mapped[int] = mapped_column(ForeignKey("user_account.id"))
    name: Mapped[str] = mapped_column(String(200), index=True)
    id_number: Mapped[str | None] = mapped_column(String(30))
    institution: Mapped[str | None] = mapped_column(String(200))
    occupation: Mapped[str | None] = mapped_column(String(100))
    address: Mapped[str | None] = mapped_column(String(500))
    phone: Mapped[str | None] = mapped_column(String(30))
    email: Mapped[str | None] = mapped_column(String(200))
    purpose: Mapped[str] = mapped_column(String(30))
    purpose_text: Mapped[str | None] = mapped_column(Text)
    info_requested: Mapped[str | None] = mapped_column(Text)
    info_use: Mapped[str | None] = mapped_column(Text)
    obtain_method: Mapped[str | None] = mapped_column(String(30))
    delivery_method: Mapped[str | None] = mapped_column(String(30))
    case_id: Mapped[int | None] = mapped_column(ForeignKey("case_file.id"))


class Case(Base):
    __tablename__ = "case_file"
    # the case list's sorts, each with the id as the tie-break (migration 0007; the lower-cased
    # text sorts and the text search are expression indexes and FTS5, see store.text_search)
    __table_args__ = (Index("ix_case_file_sort_sop", "sop_kode", "id"),
                      Index("ix_case_file_sort_status", "status", "id"),
                      Index("ix_case_file_sort_started", "started_at", "id"))
    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(40), unique=True)
    sop_kode: Mapped[str] = mapped_column(String(20))
    sop_revision_id: Mapped[int] = mapped_column(ForeignKey("sop_revision.id"))
    entry: Mapped[str] = mapped_column(String(40))
    title: Mapped[str] = mapped_column(String(500))
    requester: Mapped[str | None] = mapped_column(String(200))
    status: Mapped[str] = mapped_column(String(12))  # open | done | cancelled
    started_at: Mapped[datetime]
    started_by: Mapped[int] = mapped_column(ForeignKey("user_account.id"))
    closed_at: Mapped[datetime | None]
    close_reason: Mapped[str | None] = mapped_column(Text)
    # issue #13: confidential (a rahasia letter or a rahasia route): its title is shown only to
    # the roles on its chain and administrators (engine.rahasia)
    rahasia: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false(), index=True)
    revision: Mapped[SopRevision] = relationship()
    items: Mapped[list["WorkItem"]] = relationship(
        back_populates="case", order_by="WorkItem.id", cascade="all, delete-orphan"
    )
    deadlines: Mapped[list["CaseDeadline"]] = relationship(
        order_by="CaseDeadline.id", cascade="all, delete-orphan"
    )


class WorkItem(Base):
    """One visit of a step by a case: created when the case arrives, closed when it leaves."""

    __tablename__ = "work_item"
    __table_args__ = (Index("ix_work_item_inbox", "status", "role", "due_at"),
                      # reports by period: the visits completed in it, read from this index alone
                      Index("ix_work_item_completed", "completed_at", "status", "step_no", "case_id",
                            "created_at", "due_at"))
    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("case_file.id"), index=True)
    step_no: Mapped[int] = mapped_column(Integer)
    role: Mapped[str] = mapped_column(String(100))
    status: Mapped[str] = mapped_column(String(12))  # open | done | returned | cancelled
    created_at: Mapped[datetime]
    due_at: Mapped[datetime | None]
    not_before: Mapped[datetime | None]
    assignee_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"), index=True)
    completed_at: Mapped[datetime | None]
    completed_by: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    choice: Mapped[str | None] = mapped_column(String(60))
    note: Mapped[str | None] = mapped_column(Text)
    return_to: Mapped[int | None] = mapped_column(Integer)
    draft: Mapped[str | None] = mapped_column(Text)  # JSON of a saved, unfinished step form
    case: Mapped[Case] = relationship(back_populates="items")
    checks: Mapped[list["ChecklistEntry"]] = relationship(order_by="ChecklistEntry.id")
    documents: Mapped[list["Document"]] = relationship(order_by="Document.id")


class ChecklistEntry(Base):
    """A kelengkapan item of a step: present or not, with an optional scan."""

    __tablename__ = "checklist_entry"
    id: Mapped[int] = mapped_column(primary_key=True)
    work_item_id: Mapped[int] = mapped_column(ForeignKey("work_item.id"), index=True)
    item: Mapped[str] = mapped_column(String(2000))
    present: Mapped[bool] = mapped_column(Boolean)
    attachment_id: Mapped[int | None] = mapped_column(ForeignKey("attachment.id"))


class Document(Base):
    """An output of a step (Nota Dinas, BA Pleno, Surat Jawaban ...)."""

    __tablename__ = "document"
    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("case_file.id"), index=True)
    work_item_id: Mapped[int] = mapped_column(ForeignKey("work_item.id"), index=True)
    name: Mapped[str] = mapped_column(String(2000))
    number: Mapped[str | None] = mapped_column(String(200))
    doc_date: Mapped[date | None] = mapped_column(Date)
    attachment_id: Mapped[int | None] = mapped_column(ForeignKey("attachment.id"))
    attachment: Mapped[Attachment | None] = relationship()


class CaseDeadline(Base):
    """A case-level deadline from an SOP's keterangan (e.g. PAW reply within 5 days)."""

    __tablename__ = "case_deadline"
    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("case_file.id"), index=True)
    kode: Mapped[str] = mapped_column(String(40))
    name: Mapped[str] = mapped_column(String(500))
    kind: Mapped[str] = mapped_column(String(20))  # paling_lambat | paling_cepat
    due_at: Mapped[datetime | None]  # None until its anchor step completes; the extended date
    met_at: Mapped[datetime | None]
    # issue #13: extensions recorded (engine.deadlines.extend) and the date before the first
    extensions: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    first_due_at: Mapped[datetime | None]


# The events whose seal holds user_account rows, written out as SQL: a partial index on them
# (ix_audit_event_user_seal) lets a login find the user's newest seal without reading the log,
# and both stores use a partial index only for a query whose WHERE holds this very text
# (engine.tamper), never a bound parameter.
USER_SEAL_EVENTS = "sealed LIKE '%\"user_account\":{%'"


class AuditEvent(Base):
    """Append-only log of every action; each event carries the hash of the previous one."""

    __tablename__ = "audit_event"
    # (partial on PostgreSQL too, made by migration 0010: a postgresql_where here would import
    # SQLAlchemy's whole PostgreSQL dialect with the models, 60-80 ms on every command)
    __table_args__ = (Index("ix_audit_event_user_seal", "id", sqlite_where=text(USER_SEAL_EVENTS)),)
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime]
    user_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    action: Mapped[str] = mapped_column(String(40))
    case_id: Mapped[int | None] = mapped_column(ForeignKey("case_file.id"), index=True)
    work_item_id: Mapped[int | None] = mapped_column(ForeignKey("work_item.id"))
    step_no: Mapped[int | None] = mapped_column(Integer)
    detail: Mapped[str] = mapped_column(Text)  # JSON
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))
    # JSON {table: {row: digest}} of the rows the event's transaction changed (engine.seal);
    # part of the hash when present
    sealed: Mapped[str | None] = mapped_column(Text)


# --- correspondence and expedition (surat masuk, surat keluar, disposisi, buku ekspedisi) -------

class LetterSequence(Base):
    """The last agenda number handed out per register and year; numbers are never reused."""

    __tablename__ = "letter_sequence"
    kind: Mapped[str] = mapped_column(String(10), primary_key=True)  # masuk | keluar
    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    last: Mapped[int] = mapped_column(Integer)


class IncomingLetter(Base):
    """One line of the agenda of incoming letters (buku agenda surat masuk)."""

    __tablename__ = "incoming_letter"
    __table_args__ = (UniqueConstraint("year", "seq"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    year: Mapped[int] = mapped_column(Integer)
    seq: Mapped[int] = mapped_column(Integer)
    received_at: Mapped[datetime] = mapped_column(index=True)
    number: Mapped[str | None] = mapped_column(String(200))
    letter_date: Mapped[date | None] = mapped_column(Date)
    sender: Mapped[str] = mapped_column(String(300))
    subject: Mapped[str] = mapped_column(String(1000))
    classification: Mapped[str | None] = mapped_column(String(60))
    sifat: Mapped[str] = mapped_column(String(10))  # biasa | segera | rahasia
    attachment_id: Mapped[int | None] = mapped_column(ForeignKey("attachment.id"))
    case_id: Mapped[int | None] = mapped_column(ForeignKey("case_file.id"), index=True)
    registered_by: Mapped[int] = mapped_column(ForeignKey("user_account.id"))
    registered_at: Mapped[datetime]
    voided_at: Mapped[datetime | None]  # a void keeps its line and its number (see engine.corrections)
    voided_by: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    void_reason: Mapped[str | None] = mapped_column(String(1000))


class OutgoingLetter(Base):
    """One line of the agenda of outgoing letters (buku agenda surat keluar)."""

    __tablename__ = "outgoing_letter"
    __table_args__ = (UniqueConstraint("year", "seq"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    year: Mapped[int] = mapped_column(Integer)
    seq: Mapped[int | None] = mapped_column(Integer)  # None: a number written by hand
    number: Mapped[str] = mapped_column(String(200), unique=True)
    pattern: Mapped[str | None] = mapped_column(String(200))  # the pattern that made the number
    recipient: Mapped[str | None] = mapped_column(String(300))
    subject: Mapped[str] = mapped_column(String(1000))
    letter_date: Mapped[date] = mapped_column(Date)
    classification: Mapped[str | None] = mapped_column(String(60))
    case_id: Mapped[int | None] = mapped_column(ForeignKey("case_file.id"), index=True)
    work_item_id: Mapped[int | None] = mapped_column(ForeignKey("work_item.id"))
    document_id: Mapped[int | None] = mapped_column(ForeignKey("document.id"))
    created_by: Mapped[int] = mapped_column(ForeignKey("user_account.id"))
    created_at: Mapped[datetime]
    voided_at: Mapped[datetime | None]  # a void keeps its line and its number (see engine.corrections)
    voided_by: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    void_reason: Mapped[str | None] = mapped_column(String(1000))


class Disposition(Base):
    """A lembar disposisi: who instructed which units to do what, on a letter or a case."""

    __tablename__ = "disposition"
    __table_args__ = (CheckConstraint("incoming_letter_id IS NOT NULL OR case_id IS NOT NULL",
                                      name="target"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    incoming_letter_id: Mapped[int | None] = mapped_column(ForeignKey("incoming_letter.id"), index=True)
    case_id: Mapped[int | None] = mapped_column(ForeignKey("case_file.id"), index=True)
    from_user: Mapped[int] = mapped_column(ForeignKey("user_account.id"))
    instruction: Mapped[str] = mapped_column(Text)
    disposed_at: Mapped[datetime]
    routed_work_item_id: Mapped[int | None] = mapped_column(ForeignKey("work_item.id"))
    targets: Mapped[list["DispositionTarget"]] = relationship(
        order_by="DispositionTarget.id", cascade="all, delete-orphan", lazy="selectin")


class DispositionTarget(Base):
    """A unit of the organisation directory a disposition is addressed to (as it was then)."""

    __tablename__ = "disposition_target"
    id: Mapped[int] = mapped_column(primary_key=True)
    disposition_id: Mapped[int] = mapped_column(ForeignKey("disposition.id"), index=True)
    unit_kode: Mapped[str] = mapped_column(String(40))
    unit_nama: Mapped[str] = mapped_column(String(2000))
    peran: Mapped[str] = mapped_column(String(100))
    routed: Mapped[bool] = mapped_column(Boolean)  # the case went to this unit's role


class Expedition(Base):
    """One line of the buku ekspedisi: a document sent, and later its signed receipt."""

    __tablename__ = "expedition"
    __table_args__ = (Index("ix_expedition_pending", "received_at", "sent_at"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    sent_at: Mapped[datetime] = mapped_column(index=True)
    letter_number: Mapped[str | None] = mapped_column(String(200))
    subject: Mapped[str] = mapped_column(String(1000))
    destination: Mapped[str | None] = mapped_column(String(300))
    recipient_name: Mapped[str | None] = mapped_column(String(200))
    outgoing_letter_id: Mapped[int | None] = mapped_column(ForeignKey("outgoing_letter.id"), index=True)
    document_id: Mapped[int | None] = mapped_column(ForeignKey("document.id"))
    case_id: Mapped[int | None] = mapped_column(ForeignKey("case_file.id"), index=True)
    work_item_id: Mapped[int | None] = mapped_column(ForeignKey("work_item.id"))
    recorded_by: Mapped[int] = mapped_column(ForeignKey("user_account.id"))
    received_at: Mapped[datetime | None]
    signed_by: Mapped[str | None] = mapped_column(String(200))
    receipt_attachment_id: Mapped[int | None] = mapped_column(ForeignKey("attachment.id"))
    receipt_recorded_by: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    voided_at: Mapped[datetime | None]  # a void keeps its line and its number (see engine.corrections)
    voided_by: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    void_reason: Mapped[str | None] = mapped_column(String(1000))
