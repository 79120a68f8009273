"""The demo's cases generated batch by batch, apart from the database (#15).

Everything the rows need is read from the office before the first case (`Start`: the SOPs,
the calendar, the users, the next free ids and case numbers). Each batch then comes out with
its rows a column at a time (demo_rows.columns_of), as the insert takes them. Nothing in
`generate` touches the database, so it can run in a second process (engine.demo_pipe) while
the first one writes the batch before; in one process or two, the same seed gives the same
rows in the same order (one generator, one random stream). Each row's seal is made with it
(demo_rows.digests); sealing each case's rows in its newest audit event and hashing the chain
on (`seal_batch`) is left to the writing process, as each batch arrives, with the seals of a
few tables (SEALED_BY_WRITER): it balances the two processes' work.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from itertools import count
from typing import Any

from sopdesk.catalog import Sop
from sopdesk.engine.audit import event_hash
from sopdesk.engine.demo_rows import Columns, aware, columns_of, digests
from sopdesk.engine.demo_walk import Plan, Remembered, Row, Rows, office_hours, walk
from sopdesk.engine.workdays import WorkCalendar
from sopdesk.store.models import (
    AuditEvent,
    Base,
    Case,
    CaseDeadline,
    ChecklistEntry,
    Document,
    Visitor,
    WorkItem,
)

SOP_WEIGHTS = {"PP": 50, "TKS": 25, "RAKOR": 15, "PAW": 10}
FIRST = ("Maria", "Yohanes", "Agustinus", "Fransiska", "Yosef", "Siti", "Ahmad", "Dewi",
         "Stefanus", "Elisabeth", "Rudi", "Nur", "Paulus", "Theresia", "Imanuel", "Rahmat",
         "Kristina", "Benediktus", "Aisyah", "Wayan")
LAST = ("Ndun", "Manafe", "Bria", "Lay", "Tefa", "Nenobais", "Fanggidae", "Ratu", "Kolo",
        "Suryadi", "Hidayat", "Lestari", "Pello", "Djami", "Seran", "Bere", "Tallo", "Sabu",
        "Nggadas", "Wungo")
INSTITUTIONS = ("Universitas Nusa Cendana", "Pos Kupang", "Bawaslu Kota Kupang",
                "LSM Peduli Pemilu NTT", "Partai Politik (pengurus kota)", "Mahasiswa",
                "Victory News", "Perorangan", "Pemerintah Kota Kupang", "Universitas Katolik Widya Mandira")
INFO_TOPICS = ("Data DPT per kelurahan Pemilu 2024", "Hasil rekapitulasi suara tingkat kota",
               "Daftar calon tetap anggota DPRD Kota", "Salinan Keputusan KPU tentang penetapan kursi",
               "Jadwal tahapan Pemilihan 2024", "Data penyandang disabilitas dalam DPT",
               "Laporan dana kampanye peserta pemilu", "Profil badan ad hoc PPK dan PPS")

SEALED_MODELS = (Case, WorkItem, ChecklistEntry, Document, Visitor, CaseDeadline)  # parents first
GENERATED = (*SEALED_MODELS, AuditEvent)  # the models whose ids the generation hands out
# the rows the writing process seals (seal_batch), the others sealed as they are made: the two
# processes' shares of the work about even (some 7 s of CPU per 10,000 cases each)
SEALED_BY_WRITER = (WorkItem, Document)
SEAL_JSON = json.JSONEncoder(sort_keys=True, separators=(",", ":")).encode  # as json.dumps, built once
DETAIL_JSON = json.JSONEncoder(ensure_ascii=False, sort_keys=True).encode
RECENT = 8  # the newest cases start on the last two working days: a demo always has open cases
HOLD = ("Kasubag", "Sekretaris")  # the newest cases wait on these roles in turn (steps of theirs in every SOP)


@dataclass
class Start:
    """What the generation needs of the office, read before the first case (picklable)."""

    cases: int
    flush_every: int  # cases between two batches
    rng: random.Random
    sops: dict[str, tuple[int, Sop]]  # SOP code -> (revision id, SOP)
    cal: Remembered
    users: dict[str, int]  # role name (and "admin") -> user id
    now: datetime
    today: datetime  # local midnight of today
    next_ids: dict[type[Base], int]  # per generated model: the first free id
    seqs: dict[tuple[str, int], int]  # (SOP code, year) -> the last case number given


@dataclass
class Batch:
    """One batch's rows, in writing order (parents first, the events last, not yet sealed nor
    chained: seal_batch), and its counts."""

    done: int  # cases generated so far (of Start.cases)
    tables: list[tuple[type[Base], Columns]]
    digests: dict[type[Base], dict[int, str]]  # the seal of each row (demo_rows.digests), but SEALED_BY_WRITER's
    counts: dict[str, int]


@dataclass
class End:
    """Where the generation left off: the random stream, ids, case numbers and chain head go on
    from here (the guests without a case, written after)."""

    rng: random.Random
    next_ids: dict[type[Base], int]
    seqs: dict[tuple[str, int], int]


class Ids:
    """Hands out primary keys so that related rows can be written in bulk."""

    def __init__(self, first: dict[type[Base], int]):
        self.next = {model: count(value) for model, value in first.items()}

    def __call__(self, model: type[Base]) -> int:
        return next(self.next[model])

    def left(self) -> dict[type[Base], int]:
        """The first free id per model (the counters are spent)."""
        return {model: next(counter) for model, counter in self.next.items()}


def generate(start: Start) -> Iterator[Batch | End]:  # noqa: PLR0915  # one case's making, in order
    """The demo's batches, then its End."""
    rng, cal, now, users, cases = start.rng, start.cal, start.now, start.users, start.cases
    tz = now.tzinfo
    sops = start.sops
    plans = {kode: Plan(sop) for kode, (_rev, sop) in sops.items()}
    ids = Ids(start.next_ids)
    seqs = dict(start.seqs)
    starts = sorted(
        start.today - timedelta(days=365) + timedelta(seconds=rng.uniform(0, 365 * 86400))
        for _ in range(cases)
    )
    first_recent = len(starts) - min(cases, RECENT)
    starts[first_recent:] = _recent_starts(cal, now, rng, min(cases, RECENT))
    rows: Rows = {model: [] for model in GENERATED}
    kodes, weights = zip(*SOP_WEIGHTS.items(), strict=True)

    def batch(done: int) -> Batch:
        """This batch's rows a column at a time; the rows are then let go."""
        counts = {"cases": len(rows[Case]), "open": sum(1 for c in rows[Case] if c["status"] == "open"),
                  "items": len(rows[WorkItem]), "visitors": len(rows[Visitor])}
        tables: list[tuple[type[Base], Columns]] = [(model, columns_of(model, rows[model])) for model in GENERATED]
        sealed: dict[type[Base], dict[int, str]] = {
            model: digests(model, columns) for model, (columns, _utc) in tables
            if model in SEALED_MODELS and model not in SEALED_BY_WRITER}
        for data in rows.values():
            data.clear()
        return Batch(done, tables, sealed, counts)

    def audit(at: datetime, user: int, action: str, case_id: int, item_id: int | None,
              step: int | None, **detail: Any) -> None:
        events = rows[AuditEvent]
        events.append({"id": ids(AuditEvent), "at": at.astimezone(tz), "user_id": user,
                       "action": action, "case_id": case_id, "work_item_id": item_id, "step_no": step,
                       "detail": DETAIL_JSON(detail), "prev_hash": None, "hash": None,
                       "sealed": None})  # seal_batch

    for done, begun in enumerate(starts):
        if done and done % start.flush_every == 0:
            yield batch(done)
        begun = office_hours(cal, begun, rng)
        if begun >= now:
            continue
        kode = rng.choices(kodes, weights)[0]
        rev_id, sop = sops[kode]
        plan = plans[kode]
        entry = rng.choice(sop.entri)
        year = cal.local(begun).year
        number = seqs[(kode, year)] = seqs.get((kode, year), 0) + 1
        case_id = ids(Case)
        person = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        title, requester = _title(kode, entry.kode, person, rng)
        starter = users[plan.steps[entry.kegiatan].role]
        case = {"id": case_id, "number": f"{kode}/{year}/{number:04d}", "sop_kode": kode,
                "sop_revision_id": rev_id, "entry": entry.kode, "title": title, "requester": requester,
                "status": "open", "started_at": begun, "started_by": starter,
                "closed_at": None, "close_reason": None}
        rows[Case].append(case)
        if kode == "PP" and entry.kode == "tamu":
            rows[Visitor].append(visitor(ids(Visitor), begun, starter, person, case_id, rng))
        deadlines = {}
        for rule in plan.rules:
            if rule.when_step is not None:  # added when its decision takes its route (demo_walk)
                continue
            due = cal.due(begun, rule.waktu) if rule.sejak == "mulai" else None
            deadlines[rule.kode] = {"id": ids(CaseDeadline), "case_id": case_id,
                                    "kode": rule.kode, "name": rule.nama, "kind": rule.jenis,
                                    "due_at": due, "met_at": None}
        audit(begun, starter, "case_started", case_id, None, entry.kegiatan, sop=kode,
              revisi=sop.revisi, entry=entry.kode, title=title)
        # the newest cases wait at a step of a role in turn: every inbox has work, at any hour
        hold = HOLD[(done - first_recent) % len(HOLD)] if done >= first_recent else None
        walk(plan, case, entry.kegiatan, begun, now, cal, rng, users, ids, rows, deadlines, audit, hold)
        rows[CaseDeadline].extend(deadlines.values())
    yield batch(cases)
    yield End(rng, ids.left(), seqs)


def _recent_starts(cal: WorkCalendar, now: datetime, rng: random.Random, count: int) -> list[datetime]:
    """`count` starts in the office hours of the two newest working days that have begun, before
    `now`: the newest cases are still open whatever the hour of the demo (at 00:10 the year's
    random starts alone could leave a small demo with no open case and empty inboxes), and the
    day before gives them time to reach the later steps (at 08:20 the newest day alone held
    only first steps: no Kasubag work at all)."""
    local = cal.local(now)
    day = local.date()
    spans: list[tuple[datetime, float]] = []  # (opening, seconds of office hours before now)
    while len(spans) < 2:
        opens = local.replace(year=day.year, month=day.month, day=day.day, hour=8, minute=0, second=0,
                              microsecond=0)
        if cal.is_working_day(day) and opens < local:
            spans.append((opens, (min(local, opens.replace(hour=16)) - opens).total_seconds()))
        day -= timedelta(days=1)
    (newest, today), (before, _) = spans
    starts = []
    for _ in range(count):
        offset = rng.uniform(0, today + spans[1][1])
        at = newest + timedelta(seconds=offset) if offset <= today else before + timedelta(seconds=offset - today)
        starts.append(at.astimezone(now.tzinfo))
    return sorted(starts)


def _title(kode: str, entry: str, person: str, rng: random.Random) -> tuple[str, str | None]:
    if kode == "PP":
        topic = rng.choice(INFO_TOPICS)
        how = "datang langsung" if entry == "tamu" else "surat"
        return f"Permohonan informasi ({how}): {topic}", person
    if kode == "PAW":
        return (f"Usulan PAW Anggota DPRD Provinsi NTT a.n. {person}",
                "Pimpinan DPRD Provinsi NTT")
    if kode == "RAKOR":
        subject = rng.choice(("Rapat Koordinasi Pemutakhiran Data Pemilih",
                              "Rapat Kerja Evaluasi Anggaran", "Rapat Koordinasi Logistik",
                              "Rapat Kerja Penyusunan Program"))
        return subject, None
    return rng.choice(("Tindak lanjut Rapat Pleno Rutin mingguan",
                       "Pelaksanaan keputusan Pleno tentang sosialisasi",
                       "Pelaksanaan keputusan Pleno tentang pengadaan")), None


def visitor(visitor_id: int, at: datetime, clerk: int, person: str, case_id: int | None,
            rng: random.Random, purpose: str = "permohonan_informasi") -> Row:
    info = rng.choice(INFO_TOPICS) if purpose == "permohonan_informasi" else None
    return {"id": visitor_id, "registered_at": at, "registered_by": clerk, "name": person,
            "id_number": "5371" + "".join(str(rng.randint(0, 9)) for _ in range(12)),
            "institution": rng.choice(INSTITUTIONS), "occupation": None,
            "address": f"Jl. {rng.choice(LAST)} No. {rng.randint(1, 99)}, Kota Kupang",
            "phone": "08" + "".join(str(rng.randint(0, 9)) for _ in range(10)), "email": None,
            "purpose": purpose, "purpose_text": None, "info_requested": info,
            "info_use": "Penelitian" if info else None,
            "obtain_method": "salinan_elektronik" if info else None,
            "delivery_method": "langsung" if info else None, "case_id": case_id}


def seal_batch(batch: Batch, head: str) -> str:
    """Seal each case's rows of the batch (their digests, made with them) in its newest event, as the
    office's own actions would have, then hash the chain on from `head` (the newest event
    before these); fills in the events' sealed, prev_hash and hash columns and returns the new
    head."""
    tables = {model: columns for model, (columns, _utc) in batch.tables}

    def pairs(model: type[Base], owner: str) -> dict[int, int]:
        columns = tables[model]
        return dict(zip(columns["id"], columns[owner], strict=True)) if columns else {}

    owner: dict[str, dict[int, int]] = {
        "case_file": pairs(Case, "id"), "work_item": pairs(WorkItem, "case_id"),
        "document": pairs(Document, "case_id"), "case_deadline": pairs(CaseDeadline, "case_id"),
        "visitor": pairs(Visitor, "case_id"),
    }
    of_item = owner["work_item"]
    owner["checklist_entry"] = {key: of_item[item] for key, item in pairs(ChecklistEntry, "work_item_id").items()}
    sealed: dict[int, dict[str, dict[str, str]]] = {}
    for model in SEALED_MODELS:  # in any order: the seal's JSON sorts its keys
        table = model.__tablename__
        cases_of = owner[table]
        found = batch.digests[model] if model in batch.digests else digests(model, tables[model])
        for key, digest in found.items():
            case_id = cases_of.get(key)
            if case_id is not None:
                sealed.setdefault(case_id, {}).setdefault(table, {})[str(key)] = digest
    events = tables[AuditEvent]
    if not events:
        return head
    newest = {case_id: index for index, case_id in enumerate(events["case_id"])}  # the last one wins
    seals: list[str | None] = [None] * len(events["id"])
    for case_id, index in newest.items():
        if case_id in sealed:
            seals[index] = SEAL_JSON(sealed[case_id])
    prevs, hashes = [], []
    for fields in zip(map(aware, events["at"]), events["user_id"], events["action"], events["case_id"],
                      events["work_item_id"], events["step_no"], events["detail"], seals, strict=True):
        prevs.append(head)
        head = event_hash(head, *fields)
        hashes.append(head)
    events["sealed"], events["prev_hash"], events["hash"] = seals, prevs, hashes
    return head
