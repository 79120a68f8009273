"""`sopdesk check`: is every record still what sopdesk wrote?

- the SQLite file itself (PRAGMA integrity_check, or quick_check at start-up); on PostgreSQL
  the server keeps its own files, so only that it answers,
- references between rows (PRAGMA foreign_key_check; on PostgreSQL one query per foreign key,
  since its constraints can be switched off by an administrator, e.g. during a bulk load),
- every attachment row's file: present, with the sha256 recorded when it was attached (on
  PostgreSQL the content in `attachment_blob`, hashed by the server: nothing is downloaded),
- the audit log's hash chain: each event's hash recomputed from its stored fields, and each
  event's prev_hash equal to the hash of the event before it. An event edited outside sopdesk
  no longer matches its hash; a deleted event breaks the link of the one after it.

- the office's records against the audit log's seals (engine.seal, engine.record_check): a row
  edited, added or deleted outside sopdesk no longer agrees with the newest seal of its row,
- the chain against its anchor outside the database (engine.anchor): a chain cut short at its
  end, grown by events written outside sopdesk, or rebuilt from an edited event onwards no
  longer ends where the anchor says.

Every part runs even when another could not read its table (a damaged page is one finding; the
rest is still checked and reported). The records are compared only with a chain that verified:
a chain with holes or edits is the finding then. Findings name the event, attachment or row
concerned."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from sqlalchemy import Connection, String, and_, func, select, type_coerce
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from sopdesk.engine import record_check
from sopdesk.engine.attachments import file_sha256
from sopdesk.engine.audit import GENESIS, event_hash
from sopdesk.engine.record_check import Progress, Store, Tally
from sopdesk.store.models import (
    Attachment,
    AttachmentBlob,
    AuditEvent,
    Base,
    Case,
    ChecklistEntry,
    Document,
    WorkItem,
)

if TYPE_CHECKING:
    from sopdesk.engine.tamper import HeldOffice

QUICK_TAIL = 200  # audit events checked at start-up


class Office(Store, Protocol):
    """An office whose attachments are checked too: for SQLite, its `lampiran/` folder."""

    @property
    def attachments_dir(self) -> Path: ...


MAX_DATABASE_FINDINGS = 20


class CheckStopped(Exception):  # noqa: N818 - a stop asked for, not an error
    """Raised by a progress callback to stop a long check where it is (the start-up check, when
    a restore is about to replace the records it reads): nothing is reported or held."""


@dataclass(frozen=True)
class Finding:
    kind: str  # database | foreign_key | attachment_missing | attachment_changed |
    #            audit_changed | audit_missing | audit_link | audit_anchor |
    #            record_changed | record_added | record_deleted
    message: str
    event_id: int | None = None
    attachment_id: int | None = None
    table: str | None = None  # a record found changed, added or deleted: its table and key
    row: Any = None


@dataclass
class Report:
    findings: list[Finding] = field(default_factory=list)
    checked: dict[str, Any] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.findings

    def add(self, kind: str, message: str, **ids: Any) -> None:
        self.findings.append(Finding(kind, message, **ids))

    def as_dict(self) -> dict[str, Any]:
        return {"ok": self.ok, "checked": self.checked,
                "findings": [asdict(finding) for finding in self.findings]}


# --- the database file -----------------------------------------------------------------------

def _is_sqlite(ws: Store) -> bool:
    return ws.db.dialect == "sqlite"


def check_database(ws: Store, report: Report, pragma: str = "integrity_check") -> bool:
    """PRAGMA integrity_check / quick_check; False when the file cannot be read at all."""
    if not _is_sqlite(ws):
        problem = ws.db.probe()
        if problem is not None:
            report.add("database", f"basis data tidak dapat dibaca: {problem}")
            return False
        report.checked["database"] = f"server {ws.db.dialect}"
        return True
    try:
        with ws.db.connect() as conn:
            rows = [row[0] for row in conn.exec_driver_sql(f"PRAGMA {pragma}")]
    except DBAPIError as exc:
        report.add("database", f"berkas basis data rusak: {exc.orig}")
        try:  # a damaged page: the rest of the file may still be read, table by table
            with ws.db.connect() as conn:
                conn.exec_driver_sql("SELECT name FROM sqlite_master").all()
        except DBAPIError:
            return False
        report.checked["database"] = f"{pragma} (rusak)"
        return True
    report.checked["database"] = pragma
    if rows != ["ok"]:
        for row in rows[:MAX_DATABASE_FINDINGS]:
            report.add("database", f"berkas basis data rusak ({pragma}): {row}")
        if len(rows) > MAX_DATABASE_FINDINGS:
            report.add("database", f"... dan {len(rows) - MAX_DATABASE_FINDINGS} masalah lain")
    return True


def _broken_references(ws: Store) -> list[tuple[str, Any, str]]:
    """(table, row id, parent table) of every row whose foreign key names no row, by query."""
    found: list[tuple[str, Any, str]] = []
    with ws.db.reading() as session:
        for table in Base.metadata.sorted_tables:
            key = list(table.primary_key.columns)[0]
            for fk in table.foreign_keys:
                parent = fk.column.table.alias()
                column = parent.c[fk.column.name]
                rows = session.execute(
                    select(key).select_from(table.outerjoin(parent, column == fk.parent))
                    .where(and_(fk.parent.is_not(None), column.is_(None)))
                    .order_by(key).limit(MAX_DATABASE_FINDINGS + 1)).scalars().all()
                found.extend((table.name, rowid, fk.column.table.name) for rowid in rows)
    return found


def check_foreign_keys(ws: Store, report: Report) -> None:
    if not _is_sqlite(ws):
        rows = _broken_references(ws)
        report.checked["foreign_keys"] = "kueri rujukan"
        for table, rowid, parent in rows[:MAX_DATABASE_FINDINGS]:
            report.add("foreign_key", f"baris #{rowid} tabel {table} merujuk ke baris {parent} yang "
                                      "tidak ada (dihapus di luar sopdesk)")
        if len(rows) > MAX_DATABASE_FINDINGS:
            report.add("foreign_key", f"... dan {len(rows) - MAX_DATABASE_FINDINGS} rujukan lain yang putus")
        return
    with ws.db.connect() as conn:
        broken = conn.exec_driver_sql("PRAGMA foreign_key_check").all()
    report.checked["foreign_keys"] = "foreign_key_check"
    for table, rowid, parent, _fkid in broken[:MAX_DATABASE_FINDINGS]:
        report.add("foreign_key", f"baris #{rowid} tabel {table} merujuk ke baris {parent} yang "
                                  "tidak ada (dihapus di luar sopdesk)")
    if len(broken) > MAX_DATABASE_FINDINGS:
        report.add("foreign_key", f"... dan {len(broken) - MAX_DATABASE_FINDINGS} rujukan lain yang putus")


# --- attachments -------------------------------------------------------------------------

def _attachment_cases(session: Session) -> dict[int, str]:
    """Attachment id -> the number of a case it belongs to (for the message)."""
    cases: dict[int, str] = {}
    for attachment_id, number in session.execute(
            select(Document.attachment_id, Case.number).join(Case, Case.id == Document.case_id)
            .where(Document.attachment_id.is_not(None))):
        if attachment_id is not None:
            cases.setdefault(attachment_id, number)
    for attachment_id, number in session.execute(
            select(ChecklistEntry.attachment_id, Case.number)
            .join(WorkItem, WorkItem.id == ChecklistEntry.work_item_id)
            .join(Case, Case.id == WorkItem.case_id)
            .where(ChecklistEntry.attachment_id.is_not(None))):
        if attachment_id is not None:
            cases.setdefault(attachment_id, number)
    return cases


def _check_blobs(ws: Store, report: Report) -> None:
    """A PostgreSQL office: every attachment's content in the database, hashed by the server."""
    digest = func.encode(func.sha256(AttachmentBlob.content), "hex")
    with ws.db.reading() as session:
        cases = _attachment_cases(session)
        rows = session.execute(
            select(Attachment.id, Attachment.original_name, Attachment.sha256, digest)
            .outerjoin(AttachmentBlob, AttachmentBlob.sha256 == Attachment.sha256)
            .order_by(Attachment.id)).all()
    for attachment_id, original, sha, actual in rows:
        where = f"lampiran #{attachment_id} ({original}" + (
            f", kasus {cases[attachment_id]})" if attachment_id in cases else ")")
        if actual is None:
            report.add("attachment_missing", f"{where} hilang: isinya tidak ada di basis data, "
                                             "sehingga tidak dapat dibuka di meja mana pun",
                       attachment_id=attachment_id)
        elif actual != sha:
            report.add("attachment_changed", f"{where} telah diubah di luar sopdesk: isinya di basis "
                                             "data tidak sama dengan sidik sha256 yang tercatat",
                       attachment_id=attachment_id)
    report.checked["attachments"] = len(rows)


def check_attachments(ws: Office, report: Report) -> None:
    if ws.db.dialect == "postgresql":
        _check_blobs(ws, report)
        return
    store = Path(ws.attachments_dir)
    with ws.db.reading() as session:
        cases = _attachment_cases(session)
        rows = session.execute(select(Attachment.id, Attachment.original_name, Attachment.stored_name,
                                      Attachment.sha256).order_by(Attachment.id)).all()
    for attachment_id, original, stored, sha in rows:
        where = f"lampiran #{attachment_id} ({original}" + (
            f", kasus {cases[attachment_id]})" if attachment_id in cases else ")")
        path = store / stored
        try:
            actual = file_sha256(path)
        except FileNotFoundError:
            report.add("attachment_missing", f"{where} hilang: berkas {path} tidak ada",
                       attachment_id=attachment_id)
            continue
        except OSError as exc:
            report.add("attachment_missing", f"{where} tidak dapat dibaca: {exc.strerror or exc}",
                       attachment_id=attachment_id)
            continue
        if actual != sha:
            report.add("attachment_changed", f"{where} telah diubah di luar sopdesk: isi berkas "
                                             f"{path} tidak sama dengan sidik sha256 yang tercatat",
                       attachment_id=attachment_id)
    report.checked["attachments"] = len(rows)


# --- the audit chain ---------------------------------------------------------------------

def _stored_at(value: Any) -> datetime | None:
    """The event's time as hashed: the stored UTC time, aware. The column is read as text on
    SQLite so that a value garbled outside sopdesk is a finding, not a crash."""
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=timezone.utc)
    if isinstance(value, str):
        try:
            return datetime.fromisoformat(value).replace(tzinfo=timezone.utc)
        except ValueError:
            return None
    return None


def _label(session: Session, row: Any) -> str:
    """The event named with its case's number (looked up for a finding only: joining every
    event to its case costs seconds on a large office)."""
    parts = [str(row.action)]
    if row.case_id is not None:
        number = session.scalar(select(Case.number).where(Case.id == row.case_id))
        parts.append(f"kasus {number}" if number else f"kasus #{row.case_id} (tidak ada lagi)")
    return f"peristiwa audit #{row.id} ({', '.join(parts)})"


def _ids(first: int, last: int) -> str:
    return f"#{first}" if first == last else f"#{first}-#{last}"


@contextmanager
def _reading(ws: Store, conn: Connection | None) -> Iterator[Session]:
    """A session on `conn` (inside its snapshot: the session joins its transaction and leaves
    it open), or the store's own reading session."""
    if conn is None:
        with ws.db.reading() as session:
            yield session
    else:
        with Session(bind=conn) as session:
            yield session


def check_audit_chain(ws: Store, report: Report, last: int | None = None,
                      book: record_check.SealBook | None = None,
                      end: record_check.ChainEnd | None = None, tally: Tally | None = None,
                      conn: Connection | None = None) -> None:
    """Recompute every event's hash and follow the prev_hash links (only the newest `last`
    events when given; the oldest of them anchors the first link). `book` collects the events'
    seals, `end` what the anchor comparison needs, `tally` the events read (every TICK); `conn`
    a snapshot to read the chain in (the records are then compared in the same one)."""
    tally = tally or Tally()
    at = type_coerce(AuditEvent.at, String) if _is_sqlite(ws) else AuditEvent.at
    statement = (
        select(AuditEvent.id, at.label("at"), AuditEvent.user_id, AuditEvent.action,
               AuditEvent.case_id, AuditEvent.work_item_id, AuditEvent.step_no, AuditEvent.detail,
               AuditEvent.prev_hash, AuditEvent.hash, AuditEvent.sealed)
        .order_by(AuditEvent.id)
    )
    count = 0
    with _reading(ws, conn) as session:
        first_id = session.scalar(select(func.min(AuditEvent.id)))
        if last is not None:
            start = session.scalar(select(AuditEvent.id).order_by(AuditEvent.id.desc())
                                   .offset(last).limit(1))
            if start is not None:
                statement = statement.where(AuditEvent.id >= start)
        previous = None
        # closed however the loop ends (a stop: PostgreSQL's server-side cursor left open)
        with record_check.streaming(session.execute(statement.execution_options(yield_per=2000))) as rows:
            for row in rows:
                count += 1
                if count % record_check.TICK == 0:
                    tally.add(record_check.TICK)
                when = _stored_at(row.at)
                try:
                    expected = event_hash(row.prev_hash, when, row.user_id, row.action, row.case_id,
                                          row.work_item_id, row.step_no, row.detail,
                                          row.sealed) if when else None
                except (TypeError, ValueError):
                    expected = None
                if book is not None:
                    book.add(row.id, row.sealed)
                if end is not None:
                    end.see(row.id, row.hash)
                if expected != row.hash:
                    report.add("audit_changed", f"{_label(session, row)} telah diubah di luar sopdesk",
                               event_id=row.id)
                if previous is None:
                    if row.id == first_id and row.prev_hash != GENESIS:
                        gone = f"{_ids(1, row.id - 1)} " if row.id > 1 else ""
                        report.add("audit_missing", f"peristiwa audit {gone}hilang/dihapus: peristiwa "
                                                    f"pertama #{row.id} bukan awal rantai", event_id=row.id)
                elif row.prev_hash != previous.hash:
                    if row.id - previous.id > 1:
                        report.add("audit_missing", f"peristiwa audit {_ids(previous.id + 1, row.id - 1)} "
                                                    f"hilang/dihapus (rantai terputus sebelum #{row.id})",
                                   event_id=row.id)
                    else:
                        report.add("audit_link", f"rantai audit terputus antara peristiwa #{previous.id} "
                                                 f"dan #{row.id}: salah satunya telah diubah di luar sopdesk",
                                   event_id=row.id)
                previous = row
    tally.add(count % record_check.TICK)
    report.checked["audit_events"] = count
    if end is not None:
        end.complete = True


# --- entry points ------------------------------------------------------------------------

CHAIN_KINDS = frozenset({"audit_changed", "audit_missing", "audit_link"})


def _guarded(report: Report, what: str, step: Any, *args: Any) -> bool:
    """Run one part of the check; a table that cannot be read (a damaged page, a value that is
    not what its column holds) is a finding, and the other parts still run."""
    try:
        step(*args)
    except (DBAPIError, ValueError, TypeError, OverflowError) as exc:
        reason = getattr(exc, "orig", None) or exc
        report.add("database", f"{what} tidak dapat dibaca seluruhnya: {reason}")
        return False
    return True


def _chain_and_records(ws: Store, report: Report, progress: Progress | None = None) -> None:
    """The whole chain, its anchor, and the records against the chain's seals; `progress` is
    told (events and rows read, in all) as they are read.

    The chain and the records are read in ONE snapshot (Database.snapshot): the other desks
    keep working during a check of a minute or more, and a step completed after the chain was
    read would otherwise show its rows without their newer seals, reported as changed outside
    sopdesk (93 false findings holding a 100,000-case office, a second process completing a
    step a second)."""
    found, end = record_check.anchor_for(ws, report)
    with ws.db.snapshot() as conn:
        book = record_check.SealBook.sized(conn)
        tally = Tally.of(conn, book, progress)
        before = len(report.findings)
        if not _guarded(report, "log audit (tabel audit_event)", check_audit_chain, ws, report, None, book, end,
                        tally, conn):
            report.checked["records"] = "tidak dibandingkan: log audit tidak dapat dibaca"
            return
        record_check.check_anchor(ws, report, found, end)
        if any(f.kind in CHAIN_KINDS for f in report.findings[before:]):
            report.checked["records"] = "tidak dibandingkan: rantai audit rusak"
            return
        record_check.check_records(ws, report, book, tally, conn)
    tally.end()


def check(ws: Office, progress: Progress | None = None) -> Report:
    """The full check of `sopdesk check` (reads everything; hashes every attachment);
    `progress` as for verify_whole_chain."""
    report = Report()
    if not check_database(ws, report, "integrity_check"):
        return report
    _guarded(report, "rujukan antarbaris", check_foreign_keys, ws, report)
    _guarded(report, "daftar lampiran", check_attachments, ws, report)
    _guarded(report, "log audit", _chain_and_records, ws, report, progress)
    return report


def verify_whole_chain(ws: HeldOffice, remember: bool = True, progress: Progress | None = None) -> list[Finding]:
    """The desktop's start-up check, for its worker thread: PRAGMA quick_check, the whole audit
    chain, its anchor and the records against the seals (not the attachments' content, which
    `sopdesk check` hashes). With `remember`, findings of tampering hold the workspace until an
    administrator has seen them (engine.tamper). `progress` (events and rows read, in all) is
    called every record_check.TICK rows from the checking thread; raising CheckStopped from it
    stops the check (nothing remembered)."""
    from sopdesk.engine import tamper

    report = Report()
    if check_database(ws, report, "quick_check"):
        _guarded(report, "log audit", _chain_and_records, ws, report, progress)
    if remember:
        tamper.remember(ws, report)
    return report.findings


def quick_check(ws: Store, tail: int = QUICK_TAIL) -> Report:
    """The check at start-up: PRAGMA quick_check and the newest `tail` audit events."""
    report = Report()
    if check_database(ws, report, "quick_check"):
        check_audit_chain(ws, report, last=tail)
    return report
