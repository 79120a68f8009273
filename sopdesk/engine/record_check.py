"""The part of `sopdesk check` that compares the office's records with the audit log's seals
(engine.seal) and the chain with its anchor outside the database (engine.anchor).

Seals are collected while the chain is read (`SealBook.add`, in chain order, the newest seal of
a row wins); `check_records` then reads every covered table once, digests each row and compares.
Memory stays small on a large office: the seals of a table with numeric keys are 64-bit values
in an array indexed by the row's number (a 100,000-case office holds some three million rows).
A table that cannot be read (a damaged page) is a finding of its own; the other tables are
still compared.

Both parts take most of a check's time (some 40 s at 100,000 cases: three million rows, seven
hundred thousand events), so they count what they have read into a `Tally`, which tells a
window (rows read, rows in all) every `TICK` rows; a callback that raises (integrity.CheckStopped)
stops the check there."""

from __future__ import annotations

import json
from array import array
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from sqlalchemy import func, select
from sqlalchemy.exc import DBAPIError

from sopdesk.engine import anchor, audit, seal
from sopdesk.store.models import AuditEvent

if TYPE_CHECKING:
    from sopdesk.store.db import Database


class Store(Protocol):
    """What the checks read of an office: its database (an open workspace, a backup's unpacked
    copy, a transferred copy). Its `data_dir`, where it has one, holds the chain's anchor and
    is looked up with getattr: a copy without a data folder has no anchor to compare."""

    @property
    def db(self) -> Database: ...


class Findings(Protocol):
    """Where the checks write what they found (integrity.Report)."""

    checked: dict[str, Any]

    def add(self, kind: str, message: str, **ids: Any) -> None: ...

# (rows read, rows in all) of a long check, for a window's percentage; may raise to stop it
Progress = Callable[[int, int], None]
TICK = 4096  # rows read between two calls of a Progress: some 800 calls at 100,000 cases


@dataclass
class Tally:
    """How far a check has read: the audit events and the covered rows, told to `progress`."""

    progress: Progress | None = None
    total: int = 0  # estimated from the highest row numbers: `end()` makes it exact
    done: int = 0

    @classmethod
    def of(cls, conn: Any, book: SealBook, progress: Progress | None) -> Tally:
        """The events and rows a whole check reads (the highest numbers, read once)."""
        events = conn.execute(select(func.max(AuditEvent.id))).scalar() if progress is not None else 0
        return cls(progress, int(events or 0) + sum(book.sizes.values()))

    def add(self, rows: int) -> None:
        if rows <= 0 or self.progress is None:
            return
        self.done += rows
        self.total = max(self.total, self.done)
        self.progress(self.done, self.total)

    def end(self) -> None:
        """Everything was read: the bar is full even where the estimate was too high."""
        if self.progress is not None:
            self.total = self.done = max(self.done, 1)
            self.progress(self.done, self.total)


R = TypeVar("R")


@contextmanager
def streaming(rows: Iterable[R]) -> Iterator[Iterable[R]]:
    """Streamed rows (a result, a generator), closed however the loop over them ends: a stop
    leaves it in the middle, and PostgreSQL streams through a server-side cursor, which would
    be dropped open (psycopg warns)."""
    try:
        yield rows
    finally:
        close = getattr(rows, "close", None)
        if callable(close):
            close()


MAX_ROW_FINDINGS = 20  # per table and kind; the rest are counted
DENSE_LIMIT = 50_000_000  # a table numbered beyond this keeps its seals in a dict

WHAT = {
    "office": "profil kantor", "office_holiday": "hari libur kantor", "user_account": "pengguna",
    "case_file": "kasus", "work_item": "kegiatan", "case_deadline": "tenggat kasus",
    "checklist_entry": "kelengkapan", "document": "dokumen", "attachment": "lampiran",
    "visitor": "tamu", "incoming_letter": "surat masuk", "outgoing_letter": "surat keluar",
    "disposition": "disposisi", "disposition_target": "tujuan disposisi",
    "expedition": "buku ekspedisi", "sop_disabled": "SOP dinonaktifkan",
}


def _value(digest: str) -> int:
    if not digest:
        return 0  # deleted by sopdesk: no row expected
    return int(digest, 16) or 1


class _Seals:
    """The newest seal of each row of one table."""

    def __init__(self, size: int):
        self.dense = array("Q", bytes(8 * size)) if 0 < size <= DENSE_LIMIT else array("Q")
        self.sparse: dict[Any, int] = {}

    def set(self, key: Any, value: int) -> None:
        if isinstance(key, int) and 0 <= key < len(self.dense):
            self.dense[key] = value
        elif value:
            self.sparse[key] = value
        else:
            self.sparse.pop(key, None)

    def pop(self, key: Any) -> int:
        if isinstance(key, int) and 0 <= key < len(self.dense):
            value = self.dense[key]
            self.dense[key] = 0
            return value
        return self.sparse.pop(key, 0)

    def left(self) -> list[Any]:
        return [i for i, v in enumerate(self.dense) if v] + sorted(self.sparse, key=str)


@dataclass
class SealBook:
    """Seals collected from the chain, in chain order."""

    sizes: dict[str, int] = field(default_factory=dict)
    tables: dict[str, _Seals] = field(default_factory=dict)
    events: int = 0
    unreadable: list[int] = field(default_factory=list)

    @classmethod
    def sized(cls, conn: Any) -> SealBook:
        """Arrays as large as each table's highest row number (read once, before the chain)."""
        book = cls()
        for name, table in seal.tables().items():
            key = table.c[seal.COVERED[name]]
            top = conn.execute(select(func.max(key))).scalar() if key.type.python_type is int else None
            book.sizes[name] = int(top) + 1 if isinstance(top, int) else 0
        return book

    def add(self, event_id: int, sealed: str | None) -> None:
        if not sealed:
            return
        try:
            data = json.loads(sealed)
            items = [(name, rows) for name, rows in data.items() if name in seal.COVERED]
        except (ValueError, AttributeError):
            self.unreadable.append(event_id)
            return
        self.events += 1
        for name, rows in items:
            seals = self.tables.get(name)
            if seals is None:
                seals = self.tables[name] = _Seals(self.sizes.get(name, 0))
            numeric = seal.COVERED[name] == "id"
            for key, digest in rows.items():
                try:
                    seals.set(int(key) if numeric else key, _value(str(digest)))
                except ValueError:
                    self.unreadable.append(event_id)


def _where(name: str, key: Any) -> str:
    return f"{WHAT.get(name, name)} #{key} (tabel {name})"


def check_records(ws: Store, report: Findings, book: SealBook, tally: Tally | None = None,
                  snapshot: Any = None) -> None:
    """Every covered row against its newest seal; a table that cannot be read is a finding.
    `tally` is told the rows read, every TICK rows; `snapshot` the connection whose read
    transaction the seals in `book` were read in (integrity._chain_and_records), else each
    table is read on a connection of its own."""
    tally = tally or Tally()
    compared = 0
    for name in seal.tables():
        counted = compared
        seals = book.tables.get(name) or _Seals(0)
        found: dict[str, list[tuple[Any, str]]] = {"record_changed": [], "record_added": []}
        try:
            with (nullcontext(snapshot) if snapshot is not None else ws.db.connect()) as conn, \
                    streaming(seal.row_digests(conn, name)) as digests:
                for key, digest in digests:
                    compared += 1
                    if compared % TICK == 0:
                        tally.add(compared - counted)
                        counted = compared
                    expected = seals.pop(key)
                    if expected == 0:
                        found["record_added"].append((key,
                            f"{_where(name, key)} tidak tercatat di log audit: ditambahkan di luar sopdesk"))
                    elif expected != _value(digest):
                        found["record_changed"].append((key,
                            f"{_where(name, key)} telah diubah di luar sopdesk: isinya tidak sama dengan "
                            "yang tercatat di log audit"))
        except (DBAPIError, ValueError, TypeError, OverflowError) as exc:
            reason = getattr(exc, "orig", None) or exc
            report.add("database", f"tabel {name} tidak dapat dibaca seluruhnya untuk dibandingkan "
                                   f"dengan log audit: {reason}")
            tally.add(compared - counted)
            continue
        tally.add(compared - counted)
        found["record_deleted"] = [(key, f"{_where(name, key)} telah dihapus di luar sopdesk: tercatat di "
                                         "log audit tetapi tidak ada lagi") for key in seals.left()]
        for kind, rows in found.items():
            for key, message in rows[:MAX_ROW_FINDINGS]:
                report.add(kind, message, table=name, row=key)
            if len(rows) > MAX_ROW_FINDINGS:
                report.add(kind, f"... dan {len(rows) - MAX_ROW_FINDINGS} baris lain tabel {name}", table=name)
    for event_id in sorted(set(book.unreadable))[:MAX_ROW_FINDINGS]:
        report.add("audit_changed", f"peristiwa audit #{event_id}: segel catatannya tidak dapat dibaca",
                   event_id=event_id)
    report.checked["records"] = compared


@dataclass
class ChainEnd:
    """What the chain check saw of the ends of the chain, for the anchor comparison."""

    wanted: set[int] = field(default_factory=set)  # event numbers the anchor names
    hashes: dict[int, str] = field(default_factory=dict)
    last: anchor.Head = field(default_factory=lambda: anchor.Head(0, ""))
    complete: bool = False  # the whole chain was read

    def see(self, event_id: int, digest: str) -> None:
        if event_id in self.wanted:
            self.hashes[event_id] = digest
        self.last = anchor.Head(event_id, digest)


def anchor_for(ws: Store, report: Findings) -> tuple[anchor.Anchor | None, ChainEnd]:
    """The workspace's anchor (a finding when it is unreadable) and what to watch for."""
    end = ChainEnd()
    data_dir = getattr(ws, "data_dir", None)
    if data_dir is None:
        return None, end
    try:
        found = anchor.read_anchor(Path(data_dir), ws.db.url)
    except anchor.AnchorUnreadable as exc:
        report.add("audit_anchor", f"jangkar rantai audit tidak dapat dibaca ({exc}): berkas itu telah "
                                   "diubah di luar sopdesk")
        return None, end
    if found is not None:
        end.wanted = {found.head.count} | ({found.before.count} if found.before else set())
    return found, end


def _newest_marked(ws: Store, data_dir: Path, found: anchor.Anchor, end: ChainEnd) -> bool:
    """The chain goes on after its anchor: whether its newest event carries this folder's key's
    mark (a commit whose anchor a crash or power cut kept from the disk; see engine.anchor)."""
    if end.last.count <= found.head.count or found.keyed is not True:
        return False
    key = anchor.read_key(data_dir)
    if key is None:
        return False
    with ws.db.reading() as session:
        newest = session.get(AuditEvent, end.last.count)
        return newest is not None and newest.hash == end.last.head and audit.carries_mark(newest, key)


def check_anchor(ws: Store, report: Findings, found: anchor.Anchor | None, end: ChainEnd) -> None:
    """The chain against its anchor beside the database (see engine.anchor)."""
    data_dir = getattr(ws, "data_dir", None)
    if data_dir is None or not end.complete:
        return
    strict = ws.db.dialect == "sqlite"
    if found is None:
        if anchor.read_key(Path(data_dir)) is not None and end.last.count > 0 and strict:
            name = anchor.anchor_path(Path(data_dir), ws.db.url).name
            report.add("audit_anchor", f"jangkar rantai audit ({name}) tidak ada di {data_dir}, "
                                       "padahal kantor ini mempunyai kunci jangkar: berkas itu telah dihapus "
                                       "di luar sopdesk")
        report.checked["anchor"] = "tidak ada"
        return
    if found.keyed is False:
        name = anchor.anchor_path(Path(data_dir), ws.db.url).name
        report.add("audit_anchor", f"jangkar rantai audit ({name}) tidak cocok dengan kuncinya: "
                                   "jangkar itu ditulis di luar sopdesk")
    if found.torn and end.last.count <= found.head.count:
        # a power cut tears only the write after a commit, which is in the chain: a spoilt slot
        # with the chain ending at the anchor before it is a newest action cut out (engine.anchor_slots)
        name = anchor.anchor_path(Path(data_dir), ws.db.url).name
        report.add("audit_anchor", f"salinan terbaru jangkar rantai audit ({name}) rusak, dan rantai berakhir "
                                   f"pada jangkar sebelumnya (#{found.head.count}); padam listrik tidak "
                                   "meninggalkan keadaan ini: tindakan terakhir telah dihapus di luar sopdesk")
    marked = strict and _newest_marked(ws, Path(data_dir), found, end)
    problems = anchor.compare(found, end.hashes, end.last, strict,
                              anchor.anchor_path(Path(data_dir), ws.db.url).name, marked)
    for problem in problems:
        report.add("audit_anchor", problem)
    head = found.head
    if marked and not problems:
        # an anchor a crash or power cut kept behind the chain's marked newest event: brought
        # forward, as the write after that commit would have (under the anchor's lock, never
        # over a newer head another desk wrote meanwhile)
        try:
            anchor.after_commit(Path(data_dir), end.last, ws.db.url)
            head = end.last
        except OSError:
            pass  # a read-only data folder: the next action writes it
    report.checked["anchor"] = {**head.as_dict(),
                                "kunci": {True: "cocok", False: "tidak cocok", None: "tidak ada"}[found.keyed]}
